"""The extraction rules one by one: sentences, clauses, types, places, counts, dates, actors."""

from __future__ import annotations

import re
from datetime import date

import pytest

from geomap.analysis.actors import state_forces
from geomap.analysis.classify import classify, compiled_rules, disorder_type
from geomap.analysis.counts import find_counts
from geomap.analysis.dates import find_date, is_background, resolve_date
from geomap.analysis.places import mention_roles
from geomap.errors import ConfigurationError
from geomap.analysis.rules import EVENT_TYPES, RULES, Rule
from geomap.analysis.text import split_clauses, split_sentences


def test_acled_has_six_types_and_25_sub_types():
    assert len(EVENT_TYPES) == 6
    assert sum(len(subs) for subs in EVENT_TYPES.values()) == 25


def test_every_rule_compiles_and_names_an_acled_type():
    compiled = compiled_rules()
    assert len(compiled) == len(RULES)
    for _pattern, rule in compiled:
        assert rule.sub_event_type in EVENT_TYPES[rule.event_type]
        assert disorder_type(rule.event_type, rule.sub_event_type)


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (Rule(r"gunfight", "Battles", "Gunfight", 10), ["rule 'gunfight'", "'Gunfight'", "not an ACLED type"]),
        (Rule(r"shoot(out", "Battles", "Armed clash", 10), ["rule 'shoot(out'", "regular expression"]),
        (Rule(r"[a-z]+\s[0-9]", "Battles", "Armed clash", 10), ["no literal word"]),
    ],
)
def test_a_bad_rule_is_a_configuration_error_naming_it(monkeypatch, rule, words):
    from geomap.analysis import classify as module

    monkeypatch.setattr(module, "RULES", (*RULES, rule))
    for cached in (module.compiled_rules, module._gate):
        cached.cache_clear()
    try:
        with pytest.raises(ConfigurationError) as caught:
            module._gate()
        assert all(word in str(caught.value) for word in words), str(caught.value)
    finally:
        monkeypatch.undo()
        module.compiled_rules.cache_clear()
        module._gate.cache_clear()


def test_unknown_disorder_type_is_a_configuration_error():
    with pytest.raises(ConfigurationError, match="'Skirmishes' / 'Gunfight'"):
        disorder_type("Skirmishes", "Gunfight")


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Drones hit Kharkiv. U.S. officials met Gen. Ivanov in Kyiv.\nHeadline without stop\n\nLast one!"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Drones hit Kharkiv.",
        "U.S. officials met Gen. Ivanov in Kyiv.",
        "Headline without stop",
        "Last one!",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page scraped without its paragraph breaks runs sentences together
        ("17 agents active in Russia.On May 31, a bridge collapsed.", ["17 agents active in Russia.", "On May 31, a bridge collapsed."]),
        ("Three were detained by the FSB.Three others fled.", ["Three were detained by the FSB.", "Three others fled."]),
        ("Вибухи у Харкові.Росіяни вдарили по Чугуєву.", ["Вибухи у Харкові.", "Росіяни вдарили по Чугуєву."]),
        # not inside abbreviations, names of sites or numbers
        ("He met the U.S.Army chief and Mr.Smith at 3.5 km from sputnikglobe.com today.",
         ["He met the U.S.Army chief and Mr.Smith at 3.5 km from sputnikglobe.com today."]),
    ],
)
def test_sentences_run_together(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_fast_clause_scan_agrees_with_the_clause_regex(data_dir):
    from geomap.analysis.text import _CLAUSE_WORDS, _clause_marks

    sentences = [
        "such as Kyiv, as well as Odesa, as he said",
        "For the record, for keeping; according to him \u2014 according to x - y, AS well",
        "Whose WHICH unless 3as _as x_as amidst amid for sing according tothe",
    ]
    for path in sorted((data_dir / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [text[a:b] for a, b in split_sentences(text)]
    for sentence in sentences:
        # Clauses are cut where a match starts; a comma's match is the comma itself.
        expected = [(m.start(), m.group() == ",") for m in _CLAUSE_WORDS.finditer(sentence)]
        assert [(m.start(), m.group() == ",") for m in _clause_marks(sentence)] == expected, sentence


def test_clauses_split_on_subordinators_but_keep_place_lists():
    sentence = "The drone strikes occurred just before Zelensky met officials in Saudi Arabia"
    clauses = [sentence[a:b] for a, b in split_clauses(sentence)]
    assert clauses[0].strip() == "The drone strikes occurred just"
    assert any("Saudi Arabia" in c for c in clauses[1:])
    listing = "Russian troops shelled Kherson, Nikopol and Marhanets"
    starts = [listing.index("Nikopol")]
    assert len(split_clauses(listing, starts)) == 1


@pytest.mark.parametrize(
    ("clause", "event_type", "sub_event_type"),
    [
        ("Russian drones struck an oil depot overnight", "Explosions/Remote violence", "Air/drone strike"),
        ("a massive drone attack on the capital", "Explosions/Remote violence", "Air/drone strike"),
        ("an air strike destroyed a bridge", "Explosions/Remote violence", "Air/drone strike"),
        ("Russian forces shelled the town", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("a missile strike hit an apartment block", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("a tanker was damaged by a mine explosion", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("the car hit a landmine", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ("heavy fighting continued", "Battles", "Armed clash"),
        ("Ukrainian forces repelled 12 Russian attacks", "Battles", "Armed clash"),
        ("troops recaptured the village", "Battles", "Government regains territory"),
        ("Russian troops captured the village", "Battles", "Non-state actor overtakes territory"),
        ("thousands of people protested against the law", "Protests", "Peaceful protest"),
        ("police dispersed the protest with tear gas", "Protests", "Protest with intervention"),
        ("rioters set fire to cars", "Riots", "Violent demonstration"),
        ("police arrested two men", "Strategic developments", "Arrests"),
        ("the two sides signed a ceasefire agreement", "Strategic developments", "Agreement"),
        ("air defences shot down 20 drones", "Strategic developments", "Disrupted weapons use"),
        ("11,000 troops were deployed to the border", "Strategic developments", "Other"),
        ("gunmen abducted a village head", "Violence against civilians", "Abduction/forced disappearance"),
        ("both governments agreed late on Friday to a 30-day truce", "Strategic developments", "Agreement"),
        ("the ceasefire came into force at midnight", "Strategic developments", "Agreement"),
        ("Mass detentions were reported in three cities", "Strategic developments", "Arrests"),
        ("youths hurled bottles at riot police outside the mosque", "Riots", "Violent demonstration"),
        ("police fired tear gas at protesters outside parliament", "Protests", "Protest with intervention"),
        ("soldiers opened fire on protesters, killing four", "Protests", "Excessive force against protesters"),
        ("14 drones were shot down over the region", "Strategic developments", "Disrupted weapons use"),
        ("government troops advanced in the eastern suburbs", "Battles", "Armed clash"),
        ("a ban on shelling was ignored as shells hit the town", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("troops struck the port of Kherson with guided aerial bombs", "Explosions/Remote violence", "Air/drone strike"),
        ("troops ignored calls for a ceasefire and shelled the town", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("soldiers raided a refugee camp at dawn", "Battles", "Armed clash"),
        ("two militants died in a shootout with police", "Battles", "Armed clash"),
    ],
)
def test_classification(clause, event_type, sub_event_type):
    triggers = classify(clause)
    assert [(t.event_type, t.sub_event_type) for t in triggers] == [(event_type, sub_event_type)]


@pytest.mark.parametrize(
    "clause",
    [
        "the ongoing conflict in the region",
        "a train with about 100 people",
        "the war against Ukraine",
        "residents of the occupied city of Melitopol",
        "in the liberated town of Izium",
        "the scene was captured on video",
        "fighting corruption in the region",
        "an earthquake struck near the coast",
        "the economy was hit in March",
        "a cyber attack on the bank",
        "a plane crashed near the airport, killing 10",
        "air raid alerts sounded across the country",
        "the deal includes a moratorium on strikes against power plants",
        "calls for an end to attacks on shipping",
        "the president threatened to strike the capital",
        "warnings of a missile strike kept schools shut",
        "both sides refrained from shelling the plant",
        "the winning goal was struck in stoppage time",
    ],
)
def test_no_event_in_background_words(clause):
    assert classify(clause) == []


def test_generic_attack_takes_its_weapon_from_earlier_sentences():
    context = ["Underwater mines were placed on the hulls by divers."]
    (trigger,) = classify("Analysts identified recent attacks on tankers", context=context)
    assert trigger.sub_event_type == "Remote explosive/landmine/IED"
    (plain,) = classify("Analysts identified recent attacks on the village")
    assert plain.event_type == "Battles"


def _roles(sentence, names, demonyms=(), kinds=None):
    spans = []
    for name in names:
        start = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", sentence).start()
        kind = (kinds or {}).get(name, "city")
        spans.append((start, start + len(name), name in demonyms, kind))
    return [r.kind for r in mention_roles(sentence, spans)], mention_roles(sentence, spans)


@pytest.mark.parametrize(
    ("sentence", "names", "expected"),
    [
        ("Drones struck a depot in Kharkiv, officials in Kyiv said.", ["Kharkiv", "Kyiv"], ["locative", "reporter"]),
        ("Kyiv said the attack was repelled.", ["Kyiv"], ["reporter"]),
        ("according to officials in Odesa, shelling went on", ["Odesa"], ["reporter"]),
        ("intercepted by the Security Service of Ukraine", ["Ukraine"], ["reporter"]),
        ("Moscow's mayor described the attack", ["Moscow"], ["possessive"]),
        ("soldiers fighting against Ukraine in Kharkiv Oblast", ["Ukraine", "Kharkiv Oblast"], ["blocked", "locative"]),
        ("patients coming from Bakhmut", ["Bakhmut"], ["blocked"]),
        ("incidents near Ust-Luga and Novorossiysk", ["Ust-Luga", "Novorossiysk"], ["locative", "locative"]),
        ("the southern city of Kherson", ["Kherson"], ["locative"]),
        ("positions on the bank of the Dnipro river", ["Dnipro"], ["locative"]),  # along the river
        ("boats crossed the Kakhovka reservoir near Kherson", ["Kakhovka", "Kherson"], ["blocked", "locative"]),
        ("troops were deployed to Russia", ["Russia"], ["to"]),
    ],
)
def test_mention_roles(sentence, names, expected):
    kinds = {"Ukraine": "country", "Russia": "country", "Kharkiv Oblast": "admin1"}
    got, _ = _roles(sentence, names, kinds=kinds)
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "precision"),
    [
        ("an explosion near Tuapse", 2),
        ("an explosion near the village of Tuapse", 2),
        ("clashes outside the front-line town of Tuapse", 2),
        ("shelling north of the city of Tuapse", 2),
        ("shelling in the outskirts of Tuapse", 2),
        ("an explosion in the village of Tuapse", 1),
        ("the southern city of Tuapse was hit", 1),
    ],
)
def test_near_gives_precision_two(sentence, precision):
    _, roles = _roles(sentence, ["Tuapse"])
    assert (roles[0].kind, roles[0].precision) == ("locative", precision)


def test_a_town_named_for_an_area_of_operations_is_near_it():
    _, roles = _roles("fighting continued in the Kupiansk direction and in Vovchansk", ["Kupiansk", "Vovchansk"])
    assert [(r.kind, r.precision) for r in roles] == [("locative", 2), ("locative", 1)]


def test_country_needs_in_to_be_a_location():
    got, _ = _roles("a massive attack on Ukraine and fighting in Ukraine", ["Ukraine"], kinds={"Ukraine": "country"})
    assert got == ["blocked"]


@pytest.mark.parametrize(
    ("sentence", "fatalities", "injured"),
    [
        ("resulting in at least one fatality and three injuries", 1, 3),
        ("more than 200 wounded soldiers were taken to hospital", None, 200),
        ("the Ukrainian military may have killed or wounded several hundred soldiers", None, None),
        ("Shelling killed two civilians and injured five others", 2, 5),
        ("The death toll rose to 14, with 30 people wounded", 14, 30),
        ("Dozens of people were killed", 12, None),
        ("Yesterday there was a train with about 100 people", None, None),
        ("a 12-storey building was hit; 4 people died", 4, None),
        ("the blast killed a district official and wounded his bodyguard", 1, None),
        ("the strike killed a nurse and wounded her son", 1, 1),
        ("gunmen shot dead a priest", 1, None),
        ("a militia stabbed to death a farmer and wounded his wife", 1, 1),
        # a date's numbers are no count, however near the verb
        ("On 3 May 2025, an explosion in Kherson wounded four people.", None, 4),
        ("Shelling on May 3, 2025 killed four people.", 4, None),
        ("On 2025-05-03 shelling killed seven", 7, None),
        ("In May 2025 a strike killed 4 and wounded 9", 4, 9),
        ("The heaviest attack since 2022 killed 3 people", 3, None),
        # a year-like figure beside no month or "in"/"since" is a count
        ("the shelling has wounded 2025 people", None, 2025),
        # murder and execution kill; an aside between the number and its verb is skipped
        ("a family of nine, including two young children, was murdered in their home", 9, None),
        ("gunmen executed three farmers", 3, None),
        ("Russian troops shot dead two Ukrainian POWs who had surrendered.", 2, None),
        ("We already know about three women who were injured.", None, 3),  # a relative clause
        ("five people who were evacuated returned", None, None),
        ("five civilians, including a child, were wounded and two killed", 2, 5),
        ("nine, two of them children, were taken away", None, None),
        ("a 52-year-old man and his 13-year-old son were killed", 2, None),
        ("Three days of fighting killed 40 people", 40, None),
        ("Several hours later two people were wounded", None, 2),
        # nobody harmed is a count of none; "no one" is no "one"
        ("The fire was extinguished and there were no casualties, the governor said.", 0, 0),
        ("No one was injured.", 0, 0),
        ("A strike killed two; no one else was hurt.", 2, 0),
        ("No injuries were reported.", None, 0),
        # a death toll that rose, however far from the figure
        ("The death toll from Monday's missile strike on a shopping centre in Kremenchuk rose to 20.", 20, None),
        ("The death toll has risen to at least 14, officials said.", 14, None),
        # one person who died of wounds; not of old age
        ("A 50-year-old man died of wounds sustained in the attack.", 1, None),
        ("A woman later died in hospital.", 1, None),
        ("The former mayor died of natural causes in 2019.", None, None),
        # security-service speech: armed people "eliminated" were killed; drones were not
        ("Three suspects were eliminated and another three detained.", 3, None),
        ("Air defence eliminated 25 drones overnight.", None, None),
    ],
)
def test_counts(sentence, fatalities, injured):
    counts = find_counts(sentence)
    assert (counts.fatalities, counts.injured) == (fatalities, injured)


def test_quantities():
    counts = find_counts("It intercepted a total of 337 drones, with 91 targeting the Moscow region alone.")
    assert counts.quantities == {"drones_intercepted": 337, "drones_targeting": 91}
    assert find_counts("about 11,000 North Korean army personnel had been deployed to Russia").quantities == {
        "troops_deployed": 11000
    }


PUBLISHED = date(2024, 12, 18)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Drones hit the city yesterday", (date(2024, 12, 17), 1)),
        ("Drones hit the city on Thursday", (date(2024, 12, 12), 1)),
        ("Drones hit the city on Wednesday", (date(2024, 12, 18), 1)),
        ("Drones hit the city overnight", (date(2024, 12, 18), 1)),
        ("Drones hit the city last week", (date(2024, 12, 11), 2)),
        ("Drones hit the city on 15 April 2022", (date(2022, 4, 15), 1)),
        ("Drones hit the city on April 15, 2022", (date(2022, 4, 15), 1)),
        ("Drones hit the city on 20 December", (date(2023, 12, 20), 1)),
        ("Drones hit the city in March", (date(2024, 3, 1), 3)),
        ("Police arrested 100 people over the weekend", (date(2024, 12, 15), 2)),  # the Sunday just past
        ("Протести відбулися на вихідних", (date(2024, 12, 15), 2)),
        ("Gunmen kidnapped three students two days ago", (date(2024, 12, 16), 1)),
        ("Два дні тому окупанти обстріляли село", (date(2024, 12, 16), 1)),
        ("Три дня назад беспилотник атаковал автомобиль", (date(2024, 12, 15), 1)),
        ("Shelling started days ago", (PUBLISHED, 2)),  # how many days, unsaid
        ("Drones hit the city", (PUBLISHED, 2)),
        ("The army may have lost ground", (PUBLISHED, 2)),
    ],
)
def test_dates_against_publication(sentence, expected):
    assert resolve_date(sentence, PUBLISHED) == expected


@pytest.mark.parametrize("sentence", ["Drones hit the city yesterday", "on Thursday", "last week", "in March", "no date"])
def test_undated_article_gets_no_invented_date(sentence):
    assert resolve_date(sentence, None) == (None, None)


def test_absolute_date_needs_no_publication_date():
    assert find_date("on 15 April 2022 shells hit the town", None)[:2] == (date(2022, 4, 15), 1)


def test_state_forces_names():
    assert state_forces("RU", "Russia") == "Military Forces of Russia (2000-)"
    assert state_forces("KP", "North Korea") == "Military Forces of North Korea (2011-)"


def test_geomap_extract_is_lazy_and_callable():
    import subprocess
    import sys

    code = (
        "import sys, geomap\n"
        "assert callable(geomap.extract)\n"
        "import geomap.analysis.rules\n"
        "assert callable(geomap.extract)\n"
        "assert 'geopandas' not in sys.modules, 'geomap.extract must not import geopandas until called'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("In 2022, Russian troops captured Kherson.", True),
        ("Russia annexed Crimea in 2014 and has occupied it since.", True),
        ("The town was shelled last year as well.", True),
        ("Troops captured the town in 2024.", False),
        ("Troops recaptured Kherson on 11 November 2022, a year after fighting began.", False),
        ("Drones struck Kharkiv overnight.", False),
        ("The port has been shelled since Russian troops left it in November 2022.", True),
        ("The largest attack since March 2022 hit Kyiv on Monday.", False),
        # a habit whose only date says when a state began ("under siege since ...") has no day of its own
        ("Officials have repeatedly accused the RSF of shelling the city, under siege since May 10, 2024.", True),
        ("Officials have repeatedly accused the RSF of shelling the city on May 10, 2024.", False),
        ("Civilians trapped in the city are being subjected daily to shelling.", True),
        ("Russian daily Kommersant reported that drones struck Moscow.", False),
    ],
)
def test_background_sentences(sentence, background):
    assert is_background(sentence, PUBLISHED) is background
