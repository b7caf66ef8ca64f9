"""One analysed document per article: read once, annotated by steps, read by the event step.

As spaCy reads a text once into a ``Doc`` that every pipeline component adds to,
:func:`analyse` reads an article once into a :class:`Document`: the gazetteer's
place mentions of the whole text, then its :class:`Sentence` objects with
offsets. Every other annotation is made by the step that owns it
(:mod:`geomap.analysis`), the first time any later step asks, and kept: a
sentence's script, clauses, the roles of its place names (where it happened,
who said so, who owns what), the event rules it matches, its date, its counts,
the sides it names, whether it is background. The event step
(:mod:`geomap.incidents`) reads those annotations; it never re-derives them
from the raw string.

>>> doc = analyse(Article(text="Missiles hit Odesa on Monday.", source="x"), gazetteer)  # doctest: +SKIP
>>> [(m.text, role.kind) for m, role in zip(doc.sentences[0].mentions, doc.sentences[0].roles)]  # doctest: +SKIP
[('Odesa', 'bare')]
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from geomap.article import Article

if TYPE_CHECKING:
    from gazetteer.model import Mention

__all__ = ["Document", "Sentence", "analyse"]

#: A photo's credit: the sentence is its caption.
CAPTION = re.compile(
    r"\b(?:REUTERS|Reuters|AP Photo|AFP|Getty Images|EPA-EFE|Anadolu|Photo:|Photo by|Фото:|Фото)\b(?:/|\)|:|\s)"
)
#: Plain words one of which :data:`CAPTION` needs (a cheap test first).
_CAPTION_WORDS = ("REUTERS", "Reuters", "Photo", "AFP", "Getty", "EPA", "Anadolu", "Фото")
#: How old a captioned photo's day may be to still be the news: older, a file photo.
FILE_PHOTO_DAYS = 31

#: A line that links to another article: its headline is that article's news, not this one's.
#: ... or a picture that only illustrates ("Illustrative photo: ...", "Фото ілюстративне").
LINK = re.compile(
    r"\s*(?:read (?:also|more)|see also|related|also read|more on this|"
    r"читайте (?:також|также|ещё|еще)|дивіться також|смотрите также|по теме|за темою|"
    r"(?:illustrative|file|archive|stock) (?:photo|image|picture)|фото ілюстративне|ілюстративне фото|"
    r"фото иллюстративное|иллюстративное фото|архівне фото|архивное фото)\s*[:\-\u2013\u2014.]",
    re.IGNORECASE,
)

#: How many sentences back "the same day" looks for the day it means.
_ANCHOR_REACH = 8
#: How many sentences of the body a headline takes its day and weapon from.
_TITLE_REACH = 3


class Sentence:
    """One sentence of a :class:`Document`; its annotations are computed on first use and kept.

    Attributes
    ----------
    doc : Document
    index : int
        Position in the document.
    start, end : int
        Offsets in the article's text.
    """

    def __init__(self, doc: Document, index: int, start: int, end: int) -> None:
        self.doc = doc
        self.index = index
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.text[:40]!r})"

    @cached_property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    @cached_property
    def cyrillic(self) -> bool:
        """Whether the sentence holds Cyrillic letters (Russian/Ukrainian vocabulary applies)."""
        from geomap.analysis.text import has_cyrillic

        return has_cyrillic(self.text)

    # -- places ---------------------------------------------------------------------------------
    @cached_property
    def mentions(self) -> list[Mention]:
        """The document's place mentions inside this sentence (offsets in the article's text)."""
        first = bisect.bisect_left(self.doc.starts, self.start)
        last = bisect.bisect_left(self.doc.starts, self.end)
        return [m for m in self.doc.mentions[first:last] if m.end <= self.end]

    @cached_property
    def spans(self) -> list[tuple[int, int, bool, str]]:
        """``(start, end, demonym, kind)`` of each mention, relative to the sentence."""
        return [(m.start - self.start, m.end - self.start, m.demonym, m.place.kind) for m in self.mentions]

    @cached_property
    def roles(self) -> list:
        """How each place name stands (:func:`geomap.analysis.places.mention_roles`)."""
        from geomap.analysis.places import mention_roles

        return mention_roles(self.text, self.spans)

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """Clause spans, relative to the sentence (:func:`geomap.analysis.text.split_clauses`)."""
        from geomap.analysis.text import split_clauses

        # Lists of places keep a clause together across commas; a demonym opens no such list
        # ("fired rockets at northern Israel, and Israeli jets struck southern Lebanon").
        return split_clauses(self.text, [start for start, _end, demonym, _kind in self.spans if not demonym])

    @cached_property
    def sides(self) -> list:
        """The sides the sentence names (:func:`geomap.analysis.actors.find_sides`)."""
        from geomap.analysis.actors import find_sides

        return find_sides(self.text, [(*span[:4], m.place.country, m.place.name) for m, span in zip(self.mentions, self.spans)])

    # -- events, dates, counts ------------------------------------------------------------------
    @cached_property
    def hits(self):
        """The event rules whose words occur (:func:`geomap.analysis.classify.rule_hits`); empty for most."""
        from geomap.analysis.classify import rule_hits

        return rule_hits(self.text)

    @cached_property
    def background(self) -> bool:
        """No news of the day: an earlier year's events ("In 2022, Russian troops captured
        Kherson"), tallies since the war began, habits ("repeatedly shelled"), a link to
        another article ("Read also: ...", "Читайте також: ..."), or the caption of a file
        photo (a credit, and a day more than :data:`FILE_PHOTO_DAYS` before publication)."""
        from geomap.analysis.dates import is_background

        published = self.doc.article.published
        if LINK.match(self.text) or is_background(self.text, published):
            return True
        following = self.doc.sentences[self.index + 1].text if self.index + 1 < len(self.doc.sentences) else ""
        if published is None or not any(word in self.text or word in following[:40] for word in _CAPTION_WORDS):
            return False
        if CAPTION.search(self.text) or CAPTION.match(following.lstrip("( ")):
            # a file photo's caption: "... in Kharkiv, Ukraine October 6, 2022. REUTERS/..." in 2024
            day = self.date[0]
            return day is not None and (published - day).days > FILE_PHOTO_DAYS
        return False

    @cached_property
    def date(self) -> tuple[date | None, int | None, str | None]:
        """The sentence's own date words resolved (:func:`geomap.analysis.dates.find_date`).

        "The same day", "the day before", "the next day" count from the day an
        earlier sentence named (:attr:`anchor`).
        """
        from geomap.analysis.dates import find_date, is_discourse

        published = self.doc.article.published
        found = find_date(self.text, published)
        if is_discourse(found[2]):
            found = find_date(self.text, published, self.anchor[0])
        return found

    @cached_property
    def anchor(self) -> tuple[date | None, int | None, str | None]:
        """The day the text spoke of last: the :attr:`date` of the nearest earlier sentence that has one.

        A report goes on about the day it named until it names another ("Yesterday 16
        villages were shelled. ... A woman was wounded in Bilozerka."). ``(None, None,
        None)`` when no sentence within reach names a day.
        """
        if self.is_title:
            # A headline tells of the day its lede names ("Two killed in attack on Crimea
            # bridge" ... "in the early hours of Monday").
            for later in self.doc.sentences[self.index + 1 : self.index + 1 + _TITLE_REACH]:
                if not later.is_title and later.date[0] is not None and not later.background:
                    return later.date
            return (None, None, None)
        for earlier in reversed(self.doc.sentences[max(0, self.index - _ANCHOR_REACH) : self.index]):
            if earlier.date[0] is not None and not earlier.background:
                return earlier.date
        return (None, None, None)

    @cached_property
    def counts(self) -> list[tuple[str, str, int, int]]:
        """Killed, injured and other quantities (:func:`geomap.analysis.counts.count_items`)."""
        from geomap.analysis.counts import count_items

        return count_items(self.text)

    @cached_property
    def evidence(self) -> dict[str, Any]:
        """The sentence as evidence: source, text and offsets in the input (when known)."""
        article = self.doc.article
        if self.is_title:
            base = article.title_offset
        else:
            base = None if article.offset is None else article.offset - self.doc.body_at
        return {
            "source": article.source,
            "text": self.text,
            "start": None if base is None else base + self.start,
            "end": None if base is None else base + self.end,
        }

    @property
    def is_title(self) -> bool:
        """Whether the sentence is the article's headline."""
        return self.start < self.doc.body_at

    # -- neighbours -----------------------------------------------------------------------------
    @property
    def previous(self) -> Sentence | None:
        """The sentence before, when in the same paragraph (its date may be this one's)."""
        if self.index == 0:
            return None
        before = self.doc.sentences[self.index - 1]
        return None if "\n\n" in self.doc.text[before.end : self.start] else before

    @property
    def context(self) -> list[str]:
        """The texts of up to three sentences before (weapon words for generic rules).

        For the headline, the lede's (nearest first): "Two killed in attack on Crimea bridge"
        takes its weapon from "Two drones hit the bridge".
        """
        if self.is_title:
            return [s.text for s in reversed(self.doc.sentences[self.index + 1 : self.index + 1 + _TITLE_REACH])]
        return [s.text for s in self.doc.sentences[max(0, self.index - 3) : self.index]]


class Document:
    """An article analysed once: its text, place mentions, sentences and identity.

    Attributes
    ----------
    article : Article
    text : str
        The article's text.
    mentions : list of gazetteer.model.Mention
        Every place mention of the text, in order.
    sentences : list of Sentence
    key : str
        The article's identity from its content (:func:`geomap.incidents.article_key`).
    """

    def __init__(
        self, article: Article, mentions: list, spans: list[tuple[int, int]], key: str, text: str | None = None,
        body_at: int = 0,
    ) -> None:
        self.article = article
        self.text = article.text if text is None else text
        self.body_at = body_at  # where the article's text starts in :attr:`text` (after its headline)
        self.mentions = mentions
        self.starts = [m.start for m in mentions]  # for each sentence's slice of them
        self.sentences = [Sentence(self, i, start, end) for i, (start, end) in enumerate(spans)]
        self.key = key

    def __repr__(self) -> str:
        return f"Document({self.article.source!r}, {len(self.sentences)} sentences, {len(self.mentions)} mentions)"


def analyse(article: Article, gazetteer: Any) -> Document:
    """Read ``article`` once: place mentions (``gazetteer.find``) and sentences.

    Parameters
    ----------
    article : Article
    gazetteer : gazetteer.Gazetteer
        Finds and resolves the place names of the whole text (one context).

    Returns
    -------
    Document
    """
    from geomap.analysis.text import split_sentences
    from geomap.incidents import article_key

    # The headline is read as the first paragraph: it often names what the body only
    # implies ("... Sabotage Group in Bryansk Region"), and its places are context for the body's.
    text, body_at = (f"{article.title}\n\n{article.text}", len(article.title) + 2) if article.title else (article.text, 0)
    mentions = sorted(gazetteer.find(text), key=lambda m: m.start)
    return Document(article, mentions, split_sentences(text), article_key(article), text, body_at)
