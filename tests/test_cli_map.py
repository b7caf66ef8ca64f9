"""`geomap map` end to end through click's CliRunner."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner
from render_helpers import DATA, load_frame

from geomap.cli import cli
from geomap.render import find_external_urls


@pytest.fixture(scope="module")
def incidents_file(tmp_path_factory) -> Path:
    from geomap.export import write_incidents

    gdf = load_frame()
    path = tmp_path_factory.mktemp("incidents") / "incidents.geojson"
    write_incidents(gdf, path)
    return path


def run(*args):
    return CliRunner().invoke(cli, ["map", *map(str, args)])


def map_ids(path: Path) -> list[str]:
    page = path.read_text(encoding="utf-8")
    text = re.search(
        r'id="incidents_[^"]*_data"\s+data-encoding="json">(.*?)</script>', page, re.DOTALL | re.IGNORECASE
    )
    assert text, "incident data not found in the page"
    return sorted(json.loads(text.group(1))["id"])


def test_map_from_incident_file(incidents_file, tmp_path):
    out = tmp_path / "maps" / "all.html"
    result = run(incidents_file, "-o", out, "--title", "All of them")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    page = out.read_text(encoding="utf-8")
    assert find_external_urls(page) == []
    assert "<title>All of them</title>" in page
    assert map_ids(out) == sorted(json.loads((DATA / "incidents.json").read_text())[i]["event_id"] for i in range(10))


def test_geojson_with_json_suffix_is_an_incident_file(incidents_file, tmp_path):
    copy = tmp_path / "incidents.json"
    copy.write_bytes(incidents_file.read_bytes())
    out = tmp_path / "json.html"
    result = run(copy, "-o", out)
    assert result.exit_code == 0, result.output
    assert len(map_ids(out)) == 10


def test_default_output_is_in_maps(incidents_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(incidents_file)
    assert result.exit_code == 0, result.output
    assert result.stdout == "maps/incidents.html\n"
    assert (tmp_path / "maps" / "incidents.html").is_file()


def test_filters_reach_the_map(incidents_file, tmp_path):
    out = tmp_path / "battles.html"
    result = run(incidents_file, "-o", out, "--type", "Battles", "--since", "2024-12-11")
    assert result.exit_code == 0, result.output
    assert map_ids(out) == ["b2", "b3", "r1"]


def test_include_undated(incidents_file, tmp_path):
    out = tmp_path / "undated.html"
    result = run(incidents_file, "-o", out, "--until", "2024-12-01", "--include-undated")
    assert result.exit_code == 0, result.output
    assert map_ids(out) == ["c1", "e2", "p1"]


def test_filter_leaving_nothing_writes_nothing(incidents_file, tmp_path):
    out = tmp_path / "none.html"
    result = run(incidents_file, "-o", out, "--type", "Riots")
    assert result.exit_code == 1
    assert result.stderr == "Error: the filters left none of the 10 incidents; no map written\n"
    assert not out.exists()


def test_bad_size_fails_before_work(incidents_file, tmp_path):
    out = tmp_path / "x.html"
    result = run(incidents_file, "-o", out, "--png", tmp_path / "x.png", "--size", "big")
    assert result.exit_code == 2
    assert "Invalid value for '--size': size must look like 1600x1000, not 'big'" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--since", "yesterday"), "Invalid value for '--since': 'yesterday' is not a date (use YYYY-MM-DD)"),
        (("--published", "2024-13-01"), "Invalid value for '--published': '2024-13-01' is not a date"),
        (("--since", "2024-12-20", "--until", "2024-12-01"), "--since (2024-12-20) is after --until (2024-12-01)"),
        (("--places-file", "no/such/places.csv"), "Invalid value for '--places-file'"),
    ],
)
def test_usage_errors_exit_2_before_work(incidents_file, tmp_path, args, message):
    out = tmp_path / "x.html"
    result = run(incidents_file, "-o", out, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_embed_fragment(incidents_file, tmp_path):
    out = tmp_path / "m.html"
    result = run(incidents_file, "-o", out, "--embed")
    assert result.exit_code == 0, result.output
    fragment = tmp_path / "m.embed.html"
    assert result.stdout == f"{out}\n{fragment}\n"
    assert fragment.read_text(encoding="utf-8").startswith("<iframe ")


def test_cdn_is_small(incidents_file, tmp_path):
    inline, cdn = tmp_path / "inline.html", tmp_path / "cdn.html"
    assert run(incidents_file, "-o", inline).exit_code == 0
    assert run(incidents_file, "-o", cdn, "--cdn").exit_code == 0
    # The embedded basemap is most of an offline page; a CDN page has online tiles instead.
    assert cdn.stat().st_size < 100_000 < inline.stat().st_size
    page = cdn.read_text(encoding="utf-8")
    assert "https://unpkg.com/leaflet@1.9.3/dist/leaflet.js" in page
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in page


def test_map_from_articles(tmp_path):
    out = tmp_path / "articles.html"
    result = run(DATA / "articles", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    data = json.loads(
        re.search(
            r'id="incidents_[^"]*_data"\s+data-encoding="json">(.*?)</script>', page, re.DOTALL | re.IGNORECASE
        ).group(1)
    )
    places = {data["S"][i] for i in data["loc"]}
    assert places & {"Kharkiv", "Pokrovsk"}
    assert all(data["S"][i].endswith("strike.txt") for i in data["src"])


def test_places_file_reaches_the_gazetteer(tmp_path):
    places = tmp_path / "places.csv"
    places.write_text("name,lat,lon,country\nZarichne Outpost,48.91,38.05,UA\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("date 2024-12-18\nRussian troops shelled Zarichne Outpost on Tuesday, killing two soldiers, "
                       "the General Staff said.\n", encoding="utf-8")
    out = tmp_path / "places.html"
    result = run(article, "-o", out, "--places-file", places)
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="incidents_[^"]*_data"\s+data-encoding="json">(.*?)</script>',
                                out.read_text(encoding="utf-8"), re.DOTALL | re.IGNORECASE).group(1))
    i = [data["S"][k] for k in data["loc"]].index("Zarichne Outpost")
    assert (data["lat"][i], data["lon"][i]) == (48.91, 38.05)


def test_one_bad_article_is_reported_and_the_rest_mapped_then_exit_1(tmp_path):
    out = tmp_path / "partial.html"
    missing = tmp_path / "missing.txt"
    result = run(DATA / "articles" / "strike.txt", missing, "-o", out)
    assert result.exit_code == 1, result.output
    assert result.stdout == f"{out}\n"
    assert result.stderr == f"geomap: {missing}: no such file or folder\n"
    assert out.is_file()


def test_binary_and_bad_records_are_reported_and_the_rest_mapped(tmp_path):
    out = tmp_path / "partial.html"
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    records = tmp_path / "feed.jsonl"
    records.write_text('{"text": 3}\nnot json\n', encoding="utf-8")
    result = run(DATA / "articles" / "strike.txt", binary, records, "-o", out)
    assert result.exit_code == 1, result.output
    assert result.stdout == f"{out}\n"
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"geomap: {binary}: ")
    assert [line.startswith(f"geomap: {records}") for line in lines[1:]] == [True, True]
    assert "Traceback" not in result.output
    assert out.is_file()


def test_missing_incident_file_among_several_is_skipped(incidents_file, tmp_path):
    out = tmp_path / "partial.html"
    missing = tmp_path / "nosuch.geojson"
    result = run(incidents_file, missing, "-o", out)
    assert result.exit_code == 1, result.output
    assert result.stderr == f"geomap: {missing}: no such file or folder\n"
    assert len(map_ids(out)) == 10


def test_bad_incident_file_is_reported_and_the_rest_mapped(incidents_file, tmp_path):
    out = tmp_path / "partial.html"
    broken = tmp_path / "broken.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    result = run(broken, incidents_file, "-o", out)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"geomap: {broken}: invalid JSON") and result.stderr.count("\n") == 1
    assert len(map_ids(out)) == 10


def test_missing_input_is_one_line_and_no_map(tmp_path):
    out = tmp_path / "x.html"
    result = run(tmp_path / "nope.geojson", "-o", out)
    assert result.exit_code == 1
    assert result.stderr == (
        f"geomap: {tmp_path / 'nope.geojson'}: no such file or folder\n"
        "Error: no incidents found in the inputs; no map written\n"
    )
    assert not out.exists()


@pytest.fixture()
def incident_folder(incidents_file, tmp_path) -> Path:
    """The ten incidents split over a GeoJSON file and a CSV file in a subfolder."""
    from geomap.export import read_incidents, write_incidents

    gdf = read_incidents(incidents_file)
    folder = tmp_path / "gj"
    write_incidents(gdf.iloc[:5], folder / "a.geojson")
    write_incidents(gdf.iloc[5:], folder / "sub" / "b.csv")
    return folder


def reference_ids(incidents_file, tmp_path) -> list[str]:
    out = tmp_path / "reference.html"
    assert run(incidents_file, "-o", out).exit_code == 0
    return map_ids(out)


def test_folder_of_incident_files(incident_folder, incidents_file, tmp_path):
    out = tmp_path / "folder.html"
    result = run(incident_folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert map_ids(out) == reference_ids(incidents_file, tmp_path)


def test_glob_of_incident_files(incident_folder, tmp_path):
    out = tmp_path / "glob.html"
    result = run(f"{incident_folder}/*.geojson", "-o", out)
    assert result.exit_code == 0, result.output
    first = map_ids(out)
    result = run(f"{incident_folder}/**/*.csv", "-o", out)
    assert result.exit_code == 0, result.output
    second = map_ids(out)
    assert first and second and not set(first) & set(second)


def test_incident_file_and_article_together(incidents_file, tmp_path):
    # Without merging, every row of the file is on the map beside the article's incidents.
    apart = tmp_path / "apart.html"
    result = run(incidents_file, DATA / "articles" / "strike.txt", "-o", apart, "--no-merge")
    assert result.exit_code == 0, result.output
    assert set(reference_ids(incidents_file, tmp_path)) < set(map_ids(apart))
    # Merged (the default), the article's Kharkiv drone strike is the file's e1 (a day apart,
    # same place and type): one incident, with the smaller of the two ids.
    out = tmp_path / "mixed.html"
    result = run(incidents_file, DATA / "articles" / "strike.txt", "-o", out)
    assert result.exit_code == 0, result.output
    merged = set(map_ids(out))
    assert len(merged) == len(map_ids(apart)) - 1
    assert "e1" not in merged and set(reference_ids(incidents_file, tmp_path)) - {"e1"} < merged


@pytest.mark.browser
def test_png_snapshot(incidents_file, tmp_path):
    from conftest import require_chromium

    require_chromium()
    out, png = tmp_path / "m.html", tmp_path / "m.png"
    result = run(incidents_file, "-o", out, "--png", png, "--size", "900x600")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n{png}\n"
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (900, 600)


# --- the library function the command calls --------------------------------------------------


def test_load_incidents_reports_and_goes_on(incident_folder, tmp_path):
    from geomap.errors import UnreadableInputError
    from geomap.load import load_incidents

    errors = []
    missing = tmp_path / "nosuch.geojson"
    gdf = load_incidents(
        [incident_folder / "a.geojson", missing], on_error=lambda source, err: errors.append((source, err))
    )
    assert len(gdf) == 5 and gdf.crs == "EPSG:4326"
    assert [(source, type(err)) for source, err in errors] == [(str(missing), UnreadableInputError)]
    with pytest.raises(UnreadableInputError, match="no such file or folder"):
        load_incidents([missing])


def test_load_incidents_mixes_files_and_articles(incidents_file):
    from geomap.load import load_incidents

    seen = []
    strike = str(DATA / "articles" / "strike.txt")
    gdf = load_incidents([incidents_file, strike], progress=lambda article, n: seen.append(article.source), merge=False)
    assert list(gdf["event_id"][:10]) == list(load_frame()["event_id"])
    assert len(gdf) > 10 and seen == [strike]
    # Merged, the file's Kharkiv strike (e1, from c.txt) and the article's are one row with both sources.
    merged = load_incidents([incidents_file, strike])
    assert len(merged) == len(gdf) - 1
    kharkiv = merged[merged["location"] == "Kharkiv"]
    assert len(kharkiv) == 1 and kharkiv["source"].iloc[0] == f"c.txt; {strike}"
    assert kharkiv["fatalities"].iloc[0] == min(gdf.loc[gdf["location"] == "Kharkiv", "fatalities"])


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.geojson", "{}", "geojson"),
        ("a.csv", "x", "csv"),
        ("a.json", '{"type": "FeatureCollection", "features": []}', "geojson"),
        ("a.json", '{"title": "An article", "text": "Shelling in Kharkiv."}', None),
        ("a.txt", '{"type": "FeatureCollection"}', None),
        ("-", '{"type": "FeatureCollection", "features": []}', "geojson"),
        ("-", "event_id_cnty,event_date,event_type\nUKR1,2024-01-01,Battles\n", "csv"),
        ("-", "Shelling in Kharkiv, Izium and Kupiansk.\nTwo, killed, three.\n", None),
    ],
)
def test_incident_format(tmp_path, name, text, expected):
    # The caller decides what an input is (replaces is_incident_file, which went by suffix):
    # article suffixes stay articles, .json holding a FeatureCollection and anything else by content.
    from geomap.ingest.sources import Source
    from geomap.load import incident_format

    source = Source("-") if name == "-" else Source(name, tmp_path / name)
    found = incident_format(source, text.encode())
    assert (str(found) if found else None) == expected


def test_progress_line_only_when_enabled(capsys):
    from geomap.cli.options import Progress

    for enabled in (False, True):
        progress = Progress(enabled)
        for _ in range(50):
            progress(None, 2)
        progress.done()
    assert capsys.readouterr().err == "\r25 articles, 50 statements\r50 articles, 100 statements\r50 articles, 100 statements\n"
