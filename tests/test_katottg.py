"""Ukraine's villages from KATOTTG: placed at their community's centre, never merged by that point.

The build step (``gazetteer/build/katottg.py``) is tested on made-up codifier rows;
the embedded data on front-line villages GeoNames' cities500 lacks. Places of
this kind are ``katottg:<code>``, ``approximate``: an incident there is "near"
(geo-precision 2).
"""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer.build import katottg
from gazetteer.build.build import bgn_latin
from gazetteer.build.katottg import Unit
from gazetteer.model import Place
from geomap.article import Article
from geomap.incidents import Incident, incidents_from_article
from geomap.merge import merge_incidents

# -- the build step ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Андріївська", "андріів"), ("Бахмутський", "бахмут"), ("Куп’янська", "купян"), ("Мельнична", None)],
)
def test_adjective_stem(name, stem):
    assert katottg.adjective_stem(name) == stem


@pytest.mark.parametrize(
    ("name", "russian", "bgn"),
    [
        ("Велетенське", "Велетенское", "Veletenske"),
        ("Роботине", "Роботино", "Robotyne"),
        ("Таврійськ", "Таврийск", "Tavriysk"),
        ("Нова Маячка", "Новая Маячка", "Nova Mayachka"),
        ("Одрадокам’янка", "Одрадокамьянка", "Odradokamyanka"),
        ("Корсунка", None, "Korsunka"),
        ("Підстепне", "Подстепное", "Pidstepne"),
    ],
)
def test_other_spellings(name, russian, bgn):
    assert katottg.russian_form(name) == russian
    assert bgn_latin(name) == bgn


def test_loose_latin_joins_the_romanisations_of_one_name():
    keys = {katottg.loose_latin(k) for k in ("andriivka", "andriyivka", "andrijivka")}
    assert len(keys) == 1
    assert katottg.loose_latin("aromatnoye") == katottg.loose_latin("aromatne")
    assert katottg.loose_latin("andriivka") != katottg.loose_latin("andrusivka")


def _city(gid, name, uk, lat, lon, admin1="05"):
    return str(gid), {"countrycode": "UA", "admin1code": admin1, "name": name, "alternatenames": [uk],
                      "latitude": lat, "longitude": lon, "population": 1000}  # fmt: skip


def _codifier():
    o, p, h1, h2 = "UA14000000000000001", "UA14020000000000002", "UA14020010000000003", "UA14020030000000004"
    units = [Unit(o, "O", "Донецька", o, None, None), Unit(p, "P", "Бахмутський", o, p, None)]
    units += [Unit(h1, "H", "Бахмутська", o, p, h1)]
    # The centre comes first, the others in alphabetical order (as in the codifier).
    for i, (cat, name) in enumerate([("M", "Бахмут"), ("C", "Кліщіївка"), ("C", "Іванівське"), ("T", "Зайцеве")]):
        units.append(Unit(f"{h1[:-3]}{i:03d}", cat, name, o, p, h1))
    units += [Unit(h2, "H", "Світлодарська", o, p, h2), Unit(h2[:-3] + "100", "M", "Світлодарськ", o, p, h2)]
    units += [Unit(h2[:-3] + "101", "C", "Луганське", o, p, h2)]
    # More towns of the oblast, so that its GeoNames region is told by a clear majority.
    units += [Unit(f"UA1409{i:015d}", "M", town, o, "UA14090000000000009", "UA14090010000000010")
              for i, town in enumerate(["Краматорськ", "Слов’янськ", "Дружківка"])]  # fmt: skip
    return units


def _cities():
    return dict([
        _city(1, "Bakhmut", "Бахмут", 48.595, 38.0),
        _city(2, "Zaitseve", "Зайцеве", 48.54, 38.05),
        _city(3, "Kramatorsk", "Краматорськ", 48.72, 37.56),
        _city(4, "Slov'yans'k", "Слов'янськ", 48.85, 37.6),
        _city(5, "Druzhkivka", "Дружківка", 48.62, 37.53),
        _city(6, "Ivanivs'ke", "Іванівське", 44.0, 33.0, admin1="11"),  # a namesake in Crimea
    ])  # fmt: skip


def test_villages_geonames_lacks_are_placed_at_their_hromada_centre():
    added, matched, stats = katottg.place_settlements(_codifier(), _cities())
    by_name = {s.name: s for s in added}
    # Кліщіївка and Іванівське are missing in the oblast: at Bakhmut, the hromada's centre.
    assert (by_name["Кліщіївка"].lat, by_name["Кліщіївка"].lon) == (48.595, 38.0)
    assert by_name["Іванівське"].admin1 == "UA.05"  # the Crimean namesake is another place
    # Bakhmut and Zaitseve are GeoNames' own; Svitlodarsk's hromada has no centre GeoNames knows.
    assert not {"Бахмут", "Зайцеве", "Луганське", "Світлодарськ"} & set(by_name)
    # The other towns' hromada is not in the rows: no centre, so not added.
    assert stats["in cities500"] == 2 and stats["no centre"] == 5 and matched == {}


def _dump_village(gid, name, uk, lat, lon, admin1="05"):
    return str(gid), {"countrycode": "UA", "admin1code": admin1, "name": name, "alternatenames": [uk],
                      "latitude": lat, "longitude": lon, "population": 0}  # fmt: skip


def test_villages_of_the_dump_are_matched_to_the_codifier():
    dump = dict([
        _dump_village(101, "Klishchiivka", "Кліщіївка", 48.53, 37.97),  # 9 km from Bakhmut: it
        _dump_village(102, "Klishchiivka", "Кліщіївка", 48.0, 37.0),  # a namesake 100 km away: not it
        _dump_village(103, "Ivanivske", "Іванівське", 48.56, 37.95, admin1="11"),  # in Crimea: not it
    ])  # fmt: skip
    added, matched, stats = katottg.place_settlements(_codifier(), _cities(), dump)
    assert matched == {"101": "Кліщіївка"}
    # Іванівське has no point of its own in the oblast: at its hromada's centre, as without the dump
    assert [s.name for s in added] == ["Іванівське"]
    assert (stats["in the dump"], stats["approximate"], stats["in cities500"]) == (1, 1, 2)


def test_a_settlement_without_a_centre_matches_its_oblasts_only_namesake():
    dump = dict([_dump_village(201, "Luhanske", "Луганське", 48.44, 38.24)])
    added, matched, stats = katottg.place_settlements(_codifier(), _cities(), dump)
    assert matched == {"201": "Луганське"} and stats["in the dump, no centre"] == 1


# -- the embedded data ---------------------------------------------------------------------------


def _found(gaz, text):
    return {m.text: m for m in gaz.find(text) if not m.demonym}


@pytest.mark.parametrize(
    ("text", "surface", "region"),
    [
        # ACLED's "village, oblast" and a General Staff list ending with the oblast
        ("Russian forces shelled Robotyne, Zaporizhzhia, on 5 July.", "Robotyne", "Zaporizhzhia Oblast"),
        ("Ворог атакував у районах Попів Яр, Золотий Колодязь, Новоекономічне на Покровському напрямку Донеччини.",
         "Золотий Колодязь", "Donetsk Oblast"),
        ("A tractor hit a mine between the villages of Kostyrka and Novovoznesenske in the Kherson region.",
         "Novovoznesenske", "Kherson Oblast"),
        # BGN/PCGN and Russian spellings
        ("Russia shelled Odradokamyanka in the Kherson region on Thursday.", "Odradokamyanka", "Kherson Oblast"),
        ("Обстрелу подверглись Велетенское и Корсунка Херсонской области.", "Велетенское", "Kherson Oblast"),
        ("Russian troops shelled Veletenskoye, Kherson region.", "Veletenskoye", "Kherson Oblast"),
    ],
)  # fmt: skip
def test_front_line_villages_are_found_in_their_region(real_gazetteer, text, surface, region):
    # GeoNames' Ukraine dump has them: each at its own point, with the codifier's names
    mention = _found(real_gazetteer, text)[surface]
    assert mention.place.id.startswith("gn:") and not mention.place.approximate
    assert mention.place.admin1 == region


def test_a_village_is_at_its_own_point(real_gazetteer):
    from gazetteer.resolver import haversine_km

    robotyne = _found(real_gazetteer, "Russian forces shelled Robotyne, Zaporizhzhia.")["Robotyne"].place
    assert robotyne.id == "gn:695586" and robotyne.name == "Robotyne"
    assert haversine_km(robotyne.lat, robotyne.lon, 47.448, 35.837) <= 1


def test_a_village_only_the_codifier_knows_is_at_its_community_centre(real_gazetteer):
    verkhnokamianske = _found(real_gazetteer, "Russian forces shelled Verkhnokamianske, Donetsk Oblast.")["Verkhnokamianske"].place
    assert verkhnokamianske.id.startswith("katottg:") and verkhnokamianske.approximate
    assert verkhnokamianske.admin1 == "Donetsk Oblast"


def test_a_village_name_alone_needs_its_region(real_gazetteer):
    # "Zoria" and "Vilne" are villages (of GeoNames' dump and of the codifier), and a word or a brand.
    for text in ("The Zoria brand opened a shop.", "Вільне слово лунає в Україні."):
        assert not [m for m in real_gazetteer.find(text) if m.place.approximate or m.place.feature_code == "PPL"]


def test_a_big_city_keeps_its_name_against_villages_in_the_region_named(real_gazetteer):
    # Donetsk Oblast has two villages called Zaporizhzhia; the city of 710,000 is meant.
    text = "The Pokrovsk direction in Donetsk Oblast saw 37 attacks. Russians strike Zaporizhzhia: two people killed."
    assert _found(real_gazetteer, text)["Zaporizhzhia"].place.name == "Zaporizhzhya"


@pytest.mark.parametrize(
    ("village", "precision"),
    [
        ("Verkhnokamianske", 2),  # only KATOTTG knows it: at its hromada's centre, near it
        ("Klishchiivka", 1),  # a village of GeoNames' dump: at its own point
    ],
)
def test_an_incident_at_a_small_village(real_gazetteer, village, precision):
    text = f"Russian forces shelled {village}, Donetsk Oblast, on 3 March 2024, killing two civilians."
    article = Article(text=text, source="s.txt", published=date(2024, 3, 4), offset=0)
    incidents = incidents_from_article(article, real_gazetteer)
    (incident,) = [i for i in incidents if i.place.name == village]
    assert incident.geo_precision == precision and incident.fatalities == 2


# -- merging ---------------------------------------------------------------------------------------


def _incident(place, article):
    return Incident("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence", place,
                    2, date(2024, 3, 1), 1, sources=[article], article_key=article)  # fmt: skip


def test_places_sharing_a_community_centre_stay_apart():
    orikhiv = Place("gn:1", "Orikhiv", "city", "UA", "Zaporizhzhia Oblast", 47.57, 35.79, 14000)
    robotyne = Place("katottg:UA1", "Robotyne", "city", "UA", "Zaporizhzhia Oblast", 47.57, 35.79)
    mala = Place("katottg:UA2", "Mala Tokmachka", "city", "UA", "Zaporizhzhia Oblast", 47.57, 35.79)
    assert robotyne.approximate and not orikhiv.approximate
    incidents = [_incident(orikhiv, "a"), _incident(robotyne, "b"), _incident(mala, "c"), _incident(robotyne, "d")]
    merged = merge_incidents(incidents)
    assert sorted(len(i.sources) for i in merged) == [1, 1, 2]  # only Robotyne told twice is one


def test_ids_are_the_codifiers_and_lead_back_to_the_place(real_gazetteer):
    # meta.json does not list them: the store makes them from the codes in places.npz
    verkhnokamianske = _found(real_gazetteer, "Russian forces shelled Verkhnokamianske, Donetsk Oblast.")["Verkhnokamianske"].place
    assert verkhnokamianske.id == "katottg:UA14020030020040419"
    assert real_gazetteer.get(verkhnokamianske.id) == verkhnokamianske
    assert real_gazetteer.get("katottg:UA14020030020040418") is None
    assert real_gazetteer.get("katottg:UAxyz") is None
