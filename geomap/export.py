"""Incident files: the frame's schema, and where they are written and read.

:func:`write_incidents` (from :mod:`geomap.writers`) writes GeoJSON, GeoPackage,
GeoParquet, FlatGeobuf, KML or CSV through pyogrio/GDAL and pyarrow;
:func:`read_incidents` (from :mod:`geomap.readers`) reads them back, and ACLED and
GDELT files too, into the frame documented in ``docs/schema.md`` (:data:`SCHEMA`
gives every column's dtype; :func:`conform_incidents` casts a frame to it).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point  # noqa: F401  (the doctest's)

from geomap.errors import describe

#: Every incident column (``docs/schema.md``) in order, with its pandas dtype.
#: ``json`` marks the nested columns (dict / list of dicts) held as Python objects.
SCHEMA: dict[str, str] = {
    "event_id": "str",
    "event_date": "datetime64[ns]",
    "time_precision": "Int64",
    "disorder_type": "str",
    "event_type": "str",
    "sub_event_type": "str",
    "actor1": "str",
    "actor2": "str",
    "country": "str",
    "iso": "str",
    "admin1": "str",
    "location": "str",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "int64",
    "location_kind": "str",
    "place_id": "str",
    "fatalities": "int64",
    "injured": "Int64",
    "quantities": "json",
    "source": "str",
    "title": "str",
    "url": "str",
    "notes": "str",
    "evidence": "json",
    "confidence": "float64",
}

#: Empty value of each nested column.
JSON_DEFAULTS: dict[str, Callable[[], object]] = {"quantities": dict, "evidence": list}

#: Name of the GeoPackage layer.
GPKG_LAYER = "incidents"

CRS = "EPSG:4326"


# --- writing ----------------------------------------------------------------------------------
# The writers live in geomap.writers (one table of formats, all through pyogrio/GDAL and
# pyarrow); these names stay here for callers of geomap.export.

from geomap.writers import FORMATS, write_incidents  # noqa: E402, F401  (re-exported)


def output_driver(path: str | os.PathLike, driver: str | None = None) -> str:
    """The output format (a key of :data:`geomap.writers.FORMATS`) for ``path``; see
    :func:`geomap.writers.output_format`.

    Examples
    --------
    >>> output_driver("out.gpkg"), output_driver("-"), output_driver("x.csv", "GPKG")
    ('gpkg', 'geojson', 'gpkg')
    """
    from geomap.writers import output_format

    return output_format(path, driver)


def to_geojson(gdf: gpd.GeoDataFrame, **options) -> str:
    """The incidents as RFC 7946 GeoJSON text (what :func:`write_incidents` writes to ``.geojson``).

    ``options`` are :func:`write_incidents`'s (``layout``, ``country_points``, ``areas``...).

    Examples
    --------
    >>> frame = gpd.GeoDataFrame({"event_id": ["a"]}, geometry=[Point(30.523333, 50.45)], crs=CRS)
    >>> json.loads(to_geojson(frame))["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [30.52333, 50.45]}
    """
    with tempfile.TemporaryDirectory(prefix="geomap-") as folder:
        path = write_incidents(gdf, Path(folder, "incidents.geojson"), **options)
        return path.read_text(encoding="utf-8")


# --- helpers ---------------------------------------------------------------------------------


def _cannot_grow(folder: Path) -> str | None:
    """Why a file in ``folder`` cannot grow (a full disk, a file size limit), or None.

    SQLite reports a write that failed half-way as whatever statement failed next
    ("no such table: gpkg_contents"); a small probe write tells the real reason.
    """
    try:
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(b"\0" * 65536)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as err:
        return err.strerror or str(err)
    return None


def _gdal_reason(err: Exception) -> str:
    """GDAL's error, short: SQLite's "database or disk is full" is the disk's ENOSPC."""
    message = " ".join(str(err).split())
    if "disk is full" in message or "No space left" in message:
        return "No space left on device"
    # SQLite errors quote the whole statement: keep what failed, not the SQL.
    return describe(Exception(message.rpartition(") failed: ")[2] or message), limit=160).removeprefix("Exception: ")


# Reading lives in geomap.readers (one module per source); these names stay here for callers.
from geomap.readers import conform_incidents, read_incidents  # noqa: E402, F401  (re-exported)
