"""Sentences and clauses, with character offsets into the article text.

Extraction works clause by clause: the place of an event is looked for in the
clause that reports it, so "the drone strikes occurred just before Zelensky was
to meet U.S. officials in Saudi Arabia" does not put the strikes in Saudi Arabia.

Russian and Ukrainian text is split the same way, with their abbreviations
(``обл.``, ``вул.``, ``т.д.``) and clause openers (``що``/``что``,
``який``/``который``, ``після``/``после``, ``коли``/``когда``) beside the
English ones. :func:`has_cyrillic` is the one test every extraction step uses to
decide whether a sentence needs the Cyrillic vocabulary: English text never
pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

__all__ = ["LazyPattern", "has_cyrillic", "split_clauses", "split_sentences"]

#: Any letter of the Cyrillic block (Russian, Ukrainian, Belarusian ...).
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` has Cyrillic letters, so Russian/Ukrainian rules apply to it.

    Two scans in C: ASCII text (most English) is answered by :meth:`str.isascii`
    alone; other text by one search for a Cyrillic letter.

    Examples
    --------
    >>> has_cyrillic("Drones hit Kharkiv.")
    False
    >>> has_cyrillic("Дрони атакували Харків.")
    True
    """
    return not text.isascii() and _CYRILLIC.search(text) is not None


class LazyPattern:
    """A regular expression compiled the first time it is used, then used as the compiled one.

    For the Russian and Ukrainian patterns, which only sentences that
    :func:`has_cyrillic` says need them use: English text never compiles them
    (compiling them at import was a tenth of a second of every ``geomap`` run).
    The pattern's methods (``search``, ``match``, ``finditer``, ...) are the
    compiled pattern's.

    Examples
    --------
    >>> pattern = LazyPattern(r"вчора|вчера", re.IGNORECASE)
    >>> pattern.is_compiled
    False
    >>> pattern.search("Це сталося вчора").group()
    'вчора'
    >>> pattern.is_compiled
    True
    """

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def is_compiled(self) -> bool:
        """Whether the pattern has been used (and so compiled) yet."""
        return self._compiled is not None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._pattern[:40]!r}{'...' if len(self._pattern) > 40 else ''})"


#: Abbreviations whose full stop does not end a sentence (English, then
#: Russian/Ukrainian: "обл." oblast, "вул."/"ул." street, "р."/"г." year ...).
_ABBREVIATIONS = frozenset(
    ["обл", "вул", "ул", "просп", "пр", "пл", "рр", "гг", "т.д", "т.п", "т.е", "т.зв", "т.ч", "тис", "млн", "млрд",
     "грн", "руб", "див", "см", "напр", "ім", "им", "ст", "пгт", "смт", "нп", "н.п", "кв", "буд", "д", "тыс",
     "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "mt", "jr", "sr", "vs", "etc", "no", "nos", "approx", "est", "dept", "govt", "corp", "inc", "ltd", "co", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)

# A sentence ends at . ! ? or … (possibly followed by closing quotes/brackets) and
# whitespace, or at a line break; or at a full stop run into the next sentence, a word
# of two letters or more before it and a capitalised word after it ("active in
# Russia.On May 31", as pages scraped without their paragraph breaks read; not "U.S.Army").
_END = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)|\n|(?<=[^\W\d_]{2})\.(?=[A-ZА-ЯІЇЄҐЁ][a-zа-яіїєґё'\u2019]+\b)"
)
#: The word (with its inner full stops: "U.S.") that ends right before a sentence end.
_LAST_WORD = re.compile(r"[\w.]+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        Article text.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets of each sentence, stripped of surrounding
        whitespace; empty sentences are dropped.

    Examples
    --------
    >>> text = "Drones hit Kharkiv. Two were hurt, said Gen. Ivanov.\\nNext line.Run on, in the U.S.Army"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Drones hit Kharkiv.', 'Two were hurt, said Gen. Ivanov.', 'Next line.', 'Run on, in the U.S.Army']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n":
            token = _word_before(text, start, match.start())
            following = text[end : end + 3].lstrip()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if following and following[0].islower():
                continue
        _append(text, start, end, spans)
        start = end
    _append(text, start, len(text), spans)
    return spans


def _word_before(text: str, start: int, stop: int) -> str:
    """The lower-cased word ending at ``stop`` (a sentence mark), without its full stops.

    Scans back from the mark rather than searching the whole sentence so far, which
    made long paragraphs quadratic.
    """
    end = stop + 1 if text[stop] == "." else stop
    begin = end
    while begin > start and (text[begin - 1].isalnum() or text[begin - 1] in "._"):
        begin -= 1
    return text[begin:end].rstrip(".").lower()


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


#: Single words that open a new clause. Besides them: "as" (not after "such" or
#: "well"), "according to", "for <word>ing", and the marks ; : — , and a
#: spaced dash.
_SINGLE_CLAUSE_WORDS = frozenset(
    "that which who whom whose while whereas although though because before after following when since until "
    "unless amid amidst".split()
    # Russian and Ukrainian: that, which/who, after, when, while, although, because.
    + "що який яка яке які якого якої яких після коли поки хоча оскільки бо "
    "что который которая которое которые которого которой которых после когда пока хотя поскольку".split()
)
# The clause openers as one regular expression: the definition the fast scan of
# :func:`_clause_marks` must agree with (tests check they do).
_CLAUSE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(_SINGLE_CLAUSE_WORDS)) + r"|according to|for \w+ing|(?<!such )(?<!well )as)\b"
    r"|[;:\u2014]|\s[\u2013-]\s|,",
    re.IGNORECASE,
)
_FIRST_LETTERS = "".join(sorted({w[0] for w in _SINGLE_CLAUSE_WORDS} | set("afs")))
#: Marks and the words that may open a clause (by first letter), in one fast pass;
#: each word is then looked up in a set, quicker than trying every alternative of
#: :data:`_CLAUSE_WORDS` at every character.
_MARK_OR_WORD = re.compile(r"[;:\u2014,]|\s[\u2013-]\s|\b[" + _FIRST_LETTERS + _FIRST_LETTERS.upper() + r"]\w*")
_ING_WORD = re.compile(r" \w+ing\b", re.IGNORECASE)
_TO_WORD = re.compile(r" to\b", re.IGNORECASE)


def _clause_marks(sentence: str):
    """Where :data:`_CLAUSE_WORDS` matches in ``sentence``, in order.

    Yields matches that start where those of the regex start (a comma's match is
    the comma); a two-word opener ("according to") yields its first word.
    """
    skip_to = 0
    for match in _MARK_OR_WORD.finditer(sentence):
        start = match.start()
        if start < skip_to:
            continue  # inside "for keeping", "according to"
        token = match.group()
        if not token[0].isalnum() and token[0] != "_":
            yield match
            continue
        word = token.lower()
        if word in _SINGLE_CLAUSE_WORDS:
            yield match
        elif word == "as":
            before = sentence[max(0, start - 5) : start].lower()
            if before not in ("such ", "well "):
                yield match
        elif word == "for" or word == "according":
            tail = (_ING_WORD if word == "for" else _TO_WORD).match(sentence, match.end())
            if tail is not None:
                skip_to = tail.end()
                yield match


# After a comma these words continue the clause ("attacks on tankers, including
# incidents near Ust-Luga").
_CONTINUE_AFTER_COMMA = re.compile(
    r"\s*(?:(?:and|or|і|й|та|и|або|или)\s+)?(?:including|such as|notably|especially|particularly|mainly|namely|"
    r"in|near|at|outside|around|on|close to|not far from|"
    # a list of names the data lacks goes on to their district: "shelled Zavody, Brazhkivka and
    # Sulyhivka (Izium, Kharkiv)"
    r"(?-i:[A-Z])[\w'\u2019-]+(?:(?:,\s*|\s+and\s+)(?-i:[A-Z])[\w'\u2019-]+){0,4}\s*\(|"
    # a list of weapons goes on: "shelled with rocket launchers, mortars and artillery X"
    r"(?:heavy\s+)?(?:mortars|artillery|howitzers|tanks|rockets|rocket launchers|grenade launchers|missiles|drones|"
    r"guided bombs|aerial bombs|bombs|MLRS|(?:heavy\s+)?machine guns|small arms|aircraft|helicopters|"
    # calibres: "fired 152mm, 122mm, 120mm and 82mm mortars at ..."
    r"\d+\s?mm\b)|"
    # Russian/Ukrainian: including, in particular; in/at/on, near
    r"зокрема|у тому числі|в тому числі|в том числе|включно з|включая|особливо|особенно|"
    r"у|в|во|на|біля|поблизу|неподалік|під|около|возле|вблизи|неподалеку|под)\b",
    re.IGNORECASE,
)


_AND_OR = re.compile(r"\s*(?:and|or|і|й|та|и|або|или)\s+")
_SPACES = re.compile(r"\s*")


def split_clauses(sentence: str, mention_starts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Split one sentence into clauses.

    A comma ends a clause unless a place name (one of ``mention_starts``) or a
    word that continues the clause (``including``, ``near``, ...) follows it, so
    lists of places (``shelled Kherson, Nikopol and Marhanets``) stay together.

    Parameters
    ----------
    sentence : str
        The sentence text.
    mention_starts : sequence of int
        Offsets, within ``sentence``, where place names start.

    Returns
    -------
    list of (int, int)
        Clause spans within ``sentence``, covering it from start to end.
    """
    starts = set(mention_starts)
    cuts = [0]
    for match in _clause_marks(sentence):
        if match.group() == ",":
            # Matched in place (pos=) rather than on a copy of the rest of the sentence.
            after = match.end()
            after_and = _AND_OR.match(sentence, after)
            nxt = after_and.end() if after_and else _SPACES.match(sentence, after).end()
            if nxt in starts or _CONTINUE_AFTER_COMMA.match(sentence, after):
                continue
        cuts.append(match.start())
    cuts.append(len(sentence))
    spans = [(a, b) for a, b in pairwise(cuts) if b > a]
    return spans or [(0, len(sentence))]
