"""Which place names in a sentence say where something happened.

A place name is a *location* of an event only in some positions:

* after a locative preposition: ``in Kharkiv``, ``near Ust-Luga`` (ACLED
  geo_precision 2), ``the city of Kherson``, ``on the outskirts of Bakhmut``;
* ``to Russia`` for events that move people or things (deployments, transfers);
* right after the verb or noun of the event: ``shelled Kherson``, ``struck Odesa``;
* right before it, as the subject of a passive: ``Kharkiv was shelled``;
* in a list after one of these: ``near Ust-Luga and Novorossiysk``.

It is *not* a location when it says who reported or who acted:
``Kyiv said``, ``according to officials in Kharkiv``, ``the Security Service of
Ukraine``, ``Moscow's mayor``, ``Ukraine launched``, ``against Ukraine``, ``from
the front``; nor when it names another feature (``the Dnipro river``). Demonyms
(``Ukrainian``) are never locations. A country is a location only after
``in``/``into``/``inside``/``across``/``throughout``/``within`` (or ``to`` for a
movement): "help Russia" or "an attack on Ukraine" says nothing about where.

Russian and Ukrainian sentences (:func:`~geomap.analysis.text.has_cyrillic`)
follow the same logic with their own words (the ``CYRILLIC_`` tables of
:mod:`.rules`): a locative preposition ``у Харкові``, ``в Курской области``,
``на Донеччині``, ``по Одесі`` (a strike *on* Odesa), ``над Київщиною``; near it
(geo_precision 2) ``біля``/``поблизу``/``під``/``около``/``возле``/``под``/
``в районі``/``в районе``; words between (``у місті``, ``в селе``, ``в м.``,
``в прифронтовому``) are skipped. Not where: the genitive after an
institution (``губернатор Курской области``, ``мер Харкова``,
``Міноборони Росії``), a name before one (``Харківська ОВА``), ``за даними``/
``по данным`` (according to), a name before a verb of saying (``Київ заявив``),
``з``/``из``/``від``/``проти``/``против`` (from, against), a street or a river
(``вулиця Київська``, ``річка Дніпро``). ``до``/``к`` is a destination (English
``to``). A country is a location only after ``у``/``в``/``по всій``/``на
території``. Cyrillic demonyms and adjectives (``українські``, ``российские``)
are not place names to the gazetteer, so they never become locations; the sides
they name come from :mod:`.actors`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.analysis.rules import (
    BLOCKING_PREPOSITIONS,
    CYRILLIC_BLOCKING_PREPOSITIONS,
    CYRILLIC_INSTITUTION_WORDS,
    CYRILLIC_LOCATIVE_PREPOSITIONS,
    CYRILLIC_REPORTING_VERBS,
    CYRILLIC_TO_PREPOSITIONS,
    CYRILLIC_TRANSPARENT,
    INSTITUTION_WORDS,
    LOCATIVE_HEADS,
    LOCATIVE_PREPOSITIONS,
    REPORTING_VERBS,
)
from geomap.analysis.text import LazyPattern, has_cyrillic

__all__ = ["Role", "mention_roles"]

#: Words skipped between a preposition and a name: "in the southern city of",
#: "in Russian-occupied", "near the front-line town of".
_TRANSPARENT = re.compile(
    r"(?:\b(?:the|a|an|its|their|occupied|liberated|frontline|front-line|border|besieged|embattled|"
    r"port|capital|northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|"
    r"north-eastern|north-western|south-eastern|south-western|north|south|east|west|northeast|northwest|southeast|"
    r"southwest|north-east|north-west|south-east|south-west|[A-Z]\w+-(?:occupied|held|controlled)|"
    # a mine's settlement named after someone: "in Shakhta imeni Gagarina" is in it
    r"[Ss]hakht[ay]\s+imeni)\s+"
    r"|\b\w+['\u2019]s\s+)$",
)
_COUNTRY_PREPOSITIONS = frozenset({"in", "into", "inside", "across", "throughout", "within"})
_LOCATIVE_WORDS = sorted(LOCATIVE_PREPOSITIONS, key=len, reverse=True)
#: A preposition ending a text that has had its trailing space stripped.
_PREPOSITION_AT_END = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in _LOCATIVE_WORDS) + r"|to|" + BLOCKING_PREPOSITIONS + r")$",
    re.IGNORECASE,
)
#: How far back from the end a preposition may start (the longest is a few words).
#: Searching only there, not from the start of the 80 characters before a name,
#: is what keeps :func:`mention_roles` cheap.
_PREPOSITION_REACH = max(map(len, _LOCATIVE_WORDS)) + 8
#: The word (after an optional "the") before a name that an institution's name may end with.
_INSTITUTION_PREPOSITIONS = frozenset({"of", "in", "to", "for", "from"})
_OF_HEAD = re.compile(r"\b(" + LOCATIVE_HEADS + r")\s+of\s+$", re.IGNORECASE)
#: People of a town, and its officials: "residents of Kherson", "the mayor of Melitopol".
_PEOPLE_OF = re.compile(
    r"\b(?:residents|inhabitants|people|citizens|civilians|villagers|mayor|deputy mayor|governor|head|chief|priest|"
    r"administrator|director|secretary|council|councillors?)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A ship or unit on station: "(a patrol boat) guarding the Kerch Strait", "patrolling the Black Sea".
_GUARDING = re.compile(r"\b(?:guarding|guarded|patrolling|patrolled|blockading|охраня\w*|патрулю\w*|охороня\w*)\s+(?:the\s+)?$", re.IGNORECASE)
_INSTITUTION_BEFORE = re.compile(
    # the word between is no verb: "forces withdrew from Bucha" is where they left, not whose forces
    r"\b(?:" + INSTITUTION_WORDS + r")\s+(?:(?!\w+ed\b|(?:withdrew|fled|came|went|drove|left|ran|fought|struck|hit|shot|took|"
    r"began|brought|sent|moved|pulled|remain|remained|are|were|was|is|village|town|city|settlement|district|region)\b)"
    r"\w+\s+)?(?P<prep>of|in|to|for|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A place of study named after its town, where something happened at it: "on the campus of
#: (the) University of Calabar", "at the University of Maiduguri".
_CAMPUS_OF = re.compile(
    r"\b(?:at|on|in|inside|near|outside)\s+(?:the\s+)?(?:campus\s+of\s+(?:the\s+)?)?"
    r"(?:University|College|Polytechnic)\s+of\s+$"
)
_ACCORDING = re.compile(r"\baccording to\b[^,;.]{0,60}$", re.IGNORECASE)
#: Where a sound carried, not where anything struck: "explosions were heard in Kherson",
#: "the sound of blasts in Kyiv", "Вибух чули у Харкові", "звуки «прильотів» у Харкові",
#: "взрывы слышали в Белгороде" (the text before the preposition).
_HEARD_BEFORE = re.compile(
    r"(?:\b(?:heard|sounds?\s+of(?:\s+[\w\"'«»\u201c\u201d-]+){1,2}?|(?:was|were)\s+audible)|"
    r"(?<!\w)(?:чули|почули|чути|було\s+чути|слышали|услышали|слышно|было\s+слышно|"
    r"звук\w*(?:\s+[\w\"'«»\u201c\u201d-]+){0,2}?))\s+$",
    re.IGNORECASE,
)
_REPORTER_AFTER = re.compile(
    # "Kyiv said"; not "over Mykolaiv with no damage reported by the governor" (a passive)
    r"^(?:['\u2019]s)?\s*(?:\w+\s+){0,3}?(?:" + REPORTING_VERBS + r")\b(?!\s+by\b)", re.IGNORECASE
)
#: "Moscow's mayor", "the North Caucasus region's capital of Makhachkala": whose, not where.
_POSSESSIVE_AFTER = re.compile(
    r"^(?:\s+(?:region|province|republic|state|oblast|district|city|town|country|government|army|military)['\u2019]s?|['\u2019]s?)\b",
    re.IGNORECASE,
)
#: After a possessive, a part of the town within a few words ("'s Kyivskyi district", "'s
#: central business district", "'s Vnukovo airport").
#: A town's part named after the town: "(in the Kyiv) suburb of Bucha", "neighbourhood of Solino".
#: (Not "the Izmail district of Ukraine's Odesa region": a district of a region is the town's.)
_NAMED_PART_AFTER = re.compile(
    r"^\s+(?:suburb|neighbou?rhood|district|commune)\s+of\s+(?:the\s+)?(?-i:[A-Z])"
    r"(?![\w-]*(?:['\u2019]s\b|\s+(?:region|oblast|province|state|county|governorate|krai)\b))",
    re.IGNORECASE,
)
_NAMED_PART_BEFORE = re.compile(r"(?-i:[A-Z])[\w'\u2019-]*\s+(?:suburb|neighbou?rhood|district|commune)\s+of\s+$", re.IGNORECASE)
_PART_OF_TOWN_AFTER = re.compile(
    r"^['\u2019]s?\s+(?:[\w-]+\s+){0,3}?(?:district|neighbou?rhoods?|suburbs?|outskirts|cent(?:re|er)|quarter|area|"
    r"port|airport|camp|market|square|street|township|business district|old town|downtown|"
    # what is struck in a town: "hit Kyiv's central railway station", "bombed Mariupol's drama theatre"
    r"(?:railway |train |bus |metro |power |filling |petrol |gas )?station|theat(?:re|er)|hospital|school|bridge|"
    r"airfield|air ?base|(?:oil |fuel )?depot|refinery|(?:power |thermal |nuclear )?plant|factory|shipyard|substation|"
    r"dam|harbou?r|seaport|apartment (?:block|building)|residential (?:building|block|area)s?|shopping (?:cent(?:re|er)|mall)|"
    r"mall|cathedral|church|museum|university|dormitor(?:y|ies)|cafe|restaurant|hotel|stadium|grain terminal|terminal)\b",
    re.IGNORECASE,
)
#: A locative preposition right before a name.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|inside|around)\s+(?:the\s+)?$", re.IGNORECASE)
#: "the war in Ukraine": the setting of a war, not where this event happened.
_WAR_IN = re.compile(r"\b(?:war|conflict|invasion|occupation|crisis|aggression)\s+(?P<prep>in|on|against|of)\s+(?:the\s+)?$", re.IGNORECASE)
#: "drove 200 troops into Bangladesh", "fled into Poland": where they went, not where it happened.
_FLIGHT_INTO = re.compile(
    r"\b(?:fled|flee|flees|fleeing|drove|driven|drive|pushed|forced|crossed|escaped|retreated|spilled)\b(?:\s+[\w'\u2019-]+){0,8}?\s+(?:into|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A name followed by one of these is another feature that shares the town's or
#: region's name ("the Dnipro river", "the Kakhovka reservoir"): not the place.
_FEATURE_AFTER = re.compile(r"\s*(?:rivers?|riverbanks?|river banks?|reservoirs?|lakes?|canals?|valley|gorge|mountains|range)\b", re.IGNORECASE)
#: A sea named as a modifier ("the Black Sea port of Odesa", "the Black Sea Fleet"): not where.
_SEA_MODIFIER_AFTER = re.compile(r"\s*(?:ports?|port hub|coast|coastline|fleet|resorts?|cit(?:y|ies)|region|grain corridor)\b", re.IGNORECASE)
#: A town named as the centre of an area of operations ("the Pokrovsk direction"):
#: ACLED's geo_precision 2, near the town.
_AREA_AFTER = re.compile(r"\s*(?:direction|axis|sector|front|area|outskirts|environs|suburbs)\b", re.IGNORECASE)
#: A name made an adjective by a hyphen ("the Moscow-built bridge", "a Kyiv-based
#: group", "Tehran-backed militias"): it says who built or backs, not where.
_COMPOUND_AFTER = re.compile(
    r"-(?:built|based|backed|led|made|funded|financed|owned|born|bred|controlled|allied|aligned|linked|friendly|"
    r"installed|appointed|supported|sponsored|trained|armed|supplied|brokered|mediated|style|era|bound)\b",
    re.IGNORECASE,
)
#: A name in apposition to a place word ("the centre of the capital, Nairobi, ..."):
#: it stands where the place word stands.
_APPOSITION = re.compile(
    r"(?:\bthe\s+)?(?:capital|city|town|village|port city|regional capital|provincial capital)\s*,\s*$", re.IGNORECASE
)
#: A name that qualifies the place word after it ("the Donetsk settlements of Blahodatne
#: and Neskuchne"): the names after "of" are where, not this one.
_HEAD_OF_AFTER = re.compile(
    r"^\s+(?:settlements|villages|towns|cities|communities|village|town|settlement|city)\s+of\b", re.IGNORECASE
)
#: People named by their town ("Kiev residents took to the streets", "Gaza
#: residents fled"): the town is where they are, as "in Kiev" would say.
_RESIDENTS_AFTER = re.compile(r"\s+(?:residents|inhabitants|locals|villagers|townspeople|citizens|protesters|demonstrators)\b", re.IGNORECASE)
_LIST_AFTER = re.compile(r"\s*(?:,|and\b|і\b|й\b|та\b|и\b)")
#: (A town's word may stand between a name and the joiner: "Kherson city and Antonivka".)
_LIST_GAP = re.compile(r"^(?:\s+(?:city|town))?\s*(?:,|,?\s+and|,?\s+or|,?\s+(?:і|й|та|и|або|или)(?:\s+(?:у|в|на|по|над|біля|под|під|около))?)(?:\s+the)?\s*$")

# --- Russian and Ukrainian (see the module docstring) ---------------------------------------
_CYR_WORD = r"[\w'\u2019\u02bc-]+"
_CYR_LOCATIVE_WORDS = sorted(CYRILLIC_LOCATIVE_PREPOSITIONS, key=len, reverse=True)
_CYR_PREPOSITION_AT_END = LazyPattern(
    r"(?<!\w)("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _CYR_LOCATIVE_WORDS)
    + r"|" + CYRILLIC_TO_PREPOSITIONS + r"|" + CYRILLIC_BLOCKING_PREPOSITIONS + r")$",
    re.IGNORECASE,
)
_CYR_PREPOSITION_REACH = max(map(len, _CYR_LOCATIVE_WORDS)) + 8
_CYR_TO = frozenset(CYRILLIC_TO_PREPOSITIONS.split("|"))
_CYR_COUNTRY_PREPOSITIONS = frozenset({"у", "в", "во", "по всій", "по всей", "на території", "на территории"})
_CYR_TRANSPARENT = LazyPattern(r"(?<!\w)(?:" + CYRILLIC_TRANSPARENT + r")\s*$", re.IGNORECASE)
_CYR_INSTITUTION_BEFORE = LazyPattern(r"(?<!\w)(?:" + CYRILLIC_INSTITUTION_WORDS + r")\s+$", re.IGNORECASE)
_CYR_INSTITUTION_AFTER = LazyPattern(
    r"^\s*(?:ОВА|ОДА|МВА|ВЦА|міськрад\w*|горсовет\w*|облрад\w*|облсовет\w*|обласн\w+ (?:рад\w*|адміністраці\w*|прокуратур\w*)|"
    r"областн\w+ (?:дум\w*|администраци\w*|прокуратур\w*)|міськ\w+ (?:рад\w*|голов\w*)|городск\w+ (?:совет\w*|администраци\w*|глав\w*))(?!\w)",
    re.IGNORECASE,
)
_CYR_ACCORDING = LazyPattern(
    r"(?<!\w)(?:за даними|за словами|за інформацією|згідно з|по данным|по словам|по информации|согласно|"
    r"як повідоми\w*|як повідомля\w*|как сообщи\w*|как сообща\w*)[^,;.]{0,60}$",
    re.IGNORECASE,
)
_CYR_REPORTER_AFTER = LazyPattern(r"^\s*(?:" + _CYR_WORD + r"\s+){0,2}?(?:" + CYRILLIC_REPORTING_VERBS + r")(?!\w)", re.IGNORECASE)
#: A street, a river, a reservoir of that name: "вулиця Київська", "річка Дніпро".
_CYR_FEATURE_BEFORE = LazyPattern(
    r"(?<!\w)(?:річк\w*|річц\w*|рік[аиуі]|река|реки|реке|реку|водосховищ\w*|водохранилищ\w*|озер\w*|канал\w*|вулиц\w*|улиц\w*|"
    r"проспект\w*|провулк\w*|переулк\w*|площ\w*|вул\.|ул\.|просп\.|шосе|шоссе|трас\w*)\s+$",
    re.IGNORECASE,
)
_CYR_AREA_AFTER = LazyPattern(r"\s*(?:напрям\w*|направлени\w*|ділянц\w*|участк\w*|околиц\w*|окрестност\w*)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Role:
    """How one mention stands in its sentence.

    Attributes
    ----------
    kind : str
        ``locative`` (where something is), ``to`` (destination: a location only
        for movements), ``bare`` (no preposition: a location only next to the
        event's words), ``blocked`` (against/from/by ...), ``reporter`` (who
        reported or an institution's name), ``possessive``, ``demonym``.
    precision : int
        ACLED geo_precision the preposition implies for a town (1 in, 2 near).
    preposition : str or None
        The preposition before the name, lower-cased.
    at : int
        Offset of the name in its sentence.
    group : int
        Names in one list (``near Ust-Luga and Novorossiysk``) share a group
        number: the index of the list's first name.
    """

    kind: str
    precision: int = 1
    preposition: str | None = None
    at: int = -1
    group: int = -1


def mention_roles(sentence: str, spans: Sequence[tuple[int, int, bool, str]]) -> list[Role]:
    """The :class:`Role` of each place name in ``sentence``.

    Parameters
    ----------
    sentence : str
        The sentence text.
    spans : sequence of (start, end, demonym, kind)
        The mentions in the sentence, in text order: offsets within ``sentence``,
        whether it is a demonym and its place kind.

    Returns
    -------
    list of Role
        One per span, same order.
    """
    roles: list[Role] = []
    cyrillic = has_cyrillic(sentence)
    role_of = _role_cyrillic if cyrillic else _role
    area_after = _CYR_AREA_AFTER if cyrillic else _AREA_AFTER
    for index, (start, end, demonym, kind) in enumerate(spans):
        # Roles are built directly (not dataclasses.replace): this runs for every name
        # of every sentence that reports an event.
        kind_, precision, preposition = role_of(sentence, start, end, demonym, kind)
        if (kind_ == "bare" or (kind_ == "blocked" and preposition in _LIST_JOINERS)) and not demonym:
            # A list that began with names the gazetteer lacks: "у районах населених пунктів
            # Попів Яр, Золотий Колодязь, Маяк": Маяк shares the preposition of the list.
            tail = _UNKNOWN_LIST_TAIL.search(sentence, max(0, start - 300), start)
            if tail is not None and tail.start() > 0:
                listed = role_of(sentence, tail.start(), end, demonym, kind)
                if listed[0] == "locative":
                    kind_, precision, preposition = listed
        if kind_ == "bare" and not demonym and kind == "city":
            unknown = _UNKNOWN_BEFORE_DISTRICT.search(sentence, max(0, start - 60), start)
            if unknown is not None and not any(e == unknown.end("name") for _, e, _, _ in spans[:index]):
                # ACLED notes: "shelled Kopyliv (Makariv, Kyiv)", a village the data lacks named
                # with its district: the event is near the district's town
                kind_, precision, preposition = role_of(sentence, unknown.start("name"), end, demonym, kind)
                if kind_ == "locative":
                    precision = 2
                else:
                    kind_, precision, preposition = "bare", 2, None  # "shelled Kopyliv (Makariv, Kyiv)"
        if kind_ == "locative" and area_after.match(sentence, end):
            precision = 2  # "in the Pokrovsk direction": around the town, not in it
        if not demonym and kind_ != "locative" and _BANK_BEFORE.search(sentence, max(0, start - 60), start):
            kind_, precision, preposition = "locative", 2, "on"  # "on the left bank of the Dnipro": along it
        role = Role(kind_, precision, preposition, start, index)
        if index and kind_ in ("bare", "blocked") and not demonym:
            _, prev_end, prev_demonym, _ = spans[index - 1]
            previous = roles[-1]
            if not prev_demonym and _LIST_GAP.match(sentence[prev_end:start]) and previous.kind in ("locative", "to", "blocked", "reporter", "bare"):
                # "near Ust-Luga and Novorossiysk": the list shares its preposition.
                role = Role(previous.kind, previous.precision, previous.preposition, start, previous.group)
        roles.append(role)
    return roles


#: A river's bank before its name: "on the left bank of the", "на лівому березі", "на левом берегу":
#: the event is along the river (its name alone says where only as "near").
_BANK_BEFORE = re.compile(
    r"(?:\b(?:on|along|across|to|at|near|from)\s+(?:the\s+)?(?:(?:left|right|eastern|western|southern|northern|"
    r"east|west|south|north|opposite|other)\s+)?(?:banks?|shores?|riverbanks?)\s+of\s+(?:the\s+)?(?:river\s+)?"
    r"|(?<!\w)(?:на|по|уздовж|вздовж|вдоль|біля|около|з|с)\s+(?:\w+\s+)?(?:берез[іеа]|берегу|берега|берегах|берегам)"
    r"\s+(?:(?:річки|ріки|реки)\s+)?)$",
    re.IGNORECASE,
)
#: A capitalised name, or a short list of them (not places the data knows: checked by the
#: caller), and the opening parenthesis of the district and region after it: "Kopyliv (",
#: "Zavody and Kamianka (" before "Izium, Kharkiv)".
_UNKNOWN_BEFORE_DISTRICT = re.compile(
    r"(?P<name>\b(?-i:[A-ZА-ЯІЇЄҐ])[\w'\u2019-]+)(?:(?:,\s*|\s+(?:and|і|та|и)\s+)(?-i:[A-ZА-ЯІЇЄҐ])[\w'\u2019-]+){0,4}\s*\($"
)
#: Words that join a list's last name ("..., Chernihov and Chernovtsy"): no blocking preposition there.
_LIST_JOINERS = frozenset({"and", "і", "й", "та", "и"})
#: Capitalised list items (names the gazetteer lacks) right before a name: "Попів Яр, Золотий Колодязь, ".
_UNKNOWN_LIST_TAIL = re.compile(
    r"(?:(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*(?:\s+(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*){0,2}(?:\s*,\s*|\s+(?:and|і|й|та|и)\s+))+$"
)


def _role(sentence: str, start: int, end: int, demonym: bool, kind: str) -> tuple[str, int, str | None]:
    """``(kind, precision, preposition)`` of one name (see :class:`Role`)."""
    if demonym:
        return ("demonym", 1, None)
    after = sentence[end : end + 60]
    if _POSSESSIVE_AFTER.match(after):
        if _PART_OF_TOWN_AFTER.match(after):
            if _LOCATIVE_BEFORE.search(sentence, max(0, start - 16), start):
                # "in Nairobi's central business district", "in Port-au-Prince's Carrefour-Feuilles
                # neighbourhood": in a part of the town, so in the town
                return ("locative", 1, "in")
            if kind != "country":
                # "struck Odesa's port", "bombed Mariupol's drama theatre": what was hit is in the
                # town, which stands where the target would (the object of the event's verb)
                return ("bare", 1, None)
        return ("possessive", 1, None)
    if _NAMED_PART_AFTER.match(after):
        # "in the Kyiv suburb of Bucha", "the Port-au-Prince neighbourhood of Solino": whose
        # part; the part named after it is where (when the data has it)
        return ("possessive", 1, None)
    if _COMPOUND_AFTER.match(after) or _HEAD_OF_AFTER.match(after):
        return ("blocked", 1, None)
    if kind != "sea" and _FEATURE_AFTER.match(after):
        return ("blocked", 1, None)
    if kind == "sea" and _SEA_MODIFIER_AFTER.match(after):
        return ("blocked", 1, None)
    before = sentence[max(0, start - 80) : start]
    if kind != "country" and _PEOPLE_OF.search(before) and not _REPORTER_AFTER.match(after):
        # "abducted the mayor of Melitopol", "residents of Kherson held a rally": where they
        # are; "the mayor of Kharkiv said" stays a reporter
        return ("locative", 1, "of")
    if _GUARDING.search(before):
        # "a patrol ship that had been guarding the Kerch Strait": where the target was
        return ("locative", 2, "near")
    if kind == "city" and _CAMPUS_OF.search(before):
        # "kidnapped on the campus of the University of Calabar": a university is in its town
        return ("locative", 1, "at")
    institution = _INSTITUTION_BEFORE.search(before) if _may_end_institution(before) else None
    if ("according to" in before.lower() and _ACCORDING.search(before)) or (
        # "the Security Service of Ukraine", "officials in Kharkiv said"; but
        # "police in Moscow detained" is where the detentions were.
        institution and (institution.group("prep").lower() != "in" or _REPORTER_AFTER.match(after))
    ):
        return ("reporter", 1, None)
    if _REPORTER_AFTER.match(after) and not _LIST_AFTER.match(after):
        return ("reporter", 1, None)
    war = _WAR_IN.search(before)
    if war is not None and not (kind == "city" and war.group("prep").lower() == "in"):
        # A town is where "a protest against the war in Moscow" was held; a country
        # or region after "the war in" is only the war's setting.
        return ("blocked", 1, None)
    if _FLIGHT_INTO.search(before):
        return ("to", 1, "into")
    appositive = _APPOSITION.search(before)
    if appositive is not None:
        return _role(sentence, start - (len(before) - appositive.start()), end, demonym, kind)
    stripped = _strip_transparent(before)
    if kind != "country" and _RESIDENTS_AFTER.match(after) and _preposition_at_end(stripped) is None:
        return ("locative", 1, None)
    of_head = _OF_HEAD.search(stripped)
    if of_head:
        precision = 2 if of_head.group(1).lower() in ("outskirts", "vicinity", "suburbs", "suburb") else 1
        if precision == 2 and _NAMED_PART_BEFORE.search(stripped):
            precision = 1  # "the Kyiv suburb of Bucha" is Bucha, not near it
        if precision == 1:
            # "near the village of X" is near X, as "near X" is: the preposition
            # before the head word sets the precision, not "of".
            outer = _preposition_at_end(_strip_transparent(stripped[: of_head.start()]))
            if outer is not None:
                precision = LOCATIVE_PREPOSITIONS.get(re.sub(r"\s+", " ", outer.group(1).lower()), 1)
        return ("locative", precision, "of")
    match = _preposition_at_end(stripped)
    if match is None:
        return ("bare", 1, None)
    preposition = re.sub(r"\s+", " ", match.group(1).lower())
    if preposition == "to":
        return ("to", 1, "to")
    if preposition in LOCATIVE_PREPOSITIONS and preposition != "of":
        if _HEARD_BEFORE.search(stripped, max(0, match.start() - 40), match.start()):
            return ("blocked", 1, preposition)
        if kind == "country" and preposition not in _COUNTRY_PREPOSITIONS and not (
            preposition in ("at", "on") and QUARTER_BEFORE.search(before)
        ):
            # "sanctions on Russia", "talks at Turkey's invitation" are not where; "fired
            # rockets at northern Israel", "strikes on southern Lebanon" are.
            return ("blocked", 1, preposition)
        return ("locative", LOCATIVE_PREPOSITIONS[preposition], preposition)
    return ("blocked", 1, preposition)


def _role_cyrillic(sentence: str, start: int, end: int, demonym: bool, kind: str) -> tuple[str, int, str | None]:
    """:func:`_role` for a Russian or Ukrainian sentence (the rules in the module docstring)."""
    if demonym:
        return ("demonym", 1, None)
    after = sentence[end : end + 60]
    before = sentence[max(0, start - 80) : start]
    if kind != "sea" and _CYR_FEATURE_BEFORE.search(before):
        return ("blocked", 1, None)
    if _CYR_INSTITUTION_BEFORE.search(before) or _CYR_INSTITUTION_AFTER.match(after) or _CYR_ACCORDING.search(before):
        return ("reporter", 1, None)
    if _POSSESSIVE_AFTER.match(after):  # an English possessive in a mixed sentence
        return ("possessive", 1, None)
    stripped = before
    while True:
        transparent = _CYR_TRANSPARENT.search(stripped)
        if transparent is None or not transparent.group():
            break
        stripped = stripped[: transparent.start()]
    tail = stripped.rstrip()
    match = None
    if len(tail) != len(stripped):  # a preposition is followed by space
        match = _CYR_PREPOSITION_AT_END.search(tail, max(0, len(tail) - _CYR_PREPOSITION_REACH))
    if match is None:
        if _CYR_REPORTER_AFTER.match(after) and not _LIST_AFTER.match(after):
            return ("reporter", 1, None)  # "Київ заявив", "Москва сообщила"
        return ("bare", 1, None)
    preposition = re.sub(r"\s+", " ", match.group(1).lower())
    if preposition in _CYR_TO:
        return ("to", 1, "to")
    if preposition in CYRILLIC_LOCATIVE_PREPOSITIONS:
        if _HEARD_BEFORE.search(tail, max(0, match.start() - 40), match.start()):
            return ("blocked", 1, preposition)
        if kind == "country" and preposition not in _CYR_COUNTRY_PREPOSITIONS:
            return ("blocked", 1, preposition)
        return ("locative", CYRILLIC_LOCATIVE_PREPOSITIONS[preposition], preposition)
    return ("blocked", 1, preposition)


#: A compass word right before a country or region ("at northern Israel", "in southern Lebanon",
#: "northeast Lebanon"; "на півдні Харківщини" is not read): which part of it (group ``q``).
QUARTER_BEFORE = re.compile(
    r"\b(?P<q>(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+(?:part of\s+)?(?:the\s+)?$", re.IGNORECASE
)


def _strip_transparent(before: str) -> str:
    """``before`` without the words between a preposition and a name ("in the southern city of")."""
    stripped = before
    while True:
        match = _TRANSPARENT.search(stripped)
        if not match or not match.group():
            return stripped
        stripped = stripped[: match.start()]


def _preposition_at_end(stripped: str) -> re.Match[str] | None:
    """The preposition (followed by space) that ends ``stripped``, if any."""
    tail = stripped.rstrip()
    if len(tail) == len(stripped):  # a preposition is followed by space
        return None
    return _PREPOSITION_AT_END.search(tail, max(0, len(tail) - _PREPOSITION_REACH))


def _may_end_institution(before: str) -> bool:
    """Whether ``before`` ends like "Ministry of (the) ": a cheap test before the regex.

    :data:`_INSTITUTION_BEFORE` can only match when the last word (or the one
    before a final "the") is one of :data:`_INSTITUTION_PREPOSITIONS` and space
    follows it.
    """
    if not before or not before[-1].isspace():
        return False
    words = before.lower().split()[-2:]
    if not words:
        return False
    if words[-1] == "the":
        return len(words) == 2 and words[0] in _INSTITUTION_PREPOSITIONS
    return words[-1] in _INSTITUTION_PREPOSITIONS
