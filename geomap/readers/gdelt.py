"""GDELT 2.0 event files (``*.export.CSV``, or zipped) read into the incident frame.

The file is tab-separated with no header and the 61 fields of the GDELT 2.0
Event codebook (:data:`FIELDS`). It is recognised by its first line: 61 tab-
separated fields, a numeric ``GLOBALEVENTID`` and an eight-digit ``SQLDATE``.
What the frame does with an event:

* ``event_type``/``sub_event_type`` from its CAMEO code, by :data:`CAMEO_TO_ACLED`
  (most specific code first: ``1951`` before ``195`` before ``19``). CAMEO's
  verbal and cooperative codes (root codes 01–13) and 16 (reduce relations) are
  no incident ACLED would code: those events are **skipped** (how many is
  logged), as are events whose code the table does not list. ``notes`` says
  which code mapped to which type (``CAMEO 190 (use conventional military
  force) → Battles: Armed clash``, ``CAMEO 1951, read as 195 (employ aerial
  weapons) → Explosions/Remote violence: Air/drone strike``).
* Where: ``ActionGeo_*``. ``ActionGeo_Type`` 3 and 4 (US city, world city) are
  points with geo_precision 1; 2 and 5 (US state, world ADM1) are regions
  (geo_precision 3, location_kind ``admin1``, ``place_id``
  ``admin1:<ISO>.<code>``: GeoNames' admin1 codes are FIPS 10-4's for most
  countries, so the gazetteer draws the region when it has it); 1 is a country
  (geo_precision 3, location_kind ``country``, empty geometry); events without
  an ActionGeo are skipped. ``ActionGeo_CountryCode`` is FIPS 10-4, turned into
  ISO by :func:`geomap.readers.countries.iso_from_fips`.
* ``event_id``: a hash of ``gdelt|<GLOBALEVENTID>``; ``event_date`` ``SQLDATE``
  (time_precision 1); ``actor1``/``actor2`` ``Actor1Name``/``Actor2Name``;
  ``source`` and ``url`` ``SOURCEURL``; ``fatalities`` 0 (GDELT counts none);
  ``confidence`` empty.

GDELT codes one event per article that reports it: rows from different
articles (``SOURCEURL``) merge by the rules of :mod:`geomap.merge`, rows of one
article do not.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from datetime import date

import numpy as np
import pandas as pd

from geomap.errors import InputError
from geomap.readers.acled import DISORDER_OF_TYPE  # a Riots row here is a violent demonstration
from geomap.readers.base import IncidentReader
from geomap.readers.columns import FirstProblem, floats, map_distinct, texts
from geomap.readers.countries import country_name, iso_from_fips
from geomap.readers.geomap_files import conform_incidents
from geomap.readers.tables import Data

__all__ = ["CAMEO_TO_ACLED", "FIELDS", "GdeltReader", "acled_type"]

log = logging.getLogger(__name__)

#: The 61 fields of a GDELT 2.0 event record, in file order (GDELT 2.0 Event codebook).
FIELDS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: CAMEO event code → (ACLED event type, sub-event type, CAMEO's name of the code).
#: Looked up most specific first; codes not listed (verbal 01–13, 16, most of 17) are not incidents.
CAMEO_TO_ACLED: dict[str, tuple[str, str, str]] = {
    # 14 Protest: demonstrations; violent ones are riots.
    "14": ("Protests", "Peaceful protest", "protest"),
    "145": ("Riots", "Violent demonstration", "protest violently, riot"),
    # 15 Exhibit force posture: troops and police moved or put on alert.
    "15": ("Strategic developments", "Change to group/activity", "exhibit force posture"),
    # 17 Coerce: only what ACLED codes as a development.
    "171": ("Strategic developments", "Looting/property destruction", "seize or damage property"),
    "173": ("Strategic developments", "Arrests", "arrest, detain, or charge with legal action"),
    "175": ("Violence against civilians", "Attack", "use tactics of violent repression"),
    # 18 Assault: violence against people, bombings.
    "18": ("Violence against civilians", "Attack", "assault"),
    "181": ("Violence against civilians", "Abduction/forced disappearance", "abduct, hijack, or take hostage"),
    "1821": ("Violence against civilians", "Sexual violence", "sexually assault"),
    "183": ("Explosions/Remote violence", "Remote explosive/landmine/IED", "non-military bombing"),
    "1831": ("Explosions/Remote violence", "Suicide bomb", "carry out suicide bombing"),
    # 19 Fight: conventional force.
    "19": ("Battles", "Armed clash", "fight"),
    "190": ("Battles", "Armed clash", "use conventional military force"),
    "191": ("Strategic developments", "Other", "impose blockade, restrict movement"),
    "192": ("Battles", "Armed clash", "occupy territory"),
    "193": ("Battles", "Armed clash", "fight with small arms and light weapons"),
    "194": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "fight with artillery and tanks"),
    "195": ("Explosions/Remote violence", "Air/drone strike", "employ aerial weapons"),
    "196": ("Battles", "Armed clash", "violate ceasefire"),
    # 20 Use unconventional mass violence.
    "20": ("Violence against civilians", "Attack", "use unconventional mass violence"),
    "201": ("Strategic developments", "Other", "engage in mass expulsion"),
    "204": ("Explosions/Remote violence", "Shelling/artillery/missile attack", "use weapons of mass destruction"),
    "2041": ("Explosions/Remote violence", "Chemical weapon", "use chemical, biological, or radiological weapons"),
}

_REGION_TYPES = (2, 5)  # ActionGeo_Type: US state, world ADM1 (3 and 4, cities, are points)
_COUNTRY_TYPE = 1


def acled_type(event_code: str) -> tuple[str, str, str, str] | None:
    """``(code matched, event type, sub-event type, CAMEO name)`` for a CAMEO code, or None.

    Examples
    --------
    >>> acled_type("1951")
    ('195', 'Explosions/Remote violence', 'Air/drone strike', 'employ aerial weapons')
    >>> acled_type("042") is None
    True
    """
    code = (event_code or "").strip()
    for length in range(len(code), 1, -1):
        found = CAMEO_TO_ACLED.get(code[:length])
        if found is not None:
            return (code[:length], *found)
    return None


class GdeltReader(IncidentReader):
    """GDELT 2.0 event exports, recognised by their first line (module docstring)."""

    name = "gdelt"
    merge_scope = "url"

    def sniff(self, head: bytes) -> bool:
        if head.startswith(b"PK\x03\x04"):
            return True  # a zip: read() looks inside and says when it holds no GDELT export
        return _is_gdelt_line(head.split(b"\n", 1)[0])

    def read(self, data: Data, *, source: str):
        raw = data.read_bytes() if not isinstance(data, bytes) else data
        if raw.startswith(b"PK\x03\x04"):
            raw = _unzip(raw, source)
            if not _is_gdelt_line(raw[:65536].split(b"\n", 1)[0]):
                raise InputError(f"{source}: a zip archive without a GDELT 2.0 event export in it")
        try:
            table = pd.read_csv(
                io.BytesIO(raw), sep="\t", header=None, names=list(FIELDS), dtype=str,
                keep_default_na=False, quoting=3, encoding="utf-8", encoding_errors="replace",
            )  # fmt: skip
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as err:
            raise InputError(f"{source}: not a readable GDELT 2.0 event file ({' '.join(str(err).split())})") from err
        frame = _frame(table, source)
        skipped = len(table) - len(frame)
        if skipped:
            log.info("%s: %d of %d GDELT events skipped (CAMEO codes that are no ACLED incident, or no "
                     "ActionGeo)", source, skipped, len(table))  # fmt: skip
        return conform_incidents(frame, source=source)


def _is_gdelt_line(line: bytes) -> bool:
    fields = line.rstrip(b"\r").split(b"\t")
    return len(fields) == len(FIELDS) and fields[0].isdigit() and len(fields[1]) == 8 and fields[1].isdigit()


#: The most a zipped export may unpack to (a 15-minute export is a few MB; guards against zip bombs).
MAX_UNZIPPED = 2**31


def _unzip(raw: bytes, source: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) != 1:
                raise InputError(f"{source}: a zip archive of {len(members)} files; a GDELT export holds one")
            if members[0].file_size > MAX_UNZIPPED:
                raise InputError(f"{source}: the file in the zip archive is too large")
            return archive.read(members[0])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as err:
        raise InputError(f"{source}: not a readable zip archive ({' '.join(str(err).split())})") from err


def _frame(table: pd.DataFrame, source: str) -> pd.DataFrame:
    """The incidents of a GDELT table, column by column (module docstring); a bad cell names its line."""
    from geomap.export import SCHEMA

    problems = FirstProblem()
    mapped = map_distinct(texts(table, "EventCode"), lambda code: acled_type(code or ""))
    geo_number = floats(texts(table, "ActionGeo_Type"), "ActionGeo_Type", problems)
    geo_type = np.trunc(np.where(np.isfinite(geo_number), geo_number, 0))
    kept = np.flatnonzero(np.fromiter((m is not None for m in mapped), bool, len(mapped)) & (geo_type != 0))
    # Only the events kept are read further (and only their cells can be bad).
    rows = table.iloc[kept]
    read: dict[str, list] = {}

    def text(name: str) -> list[str | None]:
        if name not in read:
            read[name] = texts(rows, name)
        return read[name]

    in_kept = FirstProblem()
    event_date = map_distinct(text("SQLDATE"), _sqldate, in_kept, "SQLDATE")
    lat = floats(text("ActionGeo_Lat"), "ActionGeo_Lat", in_kept)
    lon = floats(text("ActionGeo_Long"), "ActionGeo_Long", in_kept)
    if in_kept.found is not None:
        problems.note(int(kept[in_kept.found[0]]), in_kept.found[2])
    if problems.found is not None:
        raise InputError(f"{source}: line {problems.found[0] + 1}: {problems.found[2]}")
    lat[~np.isfinite(lat)] = np.nan
    lon[~np.isfinite(lon)] = np.nan

    geo_type = geo_type[kept]
    mapped = [mapped[i] for i in kept]
    country_level = geo_type == _COUNTRY_TYPE
    region = np.isin(geo_type, _REGION_TYPES)
    lat[country_level] = np.nan
    lon[country_level] = np.nan
    precision = np.where(country_level | region, 3, 1)
    kind = np.where(country_level, "country", np.where(region, "admin1", "city")).astype(object)
    iso = map_distinct(text("ActionGeo_CountryCode"), iso_from_fips)
    parts = map_distinct(text("ActionGeo_FullName"), _parts)
    admin1 = [
        None if is_country else (p[0] if p else None) if is_region else (p[-2] if len(p) >= 3 else None)
        for p, is_country, is_region in zip(parts, country_level, region)
    ]
    place_id = [
        (f"country:{i}" if i else None) if is_country
        else (f"admin1:{i}.{adm1[2:]}" if i and adm1 and len(adm1) > 2 else None) if is_region
        else None
        for i, adm1, is_country, is_region in zip(iso, text("ActionGeo_ADM1Code"), country_level, region)
    ]  # fmt: skip
    names = map_distinct(iso, country_name)
    url = text("SOURCEURL")
    none = [None] * len(kept)
    columns = {
        "event_id": [_event_id(v) for v in text("GLOBALEVENTID")],
        "event_date": event_date,
        "time_precision": np.ones(len(kept), dtype="int64"),
        "disorder_type": [DISORDER_OF_TYPE[m[1]] for m in mapped],
        "event_type": [m[1] for m in mapped],
        "sub_event_type": [m[2] for m in mapped],
        "actor1": text("Actor1Name"),
        "actor2": text("Actor2Name"),
        "country": [name or (p[-1] if p else None) for name, p in zip(names, parts)],
        "iso": iso,
        "admin1": admin1,
        "location": [p[0] if p else full for p, full in zip(parts, text("ActionGeo_FullName"))],
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "location_kind": kind,
        "place_id": place_id,
        "fatalities": np.zeros(len(kept), dtype="int64"),
        "injured": none,
        "quantities": [{} for _ in none],
        "source": [u or source for u in url],
        "title": none,
        "url": url,
        "notes": [_notes(*values) for values in zip(text("EventCode"), mapped, text("Actor1Name"), text("Actor2Name"))],
        "evidence": [[] for _ in none],
        "confidence": none,
    }
    return pd.DataFrame(columns, columns=list(SCHEMA))


def _sqldate(value: str | None) -> date:
    text = value or ""
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as err:
        raise ValueError(f"{value!r} is not a date") from err


def _parts(full_name: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (full_name or "").split(",") if p.strip())


def _event_id(global_event_id: str | None) -> str:
    return hashlib.sha1(f"gdelt|{global_event_id}".encode()).hexdigest()[:16]


def _notes(given: str | None, mapped: tuple[str, str, str, str], actor1: str | None, actor2: str | None) -> str:
    code, event_type, sub_event_type, cameo_name = mapped
    read_as = f"CAMEO {given}" + (f", read as {code}" if code != given else "")
    notes = f"{read_as} ({cameo_name}) → {event_type}: {sub_event_type}"
    actors = " – ".join(a for a in (actor1, actor2) if a)
    return f"{notes}; {actors}" if actors else notes
