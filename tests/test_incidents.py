"""Articles → incidents on small hand-written articles, with a gazetteer the tests control."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_extract_fakes import PLACES, FakeGazetteer

from geomap.article import Article
from geomap.incidents import incidents_from_article, merge_incidents
from geomap.ingest import iter_articles


@pytest.fixture(scope="module")
def gazetteer():
    return FakeGazetteer()


def _read(data_dir, name):
    # Read as the tool reads it (the date line is the publication date).
    (article,) = iter_articles([data_dir / "articles" / name])
    return article


def _one(data_dir, gazetteer, name):
    incidents = incidents_from_article(_read(data_dir, name), gazetteer)
    assert len(incidents) >= 1
    return incidents


def test_shelling_of_a_city_with_civilian_deaths(data_dir, gazetteer):
    incidents = _one(data_dir, gazetteer, "shelling_kharkiv.txt")
    assert len(incidents) == 1  # Kyiv only reported; the interception names no place
    (incident,) = incidents
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert incident.place.name == "Kharkiv"
    assert incident.geo_precision == 1
    assert (incident.fatalities, incident.injured) == (3, 12)
    assert incident.event_date == date(2024, 3, 14)  # "on Thursday" before Friday 15 March
    assert incident.time_precision == 1
    assert incident.actor1 == "Military Forces of Russia (2000-)"
    assert incident.actor2 == "Civilians (Ukraine)"
    assert incident.disorder_type == "Political violence"


def test_evidence_offsets_point_into_the_source_file(data_dir, gazetteer):
    article = _read(data_dir, "shelling_kharkiv.txt")
    raw = (data_dir / "articles" / "shelling_kharkiv.txt").read_text(encoding="utf-8")
    (incident,) = incidents_from_article(article, gazetteer)
    for item in incident.evidence:
        assert raw[item["start"] : item["end"]] == item["text"]
    assert "shelled Kharkiv" in incident.notes


def test_protest(data_dir, gazetteer):
    (incident,) = _one(data_dir, gazetteer, "protest_minsk.txt")
    assert (incident.event_type, incident.sub_event_type, incident.disorder_type) == ("Protests", "Peaceful protest", "Demonstrations")
    assert incident.place.name == "Minsk"
    assert incident.event_date == date(2024, 5, 1)
    assert incident.actor1 == "Protesters (Belarus)"


def test_arrest(data_dir, gazetteer):
    (incident,) = _one(data_dir, gazetteer, "arrest_moscow.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Strategic developments", "Arrests")
    assert incident.place.name == "Moscow"
    assert (incident.event_date, incident.time_precision) == (date(2024, 3, 3), 1)


def test_drone_attack_on_a_refinery(data_dir, gazetteer):
    incidents = _one(data_dir, gazetteer, "refinery_tuapse.txt")
    strike = [i for i in incidents if i.sub_event_type == "Air/drone strike"]
    assert len(strike) == 1
    assert strike[0].place.name == "Tuapse"
    assert strike[0].actor1 == "Military Forces of Ukraine (2019-)"
    assert (strike[0].fatalities, strike[0].injured) == (0, 0)  # "No casualties were reported"
    sea = [i for i in incidents if i.place.kind == "sea"]
    assert sea and sea[0].geo_precision == 3
    assert sea[0].quantities == {"drones_intercepted": 15}


def test_battle_for_a_village(data_dir, gazetteer):
    (incident,) = _one(data_dir, gazetteer, "battle_robotyne.txt")
    assert (incident.event_type, incident.sub_event_type) == ("Battles", "Government regains territory")
    assert incident.place.name == "Robotyne"  # the village, not the oblast that contains it
    assert (incident.event_date, incident.time_precision) == (date(2023, 8, 22), 2)


def test_undated_article_has_no_date(data_dir, gazetteer):
    incidents = _one(data_dir, gazetteer, "undated_odesa.txt")
    assert [i.place.name for i in incidents] == ["Odesa"]  # "Washington condemned" is no location
    assert incidents[0].event_date is None and incidents[0].time_precision is None
    assert incidents[0].fatalities == 2


def test_published_date_supplied_for_undated_article(gazetteer):
    article = Article(text="Missiles hit Odesa on Monday.", source="x", published=date(2024, 3, 6))
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.event_date == date(2024, 3, 4)


def test_same_incident_from_two_articles_is_one(data_dir, gazetteer):
    a = incidents_from_article(_read(data_dir, "shelling_kharkiv.txt"), gazetteer)
    b = incidents_from_article(_read(data_dir, "shelling_kharkiv_other_source.txt"), gazetteer)
    merged = merge_incidents(a + b, gazetteer=gazetteer)
    assert len(merged) == 1
    assert [Path(source).name for source in merged[0].sources] == ["shelling_kharkiv.txt", "shelling_kharkiv_other_source.txt"]
    assert (merged[0].fatalities, merged[0].injured) == (3, 10)  # the lowest figures reported
    # Evidence from both articles ("the strikes damaged a school" is more of the first one's).
    assert {Path(e["source"]).name for e in merged[0].evidence} == {"shelling_kharkiv.txt", "shelling_kharkiv_other_source.txt"}


def test_different_places_are_not_merged(gazetteer):
    a = Article(text="Missiles hit Odesa on 3 March 2024.", source="a")
    b = Article(text="Missiles hit Kherson on 3 March 2024.", source="b")
    merged = merge_incidents(incidents_from_article(a, gazetteer) + incidents_from_article(b, gazetteer))
    assert sorted(i.place.name for i in merged) == ["Kherson", "Odesa"]


def test_country_alone_is_a_country_level_incident(gazetteer):
    article = Article(text="About 11,000 troops had been deployed to Russia.", source="x", published=date(2024, 12, 18))
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.place.kind == "country" and incident.geo_precision == 3
    assert incident.quantities == {"troops_deployed": 11000}


def test_demonyms_and_countries_in_passing_make_no_incident(gazetteer):
    article = Article(
        text="North Korea and Russia have increased their cooperation since the start of the war against Ukraine. "
        "Wounded Russians are being treated in worse conditions.",
        source="x",
    )
    assert incidents_from_article(article, gazetteer) == []


def test_region_is_dropped_for_the_town_inside_it(gazetteer):
    article = Article(text="Fighting raged near Robotyne in Zaporizhzhia Oblast.", source="x")
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.place.name == "Robotyne" and incident.geo_precision == 2


def test_event_id_is_stable(data_dir, gazetteer):
    first = incidents_from_article(_read(data_dir, "protest_minsk.txt"), gazetteer)[0].event_id
    again = incidents_from_article(_read(data_dir, "protest_minsk.txt"), gazetteer)[0].event_id
    assert first == again and len(first) == 16
    assert PLACES  # the helper's places are what the ids hash


# One sentence → (sub-event type, place, fatalities, injured); None: no incident.
# Reporting of kinds the seeds do not have, so the rules stay general.
SENTENCES = [
    (
        (
            "At least seven people were killed and 20 injured after a Russian missile struck a shopping centre "
            "in Kharkiv on Saturday, Governor Oleh Syniehubov said."
        ),
        ("Shelling/artillery/missile attack", "Kharkiv", 7, 20),
    ),
    ("A Ukrainian drone attack sparked a fire at an oil depot in the Belgorod region overnight.",
     ("Air/drone strike", "Belgorod Oblast", None, None)),
    ("Russian troops have captured the village of Ocheretyne in Donetsk Oblast, the Russian Defense Ministry claimed.",
     ("Non-state actor overtakes territory", "Ocheretyne", None, None)),
    ("Police in Moscow detained more than 50 people at a rally in support of Alexei Navalny.",
     ("Protest with intervention", "Moscow", None, None)),
    ("Two people were injured when a mine exploded near a tractor in the Kherson region.",
     ("Remote explosive/landmine/IED", "Kherson Oblast", None, 2)),
    ("Shelling in the city of Kherson killed a 65-year-old man, the regional administration said.",
     ("Shelling/artillery/missile attack", "Kherson", 1, None)),
    ("In Odesa, a drone hit a residential building, injuring three.", ("Air/drone strike", "Odesa", None, 3)),
    ("Kharkiv came under a massive missile attack on Thursday morning.", ("Shelling/artillery/missile attack", "Kharkiv", None, None)),
    ("Belgorod was shelled again, with two civilians wounded.", ("Shelling/artillery/missile attack", "Belgorod", None, 2)),
    ("A man was arrested in Minsk for posting a video of the drone strike.", ("Arrests", "Minsk", None, None)),
    ("Patients arriving in Kyiv from the front described weeks of shelling near Pokrovsk.",
     ("Shelling/artillery/missile attack", "Pokrovsk", None, None)),
    ("A Russian soldier who fought in Ukraine was arrested in Moscow on 12 May 2024.", ("Arrests", "Moscow", None, None)),
    ("Protesters in Minsk were beaten by riot police on Sunday.", ("Protest with intervention", "Minsk", None, None)),
    ("Moscow accused Kyiv of a terrorist attack on a concert hall near Moscow that killed 145 people.",
     ("Attack", "Moscow", 145, None)),
    ("The governor of Belgorod region said one civilian was killed and four wounded in shelling of the city of Belgorod.",
     ("Shelling/artillery/missile attack", "Belgorod", 1, 4)),
    ("Speaking in Kyiv, Zelensky said Russian forces had shelled Kherson overnight, killing two.",
     ("Shelling/artillery/missile attack", "Kherson", 2, None)),
    ("Police in Moscow detained twelve people at an anti-war protest on Saturday.",
     ("Protest with intervention", "Moscow", None, None)),
    ("Ukraine's General Staff said Russian forces attacked 25 times near Pokrovsk over the past day.",
     ("Armed clash", "Pokrovsk", None, None)),
    ("Explosions rocked Kyiv early on Friday as air defences repelled a missile attack.",
     ("Shelling/artillery/missile attack", "Kyiv", None, None)),
    ("A Russian jet dropped glide bombs on Kherson on the night of 5 to 6 May, wounding a woman.",
     ("Air/drone strike", "Kherson", None, 1)),
    ("Thousands of protesters marched in Minsk on Saturday against the law; police used tear gas to disperse them.",
     ("Protest with intervention", "Minsk", None, None)),
    ("Russian troops attacked the town of Robotyne in Zaporizhzhia Oblast, killing dozens of civilians.",
     ("Armed clash", "Robotyne", 12, None)),
    ("Russian forces fired two missiles at a grain ship in the Black Sea, the Ukrainian navy said.",
     ("Shelling/artillery/missile attack", "Black Sea", None, None)),
    ("Kharkiv's mayor said a Russian drone struck a residential building in the city, injuring 12.",
     ("Air/drone strike", "Kharkiv", None, 12)),
    ("The Kremlin said on Tuesday that peace talks with Kyiv were not on the agenda.", None),
    ("Ukrainian air defenses shot down all 30 drones launched by Russia overnight, the air force said.", None),
    ("The Pentagon believes Russia has lost more than 300,000 soldiers in Ukraine.", None),
    ("Russian strikes on Ukraine's energy grid caused blackouts across the country.", None),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentences(gazetteer, sentence, expected):
    article = Article(text=sentence, source="s", published=date(2024, 5, 15))
    found = [(i.sub_event_type, i.place.name, i.fatalities, i.injured) for i in incidents_from_article(article, gazetteer)]
    assert found == ([] if expected is None else [expected])


def test_a_later_statement_without_place_refines_the_event(gazetteer):
    article = Article(
        text="Thousands of people rallied in Minsk on Sunday evening. Police detained several demonstrators.",
        source="x",
        published=date(2024, 5, 20),
    )
    (incident,) = incidents_from_article(article, gazetteer)
    assert (incident.place.name, incident.sub_event_type) == ("Minsk", "Protest with intervention")
    assert len(incident.evidence) == 2
    assert incident.event_date == date(2024, 5, 19)


def test_bad_input_type_is_an_input_error():
    from geomap.errors import InputError
    from geomap.pipeline import extract

    with pytest.raises(InputError):
        extract([42], gazetteer=FakeGazetteer())


def test_a_list_of_places_gives_one_incident_each_and_counts_once(gazetteer):
    article = Article(
        text="Russian drones attacked Odesa and the Kyiv region overnight, killing two.", source="x", published=date(2024, 5, 2)
    )
    incidents = incidents_from_article(article, gazetteer)
    assert [(i.place.name, i.fatalities) for i in incidents] == [("Odesa", 2), ("Kyiv", None)]


def test_a_statement_without_place_attaches_only_to_a_recent_or_named_event(gazetteer):
    text = (
        "Russian forces shelled Kherson on Monday. The city council met to discuss repairs. "
        "Officials in Odesa said artillery fire could be heard. "
        "The shelling damaged a school."
    )
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2024, 5, 8)), gazetteer)
    assert incident.place.name == "Kherson"
    # the Odesa officials' report is no event of Kherson (no place: dropped); "the shelling" points back
    assert [e["text"] for e in incident.evidence] == ["Russian forces shelled Kherson on Monday.", "The shelling damaged a school."]


def test_taken_full_control_is_a_capture(gazetteer):
    article = Article(
        text="Russian forces have taken full control of the village of Robotyne, Russia's defence ministry said on Sunday.",
        source="x",
        published=date(2024, 2, 18),
    )
    (incident,) = incidents_from_article(article, gazetteer)
    assert (incident.sub_event_type, incident.place.name, incident.event_date) == (
        "Non-state actor overtakes territory",
        "Robotyne",
        date(2024, 2, 18),
    )
    assert incident.actor1 == "Military Forces of Russia (2000-)"


def test_evidence_of_extracted_text_has_no_offsets(gazetteer):
    article = Article(text="Missiles hit Odesa on 3 March 2024.", source="page.html", offset=None, url="https://x.example/1")
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.evidence == [{"source": "page.html", "text": "Missiles hit Odesa on 3 March 2024.", "start": None, "end": None}]
    assert incident.urls == ["https://x.example/1"]


def test_the_city_points_back_to_the_city_of_the_speaker(gazetteer):
    article = Article(text="Officials in Odesa said artillery hit the port overnight.", source="x", published=date(2024, 5, 8))
    (incident,) = incidents_from_article(article, gazetteer)
    assert (incident.place.name, incident.sub_event_type) == ("Odesa", "Shelling/artillery/missile attack")
    assert incident.confidence < 0.9  # found by reference, not by position


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("On 5 April 2022, Russian forces shelled Shchastia, Luhansk, killing one civilian.", "Shchastya"),
        ("On 3 March 2022, Russian forces shelled Irpin, Kyiv. Two civilians were killed.", "Irpin"),
    ],
)
def test_the_region_after_a_town_is_no_second_incident(real_gazetteer, text, town):
    # ACLED notes and datelines: "X, Luhansk" names the oblast, never the regional capital.
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2022, 4, 6)), real_gazetteer)
    assert incident.place.name == town


def test_two_stated_days_at_one_place_are_two_incidents(real_gazetteer):
    text = ("Hundreds rallied in Poltava on July 22 against the bill. "
            "On July 23, protesters rallied in Poltava again.")  # fmt: skip
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 7, 23)), real_gazetteer)
    assert sorted(str(i.event_date) for i in found if i.place.name == "Poltava") == ["2025-07-22", "2025-07-23"]
