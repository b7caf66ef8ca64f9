"""ACLED exports (CSV, or any table with the codebook's columns) read into the incident frame.

Columns are the ACLED codebook's (2023 and later: ``event_id_cnty``,
``event_date``, ``year``, ``time_precision``, ``disorder_type``, ``event_type``,
``sub_event_type``, ``actor1``, ``assoc_actor_1``, ``inter1``, ``actor2``,
``assoc_actor_2``, ``inter2``, ``interaction``, ``civilian_targeting``, ``iso``,
``region``, ``country``, ``admin1``–``admin3``, ``location``, ``latitude``,
``longitude``, ``geo_precision``, ``source``, ``source_scale``, ``notes``,
``fatalities``, ``tags``, ``timestamp``) and the older layouts' (``data_id``,
``event_id_no_cnty``, ``iso3``; no ``disorder_type`` or ``civilian_targeting``;
upper-case names in the oldest files). What the frame does with them:

* ``event_id``: 16 hex digits of a hash of ``acled|<event_id_cnty>``, so the same
  event read from two exports is one row; ``event_id_cnty`` is kept as it is.
* ``event_date``: ISO (``2022-04-15``) or ACLED's ``15 April 2022`` (also
  ``15-April-2022``, ``15/04/2022``); a date that is none fails the file,
  naming the row.
* ``iso``: ISO 3166-1 numeric in ACLED (``804``), alpha-2 in the frame (``UA``);
  the numeric code is kept in ``iso_numeric``.
* ``fatalities``, ``time_precision``, ``geo_precision``: ACLED's values as they are.
* ``location_kind``: ``city`` for geo_precision 1 and 2, ``admin1``/``country``
  when the location *is* the region or country, else ``other`` (ACLED's
  precision-3 representative points). ``place_id`` is empty: ACLED's places
  are not gazetteer places.
* ``source`` is ACLED's own (the outlets), ``evidence`` names the file with
  ACLED's ``notes`` as its text, ``confidence`` is empty (nothing was extracted).

Rows of ACLED files never merge with each other (ACLED told them apart); they
merge with incidents extracted from articles and read from other datasets.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime

import numpy as np
import pandas as pd

from geomap.errors import InputError
from geomap.readers.base import IncidentReader
from geomap.readers.columns import FirstProblem, floats, map_distinct, text_array, texts, whole
from geomap.readers.countries import country_name, iso_from_alpha3, iso_from_numeric
from geomap.readers.geomap_files import OPTIONAL_COLUMNS, conform_incidents

__all__ = ["AcledReader", "parse_acled_date"]

#: Columns every ACLED layout has.
REQUIRED = ("event_date", "event_type", "country", "location", "latitude", "longitude")

#: ACLED's disorder type of each event type, for exports older than the column
#: (2023); Riots' mob violence is political violence, violent demonstrations are demonstrations.
DISORDER_OF_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: Sub-event types whose disorder type is not their event type's.
DISORDER_OF_SUB_TYPE = {"Mob violence": "Political violence"}

#: Date layouts ACLED has used, after ISO.
DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y", "%m/%d/%Y")


def parse_acled_date(value: object) -> date | None:
    """An ACLED ``event_date``: ISO or ``15 April 2022``; None when empty.

    Raises
    ------
    ValueError
        For text that is no date in any of :data:`DATE_FORMATS`.

    Examples
    --------
    >>> parse_acled_date("2022-04-15"), parse_acled_date("15 April 2022")
    (datetime.date(2022, 4, 15), datetime.date(2022, 4, 15))
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for layout in DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date")


class AcledReader(IncidentReader):
    """ACLED's layouts, recognised by their columns (:data:`REQUIRED` and an event id)."""

    name = "acled"
    merge_scope = "dataset"

    def matches(self, columns: Iterable[str]) -> bool:
        names = {str(c).lower() for c in columns}
        return set(REQUIRED) <= names and bool(names & {"event_id_cnty", "data_id", "event_id_no_cnty"})

    def conform(self, table: pd.DataFrame, *, source: str, nested: str = "objects"):
        table = table.rename(columns={c: str(c).lower() for c in table.columns})
        geometry = table.geometry if hasattr(table, "geometry") and "geometry" in table.columns else None
        cells = pd.DataFrame(table[[c for c in table.columns if c != "geometry"]])
        if not cells.columns.is_unique:  # a record of the row keeps the last of same-named columns
            cells = cells.loc[:, ~cells.columns.duplicated(keep="last")]
        frame = _frame(cells, source)
        if geometry is not None:
            import geopandas as gpd

            frame = gpd.GeoDataFrame(frame, geometry=list(geometry), crs=table.crs)
        return conform_incidents(frame, source=source)


def _frame(cells: pd.DataFrame, source: str) -> pd.DataFrame:
    """The incident columns of an ACLED table, column by column (module docstring); a bad cell names its row."""
    from geomap.export import SCHEMA

    read: dict[str, list] = {}

    def text(name: str) -> list[str | None]:
        if name not in read:
            read[name] = texts(cells, name)
        return read[name]

    problems = FirstProblem()
    ident = [
        a or _older_id(b, c) or d
        for a, b, c, d in zip(text("event_id_cnty"), text("iso3"), text("event_id_no_cnty"), text("data_id"))
    ]
    # Checked in the order a row's cells used to be read, so the error is the one row-by-row reading met.
    event_date = map_distinct(text("event_date"), parse_acled_date, problems, "event_date")
    numeric = map_distinct(text("iso"), _numeric_iso, problems, "iso")
    iso = map_distinct(list(zip(numeric, text("iso"), text("iso3"))), _iso)
    latitude = floats(text("latitude"), "latitude", problems)
    longitude = floats(text("longitude"), "longitude", problems)
    precision = whole(floats(text("geo_precision"), "geo_precision", problems), text("geo_precision"),
                      "geo_precision", problems)  # fmt: skip
    precision[np.isnan(precision) | (precision == 0)] = 1  # missing (or 0): a point, ACLED's precision 1
    dated = [v if d else None for v, d in zip(text("time_precision"), event_date)]
    time_precision = whole(floats(dated, "time_precision", problems), dated, "time_precision", problems)
    fatalities = whole(floats(text("fatalities"), "fatalities", problems), text("fatalities"), "fatalities",
                       problems)  # fmt: skip
    fatalities[np.isnan(fatalities)] = 0
    if problems.found is not None:
        row, _, message = problems.found
        raise InputError(f"{source}: row {row + 2}: {message}")

    names = map_distinct(iso, country_name)
    country = [given or name for given, name in zip(text("country"), names)]
    notes = [v or "" for v in text("notes")]
    missing_ids = [i for i, v in enumerate(ident) if v is None]
    stand_ins = dict(zip(missing_ids, _record_texts(cells, missing_ids)))
    none = [None] * len(cells)
    columns = {
        # A row without any ACLED id: its content stands in (never the path: the same row is the same id).
        "event_id": [_event_id(v if v is not None else stand_ins[i]) for i, v in enumerate(ident)],
        "event_date": event_date,
        "time_precision": time_precision,
        "disorder_type": [
            given or DISORDER_OF_SUB_TYPE.get(sub or "") or DISORDER_OF_TYPE.get(kind or "")
            for given, sub, kind in zip(text("disorder_type"), text("sub_event_type"), text("event_type"))
        ],
        "event_type": text_array(cells, "event_type"),
        "sub_event_type": text_array(cells, "sub_event_type"),
        "actor1": text_array(cells, "actor1"),
        "actor2": text_array(cells, "actor2"),
        "country": country,
        "iso": iso,
        "admin1": text_array(cells, "admin1"),
        "location": text_array(cells, "location"),
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": precision,
        "location_kind": [
            _location_kind(*values) for values in zip(text("location"), text("admin1"), country, precision)
        ],
        "place_id": none,
        "fatalities": fatalities,
        "injured": none,
        "quantities": [{} for _ in none],
        "source": text_array(cells, "source"),
        "title": none,
        "url": none,
        "notes": notes,
        "evidence": [[{"source": source, "text": n, "start": None, "end": None}] if n else [] for n in notes],
        "confidence": none,
        "event_id_cnty": ident,
        "iso_numeric": numeric,
    }
    for column in OPTIONAL_COLUMNS:
        if column not in columns:
            columns[column] = text_array(cells, column)
    return pd.DataFrame(columns, columns=[*SCHEMA, *OPTIONAL_COLUMNS])


def _numeric_iso(value: str | None) -> int | None:
    if not (value or "").replace(".", "").isdigit():
        return None
    try:
        return int(float(value))
    except ValueError as err:
        raise ValueError(f"{value!r} is not a number") from err


def _iso(key: tuple[int | None, str | None, str | None]) -> str | None:
    numeric, raw, iso3 = key
    iso = iso_from_numeric(numeric) if numeric is not None else None
    if iso is None:
        iso = raw.upper() if raw and len(raw) == 2 and raw.isalpha() else iso_from_alpha3(iso3)
    return iso


def _record_texts(cells: pd.DataFrame, rows: list[int]) -> list[str]:
    """The stand-in for the id of rows without one: the text of the whole row."""
    if not rows:
        return []
    records = cells.iloc[rows].astype(object).to_dict("records")
    return [repr(sorted((k, str(v)) for k, v in record.items())) for record in records]


def _event_id(ident: str) -> str:
    return hashlib.sha1(f"acled|{ident}".encode()).hexdigest()[:16]


def _older_id(iso3: str | None, number: str | None) -> str | None:
    # event_id_cnty is the country's alpha-3 code and the per-country number (UKR12345).
    if iso3 and number:
        return f"{iso3.upper()}{number.split('.')[0]}"
    return None


def _location_kind(location: str | None, admin1: str | None, country: str | None, precision: int) -> str:
    if precision in (1, 2):
        return "city"
    folded = (location or "").casefold()
    if folded and folded == (country or "").casefold():
        return "country"
    if folded and folded == (admin1 or "").casefold():
        return "admin1"
    return "other"
