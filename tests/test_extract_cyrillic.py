"""Incidents from Russian- and Ukrainian-language text: rules, counts, dates, places, actors.

Sentence tables check each step on its own; whole articles (``tests/data/cyrillic/``:
Ukrainian and Russian, UTF-8, CP1251 and KOI8-R) go through ``geomap.extract`` and
the CLI with the real gazetteer. Expectations are read from the articles' words.
"""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from click.testing import CliRunner

from geomap.article import Article
from geomap.analysis.classify import classify
from geomap.analysis.counts import find_counts
from geomap.analysis.dates import find_date, is_background
from geomap.analysis.text import has_cyrillic, split_sentences
from geomap.incidents import incidents_from_article

RUSSIA = "Military Forces of Russia (2000-)"
UKRAINE = "Military Forces of Ukraine (2019-)"
EXPL = "Explosions/Remote violence"

# A Wednesday.
PUBLISHED = date(2024, 11, 27)


@pytest.fixture(scope="module")
def gazetteer(real_gazetteer):
    return real_gazetteer


def _km(place, lat, lon):
    p1, p2 = math.radians(place.lat), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - place.lon) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


# --- one step at a time -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        # Ukrainian
        ("Окупанти обстріляли Херсон з артилерії", EXPL, "Shelling/artillery/missile attack"),
        ("Ракетний удар по Одесі", EXPL, "Shelling/artillery/missile attack"),
        ("Удар дронів по Сумах", EXPL, "Air/drone strike"),
        ("Атака безпілотників на Київ", EXPL, "Air/drone strike"),
        ("Ворог атакував Запоріжжя шахедами", EXPL, "Air/drone strike"),
        ("Російська авіація завдала авіаудару по Костянтинівці", EXPL, "Air/drone strike"),
        ("Окупанти скинули КАБ на Харків", EXPL, "Air/drone strike"),
        ("Автомобіль підірвався на міні", EXPL, "Remote explosive/landmine/IED"),
        ("У Харкові пролунали вибухи", EXPL, "Remote explosive/landmine/IED"),
        # a generic word takes its weapon from the sentence
        ("Вибухи в Києві: ворог атакував дронами", EXPL, "Air/drone strike"),
        ("На Покровському напрямку тривають бої", "Battles", "Armed clash"),
        ("Окупанти штурмували позиції ЗСУ", "Battles", "Armed clash"),
        ("ЗСУ звільнили село Андріївка", "Battles", "Government regains territory"),
        ("Росіяни захопили Курахове", "Battles", "Non-state actor overtakes territory"),
        ("Поліція затримала учасників мітингу", "Protests", "Protest with intervention"),
        ("У Львові відбувся мітинг на підтримку полонених", "Protests", "Peaceful protest"),
        ("У Києві затримали двох чоловіків", "Strategic developments", "Arrests"),
        ("Сили ППО збили 45 з 60 дронів", "Strategic developments", "Disrupted weapons use"),
        # Russian
        ("Российские войска обстреляли Херсон", EXPL, "Shelling/artillery/missile attack"),
        ("ВСУ атаковали Белгород беспилотниками", EXPL, "Air/drone strike"),
        ("Армия России нанесла ракетный удар по Харькову", EXPL, "Shelling/artillery/missile attack"),
        ("Взрыв самодельного взрывного устройства прогремел в Мелитополе", EXPL, "Remote explosive/landmine/IED"),
        ("Бои в районе Торецка продолжаются", "Battles", "Armed clash"),
        ("ВС РФ освободили населенный пункт Новогродовка", "Battles", "Government regains territory"),
        ("В Москве прошел митинг против мобилизации", "Protests", "Peaceful protest"),
        ("В Петербурге задержали двух мужчин", "Strategic developments", "Arrests"),
        ("Средства ПВО сбили 23 беспилотника над Курской областью", "Strategic developments", "Disrupted weapons use"),
    ],
)
def test_event_types_from_cyrillic_wording(sentence, event_type, sub_event_type):
    (trigger,) = classify(sentence)
    assert (trigger.event_type, trigger.sub_event_type) == (event_type, sub_event_type)


@pytest.mark.parametrize(
    "sentence",
    [
        "Існує загроза ракетного удару по Києву",  # a threat, not a strike
        "ЗСУ звільнили з полону 100 бійців",  # released from captivity, no territory
        "Затримка рейсу в аеропорту",  # a delay is no arrest
        "Наступного дня у місті відновили електропостачання",  # "next", not "offensive"
        "Кібератака на банки",
    ],
)
def test_no_event_from_words_that_only_look_like_one(sentence):
    assert classify(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "fatalities", "injured"),
    [
        ("Внаслідок удару загинули двоє людей, ще семеро поранені.", 2, 7),
        ("Погибли три человека, 12 получили ранения.", 3, 12),
        ("Загинула жінка, поранено чоловіка.", 1, 1),
        ("Хлопця, 17 років, поранено внаслідок обстрілу Нікополя.", None, 1),
        ("Внаслідок обстрілу Нікополя поранено 17-річного хлопця.", None, 1),
        ("В Белгороде ранен парень.", None, 1),
        ("Щонайменше 5 людей загинули, 23 травмовано.", 5, 23),  # "at least": the figure
        ("Не менее 10 человек пострадали.", None, 10),
        ("По меньшей мере четыре человека погибли.", 4, None),
        ("Кілька людей постраждали.", None, 10),  # several → 10 (ACLED)
        ("Несколько человек погибли.", 10, None),
        ("Загинули двадцять п'ять людей.", 25, None),
        ("Поранено жінку 67 років.", None, 1),  # an age is no count
        ("У 9-поверхівці поранено 4 людей.", None, 4),
        ("23 листопада 2024 року загинули 3 людей.", 3, None),  # the date's digits are no count
        ("Загинули або поранені 300 військових.", None, None),  # killed or wounded: neither
        # people counted by their ages, "both", and a time that is no count
        ("При ударе погибли 52-летний местный житель и его 13-летний сын.", 2, None),
        ("Машина загорелась, и оба сидевших внутри человека погибли на месте.", 2, None),
        ("Несколько часов назад сообщалось о ранении двух женщин.", None, 2),
        ("Кілька годин тому поранено двох людей.", None, 2),
        ("Ніхто не постраждав.", 0, 0),
        ("Обошлось без пострадавших.", 0, 0),
    ],
)
def test_killed_and_injured_in_both_languages(sentence, fatalities, injured):
    counts = find_counts(sentence)
    assert (counts.fatalities, counts.injured) == (fatalities, injured)


@pytest.mark.parametrize(
    ("sentence", "quantities"),
    [
        ("Сили ППО збили 45 з 60 дронів.", {"drones_intercepted": 45, "drones_launched": 60}),
        ("Средства ПВО сбили 23 беспилотника.", {"drones_intercepted": 23}),
        ("Ворог атакував 60 ударними БпЛА.", {"drones_launched": 60}),
    ],
)
def test_quantities_of_drones(sentence, quantities):
    assert find_counts(sentence).quantities == quantities


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("Вчора ворог атакував Суми.", date(2024, 11, 26), 1),
        ("Вчера ВСУ атаковали Белгород.", date(2024, 11, 26), 1),
        ("Сьогодні дрони атакували Київ.", date(2024, 11, 27), 1),
        ("Вночі дрони атакували Київ.", date(2024, 11, 27), 1),
        ("Ночью беспилотники атаковали Курск.", date(2024, 11, 27), 1),
        ("Минулої ночі дрони атакували Київ.", date(2024, 11, 26), 1),  # "last night": the day before
        ("Прошлой ночью беспилотники атаковали Курск.", date(2024, 11, 26), 1),
        ("У понеділок дрони атакували Київ.", date(2024, 11, 25), 1),
        ("В понедельник дроны атаковали Курск.", date(2024, 11, 25), 1),
        ("У п’ятницю окупанти обстріляли Херсон.", date(2024, 11, 22), 1),
        ("В ночь на субботу дроны атаковали Курск.", date(2024, 11, 23), 1),
        ("23 листопада дрони атакували Київ.", date(2024, 11, 23), 1),
        ("23 ноября 2023 года дроны атаковали Курск.", date(2023, 11, 23), 1),
        ("15 грудня дрони атакували Київ.", date(2023, 12, 15), 1),  # December read in November: last year
        ("Дрони атакували Київ 23.11.2024.", date(2024, 11, 23), 1),
        ("Минулого тижня дрони атакували Київ.", date(2024, 11, 20), 2),
        ("На этой неделе дроны атаковали Курск.", date(2024, 11, 27), 2),
        ("У жовтні дрони атакували Київ.", date(2024, 10, 1), 3),
        ("Четверо людей загинули.", None, None),  # "four people", not Thursday
    ],
)
def test_dates_relative_to_publication(sentence, expected, precision):
    found, found_precision, _ = find_date(sentence, PUBLISHED)
    assert (found, found_precision) == (expected, precision)


def test_a_past_year_makes_a_sentence_background():
    assert is_background("У 2022 році російські війська окупували Херсон.", PUBLISHED)
    assert is_background("В прошлом году ВСУ обстреливали Белгород.", PUBLISHED)
    assert not is_background("Окупанти обстріляли Херсон у понеділок.", PUBLISHED)
    assert not is_background("З 2022 року окупанти обстрілюють місто, а вчора вдарили знову.", PUBLISHED)


def test_script_is_detected_cheaply_and_sentences_split():
    assert not has_cyrillic("Drones hit Kharkiv \u2019overnight\u2019.")
    assert has_cyrillic("Drones hit Харків.")
    text = "Вибух у м. Суми на вул. Соборній. Постраждали двоє."
    assert [text[a:b] for a, b in split_sentences(text)] == ["Вибух у м. Суми на вул. Соборній.", "Постраждали двоє."]


# --- sentence to incident, with the real gazetteer ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "sub_event_type", "fatalities", "injured", "event_date", "location", "actor1"),
    [
        ("Вночі російські війська атакували Харків ударними безпілотниками, загинули двоє людей.",
         "Air/drone strike", 2, None, PUBLISHED, "Kharkiv", RUSSIA),
        ("У понеділок окупанти обстріляли Нікополь з артилерії, поранено трьох цивільних.",
         "Shelling/artillery/missile attack", None, 3, date(2024, 11, 25), "Nikopol", RUSSIA),
        ("Вчора по Одесі вдарили ракетами, загинула жінка.",
         "Shelling/artillery/missile attack", 1, None, date(2024, 11, 26), "Odesa", None),
        ("На Донеччині тривають бої біля Покровська, заявили у Генштабі.",
         "Armed clash", None, None, PUBLISHED, "Pokrovsk", None),
        ("ВСУ атаковали Белгород беспилотниками, погибли три человека и 12 ранены.",
         "Air/drone strike", 3, 12, PUBLISHED, "Belgorod", UKRAINE),
        ("В Курской области в воскресенье сбили 12 беспилотников.",
         "Disrupted weapons use", None, None, date(2024, 11, 24), "Kursk Oblast", None),
        # the governor's region says who reported; the blast was in the city
        ("Губернатор Белгородской области сообщил, что в Белгороде 23 ноября прогремел взрыв, ранены двое.",
         "Remote explosive/landmine/IED", None, 2, date(2024, 11, 23), "Belgorod", None),
    ],
)
def test_sentence_to_incident(gazetteer, sentence, sub_event_type, fatalities, injured, event_date, location, actor1):
    article = Article(text=sentence, source="s.txt", published=PUBLISHED, offset=0)
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.sub_event_type == sub_event_type
    assert (incident.fatalities, incident.injured) == (fatalities, injured)
    assert incident.event_date == event_date
    assert incident.place.name == location
    assert incident.actor1 == actor1


def test_demonyms_and_institutions_are_never_the_place(gazetteer):
    # "мер Харкова" says who reported; the strike was in Kyiv.
    text = "Мер Харкова повідомив, що вчора російські дрони атакували Київ."
    article = Article(text=text, source="s.txt", published=PUBLISHED, offset=0)
    (incident,) = incidents_from_article(article, gazetteer)
    assert incident.place.name == "Kyiv"
    assert incident.actor1 == RUSSIA


# --- whole articles -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def articles(data_dir, gazetteer):
    """Incidents of each file of tests/data/cyrillic, read through the ingest as the CLI does."""
    import geomap

    out = {}
    for path in sorted((data_dir / "cyrillic").iterdir()):
        gdf = geomap.extract([str(path)], gazetteer=gazetteer)
        out[path.name] = gdf
    return out


def _row(gdf, sub_event_type):
    rows = gdf[gdf["sub_event_type"] == sub_event_type]
    assert len(rows) == 1, list(zip(gdf["sub_event_type"], gdf["location"]))
    return rows.iloc[0]


def test_ukrainian_article_drone_strike_on_kharkiv(articles):
    gdf = articles["uk_kharkiv_drones.txt"]
    assert sorted(gdf["sub_event_type"]) == ["Air/drone strike", "Disrupted weapons use", "Shelling/artillery/missile attack"]
    row = _row(gdf, "Air/drone strike")
    assert row["location"] == "Kharkiv" and row["geo_precision"] == 1 and row["country"] == "Ukraine"
    assert (row["event_date"].date(), row["time_precision"]) == (date(2024, 11, 27), 1)  # "Вночі"
    assert (row["fatalities"], row["injured"]) == (2, 9)
    assert (row["actor1"], row["actor2"]) == (RUSSIA, "Civilians (Ukraine)")
    shelling = _row(gdf, "Shelling/artillery/missile attack")
    assert shelling["location"] == "Kupyansk"
    assert (shelling["event_date"].date(), shelling["injured"]) == (date(2024, 11, 25), 1)  # "жінку 67 років": one
    disrupted = _row(gdf, "Disrupted weapons use")
    assert disrupted["location"] == "Kyiv Oblast" and disrupted["geo_precision"] == 3
    assert disrupted["quantities"] == {"drones_intercepted": 45, "drones_launched": 60}


def test_evidence_offsets_point_into_the_cyrillic_text(articles, data_dir):
    from geomap.ingest import read_text

    for name, gdf in articles.items():
        text = read_text(str(data_dir / "cyrillic" / name))
        assert len(gdf), name
        for evidence in gdf["evidence"]:
            for item in evidence:
                assert text[item["start"] : item["end"]] == item["text"], name
                assert has_cyrillic(item["text"])


def test_ukrainian_frontline_report(articles):
    gdf = articles["uk_frontline.txt"]
    # The last paragraph tells of 2022: background, no incident.
    assert sorted(gdf["sub_event_type"]) == ["Armed clash", "Government regains territory", "Remote explosive/landmine/IED"]
    retaken = _row(gdf, "Government regains territory")
    assert retaken["location"] == "Andriyivka" and retaken["admin1"] and "Donetsk" in retaken["admin1"]
    assert retaken["actor1"] == UKRAINE
    clash = _row(gdf, "Armed clash")
    assert clash["location"] == "Pokrovsk" and clash["geo_precision"] == 2  # "біля": near
    assert (clash["actor1"], clash["actor2"]) == (RUSSIA, UKRAINE)
    mine = _row(gdf, "Remote explosive/landmine/IED")
    assert mine["location"] == "Sumy Oblast" and mine["geo_precision"] == 3
    assert (mine["event_date"].date(), mine["fatalities"]) == (date(2025, 2, 13), 1)  # "У четвер", "загинув водій"
    assert mine["actor2"] == "Civilians (Ukraine)"


def test_telegram_post_with_emoji_and_follow_up_toll(articles):
    gdf = articles["uk_telegram.txt"]
    odesa = gdf[gdf["location"] == "Odesa"].iloc[0]
    assert odesa["sub_event_type"] == "Air/drone strike" and odesa["actor1"] == RUSSIA
    assert (odesa["fatalities"], odesa["injured"]) == (1, 3)  # the toll in the next sentence
    beryslav = gdf[gdf["location"] == "Beryslav"].iloc[0]
    assert beryslav["sub_event_type"] == "Air/drone strike"  # a guided bomb dropped
    assert (beryslav["event_date"].date(), beryslav["injured"]) == (date(2025, 6, 19), 4)  # "Минулої ночі"
    assert beryslav["actor2"] == "Civilians (Ukraine)"


def test_russian_cp1251_article(articles):
    gdf = articles["ru_belgorod_cp1251.txt"]
    row = _row(gdf, "Air/drone strike")
    assert row["location"] == "Belgorod" and row["country"] == "Russia"
    assert (row["fatalities"], row["injured"]) == (3, 12)
    assert (row["actor1"], row["actor2"]) == (UKRAINE, "Civilians (Russia)")
    assert (row["event_date"].date(), row["time_precision"]) == (date(2024, 12, 9), 2)  # no date words
    ied = _row(gdf, "Remote explosive/landmine/IED")
    assert ied["location"] == "Kursk Oblast" and ied["event_date"].date() == date(2024, 12, 8)  # "В воскресенье"
    assert "Губернатор" not in " ".join(gdf["location"])


def test_russian_instrumental_region_is_the_region(articles):
    row = _row(articles["ru_belgorod_cp1251.txt"], "Disrupted weapons use")
    assert row["location"] == "Kursk Oblast"


def test_russian_koi8r_article(articles):
    gdf = articles["ru_tass_koi8r.txt"]
    strike = _row(gdf, "Shelling/artillery/missile attack")
    assert strike["location"] == "Kharkiv"
    assert (strike["event_date"].date(), strike["time_precision"]) == (date(2024, 8, 15), 1)  # "В ночь на четверг"
    assert (strike["fatalities"], strike["injured"]) == (0, 5)
    assert strike["actor1"] == RUSSIA
    clash = _row(gdf, "Armed clash")
    assert clash["location"] == "Toretsk" and clash["geo_precision"] == 2  # "в районе": near


def test_russian_protest_and_arrests(articles):
    gdf = articles["ru_moscow_protest.txt"]
    protest = _row(gdf, "Protest with intervention")  # a rally the police broke up
    assert protest["location"] == "Moscow" and protest["actor1"] == "Protesters (Russia)"
    arrests = _row(gdf, "Arrests")
    assert arrests["location"] == "Saint Petersburg" and arrests["actor1"] == "Police Forces of Russia"
    assert arrests["event_date"].date() == date(2024, 3, 1)  # "Вчера"


def test_cli_extract_on_a_ukrainian_file(data_dir):
    from geomap.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(data_dir / "cyrillic" / "uk_kharkiv_drones.txt")])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    by_type = {f["properties"]["sub_event_type"]: f for f in collection["features"]}
    assert set(by_type) == {"Air/drone strike", "Shelling/artillery/missile attack", "Disrupted weapons use"}
    kharkiv = by_type["Air/drone strike"]
    lon, lat = kharkiv["geometry"]["coordinates"]
    assert abs(lat - 49.99) < 0.1 and abs(lon - 36.23) < 0.1
    assert kharkiv["properties"]["event_date"] == "2024-11-27"
    assert kharkiv["properties"]["evidence"][0]["text"].startswith("Вночі російські війська атакували Харків")
