"""Resolving each found name to one place, or to no place at all.

Input: the :class:`~gazetteer.finder.Candidate` spans of one document. Output:
:class:`~gazetteer.model.Mention` objects, each with one place, a confidence in
[0, 1] and a short machine-readable ``reason`` saying what decided it:

=========================  ===================================================
reason                     meaning
=========================  ===================================================
``user-place``             a place from a user places file (they win ties)
``country``                the name of a country
``world-region``           a continent or world region (``Asia``, ``the Middle East``)
``demonym``                a demonym or adjective naming a country
``qualified-admin1``       a region phrasing: ``Kursk Oblast``, ``Курская область``
``qualifier:US.TX``        an explicit qualifier after a comma: ``Paris, Texas``,
                           ``Springfield, Ill.``
``qualifier-only:US.MO``   no place of the name lies in its qualifier's region
                           or country (``Holliday, Missouri``, a village the
                           data lacks), or only several villages placed at their
                           communities' centres (``Андріївка на Херсонщині``):
                           located at the qualifier itself
``context-admin1:RU.41``   the document mentions the place's region
``near:Kursk``             the nearest co-mentioned place is close
``region-seat``             the bare name of a region the text also names with a
                           region word ("the Kyiv region ... in Kyiv"): its seat
``list-peers:5``            listed among names that are big cities (5 of them), a big city too
``context-country:RU``     the document mentions the place's country
``capital``                a national capital, with no better clue
``population``             the most populous of the candidates, with no better clue
``only-candidate``         one place has the name, and nothing contradicts it
``one-sense``              the name was resolved elsewhere in the document, and
                           this occurrence alone would not have been accepted
=========================  ===================================================

How a name is resolved. Every place sharing the name is scored: a prior (kind,
population, capital, how the name matched: a place's own name beats another
place's alternate or former name, a region or country beats a small town of the
same name, a region's seat beats the region for the bare name) plus document
context: explicit qualifiers (``Paris, Texas``, ``Springfield, Ill.``,
``Edmonton, Alta.``, ``Washington state``); countries and regions the document
names, demonyms included; regions several ambiguous names could share
(``Huntsville`` and ``Walker County`` both have a Texas sense); and, in a second
pass, the countries, regions and distances of places resolved confidently in
the first. Each name is resolved once per document (one sense per name; a
possessive is the same name).

What is not a place. Organisations (a cue word such as *firm* or *station*
before, *Inc.* or *Times* after); people (a title before, a capitalised given
name before or a surname after, a speech verb after: and a name once used for a
person is that person throughout the document); languages (``in English``);
very common words (``May``, ``Road``) unless qualified; a sentence opening
with a word used as a verb (``Reading the report``); and small places without
evidence (their country or region in the document, a qualifier, a co-mentioned
place nearby). Big places need no evidence.

Whose country. A demonym naming the side that acts (``Russian forces``,
``Russian shelling``) is no vote for its country's places, and a demonym alone
vetoes only villages elsewhere. A town of some size that no other place of its
name rivals, or a region's seat, is not vetoed because the text names another
country: war reports name the attacker and the struck town (``Russia shelled
Kherson``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from itertools import islice

import numpy as np

from gazetteer.finder import (
    AP_STATES, CP_PROVINCES, Candidate, Hints, is_sentence_initial, word_after, word_before, words_around,
)
from gazetteer.model import Mention, Place
from gazetteer.normalize import fold

__all__ = ["AP_STATES", "haversine_km", "prior", "resolve"]

#: GeoNames feature codes of continents and world regions (kind "other").
_WORLD_REGION_CODES = frozenset({"CONT", "RGN"})
#: Feature codes of water bodies (kind "other"; GeoNames' Ukraine dump): a river, lake or
#: reservoir is meant beside a river word ("the left bank of the Dnipro", "на лівому березі
#: Дніпра", "the Oskil river"); without one, a town of the name is ("у Дніпрі").
_WATER_CODES = frozenset({"STM", "RSV", "LK"})
#: Feature codes of named features and facilities from GeoNames (kind "other"): what alone
#: bears its name is what it names (as the hand-kept ``facility:`` and ``airport:`` places).
_FEATURE_CODES = frozenset({"STM", "RSV", "LK", "ISL", "PS", "PSN", "PSH", "DAM", "BDG", "PRT", "AIRB", "AIRF", "AIRP"})
#: Feature codes of the villages of GeoNames' Ukraine dump that cities500 lacks (cities500's
#: places carry no code but PPLC): like a settlement placed at its hromada's centre, such a
#: village needs evidence (see :func:`_unproven`).
_VILLAGE_CODES = frozenset({"PPL", "PPLX", "PPLL", "PPLF", "PPLS", "PPLQ", "PPLW", "PPLH", "PPLA3", "PPLA4"})

# Name flags (same values as gazetteer.store; repeated so the resolver can be
# used with any store that follows the contract).
NAME_MAIN, NAME_ASCII, NAME_ALT, NAME_QUALIFIED, NAME_ABBREV, NAME_CYRILLIC = 1, 2, 4, 8, 16, 32
_GOOD_NAME = NAME_MAIN | NAME_ASCII | NAME_QUALIFIED | NAME_CYRILLIC

#: Score weights (see :func:`prior` and :func:`_choose`): a national capital's
#: lift, and the lift from the document naming a place's region or country.
CAPITAL_BONUS = 2.5
REGION_CONTEXT = 2.5
COUNTRY_CONTEXT = 1.5
DERIVED_REGION_CONTEXT = 1.2
#: What a town loses for sharing its name with a country or with a region.
COUNTRY_NAMESAKE = 2.0
REGION_NAMESAKE = 3.0
#: ... and a village named like a world region ("Middle East, Maryland"): beyond context.
WORLD_REGION_NAMESAKE = 9.0
#: How many mentions of its name a focus country (``Gazetteer(focus=...)``) is worth:
#: enough to make a document about it (see DOMINANT_VOTES).
FOCUS_VOTES = 3
#: What "the city of X" / "the town of X" adds to the populated places called X.
CITY_WORD_BONUS = 4.0
#: When the document votes this often for one country, towns in countries it
#: never mentions lose FOREIGN_PENALTY.
DOMINANT_VOTES = 3
FOREIGN_PENALTY = 1.5

#: What a city named by a short form of its own name ("Newcastle" for Newcastle
#: upon Tyne) loses to towns that bear that name in full: context (its country
#: named in the text) must decide, not population alone.
SHORT_FORM_PENALTY = 0.5

#: Resolution passes: the first with what the document says outright, the next
#: with what earlier passes resolved (see :func:`resolve`).
PASSES = 2

#: A populated place at least this big needs no evidence from the document.
BIG_POPULATION = 100_000

#: A town at least this big (or a region's seat) that no other place of its name
#: rivals is not vetoed because the document names another country: war and
#: disaster reports name the acting country and the struck town ("Russia shelled
#: Kherson"). It still needs a name that is not an English word.
NOTABLE_POPULATION = 15_000
#: A name listed among cities ("protests in Dnepr, Lvov, Nikolayev, Odessa and
#: Rovno") is a city like them: with at least two of its list's other names
#: resolved to cities of this size, its own options of this size gain
#: :data:`LIST_PEER_BONUS` (more than a small namesake near one of them gets).
LIST_PEER_POPULATION = 100_000
LIST_PEER_BONUS = 4.0

#: A demonym is weaker evidence that a document is about elsewhere than a name:
#: alone it vetoes only places smaller than this.
DEMONYM_VETO_POPULATION = 10_000

#: Nouns after a demonym that make it the side acting ("Russian forces", "Russian
#: shelling"): it says who acts, not where, so it is no vote for its country's places.
ACTOR_NOUNS = frozenset(
    """forces force troops army armies military soldiers servicemen units unit fighters
    militants shelling shells strike strikes airstrike airstrikes missile missiles rocket
    rockets drone drones attack attacks offensive assault artillery bombardment bombing
    bombers aircraft jets warplanes warships navy air occupiers occupation invasion
    paratroopers marines tanks gunfire fire sabotage saboteurs special helicopters helicopter gunships
    ships boats vessels submarines mercenaries commanders shellfire""".split()
)

#: Armed groups and organisations that conflict news names as actors and that the
#: data has as some town's alternate name ("Hamas" is an alternate name of Hamm,
#: Germany): actors, never places. Folded keys, as candidates carry them.
ACTOR_NAMES = frozenset(
    {
        "hamas", "hezbollah", "hizbollah", "hizballah", "houthis", "houthi", "taliban", "al-shabaab",
        "boko haram", "isis", "isil", "daesh", "islamic state", "wagner", "fatah", "pkk", "ypg", "sdf",
        "rsf", "m23", "hts", "al-qaeda", "al qaeda", "jnim", "iswap", "ansar allah",
        "хамас", "хезболла", "хезбола", "талибан", "вагнер",
    }
)  # fmt: skip

#: Actors and missions that place a story in particular regions, as a region's demonym
#: does ("Texans"): the Donetsk and Luhansk "people's republics" and their forces, and
#: the OSCE's monitoring mission, whose reports name villages along the Donbas line of
#: contact with no region ("the OSCE SMM observed 3 explosions near Sakhanka"). Each
#: occurrence votes for its regions (ISO country, GeoNames admin1 code).
_REGION_ACTORS = (
    (re.compile(r"(?<![\w-])(?:DPR|DNR|ДНР|Donetsk\s+People['’]s\s+Republic|"
                r"Донецк\w*\s+народн\w*\s+республик\w*|Донецьк\w*\s+народн\w*\s+республік\w*)(?![\w-])"),
     (("UA", "05"),)),
    (re.compile(r"(?<![\w-])(?:LPR|LNR|ЛНР|Luhansk\s+People['’]s\s+Republic|"
                r"Луганск\w*\s+народн\w*\s+республик\w*|Луганськ\w*\s+народн\w*\s+республік\w*)(?![\w-])"),
     (("UA", "14"),)),
    (re.compile(r"(?<![\w-])(?:OSCE\s+SMM|(?:OSCE\s+)?Special\s+Monitoring\s+Mission|СММ\s+ОБС[ЕЄ])(?![\w-])",
                re.IGNORECASE),
     (("UA", "05"), ("UA", "14"))),
)

#: The most document context (region, country, a place nearby) can add to a score.
MAX_CONTEXT = 10.0

#: Options within this much of a name's best static score count as plausible
#: senses when looking for regions that several names share.
SHARED_REGION_WINDOW = 6.0

#: A city at least this big that shares its name with its region is the region's
#: seat ("Kharkiv", "Kursk"): the bare name means the city.
REGION_SEAT_POPULATION = 50_000
#: "the French Quarter" (New Orleans), "the Armenian Quarter" (Jerusalem): a part of a
#: town named after a people, not their country.
_QUARTER_AFTER = re.compile(r"\s+Quarter\b")
#: Words before a name that make it a river: "the (left) bank of the", "along the river",
#: "на лівому березі", "на левом берегу", "річкою", "реку".
_RIVER_BEFORE = re.compile(
    r"(?:\b(?:banks?|shores?|riverbanks?|river)\s+of\s+the\s+|\briver\s+|\bthe\s+river\s+"
    r"|(?<!\w)(?:берез\w*|берег\w*|річк\w*|рік\w*|рек[аиуеоі]\w*|реч\w*)\s+)$",
    re.IGNORECASE,
)
#: ... and after it: "the Oskil river", "Дніпро-річка" is not written; "River" capitalised may
#: be a name of its own ("Red River"), which the finder matches whole where the data has it.
_RIVER_AFTER = re.compile(r"\s+(?:river|riverbank|river\s+bank)s?\b")
#: What a name's key gets beside a river word: a name of its own, whose senses are water only.
_WATER_KEY = " (water)"
#: Every match of either holds one of these words (see finder.Hints).
_RIVER_WORDS = ("bank", "shore", "river", "берез", "берег", "річк", "рік", "рек", "реч")

#: Words after a region's name that make it the region's government ("New York Gov.").
_STATE_OFFICE_AFTER = re.compile(
    r"\s+(?:Gov\b|Governor|State\b|Legislature|Assembly|Senate|Senator|Attorney General|Lt\.)"
)
#: A preposition of place right before a name ("in New York", not "New York asked").
_AT_BEFORE = re.compile(r"\b(?:[Ii]n|at|near|outside|around|across)\s+$")
#: A region's name is its seat when the document names another place this close to the seat
#: ("New York" with Brooklyn or Queens, not with Buffalo).
SEAT_NEAR_KM = 30.0

#: From this English word frequency a one-word name is so common a word ("May",
#: "Road", "Will") that a small place of that name is never taken without a qualifier.
VERY_COMMON_WORD_ZIPF = 4.5

#: English word frequency (Zipf scale) from which a one-word name is "a common
#: word" that needs strong evidence (region, qualifier, a place nearby).
COMMON_WORD_ZIPF = 3.5

#: Words before a name that make the name a person's (folded, no dot).
PERSON_TITLES = frozenset(
    """president mayor ambassador general gen mr mrs ms miss dr governor gov senator sen
    representative rep congressman congresswoman minister judge justice sheriff officer
    chief captain capt lieutenant lt sergeant sgt colonel col major maj admiral adm
    commander cmdr corporal cpl private pvt coach pastor rev reverend father brother sister
    king queen prince princess lord sir lady dame pope bishop archbishop cardinal rabbi
    imam sheikh professor prof secretary chancellor premier commissioner director
    spokesman spokeswoman spokesperson attorney detective deputy trooper councilman
    councilwoman councillor councilor alderman superintendent principal agent
    patriarch emperor sultan ayatollah mrs. nurse doctor actor actress singer
    rapper player quarterback pitcher striker forward goalkeeper manager""".split()
)

#: Lower-case words before a name that make it an organisation or a product.
ORG_BEFORE = frozenset(
    """firm company station radio newspaper agency outlet channel magazine network brand
    project startup start-up bank club team band website site airline carrier operator
    manufacturer maker publication organization organisation tv television broadcaster
    group platform app blog podcast label studio publisher daily weekly tabloid
    consultancy insurer lender retailer chain restaurant hotel ship vessel tanker
    codenamed dubbed called named""".split()
    # Russian and Ukrainian bodies named with the country in the genitive: "Вооруженных сил
    # Украины", "Служби безпеки України", "Міністерства оборони України", "Национальной
    # гвардии России", "Головного управління розвідки України"
    + """сил безпеки безопасности оборони обороны розвідки разведки гвардії гвардии
    прокуратури прокуратуры поліції полиции""".split()
)

#: Capitalised words after a name that make the whole an organisation.
ORG_AFTER = frozenset(
    """inc corp corporation ltd llc plc co company group times post journal herald
    tribune gazette telegraph bank university college school academy institute
    hospital church club fc united rangers airlines airways records press news
    daily weekly magazine capital partners holdings ventures energy motors""".split()
)

#: Words that, capitalised before a name, are part of the place, not a given name.
_PLACE_PREFIXES = frozenset(
    """north south east west northern southern eastern western central upper lower
    greater new old fort mount lake port saint st san santa cape""".split()
)

#: Postal abbreviations of US states → GeoNames admin1 code (the same letters).
_POSTAL = {
    "ak": "AK", "hi": "HI", "ia": "IA", "id": "ID", "me": "ME", "oh": "OH", "ut": "UT",
    "tx": "TX", "az": "AZ", "ca": "CA", "co": "CO", "ct": "CT", "fl": "FL", "il": "IL",
    "ks": "KS", "mi": "MI", "mn": "MN", "mt": "MT", "ne": "NE", "nv": "NV", "ok": "OK",
    "or": "OR", "tn": "TN", "wa": "WA", "wi": "WI", "wv": "WV", "wy": "WY", "ar": "AR",
    "al": "AL", "de": "DE", "ma": "MA", "ms": "MS", "ky": "KY", "ga": "GA", "in": "IN",
    "la": "LA", "md": "MD", "mo": "MO", "nh": "NH", "nj": "NJ", "nm": "NM", "ny": "NY",
    "nc": "NC", "nd": "ND", "pa": "PA", "ri": "RI", "sc": "SC", "sd": "SD", "vt": "VT",
    "va": "VA", "dc": "DC",
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def prior(place: Place, flags: int) -> float:
    """Score of a place for a name before any document context.

    Countries first, then seas and regions, then populated places by population
    (log scale) with a lift for capitals; names that only match an alternate
    spelling weigh less than a place's own name.
    """
    kind = place.kind
    if kind == "country":
        score = 6.0
    elif kind == "sea":
        score = 4.0
    elif kind == "admin1":
        score = 3.5
    elif kind == "city":
        score = 0.55 * math.log10(place.population + 1)
        code = place.feature_code or ""
        if code == "PPLC":
            score += CAPITAL_BONUS
        elif code == "PPLA":
            score += 1.0
        elif code in ("PPLA2", "PPLG"):
            score += 0.4
    elif place.feature_code in _WORLD_REGION_CODES:
        score = 5.5  # continents, oceans' neighbours: "Asia", "the Middle East", "Scandinavia"
    elif place.feature_code == "ADM2":
        score = 0.55 * math.log10(place.population + 1)  # counties: by size, like towns
    else:
        score = 1.0
    if flags & _GOOD_NAME:
        score += 0.6
    if flags & NAME_QUALIFIED and kind == "admin1":
        score += 4.0
    if flags & NAME_ABBREV:
        score -= 0.5
    return score


def rank_entries(store, key: str, entries) -> list[tuple[float, Place]]:
    """Places of one name's entries, best first, scored as :func:`resolve` does without context."""
    name = _Name(key, options=[_Option(store.place(i), f, i, store.admin1_code(i)) for i, f in entries])
    if not name.options:
        return []
    ranked = [(t[0], t[3].place) for t in _static_scores(name, prune=False, store=store)]
    ranked.sort(key=lambda r: (-r[0], -r[1].population, r[1].id))
    return ranked


@dataclass(slots=True)
class _Option:
    place: Place
    flags: int
    index: int | None  # store index; None for user places
    admin1_code: str | None
    user: bool = False
    rad: tuple[float, float] | None = None  # (lat, lon) in radians, filled on first use


def _unproven(opt: _Option) -> bool:
    """Whether a populated place of the embedded data needs evidence from the text to be named by its name alone.

    True for a settlement placed at its hromada's centre (:attr:`Place.approximate`) and
    for a village of GeoNames' Ukraine dump (a code of :data:`_VILLAGE_CODES`): villages
    of a few hundred people, tens of thousands of them, whose names are words, surnames
    and the names of better-known places ("Zoria", "Вільне", "Lyman"). Such a village
    needs its region named, a qualifier, a place nearby or "the village of". (The user's
    imported places compete as they always have: the user chose to add them.)
    """
    place = opt.place
    return opt.index is not None and (
        place.approximate or (place.kind == "city" and place.feature_code in _VILLAGE_CODES)
    )


class _Name:
    """Every occurrence of one folded name in the document.

    A plain class, not a dataclass: one is made for every name of every document,
    and a dataclass's default factories cost more than the rest of it.
    """

    __slots__ = (
        "beside_name", "city_word", "county_word", "cyrillic", "fast", "has_capital", "key", "local", "occurrences",
        "options", "org", "own_regions", "own_votes", "person", "qualifiers", "qualifiers_at", "region_word",
        "regions", "sets_context", "static", "water_word", "zipf",
    )  # fmt: skip

    def __init__(self, key: str, options: list[_Option]) -> None:
        self.key = key
        self.occurrences: list[int] = []
        self.options = options
        self.qualifiers: set[tuple[str, str | None]] = set()
        self.org = False
        self.region_word = False  # "Washington state", "Kursk region" not in the data as one name
        self.county_word = False  # "Walton County": the county is not in the data, a town of its name is
        self.person = False  # some occurrence is a person's name: one sense per document
        self.beside_name = False  # some occurrence stands right before a capitalised word that is no place
        self.city_word = False  # "the city of Turkey", "the town of Paris": a populated place
        self.water_word = False  # "the left bank of the Dnipro": its rivers, lakes and reservoirs only
        self.qualifiers_at: set[int] = set()  # candidates right after its comma ("Holliday, Missouri")
        self.static: list | None = None  # see _static_scores
        self.regions: set = set()  # admin1 keys of its plausible senses
        self.zipf = 0.0
        self.cyrillic = False  # its key has Cyrillic letters (see _foreign_cyrillic)
        self.has_capital = False  # some sense left after pruning is a national capital
        self.sets_context = False  # see _may_set_context
        self.fast: list | None = None  # static, each with its place's kind, country and population (for _choose)
        self.local = False  # some sense is a town, region or other local place: distances to anchors count
        self.own_votes: dict = {}  # its own votes as a country's name
        self.own_regions: dict = {}  # its own votes as a region's name


def _admin1_key(opt: _Option) -> tuple[str, str] | None:
    if opt.place.country and opt.admin1_code:
        return (opt.place.country, opt.admin1_code)
    return None


_option_cache: dict[int, tuple[object, dict]] = {}

#: Entries a store's memo holds before it is emptied (memory stays bounded).
_MEMO_SIZE = 50_000


def _memo(store) -> dict:
    """The memo of document-independent results for ``store`` (one store at a time).

    Keys: ``(key, n entries)`` for a name's options, ``("static", ...)`` for its
    static scores (:func:`_ensure_static`), ``("only-a-word", ...)`` (:func:`_only_a_word`).
    """
    held = _option_cache.get(id(store))
    if held is None or held[0] is not store:
        held = (store, {})
        _option_cache.clear()
        _option_cache[id(store)] = held
    if len(held[1]) >= _MEMO_SIZE:
        held[1].clear()
    return held[1]


def _zipf(store, key: str) -> float:
    """``store.zipf(key)``, memoised (a trie look-up costs several microseconds)."""
    cache = _memo(store)
    memo = ("zipf", key)
    found = cache.get(memo)
    if found is None:
        found = cache[memo] = store.zipf(key)
    return found


def _options(store, cand: Candidate) -> list[_Option]:
    """The places a candidate may be (user places first); store places memoised per key."""
    cache = _memo(store)
    cached = cache.get((cand.key, len(cand.entries)))
    if cached is None:
        cached = []
        for idx, flags in cand.entries:
            place = store.place(idx)
            code = store.admin1_code(idx) if place.kind in ("admin1", "city", "other") else None
            cached.append(_Option(place, flags, idx, code))
        cache[(cand.key, len(cand.entries))] = cached
    if not cand.user:
        return cached  # shared by every document that names it: never changed in place
    # The user's own places (Place) win ties; imported data ((Place, flags, admin1 code))
    # competes like the embedded places.
    own = [
        _Option(p, NAME_MAIN, None, None, user=True) if isinstance(p, Place) else _Option(p[0], p[1], None, p[2])
        for p in cand.user
    ]
    return own + cached


def _only_a_word(store, cand: Candidate) -> bool:
    """Whether a candidate can only be rejected as a very common English word.

    "We", "But", "Police", "March": a one-word name of :data:`VERY_COMMON_WORD_ZIPF`
    or more whose places are all small towns (no country, region, sea or big
    city, no user place) is never accepted without a qualifier (see
    :func:`_choose`), so it is dropped before any scoring: a quarter of the
    candidates of news text, which cost as much as the real ones to resolve.
    """
    if " " in cand.key or (cand.user and any(isinstance(p, Place) for p in cand.user)):
        return False  # the user's own places always count; imported data is data
    cache = _memo(store)
    memo = ("only-a-word", cand.key, len(cand.entries))
    answer = cache.get(memo)
    if answer is None:
        answer = cache[memo] = store.zipf(cand.key) >= VERY_COMMON_WORD_ZIPF and not any(
            _may_be_big(store.place(idx), flags) for idx, flags in cand.entries
        )
    return answer


def _may_be_big(place: Place, flags: int) -> bool:
    """Whether some resolution could count ``place`` as big (see ``big`` in :func:`_choose`)."""
    return (
        place.kind in ("country", "sea", "admin1")
        or place.feature_code in _WORLD_REGION_CODES
        or place.population >= BIG_POPULATION
    )


def _is_language(text: str, cand: Candidate) -> bool:
    """"in English", "speak Russian": a language, not a reference to a country."""
    before = cand.before.lower()
    if before not in ("in", "into", "speak", "speaks", "spoke", "speaking", "from"):
        return False
    after = cand.after
    if before == "from":
        return after in ("into", "to")  # "translated from Russian into English"
    nxt = text[cand.end : cand.end + 1]
    return not after or after in ("and", "or", "but", "with", "as", "to") or nxt in ",.;:)!?"


class _FoldedWords(dict):
    """Words as the word lists hold them: lower case, no dots or apostrophes (``_FOLDED_WORDS[word]``).

    The words around names recur in every article ("said", "the", "in"): each is
    folded once, and a hit is one subscript (no call).
    """

    def __missing__(self, word: str) -> str:
        folded = word.lower().replace(".", "").replace("\u2019", "").replace("'", "")
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[word] = folded
        return folded


_FOLDED_WORDS = _FoldedWords()


def _fold_word(word: str) -> str:
    """A word as the word lists hold it: lower case, no dots or apostrophes (memoised)."""
    return _FOLDED_WORDS[word]


#: Given names that are also towns: before a capitalised word that is no place, a person
#: ("Vladimir Putin", "Владимир Зеленский"), however big the town.
GIVEN_NAMES = frozenset(
    """vladimir владимир володимир alexander aleksandr александр олександр sergei sergey сергеи
    nikolai николаи mykola ivan иван іван pavel павел mikhail михаил victoria sofia""".split()
)

_CYRILLIC_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ій|ая|яя|ое|ее|ые|ие|ої|ьке|ька|ський|цький|ні|ых|их|ним|ними|ными)$")


def _given_name(text: str, cand: Candidate, nxt: Candidate | None) -> bool:
    """A given name before a surname: the next word capitalised and no place of its own."""
    if cand.key not in GIVEN_NAMES or cand.possessive:
        return False
    after = cand.after
    if not after or not after[0].isupper() or not text.startswith(" ", cand.end):
        return False
    return nxt is None or nxt.start != cand.end + 1


def _adjective_opener(text: str, cand: Candidate) -> bool:
    """A capitalised Cyrillic adjective opening a sentence before a lower-case noun ("Мирный житель")."""
    if " " in cand.text or not any("\u0400" <= ch <= "\u04ff" for ch in cand.text):
        return False
    if not _CYRILLIC_ADJECTIVE.search(cand.text.lower()) or len(cand.text) < 5:
        return False
    after = cand.after
    return bool(after) and after[0].islower() and any("\u0400" <= ch <= "\u04ff" for ch in after)


def _adjective_of_people(text: str, cand: Candidate) -> bool:
    """A Cyrillic adjective before a noun of people, anywhere ("Мирні мешканці"); a town in the
    locative ("у Харкові люди") has no adjective's ending."""
    return bool(_CYRILLIC_ADJECTIVE.search(cand.text.lower()) and _PEOPLE_AFTER.match(text, cand.end))


def _is_person(text: str, cand: Candidate, prev_cand: Candidate | None) -> bool:
    """A title or a capitalised given name right before the span."""
    before = cand.before
    if not before:
        return False
    return _FOLDED_WORDS[before] in PERSON_TITLES


def _given_name_before(text: str, cand: Candidate, prev_cand: Candidate | None) -> bool:
    """``Sergei Sobyanin``: a capitalised non-place word right before the span."""
    i = cand.start - 1
    if i < 0 or text[i] != " " or (text[i - 1 : i] in (".", "!", "?") and cand.text.isupper()):
        return False  # "buried Saturday. ATLANTA -": a dateline after a headline, no surname
    before = cand.before
    if len(before) < 2 or not before[0].isupper() or not before[1:].islower():
        return False
    start = cand.start - 1 - len(before)
    if prev_cand is not None and prev_cand.end >= start:
        return False  # the word before is a place or demonym itself
    if _FOLDED_WORDS[before] in _PLACE_PREFIXES or _FOLDED_WORDS[before] in _FUNCTION_WORDS:
        return False  # "Albany — An Albany man": a capitalised article is no given name
    # A capitalised first word of a sentence is not evidence of a given name.
    return not is_sentence_initial(text, start)


#: Words capitalised only where a sentence, heading or dashed clause begins: never given names.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those in at on of for by from to into near with and but or as
    if when while after before since during his her their its our my your some every each all
    both many most more several other another""".split()
)

#: Capital letters and dots before a name that abbreviate places, not given names.
_PLACE_INITIALS = frozenset({"U.S.", "U.K.", "D.C.", "N.Y.", "L.A.", "U.N.", "E.U.", "N.J.", "S.C.", "N.C."})


#: A middle initial and a surname after a name: "George W. Bush", "Boyd J. Jones".
_INITIAL_AFTER = re.compile(r" [A-Z]\. [A-Z][a-z]")


def _initial_before(text: str, cand: Candidate) -> bool:
    """``Boyd J. Jones``, ``Terry A. Corbin``, ``C.J. McArthur``: an initial before the span.

    One capital and a dot after a capitalised given name, or two such initials:
    place names are not written so ("U.S." and the like excepted).
    """
    i = cand.start - 1
    if i < 3 or text[i] != " " or text[i - 1] != "." or not text[i - 2].isupper():
        return False
    j = i - 3  # the character before the initial
    if text[j].isalpha():
        return False  # "Mt.", "St.": an abbreviated word, not an initial
    if text[j] == "." and j >= 1 and text[j - 1].isupper():
        return text[j - 1 : i] not in _PLACE_INITIALS and (j < 2 or not text[j - 2].isalpha())
    if text[j] != " ":
        return False
    given = word_before(text, j + 1)
    return len(given) >= 2 and given[0].isupper() and given[1:].islower()


#: Capitalised words after a name that continue a place, not a person or a firm.
_PLACE_SUFFIXES = frozenset(
    """city county parish township borough village town island islands beach falls springs
    heights hills valley bay river lake creek harbor harbour port point park mountain mountains
    airport base oblast region province state district""".split()
)


#: Countries with counties named after towns ("Walton County").
_COUNTY_COUNTRIES = frozenset({"US", "GB", "IE"})

#: Words after a bare name that make it a first-level region ("Washington state").
_REGION_WORDS = frozenset("state region oblast province krai governorate prefecture".split())

#: Parts of a town named after it, which take the article: "the Port-au-Prince neighbourhood of".
_TOWN_PART_WORDS = frozenset(
    "neighbourhood neighborhood neighbourhoods neighborhoods suburb suburbs district districts outskirts "
    "slum slums commune municipality area".split()
)

#: Words after a name that make it a populated place ("Kasai village", "Minbya town").
_SETTLEMENT_WORDS = frozenset("village town township hamlet settlement".split())

#: Nouns after a name that belong to a city, not to a region named like it ("New York police").
_CITY_NOUN_AFTER = re.compile(
    r"\s+(?:police(?:\s+department)?|mayor|mayor's|city\s+council|city\s+hall|subway|metro|firefighters|fire\s+department|"
    r"marathon|neighborhoods?|neighbourhoods?|borough|boroughs)\b"
)
#: "the governor of Washington": what is named is the region.
_GOVERNOR_OF = re.compile(r"\b(?:governor|governors|governorship|lieutenant governor)\s+of\s+\Z", re.IGNORECASE)
#: "the city of Turkey", "the town of Paris": what is named is a populated place.
_CITY_OF = re.compile(r"\b(?:city|town|village|township|hamlet|borough)\s+of\s+\Z", re.IGNORECASE)

#: Plural region words after a list: "Kharkiv, Sumy and Poltava oblasts".
_REGION_PLURALS = frozenset("states regions oblasts provinces krais governorates prefectures".split())

#: What joins the names of a list: "Kharkiv, Sumy and Poltava", "Харків, Суми та Полтава".
_LIST_JOIN = re.compile(r"\s*(?:,|&|,?\s+(?:and|or|і|й|та|и|або|или))\s*", re.IGNORECASE)


def _regions_named_like_countries(names: dict, rejected: set[int]) -> None:
    """"Georgia" is the US state when the document's other names fit the state, not the country.

    A country whose name a first-level region of another country shares (Georgia) is
    the region when some other name of the document has a sense inside that region
    ("Albany", "Macon") and none has a sense in the country. The region then wins
    as if its type word were written.
    """
    for key, name in names.items():
        if not any(o.place.kind == "country" for o in name.options):
            continue
        regions = [o for o in name.options if o.place.kind == "admin1" and o.admin1_code]
        if not regions or not any(i not in rejected for i in name.occurrences):
            continue
        country = next(o.place.country for o in name.options if o.place.kind == "country")
        for region in regions:
            inside = outside = 0
            for other_key, other in names.items():
                if other_key == key or other.org or not any(i not in rejected for i in other.occurrences):
                    continue
                if any(o.place.kind != "country" and _admin1_key(o) == _admin1_key(region) for o in other.options):
                    inside += 1
                if any(o.place.country == country for o in other.options):
                    outside += 1
            if inside and not outside:
                name.region_word = True
                break


def _listed_regions(text: str, candidates: list[Candidate], names: dict, rejected: set[int], region_occ: set[int]) -> None:
    """Mark each name of "Kharkiv, Sumy and Poltava oblasts" as a region phrasing.

    The plural type word after the last name types every name of the list.
    """
    for i, cand in enumerate(candidates):
        if cand.demonym or cand.possessive or _FOLDED_WORDS[cand.after] not in _REGION_PLURALS:
            continue
        j = i
        while True:
            name = names.get(candidates[j].key)
            if name is None or j in rejected:
                break
            name.region_word = True
            region_occ.add(j)
            if j == 0 or not _LIST_JOIN.fullmatch(text, candidates[j - 1].end, candidates[j].start):
                break
            j -= 1
            if candidates[j].demonym:
                break


#: Lower-case nouns of people after a Cyrillic word that make it an adjective of them
#: ("Мирный житель", "Мирні мешканці"): never a town; "киевляне" and the like are not here.
_PEOPLE_AFTER = re.compile(
    r"\s+(?:жител\w*|житель|мешкан\w*|населени\w*|населенн\w*|граждан\w*|громадян\w*|люд\w*|человек\w*|"
    r"чоловік\w*|мужчин\w*|женщин\w*|жін\w*)(?!\w)"
)




#: Adjectives that begin Russian and Ukrainian place names in Latin letters ("new", "old",
#: "great", "little", "upper", "lower", "red"): followed by a word the data lacks, they are
#: the first word of that village's name.
_NAME_ADJECTIVES = frozenset(
    """novaya novyy novyi novoye novoe nova nove novyj staraya staryy staryi staroye stara stare
    velyka velykyi velyke velikaya velikiy bolshaya bolshoy bolshoye mala malyi male malaya malyy
    verkhnya verkhnyaya verkhniy nyzhnya nizhnyaya nizhniy krasnaya krasnyy krasnyi chervona chervonyi""".split()
)


def _name_after(text: str, cand: Candidate, nxt: Candidate | None) -> bool:
    """``Alexander Mazegora``: a capitalised word that is not a place right after the span."""
    if cand.possessive or cand.end >= len(text) or text[cand.end] != " ":
        return False
    after = cand.after
    if len(after) < 2 or not after[0].isupper() or not after[1:].islower():
        return False
    if nxt is not None and nxt.start == cand.end + 1:
        return False
    return _FOLDED_WORDS[after] not in _PLACE_SUFFIXES


#: Lower-case words that take a sentence-opening word as a verb with its object
#: ("Reading the report", "Turning to Bath"), not as a place doing something.
_OBJECT_WORDS = frozenset(
    """the a an this that these those his her their its our my your it them him me us
    about through into over up out off between to for with from on upon""".split()
)

#: Lower-case words after a sentence-opening name that make the name the subject
#: ("Reading is", "Reading beat Bath"): a place may well be.
_SUBJECT_VERBS = frozenset(
    """is was are were has had have will would could can may might must should shall did
    does do said says remains remained became becomes""".split()
)


def _opens_as_verb(text: str, cand: Candidate, zipf: float) -> bool:
    """"Reading the report, Bath officials said": a sentence opens with a verb, not a place.

    A sentence-initial one-word name that is also an English word, followed by
    what reads as its object (a determiner, pronoun or preposition), or an
    ``-ing`` word followed by any lower-case word that is not a verb of its own.
    """
    if not cand.sentence_initial or cand.possessive or " " in cand.key or zipf <= 0:
        return False
    if text[cand.end : cand.end + 1] != " ":
        return False  # "Reading, Pa.", "Reading." end the phrase
    after = cand.after
    if not after or not after.islower() or after in _SUBJECT_VERBS:
        return False
    if after in _OBJECT_WORDS and zipf >= COMMON_WORD_ZIPF:
        return True
    return cand.key.endswith("ing") and not after.endswith("ed")


#: Verbs of speech after a name make it a speaker ("Jones said").
_SPEECH = frozenset("said says told added wrote explained asked noted stated testified recalled".split())


#: Words after "X, <country or region>" that make the region the subject of a
#: clause, not a qualifier of X: "strikes hit Kramatorsk, Russia said".
_SUBJECT_AFTER = _SPEECH | _SUBJECT_VERBS | frozenset(
    """claimed claims announced announces reported reports denied denies accused accuses
    warned warns insisted insists confirmed confirms launched launches struck strikes
    attacked attacks shelled shells hit hits responded responds""".split()
)


#: Words after a capital's possessive that make it its government ("Moscow's forces").
_GOVERNMENT_NOUNS = frozenset(
    """government forces troops soldiers army military navy position decision officials leadership envoy ambassador
    response demands claims offensive allies war regime authorities strategy policy""".split()
)


#: Nouns after a country's name that make it a political actor ("US officials", "Russian-led").
_ACTOR_AFTER = _GOVERNMENT_NOUNS | frozenset(
    """president president's envoy envoys sanctions aid administration leaders leader secretary
    diplomats diplomat negotiators delegation intelligence embassy tariffs proposal plan deal""".split()
)


#: Nouns of armed forces before a country's name in the genitive ("the armed forces of Ukraine",
#: "Армия России", "війська Росії"): the country is a side, not a place.
_FORCES_OF = re.compile(
    r"(?:\b(?:army|forces|troops|military|navy|air force)\s+of\s+(?:the\s+)?"
    r"|(?<!\w)(?:арми[яиюей]|армі[яїюєй]|войска|войск|войсками|війська|військ|силы|сил|сили|силами|флот\w*|ВС|ЗС)\s+)$",
    re.IGNORECASE,
)


def _as_actor(text: str, cand: Candidate) -> bool:
    """A country's name used for its government: "the US-led effort", "US officials", "the US said"."""
    if text[cand.end : cand.end + 1] in ("-", "\u2010", "\u2011") and text[cand.end + 1 : cand.end + 2].islower():
        return True  # US-led, US-brokered, Russia-backed
    if _FORCES_OF.search(text, max(0, cand.start - 24), cand.start):
        return True  # "the armed forces of Ukraine", "Армия России взяла под контроль Курахово"
    after = _FOLDED_WORDS[cand.after]
    return after in _ACTOR_AFTER or after in _SPEECH


def _metonyms(text: str, candidates: list[Candidate], rejected: set[int]) -> set[str]:
    """Keys of names every occurrence of which speaks for a government: "Kyiv said", "Moscow's troops"."""
    seen: dict[str, bool] = {}
    for i, cand in enumerate(candidates):
        if cand.demonym or i in rejected:
            continue
        if cand.possessive:
            end = cand.end + (2 if text[cand.end : cand.end + 1] in "'\u2019" else 0)  # past "'s"
            metonym = _FOLDED_WORDS[word_after(text, end)] in _GOVERNMENT_NOUNS
        else:
            after = _FOLDED_WORDS[cand.after]
            metonym = after in _SUBJECT_AFTER or after in ("has", "have", "had", "will", "would", "wants")
        seen[cand.key] = seen.get(cand.key, True) and metonym
    return {key for key, all_metonymic in seen.items() if all_metonymic}


def _said_after(text: str, cand: Candidate) -> bool:
    return cand.after in _SPEECH


def _is_org(text: str, cand: Candidate) -> bool:
    before = cand.before
    if before and before.islower() and _FOLDED_WORDS[before] in ORG_BEFORE:
        return True
    if not cand.possessive:
        after = cand.after
        if after and after[0].isupper() and _FOLDED_WORDS[after] in ORG_AFTER:
            return True
    return False


#: Between a town and the region named right after it as where it lies: "X in the Kherson
#: region", "X на Херсонщині", "X в Курской области" (a locative, not a list).
_IN_REGION = re.compile(r"\s+(?:in|у|в|во|на)\s+(?:the\s+)?", re.IGNORECASE)


def _qualifier(text: str, cand: Candidate, nxt: Candidate | None, store) -> list[tuple[str, str | None]]:
    """``Paris, Texas`` / ``Springfield, Ill.`` / ``Kharkiv, Ukraine`` → [(country, admin1 code or None)].

    Every region or country the qualifier may be ("Tbilisi, Georgia": the country
    or the US state); the place must lie in one of them.
    """
    tail = text[cand.end : cand.end + 3]
    if not tail.startswith(", ") and not tail.startswith(","):
        return []
    j = cand.end + 1
    while j < len(text) and text[j] == " ":
        j += 1
    if nxt is not None and nxt.start == j and not nxt.demonym:
        found = []
        for idx, _flags in nxt.entries:
            place = store.place(idx)
            if place.kind == "admin1" and place.country:
                found.append((place.country, store.admin1_code(idx)))
            elif place.kind == "country":
                found.append((place.country, None))
        if found:
            return found
    # AP style: "Springfield, Ill." / "Trenton, N.J."
    k = j
    while k < len(text) and (text[k].isalpha() or text[k] == "."):
        k += 1
    word = text[j:k]
    if word and word[0].isupper():
        abbrev = " ".join(word.lower().replace(".", " ").split())
        code = AP_STATES.get(abbrev)
        if code is None and len(word) == 2 and word.isupper():
            code = _POSTAL.get(word.lower())
        if code:
            return [("US", code)]
        if abbrev in CP_PROVINCES:
            return [("CA", CP_PROVINCES[abbrev])]
    return []


def resolve(store, text: str, candidates: list[Candidate], focus: tuple[str, ...] = ()) -> list[Mention]:
    """Resolve the candidates of one document to mentions.

    Parameters
    ----------
    store
        The place store (see :mod:`gazetteer.store`).
    text : str
        The document the candidates were found in.
    candidates : list of Candidate
        From :func:`gazetteer.finder.find_candidates`, in text order.
    focus : tuple of str
        ISO 3166-1 alpha-2 codes of countries the document is known to be
        about (a national paper, a feed on one war): each weighs as if the
        text named it :data:`FOCUS_VOTES` times, so its towns win unqualified
        names ("London" in a Canadian paper) unless the text says otherwise.

    Returns
    -------
    list of Mention
        In text order; candidates found not to be places are left out.
    """
    if not candidates:
        return []
    candidates = list(candidates)  # a name beside a river word is replaced by its water senses
    names: dict[str, _Name] = {}
    rejected: set[int] = set()
    weak: set[int] = set()  # sentence-initial: capitalised whatever it is
    determiner: set[int] = set()  # after "the": towns take no article ("the White House")
    verbish: set[int] = set()  # a sentence-opening verb: "Reading the report"
    personish: set[int] = set()  # next to a capitalised non-place word: a person's or firm's name?
    paired: set[int] = set()  # right next to another name: one proper noun with it?
    region_occ: set[int] = set()  # followed by a region word: "Kyiv region", "Kharkiv, Sumy oblasts"
    country_votes: Counter = Counter()
    demonym_votes: Counter = Counter()  # the part of country_votes that demonyms cast
    named_votes: Counter = Counter()  # the part that country names cast
    for iso in focus:
        country_votes[iso] += FOCUS_VOTES
        named_votes[iso] += FOCUS_VOTES
    demonyms: dict[int, Place] = {}
    region_demonyms: list[tuple[str, str]] = []  # (country, admin1 code) of "Texans", "Ontarians"
    org_occurrences: set[int] = set()

    # Names with a comma after some occurrence may be qualified ("Police, Poland").
    may_qualify = {cand.key for cand in candidates if text.startswith(",", cand.end)}
    # Checks that need a river word or a Cyrillic letter somewhere in the text (lower
    # case never makes a character Cyrillic, see _adjective_of_people).
    river_hints = Hints(_RIVER_WORDS, text)
    cyrillic = _CYRILLIC.search(text) is not None
    words_around(text, candidates)  # the checks below read every cand.before and cand.after
    for i, cand in enumerate(candidates):
        prev_cand = candidates[i - 1] if i else None
        if cand.demonym:
            region = ":" in cand.demonym  # "European": a continent's or world region's id
            idx = store.index_of(cand.demonym) if region else store.country(cand.demonym)
            if idx is None or _is_language(text, cand) or _QUARTER_AFTER.match(text, cand.end):
                rejected.add(i)
                continue
            place = store.place(idx)
            demonyms[i] = place
            if region:
                if place.kind == "admin1" and _FOLDED_WORDS[cand.after] not in ACTOR_NOUNS:
                    # "Texans", "Dagestani": a region's people vote for it and its country
                    region_demonyms.append((place.country, store.admin1_code(idx)))
                continue  # a continent's or world region's: context of no country
            if _FOLDED_WORDS[cand.after] not in ACTOR_NOUNS:
                country_votes[cand.demonym] += 1
                demonym_votes[cand.demonym] += 1
            continue
        if river_hints and (
            (river_hints.within(max(0, cand.start - 40), cand.start) and _RIVER_BEFORE.search(text, max(0, cand.start - 40), cand.start))
            or _RIVER_AFTER.match(text, cand.end)
        ):
            # "the left bank of the Dnipro", "на лівому березі Дніпра", "the Oskil river": the
            # river (a name of its own for its water senses alone), never the town of its name
            water = [(idx, flags) for idx, flags in cand.entries if store.place(idx).feature_code in _WATER_CODES]
            if not water:
                rejected.add(i)  # a river the data does not hold
                continue
            cand = candidates[i] = replace(cand, key=cand.key + _WATER_KEY, entries=water, user=[])
            if cand.key not in names:
                names[cand.key] = _Name(cand.key, options=_options(store, cand))
                names[cand.key].water_word = True
        name = names.get(cand.key)
        if name is None:
            if cand.key in ACTOR_NAMES:
                rejected.add(i)  # "Hamas", "Wagner": who acts, never where
                continue
            if cand.key not in may_qualify and _only_a_word(store, cand):
                rejected.add(i)
                continue
            name = names[cand.key] = _Name(cand.key, options=_options(store, cand))
        name.occurrences.append(i)
        if _is_org(text, cand):
            org_occurrences.add(i)
        if _is_person(text, cand, prev_cand) or _given_name(text, cand, candidates[i + 1] if i + 1 < len(candidates) else None):
            rejected.add(i)
            name.person = True
            continue
        if cyrillic and (_adjective_opener(text, cand) if cand.sentence_initial else _adjective_of_people(text, cand)):
            rejected.add(i)  # "Мирный житель погиб", "... мирні мешканці": civilians, not the town of Mirny
            continue
        nxt = candidates[i + 1] if i + 1 < len(candidates) else None
        if (
            nxt is not None
            and not nxt.demonym
            and _IN_REGION.fullmatch(text, cand.end, nxt.start)
            and not any(o.place.kind in ("country", "admin1") for o in name.options)
        ):
            # "Андріївка на Херсонщині", "Beryslav in the Kherson region": the region the town is in
            # (a name that is only a region's: "in Mexico" may be the country or its capital)
            found = [
                (store.place(idx).country, store.admin1_code(idx))
                for idx, _flags in nxt.entries
                if store.place(idx).kind == "admin1"
            ]
            if found and len(found) == len(nxt.entries):
                name.qualifiers.update(found)
                name.qualifiers_at.add(i + 1)
        if text.startswith(",", cand.end) and not any(o.place.kind == "country" for o in name.options):
            # "Russia, China and Iran" is a list, not Russia qualified by China; nor is
            # "Kharkiv, Sumy" (two regions), but "Sevastopol, Crimea" (a city that is a
            # region of its own, in the region named after it) is qualified.
            found = _qualifier(text, cand, nxt, store)
            if found and any(o.place.kind == "admin1" for o in name.options):
                found = [
                    (country, code)
                    for country, code in found
                    if any(
                        o.place.kind == "city" and o.place.country == country and _in_region(country, code, o.admin1_code)
                        for o in name.options
                    )
                ]
            if found:
                name.qualifiers.update(found)
                if (
                    nxt is not None
                    and not nxt.demonym
                    and not nxt.possessive
                    and text[cand.end : nxt.start].strip() == ","
                    and nxt.after.lower() not in _SUBJECT_AFTER
                    and not nxt.after[:1].isupper()
                ):
                    # "Holliday, Missouri, man" qualifies; "Kramatorsk, Russia said"
                    # and "C.J. McArthur, Chad Foster" do not.
                    name.qualifiers_at.add(i + 1)
        if cand.sentence_initial:
            weak.add(i)
            if " " not in cand.key and _opens_as_verb(text, cand, _zipf(store, cand.key)):
                verbish.add(i)
        before = cand.before
        if before in ("the", "The") and _FOLDED_WORDS[cand.after] not in _TOWN_PART_WORDS:
            # "The White House is hoping": capitalised, the article still (not the article
            # of a part of the town: "the Port-au-Prince neighbourhood of Solino")
            determiner.add(i)
        elif before == "of" and _CITY_OF.search(text, max(0, cand.start - 24), cand.start):
            name.city_word = True
        elif before == "of" and _GOVERNOR_OF.search(text, max(0, cand.start - 24), cand.start):
            name.region_word = True  # "the governor of Washington": the state, not the capital
            region_occ.add(i)
        if not cand.possessive:
            after = cand.after
            if _FOLDED_WORDS[after] in _REGION_WORDS:
                name.region_word = True
                region_occ.add(i)
            elif _FOLDED_WORDS[after] in _SETTLEMENT_WORDS:
                name.city_word = True  # "Kasai village": a village, never the Congolese province
            elif after in ("County", "Parish", "Borough"):
                name.county_word = True
        if " " not in cand.key:
            if (
                _given_name_before(text, cand, prev_cand)
                or _initial_before(text, cand)
                or _INITIAL_AFTER.match(text, cand.end)
            ):
                personish.add(i)
                name.person = True  # "Sergei Sobyanin" ... later "Sobyanin said"
            elif cand.key in _NAME_ADJECTIVES and _name_after(text, cand, nxt):
                # "Novaya Sorochina", "Velyka Novosilka" where the data lacks the village:
                # "new", "great" is the first word of another name, never the place Novoye.
                rejected.add(i)
                continue
            elif _name_after(text, cand, nxt):
                personish.add(i)
                name.beside_name = True  # "Ivan Franko Theater": part of a longer proper name
            elif _said_after(text, cand):
                personish.add(i)
        if (
            prev_cand is not None
            and not prev_cand.demonym
            and not prev_cand.possessive
            and text[prev_cand.end : cand.start] == " "
            and _zipf(store, cand.key) < COMMON_WORD_ZIPF
        ):
            # Two names side by side that the data does not know as one ("Sheldon
            # Peck", "Dale Crandall"): one proper noun, most often a person's
            # name. ("Gainesville Police" is a town and a word.)
            paired.add(i - 1)
            paired.add(i)

    # An institution's name ("University of Dhaka") is no place; the same name
    # elsewhere ("in Dhaka") still is: only when every occurrence is an institution's
    # is the name one.
    for name in names.values():
        orgs = [i for i in name.occurrences if i in org_occurrences]
        if orgs and len(orgs) == len(name.occurrences):
            name.org = True
        else:
            rejected.update(orgs)

    _listed_regions(text, candidates, names, rejected, region_occ)
    _regions_named_like_countries(names, rejected)
    peers = _list_peers(text, candidates, rejected)

    # Context: countries (names and demonyms) and regions named in the document.
    admin1_votes: Counter = Counter()
    for pattern, regions in _REGION_ACTORS:
        if pattern.search(text):
            region_demonyms.extend(regions)
    for country, code in region_demonyms:
        admin1_votes[(country, code)] += 1
        country_votes[country] += 1
        demonym_votes[country] += 1
    for name in names.values():
        if name.org or not name.options:
            continue
        occ = [i for i in name.occurrences if i not in rejected]
        if not occ:
            continue
        kinds = {o.place.kind for o in name.options}
        if "country" in kinds:
            # "the US-led effort", "US officials", "Washington... the US said": a country
            # as a political actor says nothing about where the places are.
            placed = [i for i in occ if not _as_actor(text, candidates[i])]
            for o in name.options:
                # Abbreviations count too ("the UK's regulator"): the finder
                # keeps them only when written in capitals.
                if placed and o.place.kind == "country" and o.flags & (_GOOD_NAME | NAME_ALT | NAME_ABBREV):
                    country_votes[o.place.country] += len(placed)
                    name.own_votes[o.place.country] = name.own_votes.get(o.place.country, 0) + len(placed)
                    named_votes[o.place.country] += len(placed)
                    break
        if "admin1" in kinds:
            for o in name.options:
                if o.place.kind == "admin1":
                    key = _admin1_key(o)
                    if key and (o.flags & NAME_QUALIFIED or len(name.options) == 1 or name.qualifiers):
                        admin1_votes[key] += len(occ)
                        name.own_regions[key] = name.own_regions.get(key, 0) + len(occ)
                        country_votes[o.place.country] += 1
        for country, code in name.qualifiers:
            country_votes[country] += 1
            if code:
                admin1_votes[(country, code)] += 1
    # "the Kyiv region ... in Kyiv": a region named with its region word is no context
    # making the bare name the region too; the writer told the two apart.
    region_phrase: dict[str, str] = {}  # "kyiv" -> "kyiv region"
    for key, name in names.items():
        base, _, word = key.rpartition(" ")
        if base in names and word in _REGION_WORDS:
            region_phrase[base] = key
            own = names[base].own_regions
            for a1, votes in name.own_regions.items():
                own[a1] = own.get(a1, 0) + votes

    # Three passes. The first resolves with what the document says outright
    # (countries, demonyms, region phrasings, qualifiers). Its results then add
    # their countries and regions to the context, and the confident ones become
    # anchors whose distance informs the next passes. A name never counts as
    # context for itself.
    chosen: dict[str, tuple] = {}
    anchors: list[tuple[str, Place]] = []
    derived_country: dict[str, str] = {}
    derived_admin1: dict[str, tuple[str, str]] = {}
    # Regions several ambiguous names could share ("Huntsville" and "Walker
    # County" both have a Texas sense): spatial minimality, before anything is chosen.
    shared: Counter = Counter()
    outright = country_votes - demonym_votes  # names, regions, qualifiers: not inferred from towns
    for key, name in names.items():
        if name.org or not name.options:
            continue
        _ensure_static(store, name)
        if not name.cyrillic:
            if name.regions:
                shared.update(name.regions)  # no sense of a Latin name is an unvouched foreign one
            continue
        top = name.static[0][0]
        shared.update(
            {
                t[4]
                for t in name.static
                if t[4] and t[0] >= top - SHARED_REGION_WINDOW and not _unvouched_foreign(name.key, t[3].place, outright)
            }
        )
    previous = None
    anchor_arrays = None
    big_peers: dict[str, int] = {}
    named_regions: dict[str, tuple[str, str]] = {}
    settled: set[str] = set()
    metonyms = _metonyms(text, candidates, rejected)
    # Fronts named after towns ("на Покровському напрямку") place the names around them.
    fronts = {cand.key for cand in candidates if cand.context_only}
    # Nothing is rejected during the passes: each name's live occurrences, once.
    live = {key: [i for i in name.occurrences if i not in rejected] for key, name in names.items()}
    for _pass in range(PASSES):
        # (Counter's + and - as plain dicts: the same keys in the same order, without
        # the Counters' own loops in Python)
        total_country = _plus(country_votes, derived_country.values())
        total_admin1 = _plus(admin1_votes, derived_admin1.values())
        named_total = _plus(admin1_votes, named_regions.values())
        stated_country = _minus(total_country, demonym_votes)
        placed_country = _minus(stated_country, named_votes)
        ctx = (
            weak, personish, determiner, verbish, paired, shared, anchor_arrays, total_country, outright,
            stated_country, placed_country, _top2(total_country), named_total,
        )
        for key, name in names.items():
            if name.org or not name.options:
                continue
            occ = live[key]
            if not occ or key in settled:
                continue
            if _pass == 0 and not name.sets_context:
                continue  # the first pass only gathers context; the last decides every name
            admin1_total = total_admin1
            if key in region_phrase and region_phrase[key] in derived_admin1:
                admin1_total = _minus(total_admin1, {derived_admin1[region_phrase[key]]: 1})
            # (positional arguments: this runs for every name in every pass)
            chosen[key] = _choose(
                store, name, occ, ctx, derived_country.get(key), admin1_total, derived_admin1.get(key),
                named_regions.get(key), big_peers.get(key, 0),
            )
            static = name.static
            if static and (len(static) == 1 or static[0][0] - static[1][0] > MAX_CONTEXT) and static[0][2] == 2:
                settled.add(key)  # explicit and unrivalled: no context can change it
        derived_country, derived_admin1, anchors, named_regions = {}, {}, [], {}
        for key, (opt, conf, _reason, ok, evidence, big) in chosen.items():
            # Only big places, towns of some size in a country the text names,
            # and explicitly placed ones set the context: two small look-alikes
            # ("Michael", "Patrick") must not vouch for each other.
            if not ok or not (
                big
                or key in fronts
                or (evidence == 2 and _reason.split(":")[0] not in ("near", "context-admin1"))
                or (_reason.startswith("context-country") and opt.place.population >= NOTABLE_POPULATION)
            ):
                continue
            place = opt.place
            if key in metonyms and place.feature_code == "PPLC":
                # "Kyiv said", "Moscow's forces": the government, not a place. It is
                # no context for the other names (not near them, and the places of a
                # report from Moscow are often in another country).
                continue
            if place.country and place.kind != "country":
                derived_country[key] = place.country
            a1 = _admin1_key(opt)
            if a1:
                derived_admin1[key] = a1
                if place.kind == "admin1":
                    named_regions[key] = a1  # the text names the region itself ("Texas")
            if place.kind in ("city", "admin1", "other") and conf >= 0.6:
                anchors.append((key, place))
        anchor_arrays = _Anchors(anchors) if anchors else None
        if peers:
            cities = {
                key
                for key, got in chosen.items()
                if got[3] and got[0].place.kind == "city" and got[0].place.population >= LIST_PEER_POPULATION
            }
            big_peers = {key: len(others & cities) for key, others in peers.items()}
        state = (derived_country, derived_admin1, [(k, p.id) for k, p in anchors], sorted(big_peers.items()))
        if state == previous:
            break  # the context no longer changes
        previous = state

    _cluster_namesakes(names, chosen, metonyms, demonym_votes, focus)
    _qualifier_fallback(candidates, names, chosen, personish | rejected)
    regions = _qualifier_regions(store, candidates, names, chosen)
    regions.update(_regions_of_unknown_places(store, text, candidates, rejected, regions))
    front_places = [chosen[key][0].place for key in fronts if key in chosen and chosen[key][3]]
    strays = _list_strays(store, text, candidates, chosen, rejected, front_places, names)
    _settle_namesakes_by_neighbours(store, names, chosen)
    # Points of the towns and other places below region level the document names.
    local_points = [
        (key, got[0].place.lat, got[0].place.lon)
        for key, got in chosen.items()
        if got[3] and got[0].place.kind in ("city", "other") and got[0].place.feature_code not in ("RGN", "CONT")
    ]

    mentions: list[Mention] = []
    alternatives: dict[tuple[str, int], tuple] = {}  # a name's other places, by the place chosen
    for i, cand in enumerate(candidates):
        if i in rejected:
            continue
        if cand.context_only:
            continue  # context for the others, never a mention of its own
        if i in regions:
            # "Irpin, Kyiv": this Kyiv is the oblast Irpin lies in, whatever Kyiv means elsewhere.
            region, conf = regions[i]
            mentions.append(Mention(cand.start, cand.end, cand.text, region, conf, "qualifier-region"))
            continue
        if i in demonyms:
            mentions.append(Mention(cand.start, cand.end, cand.text, demonyms[i], 0.95, "demonym", demonym=True))
            continue
        got = chosen.get(cand.key)
        if got is None:
            continue
        opt, conf, reason, ok = got[:4]
        if not ok or i in verbish:
            continue  # "Reading the report" is a verb even where "Reading, Pa." is the town
        if front_places and _far_from_front(opt.place, front_places):
            continue  # a village name the front's villages share, but none of its namesakes near it
        if i in strays:
            if strays[i] is None:
                continue  # a namesake far from the villages listed with it, none of its name near them
            opt, reason = strays[i], "list-neighbours"
        if i in weak and reason in ("population", "only-candidate"):
            reason = "one-sense"
        if (
            opt.place.kind == "admin1"
            and not names[cand.key].region_word
            and not reason.startswith(("qualif", "region"))
            and local_points
            and not _STATE_OFFICE_AFTER.match(text, cand.end)
            and _AT_BEFORE.search(text, max(0, cand.start - 12), cand.start)
        ):
            # "In New York, police arrested a man in Brooklyn": a story set in the city
            # (another place of it named within SEAT_NEAR_KM) means the city, not the state;
            # "Quebec asked for nurses" (Lévis named) is the province's government.
            seat = _seat(names[cand.key], _admin1_key(opt))
            if seat is not None and any(
                haversine_km(seat.place.lat, seat.place.lon, lat, lon) < SEAT_NEAR_KM
                for key, lat, lon in local_points if key != cand.key
            ):
                opt, reason = seat, f"near-seat:{seat.place.name}"
        if (
            opt.place.kind == "admin1"
            and not names[cand.key].region_word
            and not reason.startswith(("qualif", "region"))
            and (noun := _CITY_NOUN_AFTER.match(text, cand.end)) is not None
            and (opt.place.country == "US" or not noun.group().strip().startswith("police"))
        ):
            # "New York police", "the New York mayor": the city's, not the state's (a province's
            # police may be its own: "Quebec police" is the Sûreté du Québec)
            seat = _seat(names[cand.key], _admin1_key(opt))
            if seat is not None:
                opt, reason = seat, "city-noun"
        if opt.place.kind == "admin1" and names[cand.key].region_word and i not in region_occ:
            # "the Kyiv region ... in Kyiv": the region word makes that occurrence the
            # oblast; the bare name elsewhere is its seat, the city of the same name.
            seat = _seat(names[cand.key], _admin1_key(opt))
            if seat is not None:
                opt, reason = seat, "region-seat"
        alts = alternatives.get((cand.key, id(opt)))
        if alts is None:
            alts = alternatives[(cand.key, id(opt))] = tuple(
                islice((o.place for o in names[cand.key].options if o is not opt), 5)
            )
        mentions.append(Mention(cand.start, cand.end, cand.text, opt.place, conf, reason, alternatives=alts))
    return mentions


def _plus(votes: dict, keys) -> dict:
    """``votes + Counter(keys)`` (``votes`` all positive) as a plain dict, keys in the same order."""
    out = {k: v for k, v in votes.items() if v > 0}
    for k in keys:
        out[k] = out.get(k, 0) + 1
    return out


def _minus(votes: dict, less: dict) -> dict:
    """``votes - less`` of two Counters (``less`` all positive) as a plain dict, keys in the same order."""
    out = {}
    get = less.get
    for k, v in votes.items():
        v -= get(k, 0)
        if v > 0:
            out[k] = v
    return out


def _list_peers(text: str, candidates: list[Candidate], rejected: set[int]) -> dict[str, set[str]]:
    """For each name listed with at least two others, the other names of its lists.

    A list is a run of three or more names joined by commas and "and"
    (:data:`_LIST_JOIN`), demonyms left out.
    """
    peers: dict[str, set[str]] = {}
    run: list[int] = []

    def close() -> None:
        if len(run) >= 3:  # fewer names are fewer than three keys
            keys = {candidates[i].key for i in run}
            if len(keys) >= 3:
                for key in keys:
                    peers.setdefault(key, set()).update(keys - {key})
        run.clear()

    for i, cand in enumerate(candidates):
        if i in rejected or cand.demonym:
            close()
            continue
        if run and not _LIST_JOIN.fullmatch(text, candidates[run[-1]].end, cand.start):
            close()
        run.append(i)
    close()
    return peers


#: Names joined by commas and "and", with names the data lacks between them ("Попів Яр,
#: Маяк, Володимирівка, Вільне, Шахове"): the words between two listed candidates.
_ENUMERATION_GAP = re.compile(
    r"(?:\s*,\s*|,?\s+(?:and|і|й|та|и)\s+)(?:(?-i:[A-ZА-ЯІЇЄҐ])[\w'\u2019\u02bc-]*(?:[\s-]+(?-i:[A-ZА-ЯІЇЄҐ])[\w'\u2019\u02bc-]*)?"
    r"(?:\s*,\s*|,?\s+(?:and|і|й|та|и)\s+))*",
    re.IGNORECASE,
)
#: A list of at least this many settlements whose places lie within :data:`LIST_RADIUS_KM`
#: of their middle is a list of neighbours (a General Staff report along one front).
LIST_MIN_NEIGHBOURS = 5
LIST_RADIUS_KM = 30.0
#: A listed name resolved this far from its neighbours' middle (and at least three times
#: their spread) is a namesake of a village the data lacks.
LIST_STRAY_KM = 60.0


#: A namesake chosen by its region alone moves to another of its region this close to a
#: place of the text that its region holds once ...
NEIGHBOUR_KM = 15.0
#: ... when the one chosen is no nearer than this to any of them.
NEIGHBOUR_FAR_KM = 40.0


def _settle_namesakes_by_neighbours(store, names: dict, chosen: dict) -> None:
    """Move a village chosen by its region alone to its namesake beside the text's other villages.

    "Ukrainian troops raised the flag over Blahodatne ... Neskuchne ... Makarivka": Donetsk
    Oblast has several Blahodatne, and the region tells them apart no more than a coin;
    the one beside Neskuchne and Makarivka (the only ones of their names in the oblast) is
    meant, as it is when a qualifier names only the region ("Blahodatne, Donetsk Oblast").
    Only places whose name the region holds once are anchors, so two ambiguous names never
    vouch for each other; a village the region alone placed is a weak anchor, and two weak
    ones must agree. A choice made on distance stays. Every namesake of the region is
    looked at, not only those the scoring kept.
    """

    def in_region(key: str, region) -> list[tuple[int, int]]:
        found = []
        for idx, flags in store.entries(key):
            place = store.place(idx)
            if place.kind == "city" and (place.country, store.admin1_code(idx)) == region:
                found.append((idx, flags))
        return found

    def nearest(points, lat: float, lon: float) -> float:
        return min((haversine_km(lat, lon, a, b) for a, b, _anchor, _strong in points), default=math.inf)

    def vouched(points, lat: float, lon: float) -> str | None:
        """The anchor that vouches for a point: a strong one, or the first of two weak ones."""
        close = [(anchor, strong) for a, b, anchor, strong in points if haversine_km(lat, lon, a, b) <= NEIGHBOUR_KM]
        strong = [anchor for anchor, is_strong in close if is_strong]
        return strong[0] if strong else (close[0][0] if len(close) >= 2 else None)

    movable = [
        key for key, got in chosen.items()
        if got[3] and got[0].place.kind == "city" and got[0].index is not None
        and (got[2].startswith("context-admin1") or (got[2].startswith("qualifier:") and "." in got[2]))
    ]  # fmt: skip
    if not movable:
        return  # (most documents: nothing below is needed)
    wanted = {_admin1_key(chosen[key][0]) for key in movable}
    anchors = []
    for key, got in chosen.items():
        opt, _conf, _reason, ok = got[:4]
        if not ok or opt.place.kind not in ("city", "other") or opt.index is None:
            continue
        region = _admin1_key(opt)
        if region in wanted and (len(names[key].options) == 1 or len(in_region(key, region)) <= 1):
            # weak: a village the region alone placed ("Pravda" of "Ukrainska Pravda" is one too)
            strong = not _unproven(opt) or not _reason.startswith("context-admin1")
            anchors.append((key, opt.place.lat, opt.place.lon, opt.place.name, strong))
    if not anchors:
        return
    for key in movable:
        got = chosen[key]
        opt, conf = got[:2]
        points = [(lat, lon, anchor, strong) for k, lat, lon, anchor, strong in anchors if k != key]
        if nearest(points, opt.place.lat, opt.place.lon) <= NEIGHBOUR_FAR_KM:
            continue
        rivals = [(idx, flags) for idx, flags in in_region(key, _admin1_key(opt)) if idx != opt.index]
        found = [
            (anchor, idx, flags) for idx, flags in rivals
            if (anchor := vouched(points, store.place(idx).lat, store.place(idx).lon)) is not None
        ]  # fmt: skip
        if len(found) == 1:  # (two namesakes beside the villages: no telling them apart)
            anchor, idx, flags = found[0]
            best = _Option(store.place(idx), flags, idx, store.admin1_code(idx))
            chosen[key] = (best, conf, f"near:{anchor}", *got[3:])


def _list_strays(
    store, text: str, candidates: list[Candidate], chosen: dict, rejected: set[int], fronts: list[Place] = (), names=None
) -> dict[int, _Option | None]:
    """Candidates of a list of neighbouring settlements that resolved far from the others.

    "... в районах населених пунктів Попів Яр, Маяк, Володимирівка, Шахове, Рубіжне,
    Родинське, Покровськ, Звірове, Миколаївка, Удачне": the names lie within 25 km of
    Pokrovsk, but Маяк resolved alone is a village 72 km away and Миколаївка a town of
    14,000 65 km away, namesakes of the front-line villages meant. Each stray maps to
    its namesake nearest the list's middle, within :data:`LIST_RADIUS_KM` of it, or to
    None when the data has none there (the stray is dropped). Places of 100,000 people
    or more are never strays (a list of cities may end in another), nor is the only
    place of its name (``names``): a list of a governor's region may run 80 km
    ("Пролетарке, Рыбальче и Таврийскому").
    """
    strays: dict[int, _Option | None] = {}
    if len(candidates) - len(rejected) < LIST_MIN_NEIGHBOURS:
        return strays  # too few names left for a list of neighbours
    groups: list[list[int]] = []
    for i, cand in enumerate(candidates):
        if i in rejected or cand.demonym:
            continue
        if groups and _ENUMERATION_GAP.fullmatch(text, candidates[groups[-1][-1]].end, cand.start):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        if len(group) < LIST_MIN_NEIGHBOURS:
            continue
        places = {}
        sole: set[int] = set()
        for i in group:
            got = chosen.get(candidates[i].key)
            if got is not None and got[3] and got[0].place.kind == "city":
                if fronts and _far_from_front(got[0].place, fronts):
                    continue  # dropped already: no neighbour of the others
                places[i] = got[0].place
                if names is not None and len(names[candidates[i].key].options) == 1:
                    sole.add(i)
        if len(places) < LIST_MIN_NEIGHBOURS:
            continue
        lat = float(np.median([p.lat for p in places.values()]))
        lon = float(np.median([p.lon for p in places.values()]))
        distance = {i: haversine_km(p.lat, p.lon, lat, lon) for i, p in places.items()}
        spread = float(np.median(list(distance.values())))
        if spread > LIST_RADIUS_KM:
            continue
        for i, km in distance.items():
            if km > max(LIST_STRAY_KM, 3 * spread) and places[i].population < LIST_PEER_POPULATION and i not in sole:
                strays[i] = _namesake_near(store, candidates[i].key, places[i].country, lat, lon, LIST_RADIUS_KM)
    return strays


def _namesake_near(store, key: str, country: str, lat: float, lon: float, radius_km: float) -> _Option | None:
    """The settlement of ``country`` named ``key`` nearest to a point, if one lies within ``radius_km``."""
    best, best_km = None, radius_km
    for idx, flags in store.entries(key):
        place = store.place(idx)
        if place.kind == "city" and place.country == country:
            km = haversine_km(lat, lon, place.lat, place.lon)
            if km <= best_km:
                best, best_km = _Option(place, flags, idx, store.admin1_code(idx)), km
    return best


#: Ids of the facilities and airfields of the data (``tables.FACILITIES``, OurAirports).
_NAMED_FEATURES = ("facility:", "airport:")
#: What a river, lake or reservoir named like another place loses without a river word
#: (beyond what context can add: "у Дніпрі" is the city, whatever the text says of the river).
WATER_NAMESAKE = 9.0


def _named_feature(opt: _Option) -> bool:
    """A plant, base, island, bridge or river by its own name (see :data:`_FEATURE_CODES`)."""
    place = opt.place
    return place.id.startswith(_NAMED_FEATURES) or (
        place.kind == "other" and place.feature_code in _FEATURE_CODES and bool(opt.flags & (NAME_MAIN | NAME_QUALIFIED))
    )
#: What a village of the codifier loses when a city of :data:`BIG_POPULATION` bears its name.
BIG_NAMESAKE_PENALTY = 4.0

#: Towns of a document that lie this close together are its local geography.
CLUSTER_KM = 30.0
#: How many other names of the document must lie that close to a namesake town
#: for it to beat a place nothing else in the document supports.
CLUSTER_MIN = 2
#: Reasons of a choice made on the name alone: nothing in the document vouched for it.
_UNVOUCHED = frozenset({"country", "capital", "population", "one-sense", "only-candidate"})
#: A chosen town is supported by another place of the document this close.
SUPPORT_KM = 100.0


def _cluster_namesakes(names: dict, chosen: dict, metonyms: set, demonym_votes: Counter, focus=()) -> None:
    """A namesake town among the document's other towns beats a place nothing supports.

    Local news names its towns side by side: "a nursing home in Lebanon ... formerly
    of Hershey ... Palmyra ... Annville" is Lebanon, Pennsylvania, which lies within
    :data:`CLUSTER_KM` of the three, not the country no other word of the text
    points to. A name chosen for its standing alone (a country, a capital, the
    biggest town of the name) yields to a namesake town that lies that close to
    :data:`CLUSTER_MIN` other names of the document (or to one county the town lies
    in: "Athens police ... the Henderson County jail"), when nothing else in the
    document supports the first choice: no other place of the country (for a
    country), no place within :data:`SUPPORT_KM` or in its region (for a town),
    no demonym of the country. Repeats while choices change, so one switch can
    bring another ("Lebanon" then "Boone County").
    """
    for _round in range(3):
        local = [
            (key, got[0].place)
            for key, got in chosen.items()
            if got[3]
            and got[0].place.kind in ("city", "other")
            and got[0].place.feature_code not in _WORLD_REGION_CODES
            and not (key in metonyms and got[0].place.feature_code == "PPLC")
        ]
        if not local:
            return
        loose = {}  # names chosen for their standing alone, which nothing supports
        for key, got in chosen.items():
            opt, _conf, reason, ok = got[:4]
            if not ok or reason.split(":")[0] not in _UNVOUCHED:
                continue
            if key in metonyms and (opt.place.kind == "country" or opt.place.feature_code == "PPLC"):
                continue  # "Moscow said", "Lebanon will": the government, wherever the towns are
            name = names[key]
            if name.qualifiers or name.region_word or name.city_word:
                continue
            if opt.place.kind not in ("country", "city", "other") or opt.place.country in focus:
                continue
            if not _supported(key, opt.place, chosen, demonym_votes):
                loose[key] = opt
        changed = False
        for key, opt in loose.items():
            if chosen[key][0] is not opt:
                continue  # switched this round as another name's county
            best = None
            for o in names[key].options:
                if o is opt or o.place.kind not in ("city", "other") or o.place.feature_code in _WORLD_REGION_CODES:
                    continue
                near = {
                    k
                    for k, p in local
                    if k != key and haversine_km(o.place.lat, o.place.lon, p.lat, p.lon) <= CLUSTER_KM
                }
                # "Paris and Henry County": a town and the county it lies in, neither yet placed.
                counties = {
                    k: c
                    for k in loose
                    if k != key and k not in near
                    for c in names[k].options
                    if c.place.feature_code == "ADM2"
                    and haversine_km(o.place.lat, o.place.lon, c.place.lat, c.place.lon) <= CLUSTER_KM
                }
                county = counties or any(chosen[k][0].place.feature_code == "ADM2" for k in near)
                if (len(near) >= CLUSTER_MIN or county) and (best is None or o.place.population > best[0].place.population):
                    best = (o, sorted(near | set(counties)), counties)
            if best is not None:
                o, near, counties = best
                chosen[key] = (o, 0.7, f"cluster:{','.join(near[:3])}", True, 2, False)
                for k, c in counties.items():
                    chosen[k] = (c, 0.7, f"cluster:{key}", True, 2, False)
                changed = True
        if not changed:
            return


def _supported(key: str, place: Place, chosen: dict, demonym_votes: Counter) -> bool:
    """Whether another place the document names vouches for ``place``."""
    if demonym_votes.get(place.country, 0) > 0:
        return True
    for k, got in chosen.items():
        if k == key or not got[3]:
            continue
        other = got[0].place
        if place.kind == "country":
            if other.country == place.country:
                return True
        elif other.kind in ("city", "other", "admin1"):  # a country named supports none of its towns over another
            if other.country == place.country and other.admin1 == place.admin1 and place.admin1:
                return True
            if other.kind != "admin1" and haversine_km(place.lat, place.lon, other.lat, other.lon) <= SUPPORT_KM:
                return True
    return False


#: A namesake village farther than this from every front the text names is not the one meant.
FRONT_RADIUS_KM = 150.0


def _far_from_front(place: Place, fronts: list[Place]) -> bool:
    """A small place far from every front of the document ("на Покровському напрямку ... Лисівка").

    Reports by front list the villages along it: a village of that name far away is
    a namesake (the one meant is often missing from the data), not the place.
    """
    if place.kind != "city" or place.population >= NOTABLE_POPULATION:
        return False
    return all(haversine_km(place.lat, place.lon, front.lat, front.lon) > FRONT_RADIUS_KM for front in fronts)


#: A capitalised name right before ", <region>" ("Zavody, Kharkiv"); the caller checks
#: that the data does not know it.
_UNKNOWN_BEFORE_COMMA = re.compile(r"(?P<name>\b(?-i:[A-Z])[\w'\u2019-]+(?:[ -](?-i:[A-Z])[\w'\u2019-]+)?),\s$")
#: What may follow "<unknown place>, <region>": the end of the phrase.
_PHRASE_END = re.compile(r"\s*(?:[.,;:)]|$|\((?:[^)]{0,40})\)|\s(?:on|in|at|and|killing|wounding|injuring)\b)")


def _regions_of_unknown_places(store, text: str, candidates: list[Candidate], rejected: set[int], taken) -> dict[int, tuple[Place, float]]:
    """"shelled Zavody, Kharkiv": a place the data lacks, qualified by its region.

    ACLED notes and datelines name a village with its oblast ("Zavody, Kharkiv"). When
    the village is not in the data, the second name is still the region it lies in
    (Kharkiv Oblast, not the city), which is where the event is, as closely as the
    data can say. Only a capitalised name that is no place the data knows, no English
    word, right before a name one of whose senses is a first-level region.
    """
    out: dict[int, tuple[Place, float]] = {}
    if ", " not in text:
        return out  # every such name stands after ", "
    ends = {c.end for c in candidates}
    for i, cand in enumerate(candidates):
        if i in taken or i in rejected or cand.demonym or cand.possessive or not text.startswith(", ", cand.start - 2):
            continue
        before = _UNKNOWN_BEFORE_COMMA.search(text, max(0, cand.start - 40), cand.start)
        if before is None or before.end("name") in ends:
            continue
        words = before.group("name").replace("-", " ").split()
        if any(_zipf(store, fold(word)) > 0 for word in words):
            continue  # "On Monday, Kharkiv was shelled", "Meanwhile, Kharkiv"
        if not _PHRASE_END.match(text, cand.end):
            continue
        regions = [store.place(idx) for idx, _flags in cand.entries if store.place(idx).kind == "admin1"]
        if len(regions) == 1:
            out[i] = (regions[0], 0.6)
    return out


def _qualifier_regions(store, candidates: list[Candidate], names: dict, chosen: dict) -> dict[int, tuple[Place, float]]:
    """Qualifiers that name the region the place before them lies in: candidate index → (admin1, confidence).

    ACLED notes and datelines write "Shchastia, Luhansk" and "Irpin, Kyiv": the
    second name is the oblast (Luhansk Oblast), not the regional capital, and
    never a place of its own. Only when the qualified name resolved to a town
    inside an admin1 region the qualifier can name.
    """
    out: dict[int, tuple[Place, float]] = {}
    for name in names.values():
        for j in name.qualifiers_at:
            got = chosen.get(name.key)
            if got is None or not got[3] or j >= len(candidates):
                continue
            opt, conf = got[0], got[1]
            if opt.place.kind not in ("city", "other") or not opt.admin1_code:
                continue
            for idx, _flags in candidates[j].entries:
                place = store.place(idx)
                if (
                    place.kind == "admin1"
                    and place.country == opt.place.country
                    and _in_region(place.country, store.admin1_code(idx), opt.admin1_code)
                ):
                    out[j] = (place, round(min(0.95, max(conf, 0.7)), 2))
                    break
    return out


#: A town outside the Cyrillic world named in Cyrillic with no context at all is taken only this big.
FOREIGN_CYRILLIC_POPULATION = 1_000_000

#: Countries whose towns Russian and Ukrainian text names in Cyrillic as a matter of course.
_CYRILLIC_WORLD = frozenset(
    "UA RU BY MD KZ KG TJ TM UZ GE AM AZ RS BG MK ME BA MN EE LV LT PL SK CZ RO FI".split()
)


def _foreign_cyrillic(key: str, place: Place) -> bool:
    """A Cyrillic name of a small town far from the Cyrillic world: a word's inflection, not the town."""
    return place.kind in ("city", "other") and place.feature_code not in ("RGN", "CONT") and (
        place.country not in _CYRILLIC_WORLD) and _CYRILLIC.search(key) is not None


#: A Cyrillic letter (Basic Cyrillic block).
_CYRILLIC = re.compile("[\u0400-\u04ff]")


#: First-level regions that lie inside another one as news names it: Sevastopol, a
#: region of its own in GeoNames, is "in Crimea" ("Belbek in Crimea", "Balaklava, Crimea").
#: Keyed by (country, GeoNames admin1 code).
REGION_WITHIN: dict[tuple[str, str], frozenset[str]] = {("UA", "11"): frozenset({"20"})}


def _in_region(country: str, code: str | None, admin1_code: str | None) -> bool:
    """Whether a place of region ``admin1_code`` lies in the qualifier's region ``code`` (None: any)."""
    return code is None or code == admin1_code or admin1_code in REGION_WITHIN.get((country, code), ())


def _fits(opt: _Option, qualifiers) -> bool:
    """Whether ``opt`` lies in one of the (country, admin1 code or None) ``qualifiers``."""
    place = opt.place
    return any(place.country == c and _in_region(c, code, opt.admin1_code) for c, code in qualifiers)


def _qualifier_fallback(candidates: list[Candidate], names: dict, chosen: dict, doubtful: set) -> None:
    """Place a name the data lacks at its qualifier: "Holliday, Missouri" is in Missouri.

    When no place of an accepted name lies in the region or country after its
    comma, the best of them is elsewhere by definition ("Holliday" in Texas). If
    the qualifier itself resolved to that region or country, the name is located
    there instead, at region or country precision, with reason
    ``qualifier-only:<country>[.<admin1>]``. A list of towns that are also
    regions' names ("Lviv, Kharkiv") is left alone: "Kharkiv" resolves to the
    city, not to a region; and so is a list of people ("C.J. McArthur, Chad
    Foster"): ``doubtful`` holds the candidates that may be people or were rejected.
    """
    for key, name in names.items():
        got = chosen.get(key)
        if got is None or not got[3] or not name.qualifiers_at or name.org or name.person:
            continue  # only an accepted place is moved: "Smith, Texas said" names no place
        if any(i in doubtful for i in name.occurrences):
            continue
        if _fits(got[0], name.qualifiers) and not _ambiguous_within(got, name):
            continue
        for j in sorted(name.qualifiers_at):
            q = chosen.get(candidates[j].key)
            if j in doubtful or q is None or not q[3] or q[0].place.kind not in ("admin1", "country"):
                continue
            qopt = q[0]
            code = qopt.admin1_code if qopt.place.kind == "admin1" else None
            if (qopt.place.country, code) not in name.qualifiers:
                continue
            where = f"{qopt.place.country}.{code}" if code else qopt.place.country
            chosen[key] = (qopt, min(q[1], 0.7), f"qualifier-only:{where}", True, 2, True)
            break


def _ambiguous_within(got, name: _Name) -> bool:
    """Whether the chosen village is one of several the codifier knows in the qualifier's region.

    "Андріївка на Херсонщині": Kherson Oblast has three Andriivkas the data places only
    at their communities' centres, 60 km apart, and nothing in the text tells them
    apart (the choice was a tie): the name is located at the region, as for a
    village the data lacks. A place nearby that decided it ("near:") settles it.
    """
    opt, _conf, reason = got[0], got[1], got[2]
    if not _unproven(opt) or reason.startswith("near"):
        return False
    fitting = [o for o in name.options if _fits(o, name.qualifiers)]
    return len(fitting) > 1 and all(_unproven(o) for o in fitting)


def _may_set_context(static) -> bool:
    """Whether some sense of a name (its static scores) could set context in the first pass (see :func:`resolve`).

    Only big places, towns of :data:`NOTABLE_POPULATION` and explicitly placed
    ones do; there are no anchors yet, so nothing is "near".
    """
    for _score, _reason, evidence, opt, _a1 in static:
        place = opt.place
        if (
            evidence == 2
            or opt.user
            or place.kind in ("country", "admin1", "sea")
            or place.feature_code in _WORLD_REGION_CODES
            or place.population >= NOTABLE_POPULATION
        ):
            return True
    return False


def _seat(name: _Name, a1) -> _Option | None:
    """The biggest city of ``name`` in region ``a1``, when at least :data:`REGION_SEAT_POPULATION` big."""
    cities = [
        t[3]
        for t in name.static or ()
        if t[4] == a1 and t[3].place.kind == "city" and t[3].place.population >= REGION_SEAT_POPULATION
    ]
    return max(cities, key=lambda o: o.place.population) if cities else None


def _unvouched_foreign(key: str, place: Place, outright) -> bool:
    """A Cyrillic word read as a foreign town ("Сили" → Sealy, Texas) whose country the text never names.

    Such a reading is no place (unless a city of a million), and no context for others.
    """
    return (
        _foreign_cyrillic(key, place)
        and place.population < FOREIGN_CYRILLIC_POPULATION
        and not outright.get(place.country, 0) > 0
    )


def _latin_non_word(key: str) -> bool:
    """A name in Latin letters that no English dictionary lists (its Zipf is 0 where this is asked).

    Capitals at a sentence's start say nothing of such a name: "Decatur" is a name
    wherever it stands. Cyrillic openers are still doubtful ("Сили", forces), and
    given names are people's.
    """
    return key not in GIVEN_NAMES and key.isascii() and key.replace(" ", "").replace("-", "").isalpha()


def _notable(name: _Name, opt: _Option) -> int:
    """How far a town stands on its own: 2 a region's seat, 1 a town of some size, 0 neither.

    Only a place no other place of its name rivals, named by its own name or a
    close spelling of it ("Avdiivka" for Avdiyivka). "Russia shelled Kherson":
    the struck town lies in another country than the one the text names.
    """
    place = opt.place
    if place.kind != "city" or opt.user or name.zipf > 0:
        return 0
    main = opt.flags & NAME_MAIN
    if place.population < NOTABLE_POPULATION and (place.feature_code != "PPLA" or not main):
        return 0
    if not main:
        # Another spelling of the town's own name, not a foreign or former one
        # ("Ashraf" for Behshahr) and not a short word ("Wal" for Waal).
        if len(name.key) < 6 or SequenceMatcher(None, name.key, fold(place.name)).ratio() < 0.8:
            return 0
    floor = max(place.population // 10, 1_000)
    if any(o is not opt and o.place.kind == "city" and o.place.population >= floor for o in name.options):
        return 0
    a1 = _admin1_key(opt)
    seat = place.feature_code == "PPLA" or any(
        o.place.kind == "admin1" and _admin1_key(o) == a1 for o in name.options
    )  # "Kherson", "Kursk": the region bears the city's name
    return 2 if seat and main else 1


def _top2(votes: Counter) -> tuple[tuple[int, object], tuple[int, object]]:
    """The two largest (vote, key) of ``votes``, padded with (0, None)."""
    best = sorted(((v, k) for k, v in votes.items()), key=lambda t: t[0], reverse=True)[:2]
    return tuple(best + [(0, None)] * (2 - len(best)))


def _nearest_anchors(name: _Name, anchors) -> list[tuple[float, str]] | None:
    """For each option of ``name``, the distance (km) to and name of the nearest anchor of another name.

    ``anchors`` is the :class:`_Anchors` of the pass (coordinates as arrays).
    """
    if anchors is None:
        return None
    key = name.key
    pts = [pt for pt in anchors.points if pt[3] != key] if key in anchors.keyset else anchors.points
    if not pts:
        return None
    if len(name.options) * len(pts) <= 64:
        # numpy's per-call overhead dominates small problems. Distances only
        # matter below a few hundred km, where the equirectangular
        # approximation is within a fraction of a per cent of the great circle.
        return [_nearest_point(o, pts) for o in name.options]
    anchors.arrays()
    mask = anchors.keys != key
    names = [n for n, keep in zip(anchors.names, mask.tolist()) if keep]
    lat2, lon2 = anchors.lat[mask][None, :], anchors.lon[mask][None, :]
    lat1 = np.radians([o.place.lat for o in name.options])[:, None]
    lon1 = np.radians([o.place.lon for o in name.options])[:, None]
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    dist = 12742.0 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
    best = dist.argmin(axis=1)
    return [(float(dist[i, j]), names[j]) for i, j in enumerate(best.tolist())]


class _Anchors:
    """Confidently resolved places of a pass, for distance computations.

    As plain tuples for the small problems most documents pose, and as numpy
    arrays (built on first need, by :meth:`arrays`) for large ones.
    """

    __slots__ = ("anchors", "keys", "keyset", "lat", "lon", "names", "points")

    def __init__(self, anchors: list[tuple[str, Place]]) -> None:
        self.anchors = anchors
        self.keys = self.lat = self.lon = None
        self.names = [p.name for _, p in anchors]
        self.keyset = {k for k, _ in anchors}
        # (lat, lon in radians, name, key)
        self.points = [
            (math.radians(p.lat), math.radians(p.lon), p.name, k) for k, p in anchors
        ]

    def arrays(self) -> None:
        """Fill ``keys``, ``lat`` and ``lon`` as numpy arrays (once)."""
        if self.keys is None:
            self.keys = np.array([k for k, _ in self.anchors], dtype=object)
            self.lat = np.array([pt[0] for pt in self.points])
            self.lon = np.array([pt[1] for pt in self.points])


def _short_form(key: str, full_name: str) -> bool:
    """Whether ``key`` is the head of ``full_name`` ("Newcastle" of "Newcastle upon Tyne").

    People shorten a place's own long name to its first words ("Frankfurt" for
    Frankfurt am Main, "Stratford" for Stratford-upon-Avon): such a short form
    is as much the place's name as the full one, unlike a former or foreign name.
    """
    full = fold(full_name)
    return len(full) > len(key) + 3 and full.startswith(key) and full[len(key)] in " -"


def _called_city(store, key: str, opt: _Option) -> bool:
    """Whether the city of ``opt`` also goes by "<name> City" ("Quebec City", "New York City").

    English gives such a city that longer name precisely because the bare name
    means the region or country it lies in: bare "Quebec" is the province.
    """
    if store is None or opt.index is None or opt.place.kind != "city":
        return False
    return any(idx == opt.index for idx, _flags in store.entries(key + " city"))


def _static_scores(
    name: _Name, prune: bool = True, store=None
) -> list[tuple[float, str | None, int, _Option, tuple | None]]:
    """Per option: score, reason and evidence that do not depend on the rest of the document.

    Computed once per name; options that no context could lift to the top are dropped.
    ``store`` (optional) lets a city known as "<name> City" yield the bare name
    to its region or country.
    """
    # A bare name shared by a region and a city in it ("Kharkiv", "Kursk") is the
    # city; the region needs its type word ("Kursk Oblast", a qualified name).
    region_keys = {
        _admin1_key(o) for o in name.options if o.place.kind == "admin1" and not o.flags & NAME_QUALIFIED
    }
    # When some place carries the name as its own, a place that has it only as an
    # alternate (a former or foreign name: Salisbury for Harare) is unlikely.
    # Unless it is much bigger: "Odessa" is Odesa, Ukraine, before Odessa, Texas.
    region_main = any(
        o.place.kind == "country" or (o.place.kind == "admin1" and o.flags & NAME_MAIN) for o in name.options
    )
    # (Villages that need evidence do not count: a hamlet "Zaporozh'ye" does not make the
    # city's spelling "Zaporozhye" a foreign one.)
    main_pop = max(
        (o.place.population for o in name.options
         if o.place.kind == "city" and o.flags & NAME_MAIN and not _unproven(o)), default=-1
    )  # fmt: skip
    has_country = any(o.place.kind == "country" for o in name.options)
    # "the Middle East", "the West Coast": a world region before a village of its name
    world_region = any(o.place.feature_code in _WORLD_REGION_CODES for o in name.options)
    main_countries = Counter(
        o.place.country for o in name.options if o.place.kind == "city" and o.flags & NAME_MAIN and not _unproven(o)
    )
    # "Zaporizhzhia" in a report from Donetsk Oblast is the city, not a hamlet of that name there
    big_city = any(
        o.place.kind == "city" and o.place.population >= BIG_POPULATION and o.flags & (NAME_MAIN | NAME_CYRILLIC)
        for o in name.options
    )
    # ... or by a spelling of its name ("Lvov, Nikolayev" lists cities; no hamlet Lviv in
    # Mykolaiv Oblast is meant): a village that needs evidence never wins over it, not even
    # by a qualifier, unless "the village of" says so.
    big_spelled = big_city or any(
        o.place.kind == "city"
        and o.place.population >= BIG_POPULATION
        and SequenceMatcher(None, name.key, fold(o.place.name)).ratio() >= 0.5
        for o in name.options
    )
    name_countries = {o.place.country for o in name.options if o.place.kind == "country"}
    all_water = all(o.place.kind == "other" and o.place.feature_code in _WATER_CODES for o in name.options)
    main_regions = {
        _admin1_key(o) for o in name.options if o.place.kind == "admin1" and o.flags & NAME_MAIN
    }
    out = []
    for opt in name.options:
        place = opt.place
        score = prior(place, opt.flags)
        reason = None
        evidence = 0  # 0 none, 1 weak (country), 2 strong (region, qualifier, near)
        a1 = _admin1_key(opt)
        # A Cyrillic name is the place's own in Cyrillic text ("Херсон"), not a former one.
        alt_only = place.kind == "city" and not opt.flags & (NAME_MAIN | NAME_CYRILLIC) and not opt.user
        short = alt_only and _short_form(name.key, place.name)
        if short:
            alt_only = False  # "Newcastle" for Newcastle upon Tyne: its own name, shortened
        # Only a city inside a region or country whose own name this is:
        # Washington, D.C. ("Washington City" too) lies in the District of
        # Columbia, which has "Washington" only as another name.
        city_named = (a1 in main_regions or place.country in name_countries) and _called_city(store, name.key, opt)
        seat = (
            place.kind == "city"
            and a1 in region_keys
            and place.population >= REGION_SEAT_POPULATION
            and not city_named
        )
        if seat:
            score += 1.5
        if name.city_word and place.kind == "city":
            score += CITY_WORD_BONUS  # "the city of Turkey": no country or region is meant
        elif place.kind == "city" and has_country and not seat:
            score -= COUNTRY_NAMESAKE  # "Egypt", "Jordan", "Iraq": the country, unless qualified ("Egypt, Ill.")
        elif place.kind == "city" and world_region and place.population < BIG_POPULATION:
            # "the Middle East" in a US story is not Middle East, Maryland: out of reach of
            # context (MAX_CONTEXT); only a qualifier ("Middle East, Md.") brings it back
            score -= WORLD_REGION_NAMESAKE
        elif (
            region_main
            and not seat
            and place.kind == "city"
            and (alt_only or city_named or place.population < BIG_POPULATION)
        ):
            score -= REGION_NAMESAKE  # "Minnesota", "Queensland", "Indiana": the region, not a town of that name
        elif alt_only and main_pop >= 0 and (
            place.population < 5 * main_pop
            or main_countries[place.country] >= 2
            or SequenceMatcher(None, name.key, fold(place.name)).ratio() < 0.5
        ):
            # Another place's alternate name loses to the places that bear it, unless
            # the place is much bigger and the name a spelling of its own ("Odessa"
            # is Odesa, Ukraine before Odessa, Texas). Not a former name (Donetsk was
            # once "Oleksandrivka"), nor one that several towns of its own country
            # bear (dozens of Oleksandrivkas; one hamlet "Zaporizhzhia" does not
            # make the city's spelling its own).
            score -= 4.0
        elif short and main_pop >= 0 and place.population < 5 * main_pop:
            score -= SHORT_FORM_PENALTY  # a shortened name: a little behind towns that bear it in full
        water = place.kind == "other" and place.feature_code in _WATER_CODES
        if water and opt.flags & NAME_MAIN:
            score += 0.5  # a river known beyond its banks before a stream of its name
        if water and name.water_word:
            score += CITY_WORD_BONUS
            reason, evidence = "water-word", 2
        elif water and not all_water:
            score -= WATER_NAMESAKE  # "у Дніпрі", "Dnipro": the city; the river needs a river word
        big_namesake = big_spelled and not name.city_word and _unproven(opt)
        if big_namesake:
            score -= BIG_NAMESAKE_PENALTY  # out of reach of region context (not with "the village of")
        if name.county_word and place.country in _COUNTY_COUNTRIES:
            score += 2.0
        if name.region_word and place.kind == "admin1":
            score += 4.0
        if opt.user:
            score += 6.0
            reason, evidence = "user-place", 2
        if place.kind == "country":
            reason, evidence = "country", 2
        elif place.feature_code in _WORLD_REGION_CODES:
            reason, evidence = "world-region", 2
        elif opt.flags & NAME_QUALIFIED and place.kind == "admin1":
            reason, evidence = "qualified-admin1", 2
        elif opt.flags & NAME_QUALIFIED and place.feature_code == "ADM2" and len(name.options) == 1:
            # "Edgar County": the type word and a name no other county has. As
            # sure as a region phrasing; it places the document's towns (Paris, Ill.).
            evidence = 2
        if name.qualifiers:
            matched = False
            for country, code in name.qualifiers:
                if place.country == country and _in_region(country, code, opt.admin1_code):
                    matched = True
                    reason = reason or (f"qualifier:{country}.{code}" if code else f"qualifier:{country}")
            if matched and not big_namesake:
                score += 8.0
                evidence = 2
            elif not matched:
                score -= 4.0
        out.append((score, reason, evidence, opt, a1))
    if not prune:
        return out
    # Document context adds at most about 9 points: options further behind never win.
    top = max(t[0] for t in out)
    out = [t for t in out if t[0] >= top - MAX_CONTEXT]
    out.sort(key=lambda t: t[0], reverse=True)
    return out[:40]


def _ensure_static(store, name: _Name) -> None:
    """Compute (or fetch) the document-independent part of a name's scores."""
    if name.static is not None:
        return
    # User places come first in a name's options (see _options).
    plain = not (
        name.water_word
        or name.county_word
        or name.region_word
        or name.city_word
        or name.qualifiers
        or (name.options and name.options[0].user)
    )
    cache = _memo(store)
    cache_key = ("static", name.key, len(name.options))
    got = cache.get(cache_key) if plain else None
    if got is None:
        static = _static_scores(name, store=store)
        top = static[0][0]
        got = (
            static,
            store.zipf(name.key) if " " not in name.key else 0.0,
            {t[4] for t in static if t[4] and t[0] >= top - SHARED_REGION_WINDOW},
            _CYRILLIC.search(name.key) is not None,
            any(t[3].place.feature_code == "PPLC" for t in static),
            _may_set_context(static),
            [t + (t[3].place.kind, t[3].place.country, t[3].place.population) for t in static],
            [t[3] for t in static],  # shared by the documents that name it: never changed in place
            any(t[3].place.kind in ("city", "admin1", "other") for t in static),
        )
        if plain:
            cache[cache_key] = got
    (name.static, name.zipf, name.regions, name.cyrillic, name.has_capital, name.sets_context, name.fast,
     name.options, name.local) = got


#: The most the document context of :func:`_choose` can add to one option's static score, by source:
#: regions several names share (0.8 a name, three at most), its region named, its country named
#: (four votes at most), a place nearby, a list of big cities.
_SHARED_MAX, _REGION_MAX, _COUNTRY_MAX, _NEAR_MAX, _PEERS_MAX = 0.8 * 3, REGION_CONTEXT, COUNTRY_CONTEXT + 0.5 * 4, 3.0, LIST_PEER_BONUS


def _nearest_point(opt: _Option, pts) -> tuple[float, str]:
    """The distance (km) to and name of the nearest of ``pts`` (see :func:`_nearest_anchors`), for one option."""
    rad = opt.rad
    if rad is None:
        rad = opt.rad = (math.radians(opt.place.lat), math.radians(opt.place.lon))
    la1, lo1 = rad
    best, best_name = None, None
    for la, lo, n, _key in pts:
        dlat2 = (la - la1) ** 2
        if best is not None and dlat2 >= best:
            continue  # d below is at least dlat2: this anchor cannot be nearer
        dl = abs(lo - lo1)
        if dl > math.pi:
            dl = 2 * math.pi - dl
        x = dl * math.cos((la + la1) / 2)
        d = x * x + dlat2
        if best is None or d < best:
            best, best_name = d, n
    return 6371.0 * math.sqrt(best), best_name


def _choose(store, name: _Name, occ, ctx, c_own, a_total, a_own, n_own, big_peers=0):
    """Score every option of one name; return (option, confidence, reason, accepted, evidence, big).

    ``ctx`` is what the pass knows of the whole document (see :func:`resolve`):
    ``(weak, personish, determiner, verbish, paired, shared, anchors, country votes,
    outright, stated, placed, top2, named regions)``. ``c_own``, ``a_own`` and ``n_own``
    are the name's own vote among the country, region and named-region votes (it
    never counts as context for itself); ``a_total`` the region votes for this name.
    ``big_peers``: how many other names of a list the name stands in resolved to
    big cities (:data:`LIST_PEER_POPULATION`).

    Options are visited best static score first: once no context could lift the
    rest above the runner-up, they are left (the result is the same).
    """
    (weak, personish, determiner, verbish, paired, shared, anchors, c_total, outright, stated, placed, top2,
     named_total) = ctx
    if name.static is None:
        _ensure_static(store, name)
    (v1, k1), (v2, _k2) = top2  # the largest vote but the name's own (only the first may be its own)
    if k1 is not None and k1 == c_own:
        v1 -= 1
    foreign = max(v1, v2, 0) >= DOMINANT_VOTES
    # Distances count only for local senses (a name of countries alone needs none); in the
    # small problems of most documents, only for the options visited.
    nearest = pts = None
    if name.local and anchors is not None:
        key = name.key
        pts = [pt for pt in anchors.points if pt[3] != key] if key in anchors.keyset else anchors.points
        if not pts:
            pts = None
        elif len(name.options) * len(pts) > 64:
            nearest, pts = _nearest_anchors(name, anchors), None
    distances = nearest is not None or pts is not None
    # The votes as plain dicts, read inline: this loop runs for every option of
    # every name in every pass, and method calls dominated it.
    c_get = c_total.get
    a_get = a_total.get
    own_votes, own_regions = name.own_votes, name.own_regions
    regions = name.regions
    shared_get = shared.get if shared else None
    bound = 1e-6 + (
        (_SHARED_MAX if shared_get is not None else 0.0)
        + (_REGION_MAX if a_total else 0.0)
        + (_COUNTRY_MAX if c_total else 0.0)
        + (_NEAR_MAX if distances else 0.0)
        + (_PEERS_MAX if big_peers >= 2 else 0.0)
    )
    # A national capital keeps its name against the region around it ("Kyiv" among towns
    # of Kyiv Oblast is the city); a region word ("the Kyiv region") still makes the region.
    capital = not name.region_word and name.has_capital
    # The best option and the runner-up's score: the first of equal scores wins,
    # as a stable sort would have it.
    best = None
    second = None
    for k, (score, reason, evidence, opt, a1, kind, country, population) in enumerate(name.fast):
        if second is not None and score + bound < second:
            break  # sorted by static score: neither this option nor any after it can rise above the runner-up
        why = None  # what context decided it, formatted only for the winner
        if a1:
            if shared_get is not None:
                others = shared_get(a1, 0)
                if others:
                    others -= a1 in regions
                    if others > 0:
                        score += 0.8 * min(others, 3)
                        if evidence < 1:
                            evidence = 1
            av = a_get(a1, 0)
            if av:  # (no votes: neither branch below applies)
                av -= a1 == a_own
                if av > 0 and kind != "admin1":
                    # A region the text names outright weighs more than one inferred
                    # from other resolved places (which may themselves be wrong).
                    explicit_region = named_total.get(a1, 0) - (a1 == n_own) > 0
                    score += REGION_CONTEXT if explicit_region else DERIVED_REGION_CONTEXT
                    evidence = 2
                    why = ("context-admin1", a1)
                elif kind == "admin1" and max(av, 0) > own_regions.get(a1, 0) and not capital:
                    # Other places the text puts in this region make its name as likely
                    # as a town inside it: "Quebec" among Levis and Saguenay is the
                    # province. Its own name's votes do not count. Inferred from places
                    # only, it weighs as it does for a town (else "shelled Donetsk and
                    # Horlivka" would be the oblast, the city outweighed by its own region).
                    explicit_region = named_total.get(a1, 0) - (a1 == n_own) > 0
                    score += REGION_CONTEXT if explicit_region else DERIVED_REGION_CONTEXT
                    if evidence < 1:
                        evidence = 1
        # The name's own votes as a country do not vouch for its namesake towns:
        # "Mexico" alone does not make Mexico City the likelier sense.
        cv = 0
        if kind != "country":
            cv = c_get(country, 0)
            if cv:  # (no votes: cv would stay at or below 0)
                if country == c_own and country is not None:
                    cv -= 1
                if cv < 0:
                    cv = 0
                cv -= own_votes.get(country, 0)
        if cv > 0:
            score += COUNTRY_CONTEXT + 0.5 * min(cv, 4)
            if evidence < 1:
                evidence = 1
        elif foreign and kind in ("city", "other"):
            score -= FOREIGN_PENALTY  # a document all about one country: a town elsewhere is unlikely
        if distances and kind in ("city", "admin1", "other") and not (
            kind == "admin1" and (capital or a_get(a1, 0) - own_regions.get(a1, 0) <= (a1 == a_own)) and _seat(name, a1) is not None
        ):
            # A region whose seat shares its name ("Kherson") is near a place
            # only when that place lies in it: its centroid is nowhere anyone
            # wrote about, and may lie nearer a town elsewhere than the seat does.
            if nearest is not None:
                best_d, best_name = nearest[k]
            elif second is not None and score + _NEAR_MAX + (
                LIST_PEER_BONUS if big_peers >= 2 and kind == "city" and population >= LIST_PEER_POPULATION else 0.0
            ) + 1e-6 < second:
                best_d = math.inf  # even the nearest anchor would leave it below the runner-up: no distance needed
            else:
                best_d, best_name = _nearest_point(opt, pts)
            if best_d <= 30:
                score += 3.0
            elif best_d <= 100:
                score += 2.2
            elif best_d <= 250:
                score += 1.2
            elif best_d <= 600:
                score += 0.4
            if best_d <= 250:
                evidence = 2
                why = why or ("near", best_name)
        if big_peers >= 2 and kind == "city" and population >= LIST_PEER_POPULATION:
            score += LIST_PEER_BONUS
            if evidence < 1:
                evidence = 1
            why = ("list-peers", big_peers)
        if cv > 0:
            why = why or ("context-country", country)
        if best is None or score > best[0]:
            if best is not None:
                second = best[0]
            best = (score, evidence, reason, opt, why)
        elif second is None or score > second:
            second = score
    score, evidence, reason, opt, why = best
    if reason is None and why is not None:
        tag, what = why
        reason = f"{tag}:{what[0]}.{what[1]}" if tag == "context-admin1" else f"{tag}:{what}"
    margin = score - second if second is not None else 4.0
    place = opt.place
    if reason is None:
        if second is None:
            reason = "only-candidate"
        elif place.feature_code == "PPLC":
            reason = "capital"
        else:
            reason = "population"
    big = (
        place.kind in ("country", "sea")
        or place.feature_code in _WORLD_REGION_CODES
        or place.population >= BIG_POPULATION
        or opt.user
        or (place.kind == "admin1" and (opt.flags & NAME_QUALIFIED or place.population == 0))
    )
    conf = 0.5 + 0.45 * (1.0 - math.exp(-max(margin, 0.0) / 2.0))
    # Only a place with no evidence and not big needs its standing weighed.
    notable = _notable(name, opt) if not big and evidence == 0 else 0
    ok = True
    all_weak = bool(weak) and weak.issuperset(occ)
    zipf = name.zipf
    alt_only = not opt.flags & (NAME_MAIN | NAME_QUALIFIED | NAME_CYRILLIC) and not opt.user
    explicit = reason is not None and reason.split(":")[0] in (
        "user-place", "qualifier", "qualified-admin1", "country", "water-word"
    )
    if verbish and not explicit and verbish.issuperset(occ):
        ok = False  # "Reading the report": only a qualifier ("Reading, Pa.") makes it the town
    elif name.city_word and place.kind in ("country", "admin1") and not reason.startswith("qualifier"):
        ok = False  # "the city of Turkey": a town the data lacks, never the country
    elif evidence < 2 and not name.city_word and _unproven(opt):
        # A village known only to Ukraine's codifier (placed at its community's centre)
        # needs its region named, a qualifier, a place nearby or "the village of":
        # its name alone may be a word or a brand ("Zoria", "Вільне").
        ok = False
    elif (
        place.kind == "other"
        and place.feature_code in _WATER_CODES
        and not name.water_word
        and not opt.flags & (NAME_MAIN | NAME_QUALIFIED)
    ):
        # "Вовча", "Sula" alone: a village's name, a word or a person's before a stream's;
        # a river known beyond its banks ("the Dnieper") or named with its type word may be meant.
        ok = False
    elif not explicit and name.cyrillic and _unvouched_foreign(name.key, place, outright or {}):
        # "Тоді" (then) → Toda, "Сили" (forces) → Sealy: Cyrillic words, not towns in Japan
        # or Texas. A foreign town in Cyrillic text needs its country (or a region of it)
        # named outright, or a million people: towns of the same reading vouch for nothing.
        ok = False
    elif not big and not explicit and zipf >= VERY_COMMON_WORD_ZIPF:
        ok = False  # "May", "Road": words first
    elif not big and evidence < 2 and not personish.isdisjoint(occ):
        ok = False  # "Alexander Mazegora", "Sergei Sobyanin"
    elif alt_only and not explicit and evidence < 2 and (name.person or name.beside_name):
        ok = False  # "Ivan Franko": a surname, however big the town that has it as an other name (Franca)
    elif not big and evidence < 2 and paired.issuperset(occ):
        ok = False  # "Sheldon Peck": part of a longer name, wherever it occurs
    elif not big and not explicit and name.person:
        ok = False  # "Mr. Jones" or "Tom Jones" earlier: "Jones" is him throughout
    elif not big and not explicit and alt_only and (zipf > 0 or evidence == 0) and not notable:
        ok = False  # "Bush" for Būsh, "Hamas" for Hamm: alternate names of small places need more
    elif place.kind == "city" and " " in name.key and not opt.user and determiner.issuperset(occ):
        ok = False  # "the White House", "the Pentagon": a town takes no article
    elif evidence < 2 and zipf >= COMMON_WORD_ZIPF and (all_weak or not big):
        ok = False  # "Echo", "Reading": a common word needs strong evidence
    elif not big and evidence == 0 and not (_named_feature(opt) and len(name.options) == 1):
        # (A plant, base or island that alone bears its name is what it names, whichever
        # country the text speaks of: "Russian positions on Snake Island".)
        if zipf > 0 or (all_weak and not notable and not _latin_non_word(name.key)):
            # A small place, no evidence, and a word or a capitalised sentence opener
            # that may be one. A Latin name that is no English word is a name wherever
            # it stands ("Decatur lights up downtown").
            ok = False
        elif notable < 2 and any(v - (k == c_own) > 0 for k, v in (placed if notable else stated).items()):
            # The document names places in another country (or, for a town of
            # no standing, another country).
            ok = False
        elif place.population < DEMONYM_VETO_POPULATION and any(
            v - (k == c_own and k is not None) > 0 for k, v in c_total.items()
        ):
            # A demonym of another country vetoes only villages: "Russian
            # officials claimed Vuhledar" still names the town.
            ok = False
        else:
            conf = min(conf, 0.5)
    if evidence == 0:
        conf *= 0.8
    elif evidence == 2:
        conf = min(0.99, conf + 0.1)
    return opt, round(conf, 3), reason, ok, (2 if explicit else evidence), big
