"""A map of 200,000 incidents in a real headless chromium (#13).

Before #13 the page took ``Math.min.apply`` over every date: above about 125,000 dated
incidents Chromium threw "Maximum call stack size exceeded" and the page never became
ready. No timing is asserted here (``bench/bench_map.py`` measures); only that the page
becomes ready, shows what it should and logs no error.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from render_helpers import Opened, chromium_browser

from geomap.render import write_map

pytestmark = pytest.mark.browser

browser = pytest.fixture(scope="module")(chromium_browser)

TYPES = np.array(["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"])


def big_frame(n: int, seed: int = 13) -> gpd.GeoDataFrame:
    """``n`` dated point incidents over eastern Ukraine, built column-wise (seconds, not minutes)."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "event_id": [f"e{i:07d}" for i in range(n)],
            "event_type": TYPES[rng.integers(0, len(TYPES), n)],
            "event_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, n), unit="D"),
            "location": "Pokrovsk",
            "location_kind": "city",
            "geo_precision": 1,
            "fatalities": rng.integers(0, 4, n),
            "notes": "Shelling of <b>Pokrovsk</b> </script>",
        }
    )
    lon = rng.normal(37.0, 1.5, n).clip(30, 42)
    lat = rng.normal(48.5, 1.0, n).clip(44, 52)
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


@pytest.mark.parametrize("cluster", [False, True])
def test_200k_incident_map_becomes_ready(browser, tmp_path, cluster):
    n = 200_000
    frame = big_frame(n)
    path = write_map(frame, tmp_path / "big.html", cluster=cluster, basemap=False, context=False)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page)
    page.goto(path.resolve().as_uri(), timeout=180_000)
    page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=180_000)
    first, last = page.evaluate("[geomap.dayMin, geomap.dayMax]")
    days = (frame["event_date"] - pd.Timestamp("1970-01-01")).dt.days
    assert (first, last) == (int(days.min()), int(days.max()))
    assert page.evaluate("geomap.shownCounts().total") == n
    assert page.locator(".gm-hist").count() == 1
    opened.check_clean()
    page.close()
