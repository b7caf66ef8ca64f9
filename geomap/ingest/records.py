"""JSON Lines and JSON arrays of article objects.

An object's text is its first non-empty ``text``, ``body``, ``content`` or
``article`` field (a string, or a list of paragraph strings; HTML in it is stripped); the title is ``title`` or
``headline``; the date ``date``, ``published``, ``published_at``,
``publication_date``, ``pubDate`` or ``datetime``; the URL ``url`` or ``link``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator

from geomap.article import Article
from geomap.errors import InputError, UnreadableInputError
from geomap.ingest.dates import parse_date
from geomap.ingest.encoding import decode_bytes
from geomap.ingest.html import html_to_text
from geomap.ingest.sources import Source

log = logging.getLogger(__name__)

#: Field names, in order of preference.
TEXT_FIELDS = ("text", "body", "content", "article")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "publication_date", "pubDate", "datetime")
URL_FIELDS = ("url", "link")
#: Keys under which a JSON object may hold its list of articles.
LIST_FIELDS = ("articles", "items", "entries", "data", "results")


def article_from_record(record: object, source: str, index: int, where: str) -> Article | InputError:
    """One article object → :class:`Article`, or the error saying what is wrong.

    Parameters
    ----------
    record : object
        A parsed JSON value.
    source : str
        The input's name.
    index : int
        The record's position in the input.
    where : str
        ``line 3`` or ``item 3``, for messages.
    """
    if not isinstance(record, dict):
        return InputError(f"{source} {where}: expected an object, got {type(record).__name__}")
    text = _first(record, TEXT_FIELDS)
    if text is None:
        return InputError(f"{source} {where}: no {'/'.join(TEXT_FIELDS)} field with text")
    raw_date = _first(record, DATE_FIELDS)
    published = parse_date(raw_date)
    if raw_date is not None and published is None:
        log.warning("%s %s: ignoring date %r (not a full date)", source, where, raw_date)
    title = _first(record, TITLE_FIELDS)
    if "<" in text or "&" in text:
        text = html_to_text(text)
        if not text:
            return InputError(f"{source} {where}: no text left after removing HTML")
    return Article(
        text=text,
        source=source,
        title=html_to_text(title) if title and ("<" in title or "&" in title) else title,
        published=published,
        url=_first(record, URL_FIELDS),
        offset=None,
        index=index,
    )


def read_jsonl(source: Source) -> Iterator[Article | InputError]:
    """Read JSON Lines one line at a time (a malformed line is reported, the rest read)."""
    with source.open() as stream:
        yield from _records(_lines(stream, source), source.name, "line")


def read_json(source: Source) -> Iterator[Article | InputError]:
    """Read a JSON array of article objects (or one object, or ``{"articles": [...]}``)."""
    text = decode_bytes(source.read_bytes(), source.name)
    try:
        value = json.loads(text)
    except RecursionError as err:
        raise InputError(f"{source.name}: JSON nested too deeply") from err
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several objects, one per line: JSON Lines
            yield from _records(enumerate(text.splitlines(), 1), source.name, "line")
            return
        raise InputError(f"{source.name}: invalid JSON at line {err.lineno}: {err.msg}") from err
    if isinstance(value, dict):
        lists = [value[k] for k in LIST_FIELDS if isinstance(value.get(k), list)]
        value = lists[0] if lists and _first(value, TEXT_FIELDS) is None else [value]
    if not isinstance(value, list):
        raise InputError(f"{source.name}: expected a JSON array of article objects")
    index = 0
    for number, record in enumerate(value, 1):
        item = article_from_record(record, source.name, index, f"item {number}")
        index += isinstance(item, Article)
        yield item


def _records(
    lines: Iterable[tuple[int, str | InputError]], source: str, unit: str
) -> Iterator[Article | InputError]:
    index = 0
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(f"{source} {unit} {number}: invalid JSON ({err.msg}, column {err.colno})")
            continue
        except RecursionError:
            yield InputError(f"{source} {unit} {number}: JSON nested too deeply")
            continue
        item = article_from_record(record, source, index, f"{unit} {number}")
        index += isinstance(item, Article)
        yield item


def _lines(stream, source: Source) -> Iterator[tuple[int, str | InputError]]:
    for number, raw in enumerate(stream, 1):
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            # JSON is UTF-8 (RFC 8259), but exports from older tools are not always.
            try:
                yield number, decode_bytes(raw, f"{source.name} line {number}")
            except UnreadableInputError as err:
                yield number, err


def _first(record: dict, fields: tuple[str, ...]) -> str | None:
    for field in fields:
        value = record.get(field)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n\n".join(v.strip() for v in value if v.strip())  # a list of paragraphs
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
