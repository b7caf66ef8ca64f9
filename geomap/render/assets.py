"""Leaflet and its plugins, taken from installed packages and put inside the page.

Nothing third-party is stored in this repository: Leaflet comes from the
``xstatic-leaflet`` wheel, markercluster from ``xstatic-leaflet-markercluster`` and
Leaflet.heat from folium's own bundled ``templates/leaflet_heat.min.js``. Our own
small pieces (legend, date control, shaped markers) are package files under
``geomap/render/static/``.

Offline mode inlines every script and stylesheet (images referenced by the CSS
become ``data:`` URIs); ``cdn=True`` instead links the same versions from a CDN
for users who want a small file.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from branca.element import CssLink, Figure, JavascriptLink
from jinja2 import Template

from geomap.errors import ConfigurationError
from geomap.render.elements import Literal, PageElement


@dataclass(frozen=True)
class Asset:
    """One script or stylesheet: where it is installed and where a CDN serves it."""

    name: str
    kind: str  # "js" or "css"
    locate: str  # "module:relative/path" resolved with importlib
    cdn: str


#: Everything a map may need, in load order. Versions match the installed wheels
#: (xstatic-leaflet 1.9.3, xstatic-leaflet-markercluster 1.4.1).
ASSETS = {
    "leaflet_css": Asset(
        "leaflet_css", "css", "xstatic.pkg.leaflet:data/leaflet.css", "https://unpkg.com/leaflet@1.9.3/dist/leaflet.css"
    ),
    "leaflet": Asset(
        "leaflet", "js", "xstatic.pkg.leaflet:data/leaflet.js", "https://unpkg.com/leaflet@1.9.3/dist/leaflet.js"
    ),
    "markercluster_css": Asset(
        "markercluster_css",
        "css",
        "xstatic.pkg.leaflet_markercluster:data/MarkerCluster.css",
        "https://unpkg.com/leaflet.markercluster@1.4.1/dist/MarkerCluster.css",
    ),
    "markercluster": Asset(
        "markercluster",
        "js",
        "xstatic.pkg.leaflet_markercluster:data/leaflet.markercluster.js",
        "https://unpkg.com/leaflet.markercluster@1.4.1/dist/leaflet.markercluster.js",
    ),
    "heat": Asset(
        "heat",
        "js",
        "folium:templates/leaflet_heat.min.js",
        "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js",
    ),
    "geomap_css": Asset("geomap_css", "css", "geomap.render:static/geomap.css", ""),
    "geomap": Asset("geomap", "js", "geomap.render:static/geomap.js", ""),
}

_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def _path(asset: Asset) -> Path:
    module, _, rel = asset.locate.partition(":")
    try:
        root = resources.files(module)
    except ModuleNotFoundError as err:
        raise ConfigurationError(
            f"map asset {asset.name!r} needs the Python package providing {module!r}; "
            "reinstall geomap with its dependencies"
        ) from err
    path = Path(str(root.joinpath(rel)))
    if not path.is_file():
        raise ConfigurationError(f"map asset {asset.name!r} not found at {path}")
    return path


@cache
def asset_text(name: str) -> str:
    """The text of an installed asset, CSS images turned into ``data:`` URIs.

    Parameters
    ----------
    name : str
        A key of :data:`ASSETS`.

    Returns
    -------
    str
        Script or stylesheet text ready to be inlined.

    Raises
    ------
    ConfigurationError
        When the package providing the asset is not installed.
    """
    asset = ASSETS[name]
    path = _path(asset)
    text = path.read_text(encoding="utf-8")
    if not asset.cdn:
        text = compact(text)
    if asset.kind == "css":
        text = _CSS_URL.sub(lambda m: _inline_url(m, path.parent), text)
    elif asset.kind == "js":
        # A literal "</script" inside inlined code would end the element early.
        text = text.replace("</script", "<\\/script")
    return text


def compact(code: str) -> str:
    """Our own script or stylesheet without its comment lines and indentation.

    Every map carries ``geomap.js``/``geomap.css``, written to be read: this drops
    the lines that are only a comment (``//`` or a ``/* ... */`` block starting a
    line and ending one) and the leading blanks, nothing else, so the code is the
    same (line breaks stay: no statement changes meaning). A third of their size.
    Our files hold no multi-line string or template literal, the one case where
    this would change a value.
    """
    kept, block = [], False
    for line in code.splitlines():
        text = line.strip()
        if block:
            block = not text.endswith("*/")
        elif text.startswith("/*"):
            block = not text.endswith("*/")
        elif text and not text.startswith("//"):
            kept.append(text)
    return "\n".join(kept) + "\n"


def _inline_url(match: re.Match, folder: Path) -> str:
    url = match.group(2)
    if url.startswith(("data:", "#")):
        return match.group(0)
    target = folder / url
    if not target.is_file():
        # Leave it: the offline check reports it instead of a silently broken image.
        return match.group(0)
    mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    payload = base64.b64encode(target.read_bytes()).decode("ascii")
    return f'url("data:{mime};base64,{payload}")'


def inline_script(code: str) -> Literal:
    """A ``<script>`` element holding code instead of linking it."""
    return Literal(f"<script>{code}</script>")


def inline_style(code: str) -> Literal:
    """A ``<style>`` element holding a stylesheet instead of linking it."""
    return Literal(f"<style>{code}</style>")


class Assets(PageElement):
    """Put the named assets in the page header, inline (default) or as CDN links.

    Parameters
    ----------
    names : sequence of str
        Keys of :data:`ASSETS`, in load order.
    cdn : bool
        Link third-party assets from a CDN instead of inlining them. Our own
        ``geomap`` assets are always inlined (no CDN serves them).
    """

    _template = Template("")

    def __init__(self, names, *, cdn: bool = False):
        super().__init__()
        self._name = "Assets"
        self.names = list(names)
        self.cdn = cdn

    def render(self, **kwargs):
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise ConfigurationError("map assets must be rendered inside a folium Figure")
        for name in self.names:
            asset = ASSETS[name]
            if self.cdn and asset.cdn:
                link = JavascriptLink(asset.cdn) if asset.kind == "js" else CssLink(asset.cdn)
            elif asset.kind == "js":
                link = inline_script(asset_text(name))
            else:
                link = inline_style(asset_text(name))
            figure.header.add_child(link, name=f"geomap_asset_{name}")
        super().render(**kwargs)
