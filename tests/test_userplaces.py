"""User places files (``--places-file``): CSV and GeoJSON, and clear errors for bad ones."""

from __future__ import annotations

import pytest

from gazetteer.errors import PlacesFileError
from gazetteer.userplaces import load_places_file, load_places_files


@pytest.fixture
def places_dir(data_dir):
    return data_dir / "places"


def test_csv_places_with_alt_names_and_defaults(places_dir):
    loaded = load_places_file(places_dir / "frontline.csv")
    (krynky, names1), (robotyne, names2) = loaded
    assert krynky.id == "user:krynky"
    assert (krynky.name, krynky.kind, krynky.country, krynky.admin1) == ("Krynky", "city", "UA", "Kherson Oblast")
    assert (krynky.lat, krynky.lon) == (46.7317, 33.0847)
    assert names1 == ["Krynky", "Krinki", "Крынки"]
    # no id column value: a slug of the name; no kind: a populated place
    assert robotyne.id == "user:robotyne" and robotyne.kind == "city"
    assert names2 == ["Robotyne", "Rabotino", "Работино"]


def test_geojson_points_swap_lon_lat_and_take_feature_id(places_dir):
    loaded = load_places_file(places_dir / "bases.geojson")
    (saky, names), (port, _) = loaded
    assert (saky.lat, saky.lon) == (45.0983, 33.3717)
    assert saky.kind == "other" and saky.id == "user:saky-ab"
    assert names == ["Saky air base", "Saki airfield"]
    assert port.id == "user:kherson-port"


def test_later_file_replaces_same_id(places_dir, tmp_path):
    override = tmp_path / "override.csv"
    override.write_text("name,lat,lon,id\nKrynky,46.8,33.1,krynky\n", encoding="utf-8")
    merged = {p.id: p for p, _ in load_places_files([places_dir / "frontline.csv", override])}
    assert merged["user:krynky"].lat == 46.8
    assert "user:robotyne" in merged


@pytest.mark.parametrize(
    "name, message",
    [
        ("bad_number.csv", "bad_number.csv: line 3: lat/lon must be numbers"),
        ("bad_header.csv", "bad_header.csv: line 1: missing column(s) lat"),
        ("bad_kind.csv", "bad_kind.csv: line 2: kind must be one of"),
        ("bad_range.csv", "bad_range.csv: line 2: lat/lon out of range"),
        ("bad_geometry.geojson", "bad_geometry.geojson: feature 2: geometry must be a Point"),
        ("bad_json.geojson", "bad_json.geojson: line 2: invalid JSON"),
        ("missing.csv", "missing.csv: places file not found"),
    ],
)
def test_malformed_files_name_file_and_line(places_dir, name, message):
    with pytest.raises(PlacesFileError) as info:
        load_places_file(places_dir / name)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)  # callers catching ValueError keep working


def test_unknown_suffix(tmp_path):
    path = tmp_path / "places.txt"
    path.write_text("Krynky 46.7 33.0\n", encoding="utf-8")
    with pytest.raises(PlacesFileError, match="unknown places file type"):
        load_places_file(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "places.csv"
    path.write_bytes("name,lat,lon\nКрынки,46.7,33.0\n".encode("cp1251"))
    with pytest.raises(PlacesFileError, match="not UTF-8"):
        load_places_file(path)
