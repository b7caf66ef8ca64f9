"""Reading incident data: ACLED exports, GDELT 2.0 event files, geomap's own files (geomap.readers).

The samples in ``tests/data/datasets/`` are written by hand in the published layouts:
``acled_2024.csv`` has the current codebook's 31 columns, ``acled_2019.csv`` an older
layout (``data_id``, ``event_id_no_cnty``, ``iso3``, dates as ``15 April 2019``, no
``disorder_type``), ``20240417.export.CSV`` six GDELT 2.0 events (61 tab-separated fields).
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

from geomap.errors import InputError
from geomap.export import SCHEMA, write_incidents
from geomap.readers import OPTIONAL_COLUMNS, READERS, read_incidents, sniff
from geomap.readers.acled import parse_acled_date
from geomap.readers.countries import iso_from_fips, iso_from_numeric
from geomap.readers.gdelt import FIELDS, acled_type

DATASETS = Path(__file__).parent / "data" / "datasets"
ACLED = DATASETS / "acled_2024.csv"
ACLED_OLD = DATASETS / "acled_2019.csv"
GDELT = DATASETS / "20240417.export.CSV"


# --- ACLED -------------------------------------------------------------------------------------


def test_acled_current_codebook():
    gdf = read_incidents(ACLED)
    assert list(gdf.columns[: len(SCHEMA)]) == list(SCHEMA)
    assert list(gdf["event_id_cnty"]) == ["UKR153201", "UKR153202", "RUS2041", "UKR153240"]
    assert list(gdf["event_date"]) == list(pd.to_datetime(["2024-04-15", "2024-04-15", "2024-04-16", "2024-04-17"]))
    assert str(gdf["event_date"].dtype) == "datetime64[ns]"
    assert list(gdf["time_precision"]) == [1, 1, 1, 2]
    # Fatalities keep their values: 0 stays 0, 4 stays 4.
    assert list(gdf["fatalities"]) == [0, 4, 0, 0] and str(gdf["fatalities"].dtype) == "int64"
    assert list(gdf["geo_precision"]) == [1, 2, 1, 3]
    assert list(gdf["location_kind"]) == ["city", "city", "city", "admin1"]
    assert list(gdf["iso"]) == ["UA", "UA", "RU", "UA"] and list(gdf["iso_numeric"]) == [804, 804, 643, 804]
    assert list(gdf["disorder_type"]) == ["Political violence", "Political violence", "Demonstrations",
                                          "Political violence"]  # fmt: skip
    assert gdf.loc[1, "sub_event_type"] == "Armed clash" and gdf.loc[1, "location"] == "Ocheretyne"
    assert (gdf.loc[1, "latitude"], gdf.loc[1, "longitude"]) == (48.2414, 37.5997)
    assert (gdf.geometry[1].x, gdf.geometry[1].y) == (37.5997, 48.2414)  # lon, lat
    assert gdf.crs == "EPSG:4326"
    # ACLED's other columns are kept, not dropped.
    assert gdf.loc[2, "assoc_actor_1"] == "Women (Russia)" and gdf.loc[2, "tags"] == "crowd size=around 20"
    assert gdf.loc[0, "admin2"] == "Kharkivskyi" and gdf.loc[0, "admin3"] == "Kharkivska"
    assert gdf.loc[0, "inter1"] == "State forces" and gdf.loc[0, "interaction"] == "State forces-Civilians"
    assert gdf.loc[0, "civilian_targeting"] == "Civilian targeting" and pd.isna(gdf.loc[1, "civilian_targeting"])
    assert gdf.loc[1, "source_scale"] == "Other-National" and gdf.loc[0, "region"] == "Europe"
    assert gdf.loc[0, "timestamp"] == 1713484800
    # ACLED's source is the outlets; the file is named in the evidence, with ACLED's notes.
    assert gdf.loc[0, "source"] == "Ukrinform; Suspilne"
    assert gdf.loc[0, "evidence"] == [{"source": str(ACLED), "text": gdf.loc[0, "notes"], "start": None, "end": None}]
    assert gdf["confidence"].isna().all() and gdf["place_id"].isna().all()


def test_acled_older_layout():
    gdf = read_incidents(ACLED_OLD)
    assert list(gdf["event_date"]) == [pd.Timestamp("2019-04-15"), pd.Timestamp("2019-04-16")]
    assert list(gdf["fatalities"]) == [12, 1]
    assert list(gdf["iso"]) == ["NG", "NG"] and list(gdf["country"]) == ["Nigeria", "Nigeria"]
    assert list(gdf["time_precision"]) == [1, 2]
    # No disorder_type column in 2019: ACLED's rule from the type (mob violence is political violence).
    assert list(gdf["disorder_type"]) == ["Political violence", "Political violence"]
    assert list(gdf["inter1"]) == ["3", "5"]  # the numeric inter codes of the time, kept as they were


def test_acled_upper_case_headers_and_ids_from_the_old_columns(tmp_path):
    # The oldest exports: upper-case names, no EVENT_ID_CNTY (ISO3 and the number stand in for it).
    path = tmp_path / "acled_old.csv"
    path.write_text(
        "GWNO,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,SUB_EVENT_TYPE,ACTOR1,ACTOR2,COUNTRY,"
        "ADMIN1,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES,ISO3\n"
        "475,15302,15-April-2019,2019,1,Violence against civilians,Attack,Unidentified Armed Group (Nigeria),"
        "Civilians (Nigeria),Nigeria,Zamfara,Anka,12.1083,5.9275,1,Daily Trust,Gunmen attacked Anka.,12,NGA\n",
        encoding="utf-8",
    )
    gdf = read_incidents(path)
    assert list(gdf["event_id_cnty"]) == ["NGA15302"] and list(gdf["iso"]) == ["NG"]
    assert list(gdf["fatalities"]) == [12] and list(gdf["event_date"]) == [pd.Timestamp("2019-04-15")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-04-15", date(2022, 4, 15)),
        ("15 April 2022", date(2022, 4, 15)),
        ("15-April-2022", date(2022, 4, 15)),
        ("5 Apr 2022", date(2022, 4, 5)),
        ("", None),
        (None, None),
    ],
)
def test_acled_dates(value, expected):
    assert parse_acled_date(value) == expected


def test_acled_bad_date_names_the_row(tmp_path):
    path = tmp_path / "acled.csv"
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[1], lines[2].replace("2024-04-15", "soon", 1)]) + "\n")
    with pytest.raises(InputError, match=r"acled.csv: row 3: event_date 'soon' is not a date"):
        read_incidents(path)


def test_acled_ids_come_from_event_id_cnty(tmp_path):
    first = read_incidents(ACLED)
    # The same events in another export, in another order, under another name: the same ids.
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    other = tmp_path / "export.csv"
    other.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n", encoding="utf-8")
    second = read_incidents(other)
    assert dict(zip(first["event_id_cnty"], first["event_id"])) == dict(zip(second["event_id_cnty"],
                                                                            second["event_id"]))  # fmt: skip
    assert first["event_id"].is_unique and all(len(i) == 16 for i in first["event_id"])


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".csv"])
def test_acled_round_trips_through_geomap_files(tmp_path, suffix):
    gdf = read_incidents(ACLED)
    back = read_incidents(write_incidents(gdf, tmp_path / f"acled{suffix}"))
    assert list(back.columns) == list(gdf.columns)
    if suffix == ".csv":  # CSV has no evidence offsets' types, nor geometry: compare what it keeps
        back = back.set_geometry(gdf.geometry.values)
    assert_geodataframe_equal(back, gdf, check_dtype=True, check_like=False)


# --- GDELT -------------------------------------------------------------------------------------


def test_gdelt_events():
    gdf = read_incidents(GDELT)
    # 042 (make a visit) is verbal: not an incident ACLED would code, skipped.
    assert len(gdf) == 5
    by_url = {url.rsplit("/", 1)[1]: row for url, (_, row) in zip(gdf["url"], gdf.iterrows())}
    assert "talks" not in by_url
    kharkiv = by_url["kharkiv-shelling"]
    assert (kharkiv["event_type"], kharkiv["sub_event_type"]) == ("Battles", "Armed clash")
    assert kharkiv["event_date"] == pd.Timestamp("2024-04-15") and kharkiv["time_precision"] == 1
    assert (kharkiv["iso"], kharkiv["country"], kharkiv["geo_precision"]) == ("UA", "Ukraine", 1)  # FIPS UP
    assert (kharkiv["location"], kharkiv["admin1"]) == ("Kharkiv", "Kharkivs'ka Oblast'")
    assert (kharkiv["actor1"], kharkiv["actor2"], kharkiv["fatalities"]) == ("RUSSIA", "UKRAINE", 0)
    assert kharkiv["source"] == "https://news.example/kharkiv-shelling"
    assert kharkiv["notes"].startswith("CAMEO 190 (use conventional military force) → Battles: Armed clash")
    riot = by_url["portland-riot"]
    assert (riot["event_type"], riot["disorder_type"], riot["iso"]) == ("Riots", "Demonstrations", "US")
    # ActionGeo_Type 5: a region, geo_precision 3, admin1, the gazetteer's id from the FIPS ADM1 code.
    drones = by_url["zaporizhzhia-drones"]
    assert (drones["sub_event_type"], drones["geo_precision"], drones["location_kind"]) == ("Air/drone strike", 3,
                                                                                            "admin1")  # fmt: skip
    assert drones["place_id"] == "admin1:UA.26" and drones["notes"].startswith("CAMEO 1951, read as 195")
    # ActionGeo_Type 1: the country, with no point; FIPS RS is Russia.
    russia = by_url["russia-protests"]
    assert (russia["location_kind"], russia["iso"], russia["geo_precision"]) == ("country", "RU", 3)
    assert math.isnan(russia["latitude"]) and gdf.geometry[list(by_url).index("russia-protests")].is_empty
    assert (by_url["sydney-arrests"]["iso"], by_url["sydney-arrests"]["sub_event_type"]) == ("AU", "Arrests")


def test_gdelt_zipped_and_ids_stable(tmp_path):
    path = tmp_path / "20240417.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(GDELT, GDELT.name)
    zipped, plain = read_incidents(path), read_incidents(GDELT)
    assert_geodataframe_equal(zipped.drop(columns=["evidence"]), plain.drop(columns=["evidence"]))
    assert list(plain["event_id"]) == list(read_incidents(GDELT)["event_id"]) and plain["event_id"].is_unique


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("190", ("Battles", "Armed clash")),
        ("1951", ("Explosions/Remote violence", "Air/drone strike")),
        ("194", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
        ("1831", ("Explosions/Remote violence", "Suicide bomb")),
        ("181", ("Violence against civilians", "Abduction/forced disappearance")),
        ("1823", ("Violence against civilians", "Attack")),
        ("140", ("Protests", "Peaceful protest")),
        ("1451", ("Riots", "Violent demonstration")),
        ("2041", ("Explosions/Remote violence", "Chemical weapon")),
        ("042", None),
        ("130", None),
        ("163", None),
    ],
)
def test_cameo_to_acled(code, expected):
    found = acled_type(code)
    assert (found[1:3] if found else None) == expected


def test_cameo_table_names_only_acled_types():
    from geomap.analysis.rules import EVENT_TYPES  # the test may look; the reader does not

    from geomap.readers.gdelt import CAMEO_TO_ACLED

    for code, (event_type, sub_event_type, _name) in CAMEO_TO_ACLED.items():
        assert sub_event_type in EVENT_TYPES[event_type], code


def test_fips_codes():
    assert (iso_from_fips("UP"), iso_from_fips("RS"), iso_from_fips("AU"), iso_from_fips("AS")) == ("UA", "RU", "AT",
                                                                                                   "AU")  # fmt: skip
    assert (iso_from_fips("GM"), iso_from_fips("UK"), iso_from_fips("GZ"), iso_from_fips("OS")) == ("DE", "GB", "PS",
                                                                                                   None)  # fmt: skip
    assert (iso_from_numeric("804"), iso_from_numeric(36), iso_from_numeric("xx")) == ("UA", "AU", None)


# --- recognised by content --------------------------------------------------------------------


def test_recognised_by_content_not_suffix(tmp_path):
    # Names that say nothing: the first bytes decide.
    for source, name in ((ACLED, "acled"), (GDELT, "gdelt"), (ACLED_OLD, "acled")):
        path = tmp_path / f"{name}-{source.stem}.dat"
        path.write_bytes(source.read_bytes())
        assert read_incidents(path)["event_id"].is_unique
    assert str(sniff(GDELT.read_bytes()[:4096])) == "gdelt"
    assert str(sniff(ACLED.read_bytes()[:4096])) == "csv"
    assert sniff(b"Shelling in Kharkiv, Izium, and Kupiansk.\nOfficials said so.\n") is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plain.csv", "a,b,c\n1,2,3\n", "a CSV table that is neither geomap incidents nor an ACLED export"),
        ("noheader", "name,lat,lon\nKyiv,50.4,30.5\n", "a CSV table that is neither"),
        ("cities.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": '
         '{"name": "Kyiv"}, "geometry": null}]}', "a GeoJSON table that is neither"),
        ("bad.gpkg", "not a database", "not a readable GeoPackage"),
        ("empty.csv", "", "not a readable CSV"),
        ("short.export.CSV", "1\t20240101\n", "neither"),
        ("bad.zip", "PK\x03\x04 not really", "not a readable zip archive"),
    ],
)
def test_tables_that_hold_no_incidents_are_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="latin-1")
    with pytest.raises(InputError, match=message) as info:
        read_incidents(path)
    assert "\n" not in str(info.value)


def test_geoparquet_is_read(tmp_path):
    gdf = read_incidents(ACLED)
    path = write_incidents(gdf, tmp_path / "acled.parquet")  # geomap.writers: nested columns as JSON text
    back = read_incidents(path)
    assert list(back["event_id"]) == list(gdf["event_id"]) and list(back["fatalities"]) == [0, 4, 0, 0]
    assert back["evidence"].tolist() == gdf["evidence"].tolist()


def test_geoparquet_without_pyarrow_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    path = tmp_path / "x.parquet"
    path.write_bytes(b"PAR1" + b"\0" * 64 + b"PAR1")
    with pytest.raises(InputError, match=r"x.parquet: reading GeoParquet needs pyarrow"):
        read_incidents(path)


def test_registry_and_optional_columns_documented():
    assert list(READERS) == ["geomap", "acled", "gdelt"]
    schema_doc = (Path(__file__).parents[1] / "docs" / "schema.md").read_text(encoding="utf-8")
    for column in OPTIONAL_COLUMNS:
        assert f"`{column}`" in schema_doc, column
    assert len(FIELDS) == 61


def test_readers_never_import_extraction():
    code = (
        "import sys; from geomap.readers import read_incidents\n"
        f"for f in {[str(ACLED), str(GDELT)]!r}: read_incidents(f)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('geomap.pipeline', 'geomap.analysis', "
        "'geomap.incidents', 'geomap.document'))))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert proc.stdout.strip() == "[]"


def test_stdin_bytes_are_read_like_a_file():
    from geomap.ingest.sources import Source
    from geomap.readers import read_source

    stream = io.BytesIO(ACLED.read_bytes())
    source = Source("-", stream=stream)
    with source.opened() as (opened, head):
        gdf, reader = read_source(opened, head, sniff(head))
    assert reader.name == "acled" and list(gdf["fatalities"]) == [0, 4, 0, 0]
