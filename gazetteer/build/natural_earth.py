"""Rivers, lakes and reservoirs of the world from Natural Earth 10m (``--natural-earth``).

Natural Earth (public domain) draws the world's named rivers as lines
(``ne_10m_rivers_lake_centerlines``) and its lakes and reservoirs as polygons
(``ne_10m_lakes``). No package registry ships them with their names (see
``README.md``); the build reads them from a public GitHub repository that keeps
them as GeoJSON in 7z archives (:data:`NATURAL_EARTH`), either its git directory
(read with ``git show``) or a folder holding the same paths.

This edition (Natural Earth 4.0) names rivers in ``name``, ``name_en`` and
``name_alt`` and lakes in ``name`` and ``name_alt``, in Latin script only: no
Russian or Ukrainian names (Ukraine's waters have them from GeoNames' dump).

* A river is the union of the features of one name (``name_en``, else ``name``)
  that lie within :data:`JOIN_DEGREES` of each other (Natural Earth cuts rivers
  where they cross lakes and where their scale rank changes; two far-apart
  "San Juan" rivers stay two). Its point is the representative point of the
  union (GEOS: the vertex of the line nearest its centroid), a point on the
  river about its middle. Feature code ``STM``.
* A lake or reservoir is one feature; its point is the representative point of
  its polygon (a point inside it). Feature code ``RSV`` where Natural Earth says
  ``Reservoir``, else ``LK``.

Which names become keys is decided in :func:`river_names` and :func:`lake_names`.
Nothing here runs for users.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import shape

from gazetteer.normalize import fold, script_of

#: The repository and the edition the data is built from; each archive's sha256 is pinned.
NATURAL_EARTH = {
    "repository": "github:martynafford/natural-earth-geojson",
    "commit": "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e",
    "files": {
        "10m/physical/ne_10m_rivers_lake_centerlines.7z":
            "57bdf8d7aff155670520298e026ed9be10cb5c8b23a32edefc82e6eb055426c2",
        "10m/physical/ne_10m_lakes.7z": "215fd5fdcf0aa043c50c6d262ca9d2ac4abf16c9281653341ecbd6bb1f1f91b4",
    },
}  # fmt: skip
RIVERS = "10m/physical/ne_10m_rivers_lake_centerlines.7z"
LAKES = "10m/physical/ne_10m_lakes.7z"

#: Features of one river name this close (degrees, about 50 km) are parts of one river.
JOIN_DEGREES = 0.5
#: A river of this Natural Earth scale rank or lower (0 is the largest) is known beyond its
#: banks: its bare name is a main name ("along the Euphrates"); others' bare names are
#: alternates, which the resolver takes only beside a river word ("the Vorma river").
MAIN_SCALERANK = 7
#: Given names of the dictionary that are also the bare names of large rivers: only alternates
#: (the river beside a river word), never alone ("Don" the person, "Lena" the woman).
GIVEN_NAMES = frozenset({"don", "lena", "jordan", "grace", "isabel", "ruth", "marion", "kent", "trent", "albany"})
#: Words that make a lake's name a name with its type word ("Lake Chad", "Lago de Chapala").
LAKE_WORDS = ("lake", "lakes", "lago", "lac", "laguna", "ozero", "reservoir", "vodokhranilishche", "sea", "loch",
              "meer", "see", "sjon", "jarvi", "nuur", "kol", "hu", "dam", "pond", "lough")  # fmt: skip


@dataclass
class Water:
    """A river (merged), lake or reservoir of Natural Earth."""

    name: str  # display name
    code: str  # STM, LK, RSV
    names: list[str]  # every Latin name Natural Earth gives, display name first
    scalerank: float
    geom: object  # shapely (lon, lat)

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon) of the representative point (see the module's docstring)."""
        p = shapely.point_on_surface(self.geom)
        return (p.y, p.x)


def read_archive(source: Path, path: str) -> tuple[bytes, list[dict]]:
    """The bytes of archive ``path`` of :data:`NATURAL_EARTH` and the features of its GeoJSON.

    ``source`` is the repository's git directory (read at the pinned commit) or a folder
    holding the same relative paths. The archive's sha256 must be the pinned one.
    """
    if (source / path).is_file():
        data = (source / path).read_bytes()
    else:
        data = subprocess.run(["git", "--git-dir", str(source), "show", f"{NATURAL_EARTH['commit']}:{path}"],
                              check=True, capture_output=True).stdout  # fmt: skip
    digest = hashlib.sha256(data).hexdigest()
    if digest != NATURAL_EARTH["files"][path]:
        raise SystemExit(f"build: {path}: sha256 {digest}, not the pinned {NATURAL_EARTH['files'][path]}")
    import py7zr  # build-time only (the [build] extra)

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "a.7z"
        archive.write_bytes(data)
        with py7zr.SevenZipFile(archive) as z:
            members = [n for n in z.getnames() if n.endswith(".json")]
            z.extractall(Path(tmp) / "x")
        features = json.loads((Path(tmp) / "x" / members[0]).read_text(encoding="utf-8"))["features"]
    return data, features


def _latin_names(*values) -> list[str]:
    out = []
    for value in values:
        for name in (value or "").replace(";", ",").split(","):
            name = " ".join(name.split())
            if name and script_of(name) == "latin" and not any(c.isdigit() for c in name):
                out.append(name)
    return list(dict.fromkeys(out))


def rivers(features: list[dict]) -> list[Water]:
    """Named rivers, the features of one name within :data:`JOIN_DEGREES` merged, in a fixed order.

    A name that several separate rivers bear is left out (none of them is kept).
    """
    by_name: dict[str, list[int]] = {}
    for i, f in enumerate(features):
        p = f["properties"]
        if not f.get("geometry") or not (p.get("name_en") or p.get("name")):
            continue
        by_name.setdefault(fold(p.get("name_en") or p["name"]), []).append(i)
    out = []
    for key in sorted(by_name):
        members = by_name[key]
        geoms = [shape(features[i]["geometry"]) for i in members]
        parent = list(range(len(members)))

        def find(a: int) -> int:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                if geoms[a].distance(geoms[b]) <= JOIN_DEGREES:
                    parent[find(b)] = find(a)
        groups: dict[int, list[int]] = {}
        for a in range(len(members)):
            groups.setdefault(find(a), []).append(a)
        if len(groups) > 1:
            # Several rivers of one name ("Red River", "St. Marys River"): a point in the middle
            # of the wrong one is hundreds of km off; the text's context cannot tell long lines apart.
            continue
        for group in sorted(groups.values()):
            props = [features[members[a]]["properties"] for a in group]
            best = min(props, key=lambda p: (p["scalerank"], p.get("featurecla") != "River"))
            names = _latin_names(best.get("name_en"), best.get("name"),
                                 *(v for p in props for v in (p.get("name_en"), p.get("name"), p.get("name_alt"))))  # fmt: skip
            if not names:
                continue
            geom = shapely.line_merge(shapely.union_all([geoms[a] for a in group]))
            out.append(Water(names[0], "STM", names, min(p["scalerank"] for p in props), geom))
    return out


def lakes(features: list[dict]) -> list[Water]:
    """Named lakes and reservoirs, in the order of the file."""
    out = []
    for f in features:
        p = f["properties"]
        if not f.get("geometry") or not p.get("name"):
            continue
        # name_alt "Great Lakes", "Finger Lakes": the group the lake belongs to, not its name
        alts = [a for a in _latin_names(p.get("name_alt")) if not a.lower().endswith(" lakes")]
        names = _latin_names(p["name"], *alts)
        if not names:
            continue
        code = "RSV" if p.get("featurecla") == "Reservoir" else "LK"
        out.append(Water(names[0], code, names, p["scalerank"], shapely.make_valid(shape(f["geometry"]))))
    return out


def river_names(water: Water, words: set[str], given: set[str]) -> list[tuple[str, bool]]:
    """A river's names and whether each is a main one.

    Its bare names and "<name> River" ("Euphrates", "Euphrates River"). Bare names are
    main names for rivers of scale rank up to :data:`MAIN_SCALERANK`, alternates of
    smaller ones; a bare name that is an English word or a given name of the
    dictionary ("Red", "Orange", "Don", "Lena", "Jordan") is only an alternate, and
    no key at all when it is an English word (only "Red River"). ``words``: English
    words; ``given``: capitalised entries of the dictionary (names of people and places).
    """
    out: list[tuple[str, bool]] = []
    for name in water.names:
        key = fold(name)
        has_word = key.endswith(" river") or key.startswith("river ") or key.startswith("rio ")
        if not has_word:
            out.append((f"{name} River", True))
        if key in words:
            continue
        main = water.scalerank <= MAIN_SCALERANK and key not in given
        out.append((name, main))
    return list(dict.fromkeys(out))


def lake_names(water: Water) -> list[tuple[str, bool]]:
    """A lake's or reservoir's names, each with its type word ("Lake Chad"; "Egridir" as "Lake Egridir").

    A bare name is never a key: it is a town's, a country's or a word ("Chad", "Victoria").
    """
    out: list[tuple[str, bool]] = []
    for i, name in enumerate(water.names):
        words = fold(name).split()
        if len(words) > 1 and any(w in LAKE_WORDS for w in words):
            out.append((name, i == 0))
        elif water.code == "RSV":
            out.append((f"{name} Reservoir", i == 0))
        else:
            out += [(f"Lake {name}", i == 0), (f"{name} Lake", False)]
    return list(dict.fromkeys(out))
