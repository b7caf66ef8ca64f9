"""The :class:`Article` value type handed from ingest to extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

#: A lone surrogate: JSON's "\\ud800" escape gives one; no UTF-8 file or page can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """``value`` with lone surrogates replaced by U+FFFD (same length, so offsets hold).

    Examples
    --------
    >>> clean_text("Strike \\ud800 on Sumy")
    'Strike \\ufffd on Sumy'
    """
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


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

    def __post_init__(self) -> None:
        # Text from JSON escapes can hold lone surrogates, which no output can encode.
        for name in ("text", "title", "url"):
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                object.__setattr__(self, name, clean_text(value))
