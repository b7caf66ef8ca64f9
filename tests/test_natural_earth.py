"""Rivers, lakes and reservoirs of the world from Natural Earth 10m in the embedded data (#10).

The build step (``gazetteer/build/natural_earth.py``) is tested on features made for the
tests; the embedded data on the waters it adds. Nothing here needs the network or ``../shared``.
"""

from __future__ import annotations

import pytest

from gazetteer.build import natural_earth
from gazetteer.build.build import main as build_main

# -- the build step ----------------------------------------------------------------------------


def _line(name, coords, scalerank=3, name_en=None, name_alt=None, cla="River"):
    return {
        "type": "Feature",
        "properties": {"name": name, "name_en": name_en or name, "name_alt": name_alt, "scalerank": scalerank,
                       "featurecla": cla},
        "geometry": {"type": "LineString", "coordinates": coords},
    }  # fmt: skip


def test_the_parts_of_a_river_are_one_river_and_far_namesakes_none():
    features = [
        _line("Rhine", [[7.0, 47.5], [7.5, 48.5]], scalerank=4),
        _line("Rhine", [[7.5, 48.5], [6.5, 51.5]], scalerank=5, cla="Lake Centerline"),
        _line("San Juan", [[-84.0, 11.0], [-83.7, 10.9]], scalerank=7),
        _line("San Juan", [[-109.0, 37.0], [-110.0, 37.2]], scalerank=6),
        _line(None, [[0.0, 0.0], [1.0, 1.0]]) | {"properties": {"name": None, "name_en": None, "scalerank": 9}},
    ]
    rivers = natural_earth.rivers(features)
    assert [(r.name, r.scalerank) for r in rivers] == [("Rhine", 4)]  # two San Juan rivers: neither
    rhine = rivers[0]
    lat, lon = rhine.point
    # the representative point is on the merged line, about its middle
    assert rhine.geom.distance(__import__("shapely").Point(lon, lat)) < 1e-9 and 47.5 < lat < 51.5


def test_a_rivers_names():
    river = natural_earth.rivers([_line("Dnipro", [[30, 50], [31, 49]], scalerank=4, name_en="Dnieper",
                                        name_alt="Dnieper")])[0]  # fmt: skip
    assert river.name == "Dnieper" and river.names == ["Dnieper", "Dnipro"]
    names = dict(natural_earth.river_names(river, words=set(), given=set()))
    assert names == {"Dnieper River": True, "Dnieper": True, "Dnipro River": True, "Dnipro": True}
    small = natural_earth.rivers([_line("Vorma", [[11, 60], [11.2, 60.3]], scalerank=9)])[0]
    assert dict(natural_earth.river_names(small, set(), set())) == {"Vorma River": True, "Vorma": False}
    # an English word is no key alone; a given name is only an alternate
    red = natural_earth.rivers([_line("Red", [[-97, 47], [-97, 49]], scalerank=4)])[0]
    assert dict(natural_earth.river_names(red, {"red"}, set())) == {"Red River": True}
    don = natural_earth.rivers([_line("Don", [[39, 47], [40, 49]], scalerank=3)])[0]
    assert dict(natural_earth.river_names(don, set(), {"don"})) == {"Don River": True, "Don": False}


def test_a_lakes_names_hold_their_type_word():
    def lake(name, cla="Lake", alt=None):
        return {"type": "Feature", "properties": {"name": name, "name_alt": alt, "featurecla": cla, "scalerank": 2},
                "geometry": {"type": "Polygon", "coordinates": [[[14, 13], [15, 13], [15, 14], [14, 13]]]}}  # fmt: skip

    chad, egridir, kariba, erie = natural_earth.lakes(
        [lake("Lake Chad"), lake("Egridir"), lake("Kariba", cla="Reservoir"), lake("Lake Erie", alt="Great Lakes")]
    )
    assert (chad.code, kariba.code) == ("LK", "RSV")
    assert dict(natural_earth.lake_names(chad)) == {"Lake Chad": True}  # never bare "Chad"
    assert dict(natural_earth.lake_names(egridir)) == {"Lake Egridir": True, "Egridir Lake": False}
    assert dict(natural_earth.lake_names(kariba)) == {"Kariba Reservoir": True}
    assert erie.names == ["Lake Erie"]  # "Great Lakes" is the group, not its name


def test_a_missing_natural_earth_path_stops_the_build(capsys, tmp_path):
    ua = tmp_path / "UA.zip"
    ua.write_bytes(b"")
    with pytest.raises(SystemExit) as err:
        build_main(["--out", str(tmp_path / "out"), "--geonames-ua", str(ua), "--natural-earth", str(tmp_path / "none")])
    assert err.value.code == 2
    assert "--natural-earth: no such path" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_name_several_rivers_bear_is_left_out():
    def river(name, coords):
        return {"properties": {"name": name, "name_en": name, "scalerank": 5, "featurecla": "River"},
                "geometry": {"type": "LineString", "coordinates": coords}}  # fmt: skip

    found = natural_earth.rivers([river("Red", [[-95, 34], [-94, 33]]), river("Red", [[105, 22], [106, 21]]),
                                  river("Euphrates", [[40, 35], [41, 34]])])  # fmt: skip
    assert [w.name for w in found] == ["Euphrates"]
