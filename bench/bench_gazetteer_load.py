"""Cold-load time, data size and peak memory of the embedded gazetteer data.

Prints figures, asserts nothing. Each timing runs in a fresh Python process so
nothing is cached in the interpreter (the OS page cache is warm after the first
run; the first figure printed is the coldest this machine gives).

Usage: ``python bench/bench_gazetteer_load.py [--runs N]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "gazetteer" / "data"

# What a first user of the store does: import, load, look one name up and build
# its places; then, separately timed, the first place, zipf and geometry access.
CHILD = r"""
import json, resource, time
t0 = time.perf_counter()
from gazetteer.store import Store
from gazetteer.normalize import fold
store = Store.load()
entries = store.entries(fold("Kharkiv"))
t1 = time.perf_counter()
places = [store.place(i) for i, _ in entries]
t2 = time.perf_counter()
store.zipf("echo")
t3 = time.perf_counter()
store.geometry(store.admin1("RU", "41"))
t4 = time.perf_counter()
shapes = store.shapes("admin1")
t5 = time.perf_counter()
print(json.dumps({
    "load": t1 - t0, "first_place": t2 - t1, "first_zipf": t3 - t2, "first_geometry": t4 - t3,
    "all_admin1_shapes": t5 - t4, "n_shapes": len(shapes),
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    print(f"data directory: {DATA}")
    total = 0
    for path in sorted(DATA.iterdir()):
        total += path.stat().st_size
        print(f"  {path.name:<18} {path.stat().st_size / 1e6:7.2f} MB")
    print(f"  {'total':<18} {total / 1e6:7.2f} MB")
    print(f"runs: {args.runs} fresh processes (median; first run in brackets)")
    for key, label in [
        ("load", "cold load: import + Store.load + one lookup"),
        ("first_place", "first Store.place (reads places, names)"),
        ("first_zipf", "first Store.zipf"),
        ("first_geometry", "first Store.geometry (reads polygons)"),
        ("all_admin1_shapes", "Store.shapes('admin1')"),
    ]:
        values = [r[key] for r in runs]
        print(f"  {label:<46} {statistics.median(values) * 1000:7.1f} ms  [{values[0] * 1000:.1f}]")
    print(f"  {'peak RSS after all of the above':<46} {max(r['peak_rss_mb'] for r in runs):7.1f} MB")
    fold_speed()
    return 0


def fold_speed() -> None:
    """Throughput of gazetteer.normalize.fold_text on the sample articles, repeated to ~5 MB."""
    from gazetteer.normalize import fold_text

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    sample = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    for label, text in [("news text", sample), ("ASCII only", sample.encode("ascii", "ignore").decode())]:
        big = text * max(1, 5_000_000 // max(1, len(text)))
        fold_text(big[:1000])  # first-use set-up (numpy import, tables) is not throughput
        best = min(_timed(fold_text, big) for _ in range(3))
        print(f"  fold_text, {label:<36} {len(big) / best / 1e6:7.1f} MB/s ({len(big) / 1e6:.1f} MB)")


def _timed(func, arg) -> float:
    import time

    start = time.perf_counter()
    func(arg)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
