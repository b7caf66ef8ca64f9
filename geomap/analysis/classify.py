"""Event classification: which ACLED type a clause reports (rules in :mod:`.rules`).

Rules written in Cyrillic (Russian and Ukrainian) sit in the same table as the
English ones. Two gates (Aho-Corasick automata over the rules' literal words)
pick the rules worth trying: one of the English rules alone, for text without
Cyrillic letters, and one of every rule, for text with them
(:func:`~geomap.analysis.text.has_cyrillic`). English text so scans the same
automaton as before the Cyrillic rules existed; a mixed sentence (an English
report quoting Cyrillic, a Russian one naming HIMARS) gets both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from geomap.errors import ConfigurationError
from geomap.analysis.rules import (
    ATTACK_NOUNS,
    CYRILLIC_ATTACK,
    CYRILLIC_WEAPONS,
    DISORDER_TYPES,
    EVENT_TYPES,
    GENERIC_VETO,
    RULES,
    SLOT_REACH,
    SLOT_REACH_OF,
    SLOT_WORDS,
    UNREALISED,
    UNREALISED_GATED,
    WEAPONS,
    Rule,
)
from geomap.analysis.text import has_cyrillic

__all__ = ["Trigger", "candidate_rules", "classify", "clause_candidates", "disorder_type", "fill_slot", "rule_hits", "weapon_near"]


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
    #: The words name no weapon of their own: the type is the rule's default, or comes from
    #: a weapon named in the sentences before (a guess that a weapon named later may correct).
    vague: bool = False

    @property
    def disorder_type(self) -> str:
        return disorder_type(self.event_type, self.sub_event_type)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED disorder type of an event type.

    Raises
    ------
    ConfigurationError
        When :data:`~geomap.analysis.rules.DISORDER_TYPES` has no entry for the pair
        (a rule names a type the table does not know).

    Examples
    --------
    >>> disorder_type("Protests", "Peaceful protest")
    'Demonstrations'
    """
    found = DISORDER_TYPES.get((event_type, sub_event_type)) or DISORDER_TYPES.get((event_type, None))
    if found is None:
        raise ConfigurationError(
            f"geomap.analysis.rules.DISORDER_TYPES has no disorder type for {event_type!r} / {sub_event_type!r}"
        )
    return found


def is_cyrillic_rule(rule: Rule) -> bool:
    """Whether a rule is for Russian/Ukrainian text (flagged, or Cyrillic letters in its pattern)."""
    return rule.cyrillic or has_cyrillic(rule.pattern)


def _expand(pattern: str, cyrillic: bool = False) -> str:
    """``pattern`` with its placeholders replaced by the words of its language."""
    cyrillic = cyrillic or has_cyrillic(pattern)
    weapons = CYRILLIC_WEAPONS if cyrillic else WEAPONS
    return (
        pattern.replace("{WEAPON_AIR}", weapons["Air/drone strike"])
        .replace("{WEAPON_SHELL}", weapons["Shelling/artillery/missile attack"])
        .replace("{WEAPON_IED}", weapons["Remote explosive/landmine/IED"])
        .replace("{ATTACK}", CYRILLIC_ATTACK if cyrillic else ATTACK_NOUNS)
    )


class _CompiledRules(Sequence):
    """:data:`RULES` by priority as ``(compiled pattern, rule)`` pairs, each compiled on first use.

    A run tries only the rules :func:`rule_hits` lets through (a few dozen of 125
    for a day of English news), so most patterns are never compiled: compiling
    them all took a tenth of a second of every ``geomap extract``.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._rules = tuple(rules)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._rules)

    @property
    def rules(self) -> tuple[Rule, ...]:
        """The rules in the same order, without compiling anything."""
        return self._rules

    def __len__(self) -> int:
        return len(self._rules)

    def __getitem__(self, index: int) -> tuple[re.Pattern[str], Rule]:  # type: ignore[override]
        rule = self._rules[index]
        compiled = self._compiled[index]
        if compiled is None:
            try:
                compiled = re.compile(_rule_text(rule), re.IGNORECASE)
            except re.error as err:
                raise ConfigurationError(f"rule {rule.pattern!r}: not a valid regular expression ({err})") from err
            self._compiled[index] = compiled
        return compiled, rule


def _rule_text(rule: Rule) -> str:
    """The regular expression a rule stands for: its pattern expanded, between word boundaries."""
    return r"\b(?:" + _expand(rule.pattern, rule.cyrillic) + r")\b"


@cache
def compiled_rules() -> Sequence[tuple[re.Pattern[str], Rule]]:
    """Every rule of :data:`RULES`, highest priority first, as ``(compiled pattern, rule)``.

    Each pattern is compiled when first looked up (:class:`_CompiledRules`).

    Raises
    ------
    ConfigurationError
        Naming the rule, when one names no ACLED type; when its pattern is looked
        up, if it does not compile.
    """
    for rule in RULES:
        if rule.sub_event_type not in EVENT_TYPES.get(rule.event_type, ()):
            raise ConfigurationError(
                f"rule {rule.pattern!r}: {rule.event_type!r}/{rule.sub_event_type!r} is not an ACLED type"
            )
    return _CompiledRules(sorted(RULES, key=lambda r: -r.priority))


def _necessary(items) -> frozenset[str] | None:
    """Strings one of which every match of a parsed regex sequence must contain.

    Walks the parse tree of :mod:`re` (``re._parser``): each mandatory element of
    the sequence gives a set (a run of literal letters: that word; a group of
    alternatives: the union of what each alternative needs); the set whose
    shortest string is longest is kept, as the most selective. None when nothing
    is certain.
    """
    from re import _constants as c

    candidates: list[frozenset[str]] = []
    word: list[str] = []

    def close() -> None:
        if word:
            candidates.append(frozenset({"".join(word).lower()}))
            word.clear()

    for op, av in items:
        if op is c.LITERAL and chr(av).isalnum():
            word.append(chr(av))
            continue
        close()
        if op is c.SUBPATTERN:
            found = _necessary(av[-1])
        elif op is c.BRANCH:
            parts = [_necessary(branch) for branch in av[1]]
            found = None if any(p is None for p in parts) else frozenset().union(*parts)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            found = _necessary(av[2])
        else:
            found = None
        if found:
            candidates.append(found)
    close()
    if not candidates:
        return None
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)))


def _literals(rule: Rule) -> frozenset[str]:
    """Lower-case strings one of which every match of ``rule``'s pattern contains.

    Raises
    ------
    ConfigurationError
        Naming the rule, when its pattern is not a valid regular expression (or
        when it has no literal word to be found by).
    """
    from re import _parser

    try:
        found = _necessary(_parser.parse(_rule_text(rule), re.IGNORECASE))
    except re.error as err:
        raise ConfigurationError(f"rule {rule.pattern!r}: not a valid regular expression ({err})") from err
    if not found:
        raise ConfigurationError(f"rule {rule.pattern!r} has no literal word to index it by")
    return found


@cache
def _gate(cyrillic: bool = False):
    """An Aho-Corasick automaton from each rule's literals to the rules that hold them.

    Matching 40 regular expressions against every clause is the slow part of
    extraction; most sentences report nothing. One pass of the automaton over the
    lower-cased sentence says which rules could match at all (a match must contain
    one of its pattern's literal letter runs), and only those are tried.

    Parameters
    ----------
    cyrillic : bool
        False: the English (Latin-script) rules only; True: every rule, for
        text with Cyrillic letters.
    """
    import ahocorasick

    automaton = ahocorasick.Automaton()
    table: dict[str, set[int]] = {}
    for index, rule in enumerate(compiled_rules().rules):
        if not cyrillic and is_cyrillic_rule(rule):
            continue  # not parsed either: English text never needs it
        for literal in _literals(rule):
            table.setdefault(literal, set()).add(index)
    for literal, indices in table.items():
        automaton.add_word(literal, (literal, frozenset(indices)))
    automaton.make_automaton()
    return automaton


def candidate_rules(text: str) -> list[int]:
    """Indices (into :func:`compiled_rules`) of the rules that could match ``text``."""
    found: set[int] = set()
    for _end, (_word, indices) in _gate(has_cyrillic(text)).iter(text.lower()):
        found |= indices
    return sorted(found)


def rule_hits(text: str) -> list[tuple[int, int, frozenset[int]]]:
    """Where in ``text`` each rule literal stands: ``(start, end, rule indices)``.

    One pass over a sentence serves all its clauses (:func:`clause_candidates`).
    Empty when no rule could match anywhere in ``text``.
    """
    lower = text.lower()
    automaton = _gate(has_cyrillic(text))
    if len(lower) != len(text):  # then clause_candidates tests each clause on its own
        # Lower-casing changed the length ("İ"): offsets would not fit the text,
        # so the whole text stands for every hit.
        found = frozenset(i for _end, (_word, indices) in automaton.iter(lower) for i in indices)
        return [(0, len(text), found)] if found else []
    return [(end + 1 - len(word), end + 1, indices) for end, (word, indices) in automaton.iter(lower)]


def clause_candidates(text: str, hits: Sequence[tuple[int, int, frozenset[int]]], clause: tuple[int, int]) -> list[int]:
    """The rules that could match ``text[clause[0]:clause[1]]``, from :func:`rule_hits` of ``text``.

    The same as :func:`candidate_rules` of the clause, without another pass.
    """
    start, end = clause
    if not text.isascii() and len(text.lower()) != len(text):  # see rule_hits
        return candidate_rules(text[start:end])
    found: set[int] = set()
    for hit_start, hit_end, indices in hits:
        if start <= hit_start and hit_end <= end:
            found |= indices
    return sorted(found)


@cache
def _veto() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + GENERIC_VETO + r")\b", re.IGNORECASE)


@cache
def _unrealised() -> re.Pattern[str]:
    # Anchored at the end of the text before a match (searched from a short window).
    return re.compile(r"\b(?:" + UNREALISED + r")$", re.IGNORECASE)


@cache
def _unrealised_gated() -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    return tuple((gate, re.compile(r"\b(?:" + words + r")$", re.IGNORECASE)) for gate, words in UNREALISED_GATED)


def _denied(text: str, lo: int, at: int) -> bool:
    """Whether words of :data:`~geomap.analysis.rules.UNREALISED` (and its gated part) end ``text[lo:at]``."""
    if _unrealised().search(text, lo, at):
        return True
    window = None
    for gate, pattern in _unrealised_gated():
        if window is None:
            window = text[lo:at].lower()
        if any(word in window for word in gate) and pattern.search(text, lo, at):
            return True
    return False


#: How far before an event's words :data:`~geomap.analysis.rules.UNREALISED` is looked for.
_UNREALISED_REACH = 80


def _realised(
    pattern: re.Pattern[str], clause: str, rule: Rule, sentence: str = "", offset: int = 0
) -> tuple[int, int, str | None] | None:
    """The first match of ``pattern`` in ``clause`` not preceded by words that deny it.

    For a rule with a slot, the first whose slot is filled too (:func:`fill_slot`):
    in the clause, or for a slot of :data:`~geomap.analysis.rules.SLOT_REACH_OF`
    anywhere within its reach in ``sentence`` (``clause`` starting at ``offset``).

    Returns
    -------
    (int, int, str or None) or None
        Where the event's words start and end (the trigger and its slot's
        words), and the weapon's sub-type when the ``weapon`` slot filled it.
    """
    for match in pattern.finditer(clause):
        start, end = match.span()
        filled = None
        if rule.slot is not None:  # the slot first: most matches of a slot rule fail it
            filled = fill_slot(rule.slot, clause, start, end)
            if filled is None and sentence and any(spec.rstrip("<>") in SLOT_REACH_OF for spec in rule.slot.split("|")):
                filled = fill_slot(rule.slot, sentence, offset + start, offset + end)
                if filled is not None:
                    filled = (filled[0], max(0, filled[1] - offset), max(0, filled[2] - offset))
            if filled is None:
                continue
        # Looked for in the sentence when the event's words open their clause: the words that
        # deny may stand before a comma that split it ("It was not the drunken, opportunistic
        # looting"); else in the clause (shorter, and so quicker).
        text, at = (sentence, offset + start) if sentence and start < _UNREALISED_REACH // 2 else (clause, start)
        if _denied(text, max(0, at - _UNREALISED_REACH), at):
            continue
        if filled is None:
            return start, end, None
        # A slot before the trigger is part of the event's words ("missile attack"); one
        # after it is not ("attacked Kharkiv with drones": the place stands between).
        kind, slot_start, _slot_end = filled
        return min(start, slot_start), end, kind or None
    return None


_WORD = re.compile(r"[\w'\u2019\u02bc-]+")


def _reach(clause: str, start: int, end: int, reach: tuple[int, int] = SLOT_REACH) -> tuple[int, int]:
    """Where the words within ``reach`` (before, after) of ``clause[start:end]`` begin and end."""
    before, after = reach
    window = max(0, start - 25 * before)
    left = [m.start() for m in _WORD.finditer(clause, window, start)]
    if len(left) >= before:
        low = left[-before]
    else:
        low = window if window == 0 else (left[0] if left else start)
    high = end
    for count, word in enumerate(_WORD.finditer(clause, end, end + 25 * after), start=1):
        high = word.end()
        if count == after:
            break
    return low, high


#: Group names of :func:`_weapon_union` and the weapon families they stand for.
_WEAPON_GROUPS = {f"w{i}": sub for i, sub in enumerate(WEAPONS)}


@cache
def _weapon_union() -> re.Pattern[str]:
    """Every weapon word (English and Cyrillic) in one pattern, a named group per family.

    One scan finds the weapon nearest a trigger (:func:`fill_slot`, :func:`weapon_near`);
    at one position the first family listed in :data:`~geomap.analysis.rules.WEAPONS` wins.
    """
    groups = (
        f"(?P<w{i}>" + pattern + "|" + CYRILLIC_WEAPONS[sub] + ")" for i, (sub, pattern) in enumerate(WEAPONS.items())
    )
    return re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.IGNORECASE)


@cache
def _slot_pattern(name: str) -> re.Pattern[str]:
    try:
        words = SLOT_WORDS[name]
    except KeyError:
        raise ConfigurationError(f"no slot {name!r} in geomap.analysis.rules.SLOT_WORDS") from None
    return re.compile(r"(?<!\w)(?:" + words + r")(?!\w)", re.IGNORECASE)


def fill_slot(slot: str, clause: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The words of ``slot`` beside the trigger ``clause[start:end]``, if any.

    Parameters
    ----------
    slot : str
        A rule's slot (:class:`~geomap.analysis.rules.Rule`): a name of
        :data:`~geomap.analysis.rules.SLOT_WORDS`, with ``>`` (after the trigger
        only) or ``<`` (before it only); alternatives joined by ``|``.

    Returns
    -------
    (str, int, int) or None
        None when the slot is empty. Else what filled it: the weapon's sub-type
        for the ``weapon`` slot (the weapon nearest the trigger), ``""`` for the
        others; and where those words start and end in ``clause``.

    Examples
    --------
    >>> clause = "struck the centre of Kharkiv with guided bombs"
    >>> fill_slot("weapon", clause, 0, 6)
    ('Air/drone strike', 34, 46)
    >>> fill_slot("aerial>", "20 drones were shot down", 15, 24) is None
    True
    """
    for spec in slot.split("|"):
        side = spec[-1] if spec[-1] in "<>" else ""
        name = spec.rstrip("<>")
        low, high = _reach(clause, start, end, SLOT_REACH_OF.get(name, SLOT_REACH))
        spans = [(low, start)] if side == "<" else [(end, high)] if side == ">" else [(low, start), (end, high)]
        best: tuple[int, str, int, int] | None = None
        pattern = _weapon_union() if name == "weapon" else _slot_pattern(name)
        for lo, hi in spans:
            for match in pattern.finditer(clause, lo, hi):
                distance = start - match.end() if hi == start else match.start() - end
                if best is None or distance < best[0]:
                    kind = _WEAPON_GROUPS[match.lastgroup] if name == "weapon" else ""
                    best = (distance, kind, match.start(), match.end())
        if best is not None:
            return best[1], best[2], best[3]
        if name == "weapon" and side != "<":
            # "struck a Ukrainian arms depot in Lviv region with cruise missiles": the instrument
            # after "with" belongs to the verb however far along the clause it stands
            for instrument in _WITH.finditer(clause, end):
                match = _weapon_union().search(clause, instrument.start(), instrument.end())
                if match is not None:
                    return _WEAPON_GROUPS[match.lastgroup], match.start(), match.end()
    return None


#: "with" and the three words after it, where an instrument stands ("with two Neptune missiles").
_WITH = re.compile(r"\b(?:with|using)(?:\s+[\w-]+){1,3}", re.IGNORECASE)


def weapon_near(text: str, position: int) -> tuple[str, int] | None:
    """The weapon family named nearest to ``position`` in ``text``.

    Returns
    -------
    (str, int) or None
        The Explosions/Remote violence sub-type and the distance in characters.
    """
    best: tuple[str, int] | None = None
    for match in _weapon_union().finditer(text):
        distance = min(abs(match.start() - position), abs(match.end() - position))
        if best is None or distance < best[1]:
            best = (_WEAPON_GROUPS[match.lastgroup], distance)
    return best


def classify(
    clause: str,
    *,
    sentence: str = "",
    offset: int = 0,
    context: Sequence[str] = (),
    rules_to_try: Sequence[int] | None = None,
) -> list[Trigger]:
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
    rules_to_try : sequence of int, optional
        Indices of the rules that may match (:func:`candidate_rules` of the
        sentence, computed once for all its clauses); all plausible ones if None.

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
    best: tuple[int, int, int, Rule, str | None] | None = None
    rules = compiled_rules()
    for index in candidate_rules(clause) if rules_to_try is None else rules_to_try:
        pattern, rule = rules[index]
        if best is not None and rule.priority < best[0]:
            break
        found = _realised(pattern, clause, rule, sentence, offset)
        if found and (best is None or found[0] < best[1]):
            best = (rule.priority, found[0], found[1], rule, found[2])
    if best is None:
        return []
    _, start, end, rule, weapon_type = best
    event_type, sub_type = rule.event_type, rule.sub_event_type
    if weapon_type is not None:
        event_type, sub_type = "Explosions/Remote violence", weapon_type
    if rule.generic and _veto().search(clause):
        return []
    vague = False
    if rule.generic:
        weapon = None
        if sentence:
            weapon = weapon_near(sentence, offset + start)
        else:
            weapon = weapon_near(clause, start)
        vague = weapon is None
        if weapon is None:
            for earlier in reversed(context[-3:]):
                weapon = weapon_near(earlier, len(earlier))
                if weapon:
                    break
        if weapon is not None:
            event_type, sub_type = "Explosions/Remote violence", weapon[0]
    return [Trigger(start, end, event_type, sub_type, rule, vague)]
