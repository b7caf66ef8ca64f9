"""Extraction in worker processes (``--jobs``) and on a Dask cluster (``--scheduler``) gives
exactly what one process gives: the same incidents, ids, order, error lines and store.

The corpus is generated (:func:`make_corpus`): many small article files of several
formats, the same events told again in other files (they merge across partitions), a
JSON Lines archive read by the planner and split, an incident file, and inputs that fail.
No timings are asserted here (``bench/bench_scale.py`` measures).
"""

from __future__ import annotations

import json
import os
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from geopandas.testing import assert_geodataframe_equal

from geomap.cli import cli
from geomap.load import load_incidents

TOWNS = ["Kharkiv", "Sumy", "Odesa", "Zaporizhzhia", "Dnipro", "Kherson", "Mykolaiv", "Poltava", "Chernihiv",
         "Kryvyi Rih", "Kramatorsk", "Pokrovsk", "Belgorod", "Kursk", "Bryansk"]  # fmt: skip
TEMPLATES = [
    "Russian drones struck {town} overnight, killing {n} people and injuring {m}, the regional governor said.",
    "A missile attack on {town} damaged an apartment block on {day}; {n} civilians were killed.",
    "Ukrainian air defence shot down {n} drones over {town} region, officials said.",
    "Protesters clashed with police in the centre of {town} on {day}; {m} people were detained.",
    "Shelling hit a market in {town}, wounding {m} residents.",
]


def make_corpus(folder: Path, n: int = 90, seed: int = 13) -> Path:
    """``n`` articles as text, HTML and JSON files, plus a JSON Lines archive, an incident
    file, repeated events and bad inputs; returns the folder."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    start = date(2024, 11, 1)
    told = []
    for i in range(n):
        day = start + timedelta(days=rng.randrange(20))
        sentences = [rng.choice(TEMPLATES).format(town=rng.choice(TOWNS), n=rng.randrange(1, 9),
                                                  m=rng.randrange(2, 30), day=day.strftime("%A"))
                     for _ in range(rng.randrange(1, 4))]  # fmt: skip
        text = " ".join(sentences)
        told.append((day, text))
        kind = i % 3
        if kind == 0:
            (folder / f"a{i:03d}.txt").write_text(f" date {day.isoformat()} {text}\n", encoding="utf-8")
        elif kind == 1:
            (folder / f"a{i:03d}.html").write_text(
                f"<html><head><title>Report {i}</title><meta name='date' content='{day.isoformat()}'></head>"
                f"<body><article><h1>Report {i}</h1><p>{text}</p></article></body></html>",
                encoding="utf-8",
            )
        else:
            (folder / f"a{i:03d}.json").write_text(json.dumps({"title": f"Wire {i}", "date": day.isoformat(),
                                                               "text": text}), encoding="utf-8")  # fmt: skip
    # The same events told again by other outlets, in other files (other partitions).
    sub = folder / "again"
    sub.mkdir()
    for k, (day, text) in enumerate(told[:: max(1, n // 12)]):
        (sub / f"b{k:03d}.txt").write_text(f" date {day.isoformat()} Local media: {text}\n", encoding="utf-8")
    # A JSON Lines archive (read by the planner when large, split into partitions), with a bad line.
    lines = [json.dumps({"text": text, "date": (day + timedelta(days=1)).isoformat(), "url": f"https://x.test/{k}"})
             for k, (day, text) in enumerate(told[:30])]  # fmt: skip
    lines.insert(7, "{not json")
    (folder / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Inputs that fail: undecodable bytes, an empty file, a broken link.
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    os.symlink(folder / "nowhere.txt", folder / "broken.txt")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, real_gazetteer) -> Path:
    folder = make_corpus(tmp_path_factory.mktemp("corpus") / "news")
    # An incident file among the articles: read, not extracted, merged with the rest.
    incidents = load_incidents([str(folder / "a000.txt"), str(folder / "a003.txt")], gazetteer=real_gazetteer)
    assert len(incidents)
    from geomap.writers import write_incidents

    write_incidents(incidents, folder / "known.geojson", gazetteer=real_gazetteer)
    return folder


def _load(inputs, gazetteer, **options):
    errors: list[tuple[str, str, str]] = []
    frame = load_incidents([str(i) for i in inputs], gazetteer=gazetteer,
                           on_error=lambda source, err: errors.append((source, type(err).__name__, str(err))),
                           **options)  # fmt: skip
    return frame, errors


@pytest.fixture(scope="module")
def serial(corpus, real_gazetteer):
    frame, errors = _load([corpus], real_gazetteer)
    assert len(frame) > 40 and frame["event_id"].is_unique
    assert len(errors) >= 4  # binary, empty, broken link, the bad JSON line
    return frame, errors


@pytest.fixture()
def small_partitions(monkeypatch):
    """Partitions of a few items, and the archive read here and split: many partitions on a small corpus."""
    import geomap.parallel as parallel

    monkeypatch.setattr(parallel, "READ_HERE_BYTES", 2048)
    monkeypatch.setattr(parallel, "POOL_PARTITION_ITEMS", 5)
    monkeypatch.setattr(parallel, "DASK_PARTITION_ITEMS", 5)


def test_the_corpus_merges_across_files(serial):
    frame, _ = serial
    # The repeated events are one row each, holding both outlets' sources.
    assert any("again" in s and "; " in s for s in frame["source"])


def test_two_processes_give_exactly_the_serial_result(corpus, real_gazetteer, serial, small_partitions):
    frame, errors = _load([corpus], real_gazetteer, jobs=2)
    assert_geodataframe_equal(frame, serial[0])
    assert errors == serial[1]


def test_the_planner_splits_what_it_reads(corpus, small_partitions):
    from geomap.parallel import Partition, plan_partitions

    work = list(plan_partitions([str(corpus)], max_items=5))
    parts = [w for w in work if isinstance(w, Partition)]
    assert len(parts) > 10
    from geomap.article import Article

    # The archive's articles went out in several partitions of their own.
    assert sum(any(isinstance(i, Article) for i in p.items) for p in parts) >= 2
    # Made here: the broken link's error, and the frame of known.geojson (over READ_HERE_BYTES, read here).
    here = [e[0] for w in work if isinstance(w, list) for e in w]
    assert here.count("table") == 1 and here.count("error") >= 2  # + the archive's bad line


def test_auto_jobs_give_the_serial_result(corpus, real_gazetteer, serial, monkeypatch):
    import geomap.parallel as parallel

    monkeypatch.setattr(parallel, "AUTO_INLINE_BYTES", 4096)  # a few partitions here, then the pool
    monkeypatch.setattr(parallel, "POOL_PARTITION_ITEMS", 5)
    frame, errors = _load([corpus], real_gazetteer, jobs=None)
    assert_geodataframe_equal(frame, serial[0])
    assert errors == serial[1]


def test_seeds_two_processes_write_the_same_bytes(seeds_dir, tmp_path):
    one, two = tmp_path / "one.geojson", tmp_path / "two.geojson"
    for jobs, out in (("1", one), ("2", two)):
        result = CliRunner().invoke(cli, ["-q", "extract", str(seeds_dir), "--jobs", jobs, "-o", str(out)])
        assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()
    assert json.loads(one.read_text())["features"]


def test_cli_error_lines_and_exit_code_are_the_serial_ones(corpus, tmp_path, small_partitions):
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs / "out.geojson"
        out.parent.mkdir()
        result = CliRunner().invoke(cli, ["extract", str(corpus), "--jobs", jobs, "-o", str(out)])
        runs[jobs] = (result.exit_code, result.stderr.replace(str(out), "OUT"), out.read_bytes())
    assert runs["1"][0] == 1
    assert runs["1"] == runs["2"]
    assert "binary.txt" in runs["2"][1] and "archive.jsonl line 8" in runs["2"][1]


def test_store_with_jobs_is_the_serial_store(corpus, tmp_path, real_gazetteer, small_partitions):
    from geomap.store import Store, extract_to_store

    results = {}
    for jobs in (1, 2):
        path = tmp_path / f"store{jobs}.gpkg"
        run, totals = extract_to_store(path, [str(corpus)], gazetteer=real_gazetteer, on_error=lambda s, e: None,
                                       jobs=jobs, every=None)  # fmt: skip
        stored = path.read_bytes()
        # Again: every article is skipped (only the incident file is read again), nothing changes.
        again, totals_again = extract_to_store(path, [str(corpus)], gazetteer=real_gazetteer,
                                               on_error=lambda s, e: None, jobs=jobs, every=None)  # fmt: skip
        assert totals_again.extracted == 0 and totals_again.skipped == totals.extracted > 0
        assert totals_again.added == 0 and path.read_bytes() == stored
        results[jobs] = (Store(path).read(), Store(path).processed(), totals.added)
    assert_geodataframe_equal(results[1][0], results[2][0])
    assert results[1][1] == results[2][1] and results[1][2] == results[2][2]


def test_store_batches_commit_with_jobs(corpus, tmp_path, real_gazetteer, small_partitions):
    from geomap.store import Store, extract_to_store

    path = tmp_path / "store.gpkg"
    # every=0: an append after each article, as a long run commits every minute.
    _, totals = extract_to_store(path, [str(corpus / "again")], gazetteer=real_gazetteer, jobs=2, every=0)
    assert totals.extracted == len(list((corpus / "again").iterdir()))
    assert len(Store(path).processed()) == totals.extracted


def test_jobs_zero_is_a_usage_error(seeds_dir):
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.stderr


def test_scheduler_without_dask_is_one_line(seeds_dir, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if geomap[dask] were not installed
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--scheduler': needs Dask's distributed: pip install 'geomap[dask]'"
    )


def test_a_folder_output_needs_parquet(seeds_dir, tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "-o", f"{tmp_path}/out/", "--format", "gpkg"])
    assert result.exit_code == 2 and "partitioned GeoParquet" in result.stderr


# --- a real Dask cluster on loopback --------------------------------------------------------------


def _require_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError:
        message = "needs dask[distributed] (geomap[dask]; make installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def cluster():
    _require_distributed()
    from distributed import LocalCluster

    # Two worker processes: tasks and results really are pickled, and each worker builds its gazetteer.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40) as local:  # fmt: skip
        yield local


def test_local_cluster_gives_exactly_the_serial_result(corpus, real_gazetteer, serial, cluster, small_partitions):
    frame, errors = _load([corpus], real_gazetteer, scheduler=cluster.scheduler_address)
    assert_geodataframe_equal(frame, serial[0])
    assert errors == serial[1]


def test_partitioned_geoparquet_reads_back_to_the_same_incidents(corpus, tmp_path, serial, cluster,
                                                                  small_partitions, monkeypatch):  # fmt: skip
    import geopandas as gpd
    import pandas as pd

    import geomap.dataset
    from geomap.readers import read_incidents

    monkeypatch.setattr(geomap.dataset, "PART_ROWS", 10)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--scheduler", cluster.scheduler_address,
                                      "-o", f"{out}/", "--format", "parquet"])  # fmt: skip
    assert result.exit_code == 1, result.output  # the bad inputs
    parts = sorted(out.glob("part-*.parquet"))
    expected = serial[0]
    assert len(parts) == -(-len(expected) // 10)
    back = pd.concat([read_incidents(p) for p in parts], ignore_index=True)
    back = gpd.GeoDataFrame(back, geometry="geometry", crs="EPSG:4326")
    assert list(back["event_id"]) == list(expected["event_id"])
    # The same rows as a serial run written to one GeoParquet file and read back.
    single = tmp_path / "single.parquet"
    assert CliRunner().invoke(cli, ["extract", str(corpus), "--jobs", "1", "-o", str(single)]).exit_code == 1
    assert_geodataframe_equal(back, read_incidents(single))
    # geomap reads the folder as one dataset: its parts' rows do not merge again.
    assert_geodataframe_equal(load_incidents([str(out)]), read_incidents(single))
    # Written again, the folder is replaced whole.
    again = CliRunner().invoke(cli, ["-q", "extract", str(corpus / "again"), "--scheduler", cluster.scheduler_address,
                                     "-o", str(out)])  # fmt: skip
    assert again.exit_code == 0, again.output
    assert len(list(out.glob("part-*.parquet"))) < len(parts)


def test_store_on_a_cluster_is_the_serial_store(corpus, tmp_path, real_gazetteer, cluster, small_partitions):
    from geomap.store import Store, extract_to_store

    frames = []
    for options in ({"jobs": 1}, {"scheduler": cluster.scheduler_address}):
        path = tmp_path / f"store{len(frames)}.gpkg"
        extract_to_store(path, [str(corpus)], gazetteer=real_gazetteer, on_error=lambda s, e: None, every=None,
                         **options)  # fmt: skip
        frames.append(Store(path).read())
    assert_geodataframe_equal(frames[0], frames[1])
