"""`geomap stats`: counts, dates, fatalities and sources of incident files and stores."""

from __future__ import annotations

import csv
import json
from collections import Counter

from click.testing import CliRunner
from test_cli_incident_files import ACLED, ACLED_KHARKIV, STRIKE

from geomap.cli import cli
from geomap.load import load_incidents
from geomap.store import append_to_store, read_store


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def acled_rows() -> list[dict]:
    with open(ACLED, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_json_on_an_acled_export_counts_what_the_csv_holds():
    rows = acled_rows()
    result = invoke("stats", ACLED, "--json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["incidents"] == len(rows)
    assert stats["event_type"] == dict(Counter(r["event_type"] for r in rows))
    assert stats["sub_event_type"] == dict(Counter(r["sub_event_type"] for r in rows))
    assert stats["country"] == dict(Counter(r["country"] for r in rows))
    assert stats["month"] == dict(Counter(r["event_date"][:7] for r in rows))
    dates = sorted(r["event_date"] for r in rows)
    assert stats["dates"] == {"first": dates[0], "last": dates[-1], "undated": 0}
    assert stats["fatalities"]["total"] == sum(int(r["fatalities"]) for r in rows)
    by_type = Counter()
    for r in rows:
        by_type[r["event_type"]] += int(r["fatalities"])
    assert stats["fatalities"]["by_event_type"] == dict(by_type)
    sources = Counter(s for r in rows for s in dict.fromkeys(r["source"].split("; ")))
    assert stats["sources"] == {"distinct": len(sources), "top": dict(sources)}
    # Most frequent first.
    assert list(stats["event_type"].values()) == sorted(stats["event_type"].values(), reverse=True)


def test_text_tables_on_a_store(tmp_path):
    acled = tmp_path / "acled.csv"
    acled.write_text(ACLED_KHARKIV, encoding="utf-8")
    store = tmp_path / "incidents.gpkg"
    append_to_store(store, load_incidents([acled]))
    append_to_store(store, load_incidents([STRIKE]))
    gdf = read_store(store)
    result = invoke("stats", store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    width = len("fatalities")
    total = str(int(gdf["fatalities"].sum()))
    digits = max(len(str(len(gdf))), len(total))
    assert lines[0] == f"{'incidents':<{width}}  {len(gdf):>{digits}}"
    assert f"{'fatalities':<{width}}  {total:>{digits}}" in lines
    first, last = gdf["event_date"].min().date(), gdf["event_date"].max().date()
    assert f"{'dates':<{width}}  {first} to {last}" in lines
    section = lines[lines.index("event type") + 2:]
    section = section[: section.index("")]
    counts = gdf["event_type"].value_counts()
    name_width = max(len(name) for name in counts.index)
    assert sorted(section) == sorted(f"{name:<{name_width}}  {n}" for name, n in counts.items())
    # The merged strike cites both its sources.
    top = lines[lines.index("top sources") + 2:]
    assert any(line.startswith("Suspilne ") for line in top) and any(line.startswith(str(STRIKE)) for line in top)
    as_json = json.loads(invoke("stats", store, "--json").output)
    assert as_json["incidents"] == len(gdf) and as_json["sources"]["distinct"] == len(top)


def test_top_cuts_long_tables():
    result = invoke("stats", ACLED, "--top", "1")
    assert result.exit_code == 0, result.output
    n_types = len({r["event_type"] for r in acled_rows()})
    assert f"... {n_types - 1} more" in result.output


def test_an_article_is_an_error_pointing_to_extract():
    result = invoke("stats", STRIKE)
    assert result.exit_code == 1
    assert result.output == f"geomap: {STRIKE}: articles, not incidents (make incidents with: geomap extract ARTICLES -o FILE)\n"


def test_an_article_beside_an_incident_file_fails_alone():
    result = invoke("stats", ACLED, STRIKE, "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["incidents"] == len(acled_rows())
    assert result.stderr == f"geomap: {STRIKE}: articles, not incidents (make incidents with: geomap extract ARTICLES -o FILE)\n"
