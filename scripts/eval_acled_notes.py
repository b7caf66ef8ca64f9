"""Score incidents extracted from real ACLED event notes, each note read as one article.

Issue #9 measured geomap on 600 held-out ACLED notes from the Ukraine 2022 data: an incident
near the coded place for only 52 % of them. This script is the development counterpart. ACLED
data may not be committed (licence): it is read from a git-ignored cache, ``.cache/acled/``
(``docs/evaluation.md`` says which public file to fetch, at which commit, and its sha256). When
the cache is missing the script says how to get it and exits 0, as the other evaluations do.

Each note (``notes`` column) is handed to the extraction as an :class:`~geomap.article.Article`
in memory, with one :class:`~gazetteer.Gazetteer` for all, and no publication date: the note's
own "On 5 March 2022, ..." gives the date (``--published`` passes ACLED's ``event_date`` as the
publication date instead). What is scored, against the coded row:

* **near 161 / near 25**: share of notes with an incident within 161 km / 25 km of the coded
  point (ACLED's latitude and longitude), whatever its type; issue #9's figure;
* of the notes with an incident, the note is paired with one of them (the nearest of those of
  ACLED's event type within 161 km, else the nearest): **event_type** right, **sub_event_type**
  right, within 161 / 25 km, **date** within one day, **fatalities** equal (none reported = 0,
  as ACLED codes it);
* **extras**: the note's other incidents, and those of them more than 161 km from the point;
* the same by ACLED event type and sub-event type (recall of each kind), for rows of
  ``geo_precision`` 1 apart when the data has the column, and the event types confused;
* **why notes are missed** (no incident within 161 km): whether the gazetteer found the
  coded place in the note at all (a mention resolved within 25 km: an event-rule miss), knows
  the place by its ACLED name but resolved the text elsewhere or not at all, or does not know
  it (a data gap).

Usage::

    python scripts/eval_acled_notes.py [--data FILE ...] [--years 2022] [--limit 600] [--seed 0]
                                       [--published] [-v | -vv]

``-v`` lists every missed note (``MISS none|far``: no incident, or none within 161 km), with
the place finding's verdict, what was produced and the note; ``-vv`` adds notes within 161 but
not 25 km (``NEAR``) and wrong event types, dates and fatalities (``PART``). The sample is
deterministic: the rows of the years asked for, in order of their ACLED id, drawn with
``random.Random(seed)``.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import sys
import time
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere, with the checkout's packages

CACHE = Path(os.environ.get("GEOMAP_ACLED_CACHE", ROOT / ".cache" / "acled"))
#: The cached files (docs/evaluation.md): 1,000 rows of ACLED's Ukraine data of 2022 (a JSON
#: list), and 1,000 rows of 2018-2024, mostly 2023-2024, with geo_precision (ACLED's CSV).
SETS = {
    "2022": CACHE / "ukraine_2022_sample1000.json",
    "2023": CACHE / "ukraine_peacerep_sample1000.csv",
}
DEFAULT_YEARS = {"2022": [2022], "2023": [2023, 2024]}
HOWTO = "see docs/evaluation.md, 'ACLED notes', for the file to fetch into .cache/acled/"

NEAR, CLOSE = 161.0, 25.0  # km
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%d-%b-%y", "%d-%B-%Y")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def parse_date(value) -> date | None:
    """ACLED's event_date in any of the layouts its exports and copies use.

    >>> parse_date("5 March 2022"), parse_date("14/08/2020 00:00:00"), parse_date("31-Jul-22")
    (datetime.date(2022, 3, 5), datetime.date(2020, 8, 14), datetime.date(2022, 7, 31))
    """
    text = str(value or "").strip()
    for layout in DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _number(value, kind=float):
    try:
        return kind(float(str(value).strip()))
    except (TypeError, ValueError):
        return None


def normalise(raw: dict) -> dict | None:
    """One ACLED row (any column case) as the fields scored here, or None when unusable."""
    row = {str(k).strip().lower(): v for k, v in raw.items()}
    notes = str(row.get("notes") or "").strip()
    when = parse_date(row.get("event_date"))
    lat, lon = _number(row.get("latitude")), _number(row.get("longitude"))
    if not notes or when is None or lat is None or lon is None:
        return None
    precision = _number(row.get("geo_precision"), int)
    return {
        "id": str(row.get("event_id_cnty") or row.get("data_id") or row.get("id") or ""),
        "date": when,
        "event_type": str(row.get("event_type") or "").replace("\\/", "/"),
        "sub_event_type": str(row.get("sub_event_type") or "").replace("\\/", "/"),
        "location": str(row.get("location") or ""),
        "admin1": str(row.get("admin1") or ""),
        "country": str(row.get("country") or "Ukraine"),
        "lat": lat,
        "lon": lon,
        "fatalities": _number(row.get("fatalities"), int) or 0,
        "geo_precision": precision,
        "notes": notes,
    }


def read_rows(path: Path) -> list[dict]:
    """The usable rows of an ACLED file: a CSV export, or a JSON list (or ``{"data": [...]}``)."""
    if path.suffix.lower() == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        raws = data.get("data", []) if isinstance(data, dict) else data
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            raws = list(csv.DictReader(handle))
    return [row for row in map(normalise, raws) if row is not None]


def sample(rows: list[dict], *, years, limit: int, seed: int, country: str = "Ukraine") -> list[dict]:
    """A deterministic sample: Ukraine's rows of ``years`` (all when empty), one per note text."""
    chosen, seen = [], set()
    for row in sorted(rows, key=lambda r: (r["id"], r["notes"])):
        if row["country"].casefold() != country.casefold() or (years and row["date"].year not in years):
            continue
        if row["notes"] in seen:  # a copy of the same note: one article
            continue
        seen.add(row["notes"])
        chosen.append(row)
    if limit and len(chosen) > limit:
        chosen = random.Random(seed).sample(chosen, limit)
    return chosen


def pair(row: dict, found: list[dict]) -> int | None:
    """The produced incident a note is scored on: of ACLED's event type within 161 km, nearest first."""
    if not found:
        return None
    return min(range(len(found)), key=lambda i: (
        not (found[i]["event_type"] == row["event_type"] and found[i]["km"] <= NEAR), found[i]["km"]))


def score_note(row: dict, found: list[dict]) -> dict:
    """What one note scores; ``found`` holds the produced incidents as dicts with their ``km``."""
    out = {"produced": len(found), "near": any(f["km"] <= NEAR for f in found),
           "close": any(f["km"] <= CLOSE for f in found), "problems": []}
    best = pair(row, found)
    out["best"] = best
    if best is None:
        return out
    got = found[best]
    out["type_ok"] = got["event_type"] == row["event_type"]
    out["sub_ok"] = got["sub_event_type"] == row["sub_event_type"]
    out["best_near"], out["best_close"] = got["km"] <= NEAR, got["km"] <= CLOSE
    out["date_ok"] = got["date"] is not None and abs((got["date"] - row["date"]).days) <= 1
    out["killed_ok"] = (got["fatalities"] or 0) == row["fatalities"]
    out["extras"] = len(found) - 1
    out["extras_far"] = sum(1 for i, f in enumerate(found) if i != best and f["km"] > NEAR)
    if not out["type_ok"]:
        out["problems"].append(f"type {got['event_type']} (ACLED {row['event_type']})")
    elif not out["sub_ok"]:
        out["problems"].append(f"sub-type {got['sub_event_type']} (ACLED {row['sub_event_type']})")
    if not out["date_ok"]:
        out["problems"].append(f"date {got['date']} (ACLED {row['date']})")
    if not out["killed_ok"]:
        out["problems"].append(f"killed {got['fatalities'] or 0} (ACLED {row['fatalities']})")
    return out


def _fold(name: str) -> str:
    """A region's name without "region"/"oblast", case-folded: "Kherson region" -> "kherson".

    >>> _fold("Kherson region"), _fold("Zaporizhia")
    ('kherson', 'zaporizhia')
    """
    words = name.casefold().split()
    return " ".join(w for w in words if w not in ("region", "oblast", "city"))


def place_status(row: dict, gazetteer) -> tuple[str, str]:
    """Whether the gazetteer finds the coded place in the note, and what it found instead.

    ``found``: a mention of the note resolves within 25 km of the coded point (the place was
    found; a miss is the event rules'); ``elsewhere``: the gazetteer knows a place of ACLED's
    location name within 25 km, but no mention resolved there; ``unknown``: it knows none.
    """
    mentions = [m for m in gazetteer.find(row["notes"]) if not m.demonym]
    said = ", ".join(f"{m.text}->{m.place.name} ({km(row['lat'], row['lon'], m.place.lat, m.place.lon):.0f} km)"
                     for m in mentions[:4])
    # The region's name ("Stepanivka, Kherson") is no finding of a village near its capital.
    region = _fold(row["admin1"])
    own = _fold(row["location"].split(" - ")[0]) == region
    if any(km(row["lat"], row["lon"], m.place.lat, m.place.lon) <= CLOSE and (own or _fold(m.text) != region)
           for m in mentions):
        return "found", said
    names = {row["location"], row["location"].split(" - ")[0].strip()}
    for name in filter(None, names):
        try:
            candidates = gazetteer.lookup(name)
        except Exception:  # a name the lookup cannot take is a name it does not know
            candidates = []
        if any(km(row["lat"], row["lon"], p.lat, p.lon) <= CLOSE for p in candidates):
            return "elsewhere", said
    return "unknown", said


def _loose(name: str) -> str:
    """A name with its transliteration variants folded, to tell namesakes.

    >>> _loose("Kurdyumivka") == _loose("Kurdiumivka"), _loose("Avdiyivka") == _loose("Avdiivka")
    (True, True)
    """
    text = "".join(c for c in name.casefold() if c.isalpha())
    for a, b in (("zh", "z"), ("kh", "h"), ("y", "i"), ("j", "i")):
        text = text.replace(a, b)
    return "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])


def _coarse_kind(row: dict, got: dict) -> str:
    """Why a paired incident is within 161 but not 25 km: a region, a namesake of ACLED's place, or else."""
    if got["kind"] in ("admin1", "country") or _fold(got["location"]) == _fold(row["admin1"]):
        return "at a region"
    if _loose(got["location"])[:5] == _loose(row["location"])[:5]:
        return "at a namesake"
    return "elsewhere"


def extract_note(row: dict, gazetteer, published: bool) -> list[dict]:
    from geomap.article import Article
    from geomap.pipeline import extract_article

    article = Article(row["notes"], source=f"acled:{row['id']}", published=row["date"] if published else None)
    errors = []
    incidents = extract_article(article, gazetteer, on_error=lambda source, err: errors.append(err)) or []
    return [{"event_type": i.event_type, "sub_event_type": i.sub_event_type, "location": i.place.name,
             "kind": i.place.kind,
             "km": km(row["lat"], row["lon"], i.place.lat, i.place.lon), "date": i.event_date,
             "fatalities": i.fatalities} for i in incidents]


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "0/0"


def _kind_table(title: str, groups: dict[str, list[tuple[dict, dict]]]) -> None:
    print(f"\n{title:44} {'notes':>5} {'any inc':>8} {'near161':>8} {'near25':>8} {'type ok':>8}")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        n = len(items)
        with_inc = [s for _, s in items if s["best"] is not None]
        print(f"{key[:44]:44} {n:>5} {sum(s['produced'] > 0 for _, s in items) / n:>8.0%} "
              f"{sum(s['near'] for _, s in items) / n:>8.0%} {sum(s['close'] for _, s in items) / n:>8.0%} "
              f"{(sum(s['type_ok'] for s in with_inc) / len(with_inc)) if with_inc else 0:>8.0%}")


def report(scored: list[tuple[dict, dict]], label: str) -> None:
    n = len(scored)
    if not n:
        return
    with_inc = [(r, s) for r, s in scored if s["best"] is not None]
    m = len(with_inc)
    count = lambda key: sum(bool(s[key]) for _, s in with_inc)  # noqa: E731
    print(f"\n== {label}: {n} notes")
    print(f"  incident within 161 km: {pct(sum(s['near'] for _, s in scored), n)}; "
          f"within 25 km: {pct(sum(s['close'] for _, s in scored), n)}; any incident: {pct(m, n)}")
    if m:
        extras = sum(s["extras"] for _, s in with_inc)
        print(f"  of notes with an incident: event_type {pct(count('type_ok'), m)}, sub_event_type "
              f"{pct(count('sub_ok'), m)}, within 161 km {pct(count('best_near'), m)}, within 25 km "
              f"{pct(count('best_close'), m)}, date ±1 day {pct(count('date_ok'), m)}, fatalities "
              f"{pct(count('killed_ok'), m)}")
        print(f"  extras (incidents beyond the paired one): {extras} in {sum(s['extras'] > 0 for _, s in with_inc)} "
              f"notes, {sum(s['extras_far'] for _, s in with_inc)} of them more than 161 km away")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append",
                        help=f"ACLED file(s), CSV or JSON (default: {SETS['2022']})")
    parser.add_argument("--set", choices=sorted(SETS), default="2022",
                        help="a cached set by name: 2022 (default), 2023 (2023-2024, with geo_precision)")
    parser.add_argument("--years", type=int, nargs="*", help="years of event_date to draw from (default: the set's)")
    parser.add_argument("--limit", type=int, default=600, help="notes to draw (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--published", action="store_true", help="pass ACLED's event_date as the publication date")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v: missed notes; -vv: partial ones too")
    args = parser.parse_args(argv)
    paths = args.data or [SETS[args.set]]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        print(f"eval_acled_notes: {missing[0]} not found (ACLED data is never committed); {HOWTO}; nothing to score")
        return 0
    years = args.years if args.years is not None else ([] if args.data else DEFAULT_YEARS[args.set])
    rows = sample([r for p in paths for r in read_rows(p)], years=years, limit=args.limit, seed=args.seed)
    if not rows:
        print("eval_acled_notes: no usable rows (notes, date, point) in the years asked for")
        return 0

    from gazetteer import Gazetteer

    gazetteer = Gazetteer()
    started = time.perf_counter()
    scored = []
    for row in rows:
        found = extract_note(row, gazetteer, args.published)
        scored.append((row, score_note(row, found), found))
    elapsed = time.perf_counter() - started

    span = sorted({r["date"].year for r in rows})
    span_text = str(span[0]) if len(span) == 1 else f"{span[0]}-{span[-1]}"
    print(f"{len(rows)} ACLED notes (Ukraine {span_text}; seed {args.seed}) from "
          f"{', '.join(p.name for p in paths)}; extraction {elapsed:.1f} s; "
          f"date from {'event_date as published' if args.published else 'the note itself'}")
    report([(r, s) for r, s, _ in scored], "all")
    precise = [(r, s) for r, s, _ in scored if r["geo_precision"] == 1]
    if precise:
        report(precise, "geo_precision 1")

    by_type, by_sub = defaultdict(list), defaultdict(list)
    for row, s, _ in scored:
        by_type[row["event_type"]].append((row, s))
        by_sub[f"{row['event_type'][:12]}/{row['sub_event_type']}"].append((row, s))
    _kind_table("ACLED event_type", by_type)
    _kind_table("ACLED event_type/sub_event_type", by_sub)

    confused = Counter()
    for row, s, found in scored:
        if s["best"] is not None and not s["type_ok"]:
            confused[f"{row['event_type']} -> {found[s['best']]['event_type']}"] += 1
    if confused:
        print("\nevent types confused (ACLED -> geomap): "
              + "; ".join(f"{k} {v}" for k, v in confused.most_common(8)))

    # Why notes are missed: the place finding, or the event rules?
    kinds = Counter()
    lines = []
    for row, s, found in scored:
        if s["near"] and (args.verbose < 2 or (s["close"] and not s["problems"])):
            continue
        status, said = place_status(row, gazetteer)
        miss = "none" if not found else ("far" if not s["near"] else None)
        if miss:
            kinds[miss, status] += 1
        got = "; ".join(f"{f['sub_event_type']} at {f['location']} ({f['km']:.0f} km)" for f in found[:3]) or "-"
        tag = f"MISS {miss}" if miss else ("NEAR" if not s["close"] else "PART")
        problems = f" [{'; '.join(s['problems'])}]" if s["problems"] else ""
        lines.append(f"{tag} {row['id']} {row['date']} {row['event_type']}/{row['sub_event_type']} @ "
                     f"{row['location']}, {row['admin1']} (gp {row['geo_precision']}) place:{status} "
                     f"[{said}] got: {got}{problems}\n    {row['notes'][:300]}")
    misses = sum(kinds.values())
    print(f"\nmissed notes (no incident within 161 km): {misses}")
    for miss, text in (("none", "no incident at all"), ("far", "incidents, none within 161 km")):
        parts = ", ".join(f"{status} {kinds[miss, status]}" for status in ("found", "elsewhere", "unknown"))
        print(f"  {text:32} {sum(v for (m, _), v in kinds.items() if m == miss):>4}  place: {parts}")
    print("  place: found = a mention resolves within 25 km (event-rule miss); elsewhere = the gazetteer knows "
          "the ACLED location but the note's names went elsewhere or unfound; unknown = not in the gazetteer")
    coarse = Counter(_coarse_kind(row, found[s["best"]]) for row, s, found in scored if s["near"] and not s["close"])
    print(f"within 161 but not 25 km: {sum(coarse.values())} ("
          + ", ".join(f"{key} {coarse[key]}" for key in ("at a region", "at a namesake", "elsewhere")) + ")")
    if args.verbose:
        print()
        print("\n".join(line for line in lines if args.verbose > 1 or line.startswith("MISS")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
