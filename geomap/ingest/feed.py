"""RSS and Atom feeds, read with feedparser: one article per entry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from geomap.article import Article
from geomap.errors import InputError, describe
from geomap.ingest.dates import parse_date
from geomap.ingest.html import html_to_text
from geomap.ingest.sources import Source


def read_feed(source: Source) -> Iterator[Article | InputError]:
    """Read an RSS or Atom feed.

    An entry's text is its longest ``content`` (else its ``summary``) with HTML
    removed; its date the one it was published (else updated), as the feed writes
    it. The feed's own date is not given to undated entries.
    """
    import feedparser  # only needed when a feed is read

    try:
        parsed = feedparser.parse(source.read_bytes())
    except InputError:
        raise
    except Exception as err:  # e.g. a declared encoding Python does not know
        raise InputError(f"{source.name}: not a readable feed ({describe(err)})") from err
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no entries"
        raise InputError(f"{source.name}: not a readable feed ({_one_line(reason)})")
    index = 0
    for number, entry in enumerate(parsed.entries, 1):
        contents = [c.get("value", "") for c in entry.get("content", [])]
        raw = max(contents, key=len) if any(contents) else entry.get("summary", "")
        text = html_to_text(raw or "")
        title = html_to_text(entry.get("title", "")) or None
        if not text:
            yield InputError(f"{source.name} entry {number}: no text ({title or 'untitled'})")
            continue
        yield Article(
            text=text,
            source=source.name,
            title=title,
            published=_entry_date(entry),
            url=entry.get("link") or None,
            offset=None,
            index=index,
        )
        index += 1


def _entry_date(entry) -> date | None:
    for key in ("published", "updated", "created"):
        found = parse_date(entry.get(key))
        if found is not None:
            return found
    # feedparser also normalises dates it can read to UTC struct_time.
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed is not None:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _one_line(reason: object) -> str:
    return " ".join(str(reason).split())
