"""Import time and peak memory per format, beside plain pyogrio/geopandas/pandas reading the same file.

Usage: ``python bench/bench_import.py [--rows N] [--repeat R] [--formats geojson,gpkg,...]``
(default 100,000 rows, best of 3). The files are written once by :func:`geomap.writers.write_incidents`
from the synthetic incidents of ``bench_export.py``; ``acled`` is the same frame in ACLED's layout
(CSV), read by the ACLED reader. Each reading runs in a fresh process, so its peak memory (maximum
resident set size, ``VmHWM``, imports included) is its own; times are process CPU time, best of R.

Rows:

* ``ours``: :func:`geomap.readers.read_incidents` (sniffing, the table reader, the cast to the schema).
* ``plain``: what a GIS user's plain reader gives, a GeoDataFrame of typed columns:
  ``pyogrio.read_dataframe(use_arrow=True)`` (GeoJSON, GeoPackage; geomap's CSV, whose ``.csvt``
  GDAL reads for the column types, its points from ``longitude``/``latitude``),
  ``geopandas.read_parquet``, and for the ACLED CSV (no sidecar) ``pandas.read_csv`` with the
  date parsed and ``geopandas.points_from_xy``, the recipe ACLED's users follow.
* ``bare`` (CSV only): ``pandas.read_csv`` alone: text, numbers guessed, no dates, no geometry,
  no nested fields; the floor any CSV reading stands on.
* ``load``: :func:`geomap.load.load_incidents` of the one file, merging on (what ``geomap extract
  FILE`` and ``geomap map FILE`` do): reading plus :func:`geomap.merge.merge_frame`, whose rows of one
  file never merge with each other.

Target (issue #11): ours within 1.5x of plain. Figures measured on the shared 2-core machine are
in ``docs/architecture.md`` ("Speed of incident files").
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: Format → suffix of the file written for it (the incident inputs :mod:`geomap.readers` reads).
FORMATS = {"geojson": ".geojson", "gpkg": ".gpkg", "parquet": ".parquet", "csv": ".csv", "acled": ".csv"}


def write_inputs(rows: int, folder: Path, formats: list[str]) -> dict[str, Path]:
    sys.path.insert(0, str(HERE))
    from bench_export import synthetic

    from geomap.writers import write_incidents

    gdf = synthetic(rows)
    paths = {}
    for name in formats:
        path = folder / f"{name}{FORMATS[name]}"
        if name == "acled":
            write_incidents(gdf, path, layout="acled", timestamp=1734400000)
        else:
            write_incidents(gdf, path, format=name)
        paths[name] = path
    return paths


def run_one(kind: str, name: str, path: str, repeat: int) -> None:
    """In a fresh process: read ``path`` ``repeat`` times, print the best CPU time and the peak RSS."""
    if kind == "ours":
        from geomap.readers import read_incidents as read
    elif kind == "load":
        from gazetteer import Gazetteer
        from geomap.load import load_incidents

        gazetteer = Gazetteer()

        def read(p):
            return load_incidents([p], gazetteer=gazetteer)
    elif name == "parquet":
        import geopandas

        read = geopandas.read_parquet
    elif kind == "bare":
        import pandas

        read = pandas.read_csv
    elif name == "acled":
        import geopandas
        import pandas

        def read(p):
            frame = pandas.read_csv(p, parse_dates=["event_date"])
            points = geopandas.points_from_xy(frame["longitude"], frame["latitude"])
            return geopandas.GeoDataFrame(frame, geometry=points, crs="EPSG:4326")
    elif name == "csv":
        import pyogrio

        def read(p):
            return pyogrio.read_dataframe(p, use_arrow=True, X_POSSIBLE_NAMES="longitude",
                                          Y_POSSIBLE_NAMES="latitude")  # fmt: skip
    else:
        import pyogrio

        def read(p):
            return pyogrio.read_dataframe(p, use_arrow=True)

    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        frame = read(path)
        best = min(best, time.process_time() - start)
        rows = len(frame)
        del frame
    print(json.dumps({"seconds": best, "peak_mb": peak_mb(), "rows": rows}))


def peak_mb() -> float:
    """This process's peak resident set size (``VmHWM``: ru_maxrss would keep the forking parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, name: str, path: Path, repeat: int) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--one", kind, name, str(path), "--repeat", str(repeat)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        return {"error": (result.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, action="append", help="incidents per file (default 100000; repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="readings per figure, the best kept (default 3)")
    parser.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated, of {', '.join(FORMATS)}")
    parser.add_argument("--no-load", action="store_true", help="skip load_incidents (reading and merging)")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "FORMAT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        run_one(*args.one, args.repeat)
        return 0
    formats = [f for f in args.formats.split(",") if f]
    print(f"{'rows':>8} {'format':8} {'ours s':>8} {'plain s':>8} {'ratio':>6} {'bare s':>8} {'load s':>8}"
          f" {'ours MB':>8} {'plain MB':>8} {'load MB':>8}")  # fmt: skip
    for rows in args.rows or [100_000]:
        with tempfile.TemporaryDirectory(prefix="geomap-bench-") as folder:
            paths = write_inputs(rows, Path(folder), formats)
            for name, path in paths.items():
                ours = measure("ours", name, path, args.repeat)
                plain = measure("plain", name, path, args.repeat)
                bare = measure("bare", name, path, args.repeat) if name in ("csv", "acled") else {}
                load = {} if args.no_load else measure("load", name, path, 1)
                if "error" in ours or "error" in plain or "error" in load:
                    print(f"{rows:>8} {name:8} failed: {ours.get('error') or plain.get('error') or load.get('error')}")
                    continue
                ratio = ours["seconds"] / plain["seconds"]
                print(f"{rows:>8} {name:8} {ours['seconds']:8.2f} {plain['seconds']:8.2f} {ratio:6.2f}"
                      f" {bare.get('seconds', float('nan')):8.2f} {load.get('seconds', float('nan')):8.2f} {ours['peak_mb']:8.0f} {plain['peak_mb']:8.0f}"
                      f" {load.get('peak_mb', float('nan')):8.0f}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
