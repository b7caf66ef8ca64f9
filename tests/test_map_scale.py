"""A map of 200,000 incidents in a real headless chromium (#13).

Before #13 the page took ``Math.min.apply`` over every date: above about 125,000 dated
incidents Chromium threw "Maximum call stack size exceeded" and the page never became
ready. No timing is asserted here (``bench/bench_map.py`` measures); only that the page
becomes ready, shows what it should and logs no error.
"""

from __future__ import annotations

import json
import re

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from render_helpers import Opened, chromium_browser, load_frame
from shapely.geometry import box

import geomap.render.data as data_module
import geomap.render.map as render_map_module
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


@pytest.mark.parametrize("dense", [False, True], ids=["markers", "dense"])
def test_200k_incident_map_becomes_ready(browser, tmp_path, dense):
    n = 200_000
    frame = big_frame(n)
    # Markers (no clusters: the slowest part of a clustered map is markercluster, not ours)
    # and the dense canvas the map uses by default at this size.
    path = write_map(frame, tmp_path / "big.html", cluster=False, dense=dense, basemap=False, context=False)
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


# Dense maps (points drawn by our own canvas, hexagons while many are in view), forced on
# the small fixture so each incident can be checked against the frame.

FRAME = load_frame()
MAPPED = sorted(FRAME.loc[FRAME["location_kind"] != "country", "event_id"])


class Regions:
    def geometry(self, place_id):
        return {"admin1:RU.41": box(34.1, 50.9, 36.6, 52.4)}.get(place_id)

    def shapes(self, kind):
        return []


@pytest.fixture(scope="module")
def dense_maps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dense")
    points = write_map(FRAME, folder / "dense.html", gazetteer=Regions(), dense=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_map_module, "BIN_ABOVE", 2)
        binned = write_map(FRAME, folder / "binned.html", gazetteer=Regions(), dense=True)
    return {"points": points, "binned": binned}


@pytest.fixture
def open_dense(browser, dense_maps):
    pages = []

    def opener(which="points") -> Opened:
        opened = Opened(browser.new_page(viewport={"width": 1280, "height": 800})).goto(dense_maps[which])
        pages.append(opened)
        return opened

    yield opener
    for opened in pages:
        opened.page.close()


def container_xy(page, event_id):
    return page.evaluate(
        "(id) => { const i = geomap.data.id.indexOf(id);"
        " const p = geomap.map.latLngToContainerPoint([geomap.data.lat[i], geomap.data.lon[i]]);"
        " const r = geomap.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }",
        event_id,
    )


def test_dense_map_shows_every_incident_and_follows_the_filters(open_dense):
    opened = open_dense()
    page = opened.page
    assert page.evaluate("typeof L.markerClusterGroup") == "undefined"
    assert page.evaluate("geomap.dots.binned") is False
    assert opened.shown() == MAPPED
    page.locator(".leaflet-control-layers-overlays label", has_text="Battles").locator("input").click()
    mask = (FRAME["event_type"] != "Battles") & (FRAME["location_kind"] != "country")
    assert opened.shown() == sorted(FRAME.loc[mask, "event_id"])
    day = (pd.Timestamp("2024-12-15") - pd.Timestamp("1970-01-01")).days
    page.locator(".gm-from input").fill(str(day))
    dates = FRAME["event_date"]
    mask &= (dates >= "2024-12-15") | dates.isna()
    assert opened.shown() == sorted(FRAME.loc[mask, "event_id"])
    assert page.locator(".gm-hex-legend").is_hidden()
    opened.check_clean()


def test_dense_map_click_and_hover(open_dense):
    opened = open_dense()
    page = opened.page
    x, y = container_xy(page, "b1")
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .gm-popup", timeout=5000)
    text = page.locator(".leaflet-popup-content").inner_text()
    assert "Russian forces attacked Ukrainian positions near Pokrovsk, killing four soldiers." in text
    assert "2 incidents here" in text  # b3 is at the very same spot
    page.keyboard.press("Escape")
    x, y = container_xy(page, "e1")
    page.mouse.move(x, y)
    page.wait_for_function(
        "document.querySelector('.gm-tip') && document.querySelector('.gm-tip').textContent"
        " === 'Explosions/Remote violence — Kharkiv, 2024-12-18'",
        timeout=5000,
    )
    opened.check_clean()


def test_dense_map_counts_in_hexagons_and_says_so(open_dense):
    opened = open_dense("binned")
    page = opened.page
    assert page.evaluate("geomap.dots.binned") is True
    legend = page.locator(".gm-hex-legend")
    assert legend.is_visible()
    assert "Incidents per hexagon" in legend.inner_text()
    assert "More than 2 incidents in view are counted in hexagons" in legend.inner_text()
    # Every shown point is in one hexagon, and the counts add up.
    total = page.evaluate("(() => { let s = 0; geomap.dots.hexCounts.forEach(c => { s += c; }); return s; })()")
    points = int((FRAME["location_kind"] == "city").sum())  # the rest are areas, rings or listed
    assert total == points == page.evaluate("geomap.dots.inView") == page.evaluate("geomap.data.k.filter(k => k === 0).length")
    assert opened.shown() == MAPPED
    x, y = container_xy(page, "b1")
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .gm-popup", timeout=5000)
    assert "Pokrovsk" in page.locator(".leaflet-popup-content").inner_text()
    # Zoomed in far enough, fewer than the threshold are in view: the points themselves.
    page.evaluate("geomap.map.setView([geomap.data.lat[0], geomap.data.lon[0]], 14, {animate: false})")
    page.wait_for_function("geomap.dots.binned === false", timeout=5000)
    assert page.locator(".gm-hex-legend").is_hidden()
    opened.check_clean()


def test_dense_map_reads_the_evidence_after_it_is_shown(open_dense, dense_maps):
    html = dense_maps["points"].read_text(encoding="utf-8")
    assert re.search(r'<script type="application/json" id="incidents_\w+_ev"', html)
    opened = open_dense()
    page = opened.page
    page.wait_for_function("geomap.evReady === true", timeout=10_000)
    # Search reads the evidence sentences, export writes them.
    page.evaluate("geomap.setQuery('repelled')")
    assert opened.shown() == ["b3"]
    rows = page.evaluate("geomapTools.exportIndices()")
    assert [page.evaluate(f"geomap.data.id[{i}]") for i in rows] == ["b3"]
    assert "A second assault on Pokrovsk was repelled the next day." in page.evaluate("geomapTools.exportText('csv')")
    opened.check_clean()


def test_dense_map_draws_one_polygon_per_region_and_type(browser, tmp_path):
    # r1 told five more times on other days: six region-level battles in one region.
    extra = FRAME[FRAME["event_id"] == "r1"].loc[lambda f: f.index.repeat(5)].copy()
    extra["event_id"] = [f"r1-{k}" for k in range(5)]
    extra["event_date"] = pd.to_datetime(["2024-12-01", "2024-12-02", "2024-12-03", "2024-12-04", "2024-12-05"])
    frame = gpd.GeoDataFrame(pd.concat([FRAME, extra], ignore_index=True), crs="EPSG:4326")
    path = write_map(frame, tmp_path / "regions.html", gazetteer=Regions(), dense=True)
    opened = Opened(browser.new_page(viewport={"width": 1280, "height": 800})).goto(path)
    page = opened.page
    regions = sorted(frame.loc[frame["event_id"].str.startswith("r1"), "event_id"])
    assert page.evaluate("geomap.features.filter(f => f && f.gmRows).length") == 1
    assert opened.shown() == sorted(frame.loc[frame["location_kind"] != "country", "event_id"])
    # Only days 3 to 5: the polygon stays for r1-2..r1-4 although its first row (r1) is out.
    page.evaluate(
        "geomap.setRange(%d, %d)" % tuple((pd.Timestamp(d) - pd.Timestamp("1970-01-01")).days
                                          for d in ("2024-12-03", "2024-12-05"))
    )
    shown = opened.shown()
    assert [i for i in shown if i.startswith("r1")] == ["r1-2", "r1-3", "r1-4"]
    lead = page.evaluate("geomap.data.id.indexOf('r1')")
    listed = page.evaluate(f"geomap.together({lead}).map(i => geomap.data.id[i])")
    assert sorted(listed) == ["r1-2", "r1-3", "r1-4"]
    assert regions == ["r1"] + [f"r1-{k}" for k in range(5)]
    opened.check_clean()
    page.close()


@pytest.mark.parametrize("dense", [False, True], ids=["markers", "dense"])
def test_the_page_reads_binary_columns_as_the_row_by_row_payload(browser, tmp_path, dense):
    # Any map above BINARY_ABOVE rows gets its columns as typed bytes; forced here on frames
    # with hostile text, missing values and regions, the page must hold exactly the old JSON.
    import reference_payload
    from test_render_payload import Regions as Shapes
    from test_render_payload import varied

    frame = varied(400, 2)
    if dense:
        frame["event_id"] = [f"UKR{i:05d}" for i in range(len(frame))]  # packed as numbers too
    expected = reference_payload.build_payload(frame, gazetteer=Shapes()).data
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(data_module, "BINARY_ABOVE", 0)
        path = write_map(frame, tmp_path / "binary.html", gazetteer=Shapes(), dense=dense, basemap=False)
    assert 'data-encoding="columns-gzip-base64"' in path.read_text(encoding="utf-8")
    opened = Opened(browser.new_page(viewport={"width": 1280, "height": 800})).goto(path)
    page = opened.page
    page.wait_for_function("geomap.evReady === true", timeout=10_000)
    # Columns without missing values are Float64Arrays in the page: compared as lists.
    found = page.evaluate("JSON.stringify(geomap.data, (k, v) => v instanceof Float64Array ? Array.from(v) : v)")
    assert json.loads(found) == json.loads(json.dumps(expected))
    assert page.evaluate("geomap.data.f instanceof Float64Array")
    opened.check_clean()
    page.close()
