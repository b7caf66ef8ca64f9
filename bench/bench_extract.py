"""Benchmark: incidents from seed-like articles with the real gazetteer.

Prints

* articles per second for the whole of ``geomap.extract`` (sentences, classification,
  places, counts, dates, merging, the GeoDataFrame) on one core, on the seed articles'
  own texts repeated with varied places and figures (target: >= 200 articles/s);
* the same for extraction alone (``iter_incidents``), without the final merge/frame;
* resident memory while streaming N articles through ``iter_incidents`` (the
  statements are counted, not kept): after 10 % and after 100 % of them; flat when
  extraction streams.

Usage: ``python bench/bench_extract.py [N]`` (default 100000 for the memory part).
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


def main(argv: list[str]) -> int:
    n_memory = int(argv[0]) if argv else 100_000
    gazetteer = Gazetteer()
    started = time.perf_counter()
    gazetteer.find("Warm up in Kharkiv.")
    print(f"gazetteer load: {time.perf_counter() - started:.2f} s (not counted below)")

    n = 2000
    avg_chars = sum(len(a.text) for a in seed_like(5)) / 5
    started = time.perf_counter()
    gdf = extract(seed_like(n), gazetteer=gazetteer)
    elapsed = time.perf_counter() - started
    print(f"extract (full, with merge and frame): {n} articles (~{avg_chars:.0f} chars each) in {elapsed:.2f} s "
          f"= {n / elapsed:.0f} articles/s; {len(gdf)} incidents after merging")

    started = time.perf_counter()
    statements = sum(len(found) for found in iter_incidents(seed_like(n), gazetteer=gazetteer))
    elapsed = time.perf_counter() - started
    print(f"iter_incidents (per article, no merge): {n / elapsed:.0f} articles/s; {statements} incidents")

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
