"""The incident GeoDataFrame: schema, geometry rules and filters."""

from __future__ import annotations

import math
from datetime import date

import pytest
from test_extract_fakes import FakeGazetteer

from geomap.article import Article
from geomap.errors import ConfigurationError
from geomap.frame import COLUMNS, empty_frame, filter_incidents
from geomap.pipeline import extract

ARTICLES = [
    Article(text="Russian drones struck Kharkiv yesterday, killing two civilians.", source="a", published=date(2024, 3, 10)),
    Article(text="Hundreds of people protested in Minsk on 1 February 2024.", source="b"),
    Article(text="About 11,000 troops had been deployed to Russia.", source="c", published=date(2024, 1, 5)),
    Article(text="Fighting continued in Kursk Oblast.", source="d"),
]


@pytest.fixture(scope="module")
def gdf():
    return extract(ARTICLES, gazetteer=FakeGazetteer())


def test_columns_and_crs(gdf):
    assert tuple(gdf.columns) == COLUMNS
    assert gdf.crs.to_epsg() == 4326
    assert tuple(empty_frame().columns) == COLUMNS


def test_dtypes(gdf):
    assert str(gdf["event_date"].dtype).startswith("datetime64")
    assert str(gdf["time_precision"].dtype) == "Int64"
    assert str(gdf["injured"].dtype) == "Int64"
    assert str(gdf["fatalities"].dtype) == "int64"
    assert all(isinstance(q, dict) for q in gdf["quantities"])
    assert all(isinstance(e, list) and e for e in gdf["evidence"])


def test_rows(gdf):
    by_location = gdf.set_index("location")
    kharkiv = by_location.loc["Kharkiv"]
    assert kharkiv["event_date"].date() == date(2024, 3, 9)
    assert kharkiv["fatalities"] == 2 and kharkiv["iso"] == "UA" and kharkiv["country"] == "Ukraine"
    assert kharkiv.geometry.x == pytest.approx(36.2304) and kharkiv.geometry.y == pytest.approx(49.9935)
    undated = by_location.loc["Kursk Oblast"]
    assert undated["event_date"] is None or str(undated["event_date"]) == "NaT"
    assert undated["geo_precision"] == 3 and undated["location_kind"] == "admin1"


def test_country_level_rows_have_no_point(gdf):
    row = gdf[gdf["location_kind"] == "country"].iloc[0]
    assert row.geometry.is_empty
    assert math.isnan(row["latitude"]) and math.isnan(row["longitude"])
    assert row["geo_precision"] == 3


def test_same_input_same_ids(gdf):
    again = extract(ARTICLES, gazetteer=FakeGazetteer())
    assert list(again["event_id"]) == list(gdf["event_id"])
    assert gdf["event_id"].is_unique


@pytest.mark.parametrize(
    ("kwargs", "locations"),
    [
        ({"types": ["air/drone strike"]}, {"Kharkiv"}),
        ({"types": ["PROTESTS", "Battles"]}, {"Minsk", "Kursk Oblast"}),
        ({"countries": ["by"]}, {"Minsk"}),
        ({"countries": ["Ukraine", "RU"]}, {"Kharkiv", "Russia", "Kursk Oblast"}),
        ({"countries": ["RUS"]}, {"Russia", "Kursk Oblast"}),
        ({"countries": ["blr"]}, {"Minsk"}),
        ({"countries": ["Russian Federation"]}, {"Russia", "Kursk Oblast"}),
        ({"countries": ["FR"]}, set()),
        ({"since": "2024-02-01"}, {"Kharkiv", "Minsk"}),
        ({"since": date(2024, 2, 2), "until": "2024-03-31"}, {"Kharkiv"}),
        ({"until": "2024-02-01", "include_undated": True}, {"Minsk", "Russia", "Kursk Oblast"}),
    ],
)
def test_filters(gdf, kwargs, locations):
    assert set(filter_incidents(gdf, **kwargs)["location"]) == locations


def test_bad_filter_dates(gdf):
    with pytest.raises(ConfigurationError):
        filter_incidents(gdf, since="yesterday")
    with pytest.raises(ConfigurationError):
        filter_incidents(gdf, since="2024-03-01", until="2024-02-01")


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"types": ["Bogus"]}, ["--type", "'Bogus'", "Battles"]),
        ({"types": ["Battles", "battle"]}, ["'battle'", "did you mean 'Battles'"]),
        ({"countries": ["RUX"]}, ["--country", "'RUX'", "ISO 3166-1"]),
        ({"countries": ["UA", "Narnia"]}, ["'Narnia'"]),
    ],
)
def test_unknown_type_or_country_is_an_error_not_an_empty_frame(gdf, kwargs, words):
    with pytest.raises(ConfigurationError) as caught:
        filter_incidents(gdf, **kwargs)
    message = str(caught.value)
    assert "\n" not in message
    assert all(word in message for word in words), message


def test_columns_are_the_exporters_and_survive_a_round_trip(gdf, tmp_path):
    from geopandas.testing import assert_geodataframe_equal

    from geomap.export import SCHEMA, read_incidents, write_incidents

    assert COLUMNS == (*SCHEMA, "geometry")
    for suffix in (".geojson", ".gpkg", ".csv"):
        path = tmp_path / f"incidents{suffix}"
        # country rows as in the frame (an empty geometry); country points: tests/test_writers.py
        write_incidents(gdf, path, country_points=False)
        assert_geodataframe_equal(read_incidents(path), gdf, check_less_precise=True)
