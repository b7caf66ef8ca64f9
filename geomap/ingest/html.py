"""Saved HTML pages: main text and title with trafilatura, date with htmldate."""

from __future__ import annotations

import codecs
import html as html_lib
import logging
import re
from collections.abc import Iterator

from geomap.article import Article
from geomap.errors import InputError, describe
from geomap.ingest.dates import parse_date
from geomap.ingest.encoding import check_text, decode_bytes
from geomap.ingest.sources import Source

log = logging.getLogger(__name__)

#: Fewer words than this is not an article: trafilatura falls back to any text
#: on the page (a lone navigation link) when it finds no main content.
MIN_WORDS = 5

_TAG = re.compile(r"<[^>]*>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_html(data: bytes, source: str) -> str:
    """Decode a page: UTF-8 when the bytes are UTF-8, else its ``<meta>`` charset, else detected.

    A page saved by a browser is re-encoded as UTF-8 but keeps its original
    declaration, so bytes that are valid UTF-8 win over a declared single-byte
    code page (text in CP1251 is practically never valid UTF-8).
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return decode_bytes(data, source)
    declared = _META_CHARSET.search(data[:4096])
    if declared is not None:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            encoding = None
        # A <meta> readable as ASCII cannot be in UTF-16/32; the HTML standard
        # reads such a declaration as UTF-8.
        if encoding is not None and not encoding.startswith(("utf-16", "utf-32")):
            try:
                return check_text(data.decode(encoding), source)
            except UnicodeDecodeError:
                pass
    return decode_bytes(data, source)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry, a JSON field), tags removed."""
    import trafilatura  # heavy; only needed when HTML is read

    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    try:
        return trafilatura.html2txt(f"<html><body>{fragment}</body></html>").strip()
    except Exception:  # broken markup in one field must not lose the record
        log.debug("html2txt failed on a fragment", exc_info=True)
        return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


def read_html(source: Source) -> Iterator[Article | InputError]:
    """Read a saved HTML page as one article.

    The main text and title come from trafilatura (navigation, comments and
    boilerplate removed), the publication date from htmldate's conservative
    search (meta tags, structured data, ``<time>``, the URL; no guessing from
    free text). The text is extracted, so ``offset`` is None.
    """
    import htmldate
    import trafilatura

    html = decode_html(source.read_bytes(), source.name)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as err:  # lxml and trafilatura fail in many ways on broken markup
        raise InputError(f"{source.name}: cannot parse HTML ({describe(err)})") from err
    title = ((doc.title if doc is not None else None) or "").strip() or None
    text = ((doc.text if doc is not None else None) or "").strip()
    if title is not None and text.startswith(title):
        # trafilatura keeps the page's <h1>; the title is carried separately.
        text = text[len(title) :].lstrip()
    if len(text.split()) < MIN_WORDS:
        yield InputError(f"{source.name}: no article text found in the HTML page")
        return
    try:
        found = htmldate.find_date(html, extensive_search=False, original_date=True, url=doc.url)
    except Exception:  # a date is a bonus: a page htmldate chokes on is still an article
        log.debug("%s: htmldate failed", source.name, exc_info=True)
        found = None
    published = parse_date(found)
    yield Article(text=text, source=source.name, title=title, published=published, url=doc.url, offset=None)
