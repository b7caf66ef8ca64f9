"""Extraction on hand-written articles in the styles it will meet, with the real gazetteer.

Wire copy, ISW-style assessments, local news and official statements
(``tests/data/articles/``). Every expectation is read from the article's own
words: what happened, where (within a few km of the place the text names), when
(against the article's date line), how many were killed and hurt, and who.

Where the gazetteer, not extraction, resolves a name to the wrong place, the test
is marked ``xfail(strict=True)`` with the reason: when the gazetteer is fixed it
XPASSes, which fails the run, and the mark must come off.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from geomap.article import Article
from geomap.incidents import incidents_from_article

RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"


@pytest.fixture(scope="module")
def gazetteer(real_gazetteer):
    return real_gazetteer


@pytest.fixture(scope="module")
def extract(data_dir, gazetteer):
    def run(name):
        text = (data_dir / "articles" / name).read_text(encoding="utf-8")
        assert text.startswith(" date ")
        article = Article(text=text[17:], source=name, published=date.fromisoformat(text[6:16]), offset=17)
        return incidents_from_article(article, gazetteer)

    return run


def _km(place, lat, lon):
    p1, p2 = math.radians(place.lat), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - place.lon) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _only(incidents, sub_event_type):
    found = [i for i in incidents if i.sub_event_type == sub_event_type]
    assert len(found) == 1, [(i.sub_event_type, i.place.name) for i in incidents]
    return found[0]


def test_wire_missile_strike_on_odesa_port(extract):
    (incident,) = extract("odesa_port_missile.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert _km(incident.place, 46.48, 30.73) < 10 and incident.geo_precision == 1
    assert (incident.event_date, incident.time_precision) == (date(2024, 11, 18), 1)
    assert (incident.fatalities, incident.injured) == (4, 15)  # "at least 15": the lowest figure
    assert (incident.actor1, incident.actor2) == (RUSSIA, "Civilians (Ukraine)")


def test_shelling_of_kherson_one_victim_named_not_counted(extract):
    incidents = extract("kherson_shelling.txt")
    # The second paragraph ("have repeatedly shelled the city ... since November 2022")
    # is background, and "the Dnipro river" is no place of an event.
    assert len(incidents) == 1
    (incident,) = incidents
    assert incident.sub_event_type == "Shelling/artillery/missile attack"
    assert (incident.event_date, incident.time_precision) == (date(2024, 6, 9), 1)  # "throughout Sunday"
    assert (incident.fatalities, incident.injured) == (1, 3)  # "A 67-year-old woman was killed", "three other residents"
    assert incident.actor1 == RUSSIA


def test_shelling_of_kherson_is_in_the_city(extract):
    (incident,) = extract("kherson_shelling.txt")
    assert incident.place.kind == "city" and _km(incident.place, 46.64, 32.61) < 10


def test_isw_style_clashes_near_pokrovsk(extract):
    incidents = extract("pokrovsk_clashes.txt")
    assert {i.event_type for i in incidents} == {"Battles"}
    # "near Pokrovsk" and "near Shevchenko, southwest of Pokrovsk": two settlements the text names apart
    near = [i for i in incidents if _km(i.place, 48.28, 37.18) < 10 and not i.place.approximate]
    assert sorted(i.place.name for i in near) == ["Pokrovsk", "Shevchenko"]
    # "in eastern Kotlyne", a village of GeoNames' Ukraine dump (once placed at its community's
    # centre, Pokrovsk's point): its own, at its own point
    kotlyne = [i for i in incidents if i.place.name == "Kotlyne"]
    assert [(i.geo_precision, i.place.approximate) for i in kotlyne] == [(1, False)]
    near = [i for i in near if i.place.name == "Pokrovsk"]
    assert near[0].geo_precision == 2  # "near Pokrovsk"
    assert (near[0].event_date, near[0].time_precision) == (date(2025, 1, 8), 1)  # "on January 8", not the date line
    assert near[0].actor1 == RUSSIA


def test_isw_style_village_named_beside_pokrovsk(extract):
    incidents = extract("pokrovsk_clashes.txt")
    assert any(i.place.name == "Shevchenko" and i.place.admin1 == "Donetsk Oblast" for i in incidents)


def test_peaceful_protest_in_tbilisi(extract):
    (incident,) = extract("tbilisi_protest.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Peaceful protest")
    assert _km(incident.place, 41.69, 44.83) < 10
    assert (incident.event_date, incident.time_precision) == (date(2024, 12, 1), 1)  # "on Sunday evening"
    assert (incident.actor1, incident.fatalities) == ("Protesters (Georgia)", None)


def test_police_detain_mourners_in_two_cities(extract):
    incidents = extract("moscow_detentions.txt")
    assert {i.sub_event_type for i in incidents} == {"Arrests"}
    moscow = [i for i in incidents if _km(i.place, 55.75, 37.62) < 20]
    petersburg = [i for i in incidents if _km(i.place, 59.94, 30.31) < 20]
    assert len(moscow) == len(petersburg) == 1  # "Detentions were also reported in St Petersburg"
    assert (moscow[0].event_date, moscow[0].time_precision) == (date(2024, 2, 17), 1)
    assert moscow[0].actor1 == "Police Forces of Russia"
    assert moscow[0].fatalities is None  # 40 detained are no casualties


def test_car_bomb_kills_an_official_and_injures_his_driver(extract):
    (incident,) = extract("car_bomb.txt")
    assert incident.sub_event_type == "Remote explosive/landmine/IED"
    assert _km(incident.place, 46.76, 33.37) < 10 and incident.geo_precision == 1
    assert (incident.event_date, incident.time_precision) == (date(2023, 10, 24), 1)
    assert (incident.fatalities, incident.injured) == (1, 1)


def test_ammunition_depot_explosion_after_a_drone_attack(extract):
    (incident,) = extract("ammo_depot.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert _km(incident.place, 56.50, 31.64) < 10 and incident.geo_precision == 1  # Toropets, not Tver region
    assert (incident.event_date, incident.time_precision) == (date(2024, 9, 18), 1)
    assert incident.injured == 13  # told in the next sentence
    assert incident.actor1 == UKRAINE  # "a Ukrainian drone attack", in another clause


def test_troops_withdraw_from_a_town(extract):
    (incident,) = extract("avdiivka_withdrawal.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Strategic developments", "Non-violent transfer of territory")
    assert _km(incident.place, 48.14, 37.75) < 10
    assert (incident.event_date, incident.time_precision) == (date(2024, 2, 17), 1)
    assert incident.actor1 == UKRAINE


def test_airstrike_on_a_market_in_sudan(extract):
    (incident,) = extract("sudan_airstrike.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert incident.place.country == "SD"
    assert (incident.event_date, incident.time_precision) == (date(2024, 12, 9), 1)
    assert incident.fatalities == 100
    assert incident.actor2 == "Civilians (Sudan)"


def test_ceasefire_agreement_and_no_strikes_from_a_ban_on_strikes(extract):
    incidents = extract("ceasefire_statement.txt")
    agreement = _only(incidents, "Agreement")
    assert (agreement.event_date, agreement.time_precision) == (date(2025, 3, 25), 1)  # "on Tuesday"
    assert not [i for i in incidents if i.event_type == "Explosions/Remote violence"]  # "a ban on strikes"


def test_isw_style_advance_and_capture(extract):
    incidents = extract("isw_advance.txt")
    capture = _only(incidents, "Non-state actor overtakes territory")
    assert capture.place.name == "Tsukuryne" and capture.actor1 == RUSSIA
    assert capture.event_date == date(2024, 10, 18)
    clashes = [i for i in incidents if i.sub_event_type == "Armed clash"]
    assert any(i.place.name == "Selydove" and i.geo_precision == 1 for i in clashes)  # "advanced in Selydove"
    direction = [i for i in clashes if i.place.name == "Pokrovsk"]
    assert direction and direction[0].geo_precision == 2  # "in the Pokrovsk direction": around the town


def test_isw_style_direction_is_the_ukrainian_town(extract):
    incidents = extract("isw_advance.txt")
    assert all(i.place.country == "UA" for i in incidents)


def test_rioters_in_an_english_town(extract):
    incidents = extract("riot_city.txt")
    riot = _only(incidents, "Violent demonstration")
    assert _km(riot.place, 54.91, -1.38) < 10
    assert (riot.event_date, riot.time_precision) == (date(2024, 8, 2), 1)  # "on Friday night"
    assert (riot.injured, riot.actor1) == (3, "Rioters (United Kingdom)")


def test_official_statement_drones_shot_down_over_regions(extract):
    incidents = extract("general_staff.txt")
    assert {i.sub_event_type for i in incidents} == {"Disrupted weapons use"}
    assert {i.place.admin1 for i in incidents} == {"Kharkiv Oblast", "Sumy Oblast", "Poltava Oblast"}
    assert {(i.event_date, i.time_precision) for i in incidents} == {(date(2024, 3, 12), 1)}  # from the sentence before
    assert sum(i.quantities.get("drones_intercepted", 0) for i in incidents) == 31  # once, not once per region


def test_official_statement_regions_are_regions(extract):
    assert {i.place.kind for i in extract("general_staff.txt")} == {"admin1"}


def test_tear_gas_is_an_intervention_not_lethal_force(extract):
    (incident,) = extract("belgrade_teargas.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Protest with intervention")
    assert _km(incident.place, 44.80, 20.47) < 10
    assert (incident.event_date, incident.time_precision) == (date(2025, 3, 15), 1)
    assert incident.injured == 12  # "Dozens of people", ACLED's figure for "dozens"
    assert incident.actor2 == "Police Forces of Serbia"


def test_missile_barrage_located_where_it_hit(extract):
    incidents = extract("kyiv_hospital.txt")
    # "missiles at cities across Ukraine ..., hitting a children's hospital in Kyiv":
    # one incident at Kyiv, not a country-level one.
    (incident,) = incidents
    assert _km(incident.place, 50.45, 30.52) < 15 and incident.geo_precision == 1
    assert (incident.event_date, incident.time_precision) == (date(2024, 7, 8), 1)
    assert incident.injured == 82
    assert (incident.actor1, incident.actor2) == (RUSSIA, "Civilians (Ukraine)")


def test_official_statement_condemning_the_shelling_of_a_city(gazetteer):
    text = (
        "The Ministry of Foreign Affairs of Ukraine strongly condemns the shelling of Kherson, "
        "which killed two civilians on Saturday."
    )
    article = Article(text=text, source="statement.txt", published=date(2024, 11, 10), offset=0)
    (incident,) = incidents_from_article(article, gazetteer)  # Ukraine here is who speaks
    assert incident.sub_event_type == "Shelling/artillery/missile attack"
    assert incident.place.name.startswith("Kherson")  # "the shelling of Kherson": of names the target
    assert (incident.event_date, incident.fatalities) == (date(2024, 11, 9), 2)


@pytest.mark.parametrize(
    ("follow_up", "injured"),
    [
        ("Thirteen people were injured, local officials said.", 13),
        ("Since the full-scale invasion, 1,200 people have been injured in the region.", None),
        ("So far this year 300 people were injured in such attacks.", None),
    ],
)
def test_toll_in_the_next_sentence_but_not_a_tally(gazetteer, follow_up, injured):
    text = f"A Russian missile struck a school in Odesa on Monday. {follow_up}"
    article = Article(text=text, source="toll.txt", published=date(2024, 11, 12), offset=0)
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.injured == injured
