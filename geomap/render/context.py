"""Context at working zoom: towns and villages, and region names, from the gazetteer.

At zoom 11 over a front-line district the offline basemap (borders and seas) has
nothing to read a marker against. This layer embeds the populated places of the
data's extent from the gazetteer (:meth:`gazetteer.Gazetteer.places_in`) with the
zoom each one appears at, so the page shows big cities when zoomed out and
villages when zoomed in (``static/geomap.js: contextLayer`` draws them on one
canvas and labels them without overlaps, in the order given here).

Size: small places only come from the incidents' own extent plus a margin; big
cities from the wider basemap window; at most :data:`MAX_TOWNS` in all. A place
is one name and three numbers, so a front-line extent (6,000 places over eastern
Ukraine and western Russia) costs about 150 KB.
"""

from __future__ import annotations

import logging
import math

import numpy as np

from geomap.render.basemap import extent

log = logging.getLogger(__name__)

#: (population, zoom): a place of at least that many people appears from that zoom on.
ZOOM_BY_POPULATION = (
    (1_000_000, 4),
    (300_000, 5),
    (100_000, 6),
    (50_000, 7),
    (20_000, 8),
    (8_000, 9),
    (3_000, 10),
    (1_000, 11),
    (0, 12),
)

#: A place this close to an incident (km) appears one zoom level earlier, and is
#: labelled before places of any size farther away.
NEAR_KM = 5.0

#: Places within this distance (km) of an incident come next, before the rest.
AROUND_KM = 25.0

#: Cities at least this big are drawn over the whole basemap window.
WIDE_POPULATION = 50_000

#: At most this many places (the highest priority ones) in one map.
MAX_TOWNS = 15_000

_KM_PER_DEGREE = 111.0


def min_zoom(population: np.ndarray) -> np.ndarray:
    """The zoom each population appears from (:data:`ZOOM_BY_POPULATION`)."""
    zoom = np.full(population.shape, ZOOM_BY_POPULATION[-1][1], dtype=np.int64)
    for threshold, level in reversed(ZOOM_BY_POPULATION):
        zoom[population >= threshold] = level
    return zoom


def _distances_km(lat, lon, points, *, within: float = math.inf, enough: float = 0.0) -> np.ndarray:
    """Distance from each (lat, lon) to the nearest of ``points`` (an (n, 2) lat/lon array), in km.

    Only distances up to ``within`` km are searched for: beyond it a place gets ``inf``. A
    place found within ``enough`` km of one chunk of points is not searched for again in the
    next chunks: its distance is then the one found, at most ``enough`` km, though a nearer
    point may exist (what :func:`build_context` asks is only whether one is that near).
    """
    if len(points) == 0 or len(lat) == 0:
        return np.full(len(lat), np.inf)
    import shapely

    # Degrees scaled by the cosine of the latitude: close enough for "within 5 km".
    scale = np.cos(np.radians(np.clip(np.mean(points[:, 0]), -80, 80)))
    # shapely speaks (x, y) = (lon, lat): swap here, once.
    places = shapely.points(lon * scale, lat)
    dist = np.full(len(lat), np.inf)
    # A little beyond `within`, so that a place at `within` km is never left out by rounding.
    reach = within / _KM_PER_DEGREE * 1.01 if math.isfinite(within) else None
    # The nearest of each chunk of incidents, then the nearest of those: a million points
    # and their tree at once were 300 MB of a big map's peak.
    for start in range(0, len(points), _CHUNK):
        ask = np.flatnonzero(~(dist * _KM_PER_DEGREE <= enough))
        if not len(ask):
            break
        chunk = points[start:start + _CHUNK]
        if reach is not None:  # only the incidents that can be within reach of a place still asked about
            chunk = chunk[_beside(lon[ask] * scale, lat[ask], chunk[:, 1] * scale, chunk[:, 0], 2 * reach)]
            if not len(chunk):
                continue
        tree = shapely.STRtree(shapely.points(chunk[:, 1] * scale, chunk[:, 0]))
        (rows, _), found = tree.query_nearest(places[ask], max_distance=reach, return_distance=True, all_matches=False)
        dist[ask[rows]] = np.minimum(dist[ask[rows]], found)
    return dist * _KM_PER_DEGREE


_CHUNK = 100_000


def _beside(x, y, px, py, size: float) -> np.ndarray:
    """Which points ``(px, py)`` lie in a square of side ``size`` (a grid's) holding one of ``(x, y)``,
    or in one beside it: every point within ``size`` of one of them does, whatever the rounding."""
    def cells(cx, cy):
        return (cx + 2**20) * 2**21 + (cy + 2**20)

    cx, cy = np.floor(x / size).astype(np.int64), np.floor(y / size).astype(np.int64)
    near = np.unique(np.concatenate([cells(cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]))
    return np.isin(cells(np.floor(px / size).astype(np.int64), np.floor(py / size).astype(np.int64)), near)


def build_context(provider, bounds, points, *, skip=(), regions=()) -> dict | None:
    """The context layer's data: populated places around the incidents.

    Parameters
    ----------
    provider : object
        Usually a :class:`gazetteer.Gazetteer`; needs ``places_in(bounds, kind=,
        min_population=)``. Without it there is no context layer (None).
    bounds : tuple
        Extent of the incidents (south, west, north, east).
    points : array-like
        (lat, lon) of the point incidents, for "nearest to incidents first".
    skip : iterable of (lat, lon)
        Places already labelled by the basemap (its capitals and big cities),
        left out here so no name is written twice.
    regions : iterable of dict
        First-level regions ``{"n", "lat", "lon"}`` whose names the layer shows at
        middle zooms (the basemap's ``admin1`` label points).

    Returns
    -------
    dict or None
        ``{"n": names, "lat": [...], "lon": [...], "z": min zooms, "r": [[name, lat, lon], ...]}``,
        places in label priority order.
    """
    places_in = getattr(provider, "places_in", None)
    if places_in is None:
        return None
    south, west, north, east = bounds
    wide = extent(bounds)
    # The core: the incidents' extent plus a margin of a tenth of its size (at least
    # 0.3°, some 30 km), where every village is kept.
    pad = max(0.3, 0.1 * max(north - south, east - west))
    core = (max(south - pad, -85.0), max(west - pad, -180.0), min(north + pad, 85.0), min(east + pad, 180.0))
    try:
        found = {p.id: p for p in places_in(core)}
        for place in places_in(wide, min_population=WIDE_POPULATION):
            found.setdefault(place.id, place)
    except (LookupError, ValueError) as err:
        log.debug("no populated places for the context layer: %s", err)
        return None
    skip = {(round(lat, 2), round(lon, 2)) for lat, lon in skip}
    places = [p for p in found.values() if (round(p.lat, 2), round(p.lon, 2)) not in skip and p.name]
    out_regions = [
        [r["n"], r["lat"], r["lon"]] for r in regions if r.get("lat") is not None and r.get("n")
    ]
    if not places and not out_regions:
        return None
    lat = np.array([p.lat for p in places], dtype=float)
    lon = np.array([p.lon for p in places], dtype=float)
    pop = np.array([p.population for p in places], dtype=np.int64)
    dist = _distances_km(lat, lon, np.asarray(points, dtype=float).reshape(-1, 2), within=AROUND_KM, enough=NEAR_KM)
    zoom = min_zoom(pop)
    zoom[dist <= NEAR_KM] -= 1
    near = np.where(dist <= NEAR_KM, 0, np.where(dist <= AROUND_KM, 1, 2))
    # Label priority: places at incidents, then around them, then the rest; bigger first in each.
    order = np.lexsort((np.arange(len(places)), -pop, near))[:MAX_TOWNS]
    if len(places) > MAX_TOWNS:
        log.info("context layer: %d of %d places kept", MAX_TOWNS, len(places))
    return {
        "n": [places[i].name for i in order],
        "lat": [round(float(lat[i]), 4) for i in order],
        "lon": [round(float(lon[i]), 4) for i in order],
        "z": [int(zoom[i]) for i in order],
        "r": out_regions,
    }
