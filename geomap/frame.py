"""Incidents → GeoDataFrame (the schema of ``docs/schema.md``), and filters on it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from geomap.errors import ConfigurationError

if TYPE_CHECKING:
    import geopandas

    from geomap.incidents import Incident

__all__ = ["COLUMNS", "check_countries", "check_types", "empty_frame", "filter_incidents", "parse_date", "to_frame"]

#: Columns of the incident frame, in order (``docs/schema.md``).
COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "iso",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "location_kind",
    "place_id",
    "fatalities",
    "injured",
    "quantities",
    "source",
    "title",
    "url",
    "notes",
    "evidence",
    "confidence",
    "geometry",
)

def _row(incident: Incident, event_id: str) -> dict:
    place = incident.place
    country_level = place.kind == "country"
    return {
        "event_id": event_id,
        "event_date": incident.event_date,
        "time_precision": incident.time_precision,
        "disorder_type": incident.disorder_type,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": incident.actor1,
        "actor2": incident.actor2,
        "country": incident.country,
        "iso": place.country,
        "admin1": place.admin1 if place.kind != "country" else None,
        "location": place.name,
        "latitude": float("nan") if country_level else float(place.lat),
        "longitude": float("nan") if country_level else float(place.lon),
        "geo_precision": incident.geo_precision,
        "location_kind": incident.location_kind,
        "place_id": place.id,
        "fatalities": incident.fatalities or 0,
        "injured": incident.injured,
        "quantities": dict(incident.quantities),
        "evidence": [dict(e) for e in incident.evidence],
        "source": "; ".join(incident.sources),
        "title": "; ".join(incident.titles) or None,
        "url": "; ".join(incident.urls) or None,
        "notes": incident.notes,
        "confidence": float(incident.confidence),
    }


def empty_frame() -> geopandas.GeoDataFrame:
    """A frame with the schema's columns and no rows."""
    return to_frame([])


def to_frame(incidents: Iterable[Incident]) -> geopandas.GeoDataFrame:
    """Build the incident GeoDataFrame.

    Parameters
    ----------
    incidents : iterable of Incident
        The incidents, already merged.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per incident, columns :data:`COLUMNS`, CRS EPSG:4326. Country-level
        rows have an empty geometry and NaN coordinates: renderers list them and
        never pin them. Region-level rows carry the region's label point.
    """
    import pandas as pd

    from geomap.export import conform_incidents

    rows = []
    seen: dict[str, int] = {}
    for incident in incidents:
        event_id = incident.event_id
        if event_id in seen:  # same type, place, date and article twice: keep ids unique
            seen[event_id] += 1
            event_id = f"{event_id}-{seen[event_id]}"
        else:
            seen[event_id] = 1
        rows.append(_row(incident, event_id))
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "geometry"])
    # One schema for frames made here and frames read back from files: the
    # exporter's casts (dtypes, column order) and its geometry rule (a point from
    # latitude/longitude, empty when they are NaN, as for country-level rows).
    return conform_incidents(frame, source="extract")


def parse_date(value: str | date | datetime | None, *, option: str = "date") -> date | None:
    """A date from ``YYYY-MM-DD`` (or a date/datetime), for filters and ``--published``.

    Raises
    ------
    ConfigurationError
        When ``value`` is not a valid ISO date.

    Examples
    --------
    >>> parse_date("2024-12-18")
    datetime.date(2024, 12, 18)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as err:
        raise ConfigurationError(f"{option}: {value!r} is not a date (use YYYY-MM-DD)") from err


def check_types(types: Sequence[str]) -> set[str]:
    """The casefolded event and sub-event types asked for, each checked against ACLED's.

    Raises
    ------
    ConfigurationError
        For a type that is neither one of ACLED's six event types nor one of
        their 25 sub-event types (:data:`geomap.analysis.rules.EVENT_TYPES`).

    Examples
    --------
    >>> sorted(check_types(["Battles", "air/drone strike"]))
    ['air/drone strike', 'battles']
    """
    import difflib

    from geomap.analysis.rules import EVENT_TYPES

    known = {name.casefold(): name for event, subs in EVENT_TYPES.items() for name in (event, *subs)}
    wanted = set()
    if any(not (t or "").strip() for t in types):
        raise ConfigurationError("--type: an empty value is not an event type")
    for value in (t.strip() for t in types):
        wanted.add(value.casefold())
        if value.casefold() not in known:
            close = difflib.get_close_matches(value.casefold(), known, n=1, cutoff=0.6)
            hint = f"did you mean {known[close[0]]!r}? " if close else ""
            raise ConfigurationError(
                f"--type: {value!r} is not an ACLED event or sub-event type; {hint}"
                f"event types: {', '.join(EVENT_TYPES)}, or one of their 25 sub-event types "
                "(geomap.analysis.rules.EVENT_TYPES)"
            )
    return wanted


def check_countries(countries: Sequence[str]) -> set[str]:
    """ISO 3166-1 alpha-2 codes of the countries asked for by code or name.

    Accepts alpha-2 (``RU``) and alpha-3 (``RUS``) codes and English names
    (``Russia``, and the gazetteer's names), case-insensitive. The codes and
    names come from the Unicode CLDR (via Babel), so a country with no incident
    is still a valid filter.

    Raises
    ------
    ConfigurationError
        For a value that names no country (or is empty).

    Examples
    --------
    >>> sorted(check_countries(["ua", "RUS", "North Korea"]))
    ['KP', 'RU', 'UA']
    """
    if any(not (c or "").strip() for c in countries):
        raise ConfigurationError("--country: an empty value is not a country")
    wanted = [c.strip() for c in countries]
    if not wanted:
        return set()
    alpha2, alpha3, names = _country_table()
    codes: set[str] = set()
    for value in wanted:
        key = value.casefold()
        code = (
            (value.upper() if len(value) == 2 and value.upper() in alpha2 else None)
            or (alpha3.get(value.upper()) if len(value) == 3 else None)
            or names.get(key)
            or _gazetteer_country(value)
        )
        if code is None:
            raise ConfigurationError(
                f"--country: {value!r} is not a country; use an ISO 3166-1 code (UA, UKR) or an English name (Ukraine)"
            )
        codes.add(code)
    return codes


#: CLDR territory codes that are not countries (unknown region, unions, groupings).
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO"})


def _country_table() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """Alpha-2 codes, alpha-3 → alpha-2 and casefolded English names → alpha-2, from CLDR."""
    from babel import Locale
    from babel.core import get_global

    territories = Locale("en").territories
    alpha2 = frozenset(
        code for code in territories if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )
    # CLDR lists the alpha-3 codes as "overlong" aliases of the alpha-2 ones;
    # aliases with several replacements (SU, YU) are gone countries, not codes.
    alpha3 = {
        code: targets[0]
        for code, targets in get_global("territory_aliases").items()
        if len(code) == 3 and code.isalpha() and len(targets) == 1 and targets[0] in alpha2
    }
    names = {territories[code].casefold(): code for code in alpha2}
    return alpha2, alpha3, names


def _gazetteer_country(value: str) -> str | None:
    """ISO2 of the country the gazetteer knows by this name ("Democratic Republic of the Congo")."""
    from gazetteer.normalize import fold
    from gazetteer.store import Store

    store = Store.load()
    for idx, _flags in store.entries(fold(value)):
        place = store.place(idx)
        if place.kind == "country":
            return place.country
    return None


def filter_incidents(
    gdf: geopandas.GeoDataFrame,
    *,
    types: Sequence[str] = (),
    since: str | date | None = None,
    until: str | date | None = None,
    countries: Sequence[str] = (),
    include_undated: bool = False,
) -> geopandas.GeoDataFrame:
    """Keep the incidents that match every filter given.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        An incident frame (``docs/schema.md``).
    types : sequence of str
        Event types or sub-event types, case-insensitive (``Battles``,
        ``air/drone strike``); a row matches any of them.
    since, until : str or date, optional
        Inclusive bounds on ``event_date`` (``YYYY-MM-DD``).
    countries : sequence of str
        ISO 3166-1 alpha-2 codes or country names, case-insensitive.
    include_undated : bool
        Keep rows without ``event_date`` when ``since``/``until`` are given
        (they are always kept when no date bound is given).

    Returns
    -------
    geopandas.GeoDataFrame
        The matching rows (a copy), same columns.

    Raises
    ------
    ConfigurationError
        For a bad date, ``since`` after ``until``, a type that is not ACLED's
        (:func:`check_types`) or a value that names no country
        (:func:`check_countries`): a typo must not pass as "no incidents".
    """
    import pandas as pd

    start = parse_date(since, option="since")
    end = parse_date(until, option="until")
    if start and end and start > end:
        raise ConfigurationError(f"since ({start}) is after until ({end})")
    wanted_types = check_types(types)
    wanted_codes = check_countries(countries)
    keep = pd.Series(True, index=gdf.index)
    if wanted_types:
        keep &= gdf["event_type"].astype(str).str.casefold().isin(wanted_types) | gdf["sub_event_type"].astype(
            str
        ).str.casefold().isin(wanted_types)
    if wanted_codes:
        # Rows from other tools may carry a country name and no code.
        names = {c.strip().casefold() for c in countries if c and c.strip()}
        keep &= gdf["iso"].fillna("").astype(str).str.upper().isin(wanted_codes) | gdf["country"].fillna("").astype(
            str
        ).str.casefold().isin(names)
    if start or end:
        dates = pd.to_datetime(gdf["event_date"])
        in_range = dates.notna()
        if start:
            in_range &= dates >= pd.Timestamp(start)
        if end:
            in_range &= dates <= pd.Timestamp(end)
        if include_undated:
            in_range |= dates.isna()
        keep &= in_range
    return gdf.loc[keep].copy()
