"""The :class:`Article` value type handed from ingest to extraction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read by :mod:`geomap.ingest`.

    Parameters
    ----------
    text : str
        The article body (without its title and without site furniture).
    source : str
        The input as the user gave it (a path, ``-`` for stdin), for provenance.
    title : str or None
        The article's title when known.
    published : datetime.date or None
        Publication date when known (from a header, the page, the feed, or
        ``--published``); None otherwise, never invented.
    url : str or None
        The article's URL when known.
    offset : int or None
        Character offset of ``text`` in the decoded source when ``text`` is a verbatim
        slice of it (plain-text inputs), so evidence offsets can point into the file;
        None when the text was extracted (HTML, feeds, JSON).
    index : int
        Position of the article within its source (0 for the first).
    title_offset : int or None
        Character offset of ``title`` in the decoded source when it is a verbatim slice.
    """

    text: str
    source: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    offset: int | None = 0
    index: int = 0
    title_offset: int | None = None
