"""Map benchmark: build time, file size and browser load time for 1k/10k/100k incidents.

Synthetic incidents (random points over eastern Ukraine and western Russia, six
event types, a year of dates, evidence sentences of realistic length, about five
incidents per source article, a share of region-level and country-level rows) are
rendered with the real gazetteer's basemap when it is available, then opened in
headless chromium with every request off the page blocked.

Usage::

    python bench/bench_map.py                 # 1k, 10k, 100k; cluster and no-cluster
    python bench/bench_map.py --sizes 100000 --modes cluster --repeat 5
    python bench/bench_map.py --sizes 10000 100000 1000000 --modes auto --repeat 1
    python bench/bench_map.py --sizes --files big.parquet big.gpkg   # `geomap map FILE` as users run it

With ``--files`` each file is mapped by the ``geomap map`` command in a process of its own
(wall time and that process's peak resident size, as ``/usr/bin/time -v`` gives them), and
the map is then opened like the others.

Modes: ``cluster`` and ``canvas`` are the marker maps (one Leaflet marker per point, clustered
or not; ``dense=False``), ``dense`` the canvas of our own with hexagons (``dense=True``),
``auto`` what ``geomap map`` does (dense above ``DENSE_ABOVE`` points, clusters below). Frames
above 200,000 rows are drawn column-wise (same distributions, other draws): the row-by-row
builder takes minutes and gigabytes at a million. Peak MB is the process's peak resident size
after the build (it only grows, so read it for the first size of a run).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point

from geomap.fileio import atomic_write_text
from geomap.render import render_map
from geomap.render.snapshot import CHROMIUM, CHROMIUM_ARGS

TYPES = [
    ("Battles", "Armed clash", 0.35),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.35),
    ("Violence against civilians", "Attack", 0.1),
    ("Protests", "Peaceful protest", 0.08),
    ("Riots", "Mob violence", 0.04),
    ("Strategic developments", "Other", 0.08),
]
PLACES = [
    "Pokrovsk",
    "Kurakhove",
    "Toretsk",
    "Chasiv Yar",
    "Kupiansk",
    "Vovchansk",
    "Sudzha",
    "Kharkiv",
    "Zaporizhzhia",
    "Kherson",
    "Sumy",
    "Belgorod",
    "Kursk",
    "Bryansk",
    "Horlivka",
    "Siversk",
]
VERBS = ["shelled", "attacked with drones", "struck with guided bombs", "hit with artillery", "assaulted"]


def frame(n: int, seed: int = 7) -> gpd.GeoDataFrame:
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    lat = nprng.normal(49.0, 1.6, n).clip(44, 56)
    lon = nprng.normal(36.5, 2.2, n).clip(28, 42)
    weights = [w for *_, w in TYPES]
    start = pd.Timestamp("2024-01-01")
    rows = []
    for i in range(n):
        etype, sub, _ = rng.choices(TYPES, weights)[0]
        place = rng.choice(PLACES)
        undated = rng.random() < 0.05
        region = rng.random() < 0.03
        country = rng.random() < 0.01
        article = i // 5
        rows.append(
            {
                "event_id": f"{i:08x}",
                "event_date": None if undated else start + pd.Timedelta(days=rng.randrange(366)),
                "time_precision": None if undated else rng.choice([1, 1, 1, 2, 3]),
                "event_type": etype,
                "sub_event_type": sub,
                "location": place,
                "location_kind": "country" if country else ("admin1" if region else "city"),
                "geo_precision": 3 if (region or country) else rng.choice([1, 2]),
                "place_id": "country:UA" if country else ("admin1:RU.41" if region else f"gn:{rng.randrange(10**6)}"),
                "country": "Ukraine",
                "admin1": "Donetsk Oblast",
                "fatalities": rng.choice([0, 0, 0, 1, 2, 5]),
                "injured": rng.choice([None, 0, 3, 12]),
                "notes": (
                    f"Russian forces {rng.choice(VERBS)} {place} on day {rng.randrange(1, 30)}, "
                    f"killing {rng.randrange(0, 9)} and wounding {rng.randrange(0, 40)} people, "
                    f"the head of the {place} military administration said."
                ),
                "source": f"articles/{article:06d}.txt",
                "title": f"Overnight attacks on {place} ({article})",
                "url": f"https://news.example.org/{article:06d}",
                "geometry": Point() if country else Point(float(lon[i]), float(lat[i])),
            }
        )
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    gdf["event_date"] = pd.to_datetime(gdf["event_date"])
    return gdf


def frame_fast(n: int, seed: int = 7) -> gpd.GeoDataFrame:
    """:func:`frame`'s distributions drawn column-wise, for a million rows."""
    nprng = np.random.default_rng(seed)
    lat = nprng.normal(49.0, 1.6, n).clip(44, 56)
    lon = nprng.normal(36.5, 2.2, n).clip(28, 42)
    weights = np.array([w for *_, w in TYPES])
    pick = nprng.choice(len(TYPES), n, p=weights / weights.sum())
    places = np.array(PLACES, dtype=object)[nprng.integers(0, len(PLACES), n)]
    undated = nprng.random(n) < 0.05
    region = nprng.random(n) < 0.03
    country = nprng.random(n) < 0.01
    article = np.arange(n) // 5
    verbs = np.array(VERBS, dtype=object)[nprng.integers(0, len(VERBS), n)]
    days = pd.to_timedelta(nprng.integers(0, 366, n), unit="D")
    dates = pd.Series(pd.Timestamp("2024-01-01") + days).where(~undated)
    notes = (
        "Russian forces " + verbs + " " + places + " on day " + nprng.integers(1, 30, n).astype(str).astype(object)
        + ", killing " + nprng.integers(0, 9, n).astype(str).astype(object) + " and wounding "
        + nprng.integers(0, 40, n).astype(str).astype(object) + " people, the head of the " + places
        + " military administration said."
    )
    gdf = gpd.GeoDataFrame(
        {
            "event_id": [f"{i:08x}" for i in range(n)],
            "event_date": dates,
            "time_precision": pd.Series(nprng.choice([1, 1, 1, 2, 3], n), dtype="Int64").where(~undated),
            "event_type": np.array([t[0] for t in TYPES], dtype=object)[pick],
            "sub_event_type": np.array([t[1] for t in TYPES], dtype=object)[pick],
            "location": places,
            "location_kind": np.where(country, "country", np.where(region, "admin1", "city")),
            "geo_precision": np.where(region | country, 3, nprng.choice([1, 2], n)),
            "place_id": np.where(country, "country:UA", np.where(region, "admin1:RU.41", "gn:706483")),
            "country": "Ukraine",
            "admin1": "Donetsk Oblast",
            "fatalities": nprng.choice([0, 0, 0, 1, 2, 5], n),
            "injured": pd.Series(nprng.choice([-1, 0, 3, 12], n), dtype="Int64").where(lambda s: s >= 0),
            "notes": notes,
            "source": [f"articles/{a:06d}.txt" for a in article],
            "title": [f"Overnight attacks on {p} ({a})" for p, a in zip(places, article)],
            "url": [f"https://news.example.org/{a:06d}" for a in article],
        },
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )
    gdf.loc[country, "geometry"] = None
    return gdf


def load_in_browser(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked = []
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file://", "data:"))
            else (blocked.append(r.request.url), r.abort())
        ),
    )
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri(), wait_until="load", timeout=300_000)
    page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=120_000)
    # The paint entry is recorded a little after the paint itself.
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0", timeout=30_000)
    figures = page.evaluate("""() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {fcp: paint ? paint.startTime : null, ready: window.geomapReadyAt,
                done: window.geomapReadyAt, shown: geomap.shownIds().length};
    }""")
    page.close()
    if blocked or errors:
        raise SystemExit(f"page fetched {blocked} / errors {errors}")
    return figures


def map_file(path: Path, out: Path) -> tuple[float, float]:
    """``geomap map path -o out`` in a process of its own: (wall seconds, its peak resident MB)."""
    import subprocess

    geomap = Path(sys.executable).with_name("geomap")
    t0 = time.perf_counter()
    child = subprocess.Popen([str(geomap), "map", str(path), "-o", str(out)], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"geomap map {path} failed ({child.returncode})")
    return wall, usage.ru_maxrss / 1e3


def report(browser, label: str, path: Path, build: float, peak: float, repeat: int) -> None:
    """One line of the table: the map's figures and the best and median of ``repeat`` loads."""
    size = path.stat().st_size / 1e6
    # Best of several loads: on a shared machine the minimum is the honest
    # estimate of the page's own cost; the median shows the spread.
    loads = [load_in_browser(browser, path) for _ in range(repeat)]
    done = sorted(f["done"] / 1000 for f in loads)
    fcp = min(f["fcp"] for f in loads) / 1000
    print(
        f"{label} {build:>8.2f} {size:>8.2f} {fcp:>13.2f} "
        f"{done[0]:>11.2f} {done[len(done) // 2]:>9.2f} {loads[0]['shown']:>7} {peak:>8.0f}",
        flush=True,
    )


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--files", type=Path, nargs="*", default=[], help="incident files to map with `geomap map`")
    parser.add_argument("--modes", nargs="+", default=["cluster", "canvas"], choices=["cluster", "canvas", "dense", "auto"])
    parser.add_argument("--no-basemap", action="store_true", help="skip the gazetteer basemap")
    parser.add_argument("--no-context", action="store_true", help="skip the towns/region names layer (its cost)")
    parser.add_argument("--repeat", type=int, default=3, help="browser loads per map (best and median shown)")
    args = parser.parse_args(argv)

    gazetteer = None
    if not args.no_basemap:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    from playwright.sync_api import sync_playwright

    load = os.getloadavg()[0]
    print(
        f"# {os.cpu_count()} CPUs, load average {load:.1f} (figures scale with a busy machine); "
        f"basemap {'off' if args.no_basemap else 'on'}, context {'off' if args.no_context else 'on'}"
    )
    print(
        f"{'incidents':>9} {'mode':>7} {'build s':>8} {'size MB':>8} {'first paint s':>13} "
        f"{'all added s':>11} {'(median)':>9} {'shown':>7} {'peak MB':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for n in args.sizes:
            gdf = frame(n) if n <= 200_000 else frame_fast(n)
            for mode in args.modes:
                path = Path(tmp) / f"bench-{n}-{mode}.html"
                t0 = time.perf_counter()
                dense = {"cluster": False, "canvas": False, "dense": True, "auto": None}[mode]
                page = render_map(gdf, gazetteer=gazetteer, title=f"Benchmark {n}", cluster=(mode in ("cluster", "auto")),
                                  dense=dense, context=not args.no_context).html()
                atomic_write_text(path, page)
                build = time.perf_counter() - t0
                report(browser, f"{n:>9} {mode:>7}", path, build, peak_mb(), args.repeat)
        for file in args.files:
            path = Path(tmp) / f"{file.name}.html"
            build, peak = map_file(file, path)
            report(browser, f"{file.name:>17}", path, build, peak, args.repeat)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
