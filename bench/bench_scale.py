"""Benchmark: extraction with 1 and 2 worker processes (``--jobs``) and on a Dask LocalCluster of 1 and 2 workers.

Writes N seed-like articles (``bench_extract.seed_like``: the seed articles' texts with
places and figures varied) as text files in a temporary folder, then times
``geomap.load.load_incidents`` over the folder, which is what ``geomap extract`` runs:

* ``jobs=1``: today's serial path, in this process;
* ``jobs=2``: two worker processes (``geomap.parallel``), started by the run and loading
  the gazetteer each: their start is in the time, as a user pays it;
* a ``distributed.LocalCluster`` on loopback with 1 and 2 worker processes (one thread
  each), started before the timing; each is timed twice: the first run includes the
  workers building their gazetteers, the second is warm.

Each line gives articles per wall-clock second and the ratio to ``jobs=1``, and checks
that the frame equals the serial one (``assert_geodataframe_equal``). The merge runs in
this process in every case: its seconds are printed apart, since they do not scale.

Usage: ``python bench/bench_scale.py [N] [--no-dask]`` (default N 1200).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def write_corpus(folder: Path, n: int) -> int:
    from bench_extract import seed_like

    size = 0
    for i, article in enumerate(seed_like(n)):
        text = f" date {article.published.isoformat()} {article.title or ''}\n\n{article.text}\n"
        path = folder / f"{i:06d}.txt"
        path.write_text(text, encoding="utf-8")
        size += path.stat().st_size
    return size


def measure(folder: Path, gazetteer, *, dask: bool = True) -> tuple[list[tuple[str, float]], float, int]:
    """Time ``load_incidents`` over ``folder`` serially, with two worker processes and (``dask``) on
    LocalClusters of 1 and 2 workers, checking each frame equals the serial one: ``(label,
    seconds)`` rows, the first the serial run, the seconds of the merge alone, and the incidents
    it merged."""
    from geopandas.testing import assert_geodataframe_equal

    from geomap.load import load_incidents
    from geomap.merge import merge_incidents
    from geomap.pipeline import iter_incidents

    def timed(**options):
        began = time.perf_counter()
        frame = load_incidents([str(folder)], gazetteer=gazetteer, **options)
        return frame, time.perf_counter() - began

    serial, base = timed(jobs=1)
    rows = [("jobs=1 (serial path)", base)]
    # The merge alone (in this process whatever the executor).
    found = [i for batch in iter_incidents([str(folder)], gazetteer=gazetteer) for i in batch]
    began = time.perf_counter()
    merge_incidents(found, gazetteer=gazetteer)
    merge_s = time.perf_counter() - began

    frame, seconds = timed(jobs=2)
    assert_geodataframe_equal(frame, serial)
    rows.append(("jobs=2 (process pool, start included)", seconds))
    if dask:
        from distributed import LocalCluster

        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None, silence_logs=40) as cluster:  # fmt: skip
                for run in ("cold", "warm"):
                    frame, seconds = timed(scheduler=cluster.scheduler_address)
                    assert_geodataframe_equal(frame, serial)
                    rows.append((f"LocalCluster {workers} worker{'s' * (workers > 1)} ({run})", seconds))
    return rows, merge_s, len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1200)
    parser.add_argument("--no-dask", action="store_true", help="only the local processes")
    args = parser.parse_args()

    from gazetteer import Gazetteer
    from geomap.parallel import available_cores

    gazetteer = Gazetteer()
    gazetteer.find("Kharkiv")  # loaded before timing, as in a warm CLI process
    with tempfile.TemporaryDirectory(prefix="geomap-bench-scale-") as tmp:
        folder = Path(tmp)
        size = write_corpus(folder, args.n)
        print(f"{args.n} articles, {size / 2**20:.1f} MiB, in {folder} (cores available: {available_cores()})")
        rows, merge_s, found = measure(folder, gazetteer, dask=not args.no_dask)
        base = rows[0][1]
        print(f"{'run':<40} {'s':>7} {'articles/s':>11} {'vs jobs=1':>10}")
        for label, seconds in rows:
            print(f"{label:<40} {seconds:7.2f} {args.n / seconds:11.0f} {base / seconds:9.2f}x")
        print(f"merge of {found} incidents in this process: {merge_s:.2f} s (global; does not scale with workers)")
        print("every frame equals the serial one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
