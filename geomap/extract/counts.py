"""Counts in a sentence: killed, injured, and other quantities that matter.

ACLED records the lowest figure reported: ``at least 3`` and ``more than 200``
give 3 and 200. Vague words follow ACLED's convention for fatalities:
``several``/``many`` → 10, ``dozens`` → 12, ``hundreds`` → 100,
``thousands`` → 1000; ``a dozen`` → 12. A figure shared by killed *and* wounded
(``killed or wounded several hundred``) is no count of either and is dropped.

Other quantities go in a dict keyed ``<thing>_<action>``:
``drones_intercepted``, ``drones_launched``, ``missiles_intercepted``,
``troops_deployed``, and ``drones_targeting`` for the share aimed at one place
(``337 drones, with 91 targeting the Moscow region``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geomap.extract.dates import date_spans

__all__ = ["Counts", "count_items", "find_counts", "parse_number"]

_UNITS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    )
}
_TENS = {w: 10 * i for i, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w != "_"}
_VAGUE = {"several": 10, "many": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

#: Words that may start a number (besides digits and hyphenated tens: "twenty-one").
_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_VAGUE) | {"a", "an", "dozen"}

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[A-Za-z]+(?:[-'\u2019][A-Za-z]+)*|[^\w\s]")

_KILLED = frozenset(["killed", "dead", "died", "fatality", "fatalities", "death", "deaths", "dying", "lives", "bodies"])
_KILL_VERBS = frozenset(["killed", "killing", "kills", "kill", "claimed"])
_INJURED = frozenset(["injured", "wounded", "injuries", "injury", "hurt", "wounds"])
_INJURE_VERBS = frozenset(["injured", "injuring", "injures", "wounded", "wounding", "wounds"])
_TOLL = frozenset(["toll"])
#: Words a count may skip on its way to its noun or verb.
_STOP = frozenset([",", ";", ":", "(", ")", ".", "and", "or", "but", "while", "as", "which", "who"]) | {"\u2014"}

_THINGS = {
    "drones": "drones",
    "drone": "drones",
    "uavs": "drones",
    "uav": "drones",
    "shaheds": "drones",
    "missiles": "missiles",
    "missile": "missiles",
    "rockets": "missiles",
    "troops": "troops",
    "soldiers": "troops",
    "personnel": "troops",
    "servicemen": "troops",
    "shells": "shells",
    "bombs": "bombs",
}
_ACTIONS = {
    "intercepted": "intercepted",
    "downed": "intercepted",
    "destroyed": "intercepted",
    "neutralised": "intercepted",
    "neutralized": "intercepted",
    "down": "intercepted",  # "shot down"
    "launched": "launched",
    "fired": "launched",
    "deployed": "deployed",
    "stationed": "deployed",
    "sent": "deployed",
    "redeployed": "deployed",
    "targeting": "targeting",
    "targeted": "targeting",
    "aimed": "targeting",
}


@dataclass(slots=True)
class Counts:
    """Counts found in one sentence (None: not reported)."""

    fatalities: int | None = None
    injured: int | None = None
    quantities: dict[str, int] = field(default_factory=dict)


def parse_number(tokens: list[str], i: int) -> tuple[int, int, bool] | None:
    """Read a number starting at ``tokens[i]``.

    Returns
    -------
    (int, int, bool) or None
        The value, the index after it and whether it was a vague word
        (``dozens``); None when no number starts there.

    Examples
    --------
    >>> parse_number(["11,000", "troops"], 0)
    (11000, 1, False)
    >>> parse_number(["two", "hundred", "people"], 0)
    (200, 2, False)
    >>> parse_number(["dozens", "of"], 0)
    (12, 1, True)
    """
    word = tokens[i].lower()
    if word[0].isdigit():
        try:
            value = int(float(word.replace(",", "")))
        except ValueError:
            return None
        j = i + 1
    elif word in _VAGUE:
        return _VAGUE[word], i + 1, True
    elif word in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].lower() == "dozen":
        return 12, i + 2, False
    elif word == "dozen":
        return 12, i + 1, False
    else:
        value = _word_number(word)
        if value is None:
            return None
        j = i + 1
    if j < len(tokens) and tokens[j].lower() in _SCALES:
        value *= _SCALES[tokens[j].lower()]
        j += 1
    return value, j, False


def _word_number(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return None


def find_counts(sentence: str) -> Counts:
    """Find killed, injured and other quantities in one sentence.

    Parameters
    ----------
    sentence : str
        One sentence.

    Returns
    -------
    Counts

    Examples
    --------
    >>> find_counts("resulting in at least one fatality and three injuries")
    Counts(fatalities=1, injured=3, quantities={})
    >>> find_counts("more than 200 wounded North Korean soldiers were taken to a hospital").injured
    200
    >>> find_counts("may have killed or wounded several hundred soldiers")
    Counts(fatalities=None, injured=None, quantities={})
    >>> find_counts("it intercepted a total of 337 drones, with 91 targeting the Moscow region").quantities
    {'drones_intercepted': 337, 'drones_targeting': 91}
    """
    counts = Counts()
    for kind, key, value, _ in count_items(sentence):
        if kind == "fatalities":
            counts.fatalities = value if counts.fatalities is None else max(counts.fatalities, value)
        elif kind == "injured":
            counts.injured = value if counts.injured is None else max(counts.injured, value)
        else:
            counts.quantities.setdefault(key, value)
    return counts


def count_items(sentence: str) -> list[tuple[str, str, int, int]]:
    """Every count in ``sentence`` with where it stands.

    Returns
    -------
    list of (kind, key, value, position)
        ``kind`` is ``fatalities``, ``injured`` or ``quantity`` (then ``key``
        names it, e.g. ``drones_intercepted``); ``position`` is the character
        offset of the number in ``sentence``, so a sentence reporting two
        events can give each its own counts.
    """
    matches = list(_TOKEN.finditer(sentence))
    tokens = [m.group() for m in matches]
    lower = [t.lower() for t in tokens]
    items: list[tuple[str, str, int, int]] = []
    last_thing: str | None = None
    # Digits inside "3 May 2025" or "since 2022" are a date, never a count
    # ("Shelling on May 3, 2025 killed four": four, not 2025).
    spans = date_spans(sentence) if any(t[0].isdigit() for t in tokens) else ()
    i = 0
    while i < len(tokens):
        word = lower[i]
        if spans and word[0].isdigit() and any(a <= matches[i].start() < b for a, b in spans):
            i += 1
            continue
        # Most words start no number: skip them before parse_number's work.
        number = parse_number(tokens, i) if word[0].isdigit() or word in _NUMBER_WORDS or "-" in word else None
        if number is None:
            thing = _THINGS.get(lower[i])
            if thing:
                last_thing = thing
            i += 1
            continue
        value, j, _vague = number
        if j < len(tokens) and tokens[j] == "-" and matches[j].start() == matches[j - 1].end():
            i = j  # "a 65-year-old man", "a 9-storey building": not a count
            continue
        kind = _classify(lower, i, j)
        position = matches[i].start()
        if kind == "killed":
            items.append(("fatalities", "fatalities", value, position))
        elif kind == "injured":
            items.append(("injured", "injured", value, position))
        elif kind is None:
            key = _quantity(lower, i, j, last_thing)
            if key is not None:
                items.append(("quantity", key, value, position))
            thing = _thing_after(lower, j)
            if thing:
                last_thing = thing
        i = j
    for match in _ONE_PERSON.finditer(sentence):
        kind = "fatalities" if (match.group("kill") or match.group("killed") or "").lower().startswith(_KILL_STARTS) else "injured"
        if not any(k == kind for k, *_ in items):
            items.append((kind, kind, 1, match.start()))
    return items


#: How the verbs of killing in :data:`_ONE_PERSON` begin (the rest injure).
_KILL_STARTS = ("kill", "die", "dead", "shot", "shooting", "gunned", "murdered", "executed", "stabbed")
_PERSON = (
    r"(?:man|woman|child|boy|girl|baby|infant|civilian|soldier|person|resident|teenager|pensioner|driver|officer|"
    r"serviceman|servicewoman|volunteer|journalist|reporter|photographer|medic|doctor|nurse|paramedic|rescuer|"
    r"firefighter|policeman|policewoman|official|politician|mayor|governor|commander|deputy|judge|priest|farmer|"
    r"worker|employee|guard|passer-by|passenger|student|fighter|militant|activist|bystander|father|mother|son|daughter|"
    r"husband|wife|chief|elder|leader|imam|teacher|lawyer|blogger)"
)
#: "killed a 65-year-old man", "a woman was injured", "injuring his driver": one
#: person, no number.
_ONE_PERSON = re.compile(
    r"\b(?:(?P<kill>killed|killing|shot dead|shooting dead|gunned down|murdered|executed|stabbed to death|injured|injuring|wounded|wounding)\s+(?:a|an|one|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?" + _PERSON
    + r"|(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?" + _PERSON + r"\s+(?:was|has been|had been)\s+(?P<killed>killed|injured|wounded|hurt|died))\b",
    re.IGNORECASE,
)


def _classify(lower: list[str], i: int, j: int) -> str | None:
    """``"killed"``, ``"injured"``, ``"both"`` (dropped) or None for the number at i:j."""
    found: set[str] = set()
    # forward: "3 people were killed", "one fatality", "200 wounded soldiers"
    for k in range(j, min(j + 6, len(lower))):
        word = lower[k]
        if word in _STOP and not (word in ("and", "or") and found):
            break
        if parse_number(lower, k) is not None and not lower[k].startswith(("a", "an")):
            break
        if word in _KILLED:
            found.add("killed")
        elif word in _INJURED:
            found.add("injured")
        if found and k + 2 < len(lower) and lower[k + 1] == "or" and lower[k + 2] in (_KILLED | _INJURED):
            return "both"
        if found:
            break
    if not found:
        # backward: "killing two", "injuring five", "the death toll rose to 5"
        for k in range(i - 1, max(i - 5, -1), -1):
            word = lower[k]
            if word in _STOP:
                break
            if word in _KILL_VERBS or (word in _TOLL):
                found.add("killed")
            elif word in _INJURE_VERBS:
                found.add("injured")
            if found:
                if k >= 2 and lower[k - 1] == "or" and lower[k - 2] in (_KILL_VERBS | _INJURE_VERBS):
                    return "both"
                if k + 2 < len(lower) and lower[k + 1] == "or" and lower[k + 2] in (_KILL_VERBS | _INJURE_VERBS):
                    return "both"
                break
    if len(found) == 1:
        return found.pop()
    return "both" if found else None


def _thing_after(lower: list[str], j: int) -> str | None:
    for k in range(j, min(j + 4, len(lower))):
        if lower[k] in _STOP:
            return None
        if lower[k] in _THINGS:
            return _THINGS[lower[k]]
    return None


def _quantity(lower: list[str], i: int, j: int, last_thing: str | None) -> str | None:
    """``<thing>_<action>`` for a number of drones, missiles, troops, ... or None."""
    thing = _thing_after(lower, j)
    elliptic = thing is None and i > 0 and lower[i - 1] == "with"  # "337 drones, with 91 targeting"
    if thing is None and not elliptic:
        return None
    thing = thing or last_thing
    if thing is None:
        return None
    action = None
    for k in range(i - 1, max(i - 6, -1), -1):  # "intercepted a total of 337 drones"
        if lower[k] in _STOP:
            break
        if lower[k] in _ACTIONS:
            action = _ACTIONS[lower[k]]
            break
    if action is None:  # "337 drones were shot down", "91 targeting the region"
        for k in range(j, min(j + 8, len(lower))):
            if lower[k] in _STOP and lower[k] not in ("and",):
                break
            if lower[k] in _ACTIONS:
                action = _ACTIONS[lower[k]]
                break
    return f"{thing}_{action}" if action else None
