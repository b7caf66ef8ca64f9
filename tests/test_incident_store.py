"""The incident store (geomap.store, `geomap extract --store`): append, merge, idempotence, kill -9, resume."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SEEDS, require_ogrinfo
from geopandas.testing import assert_geodataframe_equal
from test_cli_incident_files import ACLED, ACLED_KHARKIV, GDELT, STRIKE

from geomap.cli import cli

ARTICLES = Path(__file__).parent / "data" / "articles"
from geomap.load import load_incidents
from geomap.store import PROCESSED_TABLE, Store, append_to_store, extract_to_store, processed_hashes, read_store


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def acled_kharkiv(tmp_path) -> Path:
    path = tmp_path / "acled_kharkiv.csv"
    path.write_text(ACLED_KHARKIV, encoding="utf-8")
    return path


def test_a_batch_merges_into_stored_rows_keeping_every_source(tmp_path, acled_kharkiv):
    store = tmp_path / "incidents.gpkg"
    first = append_to_store(store, load_incidents([acled_kharkiv]))
    assert (first.added, first.merged, first.total) == (2, 0, 2)
    article = load_incidents([STRIKE])
    strike_id = article.loc[article["sub_event_type"] == "Air/drone strike", "event_id"].iloc[0]
    second = append_to_store(store, article)
    gdf = read_store(store)
    strikes = gdf[gdf["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 2  # ACLED told its two strikes apart; the article's joins one of them
    merged = strikes[strikes["event_id_cnty"] == "UKR200001"].iloc[0]
    assert merged["source"] == f"Suspilne; {STRIKE}"
    assert merged["fatalities"] == 2  # the lowest figure reported
    stored_id = load_incidents([acled_kharkiv], merge=False)["event_id"].iloc[0]
    assert merged["event_id"] == min(stored_id, strike_id)
    assert strikes[strikes["event_id_cnty"] == "UKR200002"].iloc[0]["source"] == "Ukrinform"
    assert second.merged == 1 and second.total == len(gdf) == 2 + len(article) - 1
    # The stored rows kept their order; what is new comes after them.
    assert list(gdf["event_id_cnty"][:2]) == ["UKR200001", "UKR200002"]


def test_the_order_of_batches_does_not_change_ids(tmp_path, acled_kharkiv):
    one, two = tmp_path / "one.gpkg", tmp_path / "two.gpkg"
    append_to_store(one, load_incidents([acled_kharkiv]))
    append_to_store(one, load_incidents([STRIKE]))
    append_to_store(two, load_incidents([STRIKE]))
    append_to_store(two, load_incidents([acled_kharkiv]))
    assert sorted(read_store(one)["event_id"]) == sorted(read_store(two)["event_id"])


@pytest.mark.parametrize("order", ["acled first", "article first"])
def test_the_same_batches_again_change_nothing(tmp_path, acled_kharkiv, order):
    store = tmp_path / "incidents.gpkg"
    batches = [[acled_kharkiv], [STRIKE], [ACLED, GDELT]]
    if order == "article first":
        batches = batches[::-1]
    for inputs in batches:
        append_to_store(store, load_incidents(inputs))
    before, size = read_store(store), digest(store)
    members = Store(store).members()
    for inputs in batches:
        update = append_to_store(store, load_incidents(inputs))
        assert update.added == 0 and not update.written
    assert digest(store) == size  # not even rewritten
    after = read_store(store)
    assert_geodataframe_equal(before, after)
    assert list(after["event_id"]) == list(before["event_id"])
    assert Store(store).members() == members


def test_extracting_the_same_folder_twice_gives_the_same_store(tmp_path):
    articles = tmp_path / "news"
    articles.mkdir()
    for name in sorted(os.listdir(SEEDS))[:2]:
        shutil.copy(SEEDS / name, articles / name)
    store = tmp_path / "incidents.gpkg"
    result = invoke("extract", articles, ACLED, "--store", store)
    assert result.exit_code == 0, result.output
    before, size = read_store(store), digest(store)
    assert len(before) > len(load_incidents([ACLED]))
    again = invoke("extract", articles, ACLED, "--store", store)
    assert again.exit_code == 0, again.output
    n_articles = len(processed_hashes(store))
    assert n_articles >= 2
    assert f"0 articles read, {n_articles} already in the store; 0 incidents added" in again.output
    assert digest(store) == size
    assert_geodataframe_equal(before, read_store(store))


def test_resume_extracts_only_new_articles(tmp_path):
    articles = tmp_path / "news"
    articles.mkdir()
    names = ["ammo_depot.txt", "arrest_moscow.txt", "car_bomb.txt"]
    for name in names[:2]:
        shutil.copy(ARTICLES / name, articles / name)
    store = tmp_path / "incidents.gpkg"
    seen: list[str] = []
    gdf, totals = extract_to_store(store, [articles], progress=lambda article, n: seen.append(article.source))
    first = len(seen)  # a seed file may hold several articles
    assert first >= 2 and totals.extracted == first and totals.skipped == 0
    assert len(processed_hashes(store)) == first
    shutil.copy(ARTICLES / names[2], articles / names[2])
    seen.clear()
    _, totals = extract_to_store(store, [articles], progress=lambda article, n: seen.append(article.source))
    assert seen and set(seen) == {str(articles / names[2])}  # only the new file's articles were extracted
    assert (totals.extracted, totals.skipped) == (len(seen), first)
    con = sqlite3.connect(store)
    rows = con.execute(f"SELECT source FROM {PROCESSED_TABLE} ORDER BY fid").fetchall()
    con.close()
    assert sorted({source for source, in rows}) == [str(articles / name) for name in names]
    assert len(rows) == first + len(seen)


def test_an_article_is_the_same_article_under_another_name(tmp_path):
    store = tmp_path / "incidents.gpkg"
    extract_to_store(store, [STRIKE])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(STRIKE.read_bytes())
    seen: list = []
    _, totals = extract_to_store(store, [copy], progress=lambda article, n: seen.append(article))
    assert seen == [] and totals.skipped == 1


def test_appends_commit_as_they_go(tmp_path):
    """With every=0 each article is appended on its own: a stopped run keeps what it did."""
    articles = tmp_path / "news"
    articles.mkdir()
    for name in sorted(os.listdir(SEEDS))[:2]:
        shutil.copy(SEEDS / name, articles / name)
    store = tmp_path / "incidents.gpkg"
    counts: list[int] = []
    extract_to_store(store, [articles], every=0, progress=lambda *_: counts.append(len(processed_hashes(store))))
    # Each article was in the store before the next one was extracted.
    assert counts == list(range(len(counts))) and len(counts) >= 2
    one_go = tmp_path / "one.gpkg"
    extract_to_store(one_go, [articles], every=None)
    assert sorted(read_store(one_go)["event_id"]) == sorted(read_store(store)["event_id"])


KILLER = textwrap.dedent(
    """
    import sys, time
    import geopandas as gpd, pandas as pd
    import geomap.writers
    from geomap.load import load_incidents
    from geomap.store import append_to_store

    store, when = sys.argv[1], sys.argv[2]
    rows = load_incidents([sys.argv[3]])
    n = 20000 // len(rows) + 1
    big = pd.concat([rows] * n, ignore_index=True)
    big["event_id"] = [f"{i:016x}" for i in range(len(big))]
    big["event_date"] = pd.Timestamp("2020-01-01") + pd.to_timedelta(big.index // 50, unit="D")
    big = gpd.GeoDataFrame(big, geometry="geometry", crs="EPSG:4326")
    real = geomap.writers.write_incidents

    def write(*args, **kwargs):
        if when == "during":
            print("writing", flush=True)
            return real(*args, **kwargs)
        out = real(*args, **kwargs)
        print("written", flush=True)  # the new store is complete beside the old one
        time.sleep(600)
        return out

    geomap.writers.write_incidents = write
    append_to_store(store, big)
    print("done", flush=True)
    """
)


@pytest.mark.parametrize("when", ["during", "before-replace"])
def test_kill_9_mid_append_leaves_the_previous_store(tmp_path, acled_kharkiv, when):
    store = tmp_path / "incidents.gpkg"
    append_to_store(store, load_incidents([acled_kharkiv, ACLED]))
    before, size = read_store(store), digest(store)
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    child = subprocess.Popen([sys.executable, str(script), str(store), when, str(ACLED)],
                             stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = child.stdout.readline().strip()
        assert line in ("writing", "written")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert digest(store) == size
    assert_geodataframe_equal(before, read_store(store))
    if when == "before-replace":  # the finished temporary file is there, and is not the store
        assert [p for p in tmp_path.iterdir() if ".geomap-tmp-" in p.name]
    # The next append clears what the killed one left and works.
    update = append_to_store(store, load_incidents([STRIKE]))
    assert update.written and update.total > len(before)
    assert not [p for p in tmp_path.iterdir() if ".geomap-tmp-" in p.name]


def test_the_store_works_as_an_input(tmp_path, acled_kharkiv):
    store = tmp_path / "incidents.gpkg"
    extract_to_store(store, [acled_kharkiv, STRIKE, ACLED])
    stored = read_store(store)
    out = tmp_path / "december.geojson"
    result = invoke("extract", store, "--since", "2024-12-01", "-o", out)
    assert result.exit_code == 0, result.output
    from geomap.readers import read_incidents

    december = read_incidents(out)
    expected = stored[stored["event_date"] >= "2024-12-01"]
    assert len(expected) and sorted(december["event_id"]) == sorted(expected["event_id"])
    page = tmp_path / "map.html"
    result = invoke("map", store, "-o", page)
    assert result.exit_code == 0, result.output
    assert page.stat().st_size > 0


def test_qgis_and_gdal_open_the_store_cleanly(tmp_path, acled_kharkiv):
    ogrinfo = require_ogrinfo()
    store = tmp_path / "incidents.gpkg"
    extract_to_store(store, [acled_kharkiv, STRIKE])
    run = subprocess.run([ogrinfo, "-so", "-al", str(store)], capture_output=True, text=True, check=True)
    assert "Warning" not in run.stderr and "ERROR" not in run.stderr, run.stderr
    assert "Layer name: incidents" in run.stdout and "Layer name: processed_articles" in run.stdout
    assert "event_date: Date" in run.stdout
    assert f"Feature Count: {len(read_store(store))}" in run.stdout


def test_a_file_that_is_not_a_store_is_refused_and_kept(tmp_path):
    other = tmp_path / "roads.gpkg"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE roads (id INTEGER)")
    con.commit()
    con.close()
    size = digest(other)
    result = invoke("extract", STRIKE, "--store", other)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {other}: not a geomap store (not a GeoPackage: no such table: gpkg_contents)"]
    assert digest(other) == size
    result = invoke("extract", STRIKE, "--store", tmp_path / "incidents.geojson")
    assert result.exit_code == 2 and "a store is a GeoPackage (.gpkg)" in result.output


def test_rows_compared_find_any_changed_value(acled_kharkiv):
    # The store writes nothing when a batch leaves every row as it was: the comparison must see any change.
    from shapely.geometry import Point

    from geomap.readers import read_incidents
    from geomap.store import _same_rows

    rows = read_incidents(acled_kharkiv)
    assert _same_rows(rows, rows.copy())
    assert _same_rows(rows, rows.copy().iloc[:, ::-1])  # column order aside
    changes = {
        "fatalities": lambda f: f.assign(fatalities=f["fatalities"] + 1),
        "actor1": lambda f: f.assign(actor1=f["actor1"].str.upper()),
        "event_date": lambda f: f.assign(event_date=f["event_date"] + pd.Timedelta(days=1)),
        "evidence": lambda f: f.assign(evidence=[[*e, {"text": "more"}] for e in f["evidence"]]),
        "quantities": lambda f: f.assign(quantities=[{**q, "drones_launched": 9} for q in f["quantities"]]),
        "geometry": lambda f: f.set_geometry([Point(p.x + 1e-9, p.y) for p in f.geometry]),
        "injured": lambda f: f.assign(injured=pd.array([7] * len(f), dtype="Int64")),
    }
    for column, change in changes.items():
        changed = change(rows.copy())
        last = len(rows) - 1
        # Only the last row differs: the column-wise check must not hide a single difference.
        mixed = pd.concat([rows.iloc[:last], changed.iloc[last:]], ignore_index=True)
        assert not _same_rows(rows, mixed), column
