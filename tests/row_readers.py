"""The dataset readers as they were before they read column-wise (one dict per row): the oracle
the column-wise readers are compared with (``test_readers_columnwise.py``). Kept verbatim but for names."""

from __future__ import annotations

import hashlib
import math
from datetime import date

import pandas as pd

from geomap.errors import InputError
from geomap.readers.acled import DISORDER_OF_SUB_TYPE, DISORDER_OF_TYPE, _location_kind, _older_id, parse_acled_date
from geomap.readers.countries import country_name, iso_from_alpha3, iso_from_fips, iso_from_numeric
from geomap.readers.gdelt import _COUNTRY_TYPE, _REGION_TYPES, acled_type
from geomap.readers.geomap_files import OPTIONAL_COLUMNS, conform_incidents

_POINT_TYPES = {3: 1, 4: 1}


def acled_by_rows(table: pd.DataFrame, *, source: str):
    """What ``AcledReader.conform`` gave before."""
    from geomap.export import SCHEMA

    table = table.rename(columns={c: str(c).lower() for c in table.columns})
    geometry = table.geometry if hasattr(table, "geometry") and "geometry" in table.columns else None
    columns = [c for c in table.columns if c != "geometry"]
    records = pd.DataFrame(table[columns]).astype(object).to_dict("records")
    rows = [_acled_row(record, number, source) for number, record in enumerate(records, 2)]
    frame = pd.DataFrame(rows, columns=[*SCHEMA, *OPTIONAL_COLUMNS])
    if geometry is not None:
        import geopandas as gpd

        frame = gpd.GeoDataFrame(frame, geometry=list(geometry), crs=table.crs)
    return conform_incidents(frame, source=source)


def gdelt_by_rows(table: pd.DataFrame, *, source: str):
    """What ``GdeltReader.read`` gave before, from the table it parsed."""
    from geomap.export import SCHEMA

    rows = [_gdelt_row(record, line, source) for line, record in enumerate(table.to_dict("records"), 1)]
    rows = [row for row in rows if row is not None]
    return conform_incidents(pd.DataFrame(rows, columns=list(SCHEMA)), source=source)


def _event_id(ident: str) -> str:
    return hashlib.sha1(f"acled|{ident}".encode()).hexdigest()[:16]


def _acled_row(record: dict, line: int, source: str) -> dict:
    def text(name: str) -> str | None:
        value = record.get(name)
        if value is None or (isinstance(value, float) and value != value):
            return None
        value = str(value).strip()
        return value or None

    def number(name: str, kind=float):
        value = text(name)
        if value is None:
            return None
        try:
            return kind(float(value))
        except ValueError as err:
            raise InputError(f"{source}: row {line}: {name} {value!r} is not a number") from err

    ident = text("event_id_cnty") or _older_id(text("iso3"), text("event_id_no_cnty")) or text("data_id")
    try:
        event_date = parse_acled_date(text("event_date"))
    except ValueError as err:
        raise InputError(f"{source}: row {line}: event_date {err}") from err
    event_type = text("event_type")
    numeric = number("iso", int) if (text("iso") or "").replace(".", "").isdigit() else None
    iso = iso_from_numeric(numeric) if numeric is not None else None
    if iso is None:
        raw = text("iso")
        iso = raw.upper() if raw and len(raw) == 2 and raw.isalpha() else iso_from_alpha3(text("iso3"))
    country = text("country") or country_name(iso)
    location = text("location")
    latitude, longitude = number("latitude"), number("longitude")
    precision = number("geo_precision", int) or 1
    notes = text("notes") or ""
    row = {
        # A row without any ACLED id: its content stands in (never the path: the same row is the same id).
        "event_id": _event_id(ident or repr(sorted((k, str(v)) for k, v in record.items()))),
        "event_date": event_date,
        "time_precision": number("time_precision", int) if event_date else None,
        "disorder_type": text("disorder_type")
        or DISORDER_OF_SUB_TYPE.get(text("sub_event_type") or "")
        or DISORDER_OF_TYPE.get(event_type or ""),
        "event_type": event_type,
        "sub_event_type": text("sub_event_type"),
        "actor1": text("actor1"),
        "actor2": text("actor2"),
        "country": country,
        "iso": iso,
        "admin1": text("admin1"),
        "location": location,
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": precision,
        "location_kind": _location_kind(location, text("admin1"), country, precision),
        "place_id": None,
        "fatalities": number("fatalities", int) or 0,
        "injured": None,
        "quantities": {},
        "source": text("source"),
        "title": None,
        "url": None,
        "notes": notes,
        "evidence": [{"source": source, "text": notes, "start": None, "end": None}] if notes else [],
        "confidence": None,
        "event_id_cnty": ident,
        "iso_numeric": numeric,
    }
    for column in OPTIONAL_COLUMNS:
        if column not in row:
            row[column] = text(column)
    return row


def _gdelt_row(record: dict, line: int, source: str) -> dict | None:
    def text(name: str) -> str | None:
        value = (record.get(name) or "").strip()
        return value or None

    def number(name: str) -> float | None:
        try:
            value = float(text(name) or "nan")
        except ValueError as err:
            raise InputError(f"{source}: line {line}: {name} {text(name)!r} is not a number") from err
        return value if math.isfinite(value) else None

    mapped = acled_type(text("EventCode") or "")
    geo_type = int(number("ActionGeo_Type") or 0)
    if mapped is None or geo_type == 0:
        return None
    code, event_type, sub_event_type, cameo_name = mapped
    try:
        sqldate = text("SQLDATE") or ""
        event_date = date(int(sqldate[:4]), int(sqldate[4:6]), int(sqldate[6:8]))
    except ValueError as err:
        raise InputError(f"{source}: line {line}: SQLDATE {text('SQLDATE')!r} is not a date") from err
    iso = iso_from_fips(text("ActionGeo_CountryCode"))
    full_name = text("ActionGeo_FullName") or ""
    parts = [p.strip() for p in full_name.split(",") if p.strip()]
    lat, lon = number("ActionGeo_Lat"), number("ActionGeo_Long")
    place_id = None
    if geo_type == _COUNTRY_TYPE:
        kind, precision, admin1, lat, lon = "country", 3, None, None, None
        place_id = f"country:{iso}" if iso else None
    elif geo_type in _REGION_TYPES:
        kind, precision, admin1 = "admin1", 3, parts[0] if parts else None
        adm1 = text("ActionGeo_ADM1Code") or ""
        if iso and len(adm1) > 2:
            place_id = f"admin1:{iso}.{adm1[2:]}"
    else:
        kind, precision = "city", _POINT_TYPES.get(geo_type, 1)
        admin1 = parts[-2] if len(parts) >= 3 else None
    url = text("SOURCEURL")
    actors = " – ".join(a for a in (text("Actor1Name"), text("Actor2Name")) if a)
    given = text("EventCode")
    read_as = f"CAMEO {given}" + (f", read as {code}" if code != given else "")
    notes = f"{read_as} ({cameo_name}) → {event_type}: {sub_event_type}"
    if actors:
        notes += f"; {actors}"
    return {
        "event_id": hashlib.sha1(f"gdelt|{text('GLOBALEVENTID')}".encode()).hexdigest()[:16],
        "event_date": event_date,
        "time_precision": 1,
        "disorder_type": DISORDER_OF_TYPE[event_type],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": text("Actor1Name"),
        "actor2": text("Actor2Name"),
        "country": country_name(iso) or (parts[-1] if parts else None),
        "iso": iso,
        "admin1": admin1,
        "location": parts[0] if parts else full_name or None,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "location_kind": kind,
        "place_id": place_id,
        "fatalities": 0,
        "injured": None,
        "quantities": {},
        "source": url or source,
        "title": None,
        "url": url,
        "notes": notes,
        "evidence": [],
        "confidence": None,
    }
