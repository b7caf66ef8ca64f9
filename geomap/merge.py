"""Merging: the same incident told by several articles becomes one; distinct events never do.

A step of its own, on the incidents of many articles (each already merged within
its article by :mod:`geomap.incidents`). Two incidents of different articles are
one only when the evidence says so:

* the same ACLED event type (and, for strategic developments, the same sub-type:
  an arrest and a deployment are different developments);
* dates within :data:`MERGE_DAYS` of each other, both known (undated incidents
  of different articles are never joined);
* the same sides, when both name who acted (``actor1``): Ukrainian and Russian
  shelling of one town are two events;
* and either **two points**: the same place, or places within
  :data:`MERGE_DISTANCE_KM` (never a place whose point is its community's centre,
  :attr:`gazetteer.Place.approximate`, and another: Robotyne and Orikhiv share
  Orikhiv's point); or **a region-level report** (region, sea, country)
  with exactly one candidate incident inside it.

The test is made against the *original* places and dates of every incident a
merged incident already holds, never against the place it ended up with, so
merging is not transitive: a region-level report cannot pull in one village
and then, through it, the next; 55 articles about 39 villages stay 39 incidents.

The merged incident keeps the most specific place, every source, title, URL and
piece of evidence, and the lowest count reported (ACLED's rule). Its
``event_id`` is the smallest of its members' ids, so it depends neither on the
order of the inputs nor on the paths they were given by.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gazetteer.resolver import haversine_km

if TYPE_CHECKING:
    from gazetteer.model import Place
    from geomap.incidents import Incident

__all__ = ["MERGE_DAYS", "MERGE_DISTANCE_KM", "merge_frame", "merge_incidents"]

#: Two point incidents farther apart than this are different incidents.
MERGE_DISTANCE_KM = 5.0
#: Dates this many days apart or less may be the same incident.
MERGE_DAYS = 1

#: Place kinds compared by distance; the others are areas, compared by containment.
POINT_KINDS = ("city", "other")

#: Event types whose sub-types are different things, not different tellings of one.
_SUBTYPE_MATTERS = frozenset({"Strategic developments"})


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places, in km."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


_REGION_WORDS = ("oblast", "oblast'", "krai", "kray", "region", "province", "governorate", "republic", "okrug", "city", "of")


def region_key(name: str | None) -> str:
    """A region's name without its type words (``Kharkiv Oblast`` → ``kharkiv``)."""
    if not name:
        return ""
    return " ".join(w for w in name.lower().replace("-", " ").split() if w not in _REGION_WORDS)


def same_region(admin1: str | None, region_name: str) -> bool:
    """Whether a place's ``admin1`` names the region ``region_name``."""
    return bool(admin1) and region_key(admin1) == region_key(region_name)


def contains(region: Place, place: Place, gazetteer: Any, *, radius_km: float | None = None) -> bool:
    """Is ``place`` inside ``region`` (a country, admin1 or sea)?

    By name (the place's ``admin1``), else by the region's polygon from
    ``gazetteer.geometry``, else, for a region without one and when ``radius_km``
    is given, by distance from the region's label point.
    """
    if region.kind == "country":
        return place.country == region.country and place.kind != "country"
    if region.kind not in ("admin1", "sea"):
        return False
    if place.kind == "country" or (region.kind == "admin1" and place.kind == "admin1"):
        return False
    if region.kind == "admin1" and place.country == region.country and same_region(place.admin1, region.name):
        return True
    geometry = region_geometry(region, gazetteer)
    if geometry is not None:
        from shapely.geometry import Point

        # Domain objects speak (lat, lon); shapely speaks (lon, lat).
        point = Point(place.lon, place.lat)
        # The outline decides: Batsari, 40 km from Zamfara State's edge, is in Katsina State.
        return bool(geometry.contains(point) or geometry.distance(point) < 0.05)
    return radius_km is not None and place.country == region.country and km(region, place) <= radius_km


def region_geometry(region: Place, gazetteer: Any):
    """The region's polygon with its holes filled, or None."""
    getter = getattr(gazetteer, "geometry", None)
    if getter is None:
        return None
    try:
        geometry = getter(region)
    except (LookupError, ValueError):
        return None
    if geometry is None or geometry.is_empty:
        return None
    # Fill holes: Moscow city is an enclave in Moscow Oblast, yet "the Moscow
    # region" in a report of an attack on Moscow is the same event.
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geometry, Polygon):
        return Polygon(geometry.exterior)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([Polygon(p.exterior) for p in geometry.geoms])
    return geometry


_KIND_RANK = {"city": 0, "other": 1, "admin1": 2, "sea": 3, "country": 4}
#: Waters narrow enough that their point locates what happens in them as a town's does
#: (GeoNames' codes): a ship struck in the Kerch Strait is at the strait, not in Crimea.
NARROW_WATERS = frozenset({"STRT", "CHN"})


def specificity(incident: Incident) -> tuple[int, int, int]:
    """Sort key of how closely an incident's place locates it (lower: closer).

    Precision first, then the kind of place; between two towns equally near,
    the smaller: "near Shevchenko, southwest of Pokrovsk" locates the fighting
    at the village, as ACLED codes the most specific place named.
    """
    place = incident.place
    population = place.population if place.kind == "city" and place.population else 0
    kind = "other" if place.kind == "sea" and place.feature_code in NARROW_WATERS else place.kind
    return (incident.geo_precision, _KIND_RANK.get(kind, 9), population)


def absorb(into: Incident, other: Incident, *, same_article: bool) -> None:
    """Fold ``other`` into ``into``: the more specific place, every source.

    Counts: the highest within one article (its sentences add detail), the
    lowest across articles (ACLED's rule).
    """
    if specificity(other) < specificity(into):
        into.place, into.geo_precision, into.country = other.place, other.geo_precision, other.country
    if (other.time_precision or 9) < (into.time_precision or 9):
        into.event_date, into.time_precision = other.event_date, other.time_precision
    pick = max if same_article else min
    for name in ("fatalities", "injured"):
        mine, theirs = getattr(into, name), getattr(other, name)
        if theirs is not None:
            setattr(into, name, theirs if mine is None else pick(mine, theirs))
    for key, value in other.quantities.items():
        mine = into.quantities.get(key)
        # (a file's quantities may hold null: a known figure wins over none)
        into.quantities[key] = value if mine is None else mine if value is None else pick(value, mine)
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2
    for attr in ("sources", "titles", "urls"):
        mine = getattr(into, attr)
        for value in getattr(other, attr):
            if value not in mine:
                mine.append(value)
    for item in other.evidence:
        if item not in into.evidence:
            into.evidence.append(item)
    # Rows read from datasets carry no confidence (NaN): the known one wins.
    known = [c for c in (into.confidence, other.confidence) if c == c]
    into.confidence = max(known) if known else into.confidence


@dataclass
class _Cluster:
    """Incidents told of one event: their original places and dates stay for comparison."""

    members: list[Incident] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # in the input, for the output order
    points: list[Place] = field(default_factory=list)
    areas: list[Place] = field(default_factory=list)

    def add(self, incident: Incident, position: int) -> None:
        self.members.append(incident)
        self.positions.append(position)
        (self.points if incident.place.kind in POINT_KINDS else self.areas).append(incident.place)

    @property
    def first(self) -> int:
        return min(self.positions)


def _compatible(cluster: _Cluster, incident: Incident) -> bool:
    """Type, dates, sides and articles allow ``incident`` to join every member of ``cluster``."""
    for member in cluster.members:
        if member.article_key == incident.article_key:
            return False  # kept apart within their article: two events (checked first: the cheapest)
        if member.event_type != incident.event_type:
            return False
        if incident.event_type in _SUBTYPE_MATTERS and member.sub_event_type != incident.sub_event_type:
            return False
        if member.event_date is None or incident.event_date is None:
            return False
        if abs((member.event_date - incident.event_date).days) > MERGE_DAYS:
            return False
        if member.actor1 and incident.actor1 and member.actor1 != incident.actor1:
            return False
    return True


class _PointIndex:
    """Clusters with point places by (event type, day) and ~10 km grid cell."""

    CELL_DEG = 0.1
    LON_CELLS = round(360 / CELL_DEG)

    def __init__(self) -> None:
        self._cells: dict[tuple, list[_Cluster]] = {}

    def _cell(self, place: Place) -> tuple[int, int]:
        return (
            math.floor((place.lat + 90) / self.CELL_DEG),
            math.floor((place.lon + 180) / self.CELL_DEG) % self.LON_CELLS,
        )

    def add(self, cluster: _Cluster, incident: Incident) -> None:
        key = (incident.event_type, incident.event_date.toordinal(), *self._cell(incident.place))
        bucket = self._cells.setdefault(key, [])
        if cluster not in bucket:
            bucket.append(cluster)

    def near(self, incident: Incident) -> list[_Cluster]:
        """Clusters with a member of the same type within a day and a few km of ``incident``."""
        row, col = self._cell(incident.place)
        reach = max(1, math.ceil(MERGE_DISTANCE_KM / (111.19 * self.CELL_DEG)))
        edge = min(89.9, abs(incident.place.lat) + self.CELL_DEG * (reach + 1))
        wide = min(
            self.LON_CELLS // 2,
            math.ceil(MERGE_DISTANCE_KM / (111.19 * self.CELL_DEG * math.cos(math.radians(edge)))),
        )
        day = incident.event_date.toordinal()
        found: list[_Cluster] = []
        for d in range(day - MERGE_DAYS, day + MERGE_DAYS + 1):
            for r in range(row - reach, row + reach + 1):
                for c in range(col - wide, col + wide + 1):
                    for cluster in self._cells.get((incident.event_type, d, r, c % self.LON_CELLS), ()):
                        if cluster not in found:
                            found.append(cluster)
        return found


class _AreaIndex:
    """Point clusters by (event type, day, country) and, within it, region name.

    A region-level report looks only at the clusters of its type, days and
    country, and for an admin1 region first at those whose places name it; a
    sea looks at its days' clusters (few).
    """

    def __init__(self, clusters: list[_Cluster]) -> None:
        self._by_country: dict[tuple, list[_Cluster]] = {}
        self._by_region: dict[tuple, list[_Cluster]] = {}
        self._by_day: dict[tuple, list[_Cluster]] = {}
        for cluster in clusters:
            if not cluster.points:
                continue
            keys = set()
            for member in cluster.members:
                if member.event_date is None:
                    continue
                day = member.event_date.toordinal()
                for point in cluster.points:
                    keys.add((member.event_type, day, point.country, region_key(point.admin1)))
            for event_type, day, country, region in keys:
                for index, key in (
                    (self._by_country, (event_type, day, country)),
                    (self._by_region, (event_type, day, country, region)),
                    (self._by_day, (event_type, day)),
                ):
                    bucket = index.setdefault(key, [])
                    if not bucket or bucket[-1] is not cluster:
                        bucket.append(cluster)

    def candidates(self, incident: Incident) -> list[_Cluster]:
        day = incident.event_date.toordinal()
        region = incident.place
        found: dict[int, _Cluster] = {}
        for d in range(day - MERGE_DAYS, day + MERGE_DAYS + 1):
            if region.kind == "country":
                bucket = self._by_country.get((incident.event_type, d, region.country), ())
            elif region.kind == "admin1":
                # By name first; places without an admin1 are left to the polygon (via country).
                bucket = self._by_region.get((incident.event_type, d, region.country, region_key(region.name)), ())
                bucket = list(bucket) + list(self._by_region.get((incident.event_type, d, region.country, ""), ()))
            else:
                bucket = self._by_day.get((incident.event_type, d), ())
            for cluster in bucket:
                found.setdefault(id(cluster), cluster)
        return list(found.values())


def _key(incident: Incident) -> tuple:
    return (incident.event_type, incident.sub_event_type, incident.place.id,
            incident.event_date, incident.article_key)  # fmt: skip


def merge_incidents(incidents: Iterable[Incident], *, gazetteer: Any = None) -> list[Incident]:
    """Join the same incident reported by several articles (rules in the module docstring).

    Parameters
    ----------
    incidents : iterable of Incident
        Incidents of many articles, each already merged within its article. The
        same article read twice (same URL, or same text) gives the same incidents
        twice: they are kept once.
    gazetteer : gazetteer.Gazetteer, optional
        For region polygons (containment); names alone are used without it.

    Returns
    -------
    list of Incident
        In the order of each one's first report.
    """
    return [_merged(cluster) for cluster in _clusters(dedupe(incidents), gazetteer)]


def _apart(a: Place, b: Place) -> float:
    """Distance between two point places for merging; infinite between an approximate place and another."""
    if a.id != b.id and (a.approximate or b.approximate):
        return math.inf
    return km(a, b)


def dedupe(incidents: Iterable[Incident]) -> list[Incident]:
    """The incidents without repeats of one article's (same URL or text, read under another path).

    A repeat's sources are added to the first telling's.
    """
    unique: list[Incident] = []
    seen: dict[tuple, Incident] = {}
    for incident in incidents:
        key = _key(incident)
        if key in seen:  # the same article again, under another path
            for source in incident.sources:
                if source not in seen[key].sources:
                    seen[key].sources.append(source)
            continue
        seen[key] = incident
        unique.append(incident)
    return unique


def _clusters(unique: list[Incident], gazetteer: Any) -> list[_Cluster]:
    """The incidents grouped by the rules of the module docstring, in the order of each one's first report."""
    clusters: list[_Cluster] = []
    index = _PointIndex()
    areas: list[tuple[int, Incident]] = []
    for position, incident in enumerate(unique):
        if incident.event_date is None:
            clusters.append(_new_cluster(incident, position))
        elif incident.place.kind in POINT_KINDS:
            best = None
            for cluster in index.near(incident):
                if not cluster.points or not _compatible(cluster, incident):
                    continue
                farthest = max(_apart(point, incident.place) for point in cluster.points)
                if farthest <= MERGE_DISTANCE_KM and (best is None or farthest < best[0]):
                    best = (farthest, cluster)
            if best is None:
                cluster = _new_cluster(incident, position)
                clusters.append(cluster)
            else:
                cluster = best[1]
                cluster.add(incident, position)
            index.add(cluster, incident)
        else:
            areas.append((position, incident))

    # Region-level reports after all points: "exactly one candidate inside it" is then known.
    within = _AreaIndex(clusters)
    by_area: dict[tuple, list[_Cluster]] = {}
    for position, incident in areas:
        inside = [
            cluster
            for cluster in within.candidates(incident)
            if _compatible(cluster, incident)
            and all(contains(incident.place, point, gazetteer) for point in cluster.points)
        ]
        if len(inside) == 1:
            inside[0].add(incident, position)
            continue
        if not inside:
            same = [c for c in by_area.get((incident.event_type, incident.place.id), ()) if _compatible(c, incident)]
            if same:
                same[0].add(incident, position)
                continue
        cluster = _new_cluster(incident, position)
        clusters.append(cluster)
        by_area.setdefault((incident.event_type, incident.place.id), []).append(cluster)

    clusters.sort(key=lambda cluster: cluster.first)
    return clusters


def _new_cluster(incident: Incident, position: int) -> _Cluster:
    cluster = _Cluster()
    cluster.add(incident, position)
    return cluster


def _merged(cluster: _Cluster) -> Incident:
    from dataclasses import replace

    ordered = [incident for _, incident in sorted(zip(cluster.positions, cluster.members), key=lambda p: p[0])]
    first, *rest = ordered
    if not rest:
        return first
    out = replace(
        first,
        quantities=dict(first.quantities),
        sources=list(first.sources),
        titles=list(first.titles),
        urls=list(first.urls),
        evidence=list(first.evidence),
    )
    for other in rest:
        absorb(out, other, same_article=False)
    out.merged_id = min(member.event_id for member in cluster.members)
    return out



# --- rows of incident files ------------------------------------------------------------------

#: Columns that describe where an incident is; they travel together from the row whose place wins.
_PLACE_COLUMNS = ("country", "iso", "admin1", "location", "latitude", "longitude", "geo_precision",
                  "location_kind", "place_id", "iso_numeric", "region", "admin2", "admin3")  # fmt: skip


def merge_frame(gdf, *, keys: list[str], incidents: list[Incident | None] | None = None, gazetteer: Any = None,
                groups: list[list[int]] | None = None, nested: str = "objects"):
    """Merge the rows of an incident frame by the rules above: incident files and articles together.

    Rows read from incident files (ACLED, GDELT, geomap's own) and incidents
    extracted from articles meet here. A row with the ``event_id`` of an earlier
    one is the same event read twice (one ACLED event in two exports): it is
    folded into the first. The others are compared as incidents of different
    "articles" by their ``keys``: two rows with the same key are never one
    incident (the rows of one ACLED export, of one geomap file, of one GDELT
    article were told apart by whoever wrote them).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents (``docs/schema.md``), optional columns allowed.
    keys : list of str
        One per row: its article's identity, or its file's or dataset's.
    incidents : list of Incident or None, optional
        One per row: the extracted incident a row was made from (its place keeps
        the gazetteer's population for ties), or None for a row read from a file.
    gazetteer : gazetteer.Gazetteer, optional
        For region polygons (containment).
    groups : list, optional
        When given, extended with one list per output row: the positions of the
        input rows it holds (the store keeps them, :mod:`geomap.store`).
    nested : str
        ``"text"``: when no rows merge, nested columns held as JSON text (as a reader's
        ``nested="text"`` left them, checked) stay text (:data:`geomap.readers.NESTED`);
        rows that merge need them parsed, and get them so.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per incident, in the order of each one's first row; a merged row
        keeps the most specific place (its location columns from the row it came
        from), every source, title, URL and piece of evidence, the lowest counts,
        the smallest ``event_id``, and the optional columns of any member.
    """
    import geopandas as gpd
    import pandas as pd

    from geomap.readers import conform_incidents, parse_nested

    if len(gdf) == 0:
        return gdf
    if not any(incident is not None for incident in incidents or ()) and _nothing_merges(gdf, keys):
        if groups is not None:
            groups.extend([row] for row in range(len(gdf)))  # each row holds itself alone
        # Text nested columns here were checked when their file was read (geomap.load).
        return conform_incidents(_as_merged(gdf), source="merge", nested=nested, checked=True)
    if nested == "text":
        gdf = parse_nested(gdf)
    geometry_name = gdf.geometry.name
    records = pd.DataFrame(gdf.drop(columns=geometry_name)).to_dict("records")
    geometries = list(gdf.geometry)
    incidents = incidents or [None] * len(records)
    unique: list[Incident] = []
    row_of: list[int] = []  # unique position -> row
    folded: list[list[int]] = []  # unique position -> every row read as it
    by_id: dict[str, int] = {}
    for row, (record, key, incident) in enumerate(zip(records, keys, incidents)):
        incident = _row_incident(record, key) if incident is None else replace_incident(incident)
        event_id = str(record["event_id"])
        if event_id in by_id:  # the same event read twice
            absorb(unique[by_id[event_id]], incident, same_article=False)
            folded[by_id[event_id]].append(row)
            continue
        incident.merged_id = event_id
        by_id[event_id] = len(unique)
        unique.append(incident)
        row_of.append(row)
        folded.append([row])

    out_records, out_geometries = [], []
    for cluster in _clusters(unique, gazetteer):
        merged = _merged(cluster) if len(cluster.members) > 1 else cluster.members[0]
        positions = sorted(cluster.positions)
        record = dict(records[row_of[positions[0]]])
        where = next(p for p in positions if unique[p].place is merged.place)
        for column in _PLACE_COLUMNS:
            if column in record:
                record[column] = records[row_of[where]][column]
        for position in positions[1:]:  # optional columns: the first member that has them
            for column, value in records[row_of[position]].items():
                if column not in record or _missing(record[column]):
                    record[column] = value
        record.update(
            event_id=merged.event_id,
            event_date=merged.event_date,
            time_precision=merged.time_precision,
            actor1=merged.actor1,
            actor2=merged.actor2,
            geo_precision=merged.geo_precision,
            fatalities=merged.fatalities or 0,
            injured=merged.injured,
            quantities=merged.quantities,
            source="; ".join(merged.sources) or None,
            title="; ".join(merged.titles) or None,
            url="; ".join(merged.urls) or None,
            evidence=merged.evidence,
            confidence=merged.confidence,
        )
        out_records.append(record)
        out_geometries.append(geometries[row_of[where]])
        if groups is not None:
            groups.append(sorted(row for position in positions for row in folded[position]))
    frame = gpd.GeoDataFrame(pd.DataFrame(out_records), geometry=out_geometries, crs=gdf.crs)
    return conform_incidents(frame, source="merge")


def _nothing_merges(gdf, keys: list[str]) -> bool:
    """True when no two rows can merge, told column-wise (one ACLED export, one geomap file).

    Every ``event_id`` is distinct (no event read twice) and no two dated rows of the same
    event type within :data:`MERGE_DAYS` of each other have different keys (rows of one key
    never merge; undated rows never merge). Each row is counted on every day it could meet
    another, so the test may say "maybe" for rows two days apart: those go the row-by-row way.
    """
    import numpy as np
    import pandas as pd

    if not gdf["event_id"].is_unique:
        return False
    frame = pd.DataFrame({"key": pd.Series(keys, dtype=object).to_numpy(), "type": gdf["event_type"].to_numpy(),
                          "day": pd.to_datetime(gdf["event_date"]).to_numpy(dtype="datetime64[D]")})  # fmt: skip
    frame = frame[~np.isnat(frame["day"].to_numpy())]
    if frame["key"].nunique() <= 1:
        return True
    frame = frame.drop_duplicates()
    near = pd.concat([frame.assign(day=frame["day"] + np.timedelta64(shift, "D"))
                      for shift in range(-MERGE_DAYS, MERGE_DAYS + 1)])  # fmt: skip
    return bool(near.groupby(["type", "day"], dropna=False)["key"].nunique().max() <= 1)


def _as_merged(gdf):
    """The frame as the row-by-row merge leaves rows that merged with nothing, column-wise.

    That merge rebuilds each row as an incident: ``source``/``title``/``url`` lose empty parts
    (``"a; ; b"`` becomes ``"a; b"``, ``""`` becomes missing), a ``geo_precision`` of 0 or
    missing becomes 1, a missing ``fatalities`` 0.
    """
    import pandas as pd

    out = gdf.copy(deep=False)
    for column in ("source", "title", "url"):
        if column not in out:
            continue
        given = out[column]
        if isinstance(given.dtype, pd.StringDtype):  # text already: tested without a Python string per row
            present, text = given.notna(), given.fillna("")
        else:
            values = given.astype(object)
            present = values.notna()
            text = values.where(present, "").astype(str)
        odd = present & ((text == "") | text.str.startswith("; ") | text.str.endswith("; ")
                         | text.str.contains("; ; ", regex=False))  # fmt: skip
        if odd.any():
            values = given.astype(object).copy()
            values[odd] = ["; ".join(_split(v)) or None for v in values[odd]]
            out[column] = values
    precision = pd.to_numeric(out["geo_precision"], errors="coerce")
    out["geo_precision"] = precision.where(precision.notna() & (precision != 0), 1)
    out["fatalities"] = pd.to_numeric(out["fatalities"], errors="coerce").fillna(0)
    return out


def replace_incident(incident: Incident) -> Incident:
    """A copy of ``incident`` whose lists merging may grow."""
    from dataclasses import replace

    return replace(incident, quantities=dict(incident.quantities), sources=list(incident.sources),
                   titles=list(incident.titles), urls=list(incident.urls), evidence=list(incident.evidence))  # fmt: skip


def _row_incident(record: dict, key: str) -> Incident:
    """An incident standing for one row of an incident file, for comparing with others."""
    from gazetteer.model import Place
    from geomap.incidents import Incident

    lat, lon = _float(record.get("latitude")), _float(record.get("longitude"))
    kind = record.get("location_kind") or "other"
    if kind not in _KIND_RANK:
        kind = "other"
    if kind in POINT_KINDS and not (math.isfinite(lat) and math.isfinite(lon)):
        kind = "country"  # nowhere to measure from: compared as an area of its country
    place = Place(
        id=_str(record.get("place_id")) or f"row:{record['event_id']}",
        name=_str(record.get("location")) or "",
        kind=kind,
        country=_str(record.get("iso")),
        admin1=_str(record.get("admin1")),
        lat=lat,
        lon=lon,
    )
    when = record.get("event_date")
    injured = record.get("injured")
    return Incident(
        event_type=_str(record.get("event_type")) or "",
        sub_event_type=_str(record.get("sub_event_type")) or "",
        disorder_type=_str(record.get("disorder_type")) or "",
        place=place,
        geo_precision=int(record.get("geo_precision") or 1),
        event_date=None if _missing(when) else when.date() if hasattr(when, "date") else when,
        time_precision=None if _missing(record.get("time_precision")) else int(record["time_precision"]),
        actor1=_str(record.get("actor1")),
        actor2=_str(record.get("actor2")),
        country=_str(record.get("country")),
        fatalities=int(record.get("fatalities") or 0),
        injured=None if _missing(injured) else int(injured),
        quantities=dict(record.get("quantities") or {}),
        sources=_split(record.get("source")),
        titles=_split(record.get("title")),
        urls=_split(record.get("url")),
        evidence=list(record.get("evidence") or []),
        notes=_str(record.get("notes")) or "",
        confidence=_float(record.get("confidence")),
        article_key=key,
    )


def _missing(value: object) -> bool:
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and value != value


def _str(value: object) -> str | None:
    return None if _missing(value) else str(value)


def _float(value: object) -> float:
    return math.nan if _missing(value) else float(value)


def _split(value: object) -> list[str]:
    return [part for part in str(value).split("; ") if part] if not _missing(value) else []
