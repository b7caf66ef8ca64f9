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

Russian and Ukrainian sentences (:func:`~geomap.analysis.text.has_cyrillic`)
are read by the same logic: their words are first mapped to the English words
it knows (:data:`CYRILLIC_WORDS` for whole words and numerals,
:data:`CYRILLIC_STEMS` for inflected stems), so ``загинули двоє людей`` reads as
"killed 2 people", ``поранено 12`` as "injured 12", ``щонайменше``/``не менее``
leave the lowest figure, ``кілька``/``несколько`` are *several* (10) and
``десятки`` *dozens* (12). ``збили 45 з 60 дронів`` gives
``drones_intercepted`` 45 and ``drones_launched`` 60 (the figure after ``з``/
``из`` is the whole salvo). English sentences never see this mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geomap.analysis.dates import date_spans
from geomap.analysis.text import LazyPattern, has_cyrillic

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

_KILLED = frozenset(
    ["killed", "dead", "died", "fatality", "fatalities", "death", "deaths", "dying", "lives", "bodies", "murdered", "executed",
     "massacred", "slain"]
)  # fmt: skip
_KILL_VERBS = frozenset(["killed", "killing", "kills", "kill", "claimed", "murdered", "murdering", "executed", "executing", "massacred"])
#: Security-service words for killing ("three saboteurs were eliminated"): a count of the
#: killed only when the number counts armed people (not "eliminated 25 drones").
_ELIMINATED = frozenset(["eliminated", "liquidated"])
_ARMED_PEOPLE = frozenset(
    ["suspects", "saboteurs", "militants", "terrorists", "fighters", "insurgents", "gunmen", "attackers", "soldiers",
     "servicemen", "agents", "members", "jihadists", "rebels", "bandits", "infiltrators", "mercenaries", "assailants"]
)  # fmt: skip
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
    cyrillic = has_cyrillic(sentence)
    if cyrillic:
        lower, spans_ = _cyrillic_tokens(sentence)
        tokens = lower
    else:
        matches = list(_TOKEN.finditer(sentence))
        tokens = [m.group() for m in matches]
        lower = [t.lower() for t in tokens]
        spans_ = [m.span() for m in matches]
    items: list[tuple[str, str, int, int]] = []
    last_thing: str | None = None
    # Digits inside "3 May 2025" or "since 2022" are a date, never a count
    # ("Shelling on May 3, 2025 killed four": four, not 2025).
    spans = date_spans(sentence) if any(t[0].isdigit() for t in tokens) else ()
    i = 0
    while i < len(tokens):
        word = lower[i]
        if spans and word[0].isdigit() and any(a <= spans_[i][0] < b for a, b in spans):
            i += 1
            continue
        if word == "one" and i and lower[i - 1] == "no":
            i += 1  # "no one was hurt": nobody (:data:`_NO_HARM`)
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
        if j < len(tokens) and (tokens[j] == _YEARS or lower[j] in _DURATIONS):
            i = j  # "жінку 67 років": an age; "several hours ago", "three days of fighting": a time
            continue
        if j < len(tokens) and tokens[j] == "-" and spans_[j][0] == spans_[j - 1][1]:
            i = j  # "a 65-year-old man", "a 9-storey building": not a count
            continue
        kind = _classify(lower, i, j)
        position = spans_[i][0]
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
        verb = match.group("kill") or match.group("killed") or match.group("died") or ""
        kind = "fatalities" if verb.lower().startswith(_KILL_STARTS) else "injured"
        if not any(k == kind for k, *_ in items):
            items.append((kind, kind, 1, match.start()))
    for match in _AGE_LIST.finditer(sentence):
        # "a 33-year-old and a 56-year-old man were wounded", "поранені 33-річний та 56-річний чоловіки"
        around = sentence[max(0, match.start() - 40) : match.end() + 40]
        verb = _AGE_VERB.search(around)
        if verb is None:
            continue
        kind = "injured" if verb.group("hurt") else "fatalities"
        if not any(k == kind for k, *_ in items):
            items.append((kind, kind, len(_AGE.findall(match.group())), match.start()))
    lowered = sentence.lower()
    if "toll" in lowered and not any(k == "fatalities" for k, *_ in items):
        # "The death toll from Monday's strike on a shopping centre rose to 20"
        rose = _TOLL_ROSE.search(sentence)
        if rose is not None:
            number = parse_number(_TOKEN.findall(rose.group("n")), 0)
            if number is not None:
                items.append(("fatalities", "fatalities", number[0], rose.start("n")))
    for match in _NO_HARM.finditer(sentence) if any(word in lowered for word in _NO_HARM_WORDS) else ():
        # "there were no casualties", "ніхто не постраждав": a count of none
        kinds = ("fatalities", "injured") if match.group("all") or match.group("all_c") else ("injured",)
        for kind in kinds:
            if not any(k == kind for k, *_ in items):
                items.append((kind, kind, 0, match.start()))
    if cyrillic:
        for match in _CYRILLIC_ONE_PERSON.finditer(sentence):
            verb = (match.group("kill") or match.group("killed") or "").lower()
            kind = "fatalities" if verb.startswith(_CYRILLIC_KILL_STARTS) else "injured"
            if not any(k == kind for k, *_ in items):
                items.append((kind, kind, 1, match.start()))
    return items


#: Reports that nobody was harmed: ``all`` for no casualties at all (killed or hurt),
#: otherwise nobody hurt.
_NO_HARM = re.compile(
    r"\b(?:(?P<all>no (?:casualties|victims|deaths|fatalities)|without casualties|nobody was (?:killed|hurt|injured)|"
    r"no one (?:else )?was (?:killed|hurt|injured))|no (?:injuries|one (?:else )?was (?:hurt|injured|wounded)|one (?:hurt|injured)|reports of injuries)|"
    r"nobody was (?:hurt|injured|wounded))\b"
    r"|(?<!\w)(?P<all_c>без жертв|жертв немає|жертв нет|ніхто не постраждав|никто не пострадал|обійшлося без постраждалих|"
    r"обошлось без пострадавших|постраждалих немає|пострадавших нет|без постраждалих|без пострадавших)(?!\w)",
    re.IGNORECASE,
)

#: A death toll that rose to a figure, however far from the word "toll".
_TOLL_ROSE = re.compile(
    r"\bdeath toll\b[^.;]{0,120}?\b(?:rose|risen|climbed|jumped|reached|increased|grew|now stands|stands|stood)\s+(?:to|at)\s+"
    r"(?:at least\s+|more than\s+|over\s+)?(?P<n>\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b",
    re.IGNORECASE,
)

#: Words one of which :data:`_NO_HARM` needs (a cheap test before the pattern).
_NO_HARM_WORDS = ("no ", "nobody", "without", "без ", "ніхто", "никто", "немає", "нет")

#: People counted by their ages: "a 33-year-old and a 56-year-old man", "33-річний та 56-річний чоловіки".
_AGE_WORDS = r"\d{1,3}\s?-?\s?(?:year-old|річн\w*|летн\w*)"
_AGE = re.compile(_AGE_WORDS, re.IGNORECASE)
_AGE_LIST = re.compile(
    # "a 52-year-old man and his 13-year-old son", "52-летний местный житель и его 13-летний сын"
    rf"(?:\b(?:a|an)\s+)?{_AGE_WORDS}(?:(?:\s+[^\W\d_]+){{0,2}}?\s*(?:,|,?\s+and|\s+та|\s+і|\s+й|\s+и)\s+"
    rf"(?:(?:a|an|his|her|their|його|її|їхній|їхня|их|его|ее|её)\s+)?{_AGE_WORDS})+",
    re.IGNORECASE,
)
#: The verb that says what befell them, near the list.
_AGE_VERB = re.compile(
    r"(?P<hurt>\b(?:wounded|injured|hurt)\b|(?<!\w)(?:поранен\w*|поранил\w*|травмован\w*|ранен\w*|ранил\w*|постраждал\w*|пострадал\w*)(?!\w))"
    r"|\b(?:killed|died|dead)\b|(?<!\w)(?:загинул\w*|загинув|загибл\w*|погибл\w*|погиб|помер\w*|умер\w*|вбит\w*|убит\w*)(?!\w)",
    re.IGNORECASE,
)

#: How the verbs of killing in :data:`_ONE_PERSON` begin (the rest injure).
_KILL_STARTS = ("kill", "die", "dead", "shot", "shooting", "gunned", "murdered", "executed", "stabbed")
_PERSON = (
    r"(?:man|woman|child|boy|girl|baby|infant|civilian|soldier|person|resident|teenager|pensioner|driver|officer|"
    r"serviceman|servicewoman|volunteer|journalist|reporter|photographer|medic|doctor|nurse|paramedic|rescuer|"
    r"firefighter|policeman|policewoman|official|politician|mayor|governor|commander|deputy|judge|priest|farmer|"
    r"worker|employee|guard|passer-by|passenger|student|fighter|militant|activist|bystander|father|mother|son|daughter|"
    r"husband|wife|chief|elder|leader|imam|teacher|lawyer|blogger)"
)
#: "killed a 65-year-old man", "a woman was injured", "injuring his driver", "the
#: driver was killed", "a 50-year-old man died of wounds": one person, no number.
_ONE_PERSON = re.compile(
    r"\b(?:(?P<kill>killed|killing|shot dead|shooting dead|gunned down|murdered|executed|stabbed to death|injured|injuring|wounded|wounding)\s+(?:a|an|one|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?" + _PERSON
    + r"|(?:a|an|one|the)\s+(?:[\w-]+\s+){0,2}?" + _PERSON + r"\s+(?:(?:was|has been|had been)\s+(?P<killed>killed|injured|wounded|hurt|died)"
    # "A 50-year-old man died of wounds sustained in the attack", "a woman later died in hospital"
    + r"|(?:later\s+|subsequently\s+)?(?P<died>died)(?!\s+(?:down|out|away|of\s+(?:natural|old|a\s+heart|cancer|covid)))))\b",
    re.IGNORECASE,
)


# --- Russian and Ukrainian ---------------------------------------------------------------

#: Marks "з"/"из" between two figures ("45 з 60"): the second is the whole salvo.
#: No English token can be this string.
_OUT_OF = "\x00of"
#: An age's unit ("67 років", "45 лет"): the figure before it is no count.
_YEARS = "\x00years"
#: Units of time: a number before one is a duration, never a count of people.
_DURATIONS = frozenset(["seconds", "minutes", "hours", "days", "nights", "weeks", "months", "hour", "day", "night", "week", "month"])


def _numerals() -> dict[str, str]:
    """Russian and Ukrainian numerals, in their case forms, as digit strings."""
    table = {
        1: "один одна одне одно одного одну одній одним однієї одной одному",
        2: "два дві две двох двом двома двоє двое двух двум двумя",
        3: "три трьох трьом трьома троє трое трех трёх трем тремя",
        4: "чотири чотирьох чотирьом четверо четыре четырех четырёх",
        5: "п'ять п'ятеро п'ятьох пять пятеро пяти пятерых",
        6: "шість шестеро шістьох шести шесть шестерых",
        7: "сім семеро сімох семи семь семерых",
        8: "вісім восьмеро вісьмох восьми восемь восьмерых",
        9: "дев'ять дев'ятеро дев'ятьох девять девяти девятеро",
        10: "десять десятеро десяти десятьох",
        11: "одинадцять одиннадцать",
        12: "дванадцять двенадцать",
        13: "тринадцять тринадцать",
        14: "чотирнадцять четырнадцать",
        15: "п'ятнадцять пятнадцать",
        16: "шістнадцять шестнадцать",
        17: "сімнадцять семнадцать",
        18: "вісімнадцять восемнадцать",
        19: "дев'ятнадцять девятнадцать",
        20: "двадцять двадцать",
        30: "тридцять тридцать",
        40: "сорок сорока",
        50: "п'ятдесят пятьдесят",
        60: "шістдесят шестьдесят",
        70: "сімдесят семьдесят",
        80: "вісімдесят восемьдесят",
        90: "дев'яносто девяносто",
        100: "сто сотня",
        200: "двісті двести",
        300: "триста",
    }
    out = {}
    for value, words in table.items():
        for word in words.split():
            out[word] = str(value)
            if word.endswith("ь"):  # "п'ятнадцяти", "пятнадцати": the genitive
                out[word[:-1] + "и"] = str(value)
    return out


#: Whole Russian/Ukrainian words and what they read as in :func:`count_items`.
CYRILLIC_WORDS: dict[str, str] = {
    **_numerals(),
    **dict.fromkeys(["кілька", "декілька", "несколько", "кількох", "нескольких"], "several"),
    **dict.fromkeys(["багато", "много", "чимало", "многие", "багатьох", "многих"], "many"),
    **dict.fromkeys(["десятки", "десятків", "десятков"], "dozens"),
    **dict.fromkeys(["сотні", "сотни", "сотень"], "hundreds"),
    **dict.fromkeys(["тисяч", "тисячі", "тысяч", "тысячи", "тис", "тыс"], "thousand"),
    **dict.fromkeys(["мільйон", "мільйона", "мільйонів", "миллион", "миллиона", "миллионов", "млн"], "million"),
    **dict.fromkeys(["і", "й", "та", "и"], "and"),
    **dict.fromkeys(["або", "или", "чи"], "or"),
    **dict.fromkeys(["але", "а", "но", "однак", "однако"], "but"),
    **dict.fromkeys(["які", "який", "яка", "яких", "которые", "который", "которых", "що", "что"], "which"),
    **dict.fromkeys(["поки", "пока"], "while"),
    **dict.fromkeys(["жертв", "жертви", "жертвами", "жертвы"], "killed"),
    # "оба ... погибли", "обидва загинули": both
    **dict.fromkeys(["оба", "обе", "обоих", "обидва", "обидві", "обоє", "обох"], "2"),
    # "несколько часов назад": a time, not a count
    **dict.fromkeys(["часов", "часа", "час", "годин", "години", "годину", "минут", "хвилин", "суток", "сутки", "доби", "діб"], "hours"),
    **dict.fromkeys(["дней", "дня", "днів", "дні", "день", "ночей", "ночі"], "days"),
    **dict.fromkeys(["недель", "недели", "неделю", "тижнів", "тижні", "тиждень", "месяцев", "месяца", "місяців", "місяці"], "weeks"),
    **dict.fromkeys(["тіла", "тіл", "тела", "тел"], "bodies"),
    # "жінку 67 років", "мужчина 45 лет": an age, not a count
    **dict.fromkeys(["років", "роки", "рік", "лет", "года", "год", "річна", "річний", "річну", "річного", "летняя", "летний", "летнего", "летнюю"], "\x00years"),
}

#: Stems of inflected Russian/Ukrainian words and the English word they read as
#: (the longest stem that starts a word wins).
CYRILLIC_STEMS: dict[str, str] = {
    # killed
    "загин": "killed", "загибл": "killed", "загибел": "killed", "погиб": "killed", "гибел": "killed",
    "вбит": "killed", "вбив": "killed", "вбил": "killed", "убит": "killed", "убил": "killed",
    "помер": "died", "умер": "died", "мертв": "dead", "смерт": "deaths",
    # injured
    "поранен": "injured", "поранил": "injured", "поранив": "injured", "ранен": "injured", "ранил": "injured",
    "травмован": "injured", "травмув": "injured", "травм": "injured", "постражд": "injured", "пострада": "injured",
    "контуз": "injured",
    # things
    "дрон": "drones", "безпілотн": "drones", "беспилотн": "drones", "бпла": "drones", "убпла": "drones",
    "шахед": "drones", "ракет": "missiles", "снаряд": "shells", "бомб": "bombs", "авіабомб": "bombs",
    "авиабомб": "bombs", "каб": "bombs", "військовослужб": "troops", "военнослужащ": "troops", "солдат": "troops",
    "бійц": "troops", "бойц": "troops",
    # actions
    "збил": "intercepted", "збив": "intercepted", "збит": "intercepted", "сбил": "intercepted", "сбит": "intercepted",
    "знешкод": "intercepted", "перехоп": "intercepted", "перехвач": "intercepted", "перехват": "intercepted",
    "знищ": "intercepted", "уничтож": "intercepted", "подавл": "intercepted", "приземл": "intercepted",
    "запуст": "launched", "випуст": "launched", "выпуст": "launched", "атакува": "launched", "атакова": "launched",
    "перекину": "deployed", "перекинув": "deployed", "переброс": "deployed", "передислок": "deployed",
    "передисло": "deployed", "розгорну": "deployed", "разверну": "deployed", "спрямова": "targeting",
}
#: Stems that :data:`CYRILLIC_STEMS` would misread ("каб" is not "кабінет").
_EXACT_ONLY = frozenset({"каб"})
_STEM_LENGTHS = sorted({len(stem) for stem in CYRILLIC_STEMS}, reverse=True)

_CYRILLIC_TOKEN = LazyPattern(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:[-'\u2019\u02bc][^\W\d_]+)*|[^\w\s]")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_TENS_VALUES = frozenset(str(10 * i) for i in range(2, 10))


def _cyrillic_word(word: str) -> str:
    """What a lower-cased Russian/Ukrainian word reads as (itself when unknown)."""
    word = word.replace("\u2019", "'").replace("\u02bc", "'")
    found = CYRILLIC_WORDS.get(word)
    if found is not None:
        return found
    for length in _STEM_LENGTHS:
        if length <= len(word):
            stem = word[:length]
            found = CYRILLIC_STEMS.get(stem)
            if found is not None and (stem not in _EXACT_ONLY or len(word) <= length + 3):
                return found
    return word


def _cyrillic_tokens(sentence: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Tokens of a Russian/Ukrainian sentence in the English vocabulary, with their spans.

    "двадцять п'ять" is one token "25"; "1 200" one token "1200"; "1,5" reads 1.5;
    "з"/"из" between two figures is :data:`_OUT_OF`.
    """
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for match in _CYRILLIC_TOKEN.finditer(sentence):
        token, span = match.group(), match.span()
        if token[0].isdigit():
            if "," in token and not _THOUSANDS.fullmatch(token):
                token = token.replace(",", ".")  # a decimal comma: "1,5 тисячі"
            if words and words[-1].isdigit() and len(token) == 3 and token.isdigit() and span[0] - spans[-1][1] == 1 and len(words[-1]) <= 3 and sentence[spans[-1][1]] in " \u00a0\u202f":
                words[-1] += token  # "1 200": a space between thousands
                spans[-1] = (spans[-1][0], span[1])
                continue
            words.append(token)
        else:
            word = _cyrillic_word(token.lower())
            if word.isdigit() and words and words[-1] in _TENS_VALUES and int(word) < 10:
                words[-1] = str(int(words[-1]) + int(word))  # "двадцять п'ять"
                spans[-1] = (spans[-1][0], span[1])
                continue
            words.append(word)
        spans.append(span)
    for k in range(1, len(words) - 1):
        if words[k] in ("з", "із", "из") and words[k - 1][0].isdigit() and words[k + 1][0].isdigit():
            words[k] = _OUT_OF
    return words, spans


_CYRILLIC_PERSON = (
    r"(?:чоловік|чоловіка|жінка|жінку|дитина|дитину|хлопчик|хлопчика|дівчинка|дівчинку|підліток|підлітка|пенсіонер|"
    r"пенсіонера|пенсіонерка|пенсіонерку|цивільний|цивільного|мешканець|мешканця|мешканка|мешканку|водій|водія|"
    r"військовий|військового|військовослужбовець|військовослужбовця|поліцейський|поліцейського|рятувальник|рятувальника|"
    r"медик|медика|волонтер|волонтера|журналіст|журналіста|людина|хлопець|хлопця|юнак|юнака|дівчина|дівчину|"
    r"парень|парня|юноша|юношу|девушка|девушку|"
    r"мужчина|мужчину|женщина|женщину|реб[её]нок|реб[её]нка|мальчик|мальчика|девочка|девочку|подросток|подростка|"
    r"пенсионер|пенсионера|пенсионерка|пенсионерку|житель|жителя|жительница|жительницу|водитель|водителя|военный|"
    r"военного|военнослужащий|военнослужащего|полицейский|полицейского|спасатель|спасателя)"
)
_CYRILLIC_HARM = (
    r"(?P<{g}>загинув|загинула|погиб|погибла|вбит[аоий]?|вбили|убит[аоый]?|убили|помер|померла|умер|умерла|"
    r"поранен(?:а|ий|о|ого|у)?|поранили|ранен[аоый]?|ранили|травмован(?:а|ий|о|ого|у)?|постраждав|постраждала|"
    r"пострадал[а]?|отримав поранення|отримала поранення|получил ранения|получила ранения|дістав поранення|дістала поранення)"
)
#: "загинула жінка", "поранено чоловіка", "мужчина получил ранения": one person, no number.
_CYRILLIC_ONE_PERSON = LazyPattern(
    r"(?<!\w)(?:" + _CYRILLIC_HARM.format(g="kill") + r"\s+(?:[\w'\u2019\u02bc-]+\s+){0,2}?" + _CYRILLIC_PERSON
    # an age between commas: "Хлопця, 17 років, поранено"
    + r"|" + _CYRILLIC_PERSON + r",?\s+(?:[\w'\u2019\u02bc-]+,?\s+){0,3}?" + _CYRILLIC_HARM.format(g="killed") + r")(?!\w)",
    re.IGNORECASE,
)
_CYRILLIC_KILL_STARTS = ("загин", "погиб", "вбит", "вбил", "убит", "убил", "помер", "умер")


def _classify(lower: list[str], i: int, j: int) -> str | None:
    """``"killed"``, ``"injured"``, ``"both"`` (dropped) or None for the number at i:j."""
    found: set[str] = set()
    # forward: "3 people were killed", "one fatality", "200 wounded soldiers"; an aside
    # between commas is skipped ("a family of nine, including two children, was murdered")
    k, end = j, min(j + 6, len(lower))
    while k < end:
        word = lower[k]
        if word == "," and k + 1 < len(lower) and lower[k + 1] in _ASIDES:
            close = _aside_end(lower, k + 1)
            if close is not None:
                end = min(close + 6, len(lower))
                k = close + 1
                continue
        if word in ("who", "that") and k + 1 < end and lower[k + 1] in _BE:
            k += 1  # "three women who were injured": the relative clause says what befell them
            continue
        if word in _STOP and not (word in ("and", "or") and found):
            break
        if parse_number(lower, k) is not None and not lower[k].startswith(("a", "an")):
            break
        if word in _KILLED or (word in _ELIMINATED and j < len(lower) and lower[j] in _ARMED_PEOPLE):
            found.add("killed")
        elif word in _INJURED:
            found.add("injured")
        if found and k + 2 < len(lower) and lower[k + 1] == "or" and lower[k + 2] in (_KILLED | _INJURED):
            return "both"
        if found:
            break
        k += 1
    if not found:
        # backward: "killing two", "injuring five", "the death toll rose to 5"
        for k in range(i - 1, max(i - 5, -1), -1):
            word = lower[k]
            if word in _STOP:
                break
            if word in _KILL_VERBS or word in _TOLL or (word == "dead" and k and lower[k - 1] in ("shot", "shooting")):
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


#: Forms of "to be" (and "to get") after a relative pronoun: "who were killed", "that got hurt".
_BE = frozenset(["was", "were", "had", "have", "has", "got", "are", "is"])

#: Words that open an aside between a count and its verb ("nine, including two children, were").
_ASIDES = frozenset(["including", "among", "mostly", "most", "many", "all", "mainly"])


def _aside_end(lower: list[str], k: int) -> int | None:
    """Where the comma closing the aside that starts at ``lower[k]`` stands (within 12 words), if any."""
    for m in range(k, min(k + 12, len(lower))):
        if lower[m] == ",":
            return m
        if lower[m] in (".", ";", ":", "(", ")"):
            return None
    return None


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
    if i >= 2 and lower[i - 1] == _OUT_OF:  # "збили 45 з 60 дронів": 60 were launched
        return f"{thing}_launched"
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
