"""The analyst's tools on the map (#12): fullscreen, collapsible panels, the permalink,
search and export of the shown incidents.

Browser tests run in chromium with every request off the page blocked (and recorded);
each ends with no console error and nothing fetched.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from render_helpers import Opened, chromium_browser, download, load_frame

from geomap.render import embed_html, render_map, write_map

FRAME = load_frame()
browser = pytest.fixture(scope="module")(chromium_browser)

PANELS = ["legend", "layers", "dates", "filters", "country"]


def _poll(page, expression, tries=100):
    """Wait (untimed assertion: by polling) until ``expression`` is truthy in the page."""
    for _ in range(tries):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"never true: {expression}")


def _open_with_hash(page, path: Path, hash_: str) -> None:
    page.goto(Path(path).resolve().as_uri() + hash_)
    page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=20_000)


def _collapsed(page) -> dict:
    return page.evaluate(f"Object.fromEntries({json.dumps(PANELS)}.map(n => [n, geomapTools.collapsed(n)]))")


# ----------------------------------------------------------- panels, fullscreen


@pytest.mark.browser
def test_panels_collapsed_in_a_small_window_and_the_map_stays_visible(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "small.html")
    page = browser.new_page(viewport={"width": 800, "height": 500})
    opened = Opened(page).goto(path)
    assert _collapsed(page) == {name: True for name in PANELS}
    # Collapsed panels are their buttons only: together a small part of the window,
    # and the middle of the map is map, not a control.
    area = page.evaluate(
        "[...document.querySelectorAll('.gm-panel')].reduce((s, e) => {"
        " const r = e.getBoundingClientRect(); return s + r.width * r.height; }, 0)"
    )
    assert area < 0.05 * 800 * 500, area
    assert page.evaluate("!document.elementFromPoint(400, 300).closest('.leaflet-control')")
    # Open the legend by its button: its rows show, and the permalink keeps the state.
    page.click(".gm-legend .gm-panel-toggle")
    assert page.is_visible(".gm-legend .gm-legend-type")
    assert page.evaluate("geomapTools.collapsed('legend')") is False
    _poll(page, "location.hash.endsWith('collapsed=layers,dates,filters,country')")  # written once the map rests
    opened.check_clean()
    page.close()


@pytest.mark.browser
def test_panels_open_in_a_big_window_unless_asked(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "big.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    assert _collapsed(page) == {name: False for name in PANELS}
    assert page.is_visible(".gm-legend .gm-legend-type") and page.is_visible(".gm-dates input[type=range]")
    page.click(".gm-dates .gm-panel-toggle")
    assert not page.is_visible(".gm-dates input[type=range]")
    opened.check_clean()
    forced = tmp_path / "forced.html"
    forced.write_text(render_map(FRAME, collapsed=True).html(), encoding="utf-8")
    opened = Opened(page).goto(forced)
    assert _collapsed(page) == {name: True for name in PANELS}
    opened.check_clean()
    page.close()


@pytest.mark.browser
def test_panels_collapsed_in_the_embed_iframe(browser, tmp_path):
    # A frame of 1280x600 is not small: the panels collapse because it is an iframe.
    fragment = embed_html(render_map(FRAME).html(), height="600px")
    host = tmp_path / "host.html"
    host.write_text(f"<!doctype html><meta charset=utf-8><body style='margin:0'>{fragment}</body>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    opened = Opened(page)
    page.goto(host.resolve().as_uri())
    frame = page.frames[1]
    frame.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=20_000)
    assert frame.evaluate("geomapTools.collapsed('legend') && geomapTools.collapsed('layers') && geomapTools.collapsed('dates')")
    opened.check_clean()
    page.close()


@pytest.mark.browser
def test_fullscreen_button(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "fs.html")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    opened = Opened(page).goto(path)
    assert page.evaluate("geomapTools.isFullscreen()") is False
    page.click(".gm-tool-fullscreen")
    _poll(page, "geomapTools.isFullscreen()")
    box = page.evaluate("(() => { const r = geomap.map.getContainer().getBoundingClientRect(); return [r.width, r.height]; })()")
    assert box == [1000, 700]
    assert page.evaluate("document.querySelector('.gm-tool-fullscreen').classList.contains('gm-on')")
    page.click(".gm-tool-fullscreen")
    _poll(page, "!geomapTools.isFullscreen()")
    opened.check_clean()
    page.close()


# -------------------------------------------------------------------- permalink


@pytest.mark.browser
def test_permalink_restores_view_and_filters(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "link.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page)
    hash_ = "#view=9/48.1000/37.3000&from=2024-12-10&to=2024-12-15&hide=Protests&q=pokrovsk&collapsed=legend"
    _open_with_hash(page, path, hash_)
    assert page.evaluate("geomap.map.getZoom()") == 9
    lat, lon = page.evaluate("[geomap.map.getCenter().lat, geomap.map.getCenter().lng]")
    assert abs(lat - 48.1) < 1e-3 and abs(lon - 37.3) < 1e-3
    assert page.evaluate("geomap.start") == page.evaluate("geomap.dayMin") + 9  # 2024-12-01 + 9 days
    assert page.inner_text(".gm-from output") == "2024-12-10" and page.inner_text(".gm-to output") == "2024-12-15"
    assert page.evaluate("geomap.data.types.map((t, i) => [t.name, geomap.typeVisible(i)]).filter(x => !x[1]).map(x => x[0])") == ["Protests"]
    assert page.input_value(".gm-search-input") == "pokrovsk"
    assert opened.shown() == ["b1", "b3"]
    assert _collapsed(page) == {"legend": True, "layers": False, "dates": False, "filters": False, "country": False}

    # Change the filters and the view in the page: the hash follows, and opening
    # that hash in a fresh page gives the same map.
    page.fill(".gm-search-input", "")
    page.dispatch_event(".gm-search-input", "input")
    page.click(".gm-legend .gm-panel-toggle")
    page.click(".gm-legend-type:has-text('Battles')")
    page.evaluate("geomap.map.setView([49.5, 36.2], 7, {animate: false}); 0")
    _poll(page, "location.hash.startsWith('#view=7/49.5000/36.2000')")
    saved = page.evaluate("location.hash")
    shown = opened.shown()
    assert "b1" not in shown and "e1" not in shown and shown  # Battles hidden; Kharkiv's e1 is 2024-12-18
    opened.check_clean()
    fresh = browser.new_page(viewport={"width": 1280, "height": 800})
    again = Opened(fresh)
    _open_with_hash(fresh, path, saved)
    assert again.shown() == shown
    assert fresh.evaluate("geomap.map.getZoom()") == 7
    assert fresh.evaluate("geomapTools.collapsed('legend')") is False
    again.check_clean()
    fresh.close()
    page.close()


@pytest.mark.browser
def test_permalink_ignores_a_broken_hash(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "broken.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page)
    _open_with_hash(page, path, "#view=abc&from=2024-13-99&hide=%E0%A4%A&q=%")
    assert len(opened.shown()) == len(FRAME) - 1  # everything but the country-level c1
    opened.check_clean()
    page.close()


# ----------------------------------------------------------------------- search


@pytest.mark.browser
def test_search_finds_places_and_words_and_pans(browser, real_gazetteer, tmp_path):
    path = write_map(FRAME, tmp_path / "search.html", gazetteer=real_gazetteer)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    page.fill(".gm-search-input", "pokrov")
    assert opened.shown() == ["b1", "b3"]
    first = page.locator(".gm-search-place").first
    assert first.inner_text().startswith("Pokrovsk") and "2 incidents" in first.inner_text()
    assert "2 incidents match" in page.inner_text(".gm-search-count")
    first.click()
    assert page.evaluate("geomap.map.getZoom()") >= 11
    lat, lon = page.evaluate("[geomap.map.getCenter().lat, geomap.map.getCenter().lng]")
    assert abs(lat - 48.282) < 0.01 and abs(lon - 37.176) < 0.01

    # A word of the evidence.
    page.fill(".gm-search-input", "DRONE")
    assert opened.shown() == ["e1"]
    assert page.inner_text(".gm-title-sub").startswith("1 incident")

    # A town of the context layer that no incident mentions: Enter pans there and
    # drops the text filter, which would otherwise leave the map empty.
    page.fill(".gm-search-input", "Kramatorsk")
    assert opened.shown() == []
    assert page.locator(".gm-search-place", has_text="town").count() >= 1
    page.press(".gm-search-input", "Enter")
    lat, lon = page.evaluate("[geomap.map.getCenter().lat, geomap.map.getCenter().lng]")
    assert abs(lat - 48.72) < 0.05 and abs(lon - 37.56) < 0.05
    assert page.input_value(".gm-search-input") == ""
    assert len(opened.shown()) == len(FRAME) - 1

    # Hostile text is matched and listed as text, never parsed.
    page.fill(".gm-search-input", "<b>bold")
    assert opened.shown() == ["x1"]
    assert page.locator(".gm-search-results b").count() == 0
    assert "Херсон <b>bold</b>" in page.inner_text(".gm-search-results")
    assert page.evaluate("window.__pwned") is None
    opened.check_clean()
    page.close()


# ----------------------------------------------------------------------- export


@pytest.mark.browser
def test_export_gives_exactly_the_shown_incidents(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "export.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    opened = Opened(page).goto(path)

    everything = json.loads(download(page, ".gm-tool-geojson"))
    assert sorted(f["properties"]["event_id"] for f in everything["features"]) == sorted(FRAME["event_id"])
    c1 = next(f for f in everything["features"] if f["properties"]["event_id"] == "c1")
    assert c1["geometry"] is None
    b1 = next(f for f in everything["features"] if f["properties"]["event_id"] == "b1")
    assert b1["geometry"] == {"type": "Point", "coordinates": [37.176, 48.282]}
    assert b1["properties"]["event_date"] == "2024-12-10" and b1["properties"]["event_type"] == "Battles"

    # Dates 2024-12-10..18, undated off, Protests off: computed here from the frame too.
    day = page.evaluate("geomap.dayMin")
    page.evaluate(f"geomap.setRange({day} + 9, {day} + 17); geomap.setUndated(false); 0")
    page.click(".gm-legend-type:has-text('Protests')")
    dates = FRAME["event_date"]
    keep = FRAME[dates.between("2024-12-10", "2024-12-18") & (FRAME["event_type"] != "Protests")]
    expected = sorted(keep["event_id"])
    assert expected == ["b1", "b2", "b3", "e1", "r1", "s1"]
    assert opened.shown() == expected

    shown = json.loads(download(page, ".gm-tool-geojson"))
    assert sorted(f["properties"]["event_id"] for f in shown["features"]) == expected
    rows = list(csv.DictReader(io.StringIO(download(page, ".gm-tool-csv"))))
    assert sorted(r["event_id"] for r in rows) == expected
    assert {r["event_id"]: r["fatalities"] for r in rows}["b1"] == str(int(FRAME.set_index("event_id").loc["b1", "fatalities"]))

    # Hostile text goes out as data, whole.
    page.evaluate("geomap.setRange(geomap.dayMin, geomap.dayMax); geomap.setUndated(true); 0")
    page.fill(".gm-search-input", "pwned")
    rows = list(csv.DictReader(io.StringIO(download(page, ".gm-tool-csv"))))
    assert [r["event_id"] for r in rows] == ["x1"]
    assert rows[0]["notes"].startswith("Civilians were attacked <script>window.__pwned = 1</script>")
    assert rows[0]["title"] == '</script><script>window.__pwned = 4</script> "quoted" & <i>title</i>'
    assert page.evaluate("window.__pwned") is None
    opened.check_clean()
    page.close()


@pytest.mark.browser
def test_export_csv_cells_cannot_run_as_formulas(browser, tmp_path):
    frame = FRAME.copy()
    frame.loc[frame["event_id"] == "b3", "notes"] = "=HYPERLINK(\"http://x\")"
    path = write_map(frame, tmp_path / "formula.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    text = page.evaluate("geomapTools.exportText('csv')")
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["b3"]["notes"].startswith("'=HYPERLINK")
    assert rows["b3"]["longitude"] == "37.176"  # numbers untouched
    opened.check_clean()
    page.close()
