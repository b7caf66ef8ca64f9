"""Event classification: which ACLED type a clause reports (rules in :mod:`.rules`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from geomap.extract.rules import DISORDER_TYPES, EVENT_TYPES, RULES, WEAPONS, Rule, _ATTACK

__all__ = ["Trigger", "classify", "disorder_type", "weapon_near"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words of a clause that report an event, and the event's type.

    ``start``/``end`` are offsets within the text given to :func:`classify`.
    """

    start: int
    end: int
    event_type: str
    sub_event_type: str
    rule: Rule

    @property
    def disorder_type(self) -> str:
        return disorder_type(self.event_type, self.sub_event_type)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED disorder type of an event type.

    Examples
    --------
    >>> disorder_type("Protests", "Peaceful protest")
    'Demonstrations'
    """
    found = DISORDER_TYPES.get((event_type, sub_event_type)) or DISORDER_TYPES.get((event_type, None))
    if found is None:
        raise KeyError(f"no disorder type for {event_type!r} / {sub_event_type!r}")
    return found


def _expand(pattern: str) -> str:
    return (
        pattern.replace("{WEAPON_AIR}", WEAPONS["Air/drone strike"])
        .replace("{WEAPON_SHELL}", WEAPONS["Shelling/artillery/missile attack"])
        .replace("{WEAPON_IED}", WEAPONS["Remote explosive/landmine/IED"])
        .replace("{ATTACK}", _ATTACK)
    )


@cache
def compiled_rules() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    """Every rule of :data:`RULES` compiled (once), highest priority first."""
    out = []
    for rule in sorted(RULES, key=lambda r: -r.priority):
        if rule.sub_event_type not in EVENT_TYPES.get(rule.event_type, ()):
            raise ValueError(f"rule {rule.pattern!r}: {rule.event_type!r}/{rule.sub_event_type!r} is not an ACLED type")
        out.append((re.compile(r"\b(?:" + _expand(rule.pattern) + r")\b", re.IGNORECASE), rule))
    return tuple(out)


@cache
def _weapon_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((sub, re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)) for sub, pattern in WEAPONS.items())


def weapon_near(text: str, position: int) -> tuple[str, int] | None:
    """The weapon family named nearest to ``position`` in ``text``.

    Returns
    -------
    (str, int) or None
        The Explosions/Remote violence sub-type and the distance in characters.
    """
    best: tuple[str, int] | None = None
    for sub, pattern in _weapon_patterns():
        for match in pattern.finditer(text):
            distance = min(abs(match.start() - position), abs(match.end() - position))
            if best is None or distance < best[1]:
                best = (sub, distance)
    return best


def classify(clause: str, *, sentence: str = "", offset: int = 0, context: Sequence[str] = ()) -> list[Trigger]:
    """Find the events a clause reports.

    Parameters
    ----------
    clause : str
        The clause text.
    sentence : str
        The whole sentence (for weapon words outside the clause).
    offset : int
        Offset of ``clause`` within ``sentence``.
    context : sequence of str
        Earlier sentences of the article, nearest last (for ``these attacks``).

    Returns
    -------
    list of Trigger
        At most one trigger per clause: the highest-priority rule that matches
        (ties go to the earliest match). Empty when nothing matches.

    Examples
    --------
    >>> [t.sub_event_type for t in classify("Russian drones struck Kharkiv overnight")]
    ['Air/drone strike']
    >>> [t.sub_event_type for t in classify("attacks on tankers", context=["underwater mines exploded"])]
    ['Remote explosive/landmine/IED']
    """
    best: tuple[int, int, re.Match[str], Rule] | None = None
    for pattern, rule in compiled_rules():
        if best is not None and rule.priority < best[0]:
            break
        match = pattern.search(clause)
        if match and (best is None or match.start() < best[1]):
            best = (rule.priority, match.start(), match, rule)
    if best is None:
        return []
    _, _, match, rule = best
    event_type, sub_type = rule.event_type, rule.sub_event_type
    if rule.generic:
        weapon = None
        if sentence:
            weapon = weapon_near(sentence, offset + match.start())
        else:
            weapon = weapon_near(clause, match.start())
        if weapon is None:
            for earlier in reversed(context[-3:]):
                weapon = weapon_near(earlier, len(earlier))
                if weapon:
                    break
        if weapon is not None:
            event_type, sub_type = "Explosions/Remote violence", weapon[0]
    return [Trigger(match.start(), match.end(), event_type, sub_type, rule)]
