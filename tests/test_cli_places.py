"""`geomap places`: record fields, every output format, lookups and error paths."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.cli.places import FIELDS, LOOKUP_FIELDS

SEED_000 = "seeds/000_eb4fbddb2020ccc2.txt"
SEED_003 = "seeds/003_219506dbb609b7aa.txt"


@pytest.fixture
def run(seeds_dir, monkeypatch):
    monkeypatch.chdir(seeds_dir.parent)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, ["places", *args], input=input, catch_exceptions=False)

    return invoke


def jsonl(output):
    return [json.loads(line) for line in output.splitlines()]


def test_jsonl_records_have_exact_fields_and_offsets_into_the_file(run, seeds_dir):
    result = run(SEED_003, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert records
    text = (seeds_dir / SEED_003.split("/")[1]).read_text(encoding="utf-8")
    for r in records:
        assert tuple(r) == FIELDS
        assert r["file"] == SEED_003
        assert text[r["start"] : r["end"]] == r["text"]
        assert 0 < r["confidence"] <= 1
    by_text = {r["text"]: r for r in records}
    assert by_text["Ust-Luga"]["country"] == "RU" and by_text["Ust-Luga"]["kind"] == "city"
    assert by_text["Ust-Luga"]["geonameid"] is not None
    assert by_text["Kursk region"]["kind"] == "admin1"
    assert by_text["Washington"]["place_id"] == by_text["Washington"]["place_id"]
    assert abs(by_text["Washington"]["lat"] - 38.9) < 0.3
    assert {r["article"] for r in records} == {0, 1, 2, 3}
    # titles are read too, with offsets into the file
    assert any(r["text"] == "Kursk" and text[r["start"] - 3 : r["start"]] == "in " for r in records)
    assert not any(r["text"] in ("Echo", "Ambrey", "Deep State") for r in records)
    assert any(r["kind"] == "demonym" and r["text"] == "North Korean" for r in records)


def test_json_is_a_list_of_the_same_records(run):
    as_json = json.loads(run(SEED_000, "--format", "json").stdout)
    as_jsonl = jsonl(run(SEED_000, "--format", "jsonl").stdout)
    assert as_json == as_jsonl
    assert {r["text"] for r in as_json} >= {"Ukraine", "Kursk Oblast", "Moscow Oblast", "Kharkiv Oblast", "Moscow", "North Korea"}


def test_csv_has_a_header_and_one_row_per_mention(run):
    rows = list(csv.DictReader(io.StringIO(run(SEED_000, "--format", "csv").stdout)))
    records = jsonl(run(SEED_000, "--format", "jsonl").stdout)
    assert len(rows) == len(records)
    assert tuple(rows[0]) == FIELDS
    assert [r["text"] for r in rows] == [r["text"] for r in records]


def test_table_is_the_default(run):
    result = run(SEED_000)
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["file", "start", "end", "text", "name", "kind", "country", "lat", "lon", "confidence", "reason"]
    assert any("Kursk Oblast" in line and "admin1" in line for line in lines[1:])


def test_folder_and_stdin(run, seeds_dir):
    folder = jsonl(run("seeds/", "--format", "jsonl").stdout)
    assert {r["file"] for r in folder} == {SEED_000, SEED_003}
    text = "Drones hit Kyiv overnight."
    piped = jsonl(run("-", "--format", "jsonl", input=text).stdout)
    assert [(r["file"], r["text"], r["start"], r["end"]) for r in piped] == [("-", "Kyiv", 11, 15)]


def test_a_link_to_another_article_names_none_of_this_ones_places(run):
    text = "Drones hit Kyiv overnight.\nRead also: Russian strike on Zaporizhzhia kills two\nЧитайте також: Атака на Одесу"
    records = jsonl(run("-", "--format", "jsonl", input=text).stdout)
    assert [r["text"] for r in records] == ["Kyiv"]


def test_missing_file_among_good_ones(run):
    result = run("nope.txt", SEED_000, "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == ["geomap: nope.txt: no such file or folder"]
    assert jsonl(result.stdout) and all(r["file"] == SEED_000 for r in jsonl(result.stdout))


def test_undecodable_input_is_one_line(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    result = run(str(bad), SEED_000, "--format", "jsonl")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "Traceback" not in result.stderr
    assert jsonl(result.stdout)


def test_empty_folder(run, tmp_path):
    result = run(str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"geomap: {tmp_path}: folder holds no article files"


def test_lookup_ranks_candidates(run):
    records = jsonl(run("--lookup", "Kharkov", "--format", "jsonl").stdout)
    assert tuple(records[0]) == LOOKUP_FIELDS
    assert records[0]["rank"] == 1 and records[0]["name"] == "Kharkiv" and records[0]["country"] == "UA"
    ranked = jsonl(run("--lookup", "Paris", "--country", "US", "--format", "jsonl").stdout)
    assert ranked and all(r["country"] == "US" for r in ranked)
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))


def test_lookup_miss(run):
    result = run("--lookup", "Xqzzyville")
    assert result.exit_code == 1
    assert result.stderr.strip() == "geomap: no place called 'Xqzzyville'"


def test_places_file(run, data_dir):
    ok = run("-", "--places-file", str(data_dir / "places" / "frontline.csv"), "--format", "jsonl", input="Shelling near Krynky.")
    assert [(r["text"], r["place_id"], r["reason"]) for r in jsonl(ok.stdout)] == [("Krynky", "user:krynky", "user-place")]
    bad = run("-", "--places-file", str(data_dir / "places" / "bad_number.csv"), input="Kyiv")
    assert bad.exit_code == 1
    assert bad.stderr.strip().splitlines() == [f"Error: {data_dir / 'places' / 'bad_number.csv'}: line 3: lat/lon must be numbers (got 'north', '2')"]


def test_usage_errors(run):
    assert run().exit_code == 2
    assert run("--lookup", "Kyiv", SEED_000).exit_code == 2
    assert run("--format", "xml", SEED_000).exit_code == 2


def test_help_has_an_example(run):
    result = run("--help")
    assert result.exit_code == 0
    assert "geomap places seeds/" in result.stdout


def test_focus_country_decides_an_open_name(run):
    text = "A stabbing killed a man at a banquet hall, London police say.\n"
    plain = jsonl(run("-", "--format", "jsonl", input=text).output)
    focused = jsonl(run("-", "--format", "jsonl", "--focus", "Canada", input=text).output)
    assert [r["country"] for r in plain if r["text"] == "London"] == ["GB"]
    assert [r["country"] for r in focused if r["text"] == "London"] == ["CA"]


def test_unknown_focus_country_is_a_usage_error(run):
    result = run("-", "--focus", "Narnia", input="Kyiv\n")
    assert result.exit_code == 2 and "Narnia" in result.output
