"""Every output format (geomap.writers): round trips through pyogrio/GDAL, what Debian's GDAL
3.6 (``ogrinfo``) says of each file, GeoPackage 1.3 specifics, the ACLED layout, country
points, areas and attribution."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
from click.testing import CliRunner
from conftest import require_ogrinfo
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon
from test_export import _incidents

from geomap.errors import ConfigurationError
from geomap.layout import ACLED_COLUMNS, LAYOUTS
from geomap.writers import ATTRIBUTION, FORMATS, write_incidents

#: The gazetteer's point of Russia (the country-level row of _incidents()).
RUSSIA = Point(100.0, 60.0)

#: Formats GDAL reads (Debian's GDAL 3.6 has no Parquet driver: GeoParquet is read with pyarrow).
GDAL_FORMATS = [name for name, spec in FORMATS.items() if spec.driver != "pyarrow"]


def _path(tmp_path, name, stem="incidents"):
    return tmp_path / f"{stem}{FORMATS[name].suffixes[0]}"


def _read(path, layer=None) -> gpd.GeoDataFrame:
    """The file's rows in the order written (FlatGeobuf's spatial index sorts them), without
    the ``id`` field GDAL makes of a GeoJSON/KML feature id."""
    if path.suffix == ".parquet":
        return gpd.read_parquet(path)
    frame = pyogrio.read_dataframe(path, layer=layer)
    if path.suffix == ".fgb" and "event_id" in frame:
        order = {e: i for i, e in enumerate(_incidents()["event_id"])}
        frame = frame.sort_values("event_id", key=lambda s: s.map(order)).reset_index(drop=True)
    return frame.drop(columns=["id"], errors="ignore")


def _ogrinfo(path) -> str:
    result = subprocess.run(
        [require_ogrinfo(), "-al", "-so", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    # Every GDAL warning starts "Warning" (and errors "ERROR"), on stderr or stdout.
    output = result.stdout + result.stderr
    assert "Warning" not in output and "ERROR" not in output, output
    return result.stdout


# --- round trips -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_round_trips(tmp_path, name):
    path = write_incidents(_incidents(), _path(tmp_path, name))
    back = _read(path)
    assert len(back) == 3
    assert back.crs.to_epsg() == 4326
    if name == "kml":  # KML keeps its own name/description columns first
        assert list(back.columns[:2]) == ["Name", "description"]
        assert back["Name"].tolist() == ["Харків", "Kursk Oblast", "Russia"]
    else:
        assert [c for c in back.columns if c != back.geometry.name] == [c for c in _incidents().columns if c != "geometry"]
    # geometry: points in lon/lat order, the country row at Russia's point
    assert back.geometry[0].x == pytest.approx(36.25273, abs=1e-5) and back.geometry[0].y == pytest.approx(49.98081, abs=1e-5)
    assert back.geometry[2].equals(RUSSIA)
    if name == "kml":
        return  # KML's extended data is text to GDAL
    # types: a date, integers, nested JSON
    dates = pd.to_datetime(back["event_date"])
    assert dates[0] == pd.Timestamp("2024-12-17") and pd.isna(dates[2])
    assert pd.api.types.is_integer_dtype(back["fatalities"]) and back["fatalities"].tolist() == [2, 0, 0]
    assert back["injured"].isna().tolist() == [False, True, False]
    assert back["geo_precision"].tolist() == [1, 3, 3]
    quantities = back["quantities"][1]
    quantities = json.loads(quantities) if isinstance(quantities, str) else quantities
    assert quantities == {"drones_launched": 337, "drones_intercepted": 91}
    evidence = back["evidence"][0]
    evidence = json.loads(evidence) if isinstance(evidence, str) else evidence
    assert evidence[0]["text"] == "Two were killed in Харків."


@pytest.mark.parametrize("name", [n for n in FORMATS if n != "csv"])
def test_null_and_polygon_geometries_round_trip(tmp_path, name):
    gdf = _incidents()
    gdf.loc[0, "geometry"] = Polygon([(30.0, 50.0), (30.2, 50.0), (30.2, 50.1), (30.0, 50.1)])
    path = write_incidents(gdf, _path(tmp_path, name), country_points=False)
    back = _read(path)
    assert len(back) == 3  # FlatGeobuf keeps the row without geometry (no spatial index then)
    assert back.geometry[0].geom_type == "Polygon" and back.geometry[0].equals_exact(gdf.geometry[0], 1e-6)
    assert back.geometry[2] is None or back.geometry[2].is_empty


def test_csv_carries_points_in_its_columns_and_sidecars(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "x.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv", "x.csvt", "x.prj"]
    types = path.with_suffix(".csvt").read_text().strip().split(",")
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert dict(zip(header, types))["event_date"] == "Date"
    assert dict(zip(header, types))["fatalities"] == "Integer"
    assert (dict(zip(header, types))["longitude"], dict(zip(header, types))["latitude"]) == ("CoordX", "CoordY")
    assert "WGS_1984" in path.with_suffix(".prj").read_text()
    back = pyogrio.read_dataframe(path)
    assert back.crs.to_epsg() == 4326 and back.geometry[2].equals(RUSSIA)
    assert pd.to_datetime(back["event_date"])[1] == pd.Timestamp("2024-12-16")


# --- what GDAL 3.6 says ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, options",
    [
        (name, options)
        for name in GDAL_FORMATS
        for options in ({}, {"areas": True}, {"layout": "acled"}, {"country_points": False})
        if not (options.get("areas") and FORMATS[name].areas is None)  # CSV holds no areas (its own test)
    ],
)
def test_ogrinfo_reads_every_output_without_warning(tmp_path, name, options):
    path = write_incidents(_incidents(), _path(tmp_path, name), timestamp=0, **options)
    info = _ogrinfo(path)
    assert "Feature Count: 3" in info
    if name == "gpkg" and not options.get("layout"):
        assert "event_date: Date" in info and "quantities: String(JSON)" in info
        assert ("incident_areas" in info) == bool(options.get("areas"))


def test_geoparquet_metadata(tmp_path):
    import pyarrow.parquet as pq

    path = write_incidents(_incidents(), tmp_path / "x.parquet")
    schema = pq.read_schema(path)
    geo = json.loads(schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    assert str(schema.field("event_date").type) == "date32[day]"
    assert schema.metadata[b"attribution"].decode() == ATTRIBUTION


# --- GeoPackage 1.3 ------------------------------------------------------------------------------------


def test_gpkg_is_version_1_3_with_dates_json_index_and_attribution(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "x.gpkg")
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # "GPKG"
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10300
        columns = {row[1]: row[2] for row in db.execute("PRAGMA table_info(incidents)")}
        assert columns["event_date"] == "DATE"
        assert columns["fatalities"] == "MEDIUMINT" or columns["fatalities"].startswith("INT")
        mime = dict(db.execute("SELECT column_name, mime_type FROM gpkg_data_columns WHERE table_name='incidents'"))
        assert mime == {"quantities": "application/json", "evidence": "application/json"}
        assert db.execute("SELECT count(*) FROM gpkg_extensions WHERE extension_name='gpkg_rtree_index'").fetchone()[0] == 1
        metadata = " ".join(row[0] for row in db.execute("SELECT metadata FROM gpkg_metadata"))
        assert "GeoNames" in metadata and "CC BY 4.0" in metadata and "Natural Earth" in metadata


def test_gpkg_areas_are_a_second_polygon_layer(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "x.gpkg", areas=True)
    assert [layer for layer, _ in pyogrio.list_layers(path)] == ["incidents", "incident_areas"]
    areas = pyogrio.read_dataframe(path, layer="incident_areas")
    assert areas["place_id"].tolist() == ["admin1:RU.41"]  # Kursk Oblast, the region-level row
    assert areas.geometry[0].geom_type == "MultiPolygon"
    assert areas.geometry[0].contains(Point(36.19, 51.73))  # the city of Kursk
    points = pyogrio.read_dataframe(path, layer="incidents")
    assert set(points.geometry.geom_type) == {"Point"}


def test_geojson_areas_and_attribution(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "x.geojson", areas=True)
    data = json.loads(path.read_text())
    assert data["attribution"] == ATTRIBUTION and "crs" not in data
    kharkiv, kursk, russia = data["features"]
    assert kharkiv["geometry"]["type"] == "Point"
    assert kursk["geometry"]["type"] == "MultiPolygon"
    assert kursk["properties"]["latitude"] == 51.5  # the label point stays in the columns
    assert russia["geometry"]["type"] == "Point"


def test_no_country_points_keeps_null_geometry(tmp_path):
    data = json.loads(write_incidents(_incidents(), tmp_path / "x.geojson", country_points=False).read_text())
    assert data["features"][2]["geometry"] is None
    assert data["features"][2]["properties"]["latitude"] is None


# --- ACLED layout ------------------------------------------------------------------------------------


def test_acled_layout_has_acleds_31_columns_in_order(tmp_path):
    assert len(ACLED_COLUMNS) == 31
    path = write_incidents(_incidents(), tmp_path / "acled.csv", layout="acled", timestamp=1734400000)
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == list(ACLED_COLUMNS)
    back = pyogrio.read_dataframe(path)
    kharkiv, kursk, russia = (back.iloc[i] for i in range(3))
    assert kharkiv["event_id_cnty"] == f"UKR{int('a1b2c3', 16)}" or kharkiv["event_id_cnty"].startswith("UKR")
    assert kharkiv["iso"] == 804 and russia["iso"] == 643
    assert kharkiv["region"] == "Europe" and kharkiv["year"] == 2024
    # Russian forces in Ukraine are external forces (8) to ACLED; civilians 7
    assert (kharkiv["inter1"], kharkiv["inter2"], kharkiv["interaction"]) == (8, 7, 78)
    assert kharkiv["civilian_targeting"] == "Civilian targeting"
    assert pd.isna(kursk["civilian_targeting"]) or kursk["civilian_targeting"] == ""
    assert kursk["interaction"] == 88  # Ukrainian and North Korean forces in Russia
    assert russia["geo_precision"] == 3 and (russia["latitude"], russia["longitude"]) == (60.0, 100.0)
    assert back["timestamp"].tolist() == [1734400000] * 3
    assert "evidence" not in back.columns and "place_id" not in back.columns


@pytest.mark.parametrize("name", [n for n in FORMATS if n != "kml"])  # KML has fields of its own
def test_acled_layout_in_every_format(tmp_path, name):
    path = write_incidents(_incidents(), _path(tmp_path, name), layout="acled", timestamp=0)
    columns = [c for c in _read(path).columns if c not in ("geometry", "Name", "description")]
    assert columns == list(ACLED_COLUMNS)


def test_event_id_cnty_is_stable_and_distinct():
    from geomap.layout import event_id_cnty

    ids = [f"{i:016x}" for i in range(0, 2**40, 2**40 // 5000)]
    made = [event_id_cnty(i, "UA") for i in ids]
    assert len(set(made)) == len(made)
    assert made == [event_id_cnty(i, "UA") for i in ids]
    assert all(m.startswith("UKR") and m[3:].isdigit() for m in made)


# --- options and errors --------------------------------------------------------------------------------


def test_unknown_format_layout_and_areas_in_csv_are_errors(tmp_path):
    with pytest.raises(ConfigurationError, match="unknown output format 'shp'"):
        write_incidents(_incidents(), tmp_path / "x.gpkg", format="shp")
    with pytest.raises(ConfigurationError, match="unknown layout"):
        write_incidents(_incidents(), tmp_path / "x.gpkg", layout="gdelt")
    with pytest.raises(ConfigurationError, match="--areas: csv cannot hold areas"):
        write_incidents(_incidents(), tmp_path / "x.csv", areas=True)
    assert list(tmp_path.iterdir()) == []
    assert set(LAYOUTS) == {"geomap", "acled"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "shapefile"], "unknown output format 'shapefile'"),
        (["-o", "x.shp"], "unknown output file type .shp"),
        (["--layout", "gdelt"], "unknown layout 'gdelt'"),
        (["-o", "x.csv", "--areas"], "--areas: csv cannot hold areas"),
    ],
)
def test_cli_bad_output_options_fail_before_reading(tmp_path, args, message):
    from geomap.cli import cli

    # The input does not exist: a bad option must be reported first, on one line.
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.txt"), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output and "missing.txt" not in result.output


@pytest.mark.parametrize("name", ["gpkg", "csv", "parquet", "fgb"])
@pytest.mark.filterwarnings("ignore:The filename extension:RuntimeWarning")  # GDAL on out.data as GPKG: meant
def test_cli_writes_format_by_option(tmp_path, seeds_dir, name):
    from geomap.cli import cli

    article = next(p for p in sorted(seeds_dir.iterdir()) if p.suffix == ".txt")
    out = tmp_path / "out.data"
    result = CliRunner().invoke(cli, ["-q", "extract", str(article), "--format", name, "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = _read(out.rename(tmp_path / f"out{FORMATS[name].suffixes[0]}"))
    assert "event_id" in back.columns


def test_map_still_lists_country_rows_that_carry_a_point():
    from geomap.render.data import COUNTRY, build_payload
    from geomap.writers import place_country_points
    from gazetteer import Gazetteer

    placed = place_country_points(_incidents(), Gazetteer())
    assert placed.geometry[2].equals(RUSSIA)
    payload = build_payload(placed)
    assert payload.data["k"][2] == COUNTRY and payload.data["lat"][2] is None


# --- column-wise preparation ----------------------------------------------------------------------------

_json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8),
    st.sampled_from(["\x00geomap-json\x00", "\ud800", ", "]), st.builds(np.int64, st.integers(-9, 9)),
)  # fmt: skip
_json_keys = st.one_of(st.text(max_size=5), st.integers(-2, 2), st.booleans(), st.none())
_json_value = st.recursive(_json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_json_keys, inner, max_size=3),
), max_leaves=12)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_json_value, max_size=6))
def test_nested_columns_are_encoded_column_wise_as_value_by_value(values):
    from geomap.writers import _json_text, json_texts

    try:
        expected = [_json_text(v) for v in values]
    except (TypeError, ValueError) as err:  # what the value-by-value encoder refuses, the column refuses too
        with pytest.raises(type(err)):
            json_texts(values)
        return
    texts = json_texts(values)
    # The same JSON (orjson writes no spaces after "," and ":", and 1e16 for 1e+16); text values pass as they are.
    assert len(texts) == len(values)
    for value, text, wanted in zip(values, texts, expected):
        if isinstance(value, str):
            assert text == wanted
        else:
            assert json.loads(text) == json.loads(wanted), (text, wanted)


def test_dates_become_calendar_days_in_every_writer_path(tmp_path):
    gdf = _incidents()
    gdf["event_date"] = pd.to_datetime(["1969-12-31 23:30", "2024-02-29 00:30", None]).tz_localize("Europe/Kyiv")
    back = gpd.read_parquet(write_incidents(gdf, tmp_path / "x.parquet"))
    assert back["event_date"].tolist()[:2] == [date(1969, 12, 31), date(2024, 2, 29)] and back["event_date"][2] is None
    back = pyogrio.read_dataframe(write_incidents(gdf, tmp_path / "x.gpkg"))
    # GDAL formats take the date in UTC (the writer's rule for DateTime columns too)
    assert pd.to_datetime(back["event_date"]).dt.strftime("%Y-%m-%d").tolist()[:2] == ["1969-12-31", "2024-02-28"]


def test_kml_writes_acleds_unix_timestamp_as_the_placemarks_timestamp(tmp_path):
    # LIBKML reads and writes a field called "timestamp" as KML's <TimeStamp>: a Unix time
    # written as a number was lost on reading (the KML field and the data collided).
    path = write_incidents(_incidents(), tmp_path / "x.kml", layout="acled", timestamp=1734400000)
    assert path.read_text(encoding="utf-8").count("<when>2024-12-17T01:46:40Z</when>") == 3
    back = pyogrio.read_dataframe(path)
    assert back["timestamp"].tolist() == [pd.Timestamp(1734400000, unit="s", tz="UTC")] * 3
    assert "Warning" not in subprocess.run([require_ogrinfo(), "-al", "-so", str(path)], capture_output=True,
                                           text=True, check=True).stderr  # fmt: skip


def test_the_acled_layout_reads_back_through_the_acled_reader(tmp_path):
    from geomap.readers import read_incidents, sniff

    dated = _incidents().iloc[:2]  # ACLED has no undated events
    path = write_incidents(dated, tmp_path / "acled.csv", layout="acled", timestamp=1734400000)
    assert str(sniff(path.read_bytes()[:4096])) == "csv"
    back = read_incidents(path)
    assert list(back["event_type"]) == list(dated["event_type"])
    assert list(back["sub_event_type"]) == list(dated["sub_event_type"])
    assert list(back["event_date"].dt.date) == list(dated["event_date"].dt.date)
    assert list(back["fatalities"]) == list(dated["fatalities"])
    assert list(back["iso"]) == ["UA", "RU"] and list(back["geo_precision"]) == [1, 3]
    assert list(back["location"]) == list(dated["location"])
    assert back["event_id_cnty"].str.match(r"^(UKR|RUS)\d+$").all()
