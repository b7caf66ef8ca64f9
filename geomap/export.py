"""Incident files: written (:mod:`geomap.writers`) and read back.

:func:`write_incidents` (from :mod:`geomap.writers`) writes GeoJSON, GeoPackage,
GeoParquet, FlatGeobuf, KML or CSV through pyogrio/GDAL and pyarrow; :func:`read_incidents`
reads any of them back into the frame documented in ``docs/schema.md``
(:data:`SCHEMA` gives every column's dtype; :func:`conform_incidents` casts a
frame to it).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point, shape

from geomap.article import clean_text
from geomap.errors import InputError, UnreadableInputError, describe

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


# --- reading ----------------------------------------------------------------------------------

#: Lower-case suffix → reader.
SUFFIX_TO_DRIVER: dict[str, str] = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".csv": "csv"}


def read_incidents(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Read an incidents file written by :func:`write_incidents` back into the frame.

    Parameters
    ----------
    path : path-like
        A ``.geojson``/``.json``, ``.gpkg`` or ``.csv`` incidents file.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns and dtypes of :data:`SCHEMA`, nested columns parsed, CRS
        EPSG:4326, country-level rows with an empty geometry.

    Raises
    ------
    UnreadableInputError
        When the file is missing or cannot be opened.
    InputError
        When it is malformed or is not an incidents file (columns missing).
    """
    source = Path(path)
    if not source.is_file():
        raise UnreadableInputError(f"{source}: no such file")
    suffix = source.suffix.lower()
    if suffix not in SUFFIX_TO_DRIVER:
        known = ", ".join(sorted(SUFFIX_TO_DRIVER))
        raise InputError(f"{source}: unknown incidents file type {suffix or '(none)'} (known: {known})")
    reader = {"geojson": _read_geojson, "gpkg": _read_gpkg, "csv": _read_csv}[SUFFIX_TO_DRIVER[suffix]]
    frame = reader(source)
    return conform_incidents(frame, source=str(source))


def conform_incidents(frame: pd.DataFrame, *, source: str = "incidents") -> gpd.GeoDataFrame:
    """Cast a frame of incidents to :data:`SCHEMA` (column order, dtypes, nested values, CRS).

    Nested columns given as JSON text are parsed; a missing geometry becomes
    ``Point(longitude, latitude)`` when both are known, else an empty point.
    Columns not in the schema are kept after the schema's.

    Parameters
    ----------
    frame : pandas.DataFrame or geopandas.GeoDataFrame
        Incidents.
    source : str
        Name of the input, for error messages.

    Raises
    ------
    InputError
        When columns are missing or values cannot be cast (one line naming the column).
    """
    missing = [c for c in SCHEMA if c not in frame.columns]
    if missing:
        raise InputError(f"{source}: not a geomap incidents file (missing columns: {', '.join(missing)})")
    out = {}
    for column, dtype in SCHEMA.items():
        try:
            out[column] = _cast(frame[column], column, dtype)
        except (ValueError, TypeError, OverflowError) as err:
            raise InputError(f"{source}: bad values in column {column!r} ({_one_line(err)})") from err
    geometry_name = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    extra = [c for c in frame.columns if c not in SCHEMA and c != geometry_name]
    for column in extra:
        out[column] = frame[column].to_numpy()
    if geometry_name is not None:
        geometry = [g if g is not None else Point() for g in frame.geometry]
    else:
        # lon/lat order: shapely speaks (x, y) = (longitude, latitude).
        geometry = [
            Point(lon, lat) if math.isfinite(lat) and math.isfinite(lon) else Point()
            for lat, lon in zip(out["latitude"], out["longitude"])
        ]
    result = gpd.GeoDataFrame(out, index=pd.RangeIndex(len(frame)), geometry=geometry, crs=CRS)
    if isinstance(frame, gpd.GeoDataFrame) and frame.crs is not None and not frame.crs.equals(CRS):
        result = result.set_crs(frame.crs, allow_override=True).to_crs(CRS)
    return result


def _read_geojson(path: Path) -> gpd.GeoDataFrame:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise UnreadableInputError(f"{path}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise UnreadableInputError(f"{path}: not UTF-8 text") from err
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: invalid JSON at line {err.lineno} ({err.msg})") from err
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
        data.get("features"), list
    ):
        raise InputError(f"{path}: not a GeoJSON FeatureCollection")
    rows, geometries = [], []
    for number, feature in enumerate(data["features"], 1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(f"{path}: feature {number} is not a GeoJSON Feature")
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise InputError(f"{path}: feature {number} has no properties object")
        rows.append(properties)
        geometry = feature.get("geometry")
        try:
            geometries.append(shape(geometry) if geometry else Point())
        except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException) as err:
            raise InputError(f"{path}: feature {number} has an invalid geometry ({_one_line(err)})") from err
    frame = pd.DataFrame(rows, columns=list(dict.fromkeys(c for row in rows for c in row)) or list(SCHEMA))
    return gpd.GeoDataFrame(frame, geometry=geometries, crs=CRS)


def _read_gpkg(path: Path) -> gpd.GeoDataFrame:
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
        layer = GPKG_LAYER if GPKG_LAYER in layers else (layers[0] if layers else None)
        if layer is None:
            raise InputError(f"{path}: GeoPackage has no layers")
        return pyogrio.read_dataframe(path, layer=layer)
    except (DataSourceError, DataLayerError) as err:
        raise InputError(f"{path}: not a readable GeoPackage ({_one_line(err)})") from err


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        # Everything as text; keep_default_na=False so "NA" in a name stays a name.
        # CSV cannot tell an empty text from a missing one: both come back missing.
        frame = pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8-sig")
        return frame.replace("", None)
    except UnicodeDecodeError as err:
        raise UnreadableInputError(f"{path}: not UTF-8 text") from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise InputError(f"{path}: not a readable CSV ({_one_line(err)})") from err


# --- helpers ---------------------------------------------------------------------------------



def _wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        return gdf.set_crs(CRS)
    return gdf if gdf.crs.equals(CRS) else gdf.to_crs(CRS)






def _cast(series: pd.Series, column: str, dtype: str) -> object:
    values = series.tolist()
    if dtype == "json":
        default = JSON_DEFAULTS[column]
        return [_parse_json(v, default) for v in values]
    if dtype == "str":
        return pd.Series([_text(v) for v in values], dtype="str").array
    if dtype.startswith("datetime64"):
        parsed = pd.to_datetime(pd.Series([None if _missing(v) else v for v in values], dtype=object), format="mixed")
        if parsed.dt.tz is not None:
            parsed = parsed.dt.tz_localize(None)
        return parsed.dt.normalize().astype(dtype).array
    if dtype == "Int64":
        return pd.array([None if _missing(v) else int(float(v)) for v in values], dtype="Int64")
    if dtype == "int64":
        if any(_missing(v) for v in values):
            raise ValueError("missing values")
        return np.array([int(float(v)) for v in values], dtype="int64")
    return np.array([math.nan if _missing(v) else float(v) for v in values], dtype=dtype)


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, str):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: object) -> str | None:
    if _missing(value):
        return None
    return clean_text(value if isinstance(value, str) else str(value))


def _parse_json(value: object, default: Callable[[], object]) -> object:
    if isinstance(value, (dict, list)):
        return value
    if _missing(value):
        return default()
    parsed = json.loads(value)
    if not isinstance(parsed, type(default())):
        raise ValueError(f"expected a JSON {type(default()).__name__}, got {type(parsed).__name__}")
    return parsed


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
