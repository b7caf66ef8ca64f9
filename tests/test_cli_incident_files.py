"""`geomap extract`/`geomap map` on incident files (ACLED, GDELT, geomap's own) and on `-` both ways.

Through click's CliRunner, and the real pipe `geomap extract … | geomap map -` through subprocesses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from render_helpers import DATA

from geomap.cli import cli

DATASETS = Path(__file__).parent / "data" / "datasets"
ACLED = DATASETS / "acled_2024.csv"
GDELT = DATASETS / "20240417.export.CSV"
STRIKE = DATA / "articles" / "strike.txt"  # a Russian drone strike on Kharkiv, 17 December 2024, 2 killed

#: ACLED's coding of the strike STRIKE reports, and of another strike in Kharkiv that day.
ACLED_KHARKIV = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    "UKR200001,17 December 2024,2024,1,Political violence,Explosions/Remote violence,Air/drone strike,"
    "Military Forces of Russia (2000-),,State forces,Civilians (Ukraine),,Civilians,State forces-Civilians,"
    "Civilian targeting,804,Europe,Ukraine,Kharkiv,Kharkivskyi,Kharkivska,Kharkiv,49.9808,36.2527,1,"
    "Suspilne,National,A drone hit a house in Kharkiv; 3 killed.,3,,1734480000\n"
    "UKR200002,17 December 2024,2024,1,Political violence,Explosions/Remote violence,Air/drone strike,"
    "Military Forces of Russia (2000-),,State forces,,,,State forces only,"
    ",804,Europe,Ukraine,Kharkiv,Kharkivskyi,Kharkivska,Kharkiv,49.9908,36.2327,1,"
    "Ukrinform,National,A drone hit a warehouse in Kharkiv.,0,,1734480000\n"
)


def invoke(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def features(text: str) -> list[dict]:
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    return [f["properties"] for f in collection["features"]]


def test_extract_reads_acled_instead_of_extracting_from_it():
    result = invoke("extract", ACLED)
    assert result.exit_code == 0, result.output
    rows = features(result.stdout)
    assert [r["event_id_cnty"] for r in rows] == ["UKR153201", "UKR153202", "RUS2041", "UKR153240"]
    assert [r["fatalities"] for r in rows] == [0, 4, 0, 0]  # not re-extracted from the notes
    assert [r["event_date"] for r in rows] == ["2024-04-15", "2024-04-15", "2024-04-16", "2024-04-17"]


def test_extract_filters_and_converts_incident_files(tmp_path):
    out = tmp_path / "battles.csv"
    result = invoke("extract", ACLED, GDELT, "--type", "Battles", "--country", "UA", "-o", out)
    assert result.exit_code == 0, result.output
    from geomap.readers import read_incidents

    gdf = read_incidents(out)
    assert sorted(gdf["location"]) == ["Kharkiv", "Ocheretyne"] and set(gdf["event_type"]) == {"Battles"}
    assert sorted(gdf["fatalities"]) == [0, 4]


def test_extract_reads_its_own_output_back(tmp_path):
    first = tmp_path / "out.csv"
    assert invoke("extract", ACLED, "-o", first).exit_code == 0
    again = invoke("extract", first)  # our own CSV: read, not extracted from
    assert again.exit_code == 0, again.output
    assert [r["fatalities"] for r in features(again.stdout)] == [0, 4, 0, 0]
    gpkg = tmp_path / "out.gpkg"
    assert invoke("extract", first, "-o", gpkg).exit_code == 0
    assert [r["event_id_cnty"] for r in features(invoke("extract", gpkg).stdout)] == ["UKR153201", "UKR153202",
                                                                                      "RUS2041", "UKR153240"]  # fmt: skip


def test_map_of_acled_and_gdelt(tmp_path):
    out = tmp_path / "m.html"
    result = invoke("map", ACLED, GDELT, "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    page = out.read_text(encoding="utf-8")
    assert "Ocheretyne" in page and "Portland" in page


def test_a_table_that_holds_no_incidents_fails_alone(tmp_path):
    plain = tmp_path / "people.csv"
    plain.write_text("name,age,city\nAnna,31,Kyiv\n", encoding="utf-8")
    result = invoke("extract", plain, ACLED)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"geomap: {plain}: a CSV table that is neither geomap incidents nor an ACLED export "
        "(columns: name, age, city; missing columns: event_id, event_date, event_type, latitude, longitude)"
    ]
    assert len(features(result.stdout)) == 4


def test_stdin_incidents_and_stdout_both_ways(tmp_path):
    geojson = invoke("extract", ACLED).stdout
    # stdin holding incidents is read as incidents, and -o - writes GeoJSON to stdout.
    result = invoke("extract", "-", "-o", "-", input=geojson)
    assert result.exit_code == 0, result.output
    assert [r["fatalities"] for r in features(result.stdout)] == [0, 4, 0, 0]
    # ACLED's CSV on stdin too.
    result = invoke("extract", "-", "--type", "Protests", input=ACLED.read_text(encoding="utf-8"))
    assert [r["location"] for r in features(result.stdout)] == ["Moscow"]
    # map -o - writes the page to stdout, not to a file named "-".
    result = invoke("map", "-", "-o", "-", input=geojson)
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().lower().startswith("<!doctype html>") and "Ocheretyne" in result.stdout


def test_map_stdout_creates_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("map", ACLED, "-o", "-")
    assert result.exit_code == 0, result.output
    assert list(tmp_path.iterdir()) == []


def test_extract_pipes_into_map_through_the_real_cli(tmp_path):
    out = tmp_path / "piped.html"
    extract = subprocess.Popen([sys.executable, "-m", "geomap", "extract", str(STRIKE), str(ACLED)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    mapped = subprocess.run([sys.executable, "-m", "geomap", "map", "-", "-o", str(out)], stdin=extract.stdout,
                            capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    extract.stdout.close()
    assert extract.wait(timeout=300) == 0, extract.stderr.read()
    assert mapped.returncode == 0, mapped.stderr
    assert mapped.stdout == f"{out}\n"
    page = out.read_text(encoding="utf-8")
    assert "Ocheretyne" in page and "drone strike on Kharkiv" in page


# --- one frame, one schema, merged across sources ----------------------------------------------


def test_acled_row_and_article_are_one_incident_with_both_sources(tmp_path):
    from geomap.load import load_incidents

    acled = tmp_path / "acled.csv"
    acled.write_text(ACLED_KHARKIV, encoding="utf-8")
    gdf = load_incidents([acled, STRIKE])
    strikes = gdf[gdf["sub_event_type"] == "Air/drone strike"]
    # ACLED's two strikes stay two (ACLED told them apart); the article's joins the first.
    assert len(strikes) == 2
    merged = strikes[strikes["event_id_cnty"] == "UKR200001"].iloc[0]
    assert merged["source"] == f"Suspilne; {STRIKE}"
    assert [e["source"] for e in merged["evidence"]] == [str(acled), str(STRIKE)]
    assert merged["fatalities"] == 2  # the lowest figure reported (ACLED's rule)
    assert merged["injured"] == 11 and merged["civilian_targeting"] == "Civilian targeting"
    alone = load_incidents([acled], merge=False)
    assert merged["event_id"] == min(alone["event_id"].iloc[0], _article_id())
    other = strikes[strikes["event_id_cnty"] == "UKR200002"].iloc[0]
    assert other["source"] == "Ukrinform"


def _article_id() -> str:
    from geomap.load import load_incidents

    gdf = load_incidents([STRIKE])
    return gdf.loc[gdf["sub_event_type"] == "Air/drone strike", "event_id"].iloc[0]


def test_the_same_file_twice_changes_nothing(tmp_path):
    from geomap.load import load_incidents

    copy = tmp_path / "copy.csv"
    copy.write_bytes(ACLED.read_bytes())
    once = load_incidents([ACLED])
    twice = load_incidents([ACLED, copy])
    assert list(twice["event_id"]) == list(once["event_id"]) and list(twice["fatalities"]) == [0, 4, 0, 0]
    assert list(twice["source"]) == list(once["source"])


@pytest.mark.parametrize("merge", [True, False])
def test_files_and_articles_share_one_schema(merge):
    from geomap.export import SCHEMA
    from geomap.load import load_incidents
    from geomap.readers import OPTIONAL_COLUMNS

    gdf = load_incidents([ACLED, GDELT, STRIKE], merge=merge)
    assert list(gdf.columns) == [*SCHEMA, *OPTIONAL_COLUMNS, "geometry"]
    assert str(gdf["event_date"].dtype) == "datetime64[ns]" and str(gdf["fatalities"].dtype) == "int64"
    assert gdf.crs == "EPSG:4326" and gdf["event_id"].is_unique
    assert {"acled", "gdelt", "article"} == {
        "acled" if isinstance(c, str) else "gdelt" if isinstance(u, str) and "news.example" in u else "article"
        for c, u in zip(gdf["event_id_cnty"], gdf["url"])
    }
