"""Benchmark: stream 100k JSON Lines articles through ``geomap.ingest.iter_articles``.

Prints articles per second and memory: the resident set size after 10 %, 50 % and
100 % of the articles (flat when reading streams) and tracemalloc's peak of Python
allocations during the run. Also times plain-text pages through the splitter and
saved HTML pages through trafilatura/htmldate.

Usage: ``python bench/bench_ingest.py [N]`` (default 100000).
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from geomap.ingest import iter_articles

PARAGRAPH = (
    "Russian forces shelled the city of {city} overnight, killing {n} civilians and wounding "
    "{m} others, the regional governor said on {day}. Air defence shot down {k} drones over the region."
)
CITIES = ["Kharkiv", "Kherson", "Nikopol", "Sumy", "Zaporizhzhia", "Odesa", "Belgorod", "Kursk"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _record(i: int) -> dict:
    text = " ".join(
        PARAGRAPH.format(city=CITIES[(i + j) % 8], n=i % 7, m=i % 11, day=DAYS[i % 5], k=i % 50) for j in range(4)
    )
    return {"title": f"Report {i}", "text": text, "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "url": f"https://x.example/{i}"}


def _rss_mib() -> float:
    # Current, not peak, resident size: /proc/self/statm (Linux) in pages.
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def bench_jsonl(n: int, folder: Path) -> None:
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps(_record(i)) + "\n")
    size = path.stat().st_size / 2**20
    checkpoints = {n // 10, n // 2, n}
    rss = []
    tracemalloc.start()
    start = time.perf_counter()
    count = chars = 0
    for article in iter_articles([str(path)]):
        count += 1
        chars += len(article.text)
        if count in checkpoints:
            rss.append((count, _rss_mib()))
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"jsonl: {count} articles ({size:.0f} MiB, {chars / 1e6:.0f} M chars) in {elapsed:.2f} s "
          f"= {count / elapsed:,.0f} articles/s (tracemalloc on)")
    print("jsonl: RSS after " + ", ".join(f"{c:,} articles {m:.0f} MiB" for c, m in rss))
    print(f"jsonl: peak Python allocations while streaming {peak / 2**10:.0f} KiB "
          f"(the whole input would be {size:.0f} MiB)")
    # The same without tracemalloc's overhead.
    start = time.perf_counter()
    count = sum(1 for _ in iter_articles([str(path)]))
    elapsed = time.perf_counter() - start
    print(f"jsonl: {count / elapsed:,.0f} articles/s (no tracing)")


def bench_text(n: int, folder: Path) -> None:
    pages = folder / "pages"
    pages.mkdir()
    for i in range(n):
        body = "\n\n".join(
            f"Drone Strike Hits Depot in {CITIES[(i + j) % 8]} Region\n\nRUSection|\n\n"
            + _record(i + j)["text"] + "\nRUSection\n\nLoading...\n"
            for j in range(3)
        )
        (pages / f"{i:05d}.txt").write_text(f" date 2024-05-0{1 + i % 9} {body}", encoding="utf-8")
    start = time.perf_counter()
    count = sum(1 for _ in iter_articles([str(pages)]))
    elapsed = time.perf_counter() - start
    print(f"text: {n} pages of 3 articles → {count} articles in {elapsed:.2f} s = {count / elapsed:,.0f} articles/s")


def bench_html(n: int, folder: Path) -> None:
    pages = folder / "html"
    pages.mkdir()
    for i in range(n):
        body = "".join(f"<p>{PARAGRAPH.format(city=CITIES[(i + j) % 8], n=2, m=3, day='Monday', k=9)}</p>" for j in range(5))
        (pages / f"{i:05d}.html").write_text(
            f"<html><head><title>Report {i}</title><meta property='article:published_time' content='2024-03-15'>"
            f"</head><body><nav>Home | World</nav><article><h1>Report {i}</h1>{body}</article>"
            "<footer>Subscribe to our newsletter</footer></body></html>",
            encoding="utf-8",
        )
    start = time.perf_counter()
    count = sum(1 for _ in iter_articles([str(pages)]))
    elapsed = time.perf_counter() - start
    print(f"html: {count} pages (trafilatura + htmldate) in {elapsed:.2f} s = {count / elapsed:,.0f} articles/s")


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 100_000
    print(f"python {sys.version.split()[0]}; baseline RSS {_rss_mib():.0f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        bench_jsonl(n, Path(tmp))
        bench_text(min(n, 2000), Path(tmp))
        bench_html(min(n, 500), Path(tmp))


if __name__ == "__main__":
    main(sys.argv[1:])
