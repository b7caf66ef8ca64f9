"""Score article reading and page splitting on the seeds against ../shared/eval/seeds_gold.json.

Checks per seed file: number of articles, publication date (or none), titles, no site furniture left
in any article's text or title, and that every article's text is a verbatim slice of the decoded file
at its offset. Prints one line per check and a total. Exits 0 (a score, not a test) and says so when
the gold file is missing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from geomap.ingest import iter_articles, read_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "seeds_gold.json"


def main() -> int:
    if not GOLD.exists():
        print(f"eval_seed_ingest: {GOLD} not found; nothing to score")
        return 0
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    ok = total = 0
    for doc in gold["documents"]:
        path = ROOT / "seeds" / doc["file"]
        articles = list(iter_articles([str(path)]))
        text = read_text(str(path))
        checks = {
            "articles": len(articles) == doc["articles"],
            "published": all(
                (str(a.published) == doc["published"]) if doc["published"] else a.published is None
                for a in articles
            ),
            "verbatim offsets": all(text[a.offset : a.offset + len(a.text)] == a.text for a in articles),
        }
        if "titles" in doc:
            checks["titles"] = [a.title for a in articles] == doc["titles"]
        if "boilerplate" in doc:
            lines = {line.strip() for a in articles for line in (a.text + "\n" + (a.title or "")).splitlines()}
            checks["no boilerplate"] = not lines & set(doc["boilerplate"])
        for name, passed in checks.items():
            total += 1
            ok += passed
            print(f"{doc['file']}: {name}: {'OK' if passed else 'FAIL'}")
    print(f"seed ingest: {ok}/{total} checks pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
