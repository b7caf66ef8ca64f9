"""geomap's own incident files read back: the columns of ``docs/schema.md``, cast to their dtypes.

:func:`conform_incidents` is the one place a frame is cast to the schema
(:data:`geomap.export.SCHEMA` plus the optional ACLED columns of
:data:`OPTIONAL_COLUMNS`); frames built by extraction (:func:`geomap.frame.to_frame`)
and by every reader go through it, so all incidents live in one schema.
:class:`GeomapReader` recognises a table written by ``geomap extract`` (GeoJSON,
GeoPackage, GeoParquet or CSV) by its columns.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from geomap.article import clean_text
from geomap.errors import InputError
from geomap.readers.base import IncidentReader

__all__ = ["OPTIONAL_COLUMNS", "GeomapReader", "conform_incidents"]

#: Columns a frame may carry beyond :data:`geomap.export.SCHEMA`, named as ACLED's
#: codebook names them, with their dtypes; filled for rows read from ACLED files
#: (``docs/schema.md``). Cast when present, never required.
OPTIONAL_COLUMNS: dict[str, str] = {
    "event_id_cnty": "str",
    "assoc_actor_1": "str",
    "inter1": "str",
    "assoc_actor_2": "str",
    "inter2": "str",
    "interaction": "str",
    "civilian_targeting": "str",
    "iso_numeric": "Int64",
    "region": "str",
    "admin2": "str",
    "admin3": "str",
    "source_scale": "str",
    "tags": "str",
    "timestamp": "Int64",
}

#: Columns that say a table is geomap's own (the others of the schema may be missing in old files).
_OWN_COLUMNS = ("event_id", "location_kind", "place_id")


class GeomapReader(IncidentReader):
    """Files ``geomap extract`` writes: every column of the schema is there.

    Rows of one file were merged when it was written, so they are not merged with
    each other again (they merge with other inputs' rows).
    """

    name = "geomap"
    merge_scope = "file"

    def matches(self, columns: Iterable[str]) -> bool:
        names = set(columns)
        # A FeatureCollection without features has no columns at all: no incidents, in any layout.
        return set(_OWN_COLUMNS) <= names or not names - {"geometry"}

    def conform(self, table: pd.DataFrame, *, source: str):
        if len(table) == 0:
            from geomap.export import SCHEMA

            table = table.reindex(columns=[*SCHEMA, *(c for c in table.columns if c not in SCHEMA)])
        return conform_incidents(table, source=source)


def conform_incidents(frame: pd.DataFrame, *, source: str = "incidents"):
    """Cast a frame of incidents to :data:`geomap.export.SCHEMA` (column order, dtypes, nested values, CRS).

    Nested columns given as JSON text are parsed; a missing geometry becomes
    ``Point(longitude, latitude)`` when both are known, else an empty point.
    The :data:`OPTIONAL_COLUMNS` present follow the schema's, cast to their
    dtypes; other columns are kept after them as they are.

    Parameters
    ----------
    frame : pandas.DataFrame or geopandas.GeoDataFrame
        Incidents.
    source : str
        Name of the input, for error messages.

    Returns
    -------
    geopandas.GeoDataFrame
        CRS EPSG:4326, a fresh ``RangeIndex``.

    Raises
    ------
    InputError
        When columns are missing or values cannot be cast (one line naming the column).
    """
    import geopandas as gpd
    from shapely.geometry import Point

    from geomap.export import CRS, SCHEMA

    missing = [c for c in SCHEMA if c not in frame.columns]
    if missing:
        raise InputError(f"{source}: not a geomap incidents file (missing columns: {', '.join(missing)})")
    geometry_name = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    out = {}
    typed = {**SCHEMA, **{c: t for c, t in OPTIONAL_COLUMNS.items() if c in frame.columns}}
    for column, dtype in typed.items():
        try:
            out[column] = _cast(frame[column], column, dtype)
        except (ValueError, TypeError, OverflowError) as err:
            raise InputError(f"{source}: bad values in column {column!r} ({_one_line(err)})") from err
    for column in frame.columns:
        if column not in typed and column != geometry_name:
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


# The empty value of each nested column is the writer's (geomap.export.JSON_DEFAULTS).
def _json_defaults() -> dict[str, Callable[[], object]]:
    from geomap.export import JSON_DEFAULTS

    return JSON_DEFAULTS


def _cast(series: pd.Series, column: str, dtype: str) -> object:
    values = series.tolist()
    if dtype == "json":
        default = _json_defaults()[column]
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
    if isinstance(value, np.ndarray):  # Parquet gives lists as arrays
        return value.tolist()
    if _missing(value):
        return default()
    parsed = json.loads(value)
    if not isinstance(parsed, type(default())):
        raise ValueError(f"expected a JSON {type(default()).__name__}, got {type(parsed).__name__}")
    return parsed


def _one_line(err: object) -> str:
    return " ".join(str(err).split())
