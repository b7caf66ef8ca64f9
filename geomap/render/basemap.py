"""An offline basemap from the gazetteer's own shapes.

Countries, first-level regions and seas come from ``provider.shapes(kind)`` (see
:meth:`gazetteer.Gazetteer.shapes`), clipped to the map's extent plus a margin and
simplified to a tolerance that fits that extent, so the page stays small and the
map is readable with no tile server. Major places (capitals and the most populous
cities in view) become small labels.
"""

from __future__ import annotations

import json
import logging
import math

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import box

log = logging.getLogger(__name__)

#: Kinds drawn as areas, bottom to top.
AREA_KINDS = ("sea", "country", "admin1")

#: Seas smaller than this share of the window are drawn but not named.
LABEL_MIN_SHARE = 0.004

#: At most this many city labels, capitals first then by population.
MAX_PLACES = 30

#: Cities below this population are not labelled (capitals always are).
MIN_POPULATION = 150_000


def extent(bounds, *, margin: float = 0.5, minimum: float = 4.0) -> tuple[float, float, float, float]:
    """The basemap's window around ``bounds`` (south, west, north, east).

    The margin is a share of the larger side, at least ``minimum`` degrees of
    context on each side, so a single town still shows its neighbours; the window
    is then widened east–west to fill a wide screen (on a Mercator map a degree of
    longitude is shorter than one of latitude by cos(latitude)).
    """
    south, west, north, east = bounds
    pad = max(minimum, margin * max(north - south, east - west))
    south, west, north, east = south - pad, west - pad, north + pad, east + pad
    mid_lat = math.radians(max(min((south + north) / 2, 80.0), -80.0))
    want_width = 1.8 * (north - south) / max(math.cos(mid_lat), 0.2)
    if east - west < want_width:
        grow = (want_width - (east - west)) / 2
        west, east = west - grow, east + grow
    return (max(south, -85.0), max(west, -180.0), min(north, 85.0), min(east, 180.0))


def _shapes(provider, kind):
    shapes = getattr(provider, "shapes", None)
    if shapes is None:
        return []
    return shapes(kind) or []


def build_basemap(provider, bounds) -> dict | None:
    """Basemap layers clipped to ``bounds`` (south, west, north, east) plus margin.

    Parameters
    ----------
    provider : object with ``shapes(kind)``
        Usually a :class:`gazetteer.Gazetteer`; ``shapes`` returns
        ``[(Place, shapely geometry), ...]`` for ``country``, ``admin1``, ``sea``
        and, when available, ``city`` (points).
    bounds : tuple
        Extent of the incidents.

    Returns
    -------
    dict or None
        ``{"bbox": [...], "country": [...], "admin1": [...], "sea": [...],
        "places": [...]}`` where areas are ``{"n": name, "g": GeoJSON, "lat", "lon"}``;
        None when the provider has no shapes at all.
    """
    south, west, north, east = extent(bounds)
    window = box(west, south, east, north)
    span = max(north - south, east - west)
    layers: dict = {"bbox": [south, west, north, east]}
    total = 0
    for kind in AREA_KINDS:
        # Finer detail for coarse layers would be wasted: borders are 1 px wide.
        tolerance = span / (1500 if kind != "admin1" else 1000)
        shapes = _shapes(provider, kind)
        # Each step on all of a layer's shapes at once: the same GEOS operations, one call
        # each instead of one per shape (thousands of regions).
        geoms = np.array([geom for _, geom in shapes], dtype=object)
        seen = np.flatnonzero(shapely.intersects(geoms, window) & ~shapely.is_empty(geoms))
        clipped_all = shapely.clip_by_rect(geoms[seen], west, south, east, north)
        clipped_all = shapely.set_precision(shapely.simplify(clipped_all, tolerance, preserve_topology=True), 1e-3)
        items = []
        for i, clipped in zip(seen, clipped_all.tolist()):
            place = shapes[i][0]
            if clipped.is_empty:
                continue
            share = clipped.area / window.area
            point = _label_point(place, clipped, (south, west, north, east))
            if kind == "sea" and share < LABEL_MIN_SHARE:
                point = None  # a fjord or bay too small to name at this scale
            items.append(
                {
                    "n": place.name,
                    "g": json.loads(shapely.to_geojson(clipped)),
                    "lat": round(point[0], 3) if point else None,
                    "lon": round(point[1], 3) if point else None,
                    # Share of the window the area covers: big countries' names win
                    # label clashes over small places' names.
                    "a": round(share, 4),
                }
            )
        layers[kind] = items
        total += len(items)
    core = extent(bounds, margin=0.15, minimum=1.0)
    layers["places"] = _major_places(provider, (south, west, north, east), core)
    total += len(layers["places"])
    return layers if total else None


def _label_point(place, clipped, bounds) -> tuple[float, float] | None:
    """(lat, lon) where an area's name goes: its own point, or inside its visible part.

    A big country's own point is often outside the window (Russia's lies in
    Siberia), so its name would be missing from a map of its western edge; the
    pole of inaccessibility of the largest visible piece keeps the name on the
    land it names, as far from the window's edges and the borders as can be.
    """
    south, west, north, east = bounds
    if south <= place.lat <= north and west <= place.lon <= east:
        return place.lat, place.lon
    parts = [g for g in shapely.get_parts(clipped) if g.geom_type == "Polygon" and not g.is_empty]
    if not parts:
        return None
    largest = max(parts, key=lambda g: g.area)
    point = shapely.ops.polylabel(largest, tolerance=max(north - south, east - west) / 200)
    return point.y, point.x


def _cities(provider) -> list:
    """(Place, point) of populated places, from ``shapes("city")`` when the provider has them."""
    try:
        cities = _shapes(provider, "city")
    except (ValueError, KeyError, LookupError) as err:
        # A provider may only hold areas; labels are a nicety, the map still works.
        log.debug("no city shapes for the basemap: %s", err)
        cities = []
    return cities


def _major_places(provider, bounds, core=None) -> list[dict]:
    south, west, north, east = bounds
    cities = _cities(provider)
    # Places near the incidents matter most: the inner window is the incidents'
    # own extent; capitals first, then by population, inner window before outer.
    inner = core or bounds
    picked = []
    for place, _geom in cities:
        if not (south <= place.lat <= north and west <= place.lon <= east):
            continue
        capital = (place.feature_code or "") == "PPLC"
        if not (capital or place.population >= MIN_POPULATION):
            continue
        near = inner[0] <= place.lat <= inner[2] and inner[1] <= place.lon <= inner[3]
        picked.append(((not near, not capital, -place.population), place))
    picked.sort(key=lambda item: item[0])
    return [
        {
            "n": p.name,
            "lat": round(p.lat, 3),
            "lon": round(p.lon, 3),
            "cap": (p.feature_code or "") == "PPLC",
            "pop": p.population,
        }
        for _, p in picked[:MAX_PLACES]
    ]
