"""Splitting a plain-text page into articles and dropping site furniture.

Text copied or saved from a news site often holds several articles (a story and
the teasers under it) and the site's furniture: section labels, widget texts,
"More from …", "Loading...". The rules here are general, line-based and readable:

* **Furniture** is a line that ends with ``|`` (a navigation or label fragment),
  has no letters, separates several short items (``Home | World | Europe``), is a
  known widget text (:data:`FURNITURE_PATTERNS`), is only a date or time, or is a
  short line that occurs more than once on the page (a section label printed
  under every teaser).
* A **title** is a short line (at most :data:`TITLE_MAX_WORDS` words) that does not
  end like a sentence fragment (``.``, ``,``, ``:``, ``;``) and is followed by a
  paragraph. The first title-like line before the page's first paragraph is the
  first article's title (short lines before it, such as a byline, are dropped);
  further down, once the current article has a paragraph, a line starts a new
  article when it is title-like and either comes right after furniture (sites
  separate teasers with labels) or is in title case (``Putin Claims Control Over
  …``) with at least :data:`SPLIT_MIN_WORDS` words, so that sub-headings and
  short quotes do not split an article.
* A **paragraph** is a line of at least :data:`PARAGRAPH_MIN_WORDS` words or one
  that ends a sentence.

Each article's text is the verbatim span of the page from its first to its last
paragraph (short lines before and after, such as bylines, captions, tags and
related links, are left out), so offsets into it are offsets into the page. Furniture between two
body lines of one article stays inside that span (cutting it out would break the
offsets); leading and trailing furniture is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

#: Longest title, in words and characters.
TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 200
#: Fewest words of a title-case line that starts a new article in mid-page with no
#: furniture before it: headlines are longer than most sub-headings
#: ("What Happens Next", "Reactions From Kyiv").
SPLIT_MIN_WORDS = 6
#: A line this long (in words) is a paragraph even without a final full stop.
PARAGRAPH_MIN_WORDS = 12
#: Only lines this short can be widget texts or repeated labels.
FURNITURE_MAX_WORDS = 12
REPEATED_MAX_WORDS = 8
#: Share of a title's significant words that must be capitalised for title case.
TITLE_CASE_SHARE = 0.75

#: Widget texts of news sites, matched against a whole short line (case folded,
#: trailing punctuation and arrows removed). Extend as new sites turn up.
FURNITURE_PATTERNS: tuple[str, ...] = (
    r"loading",
    r"(weekly |daily |our |free |the )?newsletters?\b.*",
    r"(subscribe|sign up|sign in|log in|register|join us)\b.*",
    r"share( this| the)?( article| story| post| page| on \w+)?",
    r"(share|follow|like|find) (us|on)\b.*",
    r".*\bcookies?\b.*",
    r"(advertisement|advertising|advert|ad|sponsored( content)?|promoted( content)?)",
    r"(more|latest|top|also) (from|in|on|about) .+",
    r"(read|see|watch) (more|also|next)\b.*",
    r"also read\b.*",
    r"(related|recommended|popular|trending|latest|most read|most popular|top stories"
    r"|editor'?s picks|you (may|might) also like)( (articles|stories|news|posts|videos|content))?",
    r"skip to( the)?( main)? content",
    r"back to top",
    r"(print|email|e-mail|tweet|comments?|reply|copy link)( \(?\d+\)?)?",
    r"(facebook|twitter|x|telegram|whatsapp|linkedin|reddit|vk|viber|youtube|instagram)",
    r"(©|\(c\)|copyright|all rights reserved)\b.*",
    r"(tags?|теги|тэги|теґи|мітки)\b.*",
    r"by\s+[^\W\d_][^.!?]{0,80}",  # bylines ("By Reuters", "By Olena Harmash and Tom Balmforth")
    r"(reporting|writing|editing|additional reporting|compiled|edited)\s+by\b.*",
    r"our standards\b.*",
    r"support (us|our|up|the)\b.*|.*\bbecome (a|our) (patron|member|subscriber)\b.*|donate\b.*",
    r"(click|tap) here\b.*",
    r"(photo|image|video|illustration|illustrative (photo|image))( credits?)?",
    r".*\b(photo|фото|image|picture|video|відео|видео)\s*:.*",  # captions and credits
    r"(updated|published|posted|last updated)(:|\s+(on|at)\b|\s+\d).*",
    # Russian and Ukrainian sites
    r"(читайте|смотрите|дивіться) (также|тоже|також)\b.*",
    r"(подписывайтесь|подпишитесь|підписуйтесь|підпишіться)\b.*",
    r"(реклама|поделиться|поділитися|загрузка|завантаження)",
)

_FURNITURE = re.compile("|".join(f"(?:{p})" for p in FURNITURE_PATTERNS))
#: A line that is only a date and/or a time: "18 December 2024, 14:05", "Dec 18, 2024",
#: "2024-12-18 14:05", "14:05".
_CLOCK = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_TIMESTAMP = re.compile(
    r"(?:\d{1,2}\s+[^\W\d_]{3,10}\.?,?\s+\d{4}|[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    rf"(?:,?\s*(?:at\s+|в\s+|о\s+)?{_CLOCK})?"
    rf"|(?:\d{{1,2}}\s+[^\W\d_]{{3,10}},?\s*(?:at\s+|в\s+|о\s+)?)?{_CLOCK}"
)
_CLOCK_IN_LINE = re.compile(r"\b\d{1,2}:\d{2}\b")
_TRAILING = re.compile(r"[\s.…:›»→>|]+$")
_LINE = re.compile(r"[^\r\n]+")
_LETTER = re.compile(r"[^\W\d_]")
_NAV_SEPARATORS = re.compile(r"\s[|•·»/]\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_FRAGMENT_END = re.compile(r"[.,:;|\-–—]$")
#: Words that stay lower case inside an English title.
_SMALL_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with as from into onto near over under "
    "after before amid against about via vs vs. per than up down off out is are was be".split()
)


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of a page: ``page[start:end] == text`` (stripped)."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        """Number of whitespace-separated words."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Piece:
    """One article found on a page, as spans of the page text.

    ``page[start:end]`` is the article's body; ``title`` is its title line, if any.
    """

    title: Line | None
    start: int
    end: int


def page_lines(page: str, start: int = 0) -> list[Line]:
    """The non-blank lines of ``page`` from ``start`` on, stripped, with offsets."""
    lines = []
    for match in _LINE.finditer(page, start):
        raw = match.group()
        text = raw.strip()
        if text:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(match.start() + lead, match.start() + lead + len(text), text))
    return lines


def furniture_key(text: str) -> str:
    """``text`` folded for comparing furniture: case, spacing, trailing marks."""
    return _TRAILING.sub("", " ".join(text.casefold().split()))


def is_furniture(line: Line, repeats: Counter[str] | None = None) -> bool:
    """True when ``line`` is site furniture rather than article text.

    Parameters
    ----------
    line : Line
        The line.
    repeats : collections.Counter, optional
        :func:`furniture_key` of every line of the page → count, to recognise
        short labels printed more than once.
    """
    text = line.text
    if text.endswith("|") or not _LETTER.search(text):
        return True
    words = line.words
    if words > FURNITURE_MAX_WORDS:
        return False
    if len(_NAV_SEPARATORS.findall(text)) >= 2:
        return True
    key = furniture_key(text)
    if _FURNITURE.fullmatch(key) or _TIMESTAMP.fullmatch(key):
        return True
    if not _SENTENCE_END.search(text) and (_TIMESTAMP.match(key) or _CLOCK_IN_LINE.search(key)):
        return True  # a dateline or a byline with a time: "Olha H. — Wednesday, 18 December 2024, 14:05"
    return (
        repeats is not None
        and words <= REPEATED_MAX_WORDS
        and repeats[key] > 1
        and not _SENTENCE_END.search(text)
    )


def is_title_like(line: Line) -> bool:
    """True when ``line`` could be a headline: short, not a sentence fragment."""
    text = line.text
    if not 2 <= line.words <= TITLE_MAX_WORDS or len(text) > TITLE_MAX_CHARS:
        return False
    if _FRAGMENT_END.search(text) or text.endswith(("...", "…")) or ";" in text:
        return False
    first = _LETTER.search(text)
    return first is not None and not first.group().islower() and text[0] not in "-–—•*·>"


def is_title_case(text: str) -> bool:
    """True when most significant words of ``text`` are capitalised (English headlines)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", text) if w.casefold() not in _SMALL_WORDS]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= TITLE_CASE_SHARE


def is_paragraph(line: Line) -> bool:
    """True when ``line`` is running text: long, or ending a sentence."""
    return line.words >= PARAGRAPH_MIN_WORDS or (line.words >= 3 and bool(_SENTENCE_END.search(line.text)))


def split_page(page: str, start: int = 0) -> list[Piece]:
    """Split ``page[start:]`` into articles, dropping site furniture.

    Parameters
    ----------
    page : str
        The decoded text of the page.
    start : int
        Where the articles begin (after a header).

    Returns
    -------
    list of Piece
        The articles in page order; empty when the page holds no text.

    Examples
    --------
    >>> page = "Storm Hits Coast\\n\\nA storm hit the coast on Monday, officials said.\\n"
    >>> [(p.title.text, page[p.start:p.end]) for p in split_page(page)]
    [('Storm Hits Coast', 'A storm hit the coast on Monday, officials said.')]
    """
    lines = page_lines(page, start)
    repeats = Counter(furniture_key(line.text) for line in lines)
    furniture = [is_furniture(line, repeats) for line in lines]
    content = [i for i, flag in enumerate(furniture) if not flag]
    following = {a: b for a, b in zip(content, content[1:])}

    groups: list[tuple[Line | None, list[Line]]] = []
    title: Line | None = None
    body: list[Line] = []
    after_furniture = False
    for i, line in enumerate(lines):
        if furniture[i]:
            after_furniture = True
            continue
        nxt = following.get(i)
        has_paragraph = any(is_paragraph(b) for b in body)
        starts = (
            is_title_like(line)
            and nxt is not None
            and is_paragraph(lines[nxt])
            and (
                (title is None and not has_paragraph)
                or (
                    has_paragraph
                    and (
                        after_furniture
                        or (
                            line.words >= SPLIT_MIN_WORDS
                            and is_title_case(line.text)
                            and lines[nxt].words >= PARAGRAPH_MIN_WORDS
                        )
                    )
                )
            )
        )
        if starts:
            if body:
                groups.append((title, body))
            title, body = line, []
        else:
            body.append(line)
        after_furniture = False
    if body:
        groups.append((title, body))

    # Short lines before the first title (a dateline, a byline, navigation) and
    # leftovers of a footer are not articles, unless they are all the page holds.
    real = [g for g in groups if any(is_paragraph(line) for line in g[1])]
    if not real:
        return [Piece(title, body[0].start, body[-1].end) for title, body in groups]
    pieces = []
    for title, body in real:
        # An article runs from its first paragraph to its last: short lines before
        # (byline, caption) and after (tags, related links, credits) are furniture.
        body_paragraphs = [line for line in body if is_paragraph(line)]
        pieces.append(Piece(title, body_paragraphs[0].start, body_paragraphs[-1].end))
    return pieces
