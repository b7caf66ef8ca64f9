"""The incident frame turned into the compact JSON a map page embeds once.

One row per incident becomes one entry in each of a few parallel arrays (columns,
not objects), repeated strings (sub-event types, places, sources) go through one
string table, and region polygons are stored once per region. The page builds its
markers from these arrays; popups are built from them only when clicked. Large
payloads are gzip-compressed and base64-encoded (browsers inflate them natively
with ``DecompressionStream``); above :data:`BINARY_ABOVE` rows the numeric columns
are typed bytes rather than JSON numbers (:func:`encode_payload`), which keeps a
million incidents under 30 MB.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import orjson
import pandas as pd
import shapely

from geomap.article import _SURROGATE, clean_text
from geomap.errors import InputError
from geomap.readers.columns import is_text_dtype
from geomap.readers.geomap_files import loads_json, loads_json_each, shaped_evidence_texts
from geomap.render.style import styles_for

#: Payloads above this many bytes of JSON are embedded gzip+base64 instead of as text.
COMPRESS_ABOVE = 1_000_000

#: Payloads of more rows are embedded as binary columns (:func:`encode_payload`).
BINARY_ABOVE = 5_000

#: The element encoding of binary columns.
BINARY_ENCODING = "columns-gzip-base64"

#: Rows of a long list serialised (and compressed) at a time: a big map's JSON is never whole.
CHUNK_ROWS = 100_000

#: Row kinds in the payload.
POINT, REGION, COUNTRY = 0, 1, 2

#: Location kinds drawn as an area when the precision is regional.
REGION_KINDS = ("admin1", "sea")

_EPOCH = pd.Timestamp("1970-01-01")


class Column:
    """A per-row integer column kept as numpy arrays until it is written.

    What the page gets for row ``i`` is ``values[i] / scale`` (``values[i]`` when ``scale``
    is 1), or null where ``missing[i]``. Coordinates are kept as integers of 1e-5 degree
    (``scale=100000``): the page divides them back into exactly the rounded floats. With
    ``text = (prefix, base, width)`` the page gets the text ``prefix`` + the number in
    ``base`` (10 or 16, lower case), zero-padded to ``width`` (ids like ``UKR00123``).
    """

    __slots__ = ("values", "missing", "scale", "text")

    def __init__(self, values: np.ndarray, missing: np.ndarray | None = None, scale: int = 1,
                 text: tuple[str, int, int] | None = None):
        values = np.asarray(values, dtype=np.int64)
        if len(values) and -(2**31) <= values.min() and values.max() < 2**31:
            values = values.astype(np.int32)  # half the memory of a big map's twenty columns
        self.values = values
        self.missing = missing if missing is not None and missing.any() else None
        self.scale = scale
        self.text = text

    def __len__(self) -> int:
        return len(self.values)

    def tolist(self) -> list:
        """The JSON values: ints (floats when scaled, texts with ``text``), None where missing."""
        if self.text is not None:
            prefix, base, width = self.text
            spec = f"0{width}{'x' if base == 16 else 'd'}"
            return [prefix + format(v, spec) for v in self.values.tolist()]
        values = self.values if self.scale == 1 else self.values / self.scale
        if self.missing is None:
            return values.tolist()
        out = values.astype(object)
        out[self.missing] = None
        return out.tolist()


class Evidence:
    """The evidence column (:func:`_evidence_text` of each row), made a chunk of
    :data:`CHUNK_ROWS` rows at a time as it is written: a million sentences are never all
    Python strings at once."""

    __slots__ = ("notes", "evidence")

    def __init__(self, notes: pd.Series, evidence: pd.Series):
        self.notes, self.evidence = notes, evidence

    def __len__(self) -> int:
        return len(self.notes)

    def chunks(self) -> Iterator[list[str]]:
        for start in range(0, len(self), CHUNK_ROWS):
            rows = slice(start, start + CHUNK_ROWS)
            yield _evidence_texts(self.notes.iloc[rows], self.evidence.iloc[rows])

    def tolist(self) -> list[str]:
        return [text for chunk in self.chunks() for text in chunk]


@dataclass
class Payload:
    """What :func:`build_payload` returns.

    Attributes
    ----------
    columns : dict
        The payload: per-row numbers as :class:`Column`, everything else JSON-ready
        (see module docstring). :func:`encode_payload` writes it for the page.
    bounds : tuple or None
        ``(south, west, north, east)`` of everything drawn, None if nothing is drawn.
    region_shapes : list of shapely geometries
        Region polygons drawn, for the basemap extent.
    """

    columns: dict
    bounds: tuple[float, float, float, float] | None
    region_shapes: list

    @property
    def data(self) -> dict:
        """The JSON the page reads (what :func:`decode_payload` gives back): lists, not arrays."""
        return json_ready(self.columns)


def json_ready(columns: dict) -> dict:
    """``columns`` with each :class:`Column` (and :class:`Evidence`) as its list of JSON values."""
    return {k: v.tolist() if isinstance(v, (Column, Evidence)) else v for k, v in columns.items()}


class _Strings:
    """A string table: each distinct string stored once, rows hold its index."""

    def __init__(self):
        self.values: list[str] = [""]
        self._index: dict[str, int] | None = {"": 0}

    def column(self, series: pd.Series) -> np.ndarray:
        """Indices of a whole column's texts, added in order of first appearance."""
        return self.column_from(*_factorized(series))

    def interleaved(self, first: pd.Series, second: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        """Indices of two columns' texts, added in the order of the rows' pairs (first, second).

        Each column is factorised on its own (no Python object per row); each distinct text
        is then added at the place of its first row, the first column's before the second's.
        """
        (texts1, codes1), (texts2, codes2) = _factorized(first), _factorized(second)
        _, row1 = np.unique(codes1, return_index=True)
        _, row2 = np.unique(codes2, return_index=True)
        # np.unique sorts codes, and each column's codes are numbered in order of first rows.
        places = np.concatenate([2 * row1, 2 * row2 + 1])
        texts = np.array([*texts1, *texts2], dtype=object)
        indices = np.empty(len(texts), dtype=np.int64)
        for k in np.argsort(places, kind="stable"):
            indices[k] = self._add(texts[k])
        n = len(texts1)
        if not len(codes1):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return indices[:n][codes1], indices[n:][codes2]

    def columns_from(self, found: list[tuple[list[str], np.ndarray]]) -> list[np.ndarray]:
        """:meth:`column_from` of each ``(texts, codes)`` in turn, in one factorisation.

        The table's texts and then each column's are factorised together: the codes number the
        distinct texts in order of first appearance, which is the order adding them one column
        after another gives (a million titles took 2 s of dict lookups; this is pandas' hash
        table, in C).
        """
        sizes = [len(texts) for texts, _ in found]
        joined = np.empty(len(self.values) + sum(sizes), dtype=object)
        joined[: len(self.values)] = self.values
        start = len(self.values)
        for texts, _ in found:
            joined[start : start + len(texts)] = texts
            start += len(texts)
        numbers, table = pd.factorize(joined)  # texts only: no missing value
        start = len(self.values)
        self.values = table.tolist()
        self._index = None  # rebuilt if a text is added one by one afterwards
        out = []
        for (texts, codes), size in zip(found, sizes):
            mapping = numbers[start : start + size].astype(np.int64)
            out.append(mapping[codes] if len(codes) else np.zeros(0, dtype=np.int64))
            start += size
        return out

    def column_from(self, texts: list[str], codes: np.ndarray) -> np.ndarray:
        """Indices of ``texts[codes]``; ``texts`` as :func:`_factorized` gives them (each its own
        :func:`_text` already, so not cleaned again: a million titles took seconds)."""
        index, values = self._lookup(), self.values
        # Added in the order _add would add them one by one, without a call per text.
        fresh = [t for t in dict.fromkeys(texts) if t not in index]
        index.update(zip(fresh, range(len(values), len(values) + len(fresh))))
        values.extend(fresh)
        mapping = np.fromiter(map(index.__getitem__, texts), dtype=np.int64, count=len(texts))
        return mapping[codes] if len(codes) else np.zeros(0, dtype=np.int64)

    def __call__(self, value) -> int:
        return self._add(_text(value))

    def _lookup(self) -> dict[str, int]:
        if self._index is None:
            self._index = {text: i for i, text in enumerate(self.values)}
        return self._index

    def _add(self, text: str) -> int:
        index = self._lookup().get(text)
        if index is None:
            index = self._index[text] = len(self.values)
            self.values.append(text)
        return index


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is pd.NA or value is pd.NaT:
        return ""
    return clean_text(str(value))


def _column(gdf, name, default=None) -> list:
    if name in gdf.columns:
        return gdf[name].tolist()
    return [default] * len(gdf)


def _int_or_none(value):
    if value is None or value is pd.NA:
        return None
    try:
        if isinstance(value, float) and math.isnan(value):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def _evidence_text(notes, evidence) -> str:
    # The evidence sentence is what an analyst checks; notes is its summary copy.
    if isinstance(evidence, str) and evidence.strip().startswith("["):
        try:
            evidence = json.loads(evidence)
        except ValueError:
            evidence = None
    if isinstance(evidence, (list, tuple)) and evidence:
        texts = [_text(e.get("text")) for e in evidence if isinstance(e, dict)]
        texts = [t for t in texts if t]
        if texts:
            return " … ".join(dict.fromkeys(texts[:3]))
    return _text(notes)


def _parsed_evidences(values: list) -> list:
    """What :func:`_evidence_text` makes of each evidence given as text before it reads it:
    the JSON list a text holds, None for a text that is no JSON, any other value as it is.

    Parsed all at once by :func:`~geomap.readers.geomap_files.loads_json_each` (``json.loads``,
    by orjson where that gives the same), else text by text where one is no JSON.
    """
    rows = [row for row, value in enumerate(values) if type(value) is str and value.strip().startswith("[")]
    texts = [values[row] for row in rows]
    try:
        parsed = loads_json_each(texts)
    except ValueError:
        parsed = []
        for text in texts:
            try:
                parsed.append(loads_json(text))
            except ValueError:
                parsed.append(None)
    out = list(values)
    for row, value in zip(rows, parsed):
        out[row] = value
    return out


def _quantities_text(value) -> str:
    # {"drones_launched": 337} -> "drones launched: 337", for the popup.
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            value = json.loads(value)
        except ValueError:
            return ""
    if not isinstance(value, dict):
        return ""
    return "; ".join(f"{str(k).replace('_', ' ')}: {v}" for k, v in value.items() if v is not None)


def _simplified_geojson(geom, tolerance: float) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    geom = shapely.simplify(geom, tolerance, preserve_topology=True)
    geom = shapely.set_precision(geom, 1e-4)
    if geom.is_empty:
        return None
    return json.loads(shapely.to_geojson(geom))


def build_payload(gdf, *, gazetteer=None) -> Payload:
    """Turn an incident GeoDataFrame (``docs/schema.md``) into the map's data.

    Built column by column (numpy, pandas, shapely): a text column is factorised and
    each distinct value converted once, numbers and dates are cast as arrays, and only
    the evidence and quantities are read value by value (a tight loop with the old
    per-value code for anything unusual). The result is exactly what the row-by-row
    build gave (``tests/reference_payload.py``, compared in ``tests/test_render_payload.py``).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents. Reprojected to EPSG:4326 when needed; missing optional columns
        are treated as empty.
    gazetteer : object with ``geometry(place_id)``, optional
        Gives region polygons for region-level rows; without it (or when it has no
        polygon) such rows get a distinct "approximate area" ring symbol.

    Returns
    -------
    Payload

    Raises
    ------
    InputError
        When the frame lacks ``event_type`` or a geometry column.
    """
    if "event_type" not in gdf.columns or getattr(gdf, "geometry", None) is None:
        raise InputError("incident frame needs an 'event_type' column and a geometry")
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    n = len(gdf)
    # First, while little else is held: a million ids are a million Python strings for a moment.
    ids = _numbered(_texts(_series(gdf, "event_id", "")))

    type_texts, type_codes = _factorized(gdf["event_type"])
    type_texts = [t or "Unknown" for t in type_texts]
    styles = styles_for(type_texts)
    type_index = {name: i for i, name in enumerate(styles)}
    type_of = np.array([type_index[t] for t in type_texts], dtype=np.int64)
    t_col = type_of[type_codes] if n else np.zeros(0, dtype=np.int64)
    strings = _Strings()

    kind_texts, kind_codes = _factorized(_series(gdf, "location_kind", ""))
    kind_of = np.array(kind_texts, dtype=object)
    precision, precision_missing = _ints(_series(gdf, "geo_precision"))

    days = _days(_series(gdf, "event_date"))

    geoms = np.asarray(gdf.geometry.array, dtype=object)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    country = empty | (kind_of == "country")[kind_codes] if n else empty
    drawn_rows = ~country
    points = geoms[drawn_rows]
    not_point = shapely.get_type_id(points) != 0
    if not_point.any():
        points = points.copy()
        points[not_point] = shapely.point_on_surface(points[not_point])
    lat_f = np.full(n, np.nan)
    lon_f = np.full(n, np.nan)
    lat_f[drawn_rows] = _round5(shapely.get_y(points))  # shapely speaks (x=lon, y=lat)
    lon_f[drawn_rows] = _round5(shapely.get_x(points))
    lat, lon = _coordinates(lat_f, country), _coordinates(lon_f, country)
    is_region = drawn_rows & ~precision_missing & (precision == 3) & np.isin(kind_of, REGION_KINDS)[kind_codes]
    row_kind = np.where(country, COUNTRY, np.where(is_region, REGION, POINT))

    region_rows = np.flatnonzero(is_region)
    # Place ids as text only for the region-level rows that need them.
    place_ids = dict(zip(region_rows.tolist(), _texts(_series(gdf, "place_id", "").iloc[region_rows])))
    region_index: dict[str, int] = {}
    regions: list[dict] = []
    region_geoms: dict[str, object] = {}
    for i in region_rows:
        pid = place_ids[i]
        if pid and pid not in region_index and gazetteer is not None:
            region_geoms[pid] = gazetteer.geometry(pid)
            region_index[pid] = -1

    shapes_drawn = [g for g in region_geoms.values() if g is not None and not g.is_empty]
    bounds = None
    if drawn_rows.any() or shapes_drawn:
        ys = [float(lat_f[drawn_rows].min()), float(lat_f[drawn_rows].max())] if drawn_rows.any() else []
        xs = [float(lon_f[drawn_rows].min()), float(lon_f[drawn_rows].max())] if drawn_rows.any() else []
        for g in shapes_drawn:
            x0, y0, x1, y1 = g.bounds
            xs += [x0, x1]
            ys += [y0, y1]
        bounds = (min(ys), min(xs), max(ys), max(xs))
    span = max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1.0) if bounds else 1.0
    loc_texts, loc_codes = _factorized(_series(gdf, "location", ""))
    reg = np.full(n, -1, dtype=np.int64)
    for i in region_rows:
        pid = place_ids[i]
        if pid not in region_index or region_index[pid] == -1:
            geojson = _simplified_geojson(region_geoms.get(pid), span / 800)
            if geojson is None:
                region_index[pid] = -2  # no polygon: ring symbol instead
            else:
                region_index[pid] = len(regions)
                regions.append({"id": pid, "name": loc_texts[loc_codes[i]], "g": geojson})
        reg[i] = max(region_index[pid], -1)

    notes = Evidence(_series(gdf, "notes", ""), _series(gdf, "evidence"))
    # Each distinct (actor1, actor2) pair once, in "A"; rows hold its index, so the
    # actor filter tests a few hundred pairs, not every row, and nothing grows per row.
    # The string table is filled in the order the row-by-row build filled it: actor1 and
    # actor2 of each row in turn, then quantities, then the other columns.
    s1, s2 = strings.interleaved(_series(gdf, "actor1"), _series(gdf, "actor2"))
    keys = s1 * (len(strings.values) + 1) + s2
    pair_codes, pair_keys = pd.factorize(keys)
    pair_order = np.zeros(len(pair_keys), dtype=np.int64)
    pair_list: list[list[int]] = [[0, 0]]
    width = len(strings.values) + 1
    for j, key in enumerate(pair_keys.tolist()):
        if key == 0:
            pair_order[j] = 0
        else:
            pair_order[j] = len(pair_list)
            pair_list.append([key // width, key % width])
    actors = pair_order[pair_codes] if n else np.zeros(0, dtype=np.int64)
    quantities = strings.column(pd.Series(_quantities_texts(_series(gdf, "quantities")), dtype=object))
    counts = {name: 0 for name in styles}
    for t, c in zip(*np.unique(t_col, return_counts=True)):
        counts[list(styles)[t]] = int(c)
    fatal, fatal_missing = _ints(_series(gdf, "fatalities", 0))
    # The string table's other columns, added in this order (the row-by-row build's).
    sub, loc, adm, cty, src, ttl, url = strings.columns_from([
        _factorized(_series(gdf, "sub_event_type", "")), (loc_texts, loc_codes), _factorized(_series(gdf, "admin1", "")),
        _factorized(_series(gdf, "country", "")), _factorized(_series(gdf, "source", "")),
        _factorized(_series(gdf, "title", "")), _factorized(_series(gdf, "url", "")),
    ])  # fmt: skip
    fatal = np.where(fatal_missing, 0, fatal)
    data = {
        "types": [
            {"name": name, "color": colour, "shape": shape, "count": counts[name]}
            for name, (colour, shape) in styles.items()
        ],
        "id": ids,
        "t": Column(t_col),
        "sub": Column(sub),
        "k": Column(row_kind),
        "lat": lat,
        "lon": lon,
        "reg": Column(reg),
        "d": days,
        "tp": Column(*_ints(_series(gdf, "time_precision"))),
        "f": Column(fatal),
        "inj": Column(*_ints(_series(gdf, "injured"))),
        "loc": Column(loc),
        "adm": Column(adm),
        "cty": Column(cty),
        "gp": Column(precision, precision_missing),
        "act": Column(actors),
        "A": pair_list,
        "q": Column(quantities),
        "ev": notes,
        "src": Column(src),
        "ttl": Column(ttl),
        "url": Column(url),
        "S": strings.values,
        "regions": regions,
    }
    return Payload(columns=data, bounds=bounds, region_shapes=shapes_drawn)


def _series(gdf, name, default=None) -> pd.Series:
    if name in gdf.columns:
        return gdf[name].reset_index(drop=True)
    return pd.Series([default] * len(gdf), dtype=object)


def _is_text_column(series: pd.Series) -> bool:
    # Only text (and missing values) is factorised: equal keys then mean equal text,
    # where factorising 1, 1.0 and True would merge three different strings.
    if is_text_dtype(series):
        return True
    return series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty")


def _arrow_text(series: pd.Series) -> bool:
    dtype = series.dtype
    return isinstance(dtype, pd.ArrowDtype) or isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def _factorized(series: pd.Series) -> tuple[list[str], np.ndarray]:
    """``(texts, codes)``: the column's :func:`_text` of each value is ``texts[codes]``."""
    if _is_text_column(series):
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        codes = np.asarray(codes, dtype=np.int64)
        texts = uniques.tolist()
        # Arrow text is valid UTF-8, so str with no lone surrogate: already what _text gives.
        if texts and not _arrow_text(series) and (not all(type(v) is str for v in texts) or _has_surrogate(texts)):
            texts = [_text(v) for v in texts]
        missing = np.flatnonzero(codes < 0)
        # Missing values are "" (the string table's first entry) unless _text says
        # otherwise for one of them: then the value-by-value path keeps the order.
        typed = isinstance(series.dtype, (pd.StringDtype, pd.ArrowDtype))  # missing is NA there
        if not len(missing) or typed or not any(_text(v) for v in series.iloc[missing].tolist()):
            if len(missing):
                codes[missing] = len(texts)
                texts.append("")
            return texts, codes
    index: dict = {}
    texts: list[str] = []
    codes = np.empty(len(series), dtype=np.int64)
    for row, value in enumerate(series.tolist()):
        text = _text(value)
        code = index.get(text)
        if code is None:
            code = index[text] = len(texts)
            texts.append(text)
        codes[row] = code
    return texts, codes


def _texts(series: pd.Series) -> list[str]:
    if _arrow_text(series):  # each text already what _text gives, a missing one "" (ids: no repeats to share)
        return series.fillna("").tolist()
    texts, codes = _factorized(series)
    if not len(codes):
        return []
    return np.array(texts, dtype=object)[codes].tolist()


def _ints(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(values, missing)`` as int64 and bool arrays: :func:`_int_or_none` of each value."""
    n = len(series)
    dtype = series.dtype
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and not isinstance(dtype, (pd.Int64Dtype, pd.Int32Dtype,
                                                                                       pd.Int16Dtype, pd.Int8Dtype)):
        kind = None
    else:
        kind = getattr(dtype, "kind", None)
    if kind in ("i", "u", "b"):
        missing = series.isna().to_numpy()
        values = series.to_numpy(dtype=np.int64, na_value=0) if missing.any() else series.to_numpy(dtype=np.int64)
        return values, missing
    if kind == "f":
        floats = series.to_numpy(dtype=np.float64)
        missing = np.isnan(floats)
        if np.isfinite(floats[~missing]).all() and (np.abs(floats[~missing]) < 2**62).all():
            values = np.zeros(n, dtype=np.int64)
            values[~missing] = np.trunc(floats[~missing]).astype(np.int64)
            return values, missing
    ints = [_int_or_none(v) for v in series.tolist()]
    missing = np.array([v is None for v in ints], dtype=bool)
    values = np.array([0 if v is None else v for v in ints], dtype=np.int64) if n else np.zeros(0, dtype=np.int64)
    return values, missing


def _with_none(values: np.ndarray, missing: np.ndarray) -> list:
    if not missing.any():
        return values.tolist()
    out = values.astype(object)
    out[missing] = None
    return out.tolist()


def _round5(values: np.ndarray) -> np.ndarray:
    """``round(v, 5)`` of each value, as Python's ``round`` gives it (correctly rounded)."""
    scaled = values * 1e5
    out = np.rint(scaled) / 1e5
    # numpy's scale-and-round can pick the other neighbour near a half; Python decides those.
    near_half = np.abs(np.abs(scaled - np.floor(scaled)) - 0.5) < 1e-6
    for j in np.flatnonzero(near_half | ~np.isfinite(scaled)):
        out[j] = round(float(values[j]), 5)
    return out


def _days(series: pd.Series) -> Column:
    """Days since 1970-01-01 of each date (missing when missing or unreadable)."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "M":
        dates = series.reset_index(drop=True)
    else:
        dates = pd.to_datetime(pd.Series(series.tolist()), errors="coerce")
        if not (isinstance(dates.dtype, np.dtype) and dates.dtype.kind == "M"):
            found = [None if pd.isna(d) else int((d.normalize() - _EPOCH).days) for d in dates]
            missing = np.array([d is None for d in found], dtype=bool)
            return Column(np.array([d or 0 for d in found], dtype=np.int64), missing)
    missing = dates.isna().to_numpy()
    days = np.zeros(len(dates), dtype=np.int64)
    if (~missing).any():
        days[~missing] = (dates[~missing].dt.normalize() - _EPOCH).dt.days.to_numpy(dtype=np.int64)
    return Column(days, missing)


_HEX = np.full(256, 255, dtype=np.uint8)
_HEX[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(10)
_HEX[np.frombuffer(b"abcdef", dtype=np.uint8)] = np.arange(10, 16)


def _numbered(texts: list[str]) -> Column | list[str]:
    """Ids that are one prefix and a number (``UKR00123``, ``00f4a3b2``) as a :class:`Column`
    with ``text``, which the page formats back; any other ids as they are.

    The numbers are read as lower-case hexadecimal or decimal digits of one width, or as
    decimal numbers without leading zeros; what cannot be written back exactly stays text.
    """
    import os.path

    if not texts or not all(type(t) is str for t in texts):
        return texts
    prefix = os.path.commonprefix([min(texts), max(texts)])
    while prefix and prefix[-1] in "0123456789abcdef":
        prefix = prefix[:-1]  # the number's own digits are not the prefix
    try:
        digits = "".join(texts).encode("ascii")
    except UnicodeEncodeError:
        return texts
    width = len(digits) // len(texts) - len(prefix)
    lengths = set(map(len, texts))
    if len(lengths) == 1 and 0 < width <= 13:
        # Fixed width: hexadecimal when every digit is one, decimal when every digit is 0-9.
        table = np.frombuffer(digits, dtype=np.uint8).reshape(len(texts), -1)[:, len(prefix):]
        nibbles = _HEX[table]  # bytes: a million ids' digits as int64 were 64 MB at a big map's peak
        if (nibbles < 16).all():
            base = 10 if (nibbles < 10).all() else 16
            values = np.zeros(len(texts), dtype=np.int64)
            for column in range(width):
                values = values * base + nibbles[:, column]
            return Column(values, text=(prefix, base, width))
        return texts
    rests = [t[len(prefix):] for t in texts]
    if all(r.isascii() and r.isdigit() and len(r) <= 15 and (r[0] != "0" or r == "0") for r in rests):
        return Column(np.array([int(r) for r in rests], dtype=np.int64), text=(prefix, 10, 0))
    return texts


def _coordinates(values: np.ndarray, missing: np.ndarray) -> Column | list:
    """Rounded degrees as a :class:`Column` of 1e-5 degrees, or as floats when that would not
    give each value back exactly (not finite, a negative zero, beyond 2**31 units)."""
    present = values[~missing]
    with np.errstate(invalid="ignore"):
        units = np.rint(values * 1e5)
    if not np.isfinite(present).all() or (np.abs(units[~missing]) >= 2**31).any():
        return _with_none(values, missing)
    units = np.where(missing, 0, units).astype(np.int64)
    if not (units[~missing] / 1e5 == present).all() or np.signbit(present[present == 0]).any():
        return _with_none(values, missing)
    return Column(units, missing, scale=100_000)


def _quantities_texts(values: pd.Series) -> list[str]:
    """:func:`_quantities_text` of each value; a dict (the usual value) without a call, JSON text
    (a reader's ``nested="text"``) once per distinct text."""
    if _is_text_column(values):
        codes, distinct = pd.factorize(values, use_na_sentinel=True)
        texts = [_quantities_text(v) for v in distinct.tolist()] + [""]  # missing (code -1): none
        return np.array(texts, dtype=object)[codes].tolist()
    out = []
    append = out.append
    for value in values.tolist():
        if type(value) is dict:
            append("; ".join([f"{str(k).replace('_', ' ')}: {v}" for k, v in value.items() if v is not None]) if value else "")
        else:
            append(_quantities_text(value))
    return out


def _evidence_texts(notes: pd.Series, evidence: pd.Series) -> list[str]:
    """:func:`_evidence_text` of each row; the common shapes without a Python call each.

    Evidence as Arrow text (a reader's ``nested="text"``) of the usual shape
    (:data:`~geomap.readers.geomap_files.EVIDENCE_SHAPE`) gives its text without being parsed;
    other JSON text is parsed as :func:`_evidence_text` parses it. The notes are read only for
    the rows whose evidence has no single text (a million notes as Python strings are most of
    a big map's memory for nothing).
    """
    out: list = shaped_evidence_texts(evidence)
    if out is None:
        values = evidence.tolist()
        if _is_text_column(evidence):  # JSON text: parsed as _evidence_text parses it
            values = _parsed_evidences(values)
        shaped = None
        out = [None] * len(values)
    else:
        # Shaped rows hold their text as it stands (valid UTF-8: no lone surrogate either).
        shaped = [text is not None and text != "" for text in out]
        rows = [row for row, plain in enumerate(shaped) if not plain]
        values = dict(zip(rows, _parsed_evidences(evidence.iloc[rows].tolist()) if rows else []))
        for row in rows:
            out[row] = None
    for row in range(len(out)) if shaped is None else values:
        ev = values[row]
        # One evidence entry with a text: the usual row.
        if type(ev) is list and len(ev) == 1 and type(ev[0]) is dict:
            text = ev[0].get("text")
            if type(text) is str and text:
                out[row] = text
    rest = [row for row, text in enumerate(out) if text is None]
    if rest:
        texts = notes.tolist() if len(rest) == len(out) else notes.iloc[rest].tolist()
        for row, note in zip(rest, texts):
            ev = values[row]
            # No evidence and a text note: the usual row without evidence.
            out[row] = note if ev is None and type(note) is str else _evidence_text(note, ev)
    # Lone surrogates (rare): those rows again the slow way, which cleans each text.
    suspects = range(len(out)) if shaped is None else [row for row, plain in enumerate(shaped) if not plain]
    if suspects and _has_surrogate([out[row] for row in suspects]):
        every_note = notes.tolist()
        for row in suspects:
            if _SURROGATE.search(out[row]):
                out[row] = _evidence_text(every_note[row], values[row])
    return out


def _has_surrogate(texts: list[str]) -> bool:
    """Whether any text holds a surrogate code point (``_SURROGATE``), which UTF-8 cannot encode
    (one encode of them all: a regular expression over a million sentences took 0.9 s)."""
    try:
        "".join(texts).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def date_range(payload: Payload) -> tuple[str, str] | None:
    """First and last event dates (ISO) in the payload, None when all are undated."""
    column = payload.columns["d"]
    days = column.values if column.missing is None else column.values[~column.missing]
    if not len(days):
        return None
    first = (_EPOCH + pd.Timedelta(days=int(days.min()))).date().isoformat()
    last = (_EPOCH + pd.Timedelta(days=int(days.max()))).date().isoformat()
    return first, last


def script_json(value, *, compress_above: int = COMPRESS_ABOVE) -> tuple[str, str]:
    """Serialise ``value`` for a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are escaped as JSON ``\\u`` sequences, so no text in the
    data (``</script>``, ``<!--``) can end the element or be parsed as HTML.

    Returns
    -------
    (str, str)
        The element's content and its encoding, ``"json"`` or ``"gzip-base64"``.
    """
    if isinstance(value, Evidence) or isinstance(value, list) and len(value) > CHUNK_ROWS:
        # A big list (a million evidence sentences) is written and compressed a chunk at a time.
        packed = _gzip_parts([(_json_pieces(value), zlib.Z_DEFAULT_STRATEGY)])
        return base64.b64encode(packed).decode("ascii"), "gzip-base64"
    raw = _json_bytes(value)
    if len(raw) > compress_above:
        return base64.b64encode(_gzip(raw)).decode("ascii"), "gzip-base64"
    text = raw.decode("utf-8", "surrogatepass")
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return text, "json"


def _json_bytes(value) -> bytes:
    try:
        return orjson.dumps(value, default=_json_default, option=orjson.OPT_SERIALIZE_NUMPY)
    except (TypeError, orjson.JSONEncodeError):
        # What orjson refuses (integers beyond 64 bits, lone surrogates) the standard
        # encoder writes, or names.
        return json.dumps(
            value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default
        ).encode("utf-8", "surrogatepass")


def _json_pieces(value) -> Iterator[bytes]:
    """The JSON of ``value`` in pieces: dicts key by key, lists longer than :data:`CHUNK_ROWS` a
    chunk of rows at a time (joined, they are :func:`_json_bytes` of the whole)."""
    if isinstance(value, dict):
        yield b"{"
        for k, (key, item) in enumerate(value.items()):
            yield (b"," if k else b"") + _json_bytes(str(key)) + b":"
            yield from _json_pieces(item)
        yield b"}"
    elif isinstance(value, Evidence) or isinstance(value, list) and len(value) > CHUNK_ROWS:
        chunks = value.chunks() if isinstance(value, Evidence) else (
            value[start:start + CHUNK_ROWS] for start in range(0, len(value), CHUNK_ROWS))
        yield b"["
        for k, chunk in enumerate(c for c in chunks if c):
            yield (b"," if k else b"") + _json_bytes(chunk)[1:-1]
        yield b"]"
    else:
        yield _json_bytes(value)


def encode_payload(columns: dict, *, binary: bool | None = None) -> tuple[str, str]:
    """The payload's element content and encoding: :func:`script_json` of its JSON, or binary columns.

    With ``binary`` (default: above :data:`BINARY_ABOVE` rows) each :class:`Column` becomes
    typed bytes and the rest stays JSON, all in one gzip stream, base64-encoded
    (``"columns-gzip-base64"``). The stream holds each column's bytes at ``layout["o"]``, then
    ``L`` bytes of UTF-8 JSON ``{"json": {...}, "bin": {name: layout}}``, then ``L`` as a
    little-endian uint32 (so it is written, and compressed, as it goes). A column is ``n`` rows of ``w``-byte unsigned
    integers ``u``, stored byte plane by byte plane (every row's lowest byte first; deflate
    finds the repetition in each plane). Row ``i`` is ``v = b + u`` (null when ``nul`` and
    ``u`` is 0); with ``z`` the ``u`` are zigzag-coded steps from ``b`` instead (``v`` is
    the running sum); with ``s`` the page gets ``v / s``. A column that does not fit (beyond
    32 bits of range, or of 2**53) stays JSON. :func:`decode_payload` reads it back.
    """
    if binary is None:
        binary = max((len(v) for v in columns.values() if isinstance(v, Column)), default=0) > BINARY_ABOVE
    if not binary:
        return script_json(json_ready(columns))
    plain, layout, parts, offset = {}, {}, [], 0
    for name, value in columns.items():
        packed = _pack(value) if isinstance(value, Column) else None
        if packed is None:
            plain[name] = value.tolist() if isinstance(value, Column) else value
            continue
        layout[name], raw = packed
        layout[name]["o"] = offset
        parts.append(raw)
        offset += len(raw)

    def head() -> Iterator[bytes]:
        size = 0
        for piece in _json_pieces({"json": plain, "bin": layout}):
            size += len(piece)
            yield piece
        yield size.to_bytes(4, "little")

    # The byte planes are runs and noise: run-length matching finds what level 6 finds, 6x faster.
    packed = _gzip_parts([(parts, zlib.Z_RLE), (head(), zlib.Z_DEFAULT_STRATEGY)])
    return base64.b64encode(packed).decode("ascii"), BINARY_ENCODING


def _pack(column: Column) -> tuple[dict, bytes] | None:
    """``(layout, bytes)`` of a column (:func:`encode_payload`), None when it cannot be packed."""
    values, missing, n = column.values.astype(np.int64), column.missing, len(column)
    present = values if missing is None else values[~missing]
    low, high = (int(present.min()), int(present.max())) if len(present) else (0, 0)
    if max(abs(low), abs(high)) >= 2**53 - 2**33:
        return None
    layout = {"n": n}
    if column.scale != 1:
        layout["s"] = column.scale
    if column.text is not None:
        layout["t"] = list(column.text)
    if missing is not None:
        units = np.where(missing, 0, values - (low - 1))
        layout.update(b=low - 1, nul=1)
    else:
        units = values - low
        layout["b"] = low
        steps = np.diff(values, prepend=low)
        zigzag = (steps << 1) ^ (steps >> 63)
        # Steps where they compress better (indices into the string table grow by 0 or 1
        # from row to row in article order); judged on the first rows.
        if zigzag.max(initial=0) < 2**32 and _packed_size(zigzag[:65536]) < _packed_size(units[:65536]):
            units = zigzag
            layout["z"] = 1
    if units.max(initial=0) >= 2**32:
        return None
    width = 1 if units.max(initial=0) < 2**8 else 2 if units.max() < 2**16 else 3 if units.max() < 2**24 else 4
    layout["w"] = width
    return layout, _planes(units, width)


def _planes(units: np.ndarray, width: int) -> bytes:
    """The lowest ``width`` bytes of each value, plane by plane."""
    return units.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :width].T.tobytes()


def _packed_size(units: np.ndarray) -> int:
    width = 1 if units.max(initial=0) < 2**8 else 2 if units.max() < 2**16 else 4
    return len(zlib.compress(_planes(units, width), 1))


def decode_payload(text: str, encoding: str) -> dict:
    """The JSON the page reads from an element :func:`encode_payload` or :func:`script_json` wrote.

    The page's own reader (``geomap.js``, ``decode``) does the same; tests compare both.
    """
    if encoding == "json":
        return json.loads(text)
    raw = gzip.decompress(base64.b64decode(text))
    if encoding == "gzip-base64":
        return json.loads(raw.decode("utf-8", "surrogatepass"))
    if encoding != BINARY_ENCODING:
        raise ValueError(f"unknown payload encoding {encoding!r}")
    size = int.from_bytes(raw[-4:], "little")
    head = json.loads(raw[-4 - size:-4].decode("utf-8", "surrogatepass"))
    data, body = head["json"], np.frombuffer(raw, dtype=np.uint8)
    for name, layout in head["bin"].items():
        n, width, start = layout["n"], layout["w"], layout["o"]
        units = np.zeros(n, dtype=np.int64)
        for plane in range(width):
            units += body[start + plane * n:start + (plane + 1) * n].astype(np.int64) << (8 * plane)
        if layout.get("z"):
            values = layout["b"] + np.cumsum((units >> 1) ^ -(units & 1))
        else:
            values = layout["b"] + units
        missing = (units == 0) if layout.get("nul") else None
        text = tuple(layout["t"]) if "t" in layout else None
        data[name] = Column(values, missing, scale=layout.get("s", 1), text=text).tolist()
    return data


def _gzip(raw: bytes) -> bytes:
    # libdeflate (``pip install 'geomap[fast]'``) when installed: a million incidents' 110 MB
    # of JSON in 1.9 s and 20.8 MB, where zlib at the same level takes 5.5 s and 22.6 MB.
    try:
        import deflate
    except ImportError:
        return gzip.compress(raw, compresslevel=6, mtime=0)
    return deflate.gzip_compress(raw, 6)


#: A gzip member's header: no name, no time, unknown system (the same bytes on every run).
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"

#: zlib's compression level for the parts of a gzip stream (libdeflate's is :func:`_gzip`'s).
GZIP_LEVEL = 6


def _gzip_parts(parts: Iterable[tuple[Iterable[bytes], int]]) -> bytes:
    """One gzip stream of the joined pieces of ``parts``, each part ``(pieces, strategy)``
    deflated by zlib with its own strategy (``zlib.Z_RLE`` for byte planes), the pieces
    compressed as they come (never joined). With libdeflate installed, :func:`_gzip` of it all.

    Each part is a raw deflate stream ended on a byte boundary by a sync flush, and the
    parts' blocks follow each other in one stream (what pigz writes): a part does not refer
    back into the one before, which costs a few bytes per part.
    """
    try:
        import deflate  # noqa: F401  (libdeflate compresses whole buffers only)
    except ImportError:
        pass
    else:
        return _gzip(b"".join(piece for pieces, _ in parts for piece in pieces))
    out, crc, size = [_GZIP_HEADER], 0, 0
    for pieces, strategy in parts:
        packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -15, 8, strategy)  # wbits -15: raw deflate
        for piece in pieces:
            crc, size = zlib.crc32(piece, crc), size + len(piece)
            out.append(packer.compress(piece))
        out.append(packer.flush(zlib.Z_SYNC_FLUSH))
    out.append(zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -15).flush())  # an empty last block
    out.append(crc.to_bytes(4, "little") + (size & 0xFFFFFFFF).to_bytes(4, "little"))
    return b"".join(out)


def _json_default(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if math.isnan(value) else float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
