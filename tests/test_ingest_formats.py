"""Reading HTML pages, JSON / JSON Lines, RSS / Atom feeds; format detection."""

from __future__ import annotations

import io
import json
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from geomap.errors import ConfigurationError, InputError
from geomap.ingest import iter_articles
from geomap.ingest.dates import parse_date
from geomap.ingest.formats import READERS, SUFFIX_TO_FORMAT, detect_format, get_reader, sniff_format
from geomap.ingest.sources import Source

INGEST = Path(__file__).resolve().parent / "data" / "ingest"


def _read(path, **kwargs):
    errors: list[tuple[str, Exception]] = []
    articles = list(iter_articles([str(path)], on_error=lambda s, e: errors.append((s, e)), **kwargs))
    return articles, errors


# --- HTML ------------------------------------------------------------------------------


def test_html_page_main_text_title_date_and_url():
    [article], errors = _read(INGEST / "odesa.html")
    assert errors == []
    assert article.title == "Strike on Odesa Port Kills Two"
    assert article.published == date(2024, 3, 15)
    assert article.url == "https://news.example.org/2024/odesa-port"
    assert article.offset is None
    assert article.text.startswith("Russian missiles hit the port of Odesa")
    assert "port resumed work" in article.text
    for furniture in ("Home", "Most Read", "Subscribe", "All rights reserved", "Weather warning"):
        assert furniture not in article.text


def test_undated_cp1251_html_page_gets_no_invented_date():
    [article], _ = _read(INGEST / "undated.htm")
    assert article.title == "Обстрел Харькова"
    assert article.text.startswith("В результате обстрела Харькова")
    assert article.published is None
    [dated], _ = _read(INGEST / "undated.htm", published=date(2024, 1, 5))
    assert dated.published == date(2024, 1, 5)


def test_html_without_text_is_reported(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    articles, [(source, err)] = _read(path)
    assert articles == []
    assert source == str(path)
    assert "no article text" in str(err)


# --- feeds ---------------------------------------------------------------------------------


def test_rss_entries_with_html_stripped_and_entry_dates_only():
    articles, errors = _read(INGEST / "feed.rss")
    assert [a.title for a in articles] == ["Drone attack on Belgorod refinery", "Protest in Tbilisi"]
    first, second = articles
    assert first.text == "Ukrainian drones hit an oil refinery in Belgorod overnight, causing a fire, the governor said."
    assert first.published == date(2024, 3, 16)  # the day as the feed writes it, not UTC
    assert first.url == "https://wire.example.org/belgorod-refinery"
    assert second.published is None  # the channel's date is not the entry's
    assert "&" in second.text and "&amp;" not in second.text
    assert [a.index for a in articles] == [0, 1]
    [(source, err)] = errors
    assert "entry 3" in str(err) and isinstance(err, InputError)


def test_atom_prefers_full_content_over_summary():
    [article], errors = _read(INGEST / "feed.atom")
    assert errors == []
    assert article.title == "Clashes near Chasiv Yar"
    assert "clashed near Chasiv Yar" in article.text and "Fighting continued overnight." in article.text
    assert "<p>" not in article.text
    assert article.published == date(2024, 4, 1)
    assert article.url == "https://atom.example.org/chasiv-yar"


def test_broken_feed_is_reported(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title>")
    articles, [(_, err)] = _read(path)
    assert articles == [] and "not a readable feed" in str(err)


# --- JSON / JSON Lines ----------------------------------------------------------------------


def test_jsonl_good_lines_read_bad_lines_reported_with_line_numbers():
    articles, errors = _read(INGEST / "articles.jsonl")
    assert [a.text[:20] for a in articles] == [
        "Russian artillery sh",
        "Police in Moscow det",
        "A drone hit a fuel d",
        "Air defence shot dow",
    ]
    nikopol, moscow, kursk, bryansk = articles
    assert (nikopol.title, nikopol.published, nikopol.url) == (
        "Shelling of Nikopol",
        date(2024, 5, 7),
        "https://a.example.org/1",
    )
    assert (moscow.title, moscow.published) == ("Arrests in Moscow", date(2024, 5, 4))
    assert kursk.text == "A drone hit a fuel depot in Kursk region."
    assert kursk.published == date(2024, 5, 3)
    assert bryansk.published is None  # "May 2024" is not a day
    assert all(a.offset is None for a in articles)
    assert [a.index for a in articles] == [0, 1, 2, 3]
    messages = [str(err) for _, err in errors]
    assert [m.split(":")[0].rsplit(" ", 2)[-2:] for m in messages] == [["line", "4"], ["line", "6"], ["line", "7"]]
    assert "invalid JSON" in messages[0]
    assert all("\n" not in m for m in messages)


def test_bad_jsonl_line_raises_without_on_error():
    with pytest.raises(InputError, match="line 4: invalid JSON"):
        list(iter_articles([str(INGEST / "articles.jsonl")]))


def test_json_array_and_wrapped_list(tmp_path):
    articles, errors = _read(INGEST / "articles.json")
    assert errors == []
    assert [a.title for a in articles] == ["Strike on Zaporizhzhia", "Battle for Robotyne"]
    assert articles[0].published == date(2024, 6, 5)
    assert articles[1].url == "https://b.example.org/robotyne"
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"body": "Shelling hit Sumy.", "date": "2024-01-02"}]}))
    [article], _ = _read(wrapped)
    assert (article.text, article.published) == ("Shelling hit Sumy.", date(2024, 1, 2))


def test_malformed_json_file_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"text": "ok"},\n  {"text": \n]')
    articles, [(_, err)] = _read(path)
    assert articles == []
    assert "bad.json: invalid JSON at line 4" in str(err)


def test_jsonl_with_a_cp1251_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": "Взрыв в Белгороде"}, ensure_ascii=False)
    path.write_bytes(good.encode("utf-8") + b"\n" + good.encode("cp1251") + b"\n")
    articles, errors = _read(path)
    assert errors == []
    assert [a.text for a in articles] == ["Взрыв в Белгороде", "Взрыв в Белгороде"]


# --- detection and the table ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<?xml version='1.0'?><rss version='2.0'>", "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"  <html><body>", "html"),
        (b'[{"text": "a"}]', "json"),
        (b'{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        (b'{\n  "text": "a"\n}\n', "json"),
        (b" date 2024-12-18 Shelling hit Kharkiv.", "text"),
        (b"<3 is not a tag", "text"),
    ],
)
def test_sniff_format(head, expected):
    assert sniff_format(head) == expected


def test_suffix_wins_and_unknown_suffix_is_sniffed(tmp_path):
    html = tmp_path / "page.dat"
    shutil.copy(INGEST / "odesa.html", html)
    assert detect_format(Source(str(html), html)) == "html"
    text = tmp_path / "notes.txt"
    text.write_text("<html>this is a text file about html</html>")
    assert detect_format(Source(str(text), text)) == "text"
    [article], _ = _read(html)
    assert article.title == "Strike on Odesa Port Kills Two"


def test_every_suffix_maps_to_a_registered_reader():
    assert set(SUFFIX_TO_FORMAT.values()) <= set(READERS)
    assert get_reader("jsonl") is READERS["jsonl"]
    with pytest.raises(ConfigurationError, match="unknown input format"):
        get_reader("docx")


def test_jsonl_from_stdin_is_sniffed(monkeypatch):
    data = b'{"text": "Shelling hit Kherson.", "date": "2024-02-03"}\n{"text": "Drones hit Sumy."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles = list(iter_articles("-"))
    assert [(a.text, a.published, a.source) for a in articles] == [
        ("Shelling hit Kherson.", date(2024, 2, 3), "-"),
        ("Drones hit Sumy.", None, "-"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-15", date(2024, 3, 15)),
        ("2024-03-15T23:30:00-05:00", date(2024, 3, 15)),
        ("Sat, 16 Mar 2024 23:30:00 +0300", date(2024, 3, 16)),
        ("2024-02-30", None),
        ("March 2024", None),
        ("", None),
        (None, None),
        (20240315, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_html_saved_as_utf8_with_an_old_cp1251_declaration(tmp_path):
    page = (INGEST / "undated.htm").read_bytes().decode("cp1251")
    path = tmp_path / "resaved.html"
    path.write_bytes(page.encode("utf-8"))  # still says charset=windows-1251
    [article], _ = _read(path)
    assert article.title == "Обстрел Харькова"


def test_html_declaring_utf16_in_ascii_is_read_as_utf8(tmp_path):
    path = tmp_path / "odd.html"
    text = "Shelling of Kharkiv killed three people on Monday, officials said. " * 3
    path.write_text(f"<html><head><meta charset='utf-16'></head><body><p>{text}</p></body></html>")
    [article], _ = _read(path)
    assert article.text.startswith("Shelling of Kharkiv killed three people")


def test_json_text_as_a_list_of_paragraphs(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"paragraphs": 1, "text": ["Shelling hit Sumy.", "  ", "Two were hurt."]}) + "\n")
    [article], _ = _read(path)
    assert article.text == "Shelling hit Sumy.\n\nTwo were hurt."
