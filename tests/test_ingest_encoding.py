"""Encodings seen in this field: UTF-8 with and without BOM, CP1251, KOI8-R/U."""

from __future__ import annotations

import codecs

import pytest

from geomap.errors import UnreadableInputError
from geomap.ingest import iter_articles, read_text
from geomap.ingest.encoding import cyrillic_codepage, decode_bytes

RUSSIAN = (
    "Обстрел Харькова\n\n"
    "В результате обстрела Харькова погибли два мирных жителя, ещё семеро ранены, "
    "сообщил глава областной администрации.\n"
)
UKRAINIAN = "Унаслідок обстрілу Херсона загинули троє людей, поранено ще п'ятьох, повідомила ОВА.\n"
SHORT = ["Взрыв в Москве", "Удар по НПЗ", "Привет", "ВСУ", "Ґанок біля річки"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r", "utf-16"])
def test_russian_article_in_each_encoding(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    assert read_text(path) == RUSSIAN
    [article] = iter_articles([str(path)])
    assert article.title == "Обстрел Харькова"
    assert article.text.startswith("В результате обстрела")
    assert RUSSIAN[article.offset : article.offset + len(article.text)] == article.text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u", "utf-8"])
def test_ukrainian_text(encoding):
    assert decode_bytes(UKRAINIAN.encode(encoding), "x") == UKRAINIAN


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(t, e) for t in SHORT for e in ("cp1251", "koi8_r", "koi8_u") if not ("Ґ" in t and e == "koi8_r")],
)
def test_short_cyrillic_lines_decide_the_right_code_page(text, encoding):
    assert decode_bytes(text.encode(encoding), "x") == text


def test_bom_is_dropped_so_offsets_count_characters():
    text = decode_bytes(codecs.BOM_UTF8 + "Київ".encode(), "x")
    assert text == "Київ"


def test_western_text_is_not_mistaken_for_cyrillic():
    data = "Der Bürgermeister von Köln sagte, die Straße bleibt gesperrt.".encode("cp1252")
    assert cyrillic_codepage(data) is None
    assert decode_bytes(data, "x") == "Der Bürgermeister von Köln sagte, die Straße bleibt gesperrt."


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes([1, 2, 3, 4, 5, 6, 200, 201] * 50)],
)
def test_binary_data_is_unreadable_not_a_crash(data):
    with pytest.raises(UnreadableInputError, match="x.bin: not a text file"):
        decode_bytes(data, "x.bin")
