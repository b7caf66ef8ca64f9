"""The table of input readers and how an input's format is chosen.

Like geopy's ``SERVICE_TO_GEOCODER``, one table maps a format name to its reader;
:func:`detect_format` picks the name from the file's suffix, or, for an unknown
suffix and for standard input, from the first bytes. A reader takes a
:class:`~geomap.ingest.sources.Source` and yields :class:`~geomap.article.Article`
objects; for a bad record inside an otherwise readable input (a malformed JSON
line) it yields an :class:`~geomap.errors.InputError` and goes on; when the whole
input is unreadable it raises one.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator

from geomap.article import Article
from geomap.errors import ConfigurationError, InputError
from geomap.ingest.feed import read_feed
from geomap.ingest.html import read_html
from geomap.ingest.records import read_json, read_jsonl
from geomap.ingest.sources import SNIFF_BYTES, Source
from geomap.ingest.text import read_plain

Reader = Callable[[Source], Iterator[Article | InputError]]

#: Format name → reader.
READERS: dict[str, Reader] = {
    "text": read_plain,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
}

#: Lower-case file suffix → format name. Suffixes not listed are sniffed.
SUFFIX_TO_FORMAT: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

_FEED = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|article|div|p|meta|title)\b", re.IGNORECASE)


def get_reader(name: str) -> Reader:
    """The reader registered for format ``name``.

    Raises
    ------
    ConfigurationError
        For a format geomap has no reader for.
    """
    try:
        return READERS[name]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise ConfigurationError(f"unknown input format {name!r} (known: {known})") from None


def detect_format(source: Source, head: bytes | None = None) -> str:
    """The format name of ``source``: by suffix, else by sniffing its first bytes.

    Parameters
    ----------
    source : Source
        The input.
    head : bytes, optional
        Its first bytes, when already read (standard input can be read only once).
    """
    by_suffix = SUFFIX_TO_FORMAT.get(source.suffix)
    if by_suffix is not None and by_suffix in READERS:
        return by_suffix
    if head is None:
        with source.open() as stream:
            head = stream.read(SNIFF_BYTES)
    return sniff_format(head)


def sniff_format(head: bytes) -> str:
    """The format name the first bytes of an input suggest (``text`` by default)."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    start = head.lstrip()
    if start.startswith(b"<"):
        if _FEED.search(start) and "feed" in READERS:
            return "feed"
        if _HTML.search(start) and "html" in READERS:
            return "html"
    elif start.startswith(b"[") and "json" in READERS:
        return "json"
    elif start.startswith(b"{") and "jsonl" in READERS:
        first, newline, _ = start.partition(b"\n")
        if newline and "json" in READERS:
            try:
                json.loads(first)
            except ValueError:
                return "json"  # one object spread over several lines
        return "jsonl"
    return "text"
