"""The date of an event, from the words of its sentence and the publication date.

Relative words (``yesterday``, ``on Thursday``, ``overnight``, ``last week``) need
the publication date; without one they give no date (never an invented one).
Absolute dates (``on 15 April 2022``, ``March 3, 2024``, ``2024-03-03``) need
none when they carry a year. ACLED's time precision: 1 the day is known, 2 within
a week, 3 only the month.

Conventions (documented because ACLED leaves room):

* ``overnight``, ``last night``, ``tonight``, ``this morning``: the publication
  day (reports say "overnight" of the night that ends on the day they appear).
  ``last night`` is the day before.
* ``on <weekday>``: the last such weekday on or before publication.
* ``last week``: publication date minus seven days, precision 2;
  ``this week``, ``in recent days``, ``recently``: publication date, precision 2.
* ``in <month>`` / ``last month``: the first day of that month, precision 3; a
  month without a year is the latest one not after publication.
* No date words at all: the publication date, precision 2 (the report says the
  event is recent, not which day).

Russian and Ukrainian sentences (:func:`~geomap.analysis.text.has_cyrillic`)
are read with the same conventions: ``вчора``/``вчера`` (yesterday);
``сьогодні``/``сегодня``, ``вночі``/``ночью``, ``вранці``/``утром`` (the
publication day); ``минулої ночі``/``прошлой ночью`` (last night: the day
before); ``у понеділок``/``в понедельник`` and the other weekdays (``в ніч на
суботу``: the Saturday); ``23 листопада``/``23 ноября`` with an optional year
(``2024 року``/``2024 года``) and ``23.11.2024``; ``у листопаді``/``в ноябре``
(precision 3); ``минулого тижня``/``на прошлой неделе`` and
``цього тижня``/``на этой неделе``/``останніми днями`` (precision 2). Month
names are lower-case in both languages, so no capital is asked of them; a year
named in passing (``у 2022 році``, ``в 2022 году``, ``минулого року``) makes a
sentence background as in English. English sentences never try these patterns.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from geomap.analysis.text import LazyPattern, has_cyrillic

__all__ = ["DISCOURSE_KINDS", "date_spans", "find_date", "is_discourse", "resolve_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Most specific first: the first pattern that matches in a sentence wins.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"),
        ("mdy", rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
        ("same_day", r"\b(?:the same (?:day|night|evening|morning|afternoon)|later (?:that|the same) day|that (?:same )?(?:day|night|evening|morning|afternoon))\b"),
        ("day_before", r"\b(?:the (?:day|night|evening) before|the previous (?:day|night|evening)|a day (?:earlier|before)|the preceding day)\b(?! (?:yesterday|last))"),
        ("day_after", r"\b(?:the (?:next|following) (?:day|morning|night|evening)|a day later|the day after)\b"),
        ("yesterday", r"\byesterday\b"),
        ("last_night", r"\blast night\b"),
        ("today", r"\b(?:today|tonight|this morning|this afternoon|this evening|earlier today|right now|"
                  r"(?:is|are)\s+(?:\w+\s+)?(?:taking place|under ?way|being held|going on))\b"),
        ("weekday", r"\b(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"),
        # a time of day, not a day: "overnight attacks on Tuesday" were on Tuesday
        ("overnight", r"\bovernight\b"),
        ("last_week", r"\b(?:last|past|previous) week\b|\ba week ago\b"),
        ("days_ago", r"\b(?P<n>two|three|four|five|six|[2-6])\s+days\s+ago\b"),
        ("weekend", r"\b(?:(?:over|on|at|during) the weekend|this (?:past )?weekend|last weekend)\b"),
        ("this_week", r"\b(?:this week|in recent days|recent(?:ly)?|in the past (?:few )?days|past few days|days ago|earlier this week)\b"),
        ("month", rf"\b(?:in|during|early|late|mid|mid-)\s*{_MONTH}(?:\s+{_YEAR})?\b"),
        ("last_month", r"\blast month\b"),
    )
)


#: Russian and Ukrainian month names (genitive "23 листопада", locative "у
#: листопаді", nominative) and their numbers.
_CYRILLIC_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("січня", "січні", "січень", "января", "январе", "январь"),
            ("лютого", "лютому", "лютий", "февраля", "феврале", "февраль"),
            ("березня", "березні", "березень", "марта", "марте", "март"),
            ("квітня", "квітні", "квітень", "апреля", "апреле", "апрель"),
            ("травня", "травні", "травень", "мая", "мае", "май"),
            ("червня", "червні", "червень", "июня", "июне", "июнь"),
            ("липня", "липні", "липень", "июля", "июле", "июль"),
            ("серпня", "серпні", "серпень", "августа", "августе", "август"),
            ("вересня", "вересні", "вересень", "сентября", "сентябре", "сентябрь"),
            ("жовтня", "жовтні", "жовтень", "октября", "октябре", "октябрь"),
            ("листопада", "листопаді", "листопад", "ноября", "ноябре", "ноябрь"),
            ("грудня", "грудні", "грудень", "декабря", "декабре", "декабрь"),
        ),
        start=1,
    )
    for name in names
}
#: Weekday stems, Monday first (Ukrainian, Russian). "четверо" (four people) is
#: no Thursday, so that one lists its forms.
_CYRILLIC_WEEKDAYS = (
    ("понеділ", "понедельник"),
    ("вівтор", "вторник"),
    ("серед", "сред"),
    ("четвер", "четверг"),
    ("п'ятниц", "пятниц"),
    ("субот", "суббот"),
    ("неділ", "воскресен"),
)
_CMONTH = r"(?P<month>" + "|".join(sorted(_CYRILLIC_MONTHS, key=len, reverse=True)) + r")"
_CYEAR = _YEAR + r"(?:\s*(?:року|роки|році|рік|году|года|год|р\.|г\.|рр\.|гг\.))?"
_CMONTH_YEAR_WORDS = "|".join(name for name in _CYRILLIC_MONTHS if len(name) > 3)
_CYRILLIC_PATTERNS: tuple[tuple[str, LazyPattern], ...] = tuple(
    (kind, LazyPattern(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("dmy_num", r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
        ("dmy_cyr", rf"\b(?P<day>[0-3]?\d)(?:-?(?:го|е|те))?\s+{_CMONTH}(?:\s+{_CYEAR})?(?!\w)"),
        ("same_day", r"\b(?:того ж (?:дня|вечора|ранку)|цього ж (?:дня|вечора)|в той же день|у той же день|в тот же день|того же (?:дня|вечера)|в тот же вечер|тієї ж ночі|той же ночью|в ту же ночь)\b"),
        ("day_before", r"\b(?:напередодні|накануне|за день до цього|днем раньше|днем ранее|попереднього дня|предыдущего дня)\b"),
        ("day_after", r"\b(?:наступного дня|наступного ранку|на наступний день|на следующий день|следующим утром|на другой день|днем позже)\b"),
        ("yesterday", r"\b(?:вчора|учора|вчера)\b"),
        ("last_night", r"\b(?:минулої ночі|минулої ніч|прошлой ночью|прошлой ночи|минулої доби|прошедшей ночью)\b"),
        ("today", r"\b(?:сьогодні|сегодня|за минулу добу|за прошедшие сутки|протягом доби|в течение суток)\b"),
        ("weekday_cyr", r"(?<!\w)(?:(?:у|в|во|на|в ніч на|в ночь на|минул\w*|прошл\w*|цього|цієї|этот|эту|этой)\s+)?"
         r"(?P<weekday>понеділ(?:ок|ка|ку)|понедельник\w*|вівтор(?:ок|ка|ку)|вторник\w*|середу|середи|среду|среды|"
         r"четвер|четверга|четвергу|четверг|п['\u2019\u02bc]?ятниц[яіюи]|пятниц[аеуы]|субот[аиуі]|суббот[аеуы]|неділ[яіюи]|воскресень[ея])(?!\w)"),
        ("overnight", r"\b(?:вночі|уночі|ночью|цієї ночі|этой ночью|вранці|зранку|утром|ввечері|вечером)\b"),
        ("days_ago", r"(?<!\w)(?P<n>два|дві|три|чотири|четыре|п['\u2019\u02bc]?ять|пять|шість|шесть|[2-6])\s+(?:дні|днів|дня|дней)\s+(?:тому|назад)(?!\w)"),
        ("last_week", r"\b(?:минулого тижня|на минулому тижні|минулий тиждень|тиждень тому|на прошлой неделе|прошлой недели|неделю назад)\b"),
        ("this_week", r"\b(?:цього тижня|на цьому тижні|на этой неделе|останніми днями|за останні дні|в последние дни|за последние дни|нещодавно|недавно|кілька днів тому|несколько дней назад)\b"),
        ("weekend", r"(?<!\w)(?:на вихідних|у вихідні|в вихідні|на выходных|в выходные|минулих вихідних|прошлых выходных)(?!\w)"),
        ("month_cyr", rf"\b(?:у|в|на початку|наприкінці|у середині|в середині|в начале|в конце|в середине|з|с|протягом|в течение)\s+{_CMONTH}(?:\s+{_CYEAR})?(?!\w)"),
        ("last_month", r"\b(?:минулого місяця|у минулому місяці|в прошлом месяце|прошлого месяца)\b"),
    )
)
_CYRILLIC_KINDS = frozenset({"dmy_num", "dmy_cyr", "weekday_cyr", "month_cyr"})


def _patterns(sentence: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The date patterns of a sentence's languages: English, and Russian/Ukrainian with Cyrillic letters."""
    return _CYRILLIC_PATTERNS + _PATTERNS if has_cyrillic(sentence) else _PATTERNS


#: Date kinds that name a day by the one the text spoke of before ("the same day",
#: "the day before", "the next day"; "того ж дня", "напередодні", "наступного
#: дня"): :func:`find_date` counts them from its ``anchor``.
DISCOURSE_KINDS = frozenset({"same_day", "day_before", "day_after"})


def is_discourse(words: str | None) -> bool:
    """Whether date words found by :func:`find_date` count from an earlier day ("the same day").

    Examples
    --------
    >>> is_discourse("the same day"), is_discourse("on Tuesday"), is_discourse(None)
    (True, False, False)
    """
    if not words:
        return False
    return any(kind in DISCOURSE_KINDS and pattern.fullmatch(words) for kind, pattern in _patterns(words))


#: Words before a date that make it the start of a period ("since May 10", "начиная с 1 мая").
_SINCE = re.compile(r"\b(?:ever since|since|starting|beginning)\s+(?:on\s+)?$|(?<!\w)(?:починаючи з|починаючи від|начиная с|начиная от)\s+$", re.IGNORECASE)


@lru_cache(maxsize=4096)

def find_date(sentence: str, published: date | None, anchor: date | None = None) -> tuple[date | None, int | None, str | None]:
    """Resolve the first date expression in ``sentence``.

    Parameters
    ----------
    sentence : str
        The text to search (usually one sentence).
    published : datetime.date or None
        The article's publication date.
    anchor : datetime.date, optional
        The day the text spoke of last (the date of an earlier sentence): "the
        same day", "the day before" and "the next day" count from it; from the
        publication date without one.

    Returns
    -------
    (date or None, int or None, str or None)
        The date, its ACLED time precision and the words that gave it;
        ``(None, None, None)`` when the text says nothing usable.

    Examples
    --------
    >>> find_date("Drones struck Kharkiv on Thursday.", date(2024, 12, 18))
    (datetime.date(2024, 12, 12), 1, 'on Thursday')
    >>> find_date("Drones struck Kharkiv on Thursday.", None)
    (None, None, None)
    >>> find_date("on 15 April 2022 shells hit Kharkiv", None)
    (datetime.date(2022, 4, 15), 1, '15 April 2022')
    >>> find_date("У понеділок дрони атакували Харків.", date(2024, 12, 18))
    (datetime.date(2024, 12, 16), 1, 'У понеділок')
    >>> find_date("Rallies took place the same day.", date(2025, 7, 23), anchor=date(2025, 7, 22))
    (datetime.date(2025, 7, 22), 1, 'the same day')
    """
    for kind, pattern in _patterns(sentence):
        for match in pattern.finditer(sentence):
            if _SINCE.search(sentence, max(0, match.start() - 16), match.start()):
                continue  # "under siege since May 10, 2024": when a state began, not the event's day
            if kind in DISCOURSE_KINDS:
                base = anchor or published
                if base is None:
                    continue
                shift = {"same_day": 0, "day_before": -1, "day_after": 1}[kind]
                return base + timedelta(days=shift), 1, match.group().strip()
            resolved = _resolve(kind, match, published)
            if resolved is not None:
                return resolved[0], resolved[1], match.group().strip()
    return None, None, None


_PAST_YEAR = re.compile(
    r"\b(?:in|since|during|back in|throughout|of|from)\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:(?:" + "|".join(name for name in _MONTHS if len(name) > 3) + r")\s+)?(?P<year>(?:19|20)\d\d)\b"
    r"|\blast year\b|\byears ago\b",
    re.IGNORECASE,
)
#: Date kinds that place a sentence in the news of the day ("on Monday",
#: "overnight"): with one, a year named in passing ("the heaviest attack since
#: 2022") does not make the sentence background.
_RECENT = frozenset({"yesterday", "last_night", "today", "overnight", "weekday", "weekday_cyr", "weekend", "days_ago"})
#: :data:`_PAST_YEAR` in Russian and Ukrainian: "у 2022 році", "в 2022 году",
#: "з лютого 2022 року", "минулого року", "роки тому".
_PAST_YEAR_CYRILLIC = LazyPattern(
    r"\b(?:у|в|во|з|із|с|від|от|протягом|в течение|на початку|наприкінці|в начале|в конце|з початку|с начала)\s+"
    r"(?:(?:" + _CMONTH_YEAR_WORDS + r")\s+)?(?P<year>(?:19|20)\d\d)(?:\s*(?:року|році|роках|роки|рік|году|годах|года|год|рр?\.|гг?\.))?(?!\w)"
    r"|\b(?:минулого року|у минулому році|торік|в прошлом году|прошлого года|роки тому|років тому|лет назад|года назад|рік тому|год назад)\b",
    re.IGNORECASE,
)


#: Tallies since the war began ("since the beginning of Russia's full-scale
#: invasion, sappers have defused 488,839 devices"): no event of the day.
_SINCE_THE_WAR = re.compile(
    r"\bsince (?:the )?(?:beginning|start|outbreak|onset) of (?:the |Russia['\u2019]s |Russian )?(?:[\w-]+ ){0,3}?"
    r"(?:war|invasion|conflict|aggression)\b|\bsince the (?:war|invasion|conflict) (?:began|started|broke out)\b|"
    r"(?<!\w)(?:з|із|від) (?:початку|почала) (?:[\w'\u2019-]+ ){0,3}?(?:вторгнення|війни|агресії|вторгненн\w*)(?!\w)|"
    r"(?<!\w)с (?:начала|момента начала) (?:[\w-]+ ){0,3}?(?:вторжения|войны|СВО|спецоперации|специальной военной операции)(?!\w)",
    re.IGNORECASE,
)
#: Habits, not events ("Local committees have repeatedly accused the RSF of shelling",
#: "a refinery that has been attacked several times"): background unless the sentence names a day.
_HABITUAL = re.compile(
    r"\b(?:repeatedly|regularly|routinely|frequently|constantly|time and again|several times|many times|numerous times|"
    r"multiple times|on (?:several|numerous|many) occasions)\b|"
    r"(?<!\w)(?:неодноразово|регулярно|постійно|постоянно|систематично|неоднократно|кілька разів|несколько раз)(?!\w)",
    re.IGNORECASE,
)
#: Daily habits ("subjected daily to shelling", "every night", "щодня"): :data:`_HABITUAL`
#: too, tried only when one of :data:`_DAILY_WORDS` occurs (the lower-cased text).
_DAILY = re.compile(
    r"\b(?:(?:almost|nearly) daily|every (?:day|night)|nightly|on a daily basis|day after day|"
    r"(?:subjected|shelled|attacked|bombed|struck|targeted|hit|pounded) daily)\b|"
    r"(?<!\w)(?:щодня|щоночі|ежедневно|каждый день|каждую ночь)(?!\w)",
    re.IGNORECASE,
)
_DAILY_WORDS = ("daily", "every ", "nightly", "day after", "щодн", "щоноч", "ежедн", "кажд")


def is_background(sentence: str, published: date | None) -> bool:
    """True when a sentence tells of an earlier year, not of the news.

    "In 2022, Russian troops captured Kherson" in a 2024 article is background:
    no incident of 2024 should come of it. A sentence with a full date (``on
    15 April 2022``) is not background: it says when.

    Examples
    --------
    >>> is_background("In 2022, Russian troops captured Kherson.", date(2024, 5, 1))
    True
    >>> is_background("Troops captured Kherson in 2024.", date(2024, 5, 1))
    False
    >>> is_background("Troops captured Kherson on 11 November 2022.", date(2024, 5, 1))
    False
    >>> is_background("Troops have shelled the city since they left it in November 2022.", date(2024, 5, 1))
    True
    >>> is_background("The heaviest attack since 2022 hit Kyiv on Monday.", date(2024, 5, 1))
    False
    >>> is_background("Since the start of the full-scale invasion, sappers have defused 4,000 mines.", date(2024, 5, 1))
    True
    >>> is_background("The refinery has been attacked several times.", date(2024, 5, 1))
    True
    >>> is_background("Drones attacked the refinery several times on Monday.", date(2024, 5, 1))
    False
    """
    lower = sentence.lower()
    if ("since" in lower or "почат" in lower or "начал" in lower or "момента" in lower) and _SINCE_THE_WAR.search(sentence):
        return True
    habitual = _HABITUAL.search(sentence) or (any(word in lower for word in _DAILY_WORDS) and _DAILY.search(sentence))
    if habitual and find_date(sentence, published)[0] is None:
        return True
    cyrillic = has_cyrillic(sentence)
    match = _PAST_YEAR.search(sentence)
    if match is None and cyrillic:
        match = _PAST_YEAR_CYRILLIC.search(sentence)
    if match is None or published is None:
        return False
    patterns = _patterns(sentence)
    for kind, pattern in patterns:
        if kind not in ("iso", "dmy", "mdy", "dmy_num", "dmy_cyr"):
            continue  # a day and month: the sentence dates its event itself
        for day in pattern.finditer(sentence):
            if kind in ("iso", "dmy_num", "dmy_cyr") or day.group("month")[0].isupper():
                return False
    for kind, pattern in patterns:
        if kind in _RECENT and pattern.search(sentence):
            return False
    if match.group("year") is None:
        return True  # "last year", "years ago"
    return int(match.group("year")) < published.year


#: A year beside a month name ("May 2025", "2025 May") that no pattern above
#: catches because nothing like "in" comes before it.
_MONTH_YEAR = (
    re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}\s+{_MONTH}(?!\w)", re.IGNORECASE),
)
_ABSOLUTE = frozenset({"iso", "dmy", "mdy", "month", "dmy_num", "dmy_cyr", "month_cyr"})
#: A bare year with its noun: "2024 року", "2024 года", "2024 р.".
_CYRILLIC_YEAR = LazyPattern(r"\b(?P<year>(?:19|20)\d\d)\s*(?:року|роки|році|рік|году|года|год|р\.|г\.)(?!\w)", re.IGNORECASE)


def date_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the absolute date expressions and years in ``sentence``.

    Counting needs them: the numbers of ``3 May 2025`` or ``since 2022`` are
    no count of the killed, however close they stand to ``killed``.

    Examples
    --------
    >>> s = "Shelling on May 3, 2025 killed four people."
    >>> [s[a:b] for a, b in date_spans(s)]
    ['May 3, 2025']
    >>> s = "the worst attack since 2022 wounded 12"
    >>> [s[a:b] for a, b in date_spans(s)]
    ['since 2022']
    """
    spans = []
    cyrillic = has_cyrillic(sentence)
    for kind, pattern in _patterns(sentence):
        if kind not in _ABSOLUTE:
            continue
        for match in pattern.finditer(sentence):
            # "3 may be", "10 march on": month names only count capitalised, as in _resolve
            if kind == "iso" or kind in _CYRILLIC_KINDS or match.group("month")[0].isupper():
                spans.append(match.span())
    for pattern in (_PAST_YEAR, *_MONTH_YEAR, *((_PAST_YEAR_CYRILLIC, _CYRILLIC_YEAR) if cyrillic else ())):
        for match in pattern.finditer(sentence):
            if match.group("year") is not None and (
                pattern in (_PAST_YEAR, _PAST_YEAR_CYRILLIC, _CYRILLIC_YEAR) or match.group("month")[0].isupper()
            ):
                spans.append(match.span())
    return sorted(spans)


def resolve_date(sentence: str, published: date | None) -> tuple[date | None, int | None]:
    """The event date of a sentence: its date words, else the publication date.

    Parameters
    ----------
    sentence : str
        The evidence sentence.
    published : datetime.date or None
        Publication date of the article.

    Returns
    -------
    (date or None, int or None)
        Date and ACLED time precision; ``(None, None)`` when the article is
        undated and the text gives no absolute date.
    """
    found, precision, _ = find_date(sentence, published)
    if found is not None:
        return found, precision
    if published is not None:
        return published, 2
    return None, None


def _month_number(name: str) -> int:
    if name.isdigit():
        return int(name)
    name = name.lower().rstrip(".")
    return _MONTHS[name] if name in _MONTHS else _CYRILLIC_MONTHS[name]


def _resolve(kind: str, match: re.Match[str], published: date | None) -> tuple[date, int] | None:
    if kind in ("dmy", "mdy", "month") and not match.group("month")[0].isupper():
        return None  # "may" the verb, "march" the walk: month names are capitalised
    if kind == "dmy_cyr" or kind == "dmy_num":
        kind = "dmy"
    elif kind == "month_cyr":
        kind = "month"
    if kind in ("iso", "dmy", "mdy"):
        month = _month_number(match.group("month"))
        if not 1 <= month <= 12:
            return None
        day = int(match.group("day"))
        year = match.group("year")
        if year is not None:
            return _safe_date(int(year), month, day, 1)
        if published is None:
            return None
        found = _safe_date(published.year, month, day, 1)
        if found is not None and found[0] > published:  # "15 December" read in January
            found = _safe_date(published.year - 1, month, day, 1)
        return found
    if kind == "month":
        month = _month_number(match.group("month"))
        year = match.group("year")
        if year is not None:
            return date(int(year), month, 1), 3
        if published is None:
            return None
        year_ = published.year if month <= published.month else published.year - 1
        return date(year_, month, 1), 3
    if published is None:
        return None
    if kind == "yesterday" or kind == "last_night":
        return published - timedelta(days=1), 1
    if kind == "today" or kind == "overnight":
        return published, 1
    if kind == "weekday" or kind == "weekday_cyr":
        word = match.group("weekday").lower().replace("\u2019", "'").replace("\u02bc", "'")
        if kind == "weekday":
            wanted = _WEEKDAYS.index(word)
        else:
            wanted = next(i for i, stems in enumerate(_CYRILLIC_WEEKDAYS) if word.startswith(stems))
        back = (published.weekday() - wanted) % 7
        return published - timedelta(days=back), 1
    if kind == "days_ago":
        word = match.group("n").lower().replace("\u2019", "'").replace("\u02bc", "'")
        return published - timedelta(days=_DAYS_AGO.get(word) or int(word)), 1
    if kind == "last_week":
        return published - timedelta(days=7), 2
    if kind == "this_week":
        return published, 2
    if kind == "weekend":
        # the weekend just past: its Sunday (Saturday when published on a Saturday), within a week
        if published.weekday() == 5:
            return published, 2
        return published - timedelta(days=(published.weekday() - 6) % 7), 2
    if kind == "last_month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), 3
    return None


#: "two days ago", "три дні тому", "два дня назад": how many days.
_DAYS_AGO = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "два": 2, "дві": 2, "три": 3, "чотири": 4, "четыре": 4,
    "п'ять": 5, "пять": 5, "шість": 6, "шесть": 6,
}  # fmt: skip


def _safe_date(year: int, month: int, day: int, precision: int) -> tuple[date, int] | None:
    try:
        return date(year, month, day), precision
    except ValueError:
        return None
