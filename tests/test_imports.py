"""Imported gazetteers (gazetteer.imports, `geomap gazetteer`): GeoNames dumps and place lists."""

from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner

from gazetteer import Gazetteer
from gazetteer.errors import PlacesFileError
from gazetteer.imports import import_file, list_imports, load_imports, remove_import
from geomap.cli import cli

#: GeoNames dump rows (19 tab-separated columns), made for these tests.
ROWS = [
    # a town the embedded data has (Odesa, gn:698740): skipped on import when known
    ("698740", "Odesa", "Odesa", "Odessa,Одесса", "46.47747", "30.73262", "P", "PPLA", "UA", "17", "1010537"),
    # made-up villages (the embedded data has the real front-line ones, from GeoNames' dump)
    ("900001", "Kalynove Pole", "Kalynove Pole", "Kalinovoye Pole,Калинове Поле,Калиновое Поле", "47.4425", "35.83611",
     "P", "PPL", "UA", "26", "500"),
    ("900002", "Soniachne Pole", "Soniachne Pole", "Сонячне Поле", "46.87", "33.35", "P", "PPL", "UA", "08", "300"),
    ("900003", "Dniprovskyi Raion", "Dniprovskyi Raion", "Дніпровський район", "48.4", "35.1", "A", "ADM2", "UA", "04", "0"),
    ("900004", "Some Shop", "Some Shop", "", "48.4", "35.1", "S", "SHOP", "UA", "04", "0"),  # not kept
    ("900005", "Kakhovka Reservoir", "Kakhovka Reservoir", "Каховське водосховище", "47.3", "34.2", "H", "RSV", "UA", "08", "0"),
    ("900006", "Paris", "Paris", "", "48.9", "37.1", "P", "PPL", "UA", "05", "300"),  # a namesake village
    ("900007", "Pogar Village", "Pogar Village", "", "52.5", "33.2", "P", "PPL", "RU", "10", "200"),
]  # fmt: skip


def dump_line(row) -> str:
    gid, name, ascii_name, alt, lat, lon, fclass, code, cc, admin1, pop = row
    return "\t".join([gid, name, ascii_name, alt, lat, lon, fclass, code, cc, "", admin1, "", "", "", pop, "", "50",
                      "Europe/Kyiv", "2024-01-01"]) + "\n"  # fmt: skip


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "UA.txt"
    path.write_text("".join(dump_line(r) for r in ROWS), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "imports"


def known(real_gazetteer):
    return lambda pid: real_gazetteer.store.index_of(pid) is not None


def test_geonames_dump_keeps_places_districts_and_features(dump, folder, real_gazetteer):
    record = import_file(dump, folder=folder, known=known(real_gazetteer))
    assert (record.name, record.places, record.skipped_known, record.countries) == ("UA", 6, 1, ("RU", "UA"))
    places = {p.name: (p.kind, p.feature_code, names) for p, names, _code in load_imports(folder)}
    assert set(places) == {"Kalynove Pole", "Soniachne Pole", "Dniprovskyi Raion", "Kakhovka Reservoir", "Paris",
                           "Pogar Village"}  # fmt: skip
    assert places["Kalynove Pole"] == ("city", "PPL", ["Kalynove Pole", "Kalinovoye Pole", "Калинове Поле", "Калиновое Поле"])
    assert places["Dniprovskyi Raion"][0] == "other"


def test_zip_and_country_filter(dump, folder, tmp_path):
    archive = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(dump, "allCountries.txt")
    with pytest.raises(PlacesFileError, match="give --country"):
        import_file(archive, folder=folder)
    record = import_file(archive, folder=folder, countries=["RU"])
    assert (record.name, record.places) == ("allCountries", 1)


def test_malformed_dump_names_the_line(tmp_path, folder):
    bad = tmp_path / "UA.txt"
    bad.write_text(dump_line(ROWS[1]) + "900009\tBroken\tline\n", encoding="utf-8")
    with pytest.raises(PlacesFileError, match="line 2: a GeoNames dump has 19"):
        import_file(bad, folder=folder)
    assert list_imports(folder) == []  # nothing half-written


def test_place_list_geojson(tmp_path, folder):
    path = tmp_path / "villages.geojson"
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.55, 48.1]},
               "properties": {"name": "Novoekonomichne", "country": "UA", "alt_names": "Новоекономічне"}}  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    record = import_file(path, folder=folder)
    ((place, names, _code),) = list(load_imports(folder))
    assert (record.name, place.id, place.lat, place.lon, names) == (
        "villages", "import:novoekonomichne", 48.1, 37.55, ["Novoekonomichne", "Новоекономічне"]
    )


def test_imported_places_are_found_and_never_win_ties(dump, folder, real_gazetteer):
    import_file(dump, folder=folder, known=known(real_gazetteer))
    gazetteer = Gazetteer(imports=folder)
    found = {m.text: m.place for m in gazetteer.find("Fighting raged near Калинове Поле; a tractor hit a mine near Soniachne Pole.")}
    assert (found["Калинове Поле"].id, found["Soniachne Pole"].id) == ("gn:900001", "gn:900002")
    # A village called Paris does not take the name from the French capital.
    (paris,) = [m for m in gazetteer.find("Thousands protested in Paris on Saturday.") if m.text == "Paris"]
    assert paris.place.country == "FR"
    assert gazetteer.get("gn:900002").name == "Soniachne Pole"
    assert Gazetteer(imports=False).get("gn:900002") is None


def test_replace_list_and_remove(dump, folder):
    import_file(dump, folder=folder)
    import_file(dump, folder=folder)  # the same name again replaces it
    assert [i.name for i in list_imports(folder)] == ["UA"]
    assert remove_import("UA", folder).places == 7
    assert list_imports(folder) == [] and not (folder / "UA.csv").exists()
    with pytest.raises(PlacesFileError, match="no import named 'UA'"):
        remove_import("UA", folder)


def test_cli_import_list_remove(dump, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    runner = CliRunner()
    result = runner.invoke(cli, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "geomap: imported 6 places as 'UA' (1 already in the embedded data)\n"
    listed = runner.invoke(cli, ["gazetteer", "list"])
    assert listed.stdout.splitlines()[1].split("\t")[:3] == ["UA", "6", "RU,UA"]
    article = tmp_path / "a.txt"
    article.write_text("Fighting raged near Kalynove Pole on Tuesday.", encoding="utf-8")
    extracted = runner.invoke(cli, ["extract", str(article), "--published", "2024-03-06"])
    assert [f["properties"]["location"] for f in json.loads(extracted.stdout)["features"]] == ["Kalynove Pole"]
    assert runner.invoke(cli, ["gazetteer", "remove", "UA"]).exit_code == 0
    gone = runner.invoke(cli, ["gazetteer", "remove", "UA"])
    assert gone.exit_code == 1 and "no import named 'UA'" in gone.stderr
    bad = runner.invoke(cli, ["gazetteer", "import", str(dump), "--country", "ZZ"])
    assert bad.exit_code == 2
