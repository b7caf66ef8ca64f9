"""Reading articles in the forms analysts have them.

:func:`iter_articles` turns files, folders, globs and ``-`` (standard input) into
a stream of :class:`~geomap.article.Article`; :func:`read_text` gives the decoded
text of one input, into which plain-text articles' offsets point.

Formats have one reader each, registered in :data:`geomap.ingest.formats.READERS`
and chosen by suffix, then by content (:func:`geomap.ingest.formats.detect_format`).
Encodings are detected in :mod:`geomap.ingest.encoding`; pages holding several
articles are split in :mod:`geomap.ingest.split`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from geomap.article import Article
from geomap.errors import InputError, UnreadableInputError, describe
from geomap.ingest.encoding import decode_bytes
from geomap.ingest.formats import READERS, SUFFIX_TO_FORMAT, detect_format, get_reader
from geomap.ingest.sources import (
    STDIN,
    Source,
    as_input_list,
    error_handler,
    expand_inputs,
)

__all__ = ["READERS", "iter_articles", "read_articles", "read_text"]

log = logging.getLogger(__name__)

OnError = Callable[[str, Exception], None]


def iter_articles(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    published: date | None = None,
    on_error: OnError | None = None,
) -> Iterator[Article]:
    """Stream the articles of ``inputs``.

    Parameters
    ----------
    inputs : iterable of str or path-like, or one of them
        Files, folders (searched recursively, sorted, hidden files skipped),
        globs, or ``-`` for standard input.
    published : datetime.date, optional
        Publication date for articles that carry none (never overrides one).
    on_error : callable, optional
        ``on_error(source, err)`` is called with the input's name and an
        :class:`~geomap.errors.InputError` (one line: input and reason) for an
        input or record that cannot be read; reading then goes on with the rest.
        Without it the error is raised.

    Yields
    ------
    Article
        In input order; articles of one input in their order there. Only one
        input is held in memory at a time (JSON Lines one line at a time).

    Raises
    ------
    InputError
        Only when ``on_error`` is None: the first unreadable input or record
        (:class:`~geomap.errors.UnreadableInputError` for a missing file or
        undecodable bytes).

    Examples
    --------
    >>> for article in iter_articles(["seeds/"]):  # doctest: +SKIP
    ...     print(article.source, article.title)
    """
    inputs = as_input_list(inputs)
    fail = error_handler(on_error)

    for item in expand_inputs(inputs, suffixes=SUFFIX_TO_FORMAT):
        if isinstance(item, tuple):
            fail(*item)
            continue
        yield from read_articles(item, published=published, on_error=fail)


def read_articles(
    source: Source,
    *,
    head: bytes | None = None,
    published: date | None = None,
    on_error: OnError,
) -> Iterator[Article]:
    """The articles of one input; ``on_error(source, err)`` for what cannot be read.

    Parameters
    ----------
    source : Source
        The input; when ``head`` is given, already opened
        (:meth:`~geomap.ingest.sources.Source.opened`) by a caller that sniffed
        it (:func:`geomap.load.load_incidents` tells articles from incident files).
    head : bytes, optional
        Its first bytes, read by that caller.
    published : datetime.date, optional
        Publication date for articles that carry none.
    on_error : callable
        Called with the input's name and an :class:`InputError` for the input or
        a record that cannot be read, and when the input holds no article.
    """
    said = False  # every input yields an article or says why not
    try:
        for article in _read(source, head):
            said = True
            if isinstance(article, InputError):
                on_error(source.name, article)
            elif published is not None and article.published is None:
                yield dataclasses.replace(article, published=published)
            else:
                yield article
    except InputError as err:
        said = True
        on_error(source.name, err)
    if not said:
        on_error(source.name, InputError(f"{source.name}: no articles"))


def _read(source: Source, head: bytes | None = None) -> Iterator[Article | InputError]:
    """The articles of one source; whatever fails inside a reader is this input's error.

    Readers lean on third-party parsers (trafilatura, lxml, htmldate, feedparser,
    charset-normalizer) that raise all kinds of exceptions on hostile or broken
    bytes. Any of them becomes an :class:`InputError` naming the input, so one
    bad input never stops the run.
    """
    try:
        if head is not None:  # opened by the caller, who sniffed it
            yield from get_reader(detect_format(source, head))(source)
            return
        # Opened once: the format is sniffed from the first bytes the reader then reads again.
        with source.opened() as (opened, head):
            yield from get_reader(detect_format(opened, head))(opened)
    except InputError:
        raise
    except RecursionError as err:
        raise InputError(f"{source.name}: nested too deeply to read") from err
    except Exception as err:
        log.debug("%s: reader failed", source.name, exc_info=True)
        raise InputError(f"{source.name}: cannot read ({describe(err)})") from err


def read_text(source: str | os.PathLike) -> str:
    """The decoded text of one input (encoding detected, byte-order mark removed).

    Plain-text articles' :attr:`~geomap.article.Article.offset` and evidence
    offsets point into this string. Standard input (``-``) can be read only once.

    Raises
    ------
    UnreadableInputError
        When the input is missing, unreadable or not text.
    """
    name = os.fspath(source)
    src = Source(STDIN) if name == STDIN else Source(name, _existing(name))
    return decode_bytes(src.read_bytes(), name)


def _existing(name: str) -> Path:
    path = Path(name)
    if not path.is_file():
        raise UnreadableInputError(f"{name}: no such file")
    return path
