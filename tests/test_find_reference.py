"""``Gazetteer.find`` gives what it gave before its fast paths (#13, part 3).

``tests/data/find_reference.json.gz`` holds, for every text :func:`reference_texts`
makes, every mention ``find`` returned before the speed work: offsets, place,
reason, confidence, demonym and alternatives. The texts are the sample articles of
``seeds/`` and ``tests/data/`` and texts made from them (sentences of different
articles together, in capitals, in lower case, cut anywhere; lists of capitalised
words joined by commas, "and", region words and prepositions), read by the
embedded gazetteer plain, with user places and a focus, and with another focus.
Each is read by a fresh gazetteer (memos empty) and again (memos full).

The reference is data, not a specification: when a change to the resolver is
meant to change results, write it again with the change and say why in the
commit::

    python tests/test_find_reference.py --write

Beside it, the fast paths are compared with the plain operations they stand for
on texts hypothesis makes up.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REFERENCE = DATA / "find_reference.json.gz"
PLACES = [DATA / "places" / "frontline.csv", DATA / "places" / "bases.geojson"]


def _articles() -> list[str]:
    texts = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        texts.extend(p for p in path.read_text(encoding="utf-8").split("\n\n\n") if p.strip())
    for folder in ("articles", "cyrillic", "ingest/pages"):
        for path in sorted((DATA / folder).glob("*.txt")):
            raw = path.read_bytes()
            for encoding in ("utf-8", "cp1251"):
                try:
                    texts.append(raw.decode(encoding))
                    break
                except UnicodeDecodeError:
                    continue
    return texts


def reference_texts() -> list[str]:
    """The articles, then texts made from them with a fixed seed."""
    articles = _articles()
    rng = random.Random(13)
    sentences = [s for text in articles for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    made = []
    for _ in range(300):
        text = rng.choice([" ", "\n", "\n\n", "  "]).join(rng.choice(sentences) for _ in range(rng.randint(1, 10)))
        variant = rng.random()
        if variant < 0.1:
            text = text.upper()
        elif variant < 0.18:
            text = text.lower()
        elif variant < 0.26:
            text = text.replace("'", "\u2019").replace(", ", ",")
        elif variant < 0.34:
            text = text[: rng.randint(0, len(text))]
        made.append(text)
    words = sorted({w for s in sentences for w in re.findall(r"[A-ZА-ЯІЇЄҐ][\w'\u2019.-]*", s)})
    joins = [", ", " and ", " ", ", ", " in ", " of ", "'s ", " region ", " County, ", " oblast ", " на ", " в ", ". "]
    for _ in range(300):
        made.append("".join(rng.choice(words) + rng.choice(joins) for _ in range(rng.randint(2, 25))).strip())
    return articles + made


def _readers():
    """(label, gazetteer, texts) of the three readings."""
    from gazetteer import Gazetteer

    texts = reference_texts()
    articles = texts[: len(_articles())]
    return [
        ("plain", Gazetteer(imports=False), texts),
        ("user-places", Gazetteer(places_files=PLACES, focus=("UA",), imports=False), articles),
        ("focus", Gazetteer(focus=("US", "CA"), imports=False), articles),
    ]


def _mentions(gazetteer, text: str) -> list:
    return [
        [m.start, m.end, m.place.id, m.reason, m.confidence, m.demonym, [a.id for a in m.alternatives]]
        for m in gazetteer.find(text)
    ]


@pytest.fixture(scope="module")
def reference():
    with gzip.open(REFERENCE, "rt", encoding="utf-8") as f:
        return json.load(f)


@pytest.mark.parametrize("label", ["plain", "user-places", "focus"])
def test_find_gives_the_reference_mentions_places_and_reasons(reference, label):
    _label, gazetteer, texts = next(r for r in _readers() if r[0] == label)
    expected = reference[label]
    assert len(texts) == len(expected)
    for attempt in ("fresh", "memos full"):
        for i, text in enumerate(texts):
            got = _mentions(gazetteer, text)
            assert got == expected[i], f"{label}, {attempt}, text {i}: {text[:200]!r}"


def test_the_reference_covers_what_find_decides(reference):
    # Not an empty file, and every kind of decision is in it.
    mentions = [m for doc in reference["plain"] for m in doc]
    reasons = {m[3].split(":")[0] for m in mentions}
    assert len(mentions) > 2000
    assert {"country", "demonym", "qualified-admin1", "context-country", "near", "population"} <= reasons
    assert any("\u0400" <= ch <= "\u04ff" for doc in reference_texts() for ch in doc[:200])


# -- the fast paths against the plain operations --------------------------------------------

_HINT_ALPHABET = st.sampled_from(
    list("bnksrivBKSRIVſıİ ,.\n")
    + ["river", "River", "RIVER", "rıver", "riverbank", "bank", "Banks", "shore", "ſhore", "the ", "of ", "of the "]
    + ["берег", "Берез", "річк", "РЕК", "реч", "region", "State", "oblast", "prov", "ince", "province", "Governorate"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HINT_ALPHABET, max_size=40).map("".join), st.integers(0, 60))
def test_hints_find_every_window_the_search_finds(text, width):
    from gazetteer.finder import _REGION_OF, _REGION_OF_WORDS, Hints
    from gazetteer.resolver import _RIVER_AFTER, _RIVER_BEFORE, _RIVER_WORDS

    river, region = Hints(_RIVER_WORDS, text), Hints(_REGION_OF_WORDS, text)
    for hi in range(len(text) + 1):
        for lo in (max(0, hi - width), max(0, hi - 40), max(0, hi - 20)):
            if _RIVER_BEFORE.search(text, lo, hi):
                assert river.within(lo, hi)
            if _REGION_OF.search(text, lo, hi):
                assert region.within(lo, hi)
        if _RIVER_AFTER.match(text, hi):
            assert river


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("GaMsWVNJCl. xyzabc,\n") + ["Ga. ", "W. Va. ", "N.J. ", "Ill. ", "Mass. "]), max_size=40).map("".join))
def test_ap_abbreviations_before_nouns_are_the_plain_scan(text):
    from gazetteer.finder import _AP_BEFORE_NOUN, _ap_before_noun_matches

    assert [m.span(1) for m in _ap_before_noun_matches(text)] == [m.span(1) for m in _AP_BEFORE_NOUN.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Aa Kk’'.-\n\t…ßÉé1_") + ["Київ", "İs", "ﬁ", "\u00ad", "\U0001d400", "Ǆ"]), max_size=40).map("".join))
def test_the_scan_is_a_plain_reading_of_the_text(text):
    from gazetteer.finder import _scan
    from gazetteer.normalize import fold_text

    if not text:
        return
    folded, offsets, ends, starts = _scan(text)
    ref_folded, ref_offsets = fold_text(text)
    assert folded == ref_folded and list(offsets) == ref_offsets

    def alnum(ch):  # the scan's tables cover the Basic Multilingual Plane
        return ch.isalnum() and ord(ch) < 0x10000

    assert ends == [i + 1 for i, ch in enumerate(folded) if alnum(ch) and (i + 1 == len(folded) or not alnum(folded[i + 1]))]
    caps = [i for i, ch in enumerate(text) if ch.isupper() and ord(ch) < 0x10000 and not (i and alnum(text[i - 1]))]
    where: dict[int, int] = {}
    for p, o in enumerate(ref_offsets[:-1]):
        where.setdefault(o, p)  # the first folded character of each original one
    assert starts == [(where[c], sum(1 for e in ends if e <= where[c])) for c in caps if c in where]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Ab1_ .\t\n'’ʼ`´-,") + ["said ", "Mr. ", "St. ", "Київ ", "\U0001d400"]), max_size=30).map("".join), st.data())
def test_words_around_are_the_plain_words_before_and_after(text, data):
    from gazetteer.finder import Candidate, word_after, word_before, words_around

    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=5))
    candidates = [Candidate(a, max(a, b), text[a : max(a, b)], "x") for a, b in spans]
    words_around(text, candidates)
    assert [(c.before, c.after) for c in candidates] == [(word_before(text, c.start), word_after(text, c.end)) for c in candidates]


def _write() -> None:
    out = {label: [_mentions(gazetteer, text) for text in texts] for label, gazetteer, texts in _readers()}
    with gzip.open(REFERENCE, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(out, f, separators=(",", ":"))
    print(REFERENCE, {k: sum(map(len, v)) for k, v in out.items()})


if __name__ == "__main__":
    if "--write" in sys.argv:
        _write()
    else:
        print(__doc__)
