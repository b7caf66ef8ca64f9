"""geomap: offline-first geospatial incident mapper.

Data flows one way::

    articles (geomap.ingest) → analysed documents (geomap.document, geomap.analysis; places
        from gazetteer) → incidents (geomap.incidents) → merged incidents (geomap.merge)
        → GeoDataFrame (geomap.frame) → map (geomap.render) / files (geomap.export)

Nothing heavy is imported with this package; import the step you need.
"""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str):
    # geomap.extract(...) without importing geopandas with the package: the
    # pipeline is loaded on first use only.
    if name == "extract":
        from geomap.pipeline import extract

        return extract
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
