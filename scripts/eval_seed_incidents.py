"""Score `geomap.extract` on the seed articles against the hand-made gold labels.

Reads ``../shared/eval/seeds_gold.json`` (next to the checkout; override with
``--gold``). Prints one line per required incident (found or not, and why) and
per forbidden rule, then the score. Exits 0 when the gold file is missing (says
so) and when every required incident is found and no forbidden one; 1 otherwise.

Usage::

    python scripts/eval_seed_incidents.py [--gold PATH] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere, with the checkout's packages

DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.json"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def row_point(row, gazetteer) -> tuple[float, float] | None:
    """(lat, lon) of a row; the place's own point for country-level rows (not drawn)."""
    if not math.isnan(row.latitude):
        return row.latitude, row.longitude
    place = gazetteer.get(row.place_id)
    return (place.lat, place.lon) if place is not None else None


def check(gold: dict, row, gazetteer) -> list[str]:
    """Reasons ``row`` does not match ``gold`` (empty when it does)."""
    problems = []
    if row.event_type != gold["event_type"]:
        problems.append(f"type {row.event_type}")
    if row.sub_event_type not in gold["sub_event_types"]:
        problems.append(f"sub-type {row.sub_event_type}")
    point = row_point(row, gazetteer)
    if "lat" in gold:
        if point is None:
            problems.append("no place")
        else:
            distance = km(gold["lat"], gold["lon"], *point)
            if distance > gold["within_km"]:
                problems.append(f"{row.location} is {distance:.0f} km away")
    want_date = gold.get("date")
    got = None if row.event_date is None or str(row.event_date) == "NaT" else row.event_date.date()
    if want_date is None and got is not None and "date" in gold:
        problems.append(f"date {got} invented (article undated)")
    if want_date is not None:
        if got is None:
            problems.append("no date")
        elif abs((got - date.fromisoformat(want_date)).days) > gold.get("date_tolerance_days", 0):
            problems.append(f"date {got}")
    if "fatalities" in gold and int(row.fatalities) != gold["fatalities"]:
        problems.append(f"fatalities {row.fatalities}")
    if "injured" in gold and (row.injured is None or str(row.injured) == "<NA>" or int(row.injured) != gold["injured"]):
        problems.append(f"injured {row.injured}")
    if "injured_min" in gold and (str(row.injured) == "<NA>" or int(row.injured) < gold["injured_min"]):
        problems.append(f"injured {row.injured}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold labels not found at {args.gold} (they live in ../shared, outside the repo): nothing to score")
        return 0
    gold = json.loads(args.gold.read_text(encoding="utf-8"))

    import geomap
    from gazetteer import Gazetteer

    gazetteer = Gazetteer()
    documents = {d["file"][:3]: d for d in gold["documents"]}
    rows_by_file: dict[str, list] = {}
    for key, document in documents.items():
        published = date.fromisoformat(document["published"]) if document.get("published") else None
        path = args.seeds / document["file"]
        gdf = geomap.extract([str(path)], gazetteer=gazetteer)
        rows_by_file[key] = list(gdf.itertuples(index=False))
        # the header date is the publication date; the gold says so: check we read it
        dated = [r for r in rows_by_file[key] if str(r.event_date) != "NaT"]
        if published is None and dated:
            print(f"  note: {document['file']} is undated yet {len(dated)} incidents carry a date")

    found = 0
    required = [g for g in gold["incidents"] if g.get("required")]
    for item in required:
        candidates = rows_by_file.get(item["file"], [])
        results = [(check(item, row, gazetteer), row) for row in candidates]
        ok = [row for problems, row in results if not problems]
        if ok:
            found += 1
            row = ok[0]
            print(f"PASS {item['id']}: {row.sub_event_type} at {row.location} ({row.location_kind}), "
                  f"date {str(row.event_date)[:10]}, killed {row.fatalities}, injured {row.injured}")
        else:
            near = [(len(p), p, r) for p, r in results if r.event_type == item["event_type"]] or [(len(p), p, r) for p, r in results]
            detail = ""
            if near:
                _, problems, row = min(near, key=lambda t: t[0])
                detail = f" — nearest: {row.sub_event_type} at {row.location}: {', '.join(problems)}"
            print(f"FAIL {item['id']}: {item['what']}{detail}")

    violations = 0
    all_rows = [r for rows in rows_by_file.values() for r in rows]
    for row in all_rows:
        if row.iso == "US" and "Washington, D.C." not in str(row.admin1) and "District of Columbia" not in str(row.admin1):
            violations += 1
            print(f"FORBIDDEN: incident in the United States outside D.C.: {row.location}")
        if str(row.location).lower() in ("deep state", "echo", "ambrey"):
            violations += 1
            print(f"FORBIDDEN: incident at a non-place: {row.location}")
        if row.location_kind == "country" and not row.geometry.is_empty:
            violations += 1
            print(f"FORBIDDEN: country-level incident drawn as a point: {row.location}")
    optional = [g for g in gold["incidents"] if not g.get("required")]
    optional_found = 0
    for item in optional:
        rows = rows_by_file.get(item["file"], [])
        hits = [r for r in rows if not check(item, r, gazetteer)]
        optional_found += bool(hits)
        state = "found (" + "; ".join(f"{r.sub_event_type} at {r.location}" for r in hits) + ")" if hits else "not produced"
        print(f"optional {item['id']}: {state} — {item['what']}")
    print(f"\nrequired incidents: {found}/{len(required)}; forbidden: {violations}; "
          f"optional: {optional_found}/{len(optional)}; rows: {len(all_rows)}")
    return 0 if found == len(required) and violations == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
