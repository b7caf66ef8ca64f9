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
