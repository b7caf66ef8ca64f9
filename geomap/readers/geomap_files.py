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
import re
from collections.abc import Callable, Iterable, Iterator

import numpy as np
import orjson
import pandas as pd

from geomap.article import clean_text
from geomap.errors import InputError
from geomap.readers.base import IncidentReader
from geomap.readers.columns import is_text_dtype

__all__ = [
    "EVIDENCE_SHAPE", "NESTED", "OPTIONAL_COLUMNS", "GeomapReader", "conform_incidents", "loads_json",
    "loads_json_each", "parse_nested", "shaped_evidence_texts",
]

#: What a frame's nested columns (``json`` in :data:`geomap.export.SCHEMA`) hold:
#: ``objects``, their parsed values (dicts, lists: the schema's frame); ``text``, a
#: column read as JSON text left as that text, each value checked as the parse would
#: check it (for callers that only show them: the map), missing values standing for
#: the empty value. A column that is not text is parsed either way.
NESTED = ("objects", "text")

#: Rows checked at a time in a nested column kept as text (their parsed values are dropped).
_CHECK_ROWS = 100_000

_PLAIN_STRING = r'"[^"\\\x00-\x1f]*"'  # a JSON string with no escape and no control character
_OFFSET = r"(?:null|-?(?:0|[1-9][0-9]{0,17}))"  # null or an integer within 64 bits

#: The evidence of one sentence as ``geomap extract`` writes it (orjson's spelling, no spaces):
#: its source and text, and its offsets when known. A text of exactly this shape (an RE2
#: pattern: ``$`` is the end of the text) is a JSON list of one dict whose ``text`` is the group
#: ``text`` as it stands: neither string holds an escape to undo or a control character that
#: ``json.loads`` refuses, no key is repeated, and the offsets are integers of 64 bits or null.
#: The check of a text column and the map take such values without parsing them; any other
#: text is parsed (#13: a million sentences were parsed twice, 4.5 s).
EVIDENCE_SHAPE = (
    r'^\[\{"source":' + _PLAIN_STRING + r',"text":"(?P<text>[^"\\\x00-\x1f]*)"'
    r'(?:,"start":' + _OFFSET + r',"end":' + _OFFSET + r")?\}\]$"
)

#: The pattern of values of each nested column known to parse into its kind (:func:`_checked_json_text`).
_SHAPES = {"evidence": EVIDENCE_SHAPE}

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

    def conform(self, table: pd.DataFrame, *, source: str, nested: str = "objects"):
        if len(table) == 0:
            from geomap.export import SCHEMA

            table = table.reindex(columns=[*SCHEMA, *(c for c in table.columns if c not in SCHEMA)])
        return conform_incidents(table, source=source, nested=nested)


def conform_incidents(frame: pd.DataFrame, *, source: str = "incidents", nested: str = "objects", checked: bool = False):
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
    nested : str
        One of :data:`NESTED`: ``"text"`` leaves a nested column of JSON text as text
        once each value is checked (the same errors as parsing it).
    checked : bool
        With ``nested="text"``: text nested columns come from an earlier conform of
        ``nested="text"`` (:func:`geomap.merge.merge_frame`'s input) and are not checked again.

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
    import shapely
    from shapely.geometry import Point

    from geomap.export import CRS, SCHEMA

    if nested not in NESTED:
        raise ValueError(f"nested must be one of {', '.join(NESTED)}, not {nested!r}")
    missing = [c for c in SCHEMA if c not in frame.columns]
    if missing:
        raise InputError(f"{source}: not a geomap incidents file (missing columns: {', '.join(missing)})")
    geometry_name = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    out = {}
    typed = {**SCHEMA, **{c: t for c, t in OPTIONAL_COLUMNS.items() if c in frame.columns}}
    for column, dtype in typed.items():
        try:
            out[column] = _cast(frame[column], column, dtype, nested=nested, checked=checked)
        except (ValueError, TypeError, OverflowError) as err:
            raise InputError(f"{source}: bad values in column {column!r} ({_one_line(err)})") from err
    for column in frame.columns:
        if column not in typed and column != geometry_name:
            out[column] = frame[column].to_numpy()
    geometry = np.empty(len(frame), dtype=object)
    geometry[:] = [Point()]  # one empty point (shapely geometries are immutable)
    if geometry_name is not None:
        given = frame.geometry.to_numpy()
        known = ~shapely.is_missing(given)
        geometry[known] = given[known]
    else:
        lat, lon = out["latitude"], out["longitude"]
        known = np.isfinite(lat) & np.isfinite(lon)
        # lon/lat order: shapely speaks (x, y) = (longitude, latitude).
        geometry[known] = shapely.points(lon[known], lat[known])
    result = gpd.GeoDataFrame(out, index=pd.RangeIndex(len(frame)), geometry=geometry, crs=CRS)
    if isinstance(frame, gpd.GeoDataFrame) and frame.crs is not None and not frame.crs.equals(CRS):
        result = result.set_crs(frame.crs, allow_override=True).to_crs(CRS)
    return result


# The empty value of each nested column is the writer's (geomap.export.JSON_DEFAULTS).
def _json_defaults() -> dict[str, Callable[[], object]]:
    from geomap.export import JSON_DEFAULTS

    return JSON_DEFAULTS


def parse_nested(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its nested columns parsed (:data:`NESTED` ``objects``), a shallow copy
    when one held text (all of it, or some rows: frames of text and of objects concatenated);
    ``frame`` itself when none did."""
    text = [c for c in _json_defaults() if c in frame.columns
            and (is_text_dtype(frame[c]) or any(type(v) is str for v in frame[c].tolist()))]  # fmt: skip
    if not text:
        return frame
    frame = frame.copy(deep=False)
    for column in text:
        frame[column] = _json_column(frame[column], _json_defaults()[column])
    return frame


def _cast(series: pd.Series, column: str, dtype: str, *, nested: str = "objects", checked: bool = False) -> object:
    """The column cast to ``dtype``, column-wise; value by value only where a column holds what
    the column-wise cast cannot take as it is (text with lone surrogates, numbers in a text column)."""
    if dtype == "json":
        if nested == "text" and is_text_dtype(series):
            if checked:
                return series.astype("str").array
            text = _checked_json_text(series, _json_defaults()[column], shape=_SHAPES.get(column))
            if text is not None:
                return text
        return _json_column(series, _json_defaults()[column])
    if dtype == "str":
        return _str_column(series)
    if dtype.startswith("datetime64"):
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            parsed = series
        else:
            parsed = pd.to_datetime(pd.Series(series.to_numpy(dtype=object), dtype=object), format="mixed")
        if parsed.dt.tz is not None:
            parsed = parsed.dt.tz_localize(None)
        return parsed.dt.normalize().astype(dtype).array
    if dtype in ("Int64", "int64"):
        missing, numbers = _numbers(series)
        if dtype == "int64" and missing.any():
            raise ValueError("missing values")
        if np.isnan(numbers[~missing]).any():
            raise ValueError("cannot convert float NaN to integer")
        if np.isinf(numbers).any() or (np.abs(numbers[~missing]) >= 2.0**63).any():
            raise OverflowError("cannot convert float infinity to integer")
        integers = np.trunc(np.where(missing, 0, numbers)).astype("int64")  # int(float(v)) truncates
        if dtype == "int64":
            return integers
        return pd.arrays.IntegerArray(integers, missing)
    missing, numbers = _numbers(series)
    return np.where(missing, math.nan, numbers).astype(dtype)


def _numbers(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Which values are missing, and every other value as ``float(value)`` (numpy calls float())."""
    if pd.api.types.is_bool_dtype(series.dtype) or pd.api.types.is_numeric_dtype(series.dtype):
        missing = series.isna().to_numpy()
        return missing, series.to_numpy(dtype="float64", na_value=math.nan)
    values = series.to_numpy(dtype=object)
    missing = pd.isna(values)
    numbers = np.full(len(values), math.nan)
    numbers[~missing] = values[~missing].astype("float64")  # text as float() reads it
    return missing, numbers


def _str_column(series: pd.Series) -> object:
    if isinstance(series.dtype, pd.StringDtype):  # Arrow text: it holds no lone surrogate
        return series.astype("str").array
    values = series.tolist()
    if set(map(type, values)) <= {str, type(None)}:
        try:
            return pd.array(values, dtype="str")
        except UnicodeEncodeError:  # a lone surrogate: replaced value by value below
            pass
    return pd.Series([_text(v) for v in values], dtype="str").array


def _json_column(series: pd.Series, default: Callable[[], object]) -> list:
    """Parsed nested values; each distinct JSON text is parsed once (each row gets its own container).

    A text is parsed by :func:`loads_json`, which gives what ``json.loads`` gives.
    """
    kind = type(default())
    values = series.tolist()
    if set(map(type, values)) == {kind}:  # parsed already (a reader's own lists and dicts)
        return values
    if set(map(type, values)) == {str}:  # the common case, whole columns at a time
        codes, distinct = pd.factorize(np.asarray(values, dtype=object))
        try:
            found = loads_json_each(distinct.tolist())
        except (ValueError, RecursionError):
            found = None  # value by value below, which names the problem
        if found is not None and set(map(type, found)) == {kind}:
            if len(found) == len(values):  # every text distinct: first-appearance order is row order
                return found
            copy = dict if kind is dict else list
            return [copy(found[code]) for code in codes.tolist()]  # each row its own container
    parsed: dict[str, object] = {}
    out = []
    for value in values:
        if type(value) is not str:
            out.append(_parse_json(value, default))
            continue
        found = parsed.get(value)
        if found is not None:
            out.append(dict(found) if type(found) is dict else list(found))  # a row's own copy
            continue
        found = loads_json(value)
        if not isinstance(found, kind):
            raise ValueError(f"expected a JSON {kind.__name__}, got {type(found).__name__}")
        parsed[value] = found
        out.append(found)
    return out



def _checked_json_text(series: pd.Series, default: Callable[[], object], *, shape: str | None = None) -> object | None:
    """A text column of JSON as it is (``str`` dtype) when :func:`_json_column` would parse every
    value into a ``default()``-like value; None when it would not (it then raises or copes).

    Checked :data:`_CHECK_ROWS` rows at a time, each distinct text of them parsed once and
    dropped: the parsed values of a million rows are never all held. Values that match
    ``shape`` (an RE2 pattern of texts known to parse into that kind, :data:`EVIDENCE_SHAPE`)
    are not parsed, where the column is Arrow text.
    """
    kind = type(default())
    for start in range(0, len(series), _CHECK_ROWS):
        chunk = series.iloc[start : start + _CHECK_ROWS]
        shaped = _matching(chunk, shape) if shape else None
        if shaped is not None:
            chunk = chunk[~shaped]
        _codes, distinct = pd.factorize(chunk, use_na_sentinel=True)  # missing values: default()
        try:
            if any(type(value) is not kind for value in _each_loaded(distinct.tolist())):
                return None
        except (ValueError, RecursionError):
            return None
    return series.astype("str").array


def _arrow_text(series: pd.Series):
    """The column as one pyarrow string array, None when it is not Arrow text."""
    import pyarrow as pa

    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage != "pyarrow":
        return None
    if not is_text_dtype(series):
        return None
    return pa.array(series.array)


def _matching(series: pd.Series, pattern: str) -> np.ndarray | None:
    """Which values match ``pattern`` (RE2, by Arrow; missing values do not), None when the
    column is not Arrow text."""
    import pyarrow.compute as pc

    array = _arrow_text(series)
    if array is None:
        return None
    return pc.match_substring_regex(array, pattern).fill_null(False).to_numpy(zero_copy_only=False)


def shaped_evidence_texts(series: pd.Series) -> list[str | None] | None:
    """The text of each evidence value of :data:`EVIDENCE_SHAPE` in an Arrow text column (what
    parsing it gives as its one entry's ``text``), None for a row of any other value; None
    for a column that is not Arrow text.
    """
    import pyarrow.compute as pc

    array = _arrow_text(series)
    if array is None:
        return None
    return pc.struct_field(pc.extract_regex(array, EVIDENCE_SHAPE), "text").to_pylist()


#: A run of digits long enough to be an integer beyond 64 bits, which orjson reads as a float.
_LONG_DIGITS = re.compile(r"[0-9]{19}")


def loads_json_each(texts: list[str]) -> list:
    """:func:`loads_json` of each text (raising what the first text it cannot parse raises).

    The texts are searched for runs of 19 digits :data:`_CHECK_ROWS` at a time, numpy over
    their UTF-8 bytes (a regular expression per text took longer than orjson's parse); in
    a chunk where none has one, each is parsed by orjson without the search.
    """
    return list(_each_loaded(texts))


def _each_loaded(texts: list[str]) -> Iterator[object]:
    """:func:`loads_json_each`, one value at a time (a check holds none of them)."""
    for start in range(0, len(texts), _CHECK_ROWS):  # a chunk's bytes at a time
        chunk = texts[start : start + _CHECK_ROWS]
        if _any_long_digits(chunk):
            yield from map(loads_json, chunk)
            continue
        for text in chunk:
            try:
                yield orjson.loads(text)
            except orjson.JSONDecodeError:
                yield json.loads(text)


def _any_long_digits(texts: list[str]) -> bool:
    """True when a text holds a run of 19 ASCII digits (:data:`_LONG_DIGITS`).

    A newline between texts ends any run; an ASCII digit is one byte in UTF-8 and no byte
    of another character is one (lone surrogates pass through as three bytes of their own).
    """
    run = np.frombuffer("\n".join(texts).encode("utf-8", "surrogatepass"), dtype=np.uint8) - 48 < 10
    # run[i]: the `width` bytes from i on are digits; each step widens it: 2, 4, 8, 16, 19.
    for shift in (1, 2, 4, 8, 3):
        if len(run) <= shift:
            return False
        run = run[:-shift] & run[shift:]
    return bool(run.any())


def loads_json(text: str) -> object:
    """``json.loads(text)``, by orjson where it gives the same (about 3x faster on short texts).

    orjson refuses what it cannot give as ``json.loads`` does (NaN, lone surrogates, deep
    nesting: ``json.loads`` then parses or refuses them), except integers beyond 64 bits,
    which it reads as floats: a text with such a run of digits goes to ``json.loads``.
    """
    if _LONG_DIGITS.search(text) is not None:
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


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
