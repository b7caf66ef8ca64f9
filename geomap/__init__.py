"""geomap: offline-first geospatial incident mapper.

Data flows one way::

    articles (geomap.ingest) → analysed documents (geomap.document, geomap.analysis; places
        from gazetteer) → incidents (geomap.incidents) → merged incidents (geomap.merge)
        → GeoDataFrame (geomap.frame) → map (geomap.render) / files (geomap.export)
    incident files (geomap.readers: ACLED, GDELT, geomap's own) → GeoDataFrame rows, merged
        with extracted ones by geomap.load.load_incidents (the caller that tells them apart)

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
    if name == "read_incidents":
        from geomap.readers import read_incidents

        return read_incidents
    if name == "load_incidents":
        from geomap.load import load_incidents

        return load_incidents
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")
