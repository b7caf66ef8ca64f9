"""Benchmark: incidents from seed-like articles with the real gazetteer.

Prints

* articles per second for the whole of ``geomap.extract`` (sentences, classification,
  places, counts, dates, merging, the GeoDataFrame) on one core, on the seed articles'
  own texts repeated with varied places and figures (target: >= 200 articles/s);
* the same for extraction alone (``iter_incidents``), without the final merge/frame;
* resident memory while streaming N articles through ``iter_incidents`` (the
  statements are counted, not kept): after 10 % and after 100 % of them; flat when
  extraction streams.

Rates are given per wall-clock second and per CPU second of this process (the
second is steadier on a shared machine).

Usage: ``python bench/bench_extract.py [N] [--data-dir DIR]`` (default N 100000 for the
memory part; ``--data-dir`` reads a copy of the gazetteer data, e.g. while
``gazetteer/data`` is being rebuilt).
"""

from __future__ import annotations

import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer
from geomap.article import Article
from geomap.ingest import iter_articles
from geomap.pipeline import extract, iter_incidents

SEEDS = ROOT / "seeds"
SWAPS = [("Moscow", "Belgorod"), ("Kursk", "Bryansk"), ("Novorossiysk", "Tuapse"), ("337", "158"), ("200", "150")]


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def seed_like(n: int):
    """``n`` articles: the seed articles, every other one with places and figures swapped."""
    base = list(iter_articles([str(SEEDS)]))
    for i in range(n):
        article = base[i % len(base)]
        text = article.text
        if (i // len(base)) % 2:
            for a, b in SWAPS:
                text = text.replace(a, b)
        yield Article(
            text=text,
            source=f"bench/{i}.txt",
            title=article.title,
            published=article.published or date(2025, 3, 1 + i % 28),
            offset=article.offset,
            index=0,
        )


def _timed(run):
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str]) -> int:
    data_dir = None
    if "--data-dir" in argv:
        at = argv.index("--data-dir")
        data_dir = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    n_memory = int(argv[0]) if argv else 100_000
    gazetteer = Gazetteer(data_dir)
    started = time.perf_counter()
    gazetteer.find("Warm up in Kharkiv.")
    print(f"gazetteer load: {time.perf_counter() - started:.2f} s (not counted below)")
    started = time.perf_counter()
    import geopandas  # noqa: F401  (imported once per process by the first extract)

    print(f"geopandas import: {time.perf_counter() - started:.2f} s (not counted below)")

    n = 2000
    avg_chars = sum(len(a.text) for a in seed_like(5)) / 5
    gdf, wall, cpu = _timed(lambda: extract(seed_like(n), gazetteer=gazetteer))
    print(f"extract (full: sentences to merged GeoDataFrame): {n} articles (~{avg_chars:.0f} chars each): "
          f"{n / wall:.0f} articles/s wall, {n / cpu:.0f} articles/s CPU; {len(gdf)} incidents after merging")

    found, wall, cpu = _timed(lambda: sum(len(f) for f in iter_incidents(seed_like(n), gazetteer=gazetteer)))
    print(f"iter_incidents (per article, no merge): {n / wall:.0f} articles/s wall, {n / cpu:.0f} CPU; {found} incidents")

    articles = list(seed_like(n))
    _, wall, cpu = _timed(lambda: [gazetteer.find(a.text) for a in articles])
    print(f"  of which gazetteer.find alone: {n / wall:.0f} articles/s wall, {n / cpu:.0f} CPU")

    checkpoints = {n_memory // 10, n_memory}
    started = time.perf_counter()
    for count, _found in enumerate(iter_incidents(seed_like(n_memory), gazetteer=gazetteer), start=1):
        if count in checkpoints:
            print(f"streamed {count:>7} articles: RSS {_rss_mib():.0f} MiB, "
                  f"{count / (time.perf_counter() - started):.0f} articles/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS over the whole run: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
