"""Ukrainian and Russian region names in the built gazetteer data.

Table-driven: a text and the place it must resolve to (``gazetteer.find``), for
the names and rules of ``gazetteer/build`` about regions: Kyiv Oblast's Cyrillic
names, city-regions that are never "<name> region", colloquial oblast names
("Київщина") and their case forms, Crimea in Cyrillic. Also checks the build's
rule helpers on their own.
"""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from gazetteer.build import tables
from gazetteer.build.build import is_city_region, strip_type
from gazetteer.normalize import fold
from gazetteer.store import NAME_QUALIFIED

KYIV_OBLAST = "admin1:UA.13"
KYIV_CITY_REGION = "admin1:UA.12"
KYIV = "gn:703448"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def resolved(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in gaz.find(text)]


# text, the mention's text, the place it resolves to
KYIV_CASES = [
    # 1. Kyiv Oblast's own Ukrainian and Russian names (Natural Earth gives it the city's).
    ("Київська область", "Київська область", KYIV_OBLAST),
    ("Киевская область", "Киевская область", KYIV_OBLAST),
    ("Взрыв в Киевской области.", "Киевской области", KYIV_OBLAST),
    ("Удары по Киевской области", "Киевской области", KYIV_OBLAST),
    # 2. "Kyiv region" is the oblast, as "Moscow region" is; the city-region has no "region".
    ("Kyiv region", "Kyiv region", KYIV_OBLAST),
    ("Kiev region", "Kiev region", KYIV_OBLAST),
    ("Drones hit the Kyiv region overnight.", "Kyiv region", KYIV_OBLAST),
    ("Kyiv Oblast", "Kyiv Oblast", KYIV_OBLAST),
    ("Kyiv", "Kyiv", KYIV),
    ("Kyiv City", "Kyiv City", KYIV_CITY_REGION),
    ("Sevastopol", "Sevastopol", "gn:694423"),
    ("Moscow region", "Moscow region", "admin1:RU.47"),
    ("Moscow", "Moscow", "gn:524901"),
    # the same for city-regions that Natural Earth does not type as cities
    ("Minsk region", "Minsk region", "admin1:BY.05"),
    ("Sofia region", "Sofia region", "admin1:BG.58"),
    ("Tashkent region", "Tashkent region", "admin1:UZ.14"),
]

# 3. Colloquial oblast names, in the locative the way news writes them.
COLLOQUIAL_CASES = [
    ("Київщина", "Київщина", KYIV_OBLAST),
    ("Вибухи на Київщині", "Київщині", KYIV_OBLAST),
    ("Обстріл у Харківщині", "Харківщині", "admin1:UA.07"),
    ("Бої на Донеччині", "Донеччині", "admin1:UA.05"),
    ("на Луганщині", "Луганщині", "admin1:UA.14"),
    ("на Херсонщині", "Херсонщині", "admin1:UA.08"),
    ("на Сумщині", "Сумщині", "admin1:UA.21"),
    ("на Чернігівщині", "Чернігівщині", "admin1:UA.02"),
    ("на Полтавщині", "Полтавщині", "admin1:UA.18"),
    ("на Дніпропетровщині", "Дніпропетровщині", "admin1:UA.04"),
    ("на Дніпровщині", "Дніпровщині", "admin1:UA.04"),
    ("на Миколаївщині", "Миколаївщині", "admin1:UA.16"),
    ("на Одещині", "Одещині", "admin1:UA.17"),
    ("на Житомирщині", "Житомирщині", "admin1:UA.27"),
    ("на Рівненщині", "Рівненщині", "admin1:UA.19"),
    ("на Черкащині", "Черкащині", "admin1:UA.01"),
    ("на Вінниччині", "Вінниччині", "admin1:UA.23"),
    ("на Хмельниччині", "Хмельниччині", "admin1:UA.09"),
    ("на Тернопільщині", "Тернопільщині", "admin1:UA.22"),
    ("на Львівщині", "Львівщині", "admin1:UA.15"),
    ("на Івано-Франківщині", "Івано-Франківщині", "admin1:UA.06"),
    ("на Прикарпатті", "Прикарпатті", "admin1:UA.06"),
    ("на Кіровоградщині", "Кіровоградщині", "admin1:UA.10"),
    ("на Закарпатті", "Закарпатті", "admin1:UA.25"),
    ("на Волині", "Волині", "admin1:UA.24"),
    ("на Буковині", "Буковині", "admin1:UA.03"),
    # Russian forms
    ("на Киевщине", "Киевщине", KYIV_OBLAST),
    ("на Харьковщине", "Харьковщине", "admin1:UA.07"),
    ("Херсонщина", "Херсонщина", "admin1:UA.08"),
    ("в Белгородчине", "Белгородчине", "admin1:RU.09"),
    ("на Курщине", "Курщине", "admin1:RU.41"),
    ("на Брянщине", "Брянщине", "admin1:RU.10"),
    # Запоріжжя stays the city
    ("Запоріжжя", "Запоріжжя", "gn:687700"),
]

# 4. Other Russian/Ukrainian region names.
OTHER_CASES = [
    ("Крым", "Крым", "admin1:UA.11"),
    ("Крим", "Крим", "admin1:UA.11"),
    ("Ситуация в Крыму", "Крыму", "admin1:UA.11"),
    ("Вибухи у Криму", "Криму", "admin1:UA.11"),
    ("Донецкая область", "Донецкая область", "admin1:UA.05"),
    ("Луганская область", "Луганская область", "admin1:UA.14"),
    ("Запорожская область", "Запорожская область", "admin1:UA.26"),
    ("Херсонская область", "Херсонская область", "admin1:UA.08"),
    ("Харківська область", "Харківська область", "admin1:UA.07"),
    ("Удар по Донецкой области", "Донецкой области", "admin1:UA.05"),
    ("Обстрел в ДНР", "ДНР", "admin1:UA.05"),
    ("в ЛНР", "ЛНР", "admin1:UA.14"),
    ("Донецкая Народная Республика", "Донецкая Народная Республика", "admin1:UA.05"),
    ("Бои в Донбассе", "Донбассе", "region:donbas"),
    ("на Донбасі", "Донбасі", "region:donbas"),
    ("в Подмосковье", "Подмосковье", "admin1:RU.47"),
    ("на Кубани", "Кубани", "admin1:RU.38"),
    # English phrasings of oblasts
    ("Kharkiv province", "Kharkiv province", "admin1:UA.07"),
    ("Dnipro region", "Dnipro region", "admin1:UA.04"),
    ("Odesa region", "Odesa region", "admin1:UA.17"),
    ("Odesa", "Odesa", "gn:698740"),
]


@pytest.mark.parametrize(("text", "mention", "place_id"), KYIV_CASES + COLLOQUIAL_CASES + OTHER_CASES)
def test_region_names_resolve(gaz, text, mention, place_id):
    assert resolved(gaz, text) == [(mention, place_id)]


@pytest.mark.parametrize(("text", "mention", "place_id"), [
    ("у Київській області", "Київській області", KYIV_OBLAST),
    ("Обстріл Харківської області", "Харківської області", "admin1:UA.07"),
    ("в Краснодарском крае", "Краснодарском крае", "admin1:RU.38"),
    # cities: soft-sign, neuter and plural names
    ("в Никополе", "Никополе", "gn:700051"),
    ("у Дніпрі", "Дніпрі", "gn:709930"),
    ("по Сумах", "Сумах", "gn:692194"),
    ("Окупанти обстріляли Херсон.", "Херсон", "gn:706448"),
    ("в Херсоне", "Херсоне", "gn:706448"),
    # instrumental
    ("Дроны сбиты над Курской областью.", "Курской областью", "admin1:RU.41"),
    ("Над Сумською областю збили дрони.", "Сумською областю", "admin1:UA.21"),
    ("над Краснодарским краем", "Краснодарским краем", "admin1:RU.38"),
])
def test_ukrainian_adjective_cases(gaz, text, mention, place_id):
    assert resolved(gaz, text) == [(mention, place_id)]


@pytest.mark.parametrize(("key", "city_region"), [
    ("kyiv region", KYIV_CITY_REGION),
    ("kiev region", KYIV_CITY_REGION),
    ("sevastopol region", "admin1:UA.20"),
    ("moscow region", "admin1:RU.48"),
    ("saint petersburg region", "admin1:RU.66"),
    ("minsk region", "admin1:BY.04"),
])
def test_city_regions_are_never_name_region(gaz, key, city_region):
    store = gaz.store
    assert city_region not in {store.place(idx).id for idx, _ in store.entries(key)}
    assert store.index_of(city_region) is not None  # the city-region itself is there


def test_every_colloquial_name_is_a_qualified_name_of_its_region(gaz):
    store = gaz.store
    table = {**tables.ADMIN1_COLLOQUIAL, "UA.13": tables.ADMIN1_COLLOQUIAL["UA.13"] + tables.ADMIN1_NAMES["UA.13"]}
    for code, names in table.items():
        iso, _, a1 = code.partition(".")
        idx = store.admin1(iso, a1)
        assert idx is not None, code
        for name in names:
            flags = dict(store.entries(fold(name))).get(idx)
            assert flags is not None and flags & NAME_QUALIFIED, (code, name)


@pytest.mark.parametrize(("place_id", "name"), [
    ("admin1:UA.13", "Kyiv Oblast"),
    ("admin1:UA.17", "Odesa Oblast"),  # GeoNames' "Odesa" is Natural Earth's alternate, not name_en "Odessa"
    ("admin1:UA.12", "Kyiv City"),
    ("admin1:RU.06", "Arkhangelsk Oblast"),  # GeoNames: "Arkhangelskaya"
    ("admin1:RU.56", "Oryol Oblast"),  # GeoNames: "Oryol oblast"
])
def test_oblast_display_names(gaz, place_id, name):
    assert gaz.get(place_id).name == name


def test_zaporizhzhia_is_no_colloquial_oblast_name():
    assert all("запоріжжя" not in map(fold, names) for names in tables.ADMIN1_COLLOQUIAL.values())


@pytest.mark.parametrize(("names", "types", "expected"), [
    (["Kyiv City", "Kiev City", "Kyiv"], {"rada", "municipality"}, True),  # named a city
    (["Moskva", "Moscow"], {"gorod federalnogo znacheniya", "federal city"}, True),  # typed one
    (["Kyiv Oblast", "Kiev", "Kyiv"], {"oblast'", "region"}, False),
    (["Minsk", None], {"gorod", "municipality"}, False),  # Minsk Oblast, mistyped in Natural Earth
])
def test_is_city_region(names, types, expected):
    assert is_city_region(names, types) is expected


@pytest.mark.parametrize(("key", "bare"), [
    ("автономная республика крым", "крым"),
    ("автономна республіка крим", "крим"),
    ("республика татарстан", "татарстан"),
    ("курская область", "курская"),  # an adjective: the build keeps no such bare key
    ("kursk oblast", "kursk"),
])
def test_strip_type_knows_cyrillic_type_words(key, bare):
    assert strip_type(key) == bare
