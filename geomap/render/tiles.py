"""Tile layers under the incidents: named providers, a URL template, or a local tile package.

``--tiles`` takes three kinds of value (:func:`tile_source` tells them apart):

* a provider name folium/xyzservices knows (``OpenStreetMap``, ``OpenTopoMap``);
* an XYZ URL template (``https://tiles.example.org/{z}/{x}/{y}.png``), e.g. an
  organisation's own tile server on a closed network;
* a local raster tile package, ``FILE.mbtiles`` (SQLite) or ``FILE.pmtiles``.

The first two make the page fetch tiles when it is opened: only when the user asked.
A package is **embedded**: the tiles covering the incidents' extent (plus a margin)
are read at build time and put in the page as ``data:`` images, so the map stays one
file that opens offline (:func:`read_package`). A page opened from disk cannot read
a file beside it (browsers refuse ``file://`` fetches), and serving the package
would need a server running beside the map; embedding costs size, so the zoom
levels embedded stop at a byte budget (:data:`PACKAGE_BUDGET`).
"""

from __future__ import annotations

import base64
import gzip
import logging
import math
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from geomap.errors import ConfigurationError, InputError

log = logging.getLogger(__name__)

#: Embedded tiles stop at the first zoom level that would take the page past this many bytes.
PACKAGE_BUDGET = 25_000_000

#: Suffixes of the local tile packages read.
PACKAGE_SUFFIXES = (".mbtiles", ".pmtiles")

#: Deepest zoom a URL template may ask for.
MAX_ZOOM = 24

_URL = re.compile(r"^https?://[^\s\"'<>\\`]+$", re.IGNORECASE)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)


@dataclass
class TileSource:
    """What ``--tiles`` named.

    Attributes
    ----------
    kind : str
        ``"provider"``, ``"url"`` or ``"package"``.
    value : str
        The name, template or path as given.
    online : bool
        True when the page will fetch tiles from the network.
    """

    kind: str
    value: str
    online: bool = field(init=False)

    def __post_init__(self):
        self.online = self.kind != "package"


def tile_source(value: str) -> TileSource:
    """Tell a provider name, a URL template and a tile package apart, and check each.

    Raises
    ------
    ConfigurationError
        A URL that is no http(s) XYZ template, a package that is missing or of
        another kind, an unknown provider name.
    """
    text = (value or "").strip()
    if not text:
        raise ConfigurationError("tiles: give a provider name, an XYZ URL template or a .mbtiles/.pmtiles file")
    if "://" in text or "{z}" in text:
        check_url_template(text)
        return TileSource("url", text)
    if text.lower().endswith(PACKAGE_SUFFIXES):
        path = Path(text)
        if not path.is_file():
            raise ConfigurationError(f"tiles: no such tile package: {text}")
        return TileSource("package", text)
    import folium

    try:
        folium.TileLayer(tiles=text)
    except ValueError as err:
        # folium takes an unknown name for a custom URL and asks for its attribution.
        raise ConfigurationError(
            f"unknown tiles {text!r}: use a tile provider name such as OpenStreetMap or "
            "OpenTopoMap (names from xyzservices.providers), an XYZ URL template "
            "(https://…/{z}/{x}/{y}.png) or a .mbtiles/.pmtiles file"
        ) from err
    return TileSource("provider", text)


def check_url_template(url: str) -> None:
    """Check an XYZ template: http(s), ``{z}``, ``{x}`` and ``{y}`` (or ``{-y}``), nothing that could break out.

    Raises
    ------
    ConfigurationError
    """
    if not _URL.match(url):
        raise ConfigurationError(f"tiles: {url!r} is not an http(s) URL template")
    missing = [p for p in ("{z}", "{x}") if p not in url]
    if "{y}" not in url and "{-y}" not in url:
        missing.append("{y}")
    if missing:
        raise ConfigurationError(f"tiles: the URL template lacks {', '.join(missing)} (like https://…/{{z}}/{{x}}/{{y}}.png)")
    unknown = set(re.findall(r"\{([^}]*)\}", url)) - {"z", "x", "y", "-y", "s", "r"}
    if unknown:
        raise ConfigurationError(f"tiles: unknown placeholder {{{sorted(unknown)[0]}}} in the URL template")


def check_max_zoom(value) -> int:
    """``--tiles-max-zoom``: an integer 0–24."""
    try:
        zoom = int(value)
    except (TypeError, ValueError) as err:
        raise ConfigurationError(f"tiles max zoom must be a whole number, not {value!r}") from err
    if not 0 <= zoom <= MAX_ZOOM:
        raise ConfigurationError(f"tiles max zoom {zoom} is out of range (0–{MAX_ZOOM})")
    return zoom


def tile_range(bounds, zoom: int) -> tuple[int, int, int, int]:
    """XYZ tiles (x0, y0, x1, y1) covering ``bounds`` (south, west, north, east) at ``zoom``."""
    south, west, north, east = bounds
    n = 2**zoom

    def x_of(lon):
        return min(n - 1, max(0, int((lon + 180.0) / 360.0 * n)))

    def y_of(lat):
        lat = max(min(lat, 85.0511), -85.0511)
        rad = math.radians(lat)
        return min(n - 1, max(0, int((1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n)))

    return x_of(west), y_of(north), x_of(east), y_of(south)


def _image_format(data: bytes) -> str | None:
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


class _MBTiles:
    def __init__(self, path: Path):
        try:
            self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            rows = self.db.execute("SELECT name, value FROM metadata").fetchall()
            self.db.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1").fetchall()
        except sqlite3.Error as err:
            raise InputError(f"{path}: not an MBTiles file ({err})") from err
        self.meta = {str(k): str(v) for k, v in rows if k is not None and v is not None}
        zooms = self.db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        self.minzoom, self.maxzoom = (int(zooms[0]), int(zooms[1])) if zooms[0] is not None else (0, -1)
        self.attribution = self.meta.get("attribution", "")

    def tiles(self, zoom, x0, y0, x1, y1):
        n = 2**zoom
        # MBTiles rows count from the south (TMS): flip to XYZ.
        rows = self.db.execute(
            "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? "
            "AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?",
            (zoom, x0, x1, n - 1 - y1, n - 1 - y0),
        )
        for x, row, data in rows:
            yield int(x), n - 1 - int(row), bytes(data or b"")

    def close(self):
        self.db.close()


class _PMTiles:
    def __init__(self, path: Path):
        from pmtiles.reader import MmapSource, Reader
        from pmtiles.tile import Compression

        self.file = path.open("rb")
        try:
            self.reader = Reader(MmapSource(self.file))
            header = self.reader.header()
            meta = self.reader.metadata()
        except Exception as err:  # the reader raises whatever a broken file makes it raise
            self.file.close()
            raise InputError(f"{path}: not a PMTiles v3 file ({type(err).__name__})") from err
        self.gzip = header.get("tile_compression") == Compression.GZIP
        self.minzoom, self.maxzoom = int(header["min_zoom"]), int(header["max_zoom"])
        self.attribution = str(meta.get("attribution", "")) if isinstance(meta, dict) else ""

    def tiles(self, zoom, x0, y0, x1, y1):
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                data = self.reader.get(zoom, x, y)
                if data:
                    yield x, y, gzip.decompress(data) if self.gzip else bytes(data)

    def close(self):
        self.file.close()


def read_package(path, bounds, *, max_zoom: int | None = None, budget: int = PACKAGE_BUDGET) -> dict:
    """The raster tiles of a package that cover ``bounds``, for embedding.

    Every zoom level of the package is read over ``bounds``, shallowest first, until
    one would take the total past ``budget`` bytes (it and deeper ones are left out,
    with a warning; Leaflet scales the deepest embedded level up).

    Parameters
    ----------
    path : path-like
        A ``.mbtiles`` or ``.pmtiles`` file of PNG, JPEG or WebP tiles.
    bounds : tuple
        (south, west, north, east) to cover.
    max_zoom : int, optional
        Embed no deeper level than this.
    budget : int
        Bytes of tile images at most.

    Returns
    -------
    dict
        ``{"tiles": {"z/x/y": data URI}, "minzoom", "maxzoom", "attribution"}``.

    Raises
    ------
    geomap.errors.InputError
        The file is no tile package, holds vector tiles or no tile over ``bounds``.
    """
    path = Path(path)
    package = _PMTiles(path) if path.suffix.lower() == ".pmtiles" else _MBTiles(path)
    try:
        tiles: dict[str, str] = {}
        total, deepest = 0, None
        top = package.maxzoom if max_zoom is None else min(package.maxzoom, max_zoom)
        for zoom in range(max(package.minzoom, 0), top + 1):
            level, size = {}, 0
            for x, y, data in package.tiles(zoom, *tile_range(bounds, zoom)):
                kind = _image_format(data)
                if kind is None:
                    raise InputError(
                        f"{path}: tile {zoom}/{x}/{y} is no PNG, JPEG or WebP image "
                        "(vector tiles cannot be drawn offline)"
                    )
                key = f"{zoom}/{x}/{y}"
                level[key] = f"data:image/{kind};base64," + base64.b64encode(data).decode("ascii")
                size += len(level[key])
            if level and total + size > budget:
                log.warning(
                    "%s: zoom levels from %d on left out: the tiles would pass %d MB", path, zoom, budget // 1_000_000
                )
                break
            if level:
                tiles.update(level)
                total += size
                deepest = zoom
        if not tiles:
            raise InputError(f"{path}: no tiles over the incidents' area")
        return {
            "tiles": tiles,
            "minzoom": min(int(k.split("/")[0]) for k in tiles),
            "maxzoom": deepest,
            "attribution": package.attribution,
        }
    finally:
        package.close()
