"""ACLED-style actor names from the sides a sentence names.

A *side* is a country or demonym used for its armed forces: ``Ukrainian forces``,
``Russian and North Korean units``, ``Ukraine launched``, ``forces of Russia``.
``actor1`` is the side named before the event's words, ``actor2`` the first
other side after them. Civilians hit, protesters and police are named after the
country of the location, as ACLED does: ``Civilians (Ukraine)``,
``Protesters (Russia)``, ``Police Forces of Russia``.

Russian and Ukrainian sentences name sides mostly in words the gazetteer does
not know as places: ``ЗСУ``/``ВСУ``/``Сили оборони`` (Military Forces of
Ukraine), ``російські війська``/``окупанти``/``ворог``/``армія РФ``/``ВС РФ``
(Military Forces of Russia), ``українські дрони``, ``российские военные``.
:data:`~geomap.analysis.rules.CYRILLIC_SIDES` lists them with their country;
a country name before a verb of attack (``Росія атакувала``) or after a
force noun (``армія Росії``, ``войска России``) is a side as in English.
``цивільні``/``мирные жители``/``люди`` hit make ``Civilians (<country>)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from geomap.analysis.rules import CYRILLIC_CIVILIANS, CYRILLIC_SIDES, FORCE_NOUNS
from geomap.analysis.text import LazyPattern, has_cyrillic

__all__ = ["Side", "find_sides", "pick_actors", "state_forces"]

#: ACLED's names of state forces carry the start year of the current regime.
#: Countries not listed get ``Military Forces of <name>``.
STATE_FORCES: dict[str, str] = {
    "RU": "Military Forces of Russia (2000-)",
    "UA": "Military Forces of Ukraine (2019-)",
    "KP": "Military Forces of North Korea (2011-)",
    "BY": "Military Forces of Belarus (1994-)",
    "US": "Military Forces of the United States (2021-)",
    "IL": "Military Forces of Israel (2022-)",
    "IR": "Military Forces of Iran (1989-)",
}

_SIDE_VERBS = (
    r"launched|attacked|struck|shelled|fired|hit|trapped|encircled|captured|seized|retook|recaptured|"
    r"bombed|deployed|sent|transferred|repelled|targeted|invaded|advanced|liberated|shot|downed|began|"
    r"has begun|have begun|has effectively|has|have|had|is|was|were"
)
_AFTER_DEMONYM = re.compile(r"^\s*(?:and\s+\w+(?:\s+\w+)?\s+)?(?:\w+\s+){0,2}?(?:" + FORCE_NOUNS + r")\b", re.IGNORECASE)
_AFTER_COUNTRY = re.compile(
    r"^(?:['\u2019]s\s+(?:\w+\s+){0,2}?(?:" + FORCE_NOUNS + r")\b|\s+(?:\w+\s+){0,1}?(?:" + _SIDE_VERBS + r")\b)",
    re.IGNORECASE,
)
_BEFORE_COUNTRY = re.compile(r"(?:\b(?:" + FORCE_NOUNS + r")\s+of|\b(?:against|fighting|fought|attacking))\s+(?:the\s+)?$", re.IGNORECASE)
_CIVILIANS = re.compile(r"\b(?:civilians?|residents?|children|passers-by|people|villagers|women|pensioners)\b", re.IGNORECASE)

# --- Russian and Ukrainian -------------------------------------------------------------------
_CYR_SIDES = tuple((LazyPattern(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE), iso) for pattern, iso in CYRILLIC_SIDES.items())
_CYR_SIDE_VERBS = (
    r"атакува\w*|атакова\w*|обстріля\w*|обстреля\w*|обстрілю\w*|обстрелива\w*|вдари\w*|ударил\w*|ударя\w*|завда\w*|нанес\w*|нанесл\w*|"
    r"запусти\w*|випусти\w*|выпусти\w*|захопи\w*|захвати\w*|звільни\w*|освободи\w*|збил\w*|сбил\w*|розпоча\w*|начал\w*|"
    r"наступа\w*|просуну\w*|продвину\w*|скину\w*|сброси\w*|перекину\w*|перебросил\w*|окупува\w*|оккупирова\w*|вторгл\w*|"
    r"відбил\w*|отразил\w*|застосува\w*|применил\w*"
)
_CYR_AFTER_COUNTRY = LazyPattern(r"^\s+(?:[\w'\u2019\u02bc-]+\s+)?(?:" + _CYR_SIDE_VERBS + r")(?!\w)", re.IGNORECASE)
_CYR_BEFORE_COUNTRY = LazyPattern(
    r"(?<!\w)(?:армі\w*|арми\w*|війська|військ|войска|войск|сил[аиі]?|ВС|ЗС|ВПС|ВКС|ППО|ПВО|Міноборони|Минобороны|"
    r"Генштаб\w*|військов\w+|военн\w+|проти|против|агресі\w* |агресси\w*)\s+$",
    re.IGNORECASE,
)
_CYR_CIVILIANS = LazyPattern(r"(?<!\w)(?:" + CYRILLIC_CIVILIANS + r")(?!\w)", re.IGNORECASE)


def _cyrillic_sides(sentence: str, country_names: dict[str, str]) -> list[Side]:
    """The sides a Russian/Ukrainian sentence names in words (:data:`~geomap.analysis.rules.CYRILLIC_SIDES`)."""
    sides = []
    for pattern, iso in _CYR_SIDES:
        for match in pattern.finditer(sentence):
            sides.append(Side(match.start(), iso, country_names.get(iso, iso)))
    return sides


_COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia", "KP": "North Korea"}


@dataclass(frozen=True, slots=True)
class Side:
    """A country named as a party to the event, at ``start`` in the sentence."""

    start: int
    iso: str
    name: str


def state_forces(iso: str, name: str) -> str:
    """ACLED name of a country's military forces.

    Examples
    --------
    >>> state_forces("UA", "Ukraine")
    'Military Forces of Ukraine (2019-)'
    >>> state_forces("FR", "France")
    'Military Forces of France'
    """
    return STATE_FORCES.get(iso, f"Military Forces of {name}")


def find_sides(sentence: str, mentions: Sequence[tuple[int, int, bool, str, str | None, str]]) -> list[Side]:
    """The armed sides a sentence names.

    Parameters
    ----------
    sentence : str
        Sentence text.
    mentions : sequence of (start, end, demonym, kind, iso, name)
        Place mentions in the sentence (offsets within it); ``name`` is the
        country's name for demonyms and countries.

    Returns
    -------
    list of Side
        In text order.
    """
    sides = []
    cyrillic = has_cyrillic(sentence)
    for start, end, demonym, kind, iso, name in mentions:
        if iso is None or not (demonym or kind == "country"):
            continue
        after = sentence[end : end + 60]
        if demonym:
            ok = bool(_AFTER_DEMONYM.match(after))
        else:
            before = sentence[max(0, start - 40) : start]
            ok = bool(_AFTER_COUNTRY.match(after)) or bool(_BEFORE_COUNTRY.search(before))
            if cyrillic and not ok:
                ok = bool(_CYR_AFTER_COUNTRY.match(after)) or bool(_CYR_BEFORE_COUNTRY.search(before))
        if ok:
            sides.append(Side(start, iso, name))
    if cyrillic:
        taken = {side.start for side in sides}
        sides.extend(side for side in _cyrillic_sides(sentence, _COUNTRY_NAMES) if side.start not in taken)
        sides.sort(key=lambda side: side.start)
    return sides


def pick_actors(
    sides: Sequence[Side],
    trigger_start: int,
    *,
    event_type: str,
    sub_event_type: str,
    sentence: str,
    country_name: str | None,
    has_victims: bool,
) -> tuple[str | None, str | None]:
    """``(actor1, actor2)`` for one event.

    Parameters
    ----------
    sides : sequence of Side
        From :func:`find_sides`.
    trigger_start : int
        Where the event's words start in the sentence.
    event_type, sub_event_type : str
        The event's ACLED types.
    sentence : str
        The sentence (for civilians).
    country_name : str or None
        Country of the event's location.
    has_victims : bool
        The sentence reports people killed or injured.
    """
    where = f" ({country_name})" if country_name else ""
    if event_type == "Protests":
        return f"Protesters{where}", (f"Police Forces of {country_name}" if country_name and sub_event_type != "Peaceful protest" else None)
    if event_type == "Riots":
        return f"Rioters{where}", None
    if sub_event_type == "Arrests":
        return (f"Police Forces of {country_name}" if country_name else None), None
    before = [s for s in sides if s.start < trigger_start]
    after = [s for s in sides if s.start >= trigger_start]
    actor1_side = before[-1] if before else (after[0] if after else None)
    actor1 = state_forces(actor1_side.iso, actor1_side.name) if actor1_side else None
    actor2 = None
    for side in after + before:
        if actor1_side is None or side.iso != actor1_side.iso:
            actor2 = state_forces(side.iso, side.name)
            break
    civilians = has_victims and (
        _CIVILIANS.search(sentence) is not None or (has_cyrillic(sentence) and _CYR_CIVILIANS.search(sentence) is not None)
    )
    if country_name and (event_type == "Violence against civilians" or (civilians and actor2 is None)):
        actor2 = f"Civilians{where}"
    return actor1, actor2
