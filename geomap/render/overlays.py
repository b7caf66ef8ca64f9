"""The user's own layers (``--overlay FILE``): front lines, occupied areas, areas of responsibility.

Each layer of a GeoJSON, KML or GeoPackage file (read with pyogrio through
geopandas) becomes one overlay: drawn under the incidents, with its own entry in
the layer control and in the legend.

Style: simplestyle properties (``stroke``, ``fill``, ``color``, ``stroke-width``,
``fill-opacity``) when features carry them; otherwise a categorical property
(``status``, ``type``, ``category``, ``class``, ``kind``, ``side``, ``control``, or
the first text property with 2–8 values) picks a colour per value.

Dates: a feature with ``valid_from``/``valid_to`` is shown while the date control's
end day lies between them; features with only a ``date`` are snapshots, each shown
from its date until the next later snapshot of the layer (the front line as of the
end day). Features without dates are always shown.

Everything in a file is untrusted: properties reach the page only as JSON data and
are shown with ``textContent``; colours are checked against a strict pattern.
"""

from __future__ import annotations

import json
import logging
import math
import re
from pathlib import Path

import pandas as pd

from geomap.errors import InputError

log = logging.getLogger(__name__)

#: Properties that name a category to colour by, in order of preference.
CATEGORY_NAMES = ("status", "type", "category", "class", "kind", "side", "control")

#: Colours per category (ColorBrewer Dark2: apart from the incident palette's hues and shapes).
CATEGORY_COLORS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")

#: Colour of an overlay that says nothing of its style.
DEFAULT_COLOR = "#6a3d9a"

#: Properties kept per feature for its popup, and characters per value.
MAX_PROPERTIES = 25
MAX_VALUE = 300

#: Coordinates rounded to this many decimals (about 1 m).
PRECISION = 5

_COLOR = re.compile(r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|[a-zA-Z]{3,20})$")
_STYLE_KEYS = ("stroke", "fill", "color", "marker-color")
_DATE_KEYS = ("date", "valid_from", "valid_to")
_EPOCH = pd.Timestamp("1970-01-01")


def check_overlay(path: str) -> None:
    """``--overlay``: the file must exist (read later, with the inputs).

    Raises
    ------
    geomap.errors.ConfigurationError
    """
    from geomap.errors import ConfigurationError

    if not Path(path).is_file():
        raise ConfigurationError(f"overlay: no such file: {path}")


def _color(value) -> str | None:
    if isinstance(value, str) and _COLOR.match(value.strip()):
        return value.strip()
    return None


def _number(value, low, high):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return min(max(number, low), high) if math.isfinite(number) else None


def _day(value) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(stamp):
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert(None)
    return int((stamp.normalize() - _EPOCH).days)


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.isoformat()
    text = str(value)
    # Lone surrogates would make the page unencodable; keep any other text.
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text[:MAX_VALUE]


def _category_column(frame) -> str | None:
    columns = [c for c in frame.columns if c != frame.geometry.name and str(c).lower() not in _DATE_KEYS]
    by_lower = {str(c).lower(): c for c in columns}
    candidates = [by_lower[n] for n in CATEGORY_NAMES if n in by_lower]
    candidates += [c for c in columns if c not in candidates and frame[c].dtype == object]
    for column in candidates:
        values = frame[column].dropna().astype(str)
        if 2 <= values.nunique() <= len(CATEGORY_COLORS):
            return column
    return None


def read_overlays(path) -> list[dict]:
    """Every layer of one overlay file, ready for the page.

    Parameters
    ----------
    path : path-like
        GeoJSON, KML, GeoPackage or any vector file GDAL reads.

    Returns
    -------
    list of dict
        One per non-empty layer: ``{"name", "color", "categories": [[value, colour]],
        "dated": bool, "features": [{"g": GeoJSON geometry, "p": [[key, value]],
        "c": colour, "w": weight, "o": fill opacity, "from": day, "to": day}]}``.

    Raises
    ------
    geomap.errors.InputError
        The file cannot be read as vector data, or holds no feature with a geometry.
    """
    import geopandas as gpd
    import pyogrio

    path = Path(path)
    try:
        layers = [str(row[0]) for row in pyogrio.list_layers(path)]
    except Exception as err:  # pyogrio raises its own DataSourceError and GDAL's errors
        raise InputError(f"{path}: cannot read as an overlay ({_reason(err)})") from err
    out = []
    for layer in layers:
        try:
            frame = gpd.read_file(path, layer=layer, engine="pyogrio")
        except Exception as err:  # see above
            raise InputError(f"{path}: cannot read layer {layer!r} ({_reason(err)})") from err
        overlay = _overlay(frame, name=path.name if len(layers) == 1 else f"{path.name} — {layer}")
        if overlay:
            out.append(overlay)
    if not out:
        raise InputError(f"{path}: no feature with a geometry to draw")
    return out


def _reason(err: Exception) -> str:
    return (str(err).splitlines() or [type(err).__name__])[0][:200]


def _overlay(frame, *, name: str) -> dict | None:
    import shapely

    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    if frame.empty:
        return None
    lower = {str(c).lower(): c for c in frame.columns}
    styled = any(k in lower for k in _STYLE_KEYS)
    category = None if styled else _category_column(frame)
    palette = {}
    if category is not None:
        for value in sorted(frame[category].dropna().astype(str).unique()):
            palette[value] = CATEGORY_COLORS[len(palette) % len(CATEGORY_COLORS)]
    geoms = shapely.set_precision(frame.geometry.values, 10**-PRECISION)
    properties = [c for c in frame.columns if c != frame.geometry.name]
    features = []
    for position, (row, geom) in enumerate(zip(frame[properties].itertuples(index=False), geoms)):
        record = dict(zip(properties, row))
        get = {str(k).lower(): v for k, v in record.items()}
        color = None
        if styled:
            color = _color(get.get("stroke")) or _color(get.get("color")) or _color(get.get("marker-color"))
        elif category is not None and _text(record.get(category)) in palette:
            color = palette[_text(record.get(category))]
        fill = _color(get.get("fill")) if styled else None
        start = _day(get.get("valid_from"))
        if start is None:
            start = _day(get.get("date"))
        features.append(
            {
                "g": json.loads(shapely.to_geojson(geom)),
                "p": [
                    [str(k)[:60], v]
                    for k, v in ((k, _text(record[k])) for k in properties[:MAX_PROPERTIES])
                    if v is not None
                ],
                "c": color or DEFAULT_COLOR,
                "f": fill,
                "w": _number(get.get("stroke-width"), 0.5, 12),
                "o": _number(get.get("fill-opacity"), 0, 1),
                "from": start,
                "to": _day(get.get("valid_to")),
                "snap": _day(get.get("date")) is not None and "valid_from" not in get and "valid_to" not in get,
                "i": position,
            }
        )
    _close_snapshots(features)
    return {
        "name": name,
        "color": DEFAULT_COLOR if category is None else None,
        "categories": [[value, color] for value, color in palette.items()],
        "category": str(category) if category is not None else None,
        "dated": any(f["from"] is not None or f["to"] is not None for f in features),
        "features": features,
    }


def _close_snapshots(features: list[dict]) -> None:
    """Features dated only by ``date`` hold until the next later date of the layer."""
    snaps = [f.pop("snap") for f in features]
    days = sorted({f["from"] for f, snap in zip(features, snaps) if snap})
    for feature, snap in zip(features, snaps):
        later = [d for d in days if d > feature["from"]] if snap else []
        if later:
            feature["to"] = later[0] - 1
