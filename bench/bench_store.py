"""Appending to the store: 10k incidents into a store of 100k, and the same batch again.

Usage: ``python bench/bench_store.py [STORED BATCH]`` (default 100000 10000). Synthetic
incidents from ``bench_export.synthetic`` (a year of dates), the batch a month of new ones
(so about a twelfth of the store is a merge candidate). Prints the time of each step: the
store is rewritten whole on each append (a temporary file renamed over it), so an append
costs about one read and one write of the whole store, plus merging the candidates; the same
batch again costs the read and the merge, and writes nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import synthetic  # noqa: E402

from geomap.readers import read_incidents  # noqa: E402
from geomap.store import append_to_store, read_store  # noqa: E402
from geomap.writers import write_incidents  # noqa: E402


def main(stored: int, batch: int) -> None:
    base = synthetic(stored + batch)
    base["event_id"] = [f"{i:016x}" for i in range(len(base))]
    base["event_date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(base.index % 365, unit="D")
    old, new = base.iloc[:stored].reset_index(drop=True), base.iloc[stored:].reset_index(drop=True)
    new["event_date"] = pd.Timestamp("2025-01-01") + pd.to_timedelta(new.index % 30, unit="D")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.gpkg"
        t = time.perf_counter()
        append_to_store(path, old)
        print(f"new store of {stored:,}: {time.perf_counter() - t:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
        t = time.perf_counter()
        read_store(path)
        print(f"read the store: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        write_incidents(read_incidents(path), Path(tmp) / "plain.gpkg")
        print(f"read + write_incidents of the same rows (the floor of a rewrite): {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        update = append_to_store(path, new)
        print(f"append {batch:,}: {time.perf_counter() - t:.1f} s ({update})")
        t = time.perf_counter()
        update = append_to_store(path, new)
        print(f"same batch again: {time.perf_counter() - t:.1f} s (written: {update.written})")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*(args or [100_000, 10_000]))
