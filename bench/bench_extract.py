"""Benchmark: incidents from seed-like articles with the real gazetteer.

Prints

* articles per second for the whole of ``geomap.extract`` (sentences, classification,
  places, counts, dates, merging, the GeoDataFrame) on one core, on the seed articles'
  own texts repeated with varied places and figures (target: >= 200 articles/s);
* the same for extraction alone (``iter_incidents``), without the final merge/frame;
* resident memory while streaming N articles through ``iter_incidents`` (the
  statements are counted, not kept): after 10 % and after 100 % of them; flat when
  extraction streams;
* seconds to merge 10k and 100k incidents of as many articles
  (``merge_incidents``: towns scattered over Ukraine, 60 days, 5 % region-level,
  20 % undated), and 8k undated ones at a few towns; about linear when the merge
  index buckets by place as well as by type and day.

Rates are given per wall-clock second and per CPU second of this process (the
second is steadier on a shared machine).

Usage: ``python bench/bench_extract.py [N] [--data-dir DIR] [--merge-only]`` (default N
100000 for the memory part; ``--data-dir`` reads a copy of the gazetteer data, e.g.
while ``gazetteer/data`` is being rebuilt; ``--merge-only`` runs the merge figures alone).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer
from gazetteer.model import Place
from geomap.article import Article
from geomap.incidents import Incident, merge_incidents
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


_TYPES = [
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Battles", "Armed clash"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]


def synthetic_incidents(n: int, *, seed: int = 0, undated: float = 0.2, towns: int | None = None) -> list[Incident]:
    """``n`` one-article incidents: towns over Ukraine's extent, some regions, some undated."""
    rng = random.Random(seed)
    n_towns = towns or max(50, n // 5)
    places = [
        Place(id=f"gn:{k}", name=f"Town {k}", kind="city", country="UA", admin1=f"Oblast {k % 24}",
              lat=rng.uniform(45.0, 52.0), lon=rng.uniform(22.5, 40.0), population=5000, geonameid=k, feature_code="PPL")
        for k in range(n_towns)
    ]
    regions = [
        Place(id=f"admin1:UA.{k:02d}", name=f"Oblast {k}", kind="admin1", country="UA", admin1=None,
              lat=rng.uniform(45.0, 52.0), lon=rng.uniform(22.5, 40.0), population=0, geonameid=None, feature_code="ADM1")
        for k in range(24)
    ]
    out = []
    for i in range(n):
        place = rng.choice(regions) if rng.random() < 0.05 else rng.choice(places)
        day = None if rng.random() < undated else date(2025, 1, 1) + timedelta(days=rng.randrange(60))
        event_type, sub_event_type = rng.choice(_TYPES)
        out.append(Incident(event_type, sub_event_type, "Political violence", place, 1 if place.kind == "city" else 3,
                            day, 1 if day else None, sources=[f"bench/{i}.txt"], article_key=f"bench/{i}.txt"))
    return out


def bench_merge() -> None:
    """Print the merge figures (no gazetteer: region containment by name, as for user data)."""
    for label, n, kwargs in (
        ("10k incidents", 10_000, {}),
        ("100k incidents", 100_000, {}),
        ("8k undated incidents at 20 towns", 8_000, {"undated": 1.0, "towns": 20}),
    ):
        incidents = synthetic_incidents(n, **kwargs)
        merged, wall, cpu = _timed(lambda incidents=incidents: merge_incidents(incidents))
        print(f"merge_incidents, {label}: {wall:.2f} s wall, {cpu:.2f} s CPU; {len(merged)} after merging")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000, help="articles to stream for the memory figures")
    parser.add_argument("--data-dir", help="read a copy of the gazetteer data")
    parser.add_argument("--merge-only", action="store_true", help="only the merge figures")
    args = parser.parse_args(argv)
    if args.merge_only:
        bench_merge()
        return 0
    data_dir, n_memory = args.data_dir, args.n
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
    bench_merge()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
