"""The row-by-row ``build_payload`` as it was before #13: the reference the column-wise one must equal.

Kept verbatim (module docstring aside) so ``tests/test_render_payload.py`` can compare payloads.
"""
from __future__ import annotations

import base64
import gzip
import json
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from geomap.article import clean_text
from geomap.errors import InputError
from geomap.render.style import styles_for

#: Payloads above this many bytes of JSON are embedded gzip+base64 instead of as text.
COMPRESS_ABOVE = 1_000_000

#: Row kinds in the payload.
POINT, REGION, COUNTRY = 0, 1, 2

#: Location kinds drawn as an area when the precision is regional.
REGION_KINDS = ("admin1", "sea")

_EPOCH = pd.Timestamp("1970-01-01")


@dataclass
class Payload:
    """What :func:`build_payload` returns.

    Attributes
    ----------
    data : dict
        The JSON-ready columns (see module docstring).
    bounds : tuple or None
        ``(south, west, north, east)`` of everything drawn, None if nothing is drawn.
    region_shapes : list of shapely geometries
        Region polygons drawn, for the basemap extent.
    """

    data: dict
    bounds: tuple[float, float, float, float] | None
    region_shapes: list


class _Strings:
    """A string table: each distinct string stored once, rows hold its index."""

    def __init__(self):
        self.values: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def __call__(self, value) -> int:
        text = _text(value)
        index = self._index.get(text)
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

    types = [_text(t) or "Unknown" for t in gdf["event_type"].tolist()]
    styles = styles_for(types)
    type_index = {name: i for i, name in enumerate(styles)}
    strings = _Strings()

    geoms = gdf.geometry.tolist()
    kinds_col = [_text(k) for k in _column(gdf, "location_kind", "")]
    precision = [_int_or_none(p) for p in _column(gdf, "geo_precision")]
    place_ids = [_text(p) for p in _column(gdf, "place_id", "")]

    dates = pd.to_datetime(pd.Series(_column(gdf, "event_date")), errors="coerce")
    days = [None if pd.isna(d) else int((d.normalize() - _EPOCH).days) for d in dates]

    row_kind, lat, lon, reg = [], [], [], []
    region_index: dict[str, int] = {}
    regions: list[dict] = []
    region_geoms: dict[str, object] = {}
    for geom, kind, prec, pid in zip(geoms, kinds_col, precision, place_ids):
        empty = geom is None or geom.is_empty
        if empty or kind == "country":
            row_kind.append(COUNTRY)
            lat.append(None)
            lon.append(None)
            reg.append(-1)
            continue
        point = geom if geom.geom_type == "Point" else geom.representative_point()
        lat.append(round(point.y, 5))  # shapely speaks (x=lon, y=lat)
        lon.append(round(point.x, 5))
        if prec == 3 and kind in REGION_KINDS:
            row_kind.append(REGION)
            if pid and pid not in region_index and gazetteer is not None:
                region_geoms[pid] = gazetteer.geometry(pid)
                region_index[pid] = -1
            reg.append(pid)
        else:
            row_kind.append(POINT)
            reg.append(-1)

    drawn = [(y, x) for y, x in zip(lat, lon) if y is not None]
    shapes_drawn = [g for g in region_geoms.values() if g is not None and not g.is_empty]
    bounds = None
    if drawn or shapes_drawn:
        ys = [p[0] for p in drawn]
        xs = [p[1] for p in drawn]
        for g in shapes_drawn:
            x0, y0, x1, y1 = g.bounds
            xs += [x0, x1]
            ys += [y0, y1]
        bounds = (min(ys), min(xs), max(ys), max(xs))
    span = max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1.0) if bounds else 1.0
    names = [_text(v) for v in _column(gdf, "location", "")]
    for i, pid in enumerate(reg):
        if isinstance(pid, str):
            if pid not in region_index or region_index[pid] == -1:
                geojson = _simplified_geojson(region_geoms.get(pid), span / 800)
                if geojson is None:
                    region_index[pid] = -2  # no polygon: ring symbol instead
                else:
                    region_index[pid] = len(regions)
                    regions.append({"id": pid, "name": names[i], "g": geojson})
            reg[i] = max(region_index[pid], -1)

    notes = [_evidence_text(n, e) for n, e in zip(_column(gdf, "notes", ""), _column(gdf, "evidence", None))]
    # Each distinct (actor1, actor2) pair once, in "A"; rows hold its index, so the
    # actor filter tests a few hundred pairs, not every row, and nothing grows per row.
    pairs: dict[tuple[int, int], int] = {(0, 0): 0}
    actors = [
        pairs.setdefault((strings(a1), strings(a2)), len(pairs))
        for a1, a2 in zip(_column(gdf, "actor1"), _column(gdf, "actor2"))
    ]
    quantities = [strings(_quantities_text(q)) for q in _column(gdf, "quantities", None)]
    counts = {name: 0 for name in styles}
    for t in types:
        counts[t] += 1
    data = {
        "types": [
            {"name": name, "color": colour, "shape": shape, "count": counts[name]}
            for name, (colour, shape) in styles.items()
        ],
        "id": [_text(v) for v in _column(gdf, "event_id", "")],
        "t": [type_index[t] for t in types],
        "sub": [strings(v) for v in _column(gdf, "sub_event_type", "")],
        "k": row_kind,
        "lat": lat,
        "lon": lon,
        "reg": reg,
        "d": days,
        "tp": [_int_or_none(v) for v in _column(gdf, "time_precision")],
        "f": [_int_or_none(v) or 0 for v in _column(gdf, "fatalities", 0)],
        "inj": [_int_or_none(v) for v in _column(gdf, "injured")],
        "loc": [strings(v) for v in names],
        "adm": [strings(v) for v in _column(gdf, "admin1", "")],
        "cty": [strings(v) for v in _column(gdf, "country", "")],
        "gp": precision,
        "act": actors,
        "A": [list(pair) for pair in pairs],
        "q": quantities,
        "ev": notes,
        "src": [strings(v) for v in _column(gdf, "source", "")],
        "ttl": [strings(v) for v in _column(gdf, "title", "")],
        "url": [strings(v) for v in _column(gdf, "url", "")],
        "S": strings.values,
        "regions": regions,
    }
    return Payload(data=data, bounds=bounds, region_shapes=shapes_drawn)


def date_range(payload: Payload) -> tuple[str, str] | None:
    """First and last event dates (ISO) in the payload, None when all are undated."""
    days = [d for d in payload.data["d"] if d is not None]
    if not days:
        return None
    first = (_EPOCH + pd.Timedelta(days=min(days))).date().isoformat()
    last = (_EPOCH + pd.Timedelta(days=max(days))).date().isoformat()
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
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default)
    if len(text) > compress_above:
        packed = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
        return base64.b64encode(packed).decode("ascii"), "gzip-base64"
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return text, "json"


def _json_default(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if math.isnan(value) else float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
