"""Column layouts of incident files: geomap's own (``docs/schema.md``) and ACLED's.

:data:`LAYOUTS` maps a layout name (``--layout``) to a function frame → frame.
``geomap`` keeps the incident frame as it is. ``acled`` writes the 31 columns of
ACLED's codebook, in ACLED's order and with ACLED's conventions:
:func:`to_acled` turns an incident frame (``docs/schema.md``) into ACLED's columns.
What geomap knows maps one to one (event_date, types, actors, country, admin1,
location, coordinates, geo_precision, source, notes, fatalities); the rest is
derived as ACLED defines it:

* ``event_id_cnty``: the country's ISO 3166-1 alpha-3 code and a number, as ACLED's
  ``UKR12345``. The number is the first 13 hex digits (52 bits) of geomap's
  content-derived ``event_id`` read as an integer, so it is stable across runs
  and distinct for distinct incidents (about one collision in 10,000 among a
  million incidents); a ``-2`` suffix of ``--no-merge`` is kept. An ``event_id``
  that already is ACLED's (``UKR12345``, read from an ACLED file) is kept as is.
* ``inter1``/``inter2``: ACLED's actor-type codes where the actor's name allows
  (:data:`INTER_CODES`): state forces 1 (8, external forces, when their country
  is not the event's), rebel groups 2, political militias 3 (ACLED codes an
  unidentified armed group so), identity militias 4, rioters 5, protesters 6,
  civilians 7, external/other forces 8; empty otherwise.
* ``interaction``: the two codes joined lowest first (``17`` state forces against
  civilians), a sole actor's code times ten (``60``), empty without codes.
* ``civilian_targeting``: ``Civilian targeting`` when actor2 is civilians in
  Violence against civilians or Explosions/Remote violence, else empty.
* ``iso``: ISO 3166-1 numeric (``804`` Ukraine), from the Unicode CLDR's
  territory aliases shipped with Babel (already a dependency); CLDR lists retired
  numeric codes too, :data:`_CURRENT_NUMERIC` picks the current one.
* ``region``: ACLED's world region of the country (:data:`ACLED_REGIONS`).
* ``admin2``, ``admin3``, ``assoc_actor_1/2``, ``source_scale``, ``tags``: empty,
  geomap does not know them.
* ``timestamp``: Unix time of writing.
"""

from __future__ import annotations

import functools
import hashlib
import re
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where frames are made: checking --layout needs none of them
    import geopandas as gpd
    import pandas as pd

#: ACLED's 31 export columns, in ACLED's order (codebook 2024).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: ACLED's actor-type codes (inter1/inter2).
INTER_CODES: dict[str, int] = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}

#: Actor names and their code; state forces are decided by country (:func:`inter_code`).
_ACTOR_PATTERNS: tuple[tuple[re.Pattern, int], ...] = (
    (re.compile(r"^Rioters\b"), INTER_CODES["Rioters"]),
    (re.compile(r"^Protesters\b"), INTER_CODES["Protesters"]),
    (re.compile(r"^Civilians\b"), INTER_CODES["Civilians"]),
    (re.compile(r"^Unidentified Armed Group\b"), INTER_CODES["Political militia"]),
    (re.compile(r"^(?:Unidentified )?(?:Communal|Clan|Ethnic) Militia\b"), INTER_CODES["Identity militia"]),
    (re.compile(r"^(?:Private Security Forces|Wagner Group|United Nations|NATO)\b"), INTER_CODES["External/Other forces"]),
)

_STATE_FORCES = re.compile(r"^(?:Military|Police|Government|Security) Forces of (?:the )?(?P<country>.+?)(?: \(\d{4}-\d{0,4}\))?$")

#: Event types in which civilians as actor2 are ACLED's "Civilian targeting".
_TARGETING_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})

#: ACLED's world regions and their countries (ISO 3166-1 alpha-2), from ACLED's
#: regional country lists; the Americas, Asia and Oceania follow the UN M49
#: subregions ACLED's names come from.
ACLED_REGIONS: dict[str, str] = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MU RW SC SO SS TZ UG YT RE IO",
    "Southern Africa": "AO BW SZ LS MG MW MZ NA ZA ZM ZW",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IQ IR IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK MO JP KP KR MN TW",
    "Europe": "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT "
    "LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK",
    "North America": "US CA GL BM PM",
    "Central America": "MX BZ CR SV GT HN NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF UM",
    "Antarctica": "AQ TF HM BV GS",
}

#: Countries whose CLDR aliases list retired numeric codes beside the current one.
_CURRENT_NUMERIC = {"DE": 276, "ET": 231, "FR": 250, "SD": 729, "YE": 887}


@functools.cache
def _region_of() -> dict[str, str]:
    return {code: region for region, codes in ACLED_REGIONS.items() for code in codes.split()}


@functools.cache
def _iso_tables() -> tuple[dict[str, int], dict[str, str]]:
    """Alpha-2 → ISO 3166-1 numeric and alpha-2 → alpha-3, from CLDR's territory aliases (Babel)."""
    from babel.core import get_global

    numeric: dict[str, int] = {}
    alpha3: dict[str, str] = {}
    for code, targets in get_global("territory_aliases").items():
        if len(targets) != 1 or len(targets[0]) != 2:
            continue  # a code split into several countries (SU, YU, 200)
        target = targets[0]
        if code.isdigit() and len(code) == 3:
            numeric.setdefault(target, int(code))
        elif code.isalpha() and len(code) == 3:
            alpha3.setdefault(target, code)
    numeric.update(_CURRENT_NUMERIC)
    return numeric, alpha3


def iso_numeric(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric code of an alpha-2 code, or None.

    Examples
    --------
    >>> iso_numeric("UA"), iso_numeric("DE"), iso_numeric(None)
    (804, 276, None)
    """
    if not isinstance(alpha2, str):
        return None
    return _iso_tables()[0].get(alpha2.upper())


def iso_alpha3(alpha2: str | None) -> str | None:
    """ISO 3166-1 alpha-3 code of an alpha-2 code, or None.

    Examples
    --------
    >>> iso_alpha3("UA")
    'UKR'
    """
    if not isinstance(alpha2, str):
        return None
    return _iso_tables()[1].get(alpha2.upper())


def acled_region(alpha2: str | None) -> str | None:
    """ACLED's world region of a country (alpha-2), or None.

    Examples
    --------
    >>> acled_region("UA"), acled_region("AM"), acled_region("MZ")
    ('Europe', 'Caucasus and Central Asia', 'Southern Africa')
    """
    if not isinstance(alpha2, str):
        return None
    return _region_of().get(alpha2.upper())


def inter_code(actor: str | None, country: str | None) -> int | None:
    """ACLED's actor-type code of an actor name, where the name allows; None otherwise.

    State forces are 1 in their own country and 8 (external forces) elsewhere.

    Examples
    --------
    >>> inter_code("Military Forces of Russia (2000-)", "Russia"), inter_code("Military Forces of Russia (2000-)", "Ukraine")
    (1, 8)
    >>> inter_code("Civilians (Ukraine)", "Ukraine"), inter_code("Protesters (Georgia)", "Georgia"), inter_code("NAFO", "")
    (7, 6, None)
    """
    if not isinstance(actor, str) or not actor:
        return None
    state = _STATE_FORCES.match(actor)
    if state:
        own = isinstance(country, str) and state["country"].casefold() == country.casefold()
        return INTER_CODES["State forces"] if own else INTER_CODES["External/Other forces"]
    for pattern, code in _ACTOR_PATTERNS:
        if pattern.match(actor):
            return code
    return None


def interaction(code1: int | None, code2: int | None) -> int | None:
    """ACLED's interaction code: both codes lowest first, or a sole actor's code times ten.

    Examples
    --------
    >>> interaction(8, 7), interaction(6, None), interaction(None, None)
    (78, 60, None)
    """
    codes = sorted(c for c in (code1, code2) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


_ACLED_ID = re.compile(r"^[A-Z]{3}\d+$")
_HEX_ID = re.compile(r"^(?P<hex>[0-9a-f]{13,})(?P<suffix>-\d+)?$")


def event_id_cnty(event_id: str | None, alpha2: str | None) -> str | None:
    """ACLED's ``event_id_cnty`` for geomap's ``event_id`` (module docstring: the rule).

    Examples
    --------
    >>> event_id_cnty("00000000000ff123", "UA")
    'UKR255'
    >>> event_id_cnty("00000000000ff123-2", "UA"), event_id_cnty("UKR12345", "UA")
    ('UKR255-2', 'UKR12345')
    """
    if not isinstance(event_id, str) or not event_id:
        return None
    if _ACLED_ID.match(event_id):
        return event_id
    prefix = iso_alpha3(alpha2) or "XXX"
    match = _HEX_ID.match(event_id)
    if match:
        number, suffix = int(match["hex"][:13], 16), match["suffix"] or ""
    else:  # an id from another tool: hash it the same way
        number, suffix = int(hashlib.blake2b(event_id.encode(), digest_size=8).hexdigest()[:13], 16), ""
    return f"{prefix}{number}{suffix}"


def to_acled(gdf: gpd.GeoDataFrame, *, timestamp: int | None = None) -> gpd.GeoDataFrame:
    """The incidents in ACLED's 31 columns (:data:`ACLED_COLUMNS`), geometry kept.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents (``docs/schema.md``), country points already placed if wanted.
    timestamp : int, optional
        ACLED's ``timestamp`` (Unix time); the time of the call by default.

    Returns
    -------
    geopandas.GeoDataFrame
        ACLED's columns in ACLED's order, then the geometry.
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    n = len(gdf)
    alpha2 = _column(gdf, "iso")
    countries = _column(gdf, "country")
    actor1, actor2 = _column(gdf, "actor1"), _column(gdf, "actor2")
    event_types = _column(gdf, "event_type")
    inter1 = [inter_code(a, c) for a, c in zip(actor1, countries)]
    inter2 = [inter_code(a, c) for a, c in zip(actor2, countries)]
    dates = pd.to_datetime(pd.Series(_column(gdf, "event_date")), errors="coerce")
    empty = [None] * n
    columns = {
        "event_id_cnty": [event_id_cnty(e, a) for e, a in zip(_column(gdf, "event_id"), alpha2)],
        "event_date": dates.to_numpy(),
        "year": pd.array(dates.dt.year, dtype="Int64"),
        "time_precision": pd.array(_column(gdf, "time_precision"), dtype="Int64"),
        "disorder_type": _column(gdf, "disorder_type"),
        "event_type": event_types,
        "sub_event_type": _column(gdf, "sub_event_type"),
        "actor1": actor1,
        "assoc_actor_1": empty,
        "inter1": pd.array(inter1, dtype="Int64"),
        "actor2": actor2,
        "assoc_actor_2": empty,
        "inter2": pd.array(inter2, dtype="Int64"),
        "interaction": pd.array([interaction(a, b) for a, b in zip(inter1, inter2)], dtype="Int64"),
        "civilian_targeting": [
            "Civilian targeting" if code == INTER_CODES["Civilians"] and kind in _TARGETING_TYPES else None
            for code, kind in zip(inter2, event_types)
        ],
        "iso": pd.array([iso_numeric(a) for a in alpha2], dtype="Int64"),
        "region": [acled_region(a) for a in alpha2],
        "country": countries,
        "admin1": _column(gdf, "admin1"),
        "admin2": empty,
        "admin3": empty,
        "location": _column(gdf, "location"),
        "latitude": np.asarray(_column(gdf, "latitude", np.nan), dtype="float64"),
        "longitude": np.asarray(_column(gdf, "longitude", np.nan), dtype="float64"),
        "geo_precision": pd.array(_column(gdf, "geo_precision"), dtype="Int64"),
        "source": _column(gdf, "source"),
        "source_scale": empty,
        "notes": _column(gdf, "notes"),
        "fatalities": pd.array(_column(gdf, "fatalities", 0), dtype="Int64"),
        "tags": empty,
        "timestamp": np.full(n, int(time.time()) if timestamp is None else int(timestamp), dtype="int64"),
    }
    frame = pd.DataFrame(columns, index=gdf.index)
    return gpd.GeoDataFrame(frame, geometry=gdf.geometry.to_numpy(), crs=gdf.crs)


def _column(gdf: pd.DataFrame, name: str, default: object = None) -> list:
    import pandas as pd

    if name in gdf.columns:
        return [None if v is pd.NA else v for v in gdf[name].tolist()]
    return [default] * len(gdf)


def _geomap_layout(gdf: gpd.GeoDataFrame, *, timestamp: int | None = None) -> gpd.GeoDataFrame:
    return gdf


#: Layout name → function(gdf, *, timestamp=None) → frame to write.
LAYOUTS = {"geomap": _geomap_layout, "acled": to_acled}


def check_layout(name: str) -> str:
    """The layout called ``name`` (case-insensitive), checked.

    Raises
    ------
    ConfigurationError
        For a layout that is not in :data:`LAYOUTS`.
    """
    from geomap.errors import ConfigurationError

    key = str(name).strip().lower()
    if key not in LAYOUTS:
        raise ConfigurationError(f"unknown layout {name!r} (known: {', '.join(LAYOUTS)})")
    return key
