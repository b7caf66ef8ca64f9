"""Accuracy of ``Gazetteer.find`` on the public geoparsing benchmarks (LGL, TR-News).

Reads ``../shared/eval/geoparsing/{lgl,TR-News}.xml`` (relative to the repository;
override with ``--data``) and prints, per corpus, the standard figures (Gritta et
al. 2018): recall (gold toponyms whose span a found mention overlaps), and over
those the great-circle error: accuracy@161km, mean and median error, AUC.

TR-News spans drift by a few characters in about 117 cases: each gold span is
snapped to the nearest occurrence of its phrase.

An error of 161 km or more on the gold's own GeoNames feature (same geonameid)
is the right place with another reference point: large areas, whose point is
a convention (ours: Factbook centres for countries, Natural Earth label points
for regions). Those are counted and reported apart, not excused. Demonym mentions are not
counted as found toponyms.

Usage::

    python scripts/eval_geoparsing.py                 # both corpora
    python scripts/eval_geoparsing.py lgl --show 30   # and 30 misses / worst errors
    python scripts/eval_geoparsing.py --top 15        # and the 15 most frequent errors
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "geoparsing"
CORPORA = {"lgl": "lgl.xml", "TR-News": "TR-News.xml"}
TARGETS = {"lgl": (0.80, 0.85), "TR-News": (0.85, 0.90)}


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def read_corpus(path: Path):
    """Yield (docid, text, [(start, end, phrase, lat, lon, geonameid, fcode)]) with spans snapped to the phrase."""
    root = ET.parse(path).getroot()
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None or tag.findtext("lon") is None:
                continue
            start, end = int(top.findtext("start")), int(top.findtext("end"))
            phrase = top.findtext("phrase") or ""
            if text[start:end] != phrase and phrase:
                hits = [i for i in _occurrences(text, phrase)]
                if hits:
                    start = min(hits, key=lambda i: abs(i - start))
                    end = start + len(phrase)
            gid = tag.get("geonameid")
            gold.append((start, end, phrase, float(tag.findtext("lat")), float(tag.findtext("lon")),
                         int(gid) if gid and gid.isdigit() else None, tag.findtext("fcode") or ""))
        yield article.get("docid"), text, gold


def _occurrences(text, phrase):
    i = text.find(phrase)
    while i >= 0:
        yield i
        i = text.find(phrase, i + 1)


def auc(errors):
    if len(errors) < 2:
        return float("nan")
    xs = np.log1p(np.sort(np.asarray(errors, dtype=float)))
    trapz = getattr(np, "trapezoid", None) or np.trapz
    return float(trapz(xs) / (math.log(20039) * (len(xs) - 1)))


def evaluate(name: str, path: Path, gaz, show: int, demonyms: bool = True) -> dict:
    errors, misses, wrong = [], [], []
    by_kind: dict[str, list[float]] = {}
    total = extra = chars = same_place = 0
    below_total, below_errors = 0, []
    t0 = time.process_time()
    for docid, text, gold in read_corpus(path):
        chars += len(text)
        mentions = [m for m in gaz.find(text) if demonyms or not m.demonym]
        used = set()
        for start, end, phrase, lat, lon, gid, fcode in gold:
            total += 1
            below = _below_country(fcode)
            below_total += below
            hit = next((m for m in mentions if m.start < end and m.end > start), None)
            if hit is None:
                misses.append((docid, phrase, text[max(0, start - 40) : end + 40].replace("\n", " ")))
                continue
            used.add(id(hit))
            err = haversine_km(hit.place.lat, hit.place.lon, lat, lon)
            errors.append(err)
            if below:
                below_errors.append(err)
            by_kind.setdefault(hit.kind, []).append(err)
            if err >= 161:
                if gid is not None and hit.place.geonameid == gid:
                    same_place += 1  # the right place; its reference point differs from the gold's
                wrong.append((err, docid, phrase, hit.place.id, hit.place.name, hit.place.country, hit.reason))
        extra += sum(1 for m in mentions if id(m) not in used)
    seconds = time.process_time() - t0
    found = len(errors)
    res = {
        "corpus": name,
        "gold": total,
        "found": found,
        "recall": found / total if total else float("nan"),
        "acc161": sum(e < 161 for e in errors) / found if found else float("nan"),
        "mean_km": statistics.fmean(errors) if errors else float("nan"),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "auc": auc(errors),
        "extra_mentions": extra,
        "seconds": seconds,
        "by_kind": {k: (len(v), sum(e < 161 for e in v) / len(v)) for k, v in sorted(by_kind.items())},
        "chars": chars,
        "same_place": same_place,
        "below": (below_total, len(below_errors), sum(e < 161 for e in below_errors)),
    }
    res["error_groups"] = _error_groups(wrong)
    if show:
        print(f"-- {name}: first {show} misses")
        for docid, phrase, ctx in misses[:show]:
            print(f"  MISS {docid} {phrase!r}: …{ctx}…")
        print(f"-- {name}: {show} worst errors")
        for row in sorted(wrong, reverse=True)[:show]:
            print(f"  WRONG {row[0]:8.0f} km {row[1]} {row[2]!r} -> {row[3]} {row[4]} ({row[5]}) [{row[6]}]")
    return res


def _below_country(fcode: str) -> bool:
    """Whether the gold place lies below country level (what a map pins): not a country,
    continent or region of several countries (GeoNames PCL*, CONT, RGN, TERR, ZN)."""
    return bool(fcode) and not fcode.startswith(("PCL", "CONT", "RGN", "TERR", "ZN", "OCN"))


def _error_groups(wrong):
    """Errors >= 161 km grouped by (phrase, resolved place): [(count, median km, phrase, place id, name, reason kind)]."""
    groups: dict[tuple, list] = {}
    for err, _docid, phrase, pid, pname, _country, reason in wrong:
        groups.setdefault((phrase, pid, pname, reason.split(":")[0]), []).append(err)
    rows = [(len(v), statistics.median(v), *k) for k, v in groups.items()]
    rows.sort(key=lambda r: (-r[0], -r[1]))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", help="lgl and/or TR-News (default both)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding the corpora")
    parser.add_argument("--data-dir", type=Path, default=None, help="gazetteer data folder (default: the embedded data)")
    parser.add_argument("--no-demonyms", action="store_true", help="do not count demonym mentions as found")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and worst errors")
    parser.add_argument("--top", type=int, default=0, help="print the N most frequent errors, grouped by name and place")
    args = parser.parse_args(argv)
    unknown = [c for c in args.corpora if c not in CORPORA]
    if unknown:
        parser.error(f"unknown corpus {unknown[0]!r} (choose from {', '.join(CORPORA)})")
    if not args.data.is_dir():
        print(f"eval_geoparsing: {args.data} not found; the benchmarks live outside the repository "
              "(../shared/eval/geoparsing/). Nothing to evaluate.")
        return 0
    sys.path.insert(0, str(ROOT))
    from gazetteer import Gazetteer

    gaz = Gazetteer(args.data_dir)
    t0 = time.process_time()
    gaz.find("Warm-up in Kyiv.")
    print(f"gazetteer load + first find: {time.process_time() - t0:.2f} s")
    print(f"{'corpus':8} {'gold':>5} {'found':>5} {'recall':>7} {'acc@161':>8} {'mean km':>8} {'median':>7} {'AUC':>6} {'extra':>6} {'MB/s':>6}  target")
    for name in args.corpora or list(CORPORA):
        r = evaluate(name, args.data / CORPORA[name], gaz, args.show, not args.no_demonyms)
        recall_t, acc_t = TARGETS[name]
        verdict = "MET" if r["recall"] >= recall_t and r["acc161"] >= acc_t else "not met"
        print(
            f"{name:8} {r['gold']:5d} {r['found']:5d} {r['recall']:7.1%} {r['acc161']:8.1%} {r['mean_km']:8.0f} "
            f"{r['median_km']:7.1f} {r['auc']:6.3f} {r['extra_mentions']:6d} {r['chars'] / 1e6 / r['seconds']:6.2f}  "
            f"recall>={recall_t:.0%} acc>={acc_t:.0%}: {verdict}"
        )
        b_total, b_found, b_ok = r["below"]
        if b_total:
            print(f"{'':8} below country level: {b_total} gold, {b_found / b_total:.1%} found, "
                  f"{b_ok / max(1, b_found):.1%} within 161 km of those")
        kinds = ", ".join(f"{k} {n} at {a:.1%}" for k, (n, a) in r["by_kind"].items())
        print(f"{'':8} acc@161 by kind of the resolved place: {kinds}")
        if r["same_place"]:
            ok = round(r["acc161"] * r["found"])
            print(
                f"{'':8} {r['same_place']} errors are the gold's own GeoNames place with another reference point "
                f"(large areas): with the gold's points acc@161 would be {(ok + r['same_place']) / r['found']:.1%}"
            )
        if args.top:
            print(f"{'':8} most frequent errors (count, median km, name -> place [reason]):")
            for count, km, phrase, pid, pname, reason in r["error_groups"][: args.top]:
                print(f"{'':10}{count:4d} {km:7.0f} km  {phrase!r} -> {pid} {pname} [{reason}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
