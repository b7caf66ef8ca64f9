"""`geomap extract` through click's runner (with the tests' small gazetteer)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_extract_fakes import FakeGazetteer

from geomap.cli import cli


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch):
    import gazetteer

    monkeypatch.setattr(gazetteer, "Gazetteer", lambda places_files=(), focus=(): FakeGazetteer(), raising=False)


def test_geojson_to_stdout(data_dir):
    result = CliRunner().invoke(cli, ["extract", str(data_dir / "articles" / "protest_minsk.txt")])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    (feature,) = collection["features"]
    assert feature["properties"]["event_type"] == "Protests"
    assert feature["properties"]["event_date"] == "2024-05-01"
    assert feature["geometry"]["coordinates"] == [27.5667, 53.9]


def test_filters_and_output_file(data_dir, tmp_path):
    out = tmp_path / "out.geojson"
    result = CliRunner().invoke(
        cli, ["extract", str(data_dir / "articles"), "--type", "Battles", "--country", "UA", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text())["features"]
    assert "Robotyne" in {f["properties"]["location"] for f in features}
    assert {f["properties"]["event_type"] for f in features} == {"Battles"}
    assert {f["properties"]["country"] for f in features} == {"Ukraine"}


def test_csv_output(data_dir, tmp_path):
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["extract", str(data_dir / "articles" / "arrest_moscow.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Arrests" in out.read_text(encoding="utf-8")


def test_published_for_undated_input(data_dir):
    result = CliRunner().invoke(
        cli, ["extract", str(data_dir / "articles" / "undated_odesa.txt"), "--published", "2024-03-06"]
    )
    assert result.exit_code == 0, result.output
    (feature,) = json.loads(result.stdout)["features"]
    assert feature["properties"]["event_date"] == "2024-03-04"


def test_missing_input_is_reported_and_the_rest_processed(data_dir):
    result = CliRunner().invoke(cli, ["extract", "no/such/file.txt", str(data_dir / "articles" / "arrest_moscow.txt")])
    assert result.exit_code == 1
    assert "no/such/file.txt" in result.stderr
    assert "Traceback" not in result.output
    assert len(json.loads(result.stdout)["features"]) == 1


@pytest.mark.parametrize("option", ["--since", "--until", "--published"])
def test_bad_date_is_a_usage_error(data_dir, option):
    result = CliRunner().invoke(cli, ["extract", str(data_dir / "articles"), option, "15/03/2024"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize(("option", "value"), [("--type", "Bogus"), ("--country", "Narnia")])
def test_unknown_type_or_country_is_a_usage_error(data_dir, option, value):
    result = CliRunner().invoke(cli, ["extract", str(data_dir / "articles"), option, value])
    assert result.exit_code == 2
    assert value in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""  # nothing written for a typo


def test_alpha3_country_code_is_accepted(data_dir):
    by_alpha2 = CliRunner().invoke(cli, ["extract", str(data_dir / "articles"), "--country", "RU"])
    by_alpha3 = CliRunner().invoke(cli, ["extract", str(data_dir / "articles"), "--country", "RUS"])
    assert by_alpha2.exit_code == by_alpha3.exit_code == 0, by_alpha3.output
    features = json.loads(by_alpha3.stdout)["features"]
    assert features and features == json.loads(by_alpha2.stdout)["features"]


def test_help_has_an_example():
    result = CliRunner().invoke(cli, ["extract", "-h"])
    assert result.exit_code == 0
    assert "geomap extract seeds/ -o incidents.geojson" in result.output


def test_geopackage_output_and_quiet(data_dir, tmp_path):
    out = tmp_path / "out.gpkg"
    result = CliRunner().invoke(cli, ["-q", "extract", str(data_dir / "articles"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""  # no progress, no summary: -q, and stderr is no terminal
    from geomap.export import read_incidents

    as_geojson = json.loads(CliRunner().invoke(cli, ["-q", "extract", str(data_dir / "articles")]).stdout)["features"]
    assert len(read_incidents(out)) == len(as_geojson) > 0


def test_since_keeps_undated_only_when_asked(data_dir):
    args = ["extract", str(data_dir / "articles"), "--since", "2024-01-01"]
    dated = json.loads(CliRunner().invoke(cli, args).stdout)["features"]
    both = json.loads(CliRunner().invoke(cli, [*args, "--include-undated"]).stdout)["features"]
    assert all(f["properties"]["event_date"] >= "2024-01-01" for f in dated)
    assert len(both) == len(dated) + 1  # the undated Odesa article
