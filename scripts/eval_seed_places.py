"""Check the gazetteer on the two sample articles against the hand-made gold labels.

Reads ``../shared/eval/seeds_gold.json`` (outside the repository) and the articles
in ``seeds/``. A gold place passes when some mention in its file has the gold
surface (or contains it: ``Kursk`` in ``Kursk region``) and resolves within
``within_km`` of the gold point; a not-place passes when no mention contains its
surface. Prints one line per check and a score; exits 0 (it reports, it does not
gate), and says so when ``../shared`` is missing.

Usage::

    python scripts/eval_seed_places.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.json"


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def main() -> int:
    if not GOLD.is_file():
        print(f"eval_seed_places: {GOLD} not found; the gold labels live outside the repository. Nothing to check.")
        return 0
    sys.path.insert(0, str(ROOT))
    from gazetteer import Gazetteer
    from geomap.ingest import iter_articles

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gaz = Gazetteer()
    mentions_by_file: dict[str, list] = {}
    for doc in gold["documents"]:
        path = ROOT / "seeds" / doc["file"]
        found = []
        for article in iter_articles([str(path)]):
            for text in (article.title or "", article.text):
                found.extend(m for m in gaz.find(text) if not m.demonym)
        mentions_by_file[doc["file"][:3]] = found
    passed = total = 0
    for place in gold["places"]:
        total += 1
        found = mentions_by_file.get(place["file"], [])
        matches = [m for m in found if place["surface"].lower() in m.text.lower()]
        best = min(
            ((haversine_km(m.place.lat, m.place.lon, place["lat"], place["lon"]), m) for m in matches),
            default=None,
            key=lambda t: t[0],
        )
        ok = best is not None and best[0] <= place["within_km"]
        passed += ok
        detail = "not found" if best is None else f"{best[1].place.id} {best[1].place.name} {best[0]:.0f} km [{best[1].reason}]"
        print(f"{'PASS' if ok else 'FAIL'} place     {place['file']} {place['surface']!r}: {detail}")
    for bad in gold["not_places"]:
        total += 1
        found = mentions_by_file.get(bad["file"], [])
        hits = [m for m in found if bad["surface"].lower() in m.text.lower()]
        ok = not hits
        passed += ok
        detail = "not reported" if ok else ", ".join(f"{m.text!r}->{m.place.id}" for m in hits)
        print(f"{'PASS' if ok else 'FAIL'} not-place {bad['file']} {bad['surface']!r}: {detail}")
    print(f"seed places score: {passed}/{total} ({passed / total:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
