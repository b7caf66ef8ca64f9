"""Machine instructions ``Gazetteer.find`` executes on 100 articles: the deterministic figure.

CPU time on a shared machine moves by tens of per cent between runs; the count of
instructions does not. Two runs under valgrind (``--tool=cachegrind --cache-sim=no``,
hash seed fixed): one loads the gazetteer and makes a first (cold) pass over the
articles, the other does the same and then a second (steady) pass; the difference
is the steady pass. The first run minus a run that only loads is the cold pass.

Usage::

    python bench/instructions_find.py [--articles 100] [--python .venv/bin/python]

Needs ``valgrind``. Takes a few minutes. Not part of ``bench/run.py`` (named so on purpose).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _inner(passes: int, count: int) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    from bench_gazetteer_find import articles

    from gazetteer import Gazetteer

    docs = articles()[:count]
    gaz = Gazetteer()
    gaz.find("Kyiv")  # forces the load
    for _ in range(passes):
        for doc in docs:
            gaz.find(doc)


def _count(python: str, passes: int, count: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        env = dict(os.environ, PYTHONHASHSEED="0")
        proc = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
             python, __file__, "--inner", str(passes), "--articles", str(count)],
            env=env, capture_output=True, text=True, check=True,
        )
        found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
        return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--python", default=sys.executable, help="interpreter to measure (another worktree's venv)")
    parser.add_argument("--inner", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner is not None:
        _inner(args.inner, args.articles)
        return 0
    load, cold, steady = (_count(args.python, passes, args.articles) for passes in (0, 1, 2))
    print(f"instructions, cold pass ({args.articles} articles)   {(cold - load) / 1e6:,.0f} M")
    print(f"instructions, steady pass ({args.articles} articles) {(steady - cold) / 1e6:,.0f} M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
