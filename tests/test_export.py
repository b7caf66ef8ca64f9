"""Writing incident files (GeoJSON, GeoPackage, CSV) and reading them back."""

from __future__ import annotations

import csv
import json
import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal
from shapely.geometry import Point

from geomap.errors import ConfigurationError, InputError, OutputError, UnreadableInputError
from geomap.export import SCHEMA, conform_incidents, read_incidents, to_geojson, write_incidents

SCRIPT = "Shelling of <script>alert('x')</script> reported & confirmed"


def _incidents() -> gpd.GeoDataFrame:
    """Three incidents by hand, one per location level, following docs/schema.md."""
    rows = {
        "event_id": ["a1b2c3", "d4e5f6", "0718aa"],
        "event_date": pd.to_datetime(["2024-12-17", "2024-12-16", None]).astype("datetime64[ns]"),
        "time_precision": pd.array([1, 2, None], dtype="Int64"),
        "disorder_type": ["Political violence", "Political violence", "Strategic developments"],
        "event_type": ["Explosions/Remote violence", "Battles", "Strategic developments"],
        "sub_event_type": ["Shelling/artillery/missile attack", "Armed clash", "Other"],
        "actor1": ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", None],
        "actor2": ["Civilians (Ukraine)", "Military Forces of North Korea (2011-)", None],
        "country": ["Ukraine", "Russia", "Russia"],
        "iso": ["UA", "RU", "RU"],
        "admin1": ["Kharkivs'ka Oblast'", "Kursk Oblast", None],
        "location": ["Харків", "Kursk Oblast", "Russia"],
        "latitude": [49.98081234567, 51.5, math.nan],
        "longitude": [36.25272987654, 35.9, math.nan],
        "geo_precision": np.array([1, 3, 3], dtype="int64"),
        "location_kind": ["city", "admin1", "country"],
        "place_id": ["gn:706483", "admin1:RU.41", "country:RU"],
        "fatalities": np.array([2, 0, 0], dtype="int64"),
        "injured": pd.array([5, None, 200], dtype="Int64"),
        "quantities": [{}, {"drones_launched": 337, "drones_intercepted": 91}, {}],
        "source": ["seeds/a.txt", "seeds/b.txt; seeds/c.txt", "feed.rss"],
        "title": ["Удар по Харкову", None, "Troops «sent» to Russia"],
        "url": [None, "https://example.org/kursk", None],
        "notes": [SCRIPT, 'Clashes, "heavy" ones,\nin Kursk Oblast.', "Troops were sent."],
        "evidence": [
            [{"source": "seeds/a.txt", "text": "Two were killed in Харків.", "start": 10, "end": 36}],
            [
                {"source": "seeds/b.txt", "text": "Clashes in Kursk Oblast.", "start": None, "end": None},
                {"source": "seeds/c.txt", "text": "Fighting in Kursk.", "start": 0, "end": 18},
            ],
            [],
        ],
        "confidence": [0.9, 0.75, 0.4],
    }
    geometry = [Point(36.25272987654, 49.98081234567), Point(35.9, 51.5), Point()]
    return gpd.GeoDataFrame(rows, geometry=geometry, crs="EPSG:4326")


def test_hand_built_frame_follows_the_schema():
    gdf = _incidents()
    assert list(gdf.columns[:-1]) == list(SCHEMA)
    assert_geodataframe_equal(conform_incidents(gdf), gdf)


# --- GeoJSON -------------------------------------------------------------------------------------


def test_geojson_is_rfc7946():
    data = json.loads(to_geojson(_incidents()))
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    kharkiv, kursk, russia = data["features"]
    # lon, lat order, rounded to 5 decimals
    assert kharkiv["geometry"] == {"type": "Point", "coordinates": [36.25273, 49.98081]}
    assert kursk["geometry"]["coordinates"] == [35.9, 51.5]
    # country level: Russia's point with geo_precision 3, as ACLED does (issue #11;
    # was a null geometry, which FlatGeobuf and ogr2ogr drop)
    assert russia["geometry"] == {"type": "Point", "coordinates": [100.0, 60.0]}
    assert russia["properties"]["geo_precision"] == 3
    assert kharkiv["id"] == "a1b2c3"
    props = kharkiv["properties"]
    assert props["event_date"] == "2024-12-17"
    assert russia["properties"]["event_date"] is None
    assert russia["properties"]["time_precision"] is None
    assert russia["properties"]["latitude"] == 60.0
    assert kursk["properties"]["injured"] is None
    assert kursk["properties"]["quantities"] == {"drones_launched": 337, "drones_intercepted": 91}
    assert kursk["properties"]["evidence"][0]["start"] is None
    assert props["evidence"][0]["text"] == "Two were killed in Харків."
    assert props["notes"] == SCRIPT  # data stays data: escaping is the renderer's job
    assert props["location"] == "Харків"
    assert props["fatalities"] == 2 and isinstance(props["fatalities"], int)
    assert "geometry" not in props


def test_geojson_reprojects_to_wgs84():
    gdf = _incidents().to_crs("EPSG:3857")
    data = json.loads(to_geojson(gdf))
    assert data["features"][0]["geometry"]["coordinates"] == [36.25273, 49.98081]


def test_geojson_text_is_strict_json_and_utf8(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "out.geojson")
    raw = path.read_bytes()
    assert "Харків".encode() in raw
    assert b"NaN" not in raw
    json.loads(raw, parse_constant=lambda name: pytest.fail(f"non-JSON constant {name}"))


@pytest.mark.parametrize("country_points", [True, False])
@pytest.mark.parametrize("suffix", [".geojson", ".json", ".gpkg", ".csv"])
def test_round_trip(tmp_path, suffix, country_points):
    gdf = _incidents()
    path = write_incidents(gdf, tmp_path / f"incidents{suffix}", country_points=country_points)
    back = read_incidents(path)
    expected = gdf.copy()
    russia = Point(100.0, 60.0) if country_points else Point()  # the gazetteer's point of Russia
    if country_points:
        expected.loc[2, ["latitude", "longitude"]] = [60.0, 100.0]
    if suffix in (".geojson", ".json"):
        expected["geometry"] = [Point(36.25273, 49.98081), Point(35.9, 51.5), russia]
    else:
        expected["geometry"] = [*gdf.geometry[:2], russia]
    assert_geodataframe_equal(back, expected, check_less_precise=False)


def test_empty_frame_round_trips(tmp_path):
    empty = _incidents().iloc[0:0]
    for suffix in (".geojson", ".gpkg", ".csv"):
        back = read_incidents(write_incidents(empty, tmp_path / f"empty{suffix}"))
        assert len(back) == 0
        assert list(back.columns[:-1]) == list(SCHEMA)
        assert back.crs == "EPSG:4326"


# --- GeoPackage and CSV specifics --------------------------------------------------------------------


def test_gpkg_layer_and_nested_columns_as_json(tmp_path):
    import pyogrio

    path = write_incidents(_incidents(), tmp_path / "x.gpkg", country_points=False)
    assert [name for name, _ in pyogrio.list_layers(path)] == ["incidents"]
    raw = pyogrio.read_dataframe(path)
    value = raw["quantities"][1]  # JSON subtype: newer pyogrio parses it, older gives the text
    value = json.loads(value) if isinstance(value, str) else value
    assert value == {"drones_launched": 337, "drones_intercepted": 91}
    assert raw.geometry[2] is None


def test_csv_has_no_geometry_and_json_text(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "x.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert "geometry" not in rows[0]
    assert list(rows[0]) == list(SCHEMA)
    assert rows[0]["event_date"] == "2024-12-17" and rows[2]["event_date"] == ""
    assert json.loads(rows[1]["evidence"])[1]["end"] == 18
    assert rows[0]["notes"] == SCRIPT
    assert float(rows[0]["latitude"]) == pytest.approx(49.98081234567)


def test_region_polygon_is_rounded_counter_clockwise_and_valid(tmp_path):
    from shapely.geometry import Polygon, shape

    gdf = _incidents().iloc[:1].copy()
    # clockwise ring with more decimals than kept
    gdf["geometry"] = [Polygon([(30.0, 50.0), (30.0, 50.123456789), (30.2, 50.123456789), (30.2, 50.0)])]
    feature = json.loads(to_geojson(gdf))["features"][0]
    ring = feature["geometry"]["coordinates"][0]
    assert [30.0, 50.12346] in ring
    polygon = shape(feature["geometry"])
    assert polygon.is_valid and polygon.exterior.is_ccw
    back = read_incidents(write_incidents(gdf, tmp_path / "poly.gpkg"))
    assert back.geometry[0].equals(gdf.geometry[0])


def test_driver_overrides_suffix(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "data.out", format="GeoJSON")
    assert json.loads(path.read_text())["type"] == "FeatureCollection"


# --- errors ------------------------------------------------------------------------------------------


def test_unknown_suffix_and_driver(tmp_path):
    with pytest.raises(ConfigurationError, match="unknown output file type .shp"):
        write_incidents(_incidents(), tmp_path / "x.shp")
    with pytest.raises(ConfigurationError, match="unknown output format"):
        write_incidents(_incidents(), tmp_path / "x.geojson", format="Shapefile")
    with pytest.raises(ConfigurationError, match="GeoDataFrame"):
        write_incidents(pd.DataFrame({"a": [1]}), tmp_path / "x.geojson")


def test_failed_write_keeps_the_previous_file(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_text("previous")
    bad = _incidents()
    bad["quantities"] = [object(), {}, {}]  # not JSON-serialisable
    with pytest.raises(TypeError):
        write_incidents(bad, path)
    assert path.read_text() == "previous"
    assert list(tmp_path.iterdir()) == [path]


def test_unwritable_target_is_an_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OutputError):
        write_incidents(_incidents(), blocker / "x.geojson")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.geojson", "{not json", "invalid JSON at line 1"),
        ("b.geojson", '{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ("c.geojson", '{"type": "FeatureCollection", "features": [{"type": "Point"}]}', "feature 1 is not"),
        (
            "d.geojson",
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},'
            ' "geometry": {"type": "Point", "coordinates": "x"}}]}',
            "feature 1 has an invalid geometry",
        ),
        ("e.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"a": 1}}]}',
         "missing columns: event_id"),
        ("f.csv", "event_id,latitude\nx,1\n", "missing columns"),
        ("g.gpkg", "not a database", "not a readable GeoPackage"),
        ("h.txt", "", "not an incident file"),  # by content now, not by suffix
    ],
)
def test_malformed_files_are_input_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=message) as info:
        read_incidents(path)
    assert "\n" not in str(info.value)


def test_bad_values_name_the_column(tmp_path):
    gdf = _incidents()
    path = write_incidents(gdf, tmp_path / "x.csv")
    text = path.read_text(encoding="utf-8").replace("0.9", "high", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="column 'confidence'"):
        read_incidents(path)


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableInputError, match="no such file"):
        read_incidents(tmp_path / "none.geojson")
