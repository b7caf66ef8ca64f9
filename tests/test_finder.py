"""Finder unit tests against a tiny in-memory store (same methods as gazetteer.store.Store).

The finder's job is spans: word boundaries on the original text, the longest
name, possessives, region phrasings, capitalisation and demonyms. Which place a
span is, and whether it is one at all, is the resolver's (tests/test_resolve.py).
"""

from __future__ import annotations

import pytest

from gazetteer.finder import find_candidates, is_sentence_initial
from gazetteer.normalize import fold


class TinyStore:
    """keys_at / entries / demonym over a handful of names."""

    def __init__(self, names, demonyms=()):
        self._entries = {}
        for i, name in enumerate(names):
            self._entries.setdefault(fold(name), []).append((i, 1))
        self._demonyms = {fold(d): iso for d, iso in demonyms}

    def keys_at(self, folded, pos, max_len=64):
        return [k for k in self._entries if folded.startswith(k, pos)] + [
            k for k in self._demonyms if folded.startswith(k, pos) and k not in self._entries
        ]

    def entries(self, key):
        return self._entries.get(key, [])

    def demonym(self, key):
        return self._demonyms.get(key)


STORE = TinyStore(
    [
        "Moscow", "Moscow Oblast", "Kursk", "Kursk Oblast", "Kursk region", "Курская область",
        "Kurskaya oblast", "Ust'-Luga", "Ust-Luga", "Russia", "North Korea", "Kyiv", "Kiev",
        "Republic of Crimea", "Krasnodar Krai", "New York", "York", "Russian Federation",
        "St. Louis", "Region",
    ],
    demonyms=[("Russian", "RU"), ("Ukrainian", "UA"), ("North Korean", "KP"), ("Russians", "RU")],
)


def spans(text):
    return [(c.text, c.key, c.demonym) for c in find_candidates(STORE, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Drones hit Moscow overnight.", [("Moscow", "moscow", None)]),
        ("A hospital in Moscow Oblast.", [("Moscow Oblast", "moscow oblast", None)]),
        ("Fighting in the Kursk region went on.", [("Kursk region", "kursk region", None)]),
        ("Fighting in Kursk oblast went on.", [("Kursk oblast", "kursk oblast", None)]),
        ("Бои в Курская область.", [("Курская область", "курская область", None)]),
        ("in Kurskaya Oblast", [("Kurskaya Oblast", "kurskaya oblast", None)]),
        ("a tanker from Ust’-Luga sank", [("Ust’-Luga", "ust luga", None)]),
        ("a tanker from Ust Luga sank", [("Ust Luga", "ust luga", None)]),
        ("the Republic of Crimea and Krasnodar Krai", [("Republic of Crimea", "republic of crimea", None), ("Krasnodar Krai", "krasnodar krai", None)]),
        ("He flew to New York.", [("New York", "new york", None)]),
        ("He came from St. Louis today.", [("St. Louis", "st louis", None)]),
    ],
)
def test_names_and_region_phrasings(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text, surface", [("Moscow's mayor", "Moscow"), ("Russia’s Kursk Oblast", "Russia"), ("Kyiv's", "Kyiv")])
def test_possessive_is_excluded_from_the_span(text, surface):
    cands = find_candidates(STORE, text)
    assert cands[0].text == surface
    assert cands[0].possessive
    assert text[cands[0].start : cands[0].end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "RURussian Federation",  # glued to a previous word in the source
        "moscow in lower case",  # not capitalised like a name
        "Moscowite restaurants",  # a longer word
        "Kurskites",
        "Muscovy",
    ],
)
def test_no_match_inside_words_or_lower_case(text):
    assert [c for c in find_candidates(STORE, text) if not c.demonym] == []


def test_longest_match_wins_and_no_overlaps():
    cands = find_candidates(STORE, "North Korea and the Russian Federation met in New York.")
    assert [c.text for c in cands] == ["North Korea", "Russian Federation", "New York"]


def test_region_word_after_a_sentence_end_is_not_joined():
    # "Kursk. Region" must not become the admin1 phrasing "Kursk region".
    cands = find_candidates(STORE, "They fled Kursk. Region officials said so.")
    assert [c.text for c in cands][:1] == ["Kursk"]


@pytest.mark.parametrize(
    "text, surface, iso",
    [
        ("Ukrainian forces advanced.", "Ukrainian", "UA"),
        ("wounded North Korean soldiers", "North Korean", "KP"),
        ("the wounded North Koreans do not speak", "North Koreans", "KP"),
        ("wounded Russians are treated", "Russians", "RU"),
    ],
)
def test_demonyms(text, surface, iso):
    cands = find_candidates(STORE, text)
    assert [(c.text, c.demonym) for c in cands] == [(surface, iso)]
    assert cands[0].entries == []


def test_offsets_point_into_the_original_text():
    text = "Strikes on  Kyiv and\nKursk Oblast — and Ust’-Luga."
    for c in find_candidates(STORE, text):
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "text, start, expected",
    [
        ("Moscow said.", 0, True),
        ("It rained. Moscow said.", 11, True),
        ("He visited St. Louis.", 15, False),
        ("in Moscow today", 3, False),
        ('He said: "Moscow is big"', 10, True),
    ],
)
def test_sentence_initial(text, start, expected):
    assert is_sentence_initial(text, start) is expected


def test_user_names_are_matched():
    cands = find_candidates(STORE, "Shelling hit Krynky again.", user_names={"krynky": ["P"]})
    assert [(c.text, c.user) for c in cands] == [("Krynky", ["P"])]


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit Kharkiv and Kupiansk overnight.",
        "Straße in Köln, the ﬁrst McDonald’s in Ust’-Luga  and   Odesa.",
        "Дрони атакували Київ 😀 та Harkiv; (Zaporizhzhia) — “Sumy”.",
        "A\nB C\tD  E",
        "",
        "ÉÇ ÖZ İstanbul Ǆemal",
    ],
)
def test_scan_matches_a_plain_reading_of_the_text(text):
    # The vectorised scan must agree with the obvious character-by-character
    # reading: fold_text's folding and offsets, word ends, capitalised word starts.
    from gazetteer.finder import _scan
    from gazetteer.normalize import fold_text

    if not text:
        assert find_candidates(STORE, text) == []
        return
    folded, offsets, ends, starts = _scan(text)
    ref_folded, ref_offsets = fold_text(text)
    assert folded == ref_folded and list(offsets) == ref_offsets
    ref_ends = [i + 1 for i, ch in enumerate(folded) if ch.isalnum() and (i + 1 == len(folded) or not folded[i + 1].isalnum())]
    assert ends == ref_ends
    caps = [i for i, ch in enumerate(text) if ch.isupper() and ord(ch) < 0x10000 and not (i and text[i - 1].isalnum())]
    ref_starts = []
    for c in caps:
        if c in ref_offsets[:-1]:
            p = ref_offsets.index(c)
            ref_starts.append((p, sum(1 for e in ref_ends if e <= p)))
    assert starts == ref_starts



@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("Удары по Днепрянам и Каховке.", "Днепрянам", "Dnipryany"),  # ru plural dative
        ("В Великих Копанях поврежден автомобиль.", "Великих Копанях", "Velyki Kopani"),  # plural adjective
        ("У Малокатеринівці поранено двох чоловіків.", "Малокатеринівці", "Malokaterynivka"),  # uk locative of -ка
        ("Бої біля Шахового тривають.", "Шахового", "Shakhove"),  # uk neuter adjective name
        ("У Нікополі та Марганці пошкоджено будинки.", "Марганці", "Marhanets"),  # uk -ець: Марганець
        ("Обстрел Марганца продолжался.", "Марганца", "Marhanets"),  # ru -ец: Марганец
        ("Gunmen killed 12 people in Port-au-Prince on Monday.", "Port-au-Prince", "Port-au-Prince"),  # "au"
        # Arabic articles, French "des", Dutch "op" inside a name
        ("US strikes hit militias in Deir ez-Zor province.", "Deir ez-Zor province", "Deir ez-Zor"),
        ("Clashes in Dair az-Zaur continued.", "Dair az-Zaur", "Deir ez-Zor"),
        ("Gangs attacked Croix-des-Bouquets overnight.", "Croix-des-Bouquets", "Croix-des-Bouquets"),
        ("A fire broke out in Bergen op Zoom.", "Bergen op Zoom", "Bergen op Zoom"),
        ("Заміновано поле під Чугуєвом.", "Чугуєвом", "Chuhuyiv"),  # uk instrumental in -єв-
        ("Ракета вдарила по Чугуєву.", "Чугуєву", "Chuhuyiv"),  # uk dative in -єв-
    ],
)
def test_more_case_endings_and_small_words(real_gazetteer, text, surface, name):
    found = {(m.text, m.place.name) for m in real_gazetteer.find(text)}
    assert (surface, name) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the raion around Dnipro, not the village Дніпровське
        ("Російські війська вдарили по Дніпровському району.", [("Дніпровському району", "Dnipro")]),
        ("Удар по Запорізькому району.", [("Запорізькому району", "Zaporizhzhya")]),
        ("Бої тривають на Покровському напрямку.", []),  # a front, not Pokrovsk or Pokrovske
        ("Харківський міський голова повідомив про вибухи.", []),  # a council, not the town
        ("В Рыльском районе погибли двое.", [("Рыльском районе", "Ryl’sk")]),  # the district's town
        ("Удар по Харківському району.", [("Харківському району", "Kharkiv")]),
    ],
)
def test_a_district_adjective_is_its_town_or_nothing(real_gazetteer, text, expected):
    found = [(m.text, m.place.name) for m in real_gazetteer.find(text) if not m.demonym and m.place.kind != "country"]
    assert found == expected
