"""geomap: offline-first geospatial incident mapper.

Data flows one way::

    articles (geomap.ingest) → mentions & places (gazetteer) → incidents (geomap.incidents)
        → GeoDataFrame (geomap.frame) → map (geomap.render) / files (geomap.export)

Nothing heavy is imported with this package; import the step you need.
"""

from __future__ import annotations

__version__ = "0.1.0"


def __getattr__(name: str):
    # geomap.extract(...) without importing geopandas with the package: the
    # pipeline is loaded on first use only.
    if name == "extract":
        # The package geomap.extract is callable (see its __init__): importing
        # it binds the name for good and calls go to geomap.pipeline.extract.
        import importlib

        return importlib.import_module("geomap.extract")
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
