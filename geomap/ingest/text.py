"""Plain-text articles: the ``date`` header and pages of several articles."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date

from geomap.article import Article
from geomap.errors import InputError
from geomap.ingest.encoding import decode_bytes
from geomap.ingest.sources import Source
from geomap.ingest.split import split_page

log = logging.getLogger(__name__)

#: A leading `` date YYYY-MM-DD`` (or ``Date: YYYY-MM-DD``) header; the article
#: may follow on the same line.
HEADER = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|\Z)\s*", re.IGNORECASE)


def parse_header(text: str, source: str = "") -> tuple[date | None, int]:
    """The publication date of a `` date YYYY-MM-DD`` header and where the text begins.

    Parameters
    ----------
    text : str
        The decoded input.
    source : str, optional
        The input's name, for the warning about an impossible date.

    Returns
    -------
    (datetime.date or None, int)
        The date (None without a header, or when the header's date does not exist)
        and the offset of the first character after the header (0 without one).

    Examples
    --------
    >>> parse_header(" date 2024-12-18 A conversation ...")
    (datetime.date(2024, 12, 18), 17)
    """
    match = HEADER.match(text)
    if match is None:
        return None, 0
    try:
        return date.fromisoformat(match.group(1)), match.end()
    except ValueError:
        log.warning("%s: ignoring impossible date %s in the header", source, match.group(1))
        return None, match.end()


def read_plain(source: Source) -> Iterator[Article | InputError]:
    """Read the articles of a plain-text input (see :mod:`geomap.ingest.split`).

    Text and title are verbatim slices of the decoded input, with their offsets.
    """
    text = decode_bytes(source.read_bytes(), source.name)
    published, start = parse_header(text, source.name)
    pieces = split_page(text, start)
    if not pieces:
        yield InputError(f"{source.name}: no article text")
        return
    for index, piece in enumerate(pieces):
        title = piece.title
        yield Article(
            text=text[piece.start : piece.end],
            source=source.name,
            title=title.text if title is not None else None,
            published=published,
            offset=piece.start,
            index=index,
            title_offset=title.start if title is not None else None,
        )
