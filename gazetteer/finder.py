"""Finding place names in running text.

The text is folded once (:func:`_scan`, on the arrays of
:func:`gazetteer.normalize.fold_codepoints`). Names begin at word starts and
end at word ends, so at every word start whose original
character is a capital letter the finder looks up the phrases of one to
:data:`MAX_WORDS` words that start there, longest first, in the store's name
trie (:meth:`Store.entries`, an exact lookup of about a microsecond; the same
work as one trie walk, without scanning characters that cannot end a name).
Never one regular expression per name. The longest phrase that is a name,
ends on a word boundary *of the original text* and looks like a name wins, and
scanning resumes after it.

The finder only finds; it does not decide which of the places sharing a name is
meant, nor whether a capitalised word is a place at all. It records the clues the
:mod:`gazetteer.resolver` needs for that (sentence start, the words around the
match, a possessive).
"""

from __future__ import annotations

import bisect
import functools
from array import array
import re
from dataclasses import dataclass, field

from gazetteer.normalize import fold, fold_codepoints

__all__ = ["Candidate", "find_candidates", "word_after", "word_before"]

#: Name flags (gazetteer.store): abbreviations, region names with their type word.
_NAME_ABBREV = 16
_NAME_QUALIFIED = 8

#: Direction words that are also the names of a few regions ("South", Cameroon's
#: South region) but in running text qualify the name that follows.
_COMPASS = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest".split()
)

#: AP style abbreviations of US states (folded, dots as spaces) → GeoNames admin1 code.
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO",
    "conn": "CT", "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN",
    "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA", "md": "MD", "mass": "MA",
    "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "n h": "NH", "n j": "NJ", "n m": "NM", "n y": "NY",
    "n c": "NC", "n d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "penn": "PA",
    "r i": "RI", "s c": "SC", "s d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT",
    "va": "VA", "wash": "WA", "wis": "WI", "wisc": "WI", "w va": "WV", "wyo": "WY",
    "d c": "DC",
}
#: Canadian Press abbreviations of provinces → GeoNames admin1 code.
CP_PROVINCES = {
    "alta": "01", "b c": "02", "man": "03", "n b": "04", "nfld": "05", "n s": "07",
    "ont": "08", "p e i": "09", "que": "10", "sask": "11", "n w t": "13",
}
#: ", Ill." / ", N.J." after a capitalised word.
# The look-behind follows the literal ", " so that the scan jumps from comma to
# comma (a leading look-behind is tried at every character: ten times slower).
_AP_RE = re.compile(
    r", (?<=[A-Za-z\u00e0-\u00ff], )((?:[A-Z][a-z]{1,4}|[A-Z]\.\s?[A-Z]|[A-Z]\.\s?[A-Z]\.\s?[A-Z]|W\.\s?Va)\.)(?![^\W\d_])"
)

#: Apostrophes that may start a possessive ``'s`` after a name.
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"

#: Last words of a multi-word name that, followed by "for" or "of", make it an
#: institution's name rather than the town's ("Michigan Center for ...").
_INSTITUTIONS = frozenset(
    "center centre institute college university academy hospital school foundation council".split()
)
_OF_FOR = re.compile(r"\s+(?:for|of)\s")

#: Longest names looked up, in words and in folded characters.
MAX_WORDS = 6
MAX_KEY_LENGTH = 64


def _bmp():
    """Every code point of the Basic Multilingual Plane as a one-character numpy string.

    A view of the code points, not a copy: numpy's string functions then read each
    character's Unicode properties in C (numpy 2; the same properties as ``str.isalnum`` and
    ``str.isupper``, from the same Unicode database), about ten times faster than
    65,536 calls of the Python methods.
    """
    import numpy as np

    return np.arange(0x10000, dtype=np.uint32).view("<U1")


@functools.cache
def _alnum_table():
    """``table[code point]`` is True for letters and digits (Basic Multilingual Plane; others False)."""
    import numpy as np

    return np.append(np.char.isalnum(_bmp()), False)


@functools.cache
def _upper_table():
    """``table[code point]`` is True for capital letters (Basic Multilingual Plane; others False)."""
    import numpy as np

    return np.append(np.char.isupper(_bmp()), False)


#: Bits of :func:`_char_classes`.
_ALNUM, _UPPER = 1, 2


@functools.cache
def _char_classes():
    """``table[code point]``: :data:`_ALNUM` for letters and digits, :data:`_UPPER` for capitals.

    :func:`_alnum_table` and :func:`_upper_table` in one, over the whole code point
    range (0 beyond the Basic Multilingual Plane), so that the scan needs one
    look-up per character and no clipping.
    """
    import numpy as np

    table = np.zeros(0x110000, dtype=np.uint8)
    table[:0x10000] = _alnum_table()[:0x10000] * np.uint8(_ALNUM) | _upper_table()[:0x10000] * np.uint8(_UPPER)
    return table


def _scan(text: str):
    """Fold ``text`` and find where names may start in it.

    Returns
    -------
    folded : str
        As :func:`gazetteer.normalize.fold_text`.
    offsets : array
        As :func:`gazetteer.normalize.fold_text`'s list, as a compact ``array``
        (indexing and :mod:`bisect` work on it as on a list); a list of Python
        ints cost as much to build as the folding itself.
    ends : list of int
        Offsets in ``folded`` just after each word: where a name can end.
    starts : list of (int, int)
        For each capitalised word start of ``text`` that survives folding, in
        text order: its offset ``p`` in ``folded`` and the index in ``ends`` of
        the end of its first word.

    Every step is a whole-array operation; a text of a few kilobytes costs as much
    in their number as in their work, so there are as few as the answer needs.
    """
    import numpy as np

    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    out, offs = fold_codepoints(text, cps)
    folded = out.tobytes().decode("utf-32-le")
    offsets = array("q", offs.astype("int64", copy=False).tobytes())
    offsets.append(len(text))
    classes = _char_classes()
    # A word ends where a letter or digit is followed by anything else or the end.
    word = classes[out] & _ALNUM
    ends_arr = np.flatnonzero(word[:-1] > word[1:])
    ends_arr += 1
    if len(word) and word[-1]:
        ends_arr = np.append(ends_arr, len(word))
    # Names start with a capital letter not inside a word ("McDonald"): find
    # those in the original text (most words are not capitalised), then map them
    # all at once to the folded text and to their first word's end.
    cls = classes[cps]
    caps = np.flatnonzero(cls[1:] >> 1 > (cls[:-1] & _ALNUM))  # a capital after no letter or digit
    caps += 1
    if cls[0] & _UPPER:
        caps = np.concatenate((np.zeros(1, dtype=caps.dtype), caps))
    starts: list[tuple[int, int]] = []
    if len(caps):
        # Characters folding dropped start nothing: keep the capitals that have a
        # folded character (offsets ends with len(text), which is none of them).
        pos = np.searchsorted(offs, caps)
        pos = pos[np.frombuffer(offsets, dtype=np.int64)[pos] == caps]
        starts = list(zip(pos.tolist(), np.searchsorted(ends_arr, pos, side="right").tolist()))
    return folded, offsets, ends_arr.tolist(), starts


#: Lower-case words allowed inside or at the end of a multi-word name
#: (``Kursk region``, ``Republic of Crimea``, ``Rostov-on-Don``).
_LOWER_OK = frozenset(
    """of the on upon de del della di da do dos das du la le les el al am an im in
    sur sul and y e et und region oblast oblast' krai kray okrug province governorate
    county state district city republic territory prefecture voivodeship canton
    island islands sea gulf bay river lake mountains peninsula strait
    airport airfield airbase aerodrome air base nuclear power plant station bridge dam reservoir
    hydroelectric steel steelworks
    au aux en sous na nad pod des lès van der den ter aan op
    ad ag ak ar as ash at az ed er es et ez ul ur bin ibn wa
    область край краи округ республика район море город протока пролив затока залив
    мост моста мосту мостом мості міст водохранилище водосховище""".split()
) | {"air base"}

#: Phrases that follow a name and make it a region (folded): "the Kursk region".
_SENTENCE_END = ".!?\u2026"
_OPENERS = "\"'\u201c\u2018\u00ab([\u2014\u2013-*\u2022"


@dataclass(slots=True)
class Candidate:
    """A span of the text that matches one or more gazetteer names.

    Attributes
    ----------
    start, end : int
        Offsets of the name in the original text (a possessive ``'s`` excluded).
    text : str
        ``text[start:end]``.
    key : str
        The folded name that matched.
    entries : list of (int, int)
        ``(place index, name flags)`` pairs from :meth:`Store.entries`; empty for
        a demonym.
    demonym : str or None
        ISO 3166-1 alpha-2 code of the country when the span is a demonym or
        adjective (``Ukrainian``, ``North Korean``).
    sentence_initial : bool
        The span opens a sentence, where any word is capitalised.
    possessive : bool
        The span is followed by ``'s``.
    user : list
        Places from user places files that carry this name.
    context_only : bool
        The span names a place only as context, never as a mention of its own: a
        front named after a town ("на Покровському напрямку") says the names
        around it lie near Pokrovsk.
    """

    start: int
    end: int
    text: str
    key: str
    entries: list = field(default_factory=list)
    demonym: str | None = None
    sentence_initial: bool = False
    possessive: bool = False
    user: list = field(default_factory=list)
    context_only: bool = False
    before: str | None = field(default=None, repr=False, compare=False)
    after: str | None = field(default=None, repr=False, compare=False)


class Hints:
    """Where the words a windowed regular expression needs occur in a text, found at once.

    A check such as ``_RIVER_BEFORE.search(text, start - 40, start)`` runs for every
    candidate, and a search tries every position of its window. When every match
    of the pattern holds one of a few words ("bank", "river"), finding those words
    in the whole text once says which windows need the search at all; most texts
    have none. ``words`` are in lower case and the pattern is case-insensitive:
    the text is lower-cased and searched with ``str.find`` (a regular expression
    with ``re.IGNORECASE`` and no literal prefix tries every position of the text,
    and costs more than all the searches it would save).

    ``re.IGNORECASE`` matches ``i`` with ``ı`` and ``İ``, and ``s`` with ``ſ``, which
    ``str.lower`` keeps apart: ``ı`` and ``ſ`` are read as ``i`` and ``s``, and a text
    with ``İ`` (which lower-cases to two characters, shifting offsets) needs every
    search.

    Examples
    --------
    >>> hints = Hints(("river",), "the left bank of the River Dnipro")
    >>> hints.within(0, 25), hints.within(26, 33)
    (True, False)
    """

    __slots__ = ("everywhere", "reach", "starts")

    def __init__(self, words, text: str) -> None:
        self.everywhere = False
        self.starts: list[int] = []
        self.reach: list[int] = []  # the furthest end of the words starting up to there
        low = text.lower()
        if len(low) != len(text):
            self.everywhere = True
            return
        if "\u0131" in low or "\u017f" in low:
            low = low.replace("\u0131", "i").replace("\u017f", "s")
        spans = []
        for word in words:
            at = low.find(word)
            while at >= 0:
                spans.append((at, at + len(word)))
                at = low.find(word, at + 1)
        if spans:
            spans.sort()
            furthest = 0
            for a, b in spans:
                furthest = max(furthest, b)
                self.starts.append(a)
                self.reach.append(furthest)

    def __bool__(self) -> bool:
        return self.everywhere or bool(self.starts)

    def within(self, lo: int, hi: int) -> bool:
        """Whether one of the words lies in ``text[lo:hi]`` or overlaps it."""
        if self.everywhere:
            return True
        k = bisect.bisect_left(self.starts, hi) - 1  # the words starting before hi
        return k >= 0 and self.reach[k] > lo


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def is_sentence_initial(text: str, start: int) -> bool:
    """True when ``text[start]`` opens a sentence, line, heading or quote."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
        while i >= 0 and text[i] in " \t":
            i -= 1
    if i < 0 or text[i] in "\n\r:;|":
        return True
    if text[i] in _SENTENCE_END:
        # "St. Louis", "U.S. officials": a dot after a short abbreviation or an
        # initial does not end a sentence.
        j = i - 1
        while j >= 0 and text[j].isalpha():
            j -= 1
        word = text[j + 1 : i]
        abbreviation = (len(word) <= 2 and word[:1].isupper()) or word in _TITLE_ABBREVS
        return not (text[i] == "." and abbreviation)
    return False


#: Abbreviations followed by a dot that do not end a sentence.
_TITLE_ABBREVS = frozenset("St Ft Mt Mr Mrs Ms Dr Gen Gov Sen Rep Lt Col Sgt Capt Rev Pres Prof Jr Sr".split())


def word_before(text: str, start: int) -> str:
    """The word just before ``start`` (punctuation other than a dot stops it), or ''."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] == ".":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in _APOSTROPHES):
        j -= 1
    return text[j + 1 : i + 1]


#: :func:`word_before` read from the end: the text reversed, matched at ``len(text) - start``
#: (``[^\W_]`` is what ``str.isalnum`` accepts).
_WORD_BEFORE_REVERSED = re.compile(r"[ \t]*\.?((?:[^\W_]|[" + _APOSTROPHES + r"])*)")


def words_around(text: str, candidates) -> None:
    """Fill ``before`` and ``after`` (:func:`word_before`, :func:`word_after`) of every candidate at once.

    One reversal of the text and a regular expression per word, instead of a loop
    over characters per candidate.
    """
    reversed_text = text[::-1]
    n = len(text)
    before, after = _WORD_BEFORE_REVERSED.match, _WORD_AFTER.match
    for cand in candidates:
        if cand.before is None:
            cand.before = before(reversed_text, n - cand.start).group(1)[::-1]
        if cand.after is None:
            cand.after = after(text, cand.end).group(1)


def word_after(text: str, end: int) -> str:
    """The word just after ``end`` on the same line, or ''."""
    return _WORD_AFTER.match(text, end).group(1)


_WORD_AFTER = re.compile(r"[ \t]*([^\W_]*)")


def _looks_like_name(surface: str) -> bool:
    """Capitalised like a name: first letter upper case, later words capitalised or allowed (memoised)."""
    known = _NAME_LIKE.get(surface)
    if known is None:
        known = _name_like(surface)
        if len(_NAME_LIKE) >= _CACHE_SIZE:
            _NAME_LIKE.clear()
        _NAME_LIKE[surface] = known
    return known


#: Surfaces recur ("Kyiv", "Russia's"): each is judged once.
_NAME_LIKE: dict[str, bool] = {}


def _name_like(surface: str) -> bool:
    first = surface[:1]
    if not first.isupper():
        return False
    if _ONE_WORD.fullmatch(surface):
        return True  # most candidates: nothing more to check
    words = re.split(r"[\s\-\u2010-\u2015]+", surface)
    if len(words) == 1:
        return True
    for word in words[1:]:
        if not word:
            continue
        if word[:1].isupper() or word[:1].isdigit():
            continue
        if fold(word) in _LOWER_OK:
            continue
        return False
    return True


#: A surface of one word (no space, hyphen or dash): capitalised is all it needs.
_ONE_WORD = re.compile(r"[^\s\-\u2010-\u2015]*")


#: What an acronym may still name when it spells a place's ordinary name: a
#: country, a first-level region or a city of this many people ("ROME" in a
#: dateline is Rome; "EU" is not Eu, a town of 7,000 in Normandy).
ACRONYM_MIN_POPULATION = 100_000


#: Two-letter abbreviations that name a place anywhere in capitals (others, "OK",
#: "IN", only after a comma): the US, the UK, the EU (ЄС, ЕС).
_TWO_LETTER_NAMES = frozenset({"us", "uk", "eu", "єс", "ес"})

_DATELINE_AFTER = re.compile(r" ?(?:[\u2013\u2014]|--?|,| \()")


def _acronym(text: str, cand) -> bool:
    """Whether ``cand`` is a word in capitals that reads as an acronym: two to five
    letters, not a dateline (at the start of a line, or before a dash, comma or
    parenthesis: "KYIV, Ukraine —", "HUME – A member") and not in a run of capitals
    (a headline set in capitals)."""
    surface = cand.text
    if not (2 <= len(surface) <= 5 and surface.isalpha() and surface.isupper()):
        return False
    if cand.start == 0 or text[cand.start - 1] in "\n\r":
        return False
    if _DATELINE_AFTER.match(text, cand.end) and is_sentence_initial(text, cand.start):
        return False
    for word in (text[max(0, cand.start - 20) : cand.start].split()[-1:] + text[cand.end : cand.end + 20].split()[:1]):
        word = word.strip(".,:;!?()\"'—-")
        if len(word) >= 3 and word.isalpha() and word.isupper():
            return False
    return True


def _big_places(store, entries) -> list:
    """The entries an acronym may name: abbreviations the data gives ("UAE", "DPRK"),
    countries, regions, capitals and big cities."""
    kept = []
    for entry in entries:
        if entry[1] & _NAME_ABBREV:
            kept.append(entry)
            continue
        place = store.place(entry[0])
        if (place.kind in ("country", "admin1") or place.feature_code == "PPLC"
                or place.population >= ACRONYM_MIN_POPULATION):
            kept.append(entry)
    return kept


def _crosses_sentence(surface: str) -> bool:
    """A multi-word match that runs over a sentence end or a line break."""
    if "\n" in surface or "\r" in surface:
        return True
    for m in re.finditer(r"([^\W\d_]*)[.!?]\s", surface):
        word = m.group(1)
        if m.group(0)[len(word)] != "." or not (len(word) <= 2 or word in _TITLE_ABBREVS):
            return True
    return False


def find_candidates(store, text: str, *, user_names=None) -> list[Candidate]:
    """Find every span of ``text`` that matches a gazetteer name or a demonym.

    Parameters
    ----------
    store
        A :class:`gazetteer.store.Store` (or anything with ``entries``,
        ``demonym`` and ``admin1``).
    text : str
        The text to scan.
    user_names : mapping, optional
        Folded name → list of user places (from ``--places-file``); those names
        are matched too.

    Returns
    -------
    list of Candidate
        In text order, not overlapping.
    """
    if not text:
        return []
    folded, offsets, ends, starts = _scan(text)
    n = len(folded)
    ntext = len(text)
    nends = len(ends)
    out: list[Candidate] = []
    lookup = _lookup_for(store)
    looked_up = lookup.cache  # read inline: most keys are known, and a call costs more than the read
    # Most capitalised words ("The", "Police") begin no name of several words:
    # knowing that, the longer phrases starting there need not be built or looked up.
    multi = None if user_names else _multi_word_starts(store)
    several = None if multi is None else multi.cache
    resume = 0
    for p, i in starts:
        if p < resume:
            continue
        best = None
        phrases = None
        if multi is not None:
            if i < nends:
                e = ends[i]
                prefix = folded[p : e + 1]
                more = several.get(prefix)
                if more is None:
                    more = multi(prefix)
                if more:
                    # "The weather", "New data": _phrases would stop at the second word (a
                    # name goes on only with a capital, a digit or an allowed small word),
                    # or there is none within reach: decided here, without the call.
                    if i + 1 < nends and ends[i + 1] - p <= MAX_KEY_LENGTH:
                        ws = e
                        while not folded[ws].isalnum():
                            ws += 1
                        first = text[offsets[ws]]
                        more = first.isupper() or first.isdigit() or folded[ws : ends[i + 1]] in _LOWER_OK
                    else:
                        more = False
                if not more:
                    # One word only: what _phrases(..., max_words=1) gives, without the call.
                    if e - p > MAX_KEY_LENGTH:
                        phrases = ()
                    elif folded[e - 1] == "s" and e - 1 > p and text[offsets[e - 1] - 1] in _APOSTROPHES:
                        phrases = (folded[p : e - 1], folded[p:e])
                    else:
                        key = folded[p:e]
                        got = looked_up.get(key)
                        if got is not None and got[0] is None and not got[1]:
                            phrases = ()  # no name, no demonym: most capitalised words
                        else:
                            phrases = (key,)
        if phrases is None:
            phrases = _phrases(text, folded, offsets, p, ends, i=i, more=multi)
        for key in phrases:
            if key in _COMPASS:
                continue
            user = user_names.get(key) if user_names else None
            iso, entries, words = looked_up.get(key) or lookup(key)
            if not entries and not user and iso is None:
                continue
            cand = _match(store, text, folded, offsets, p, key, n, ntext)
            if cand is None:
                continue
            if " " in key and key.rsplit(" ", 1)[1] in _INSTITUTIONS and _OF_FOR.match(text, cand.end):
                continue  # "Michigan Center for Computer Security": an institution, not the town
            if entries and (not cand.text.isupper() or (len(key) <= 2 and key not in _TWO_LETTER_NAMES and text[cand.start - 2 : cand.start] != ", ")):
                # Abbreviations ("US", "UK") collide with words ("us"): only in
                # capitals, and two-letter ones ("OK", "IN") only after a comma.
                entries = words
                if not entries and not user:
                    continue
            if iso is not None and not all(w[:1].isupper() for w in cand.text.split()):
                continue
            if entries and not user and _acronym(text, cand):
                entries = _big_places(store, entries)
                if not entries:
                    continue  # "the EU", "NATO": an organisation's initials, not Eu or Nato
            cand.demonym = iso
            cand.entries = list(entries)
            cand.user = list(user or ())
            best = cand
            break
        if best is None and "\u0400" <= folded[p] <= "\u04ff":
            best = _inflected(text, folded, offsets, p, ends, lookup)
        if best is None:
            continue
        best.sentence_initial = is_sentence_initial(text, best.start)
        out.append(best)
        resume = bisect.bisect_left(offsets, best.end)  # after the match, in folded space
    if ", " in text:
        out = _add_ap_states(store, text, out)
    if "BC" in text or "B.C." in text:
        out = _add_british_columbia(store, text, out)
    if ". " in text:
        out = _add_ap_states_before_nouns(store, text, out)
    if " counties" in text or " parishes" in text:
        out = _add_listed_counties(text, out, lookup)
    if " of " in text:
        _regions_of(text, out, lookup)
    return out


#: "the (southern) region of Mykolaiv", "the province of Kharkiv": the words before a
#: name that make it the region's ("region of Mykolaiv" is a name of the oblast).
_REGION_OF = re.compile(r"\b(?P<word>region|province|oblast|governorate|state)\s+of\s+$", re.IGNORECASE)
_REGION_OF_WORDS = ("region", "province", "oblast", "governorate", "state")


def _regions_of(text: str, found: list[Candidate], lookup) -> None:
    """Read "the region of X" as the region X names, where the data knows one."""
    hints = Hints(_REGION_OF_WORDS, text)
    if not hints:
        return
    for cand in found:
        if cand.demonym is not None or not cand.entries:
            continue
        lo = max(0, cand.start - 20)
        before = _REGION_OF.search(text, lo, cand.start) if hints.within(lo, cand.start) else None
        if before is None:
            continue
        key = f"{before.group('word').lower()} of {cand.key}"
        _iso, entries, _words = lookup(key)
        if entries:
            cand.start = before.start()
            cand.text = text[cand.start : cand.end]
            cand.key = key
            cand.entries = list(entries)


def _add_ap_states(store, text: str, found: list[Candidate]) -> list[Candidate]:
    """State abbreviations after a place: "Springfield, Ill.", "Trenton, N.J." (AP style)."""
    extra = []
    for m in _AP_RE.finditer(text):
        abbrev = fold(m.group(1))
        country, code = ("US", AP_STATES.get(abbrev)) if abbrev in AP_STATES else ("CA", CP_PROVINCES.get(abbrev))
        idx = store.admin1(country, code) if code else None
        if idx is None:
            continue
        start, end = m.start(1), m.end(1)
        key = f"region:{country}.{code}"
        extra.append(Candidate(start, end, m.group(1), key, entries=[(idx, _NAME_ABBREV | _NAME_QUALIFIED)]))
    return _with_candidates(found, extra, replace=True)


def _with_candidates(found: list[Candidate], extra: list[Candidate], *, replace: bool) -> list[Candidate]:
    """``found`` and ``extra`` in text order, not overlapping.

    Where they overlap, an ``extra`` candidate replaces the found ones (``replace``:
    it reads the span better, as "Clarke" of "Clarke, Madison and Oconee counties")
    or yields to them (a reading of last resort, as "BC" alone).
    """
    if not extra:
        return found
    if replace:
        spans = [(c.start, c.end) for c in extra]
        found = [c for c in found if not any(c.start < e and c.end > s for s, e in spans)]
    else:
        spans = [(c.start, c.end) for c in found]
        extra = [c for c in extra if not any(c.start < e and c.end > s for s, e in spans)]
    return sorted(found + extra, key=lambda c: c.start)


_COUNTY_NAME = r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?"
#: "Barrow, Jackson and Madison counties", "Avoyelles and Rapides parishes": the plural
#: type word names every county of the list, which the data knows only with "County".
_LISTED_COUNTIES = re.compile(
    rf"\b{_COUNTY_NAME}(?:, {_COUNTY_NAME})*,? (?:and|&|or) {_COUNTY_NAME} (?P<word>counties|parishes)\b"
)
_COUNTY_IN_LIST = re.compile(_COUNTY_NAME)


def _add_listed_counties(text: str, found: list[Candidate], lookup) -> list[Candidate]:
    """Each name of "Clarke, Madison and Oconee counties" is that county ("Clarke County")."""
    extra = []
    for m in _LISTED_COUNTIES.finditer(text):
        word = " county" if m.group("word") == "counties" else " parish"
        for part in _COUNTY_IN_LIST.finditer(text, m.start(), m.start("word")):
            name = part.group(0)
            if name.rstrip(".") in ("And", "Or"):
                continue
            key = fold(name) + word
            _iso, entries, _words = lookup(key)
            if entries:
                extra.append(Candidate(part.start(), part.end(), name, key, entries=list(entries)))
    return _with_candidates(found, extra, replace=True)


#: An AP state abbreviation before a lower-case noun: "Scandal-plagued Ga. pastor", "Missing
#: Ill. man", "a Mass. concert promoter" (a sentence would go on in capitals).
_AP_BEFORE_NOUN = re.compile(r"(?<![\w.])((?:[A-Z][a-z]{1,4}|[A-Z]\.\s?[A-Z]|W\.\s?Va)\.) (?=[a-z]{3,})")
#: Where such a match ends: a dot, a space, three lower-case letters (found by a fast literal scan).
_DOT_BEFORE_NOUN = re.compile(r"\. [a-z]{3}")


def _ap_before_noun_matches(text: str):
    """``_AP_BEFORE_NOUN.finditer(text)``, searched only where a match can end.

    A match is at most six characters and a dot, a space and three lower-case
    letters: it starts within five characters before the dot it ends with, and two
    matches never share a window. The leading look-behind makes the plain scan try
    every character of the text.
    """
    for m in _DOT_BEFORE_NOUN.finditer(text):
        dot = m.start()
        found = _AP_BEFORE_NOUN.search(text, max(0, dot - 5), dot + 5)
        if found is not None:
            yield found


def _add_ap_states_before_nouns(store, text: str, found: list[Candidate]) -> list[Candidate]:
    """US states as AP abbreviates them before the noun they qualify ("a Ga. pastor")."""
    extra = []
    for m in _ap_before_noun_matches(text):
        code = AP_STATES.get(fold(m.group(1)))
        idx = store.admin1("US", code) if code else None
        if idx is not None:
            extra.append(Candidate(m.start(1), m.end(1), m.group(1), f"region:US.{code}", entries=[(idx, _NAME_ABBREV | _NAME_QUALIFIED)]))
    return _with_candidates(found, extra, replace=False)


#: "BC" / "B.C." for British Columbia, standing alone ("wildfires in BC"); not a year
#: ("300 BC", "44 B.C.") nor part of a longer capitalised word or initials ("BCE", "BC Hydro" is).
_YEAR_BEFORE = re.compile(r"\d\s?$")
_BC_RE = re.compile(r"(?<![\w.])(?<!\d )(?<!\d)(B\.C\.|BC)(?![\w.]|\.\w)")


def _add_british_columbia(store, text: str, found: list[Candidate]) -> list[Candidate]:
    """British Columbia as Canadians abbreviate it, where no other name covers the span."""
    idx = store.admin1("CA", CP_PROVINCES["b c"])
    if idx is None:
        return found
    # "44 B.C.", "300 BC": a year, whatever else matched the letters
    found = [c for c in found if not (c.text.startswith(("BC", "B.C")) and _YEAR_BEFORE.search(text, 0, c.start))]
    extra = [
        Candidate(m.start(1), m.end(1), m.group(1), "region:CA.02", entries=[(idx, _NAME_ABBREV | _NAME_QUALIFIED)])
        for m in _BC_RE.finditer(text)
    ]
    return _with_candidates(found, extra, replace=False)


#: Phrases remembered per store; the same capitalised words ("The", "He",
#: "Police") recur in every article, and most phrases are not names at all.
_CACHE_SIZE = 200_000
_caches: dict[int, tuple[object, dict]] = {}


def _multi_word_starts(store):
    """``starts(prefix) -> bool``: may a name of several words begin with ``prefix``, memoised.

    ``prefix`` is a first word with the character after it ("new ", "rostov-").
    True when a gazetteer name or a demonym begins with it; ``None`` when the
    store cannot say (then every phrase is looked up).
    """
    has_prefix = getattr(store, "has_prefix", None)
    if has_prefix is None or not hasattr(store, "demonyms"):
        return None
    held = _multi_caches.get(id(store))
    if held is None or held[0] is not store:
        demonym_prefixes = set()
        for dem in store.demonyms():
            for k in range(1, len(dem) + 1):
                demonym_prefixes.add(dem[:k])
        held = (store, {}, demonym_prefixes)
        _multi_caches.clear()
        _multi_caches[id(store)] = held
    _store, cache, demonym_prefixes = held

    def starts(prefix: str) -> bool:
        found = cache.get(prefix)
        if found is None:
            found = prefix in demonym_prefixes or bool(has_prefix(prefix))
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[prefix] = found
        return found

    starts.cache = cache  # callers may read known answers inline
    return starts


_multi_caches: dict[int, tuple[object, dict, set]] = {}


def _lookup_for(store):
    """``lookup(key) -> (demonym ISO2 or None, entries, non-abbreviation entries)``, memoised."""
    held = _caches.get(id(store))
    if held is None or held[0] is not store:
        held = (store, {})
        _caches.clear()  # one store at a time is the common case; keep memory bounded
        _caches[id(store)] = held
    cache = held[1]

    def lookup(key: str):
        found = cache.get(key)
        if found is None:
            iso = store.demonym(key)
            if iso is None and key.endswith("s"):
                iso = store.demonym(key[:-1])  # plurals: "Ukrainians"
            entries = tuple(store.entries(key)) if iso is None else ()
            # The entries that are not abbreviations, for spans not in capitals.
            words = tuple(e for e in entries if e[1] & ~_NAME_ABBREV)
            found = (iso, entries, words)
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[key] = found
        return found

    lookup.cache = cache  # callers may read known answers inline
    return lookup


#: Case endings of Russian and Ukrainian place names (folded: й→и, ї→і) and the
#: nominative endings they may come from: "в Москве" (Москва), "у Харкові"
#: (Харків), "Курской области" (Курская область), "Краснодарского края".
_CYRILLIC_ENDINGS = (
    ("ова", "ів"), ("ові", "ів"), ("овом", "ів"), ("ову", "ів"),  # uk: Харкова, Харкові
    ("єва", "ів"), ("єві", "ів"), ("євом", "ів"), ("єву", "ів"),  # uk: Києва, Києві, Чугуєву (Київ, Чугуїв)
    ("ого", "ии"), ("ого", "ыи"), ("ои", "ая"), ("ую", "ая"), ("еи", "ая"),  # adjectives
    ("іи", "а"), ("оі", "а"), ("ом", "ии"),  # uk: Київській, Харківської; ru: Краснодарском
    ("ы", "а"), ("е", "а"), ("у", "а"), ("ои", "а"), ("ою", "а"), ("и", "а"), ("і", "а"),
    ("и", "я"), ("е", "я"), ("ю", "я"), ("еи", "я"), ("і", "я"),
    ("и", "ь"), ("і", "ь"), ("я", "и"), ("ю", "и"), ("е", "и"), ("е", "ь"),  # область, край, Никополь
    ("ью", "ь"), ("ю", "ь"), ("им", "ии"), ("ем", "и"),  # instrumental: над Курской областью,
    # над Сумською областю, над Краснодарским краем
    ("а", ""), ("у", ""), ("ом", ""), ("е", ""), ("ем", ""), ("і", ""),  # Курска, Курске
    ("і", "о"), ("а", "о"), ("у", "о"), ("ом", "о"),  # uk neuter: у Дніпрі, Дніпра (Дніпро)
    ("ах", "и"), ("ам", "и"), ("ами", "и"),  # plural names: по Сумах (Суми)
    ("ах", "ы"), ("ам", "ы"), ("ях", "и"), ("ям", "и"),  # ru plural: по Днепрянам (Днепряны)
    ("их", "ие"), ("ых", "ые"), ("іх", "і"),  # plural adjectives: в Великих Копанях
    ("ці", "ка"), ("ці", "ки"),  # uk locative of -ка: у Малокатеринівці (Малокатеринівка)
    ("ця", "ець"), ("ці", "ець"), ("цю", "ець"), ("цем", "ець"),  # uk -ець: у Марганці (Марганець)
    ("ца", "ец"), ("це", "ец"), ("цу", "ец"), ("цем", "ец"),  # ru -ец: в Марганце (Марганец)
    ("ого", "е"), ("ому", "е"), ("им", "е"),  # uk neuter adjective names: Шахового (Шахове)
    ("ого", "ое"), ("ому", "ое"), ("ом", "ое"),  # ru neuter: в Подстепном (Подстепное)
)
#: Endings tried only on the words of a two-word name (adjective and noun): "над Черным
#: морем", "Чорного моря", "у Чорному морі". On one word they would read common words
#: as villages ("Біля", near, as Біле).
_PHRASE_ENDINGS = (
    ("ым", "ое"), ("им", "ое"), ("ем", "е"), ("я", "е"), ("ю", "е"), ("і", "е"),
    # uk possessive adjectives: Часового, Часовому, Часовим Яром (Часів Яр)
    ("ового", "ів"), ("овому", "ів"), ("овим", "ів"), ("овім", "ів"),
    ("ому", "ии"),  # uk adjectives: у Кривому (Кривий)
    ("огу", "іг"), ("озі", "іг"), ("огом", "іг"),  # і/о and г/з: Кривого Рогу, у Кривому Розі (Ріг)
)


#: Words after an adjective (folded prefixes) that make it, not a town, a district (named after
#: its town), a front (context for the names around it) or a council (nothing).
_DISTRICT_NOUNS = ("раион", "округ", "громад")
_FRONT_NOUNS = ("напрям", "направлен")
_COUNCIL_NOUNS = ("сільськ", "сельск", "селищн", "міськ", "городск")
_DISTRICT_WORDS = _DISTRICT_NOUNS + _FRONT_NOUNS + _COUNCIL_NOUNS


#: Adjective endings (folded) of a district's name: Харківського, Рыльском, Покровському.
_ADJECTIVE_ENDINGS = ("ому", "ого", "ими", "ии", "ім", "ом", "ои", "іи", "ая", "ую", "ое", "оі")
#: The suffix that makes a town's name an adjective (Харків → Харківськ-ий).
_ADJECTIVE_SUFFIXES = ("ськ", "цьк", "зьк", "ск", "цк", "зк")


def _district_towns(word: str) -> list[str]:
    """Towns a folded district adjective may be named after: рыльском → рыльск; харківського → харків."""
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            base = word[: -len(ending)]
            out = [base]
            for suffix in _ADJECTIVE_SUFFIXES:
                if base.endswith(suffix):
                    root = base[: -len(suffix)]
                    out += [root, root + "о"]
                    if root.endswith("в"):
                        out.append(root[:-1])  # дніпровськ- → дніпро
                    if suffix in ("зьк", "зк"):
                        out.append(root + "жжя")  # запорізьк- → запоріжжя
            return out
    return []


def _lemmas(word: str, phrase: bool = False) -> list[str]:
    """Possible nominative forms of a folded Cyrillic word (the word itself first).

    ``phrase``: the word is one of a two-word name (:data:`_PHRASE_ENDINGS` apply too).
    """
    out = [word]
    if len(word) >= 7 and word.endswith("я"):
        out.append(word[:-1] + "ь")  # genitive of -ь: Мелитополя (Мелитополь); not short words ("Біля", near)
    for endings, shortest in ((_CYRILLIC_ENDINGS, 2), (_PHRASE_ENDINGS if phrase else (), 1)):
        for ending, base in endings:
            if word.endswith(ending) and len(word) - len(ending) >= shortest:
                lemma = word[: len(word) - len(ending)] + base
                if lemma not in out:
                    out.append(lemma)
    return out


def _inflected(text, folded, offsets, p, ends, lookup) -> Candidate | None:
    """A Cyrillic name in an oblique case: one word, or two ("Курской области")."""
    i = bisect.bisect_right(ends, p)
    words = []
    start = p
    for e in ends[i : i + 2]:
        while start < e and not folded[start].isalnum():
            start += 1
        if not "\u0400" <= folded[start] <= "\u04ff":
            break
        words.append((start, e))
        start = e
    for count in range(len(words), 0, -1):
        if count == 2 and " " != folded[words[0][1] : words[1][0]]:
            continue
        if count == 1 and len(words) == 2 and folded[words[1][0] : words[1][1]].startswith(_DISTRICT_WORDS):
            # "в Рыльском районе", "на Покровському напрямку", "міська рада": never the
            # village of the same adjective (Дніпровське). A district is its town (Рыльск),
            # a front is context only, a council is nothing.
            second = folded[words[1][0] : words[1][1]]
            district = second.startswith(_DISTRICT_NOUNS)
            front = second.startswith(_FRONT_NOUNS)
            for town in _district_towns(folded[words[0][0] : words[0][1]]) if district or front else ():
                iso, entries, _words = lookup(town)
                if entries and iso is None:
                    s, e = offsets[p], offsets[words[1][1] - 1] + 1
                    return Candidate(s, e, text[s:e], town, entries=list(entries), context_only=front)
            return None
        forms = [_lemmas(folded[a:b], phrase=count == 2) for a, b in words[:count]]
        phrases = forms[0] if count == 1 else [f"{x} {y}" for x in forms[0] for y in forms[1]]
        for phrase in phrases[1:] if count == 1 else phrases:
            iso, entries, _words = lookup(phrase)
            if not entries or iso is not None:
                continue
            s, e = offsets[p], offsets[words[count - 1][1] - 1] + 1
            if e < len(text) and text[e].isalnum():
                continue
            surface = text[s:e]
            if count == 2:
                second = text[offsets[words[1][0]] : e]
                if not (second[:1].isupper() or phrase.split(" ", 1)[1] in _LOWER_OK):
                    continue
            return Candidate(s, e, surface, phrase, entries=list(entries))
    return None


def _phrases(text, folded, offsets, p, ends, max_words=MAX_WORDS, max_len=MAX_KEY_LENGTH, i=None, more=None):
    """The folded phrases of 1..max_words words starting at ``p``, longest first.

    A word ending in ``s`` right after an apostrophe of the original ("Moscow's",
    folded "moscows") also yields the phrase without the ``s``. ``i``, when
    known, is the index in ``ends`` of the first word's end. ``more``, when
    given, is :func:`_multi_word_starts`' answer for a phrase and the character
    after it: where no name or demonym begins so, no longer phrase is one (nor,
    the prefixes of demonyms being known, a plural of one), and the phrases stop.
    """
    if i is None:
        i = bisect.bisect_right(ends, p)
    known = getattr(more, "cache", None) or {}  # answers read inline, as find_candidates does
    out = []
    prev = p
    for e in ends[i : i + max_words]:
        if e - p > max_len:
            break
        if prev != p:
            # A name goes on only with a capitalised word or an allowed small
            # word ("Kursk region", "Republic of Crimea"): stop looking further.
            ws = prev
            while ws < e and not folded[ws].isalnum():
                ws += 1
            if not text[offsets[ws]].isupper() and not text[offsets[ws]].isdigit() and folded[ws:e] not in _LOWER_OK:
                break
        out.append(folded[p:e])
        if folded[e - 1] == "s" and e - 1 > p and text[offsets[e - 1] - 1] in _APOSTROPHES:
            # "London's": the name without the s is tried first (the list is reversed)
            out.append(folded[p : e - 1])
        if more is not None:
            prefix = folded[p : e + 1]
            found = known.get(prefix)
            if not (more(prefix) if found is None else found):
                break
        prev = e
    out.reverse()
    return out


def _match(store, text, folded, offsets, p, key, n, ntext) -> Candidate | None:
    """A candidate for ``folded[p:p+len(key)]`` if it sits on word boundaries."""
    fe = p + len(key)
    possessive = False
    if fe < n and folded[fe].isalnum():
        # Folding removed the apostrophe of "Moscow's": accept a trailing s only
        # when the original has an apostrophe right before it.
        if not (folded[fe] == "s" and (fe + 1 == n or not folded[fe + 1].isalnum())):
            return None
        between = text[offsets[fe - 1] + 1 : offsets[fe]]
        if not between or between[-1] not in _APOSTROPHES:
            return None
        possessive = True
    s = offsets[p]
    e = offsets[fe - 1] + 1
    if e < ntext and _is_word_char(text[e]):
        return None
    surface = text[s:e]
    if not _looks_like_name(surface):
        return None
    if " " in key and _crosses_sentence(surface):
        return None
    if not possessive and e + 1 < ntext and text[e] in _APOSTROPHES and text[e + 1] in "sS":
        possessive = e + 2 >= ntext or not _is_word_char(text[e + 2])
    return Candidate(s, e, surface, key, possessive=possessive)
