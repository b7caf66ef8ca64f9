"""The offline guarantee: find anything in a page that would make the browser fetch.

A map written without ``tiles``/``cdn`` must open with no network at all. After
rendering, :func:`check_offline` scans every place HTML can load a resource from
(``src``/``href`` of script, link, img, iframe, source, embed; CSS ``url()`` and
``@import``) and raises :class:`ExternalResourceError` if any points off the page.
Embedded data (``<script type="application/json">``) is skipped: article text may
legitimately quote URLs, and it is never loaded, only shown as text.
"""

from __future__ import annotations

import re

from geomap.errors import ExternalResourceError

_DATA_BLOCK = re.compile(r"<script[^>]*type=\"application/json\"[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)
_ATTR = re.compile(
    r"<(?:script|link|img|iframe|source|embed|audio|video|image|use)\b[^>]*?\s"
    r"(?:src|href|xlink:href|srcset|poster)\s*=\s*(['\"]?)([^'\"\s>]+)\1",
    re.IGNORECASE,
)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import\s+(['\"])([^'\"]+)\1", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTR = re.compile(r"\sstyle\s*=\s*(['\"])(.*?)\1", re.DOTALL | re.IGNORECASE)


def _loads_something(url: str) -> bool:
    # data: and fragment references stay inside the page; anything else (absolute,
    # protocol-relative or a relative file next to the page) is a fetch.
    url = url.strip()
    return bool(url) and not url.lower().startswith(("data:", "#", "about:blank", "blob:"))


def find_external_urls(html: str) -> list[str]:
    """Every URL in ``html`` that a browser would fetch when opening it.

    Parameters
    ----------
    html : str
        A complete page.

    Returns
    -------
    list of str
        The offending URLs, in page order, without duplicates.
    """
    page = _DATA_BLOCK.sub("", html)
    found = [m.group(2) for m in _ATTR.finditer(page)]
    css = [m.group(1) for m in _STYLE_BLOCK.finditer(page)]
    css += [m.group(2) for m in _STYLE_ATTR.finditer(page)]
    for sheet in css:
        found += [m.group(2) for m in _CSS_URL.finditer(sheet)]
        found += [m.group(2) for m in _CSS_IMPORT.finditer(sheet)]
    return list(dict.fromkeys(u for u in found if _loads_something(u)))


def check_offline(html: str) -> None:
    """Raise if ``html`` would load anything from off the page.

    Raises
    ------
    ExternalResourceError
        Naming the first offending URLs.
    """
    urls = find_external_urls(html)
    if urls:
        shown = ", ".join(urls[:3]) + (f" (+{len(urls) - 3} more)" if len(urls) > 3 else "")
        raise ExternalResourceError(
            f"the map would load {len(urls)} resource(s) from outside the file: {shown}; "
            "use --cdn or --tiles if that is what you want"
        )
