"""`GazetteerGeocoder`: a geopy geocoder that never touches the network."""

from __future__ import annotations

import socket

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import Gazetteer, GazetteerGeocoder


@pytest.fixture(scope="module")
def geocoder():
    return GazetteerGeocoder(Gazetteer())


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the gazetteer geocoder opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


@pytest.mark.parametrize(
    "query, name, country, lat, lon",
    [
        ("Kharkov", "Kharkiv", "UA", 49.98, 36.25),
        ("Kyiv", "Kyiv", "UA", 50.45, 30.52),
        ("Курская область", "Kursk Oblast", "RU", 51.6, 36.1),
        ("Paris, Texas", "Paris", "US", 33.66, -95.55),
        ("Springfield, Illinois", "Springfield", "US", 39.80, -89.64),
    ],
)
def test_geocode_returns_a_location(geocoder, no_network, query, name, country, lat, lon):
    loc = geocoder.geocode(query)
    assert isinstance(loc, Location)
    assert loc.raw["name"] == name and loc.raw["country"] == country
    assert abs(loc.latitude - lat) < 0.3 and abs(loc.longitude - lon) < 0.3
    assert loc.address.startswith(name)


def test_exactly_one_false_gives_a_ranked_list(geocoder, no_network):
    found = geocoder.geocode("Paris", exactly_one=False)
    assert isinstance(found, list) and len(found) > 1
    assert found[0].raw["country"] == "FR"
    assert all(isinstance(loc, Location) for loc in found)


def test_country_codes_restrict(geocoder, no_network):
    loc = geocoder.geocode("Paris", country_codes=["us"])
    assert loc.raw["country"] == "US"
    assert geocoder.geocode("Kharkiv", country_codes="RU") is None


def test_miss_is_none(geocoder, no_network):
    assert geocoder.geocode("Xqzzyville") is None
    assert geocoder.geocode("Xqzzyville", exactly_one=False) is None


def test_reverse_is_not_offered(geocoder):
    with pytest.raises(NotImplementedError):
        geocoder.reverse((50.45, 30.52))


def test_geopandas_geocode_takes_it_as_provider(no_network):
    from geopandas.tools import geocode

    gdf = geocode(["Kharkov", "Kyiv", "Xqzzyville"], provider=GazetteerGeocoder)
    assert gdf.crs == "EPSG:4326"
    assert gdf.loc[0, "address"].startswith("Kharkiv")
    assert abs(gdf.geometry[1].x - 30.52) < 0.3 and abs(gdf.geometry[1].y - 50.45) < 0.3  # (lon, lat)
    assert gdf.geometry[2] is None or gdf.geometry[2].is_empty
