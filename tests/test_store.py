"""The embedded gazetteer data and its loader (gazetteer.store)."""

from __future__ import annotations

import shutil

import pytest
from shapely.geometry import Point

from gazetteer.errors import DataError, UnknownKindError
from gazetteer.model import Place
from gazetteer.normalize import fold, fold_text
from gazetteer.store import (
    DEFAULT_DATA_DIR,
    NAME_ABBREV,
    NAME_CYRILLIC,
    NAME_MAIN,
    NAME_QUALIFIED,
    Store,
)


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.load()


def ids(store: Store, name: str) -> set[str]:
    return {store.place(i).id for i, _ in store.entries(fold(name))}


def best(store: Store, name: str, kind: str | None = None) -> Place:
    """The most populous place of a kind with this name (a stand-in for the resolver)."""
    places = [store.place(i) for i, _ in store.entries(fold(name))]
    places = [p for p in places if kind is None or p.kind == kind]
    assert places, f"no {kind or 'place'} named {name!r}"
    return max(places, key=lambda p: p.population)


@pytest.mark.parametrize(
    ("variants", "place_id"),
    [
        (["Kharkov", "Kharkiv", "Харьков", "Харків"], "gn:706483"),
        (["Kiev", "Kyiv", "Київ", "Киев"], "gn:703448"),
        (["Odessa", "Odesa", "Одесса"], "gn:698740"),
        (["Nikolaev", "Mykolaiv", "Николаев"], "gn:700569"),
        (["Zaporozhye", "Zaporizhzhia", "Zaporizhia", "Запорожье"], "gn:687700"),
        (["Ust-Luga", "Ust Luga", "Ust’-Luga", "Усть-Луга"], "gn:478036"),
        (["Novorossiysk", "Новороссийск"], "gn:518255"),
    ],
)
def test_spelling_variants_reach_one_place(store, variants, place_id):
    for name in variants:
        assert place_id in ids(store, name), name


def test_ust_luga_place(store):
    place = store.place(store.index_of("gn:478036"))
    assert place.name == "Ust’-Luga"
    assert place.kind == "city"
    assert place.country == "RU"
    assert place.admin1 == "Leningrad Oblast"
    assert place.lat == pytest.approx(59.67, abs=0.01)
    assert place.lon == pytest.approx(28.29, abs=0.01)
    assert place.geonameid == 478036
    assert store.admin1_code(store.index_of("gn:478036")) == "42"


@pytest.mark.parametrize(
    "phrase",
    ["Kursk Oblast", "Kursk oblast", "Kursk region", "Kurskaya oblast", "Курская область"],
)
def test_region_phrasings_are_qualified_keys(store, phrase):
    entries = store.entries(fold(phrase))
    kursk = store.admin1("RU", "41")
    assert kursk is not None
    assert [flags for idx, flags in entries if idx == kursk], phrase
    assert all(store.place(i).kind == "admin1" for i, _ in entries)
    if phrase != "Курская область":
        assert any(flags & NAME_QUALIFIED for idx, flags in entries if idx == kursk)


@pytest.mark.parametrize(
    ("phrase", "country", "name"),
    [
        ("Krasnodar Krai", "RU", "Krasnodar Krai"),
        ("Moscow Oblast", "RU", "Moscow Oblast"),
        ("Moscow region", "RU", "Moscow Oblast"),
        ("Republic of Crimea", "UA", "Crimea"),
        ("Texas", "US", "Texas"),
        ("Texas state", "US", "Texas"),
        ("Idlib Governorate", "SY", "Idlib"),
        ("Sindh Province", "PK", "Sindh"),
    ],
)
def test_regions(store, phrase, country, name):
    places = [store.place(i) for i, _ in store.entries(fold(phrase))]
    regions = [p for p in places if p.kind == "admin1"]
    assert [(p.country, p.name) for p in regions] == [(country, name)]


def test_bare_region_and_city_share_a_key(store):
    kinds = {store.place(i).kind for i, _ in store.entries("kursk")}
    assert {"admin1", "city"} <= kinds


def test_washington_includes_the_capital(store):
    places = [store.place(i) for i, _ in store.entries("washington")]
    dc = [p for p in places if p.kind == "city" and p.admin1 == "District of Columbia"]
    assert dc and dc[0].feature_code == "PPLC"
    assert dc[0].lat == pytest.approx(38.9, abs=0.1)
    assert any(p.id == "admin1:US.WA" for p in places)


def test_cyrillic_keys_are_flagged(store):
    entries = store.entries(fold("Курская область"))
    assert entries and all(flags & NAME_CYRILLIC for _, flags in entries)
    assert not any(flags & NAME_CYRILLIC for _, flags in store.entries("kursk oblast"))


def test_main_name_flag(store):
    idx = store.index_of("gn:518255")
    assert (idx, NAME_MAIN) in [(i, f & NAME_MAIN) for i, f in store.entries("novorossiysk")]


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Ukraine", "UA"), ("Russia", "RU"), ("Russian Federation", "RU"), ("North Korea", "KP"),
     ("Saudi Arabia", "SA"), ("Britain", "GB"), ("Netherlands", "NL"), ("Россия", "RU"),
     ("Україна", "UA")],
)
def test_countries(store, name, iso):
    assert store.place(store.country(iso)).id == f"country:{iso}"
    assert store.country(iso) in [i for i, _ in store.entries(fold(name))]


@pytest.mark.parametrize(("abbrev", "iso"), [("US", "US"), ("U.S.", "US"), ("USA", "US"), ("UK", "GB")])
def test_country_abbreviations(store, abbrev, iso):
    idx = store.country(iso)
    assert any(i == idx and f & NAME_ABBREV for i, f in store.entries(fold(abbrev)))


def test_no_airport_codes(store):
    moscow = store.index_of("gn:524901")
    for code in ("mow", "svo"):
        assert moscow not in [i for i, _ in store.entries(code)]


def test_country_place(store):
    place = store.place(store.country("UA"))
    assert place.kind == "country"
    assert place.population > 30_000_000
    assert 44 < place.lat < 53 and 22 < place.lon < 41


def test_lookup_by_id_round_trips(store):
    for pid in ("country:RU", "admin1:RU.41", "gn:703448", "sea:black-sea"):
        idx = store.index_of(pid)
        assert idx is not None, pid
        assert store.place(idx).id == pid
    assert store.index_of("gn:1") is None
    assert store.index_of("gn:notanumber") is None
    assert store.index_of("nothing:here") is None


def test_admin1_codes(store):
    kursk_city = best(store, "Kursk", "city")
    idx = store.index_of(kursk_city.id)
    assert store.admin1_code(idx) == "41"
    assert store.place(store.admin1("RU", "41")).name == kursk_city.admin1
    assert store.admin1_code(store.country("RU")) is None
    assert store.admin1("RU", "nope") is None


@pytest.mark.parametrize(
    ("demonym", "iso"),
    [("ukrainian", "UA"), ("ukrainians", "UA"), ("russian", "RU"), ("russians", "RU"),
     ("north korean", "KP"), ("north koreans", "KP"), ("south korean", "KR"), ("american", "US"),
     ("british", "GB"), ("french", "FR")],
)
def test_demonyms(store, demonym, iso):
    assert store.demonym(demonym) == iso


def test_not_a_demonym(store):
    assert store.demonym("kursk") is None


def test_zipf(store):
    assert store.zipf("echo") > 3
    assert store.zipf("police") > 4
    assert store.zipf("novorossiysk") == 0.0
    assert store.zipf("moscow") == 0.0  # a proper name, not an English word
    assert store.zipf("not a key") == 0.0


def test_keys_at_finds_prefixes_shortest_first(store):
    folded, _ = fold_text("Strikes hit the Kursk Oblast border.")
    pos = folded.index("kursk")
    keys = store.keys_at(folded, pos)
    assert "kursk" in keys and "kursk oblast" in keys
    assert keys == sorted(keys, key=len)
    assert all(folded.startswith(k, pos) for k in keys)
    assert store.keys_at(folded, pos, max_len=5)[-1] == "kursk"


def test_entries_miss(store):
    assert store.entries("no such place anywhere") == []


def test_region_geometry(store):
    kursk = store.geometry(store.admin1("RU", "41"))
    # shapely speaks (lon, lat).
    assert kursk.contains(Point(36.2, 51.7))
    assert not kursk.contains(Point(37.6, 55.75))
    assert kursk.is_valid
    assert store.geometry(store.index_of("gn:703448")) is None


def test_shapes(store):
    countries = store.shapes("country")
    assert len(countries) > 200
    assert all(place.kind == "country" and geom.is_valid for place, geom in countries)
    ukraine = dict((p.id, g) for p, g in countries)["country:UA"]
    assert ukraine.contains(Point(30.52, 50.45))  # Kyiv
    seas = dict((p.name, g) for p, g in store.shapes("sea"))
    assert seas["Black Sea"].contains(Point(34.0, 43.0))
    with pytest.raises(UnknownKindError, match="planet"):
        store.shapes("planet")
    with pytest.raises(ValueError):  # callers' "except ValueError" still works
        store.shapes("planet")


def test_city_shapes_are_big_cities_and_capitals(store):
    cities = store.shapes("city")
    by_id = {p.id: (p, g) for p, g in cities}
    places = [p for p, _ in cities]
    assert all(p.kind == "city" and (p.population >= 150_000 or p.feature_code == "PPLC") for p in places)
    # Kyiv is big; Ust-Luga is a village and not a label.
    kyiv = next(p for p, _ in cities if p.name == "Kyiv")
    assert (by_id[kyiv.id][1].x, by_id[kyiv.id][1].y) == (kyiv.lon, kyiv.lat)
    assert not any(p.name.startswith("Ust") and "Luga" in p.name for p in places)
    # A capital under the population line is still there (Andorra la Vella, ~20,000 people).
    assert any(p.feature_code == "PPLC" and p.population < 150_000 for p in places)
    assert 1_000 < len(cities) < 20_000


def test_len(store):
    assert len(store) > 234_908


def test_place_index_out_of_range(store):
    with pytest.raises(IndexError):
        store.place(len(store))


def test_missing_dir_raises_data_error(tmp_path):
    with pytest.raises(DataError, match="not found"):
        Store.load(tmp_path / "missing")


def test_incomplete_dir_raises_data_error(tmp_path):
    shutil.copy(DEFAULT_DATA_DIR / "meta.json", tmp_path / "meta.json")
    with pytest.raises(DataError, match="missing"):
        Store.load(tmp_path)


def test_corrupt_data_raises_data_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "names.marisa").write_bytes(b"not a trie")
    with pytest.raises(DataError):
        Store.load(data)


def test_corrupt_places_raise_data_error_on_first_use(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    (data / "places.npz").write_bytes(b"broken")
    store = Store.load(data)
    with pytest.raises(DataError):
        store.place(0)


def test_other_format_raises_data_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    meta = (data / "meta.json").read_text(encoding="utf-8").replace('"format": 1', '"format": 999')
    (data / "meta.json").write_text(meta, encoding="utf-8")
    with pytest.raises(DataError, match="format"):
        Store.load(data)


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Walton County", "admin2:US.12131"),
        ("Rapides Parish", "admin2:US.22079"),
        ("Cook County", "admin2:US.17031"),
    ],
)
def test_us_counties(store, name, place_id):
    places = {store.place(i).id: store.place(i) for i, _ in store.entries(fold(name))}
    county = places[place_id]
    assert county.feature_code == "ADM2" and county.country == "US"
    assert county.admin1 is not None
    assert place_id not in ids(store, name.rsplit(" ", 1)[0])  # bare "Cook" is no key of the county


def test_cook_county_is_the_big_one(store):
    cook = [store.place(i) for i, _ in store.entries("cook county")]
    assert max(cook, key=lambda p: p.population).admin1 == "Illinois"


@pytest.mark.parametrize(("short", "long"), [("St. Cloud", "Saint Cloud"), ("Mt. Vernon", "Mount Vernon"),
                                             ("Ft. Worth", "Fort Worth")])
def test_word_equivalents(store, short, long):
    assert {i for i, _ in store.entries(fold(short))} == {i for i, _ in store.entries(fold(long))}
    assert store.entries(fold(short))


@pytest.mark.parametrize(("abbrev", "state"), [("Kan.", "Kansas"), ("Calif.", "California"), ("TX", "Texas"),
                                               ("N.Y.", "New York")])
def test_state_abbreviations_are_flagged(store, abbrev, state):
    hits = [(store.place(i), f) for i, f in store.entries(fold(abbrev)) if store.place(i).kind == "admin1"]
    assert [(p.name, bool(f & NAME_ABBREV)) for p, f in hits] == [(state, True)]


def test_generic_region_names_are_no_keys(store):
    # Cameroon's "South" region keeps its qualified name only.
    for word in ("south", "southern", "north"):
        assert all(store.place(i).kind != "admin1" for i, _ in store.entries(word)), word


@pytest.mark.parametrize(("name", "kind"), [("Africa", "other"), ("Europe", "other"), ("Middle East", "other"),
                                            ("Donbas", "other"), ("Darfur", "other"), ("Strait of Hormuz", "sea")])
def test_continents_and_regions(store, name, kind):
    assert kind in {store.place(i).kind for i, _ in store.entries(fold(name))}


def test_city_abbreviations(store):
    nyc = store.index_of("gn:5128581")
    assert any(i == nyc and f & NAME_ABBREV for i, f in store.entries("nyc"))


@pytest.mark.parametrize(
    ("alternate", "place_id"),
    [("The City", "gn:4839921"), ("Henry", "gn:4802333"), ("Pa", "gn:1814906")],
)
def test_unrelated_alternates_of_small_places_are_dropped(store, alternate, place_id):
    assert store.index_of(place_id) is not None
    assert place_id not in ids(store, alternate)


def test_spelling_alternates_of_small_places_are_kept(store):
    assert "gn:690823" in ids(store, "Ugledar")  # Vuhledar, 14,000 people


@pytest.mark.parametrize(
    ("iso", "code", "name"),
    [("UA", "07", "Kharkiv Oblast"), ("RU", "42", "Leningrad Oblast"), ("RU", "41", "Kursk Oblast"),
     ("US", "TX", "Texas")],
)
def test_region_display_names(store, iso, code, name):
    assert store.place(store.admin1(iso, code)).name == name


def test_bare_oblast_name_is_still_a_key(store):
    assert store.admin1("UA", "07") in [i for i, _ in store.entries("kharkiv")]


@pytest.mark.parametrize(
    ("iso", "code", "lon", "lat"),
    [("GB", "ENG", -1.9, 52.48), ("ES", "51", -5.98, 37.39), ("IT", "09", 9.19, 45.46)],
)
def test_regions_split_finer_in_natural_earth_have_polygons(store, iso, code, lon, lat):
    # England (Birmingham), Andalusia (Seville), Lombardy (Milan).
    geom = store.geometry(store.admin1(iso, code))
    assert geom is not None and geom.is_valid
    assert geom.contains(Point(lon, lat))


def test_all_polygons_are_valid(store):
    for kind in ("country", "admin1", "sea"):
        assert all(geom.is_valid and not geom.is_empty for _, geom in store.shapes(kind)), kind


def test_manifest_matches_the_data_files():
    import hashlib
    import json

    manifest = json.loads((DEFAULT_DATA_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["inputs"] and all(i["package"] and i["version"] for i in manifest["inputs"])
    for name, record in manifest["outputs"].items():
        data = (DEFAULT_DATA_DIR / name).read_bytes()
        assert len(data) == record["bytes"], name
        assert hashlib.sha256(data).hexdigest() == record["sha256"], name
    total = sum(r["bytes"] for r in manifest["outputs"].values())
    # The committed data stays compact: under 25 MB (places.npz is stored uncompressed since
    # issue #13's cold start, 19.7 MB in all).
    assert total < 25_000_000


# -- the rules the build applies (gazetteer.build.build) ------------------------------------------


@pytest.mark.parametrize(
    ("key", "bare"),
    [("kursk oblast", "kursk"), ("krasnodar krai", "krasnodar"), ("republic of crimea", "crimea"),
     ("autonomous republic of crimea", "crimea"), ("idlib governorate", "idlib"), ("texas", "texas"),
     ("oblast", "oblast")],
)
def test_strip_type(key, bare):
    from gazetteer.build.build import strip_type

    assert strip_type(key) == bare


@pytest.mark.parametrize(
    ("demonym", "plural"),
    [("Ukrainian", "Ukrainians"), ("North Korean", "North Koreans"), ("Chinese", "Chinese"),
     ("British", "British"), ("Swiss", "Swiss"), ("Dutch", "Dutch")],
)
def test_plural(demonym, plural):
    from gazetteer.build.build import plural as make_plural

    assert make_plural(demonym) == plural


def test_word_variants():
    from gazetteer.build.build import word_variants

    assert word_variants("st cloud") == ["saint cloud"]
    assert word_variants("mount vernon") == ["mt vernon"]
    assert word_variants("st") == []  # a lone word stays as it is
    assert word_variants("kursk") == []


@pytest.mark.parametrize(
    ("alt", "main", "population", "kept"),
    [
        ("Ugledar", "Vuhledar", 14_000, True),  # a spelling of the main name
        ("Угледар", "Vuhledar", 14_000, True),  # Cyrillic
        ("Henry", "Clay", 1_000, False),  # unrelated, small place
        ("Artemivsk", "Bakhmut", 80_000, True),  # unrelated but a big place
        ("The City", "Oakville", 100_000, False),  # generic words
        ("Pa", "Chongqing", 7_000_000, False),  # two letters
        ("MOW", "Moscow", 10_000_000, False),  # airport-like code
        ("lwga awblast lnyngrad", "Luga", 40_000, False),  # machine romanisation
        ("東京", "Tokyo", 8_000_000, False),  # another script
    ],
)
def test_keep_city_alternate(alt, main, population, kept):
    from gazetteer.build.build import keep_city_alternate

    assert keep_city_alternate(alt, fold(main), population) is kept


def test_abbreviations_and_generic_keys():
    from gazetteer.build.build import is_abbreviation, is_generic

    assert is_abbreviation("TX") and is_abbreviation("Tex.") and is_abbreviation("N.Y.")
    assert not is_abbreviation("Texas")
    assert is_generic("south") and is_generic("north west") and not is_generic("south sudan")


def test_display_name():
    from gazetteer.build.build import display_name

    ne_kharkiv = {"name_en": "Kharkiv", "type": "Oblast'", "type_en": "Region"}
    ne_leningrad = {"name_en": "Leningrad", "type": "Oblast", "type_en": "Region"}
    ne_crimea = {"name_en": "Crimea", "type": "Oblast", "type_en": "Autonomous Republic"}
    assert display_name("Kharkiv", [ne_kharkiv]) == "Kharkiv Oblast"
    assert display_name("Leningradskaya Oblast'", [ne_leningrad]) == "Leningrad Oblast"
    assert display_name("Crimea", [ne_crimea]) == "Crimea"
    assert display_name("Texas", []) == "Texas"


def test_adjective_region_names_are_no_keys(store):
    jewish_ao = store.admin1("RU", "89")
    assert jewish_ao not in [i for i, _ in store.entries("jewish")]
    assert jewish_ao in [i for i, _ in store.entries("jewish autonomous oblast")]


@pytest.mark.parametrize(
    ("name", "feature_code"),
    [("Black Sea", "SEA"), ("Gulf of Finland", "GULF"), ("Kerch Strait", "STRT"), ("Middle East", "RGN"),
     ("Africa", "CONT"), ("Heathrow", "AIRP"), ("Sheremetyevo", "AIRP")],
)
def test_feature_codes_of_areas(store, name, feature_code):
    assert feature_code in {store.place(i).feature_code for i, _ in store.entries(fold(name))}


@pytest.mark.parametrize(
    ("iso", "lat", "lon"),
    [("US", 39.8, -98.6), ("RU", 60.0, 100.0), ("CN", 35.0, 105.0), ("UA", 49.0, 32.0)],
)
def test_country_points_are_geographic_centres(store, iso, lat, lon):
    place = store.place(store.country(iso))
    assert place.lat == pytest.approx(lat, abs=0.5)
    assert place.lon == pytest.approx(lon, abs=0.5)


def test_natural_earth_codes_that_name_another_region_are_not_joined(store):
    # Natural Earth's Paris département carries code FR.75, GeoNames' Nouvelle-Aquitaine.
    aquitaine = store.geometry(store.admin1("FR", "75"))
    assert aquitaine.contains(Point(-0.58, 44.84))  # Bordeaux
    assert not aquitaine.contains(Point(2.35, 48.86))  # Paris
    assert store.geometry(store.admin1("FR", "11")).contains(Point(2.35, 48.86))


@pytest.mark.parametrize(("name", "region"), [("Lancashire", "England"), ("Seine-Saint-Denis", "Île-de-France")])
def test_finer_natural_earth_units_are_places(store, name, region):
    places = [store.place(i) for i, _ in store.entries(fold(name)) if store.place(i).id.startswith("ne:")]
    assert places and places[0].admin1 == region and places[0].feature_code == "ADM2"


def test_finer_units_leave_city_names_to_cities(store):
    milan = [store.place(i) for i, _ in store.entries("milano")]
    assert milan and all(p.kind == "city" for p in milan)
    assert any(store.place(i).id.startswith("ne:") for i, _ in store.entries("milan province"))


@pytest.mark.parametrize(
    ("name", "iso", "code"),
    [("Donetsk People's Republic", "UA", "05"), ("Luhansk People's Republic", "UA", "14")],
)
def test_other_region_names(store, name, iso, code):
    assert store.admin1(iso, code) in [i for i, _ in store.entries(fold(name))]


def test_small_countries_regions_named_like_people_are_no_bare_keys(store):
    # Isle of Man parishes "Michael" and "Patrick".
    for name in ("michael", "patrick"):
        places = [store.place(i) for i, _ in store.entries(name)]
        assert not [p for p in places if p.kind == "admin1" and p.country == "IM"], name


def test_build_replaces_files_without_touching_open_ones(tmp_path):
    from gazetteer.build.build import replacing

    target = tmp_path / "names.marisa"
    target.write_bytes(b"old data")
    with open(target, "rb") as reader:  # a running process that mapped the old file
        with replacing(target) as tmp:
            tmp.write_bytes(b"new data, longer")
            assert target.read_bytes() == b"old data"  # nothing visible until done
        assert reader.read() == b"old data"
    assert target.read_bytes() == b"new data, longer"
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("build failed")
    assert target.read_bytes() == b"new data, longer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names.marisa"]



@pytest.mark.parametrize(
    ("name", "keywords", "expected", "not_expected"),
    [
        ("Saky Air Base", "Аэродом Саки, URFI", ["Saky Air Base", "Saky airfield", "Saky airbase"], ["Saky", "URFI"]),
        ("Sevastopol International Airport / Belbek Air Base", "Аэропорт Бельбек, URFB",
         ["Belbek Air Base", "Belbek airfield", "Sevastopol airport", "аэродром Бельбек"], ["Belbek", "Sevastopol"]),
        ("Long Beach Airport (Daugherty Field)", "", ["Long Beach Airport"], ["Long Beach"]),
        ("Manas", "", [], ["Manas"]),  # no type word: the bare name stays the town's
    ],
)  # fmt: skip
def test_airfield_names_keep_a_type_word(name, keywords, expected, not_expected):
    from gazetteer.build.build import airfield_names

    names = airfield_names(name, keywords)
    assert set(expected) <= set(names)
    assert not set(not_expected) & set(names)


@pytest.mark.parametrize(
    ("place_id", "code", "admin1"),
    [("airport:UKFI", "AIRB", "Crimea"), ("airport:RU-8602", "AIRB", "Saratov Oblast"),
     ("airport:URRM", "AIRB", "Rostov Oblast"), ("airport:UKBB", "AIRP", "Kyiv Oblast")],
)
def test_air_bases_and_airports_from_ourairports(store, place_id, code, admin1):
    place = store.place(store.index_of(place_id))
    assert place.kind == "other" and place.feature_code == code and place.admin1 == admin1
