"""Cold start of the two main commands, beside the imports they cannot avoid.

Each command runs in a fresh process, ``N`` times (default 5); the best wall time is
kept, with the CPU time (user + system) of that same run, which a loaded machine
inflates less. The baselines:

* ``python -c pass``: the interpreter alone;
* ``import pyogrio``: what any GDAL-written file costs (pyogrio's ``_compat``
  imports pandas and geopandas when they are installed);
* ``import geopandas, folium``: the libraries a map needs.

Targets (issue #13, part 3): ``geomap extract seeds/ -o x.geojson`` under 0.5 s,
``geomap map seeds/ -o x.html`` under 1 s. Figures and where the time goes are in
``docs/architecture.md`` ("Cold start"). The load average is printed with the
figures: the machine is shared.

Usage: ``python bench/bench_cold.py [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


#: The children's environment: bytecode is written and read. With ``PYTHONDONTWRITEBYTECODE`` and no
#: ``__pycache__`` yet, every run would compile geomap's sources again, which no installed copy does.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str], runs: int) -> tuple[float, float]:
    """Best wall time of ``runs`` runs of ``argv`` (after one untimed run) and the CPU time of that run."""
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    best = (float("inf"), float("inf"))
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, (wall, cpu))
    return best


def commands(folder: str) -> list[tuple[str, list[str], float | None]]:
    """``(name, argv, target seconds)`` of each figure, outputs written in ``folder``."""
    python = sys.executable
    geomap = [python, "-m", "geomap"]
    return [
        ("python -c pass", [python, "-c", "pass"], None),
        ("import pyogrio", [python, "-c", "import pyogrio"], None),
        ("import geopandas, folium", [python, "-c", "import geopandas, folium"], None),
        ("geomap extract seeds/ -o x.geojson", [*geomap, "extract", str(SEEDS), "-o", os.path.join(folder, "x.geojson")], 0.5),
        ("geomap map seeds/ -o x.html", [*geomap, "map", str(SEEDS), "-o", os.path.join(folder, "x.html")], 1.0),
    ]  # fmt: skip


def report(runs: int, folder: str) -> dict[str, tuple[float, float]]:
    """Time every command of :func:`commands` and print the table; ``name → (wall, cpu)``."""
    load = os.getloadavg()
    print(f"best of {runs}; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'':36} {'wall s':>7} {'cpu s':>7} {'x pass':>7} {'x gpd+folium':>12} {'target':>7}")
    figures: dict[str, tuple[float, float]] = {}
    for name, command, target in commands(folder):
        figures[name] = timed(command, runs)
        wall, cpu = figures[name]
        bare = figures["python -c pass"][0]
        libs = figures.get("import geopandas, folium", (float("nan"),))[0]
        goal = f"{target:.1f}" if target else ""
        print(f"{name:36} {wall:7.2f} {cpu:7.2f} {wall / bare:7.1f} {wall / libs:12.2f} {goal:>7}", flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure, the best kept (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="geomap-cold-") as folder:
        report(args.runs, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
