"""Incident files: GeoJSON (RFC 7946), GeoPackage and CSV, written.

:func:`write_incidents` picks the format from the file's suffix (or ``driver``)
and writes through :func:`geomap.fileio.atomic_write`. :data:`SCHEMA` gives
every column's dtype (``docs/schema.md``). Writers are registered in one table,
:data:`WRITERS`. Reading files back is :mod:`geomap.readers`' business
(:func:`~geomap.readers.read_incidents`, :func:`~geomap.readers.conform_incidents`;
both importable from here too).

* **GeoJSON**: a FeatureCollection in longitude/latitude order, without a ``crs``
  member, coordinates rounded to :data:`COORDINATE_DECIMALS` decimals,
  ``event_date`` as ``YYYY-MM-DD`` or null, ``quantities``/``evidence`` as JSON
  objects and arrays, country-level rows (empty geometry) with ``"geometry": null``.
* **GeoPackage**: layer ``incidents``; nested columns as JSON text.
* **CSV**: UTF-8, no geometry column (``latitude``/``longitude`` carry it), nested
  columns as JSON text, ``event_date`` as ``YYYY-MM-DD``.
"""

from __future__ import annotations

import csv
import json
import math
import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, mapping

from geomap.errors import ConfigurationError, OutputError, describe
from geomap.fileio import atomic_write, atomic_write_text, is_stream_target

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

#: Decimals kept in GeoJSON coordinates (1e-5 degrees is about 1 m).
COORDINATE_DECIMALS = 5

#: Name of the GeoPackage layer.
GPKG_LAYER = "incidents"

CRS = "EPSG:4326"


# --- writing ----------------------------------------------------------------------------------


def to_geojson(gdf: gpd.GeoDataFrame, *, indent: int | None = None) -> str:
    """The incidents as an RFC 7946 GeoJSON FeatureCollection (a string).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents (any CRS; reprojected to WGS84).
    indent : int, optional
        Indentation for people reading the file; compact by default.

    Returns
    -------
    str
        The GeoJSON text, valid JSON (no ``NaN``), without a ``crs`` member.

    Examples
    --------
    >>> frame = gpd.GeoDataFrame({"event_id": ["a"]}, geometry=[Point(30.523333, 50.45)], crs=CRS)
    >>> to_geojson(frame)
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a", "properties": {"event_id": "a"}, \
"geometry": {"type": "Point", "coordinates": [30.52333, 50.45]}}]}'
    """
    gdf = _wgs84(gdf)
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    features = []
    for values, geom in zip(gdf[columns].itertuples(index=False, name=None), gdf.geometry):
        properties = {col: _json_value(col, value) for col, value in zip(columns, values)}
        feature = {"type": "Feature"}
        if isinstance(properties.get("event_id"), str):
            feature["id"] = properties["event_id"]
        feature["properties"] = properties
        feature["geometry"] = _geojson_geometry(geom)
        features.append(feature)
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=indent)


def write_geojson(gdf: gpd.GeoDataFrame, path: str | os.PathLike) -> Path:
    """Write ``gdf`` as RFC 7946 GeoJSON (see :func:`to_geojson`), atomically."""
    return atomic_write_text(path, to_geojson(gdf) + "\n")


def write_gpkg(gdf: gpd.GeoDataFrame, path: str | os.PathLike) -> Path:
    """Write ``gdf`` as a GeoPackage (layer ``incidents``), atomically."""
    import pyogrio

    frame = _flat(_wgs84(gdf))
    # GeoPackage has no "empty point" that every reader understands; a null
    # geometry is what GIS tools expect for an unlocated row.
    frame = frame.set_geometry(frame.geometry.where(~frame.geometry.is_empty, None))
    # Declare the layer's type when every row is a point (or there are no rows).
    geometry_type = "Point" if _all_points(frame) else None

    def write(tmp: Path) -> None:
        try:
            pyogrio.write_dataframe(frame, tmp, layer=GPKG_LAYER, driver="GPKG", geometry_type=geometry_type)
        except (
            pyogrio.errors.DataSourceError,
            pyogrio.errors.FeatureError,
            pyogrio.errors.DataLayerError,
            pyogrio.errors.GeometryError,
        ) as err:  # GDAL's errors are not OSErrors, and name the SQL that failed, not why
            reason = _cannot_grow(tmp.parent) or _gdal_reason(err)
            raise OutputError(f"cannot write {path}: {reason}") from err

    return atomic_write(path, write)


def write_csv(gdf: gpd.GeoDataFrame, path: str | os.PathLike) -> Path:
    """Write ``gdf`` as UTF-8 CSV without geometry (``latitude``/``longitude`` carry it), atomically."""
    frame = pd.DataFrame(_flat(_wgs84(gdf)).drop(columns=gdf.geometry.name))

    def write(tmp: Path) -> None:
        frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)

    return atomic_write(path, write)


#: Writer name → function(gdf, path).
WRITERS: dict[str, Callable[[gpd.GeoDataFrame, str | os.PathLike], Path]] = {
    "geojson": write_geojson,
    "gpkg": write_gpkg,
    "csv": write_csv,
}

#: Lower-case suffix → writer name (also used to pick the reader).
SUFFIX_TO_DRIVER: dict[str, str] = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv"}


def write_incidents(gdf: gpd.GeoDataFrame, path: str | os.PathLike, *, driver: str | None = None) -> Path:
    """Write incidents to ``path`` in the format its suffix names, atomically.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents as :func:`geomap.extract` returns them (``docs/schema.md``).
    path : path-like
        ``.geojson``/``.json`` (RFC 7946), ``.gpkg`` (GeoPackage) or ``.csv``.
    driver : str, optional
        ``geojson``, ``gpkg`` or ``csv`` (or GDAL's ``GeoJSON``/``GPKG``/``CSV``),
        overriding the suffix.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ConfigurationError
        For an unknown suffix or driver, or when ``gdf`` is not a GeoDataFrame.
    OutputError
        When the file cannot be written (the previous file, if any, is kept).

    Examples
    --------
    >>> write_incidents(gdf, "incidents.geojson")  # doctest: +SKIP
    """
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise ConfigurationError(f"expected a GeoDataFrame of incidents, got {type(gdf).__name__}")
    name = output_driver(path, driver)
    return WRITERS[name](gdf, path)


# --- helpers ---------------------------------------------------------------------------------


def output_driver(path: str | os.PathLike, driver: str | None = None) -> str:
    """The writer (a key of :data:`WRITERS`) for ``path``: ``driver`` if given, else by suffix.

    ``-``, a device or a FIFO without a known suffix gets GeoJSON.

    Raises
    ------
    ConfigurationError
        For an unknown driver or suffix.

    Examples
    --------
    >>> output_driver("out.gpkg"), output_driver("-"), output_driver("x.csv", "GPKG")
    ('gpkg', 'geojson', 'gpkg')
    """
    if driver is not None:
        name = driver.lower()
        if name not in WRITERS:
            raise ConfigurationError(f"unknown output driver {driver!r} (known: {', '.join(WRITERS)})")
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIX_TO_DRIVER and is_stream_target(path):
        return "geojson"
    if suffix not in SUFFIX_TO_DRIVER:
        known = ", ".join(sorted(SUFFIX_TO_DRIVER))
        raise ConfigurationError(f"{path}: unknown output file type {suffix or '(none)'} (known: {known})")
    return SUFFIX_TO_DRIVER[suffix]


def _wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        return gdf.set_crs(CRS)
    return gdf if gdf.crs.equals(CRS) else gdf.to_crs(CRS)


def _all_points(frame: gpd.GeoDataFrame) -> bool:
    types = set(frame.geometry.dropna().geom_type)
    return types <= {"Point"}


def _flat(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy with nested columns as JSON text and dates as ``YYYY-MM-DD`` text."""
    frame = gdf.copy()
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        series = frame[column]
        if column in JSON_DEFAULTS or any(isinstance(v, (dict, list)) for v in series):
            frame[column] = series.map(lambda v, c=column: _json_text(c, v))
        elif column == "event_date" or pd.api.types.is_datetime64_any_dtype(series):
            frame[column] = series.map(lambda v, c=column: _json_value(c, v))
    return frame


def _json_text(column: str, value: object) -> str:
    converted = _json_value(column, value)
    if converted is None:
        converted = JSON_DEFAULTS.get(column, lambda: None)()
    return json.dumps(converted, ensure_ascii=False, allow_nan=False)


def _json_value(column: str, value: object) -> object:
    """A JSON-ready copy of ``value``: no NaN/NaT/NA, numpy scalars unwrapped, dates as text."""
    if isinstance(value, dict):
        return {str(k): _json_value(column, v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_json_value(column, v) for v in value]
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (pd.Timestamp, datetime)):
        if pd.isna(value):
            return None
        return value.strftime("%Y-%m-%d") if column == "event_date" else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _geojson_geometry(geom) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    rounded = shapely.set_precision(geom, 10 ** -COORDINATE_DECIMALS)
    if rounded.is_empty:  # a sliver that rounding collapsed: keep the original shape
        rounded = shapely.transform(geom, lambda xy: np.round(xy, COORDINATE_DECIMALS))
    # RFC 7946 §3.1.6: exterior rings counter-clockwise.
    rounded = shapely.orient_polygons(rounded)
    return _rounded_mapping(mapping(rounded))


def _rounded_mapping(value):
    # set_precision snaps to the grid in binary floating point; round the decimals
    # so the file shows 30.52333, not 30.523330000000001.
    if isinstance(value, dict):
        return {k: _rounded_mapping(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded_mapping(v) for v in value]
    if isinstance(value, float):
        return round(value, COORDINATE_DECIMALS)
    return value


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


def _one_line(err: object) -> str:
    return " ".join(str(err).split())


# Reading moved to geomap.readers (geomap_files: the schema's casts); kept importable from here.
from geomap.readers import conform_incidents, read_incidents  # noqa: E402
