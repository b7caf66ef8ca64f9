"""Reading plain-text articles: inputs, the date header, page splitting, errors."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path

import pytest

from geomap.errors import InputError, UnreadableInputError
from geomap.ingest import iter_articles, read_text
from geomap.ingest.split import is_furniture, is_title_case, page_lines, split_page

INGEST = Path(__file__).resolve().parent / "data" / "ingest"


def _errors():
    seen: list[tuple[str, Exception]] = []
    return seen, lambda source, err: seen.append((source, err))


def _assert_verbatim(article):
    decoded = read_text(article.source)
    assert decoded[article.offset : article.offset + len(article.text)] == article.text
    if article.title is not None:
        start = article.title_offset
        assert decoded[start : start + len(article.title)] == article.title


# --- the date header ---------------------------------------------------------------


def test_header_on_the_same_line_is_the_publication_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-12-18 Shelling hit Kharkiv on Monday, the mayor said.\n\nMore text here.\n")
    [article] = iter_articles([str(path)])
    assert article.published == date(2024, 12, 18)
    assert article.text.startswith("Shelling hit Kharkiv")
    assert "date 2024" not in article.text
    assert article.title is None
    _assert_verbatim(article)


def test_header_with_a_colon(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Date: 2022-04-15\nA missile hit a factory near Kyiv.\n")
    [article] = iter_articles([str(path)])
    assert (article.published, article.text) == (date(2022, 4, 15), "A missile hit a factory near Kyiv.")


def test_a_sentence_about_dates_is_not_a_header(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Dates 2022-04-15 and 2022-04-16 saw heavy fighting near Izium.\n")
    [article] = iter_articles([str(path)])
    assert article.published is None and article.offset == 0


def test_header_on_its_own_line():
    [article] = iter_articles([str(INGEST / "header_own_line.txt")])
    assert article.published == date(2023, 3, 1)
    assert article.text.startswith("The village of Krasnohorivka")
    _assert_verbatim(article)


def test_impossible_header_date_is_not_invented(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2024-02-30 Troops advanced near Avdiivka on Friday.\n")
    [article] = iter_articles([str(path)])
    assert article.published is None
    assert article.text == "Troops advanced near Avdiivka on Friday."


def test_published_fills_only_undated_articles(tmp_path):
    dated = tmp_path / "a.txt"
    dated.write_text("date 2024-12-18 Troops advanced near Pokrovsk on Friday.\n")
    undated = tmp_path / "b.txt"
    undated.write_text("Troops advanced near Pokrovsk on Saturday.\n")
    articles = list(iter_articles([str(dated), str(undated)], published=date(2025, 1, 2)))
    assert [a.published for a in articles] == [date(2024, 12, 18), date(2025, 1, 2)]
    assert [a.published for a in iter_articles([str(undated)])] == [None]


# --- page splitting ----------------------------------------------------------------


def test_page_of_three_articles_is_split_with_titles_and_no_furniture():
    articles = list(iter_articles([str(INGEST / "page_three.txt")]))
    assert [a.title for a in articles] == [
        "Drone Attack Sets Fire to Oil Depot in Bryansk Region",
        "Shelling Kills Two Civilians in Kherson Residential District",
        "Protesters Gather Outside Parliament in Tbilisi Over New Media Law",
    ]
    assert [a.index for a in articles] == [0, 1, 2]
    assert articles[0].text.startswith("A fuel depot in the Bryansk region")
    assert articles[0].text.endswith("according to local officials.")
    assert articles[1].text.startswith("Two civilians were killed")
    assert articles[2].text.endswith("Police detained several demonstrators.")
    furniture = ("Home |", "UAUkraine", "Share this", "Advertisement", "Most Read", "Cookie", "Subscribe")
    for article in articles:
        _assert_verbatim(article)
        for label in furniture:
            assert label not in article.text
            assert label not in article.title


@pytest.mark.parametrize(
    ("name", "title", "first", "last"),
    [
        (
            "reuters.txt",
            "Ukraine says it downed 50 Russian drones overnight",
            "KYIV, Dec 18 (Reuters) - Ukraine's air force",
            "the air force said.",
        ),
        (
            "tass.txt",
            "ВСУ атаковали Белгородскую область беспилотниками",
            "БЕЛГОРОД, 18 декабря. /ТАСС/.",
            "написал он в Telegram-канале.",
        ),
        (
            "up.txt",
            "Russians attack Kharkiv with guided bombs: 3 killed, 20 injured",
            "Russian forces attacked Kharkiv",
            "in recent weeks.",
        ),
    ],
)
def test_single_article_pages_lose_bylines_datelines_captions_tags_and_credits(name, title, first, last):
    [article] = iter_articles([str(INGEST / "pages" / name)])
    assert article.title == title
    assert article.text.startswith(first)
    assert article.text.endswith(last)
    _assert_verbatim(article)


def test_single_article_keeps_sub_heading_and_takes_first_short_line_as_title():
    [article] = iter_articles([str(INGEST / "single_titled.txt")])
    assert article.title == "Explosions reported in Belgorod overnight"
    assert "What Happened Next" in article.text
    assert article.text.endswith("by morning.")
    _assert_verbatim(article)


def test_untitled_single_article_has_no_title(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russian forces shelled Nikopol overnight, injuring three people, the governor said.\n")
    [article] = iter_articles([str(path)])
    assert article.title is None
    assert article.offset == 0


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Loading...", True),
        ("Weekly Newsletter", True),
        ("More from Southern Europe", True),
        ("PLPoland|", True),
        ("Share on Telegram", True),
        ("We use cookies to improve your experience", True),
        ("News | Politics | Economy", True),
        ("* * *", True),
        ("18 December 2024, 14:05", True),
        ("Dec 18, 2024", True),
        ("Photo: Reuters", True),
        ("Updated 2 hours ago", True),
        ("18 killed", False),
        ("Video shows drone strike on Russian refinery", False),
        ("Published reports disagree on the toll", False),
        ("Troops Advance Near Toretsk", False),
        ("Two people were killed in the strike, officials said.", False),
    ],
)
def test_furniture_lines(line, furniture):
    [parsed] = page_lines(line)
    assert is_furniture(parsed) is furniture


def test_short_label_repeated_on_a_page_is_furniture():
    page = (
        "Strike on Port Damages Grain Terminal\n\nA missile hit the port of Izmail on Tuesday, officials said.\n"
        "World News\n\nTalks Stall as Ceasefire Proposal Is Rejected\n\n"
        "Negotiators left Geneva on Wednesday without an agreement, diplomats said.\nWorld News\n"
    )
    pieces = split_page(page)
    assert [p.title.text for p in pieces] == [
        "Strike on Port Damages Grain Terminal",
        "Talks Stall as Ceasefire Proposal Is Rejected",
    ]
    assert all("World News" not in page[p.start : p.end] for p in pieces)


def test_title_case_headline_splits_without_furniture_but_a_sub_heading_does_not():
    page = (
        "Missile Strike Damages Power Plant in Dnipro Region\n\n"
        "A missile struck a thermal power plant in the Dnipro region on Friday, the operator said.\n\n"
        "What Happens Next for Repairs\n\n"
        "Engineers expect repairs to take several weeks, the company added.\n\n"
        "Border Guards Report Heavy Shelling Across Sumy Oblast\n\n"
        "Russian forces shelled eleven communities in Sumy Oblast overnight, the administration said.\n"
    )
    pieces = split_page(page)
    assert [p.title.text for p in pieces] == [
        "Missile Strike Damages Power Plant in Dnipro Region",
        "Border Guards Report Heavy Shelling Across Sumy Oblast",
    ]
    assert "What Happens Next for Repairs" in page[pieces[0].start : pieces[0].end]


def test_sentence_case_articles_separated_by_rules_are_split():
    page = (
        "Взрыв на НПЗ в Туапсе\n\n"
        "Беспилотник атаковал нефтеперерабатывающий завод в Туапсе ночью, начался пожар, сообщили власти.\n\n"
        "* * *\n\n"
        "Обстрел Херсона\n\n"
        "Российская армия обстреляла Херсон, погибли два человека, ещё пятеро ранены.\n\n"
        "---\n\n"
        "Протест в Тбилиси\n\n"
        "Тысячи людей вышли на улицы Тбилиси в воскресенье, полиция задержала демонстрантов.\n"
    )
    pieces = split_page(page)
    assert [p.title.text for p in pieces] == ["Взрыв на НПЗ в Туапсе", "Обстрел Херсона", "Протест в Тбилиси"]
    assert [page[p.start : p.end][:10] for p in pieces] == ["Беспилотни", "Российская", "Тысячи люд"]


def test_dateline_and_byline_before_a_sentence_case_title_are_dropped():
    page = (
        "18 December 2024, 14:05\nOlena Petrenko\n"
        "Air raid alert declared across eastern Ukraine\n\n"
        "An air raid alert was declared in six eastern regions on Wednesday afternoon, officials said.\n"
    )
    [piece] = split_page(page)
    assert piece.title.text == "Air raid alert declared across eastern Ukraine"
    assert page[piece.start : piece.end].startswith("An air raid alert")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin Claims Control Over Ukrainian Forces in Kursk", True),
        ("Major Drone Strike Targets Moscow, Casualties Reported", True),
        ("Explosions reported in Belgorod overnight", False),
        ("Взрывы прогремели в Белгороде ночью", False),
    ],
)
def test_title_case(text, expected):
    assert is_title_case(text) is expected


def test_crlf_page_keeps_offsets(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Port Hit by Missiles\r\n\r\nMissiles hit the port of Odesa on Monday, the navy said.\r\n")
    [article] = iter_articles([str(path)])
    assert article.title == "Port Hit by Missiles"
    assert article.text == "Missiles hit the port of Odesa on Monday, the navy said."
    _assert_verbatim(article)


# --- inputs: folders, globs, stdin ---------------------------------------------------


def test_folder_is_read_recursively_sorted_without_hidden_files():
    folder = INGEST / "folder"
    sources = [Path(a.source).relative_to(folder).as_posix() for a in iter_articles([str(folder)])]
    assert sources == ["b.txt", "sub/a.txt"]


def test_glob(tmp_path):
    for name in ("2.txt", "1.txt", "x.md"):
        (tmp_path / name).write_text(f"Fighting continued near Chasiv Yar, report {name}.\n")
    articles = list(iter_articles([str(tmp_path / "*.txt")]))
    assert [Path(a.source).name for a in articles] == ["1.txt", "2.txt"]


def test_stdin(monkeypatch):
    data = "Storm Hits Coast\n\nA storm hit the coast of Crimea on Monday, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode("cp1251"))))
    [article] = iter_articles(["-"])
    assert article.source == "-"
    assert article.title == "Storm Hits Coast"
    assert data[article.offset : article.offset + len(article.text)] == article.text


# --- errors --------------------------------------------------------------------------


def test_missing_input_is_reported_and_the_rest_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Fighting continued near Vuhledar on Friday.\n")
    seen, on_error = _errors()
    articles = list(iter_articles([str(tmp_path / "missing.txt"), str(good)], on_error=on_error))
    assert [a.source for a in articles] == [str(good)]
    [(source, err)] = seen
    assert source == str(tmp_path / "missing.txt")
    assert isinstance(err, UnreadableInputError)
    assert "missing.txt" in str(err) and "\n" not in str(err)


def test_missing_input_raises_without_on_error(tmp_path):
    with pytest.raises(UnreadableInputError, match="no such file"):
        list(iter_articles([str(tmp_path / "missing.txt")]))


def test_empty_folder_and_unmatched_glob_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    seen, on_error = _errors()
    assert list(iter_articles([str(tmp_path / "empty"), str(tmp_path / "*.txt")], on_error=on_error)) == []
    assert [type(err) for _, err in seen] == [InputError, InputError]
    assert "no article files" in str(seen[0][1])
    assert "no files match" in str(seen[1][1])


def test_binary_garbage_is_reported(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "z.txt"
    good.write_text("Fighting continued near Vuhledar on Friday.\n")
    seen, on_error = _errors()
    articles = list(iter_articles([str(tmp_path)], on_error=on_error))
    assert [a.source for a in articles] == [str(good)]
    [(source, err)] = seen
    assert source == str(junk)
    assert isinstance(err, UnreadableInputError)
    assert "not a text file" in str(err)


def test_empty_file_is_reported(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n")
    seen, on_error = _errors()
    assert list(iter_articles([str(path)], on_error=on_error)) == []
    assert "no article text" in str(seen[0][1])


def test_read_text_of_missing_file():
    with pytest.raises(UnreadableInputError):
        read_text("no/such/file.txt")
