"""Folding of names and texts (gazetteer.normalize)."""

from __future__ import annotations

import pytest

from gazetteer.normalize import fold, fold_text


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kyiv", "kyiv"),
        ("KYIV", "kyiv"),
        ("Ust’-Luga", "ust luga"),
        ("Ust-Luga", "ust luga"),
        ("Ust Luga", "ust luga"),
        ("Ust'Luga", "ustluga"),
        ("São Paulo", "sao paulo"),
        ("Zaporizhzhia", "zaporizhzhia"),
        ("Курская область", "курская область"),
        ("Ёлкино", "елкино"),
        ("Йошкар-Ола", "иошкар ола"),
        ("Київ", "киів"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),
        ("U.S.", "u s"),
        ("Côte d´Ivoire", "cote divoire"),
        ("Dnipro\u2014river", "dnipro river"),
        ("Kramatorsk\u00ad", "kramatorsk"),
        ("snake_case_name", "snake case name"),
        ("  Nova\t\n Kakhovka  ", "nova kakhovka"),
        ("", ""),
        ("’", ""),
    ],
)
def test_fold_table(name, key):
    assert fold(name) == key


def test_fold_is_idempotent():
    for name in ["Ust’-Luga", "Харків", "Côte d’Ivoire", "Straße", "ﬁnland"]:
        assert fold(fold(name)) == fold(name)


@pytest.mark.parametrize(
    "text",
    [
        "Drones hit Ust’-Luga and  Novorossiysk on Monday.",
        "Удар по Харкову — «Київ» заявив",
        "Straße  ﬁre in Köln\r\n\tthen São Paulo",
        "e\u0301te\u0301 at Zaporizhzhia’s port",
        "   leading and trailing   ",
        "x",
    ],
)
def test_fold_text_offsets(text):
    folded, offsets = fold_text(text)
    assert len(offsets) == len(folded) + 1
    assert offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    assert "  " not in folded
    # Same rules as fold(), apart from stripping the ends.
    assert folded.strip(" ") == fold(text)
    # Every folded character comes from a source character that folds to it.
    for i, ch in enumerate(folded):
        source = fold_text(text[offsets[i]])[0]
        assert ch in source


def test_fold_text_maps_match_back():
    text = "Strikes on Ust’-Luga,  then KHARKIV and Straße."
    folded, offsets = fold_text(text)
    for name, original in [("ust luga", "Ust’-Luga"), ("kharkiv", "KHARKIV"), ("strasse", "Straße")]:
        i = folded.index(name)
        j = i + len(name)
        assert text[offsets[i] : offsets[j - 1] + 1] == original


def test_fold_text_empty():
    assert fold_text("") == ("", [0])
