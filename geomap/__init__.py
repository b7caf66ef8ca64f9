"""geomap: offline-first geospatial incident mapper.

Data flows one way::

    articles (geomap.ingest) → mentions & places (gazetteer) → incidents (geomap.incidents)
        → GeoDataFrame (geomap.frame) → map (geomap.render) / files (geomap.export)

Nothing heavy is imported with this package; import the step you need.
"""

from __future__ import annotations

__version__ = "0.1.0"
