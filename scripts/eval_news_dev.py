"""Score incidents and places on the development set of real news (``../shared/eval/news_dev.json``).

The gold labels live outside the repository; the article texts are stored nowhere
and are fetched once into a git-ignored cache (``.cache/news_dev/<id>.txt``, see
``docs/evaluation.md``). Articles whose text is not cached are listed and skipped.

What is scored (targets from issue #9 in brackets), overall and per language:

* **required type+place** [≥ 90 %]: a required gold incident is found when a produced
  incident of the same ACLED ``event_type`` lies within the gold ``within_km``;
  ``(any)`` counts a required incident found even when the produced incident it
  needs already serves another gold incident (one region-level row for several
  villages), as the issue's first figures were counted;
* **full** [≥ 75 %]: the same, and the date within ``date_tolerance_days`` and the
  fatalities and injured equal where the gold gives a number;
* **unmatched** [≤ 15 %]: produced incidents that match no gold incident, required or
  optional (each gold incident takes one produced incident: a duplicate is unmatched);
* **not_incidents** [none]: unmatched incidents at a place the gold says must not
  have one;
* **places** [≥ 90 %]: a gold place is right when a mention whose text holds its
  surface resolves within ``within_km``; **not-places taken** [≤ 5 %]: not-places
  reported as places.

Articles without a date header (7 of 45) are read with ``--published`` set to the gold
publication date, as an analyst who knows the feed's date would run it.

Usage::

    python scripts/eval_news_dev.py [--gold PATH] [--texts DIR] [-v] [--only ID ...] [--extra FILE]

``--extra FILE`` scores another labelled file in the same format (our own articles).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import os
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere, with the checkout's packages

DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "news_dev.json"
DEFAULT_TEXTS = Path(os.environ.get("GEOMAP_EVAL_TEXTS", ROOT / ".cache" / "news_dev"))

TARGETS = {"type+place": 0.90, "full": 0.75, "unmatched": 0.15, "places": 0.90, "not-places": 0.05}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def point(row, gazetteer):
    if not math.isnan(row.latitude):
        return row.latitude, row.longitude
    place = gazetteer.get(row.place_id) if isinstance(row.place_id, str) else None
    return (place.lat, place.lon) if place is not None else None


def place_ok(gold: dict, row, gazetteer) -> bool:
    where = point(row, gazetteer)
    return where is not None and km(gold["lat"], gold["lon"], *where) <= gold["within_km"]


def details_ok(gold: dict, row) -> list[str]:
    """What is wrong besides type and place (empty when the date and counts are right)."""
    problems = []
    got = None if str(row.event_date) == "NaT" else row.event_date.date()
    if gold.get("date"):
        if got is None:
            problems.append("no date")
        elif abs((got - date.fromisoformat(gold["date"])).days) > gold.get("date_tolerance_days", 0):
            problems.append(f"date {got} (gold {gold['date']})")
    if gold.get("fatalities") is not None and int(row.fatalities) != gold["fatalities"]:
        problems.append(f"killed {row.fatalities} (gold {gold['fatalities']})")
    injured = None if str(row.injured) == "<NA>" else int(row.injured)
    if gold.get("injured") is not None and injured != gold["injured"]:
        problems.append(f"injured {injured} (gold {gold['injured']})")
    return problems


def _assign(value: list[list[float]]) -> list[int]:
    """The assignment of rows to columns of greatest total ``value`` (Hungarian method, O(n³)).

    ``value`` is square; returns, for each row, its column.
    """
    n = len(value)
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)  # owner[column] = row (1-based), 0: free
    for row in range(1, n + 1):
        owner[0] = row
        free_column = 0
        low = [inf] * (n + 1)
        seen = [False] * (n + 1)
        while True:
            seen[free_column] = True
            r, delta, nxt = owner[free_column], inf, 0
            for c in range(1, n + 1):
                if seen[c]:
                    continue
                cost = -value[r - 1][c - 1] - u[r] - v[c]
                if cost < low[c]:
                    low[c], way[c] = cost, free_column
                if low[c] < delta:
                    delta, nxt = low[c], c
            for c in range(n + 1):
                if seen[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    low[c] -= delta
            free_column = nxt
            if owner[free_column] == 0:
                break
        while free_column:
            previous = way[free_column]
            owner[free_column] = owner[previous]
            free_column = previous
    result = [0] * n
    for c in range(1, n + 1):
        if owner[c]:
            result[owner[c] - 1] = c - 1
    return result


def match(gold_incidents: list[dict], rows: list, gazetteer):
    """Pair gold incidents with produced rows, one to one, as many as can be paired.

    The pairing is the best over all pairings (the assignment problem), not first come
    first served: a long list of villages near one another, where each produced incident
    lies within several gold incidents' distance, pairs every one it can. Among pairings
    it prefers, in this order: more required incidents found, more of them fully right,
    more optional ones found (fully right first), then the shorter distances.

    Returns ``{gold index: (row index, problems)}``.
    """
    if not gold_incidents or not rows:
        return {}
    size = max(len(gold_incidents), len(rows))
    value = [[0.0] * size for _ in range(size)]
    details = {}
    for g, gold in enumerate(gold_incidents):
        required = bool(gold.get("required"))
        for r, row in enumerate(rows):
            if row.event_type != gold["event_type"] or not place_ok(gold, row, gazetteer):
                continue
            problems = details_ok(gold, row)
            distance = km(gold["lat"], gold["lon"], *point(row, gazetteer))
            # Weights so that each preference outweighs every later one summed over an article.
            score = (10_000.0 + 100.0 * (not problems)) if required else (10.0 + 1.0 * (not problems))
            value[g][r] = score - distance / 1_000_000.0
            details[g, r] = problems
    pairs = {}
    for g, r in enumerate(_assign(value)):
        if (g, r) in details:
            pairs[g] = (r, details[g, r])
    return pairs


def score_article(article: dict, text_path: Path, gazetteer, verbose: bool) -> dict:
    import geomap
    from geomap.cli.places import find_in_article
    from geomap.ingest import iter_articles

    known = article.get("date_header") == "none" and article.get("published")
    published = date.fromisoformat(article["published"]) if known else None
    gdf = geomap.extract([str(text_path)], gazetteer=gazetteer, published=published)
    rows = list(gdf.itertuples(index=False))
    golds = article["incidents"]
    pairs = match(golds, rows, gazetteer)
    out = defaultdict(int)
    lines = []
    for g, gold in enumerate(golds):
        label = "required" if gold.get("required") else "optional"
        if gold.get("required"):
            out["required"] += 1
        if g in pairs:
            r, problems = pairs[g]
            row = rows[r]
            if gold.get("required"):
                out["type+place"] += 1
                out["any"] += 1
                out["full"] += not problems
            state = "FULL" if not problems else "PART"
            lines.append(f"  {state} {label}: {gold['what'][:90]} -> {row.sub_event_type} at {row.location}"
                         + (f" [{'; '.join(problems)}]" if problems else ""))
        else:
            near = [row for row in rows if row.event_type == gold["event_type"]]
            if gold.get("required") and any(place_ok(gold, row, gazetteer) for row in near):
                out["any"] += 1  # taken by another gold incident: counts only when one may serve several
            hint = f" (same type at: {', '.join(sorted({str(r.location) for r in near}))})" if near else ""
            lines.append(f"  MISS {label}: {gold['event_type']} / {gold['what'][:100]}{hint}")
    matched = {r for r, _ in pairs.values()}
    out["produced"] = len(rows)
    places = {p["surface"].casefold(): p for p in article["places"]}
    for r, row in enumerate(rows):
        if r in matched:
            continue
        out["unmatched"] += 1
        forbidden = ""
        for bad in article.get("not_incidents", []):
            gold_place = places.get(str(bad.get("place", "")).casefold())
            where = point(row, gazetteer)
            if gold_place and where and km(gold_place["lat"], gold_place["lon"], *where) <= gold_place["within_km"]:
                forbidden = f" NOT-INCIDENT ({bad['what'][:60]})"
                out["not_incidents"] += 1
                break
        lines.append(f"  EXTRA {row.event_type} / {row.sub_event_type} at {row.location} "
                     f"{str(row.event_date)[:10]} k={row.fatalities}{forbidden}: {str(row.notes)[:110]}")

    # Places: the mentions geomap reports in title and text.
    mentions = []
    for item in iter_articles([str(text_path)]):
        mentions.extend(m for m, _s, _e in find_in_article(gazetteer, item) if not m.demonym)
    for gold_place in article["places"]:
        out["places_total"] += 1
        hits = [m for m in mentions if gold_place["surface"].casefold() in m.text.casefold()
                or m.text.casefold() in gold_place["surface"].casefold()]
        best = min((km(m.place.lat, m.place.lon, gold_place["lat"], gold_place["lon"]) for m in hits), default=None)
        if best is not None and best <= gold_place["within_km"]:
            out["places_ok"] += 1
        elif verbose:
            got = ", ".join(f"{m.text!r}->{m.place.name} ({m.place.country})" for m in hits) or "not found"
            lines.append(f"  PLACE {gold_place['surface']!r}: {got}")
    for bad in article.get("not_places", []):
        out["not_places_total"] += 1
        word = re.compile(rf"(?<!\w){re.escape(bad['surface'])}(?!\w)", re.IGNORECASE)
        hits = [m for m in mentions if word.search(m.text)]  # "Об" is no part of "области"
        if hits:
            out["not_places_taken"] += 1
            if verbose:
                lines.append(f"  NOT-PLACE taken {bad['surface']!r}: {hits[0].text!r}->{hits[0].place.name}")
    out["lines"] = lines
    return out


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "0/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--extra", type=Path, action="append", default=[], help="another labelled file")
    parser.add_argument("--only", nargs="*", help="article ids")
    parser.add_argument("-v", "--verbose", action="store_true", help="every article's misses and extras")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"eval_news_dev: {args.gold} not found (the gold lives in ../shared, outside the repo); nothing to score")
        return 0
    articles = json.loads(args.gold.read_text(encoding="utf-8"))["articles"]
    for extra in args.extra:
        articles += json.loads(extra.read_text(encoding="utf-8"))["articles"]
    if args.only:
        articles = [a for a in articles if a["id"] in args.only]

    from gazetteer import Gazetteer

    gazetteer = Gazetteer()
    totals: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    missing = []
    for article in articles:
        path = args.texts / f"{article['id']}.txt"
        if not path.is_file():
            missing.append(article["id"])
            continue
        result = score_article(article, path, gazetteer, args.verbose)
        lines = result.pop("lines")
        for key in (article["language"], "all"):
            for name, value in result.items():
                totals[key][name] += value
            totals[key]["articles"] += 1
        if args.verbose or args.only:
            print(f"{article['id']} [{article['language']}] required {result['type+place']}/{result['required']} "
                  f"type+place, {result['full']} full; produced {result['produced']}, unmatched {result['unmatched']}")
            print("\n".join(lines))
    if missing:
        print(f"not cached ({len(missing)}): {' '.join(missing)} — fetch them as docs/evaluation.md says")
    print(f"\n{'':4} {'articles':>8} {'type+place':>15} {'(any)':>6} {'full':>15} {'unmatched':>15} {'not_inc':>7} "
          f"{'places':>15} {'not-places':>12}")
    for key in ("en", "ru", "uk", "all"):
        t = totals.get(key)
        if not t:
            continue
        print(f"{key:4} {t['articles']:>8} {pct(t['type+place'], t['required']):>15} {t['any']:>6} "
              f"{pct(t['full'], t['required']):>15} "
              f"{pct(t['unmatched'], t['produced']):>15} {t['not_incidents']:>7} "
              f"{pct(t['places_ok'], t['places_total']):>15} {pct(t['not_places_taken'], t['not_places_total']):>12}")
    t = totals["all"]
    if t["required"]:
        print("targets: type+place >= 90%, full >= 75%, unmatched <= 15%, not_incidents 0, places >= 90%, "
              "not-places <= 5%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
