"""The pure helpers of scripts/eval_acled_notes.py (no ACLED data: rows here are invented)."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "eval_acled_notes.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("eval_acled_notes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def raw(**over):
    row = {"event_id_cnty": "UKR1", "event_date": "5 March 2022", "event_type": "Explosions/Remote violence",
           "sub_event_type": "Shelling/artillery/missile attack", "location": "Testivka", "admin1": "Kharkiv",
           "country": "Ukraine", "latitude": "49.5", "longitude": "36.5", "fatalities": "2",
           "geo_precision": "1", "notes": "On 5 March 2022, forces shelled Testivka, Kharkiv."}
    row.update(over)
    return row


@pytest.mark.parametrize(("text", "expected"), [
    ("5 March 2022", date(2022, 3, 5)), ("2022-03-05", date(2022, 3, 5)), ("05/03/2022 00:00:00", date(2022, 3, 5)),
    ("5-Mar-22", date(2022, 3, 5)), ("5 Mar 2022", date(2022, 3, 5)), ("", None), ("soon", None),
])
def test_parse_date(ev, text, expected):
    assert ev.parse_date(text) == expected


def test_normalise_takes_any_column_case_and_escaped_slashes(ev):
    row = ev.normalise({k.upper(): v for k, v in raw(event_type="Explosions\\/Remote violence").items()})
    assert row["event_type"] == "Explosions/Remote violence"
    assert (row["id"], row["date"], row["lat"], row["fatalities"], row["geo_precision"]) == (
        "UKR1", date(2022, 3, 5), 49.5, 2, 1)


@pytest.mark.parametrize("missing", ["notes", "event_date", "latitude"])
def test_normalise_drops_unusable_rows(ev, missing):
    assert ev.normalise(raw(**{missing: ""})) is None


def test_normalise_defaults(ev):
    row = ev.normalise({k: v for k, v in raw(fatalities="").items() if k not in ("geo_precision", "country")})
    assert (row["fatalities"], row["geo_precision"], row["country"]) == (0, None, "Ukraine")


def test_read_rows_csv_and_json(ev, tmp_path):
    import csv

    rows = [raw(), raw(event_id_cnty="UKR2", notes="")]
    with (tmp_path / "a.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "a.json").write_text(json.dumps({"data": rows}), encoding="utf-8")
    assert [r["id"] for r in ev.read_rows(tmp_path / "a.csv")] == ["UKR1"]
    assert [r["id"] for r in ev.read_rows(tmp_path / "a.json")] == ["UKR1"]


def test_sample_is_deterministic_by_year_and_one_per_note(ev):
    rows = [ev.normalise(raw(event_id_cnty=f"UKR{i}", notes=f"note {i}",
                             event_date="5 March 2022" if i % 2 else "5 March 2023")) for i in range(40)]
    rows.append(ev.normalise(raw(event_id_cnty="UKR99", notes="note 1")))  # a copy of a note
    rows.append(ev.normalise(raw(event_id_cnty="UKR98", notes="note x", country="Russia")))
    first = ev.sample(rows, years=[2022], limit=10, seed=3)
    again = ev.sample(list(reversed(rows)), years=[2022], limit=10, seed=3)
    assert [r["id"] for r in first] == [r["id"] for r in again]
    assert len(first) == 10 and all(r["date"].year == 2022 for r in first)
    everything = ev.sample(rows, years=[], limit=0, seed=0)
    assert len(everything) == 40  # the copy and the other country left out


def found(**over):
    item = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
            "location": "Testivka", "kind": "city", "km": 3.0, "date": date(2022, 3, 5), "fatalities": 2}
    item.update(over)
    return item


def test_score_note_pairs_the_right_type_nearby_first(ev):
    row = ev.normalise(raw())
    produced = [found(event_type="Battles", sub_event_type="Armed clash", km=1.0), found(km=20.0),
                found(km=400.0, location="Far")]
    score = ev.score_note(row, produced)
    assert score["best"] == 1 and score["type_ok"] and score["sub_ok"] and score["best_close"]
    assert (score["near"], score["close"], score["extras"], score["extras_far"]) == (True, True, 2, 1)
    assert score["problems"] == []


def test_score_note_problems_and_none(ev):
    row = ev.normalise(raw())
    score = ev.score_note(row, [found(km=60.0, date=None, fatalities=None, sub_event_type="Air/drone strike")])
    assert score["near"] and not score["close"] and not score["date_ok"] and not score["killed_ok"]
    assert [p.split()[0] for p in score["problems"]] == ["sub-type", "date", "killed"]
    empty = ev.score_note(row, [])
    assert (empty["best"], empty["near"], empty["produced"]) == (None, False, 0)


def test_fold_and_coarse_kind(ev):
    assert ev._fold("Kherson region") == "kherson"
    row = ev.normalise(raw(location="Kurdiumivka", admin1="Donetsk"))
    assert ev._coarse_kind(row, found(location="Donetsk Oblast", kind="admin1")) == "at a region"
    assert ev._coarse_kind(row, found(location="Kurdyumivka")) == "at a namesake"
    assert ev._coarse_kind(row, found(location="Bakhmut")) == "elsewhere"


def test_missing_cache_says_how_and_exits_0(ev, tmp_path, capsys):
    assert ev.main(["--data", str(tmp_path / "none.csv")]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "docs/evaluation.md" in out


@pytest.mark.parametrize(("a", "b"), [("Kurdyumivka", "Kurdiumivka"), ("Avdiyivka", "Avdiivka"),
                                      ("Novomykhaylivka", "Novomykhailivka"), ("Zaporizhzhya", "Zaporizhia")])
def test_loose_folds_transliterations(ev, a, b):
    assert ev._loose(a) == ev._loose(b)
