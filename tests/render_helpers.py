"""Test data and browser plumbing shared by the map tests (render, CLI, browser).

Kept out of ``conftest.py`` (the lead's) so the map tests import exactly what they use.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

#: Hand-made incidents and articles for the map tests.
DATA = Path(__file__).parent / "data" / "render"


def load_frame() -> gpd.GeoDataFrame:
    """The incidents of ``tests/data/render/incidents.json`` as a GeoDataFrame (EPSG:4326)."""
    rows = json.loads((DATA / "incidents.json").read_text(encoding="utf-8"))
    frame = pd.DataFrame(rows)
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    # Country-level rows have no coordinates: an empty point keeps their place in the frame.
    geometry = [Point() if pd.isna(r.latitude) else Point(r.longitude, r.latitude) for r in frame.itertuples()]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def nested_read_errors(path) -> list[str]:
    """The error of reading ``path`` with nested JSON as objects, then as text (they must agree)."""
    import pytest

    from geomap.errors import InputError
    from geomap.readers import read_incidents

    errors = []
    for nested in ("objects", "text"):
        with pytest.raises(InputError) as caught:
            read_incidents(path, nested=nested)
        errors.append(str(caught.value))
    return errors


class Opened:
    """A map page in chromium plus what went wrong on it.

    Every request that is not ``file://`` or ``data:`` is aborted and recorded in
    :attr:`blocked`; console errors and uncaught exceptions go to :attr:`errors`.
    """

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.blocked: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda err: self.errors.append(str(err)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file://", "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def goto(self, path: Path) -> Opened:
        """Open a written map and wait until its script says it is ready."""
        self.page.goto(Path(path).resolve().as_uri())
        self.page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=20_000)
        return self

    def shown(self) -> list[str]:
        return sorted(self.page.evaluate("geomap.shownIds()"))

    def check_clean(self):
        assert self.blocked == [], f"page tried to fetch {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"


def chromium_browser():
    """A headless chromium for one test module (use as a module-scoped fixture).

    Module scope, not session: tests elsewhere drive Playwright's sync API
    themselves (``--png``), which cannot run while another sync session is open.
    """
    from conftest import require_chromium
    from playwright.sync_api import sync_playwright

    from geomap.render.snapshot import CHROMIUM_ARGS

    chromium = require_chromium()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        yield browser
        browser.close()


def png_pixels(data: bytes) -> list[list[tuple[int, ...]]]:
    """Rows of pixels of an 8-bit, non-interlaced RGB or RGBA PNG (chromium's screenshots).

    Enough of PNG to look at a snapshot without an imaging library.
    """
    import struct
    import zlib

    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    at, idat, width = 8, b"", 0
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace
            size = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * size, [], bytearray(width * size)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x:x + size]) for x in range(0, stride, size)])
        previous = line
    return rows


def download(page, selector: str) -> str:
    """The text of the file a click on ``selector`` downloads (the page needs ``accept_downloads``)."""
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_text(encoding="utf-8")
