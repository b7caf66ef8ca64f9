"""Export time and peak memory per format, beside plain pyogrio/geopandas writing the same frame.

Usage: ``python bench/bench_export.py [--rows N ...] [--repeat R] [--formats gpkg,parquet]``
(default 100000 rows, every format, best of 1; ``--rows 1000000`` too if you have the time and
memory). Times are process CPU time.
Synthetic incidents (points, a tenth country-level, nested columns); the baseline is ``GeoDataFrame.to_file``/``to_parquet`` of the same frame with the nested
columns as JSON text (what it cannot write otherwise). Peak memory is the process's
maximum resident set size after each step (ru_maxrss, monotonic), so later figures include
earlier peaks: compare the increments. ``+json s`` is what the baseline is spared: ``json.dumps``
of each nested value, done before its timing (ours encodes them inside its time). Target: ours
within 1.5x of the baseline. Figures: ``docs/architecture.md`` ("Speed of incident files").
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geomap.export import SCHEMA
from geomap.writers import FORMATS, write_incidents


def synthetic(n: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(11)
    lat = rng.uniform(44.0, 52.0, n)
    lon = rng.uniform(22.0, 40.0, n)
    country = rng.random(n) < 0.1
    lat[country] = np.nan
    lon[country] = np.nan
    data = {
        "event_id": [f"{i:016x}" for i in rng.integers(0, 2**62, n)],
        "event_date": pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
        "time_precision": pd.array(rng.integers(1, 4, n), dtype="Int64"),
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia (2000-)",
        "actor2": "Civilians (Ukraine)",
        "country": "Ukraine",
        "iso": "UA",
        "admin1": "Kharkivs'ka Oblast'",
        "location": "Kharkiv",
        "latitude": lat,
        "longitude": lon,
        "geo_precision": np.where(country, 3, 1).astype("int64"),
        "location_kind": np.where(country, "country", "city"),
        "place_id": np.where(country, "country:UA", "gn:706483"),
        "fatalities": rng.integers(0, 5, n).astype("int64"),
        "injured": pd.array(rng.integers(0, 9, n), dtype="Int64"),
        "quantities": [{"drones_launched": int(k)} if k else {} for k in rng.integers(0, 3, n)],
        "source": "bench.txt",
        "title": "A title",
        "url": None,
        "notes": "Drones struck Kharkiv overnight.",
        # one list per row, its text distinct (as extraction gives): no value is shared or repeated
        "evidence": [[{"source": "bench.txt", "text": f"Drones struck Kharkiv ({i}).", "start": 0, "end": 22}]
                     for i in range(n)],
        "confidence": rng.random(n),
    }
    assert list(data) == list(SCHEMA)
    geometry = gpd.points_from_xy(lon, lat)
    geometry[country] = None
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")


def plain_frame(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The frame as plain writers can take it: nested columns as JSON text, country points placed
    (FlatGeobuf's spatial index refuses null geometries). Made once, outside the timings."""
    from gazetteer import Gazetteer

    from geomap.writers import place_country_points

    frame = place_country_points(gdf, Gazetteer())
    for column in ("quantities", "evidence"):
        frame[column] = [json.dumps(v) for v in frame[column]]
    return frame


def baseline(frame: gpd.GeoDataFrame, name: str, path: Path) -> None:
    path.unlink(missing_ok=True)  # GDAL's CSV driver will not write over the previous repeat's file
    if name == "parquet":
        frame.to_parquet(path)
    elif name == "csv":
        frame.to_file(path, driver="CSV", engine="pyogrio", layer_options={"GEOMETRY": "AS_XY", "CREATE_CSVT": "YES"})
    else:
        frame.to_file(path, driver=FORMATS[name].driver, engine="pyogrio")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def best_of(repeat: int, write, *args) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        write(*args)
        best = min(best, time.process_time() - start)
    return best


def json_seconds(gdf: gpd.GeoDataFrame) -> float:
    """What the plain writers are spared: ``json.dumps`` of each nested value (done before them)."""
    start = time.process_time()
    for column in ("quantities", "evidence"):
        [json.dumps(v) for v in gdf[column]]
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, action="append", help="incidents (default 100000; repeatable)")
    parser.add_argument("--repeat", type=int, default=1, help="writes per figure, the best kept (default 1)")
    parser.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated, of {', '.join(FORMATS)}")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    print(f"{'n':>8} {'format':8} {'ours s':>8} {'plain s':>8} {'ratio':>6} {'+json s':>8} {'peak MB':>8}")
    for n in args.rows or [100_000]:
        gdf = synthetic(n)
        plain_gdf = plain_frame(gdf)
        spared = json_seconds(gdf)
        with tempfile.TemporaryDirectory(prefix="geomap-bench-") as folder:
            for name in formats:
                spec = FORMATS[name]
                ours = best_of(args.repeat, write_incidents, gdf, Path(folder, f"ours{spec.suffixes[0]}"))
                plain = best_of(args.repeat, baseline, plain_gdf, name, Path(folder, f"plain{spec.suffixes[0]}"))
                print(f"{n:>8} {name:8} {ours:8.2f} {plain:8.2f} {ours / plain:6.2f} {spared:8.2f} {peak_mb():8.0f}",
                      flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
