"""The analyst's tools on the map (#12), second part: symbols sized by fatalities and
their legend, the heat legend, actor and fatality filters, distance measurement, the
date animation and its per-day histogram, overlay popups on a real click, ``--panels``
and the tile package's credit line.

Browser tests run in chromium with every request off the page blocked (and recorded);
each ends with no console error and nothing fetched. What the page shows is compared
with what is computed here from the frame.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from render_helpers import Opened, chromium_browser, download, load_frame

from geomap.cli import cli
from geomap.render import render_map, write_map
from geomap.render.snapshot import CREDIT_LINE, SNAPSHOT_CSS

browser = pytest.fixture(scope="module")(chromium_browser)

HOSTILE_ACTOR = "<img src=x onerror=window.__pwned=5>{{7*7}}"


def _frame():
    """The render test frame with more fatalities and actors (one of them hostile)."""
    frame = load_frame()
    rows = frame.set_index("event_id").index
    for event_id, deaths, actor1, actor2 in [
        ("b2", 60, "Military Forces of Ukraine (2019-)", None),
        ("e1", 300, "Military Forces of Russia (2000-)", "Civilians (Ukraine)"),
        ("x1", 1, "Wagner Group", HOSTILE_ACTOR),
    ]:
        at = rows.get_loc(event_id)
        frame.loc[frame.index[at], ["fatalities", "actor1", "actor2"]] = [deaths, actor1, actor2]
    return frame


FRAME = _frame()
DAY0 = pd.Timestamp("2024-12-01")  # the first event date of the frame


def _poll(page, expression, tries=200):
    for _ in range(tries):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"never true: {expression}")


def _drawn_ids(frame) -> list[str]:
    """Ids with a feature on the map (country-level rows are listed, never drawn)."""
    return sorted(frame.loc[frame["location_kind"] != "country", "event_id"])


def _expected(frame=FRAME, *, actor="", min_fatalities=0, since=None, until=None, hidden=(), undated=True):
    """The incidents the page should show, computed from the frame."""
    keep = ~frame["event_type"].isin(hidden) & (frame["fatalities"].fillna(0) >= min_fatalities)
    if actor:
        text = actor.casefold()
        keep &= frame["actor1"].fillna("").str.casefold().str.contains(text, regex=False) | frame["actor2"].fillna(
            ""
        ).str.casefold().str.contains(text, regex=False)
    dates = frame["event_date"]
    in_range = dates.notna()
    if since is not None:
        in_range &= dates >= pd.Timestamp(since)
    if until is not None:
        in_range &= dates <= pd.Timestamp(until)
    keep &= in_range | (dates.isna() & undated)
    return frame[keep]


def _canvas_pixel(page, lat, lon, dx=0, dy=0):
    """RGBA of the incident canvas at the screen point of (lat, lon) shifted by (dx, dy) px."""
    return page.evaluate(
        """([lat, lon, dx, dy]) => {
            const canvas = geomap.features.find(f => f && f._renderer)._renderer._container;
            const p = geomap.map.latLngToContainerPoint([lat, lon]);
            const box = geomap.map.getContainer().getBoundingClientRect(), r = canvas.getBoundingClientRect();
            const x = Math.round((box.left + p.x + dx - r.left) * canvas.width / r.width);
            const y = Math.round((box.top + p.y + dy - r.top) * canvas.height / r.height);
            return Array.from(canvas.getContext('2d').getImageData(x, y, 1, 1).data);
        }""",
        [lat, lon, dx, dy],
    )


def _client_point(page, lat, lon):
    return page.evaluate(
        """([lat, lon]) => { const p = geomap.map.latLngToContainerPoint([lat, lon]);
            const box = geomap.map.getContainer().getBoundingClientRect(); return [box.left + p.x, box.top + p.y]; }""",
        [lat, lon],
    )


# ------------------------------------------------------------ fatality symbols


R0, R_MAX, F_CAP = 7, 24, 200


def _radius(deaths):
    """Area above the no-fatality symbol's proportional to the count, capped."""
    return math.sqrt(R0**2 + (R_MAX**2 - R0**2) / F_CAP * min(deaths, F_CAP))


@pytest.mark.browser
def test_symbols_sized_by_fatalities_with_their_legend(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "sizes.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    radii = dict(page.evaluate(
        "geomap.features.map((f, i) => [geomap.data.id[i], f && geomap.data.k[i] === 0 ? f.getRadius() : null])"
        ".filter(x => x[1] !== null)"
    ))
    deaths = FRAME.set_index("event_id")["fatalities"]
    assert radii == pytest.approx({i: _radius(deaths[i]) for i in radii})
    assert radii["e1"] == R_MAX and radii["b3"] == R0 and radii["b2"] > radii["b1"] > radii["b3"]
    # Areas, not radii, follow the counts (below the cap): 60 deaths add 15 times what 4 add.
    assert (radii["b2"] ** 2 - R0**2) / (radii["b1"] ** 2 - R0**2) == pytest.approx(15)

    # The legend draws the same radii, for a few counts up to the largest (capped).
    legend = page.evaluate(
        "[...document.querySelectorAll('.gm-size-item')].map(e => [e.textContent, +e.querySelector('circle').getAttribute('r')])"
    )
    assert [label for label, _ in legend] == ["1", "10", "50", "200+"]
    assert [r for _, r in legend] == pytest.approx([_radius(1), _radius(10), _radius(50), R_MAX])

    # On the canvas: Kharkiv's 300-death triangle reaches 17 px below its centre in the
    # type's colour; switched off in the legend, it shrinks and that pixel is map.
    page.evaluate("geomap.map.setView([49.98, 36.25], 11, {animate: false}); 0")
    colour = page.evaluate("geomap.data.types[geomap.data.t[geomap.data.id.indexOf('e1')]].color")
    rgb = [int(colour[k:k + 2], 16) for k in (1, 3, 5)]
    _poll(page, f"geomap.map.getZoom() === 11")
    page.wait_for_timeout(100)
    inside = _canvas_pixel(page, 49.98, 36.25, dy=17)
    assert inside[:3] == pytest.approx(rgb, abs=30) and inside[3] > 200, (inside, rgb)
    page.click(".gm-legend-size-head input")
    assert page.evaluate("geomap.scaled") is False
    assert page.evaluate("geomap.features[geomap.data.id.indexOf('e1')].getRadius()") == R0
    page.wait_for_timeout(100)
    assert _canvas_pixel(page, 49.98, 36.25, dy=17)[3] == 0
    assert _canvas_pixel(page, 49.98, 36.25)[:3] == pytest.approx(rgb, abs=30)
    _poll(page, "location.hash.includes('size=0')")
    opened.check_clean()
    page.close()


@pytest.mark.browser
def test_heat_legend_follows_the_heat_layer(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "heat.html", heat=True)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    assert page.is_visible(".gm-legend-heat")
    # The bar's colours are the layer's own gradient.
    gradient = page.evaluate("geomap.heatLayer.options.gradient")
    bar = page.evaluate("document.querySelector('.gm-heat-bar').style.background")
    for stop, colour in gradient.items():
        assert f"{colour} {float(stop) * 100:g}%" in bar, (stop, colour, bar)
    page.locator(".leaflet-control-layers label", has_text="Density (heat)").locator("input").click()
    assert not page.evaluate("geomap.map.hasLayer(geomap.heatLayer)")
    assert not page.is_visible(".gm-legend-heat")
    opened.check_clean()
    plain = write_map(FRAME, tmp_path / "plain.html")
    Opened(page).goto(plain)
    assert page.locator(".gm-legend-heat").count() == 0
    page.close()


# ------------------------------------------------------------------- filters


@pytest.mark.browser
def test_actor_and_fatality_filters_with_types_dates_counts_permalink_export(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "filters.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    opened = Opened(page).goto(path)

    # The actors present are offered, most incidents first; the hostile one as text.
    options = page.evaluate("[...document.querySelectorAll('.gm-filters datalist option')].map(o => [o.value, o.textContent])")
    actors = pd.concat([FRAME["actor1"], FRAME["actor2"]]).dropna()
    counts = actors.value_counts()
    assert sorted(options) == sorted([name, str(n)] for name, n in counts.items())
    assert [n for _, n in options] == sorted((n for _, n in options), key=int, reverse=True)
    assert page.locator(".gm-filters img").count() == 0

    page.fill(".gm-filter-actor", "RUSSIA")
    want = sorted(_expected(actor="russia")["event_id"])
    assert want == ["b1", "e1"]
    _poll(page, f"JSON.stringify(geomap.shownIds().sort()) === '{json.dumps(want, separators=(',', ':'))}'")
    assert page.inner_text(".gm-title-sub").startswith("2 incidents")

    page.fill(".gm-filter-fatalities", "5")
    want = sorted(_expected(actor="russia", min_fatalities=5)["event_id"])
    assert want == ["e1"]
    _poll(page, "geomap.shownIds().length === 1")
    assert opened.shown() == want

    # With the dates and a type: 2024-12-01..12, Ukraine's side, at least one death.
    page.fill(".gm-filter-fatalities", "1")
    page.fill(".gm-filter-actor", "ukraine")
    page.evaluate("geomap.setRange(geomap.dayMin, geomap.dayMin + 11); 0")
    keep = _expected(actor="ukraine", min_fatalities=1, since="2024-12-01", until="2024-12-12")
    want = sorted(keep["event_id"])
    assert want == ["b1"]
    _poll(page, "geomap.shownIds().length === 1")
    assert opened.shown() == want
    battles = (FRAME["event_type"] == "Battles").sum()
    assert page.inner_text(".gm-legend-type:has-text('Battles') .gm-legend-count") == f"1 / {battles}"
    page.click(".gm-legend-type:has-text('Battles')")
    assert opened.shown() == sorted(
        _expected(actor="ukraine", min_fatalities=1, since="2024-12-01", until="2024-12-12", hidden=["Battles"])["event_id"]
    ) == []
    page.click(".gm-legend-type:has-text('Battles')")

    # The export is what is shown, with each side in its own column.
    shown = json.loads(download(page, ".gm-tool-geojson"))
    assert [f["properties"]["event_id"] for f in shown["features"]] == want
    rows = list(csv.DictReader(io.StringIO(download(page, ".gm-tool-csv"))))
    assert [(r["event_id"], r["actor1"], r["actor2"]) for r in rows] == [
        ("b1", "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)")
    ]

    # The permalink keeps both filters; a fresh page with it shows the same.
    _poll(page, "location.hash.includes('actor=ukraine') && location.hash.includes('minf=1')")
    saved = page.evaluate("location.hash")
    fresh = browser.new_page(viewport={"width": 1280, "height": 800})
    again = Opened(fresh)
    fresh.goto(Path(path).resolve().as_uri() + saved)
    fresh.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=20_000)
    assert again.shown() == want
    assert fresh.input_value(".gm-filter-actor") == "ukraine" and fresh.input_value(".gm-filter-fatalities") == "1"
    again.check_clean()
    fresh.close()

    # A hostile actor is matched as text and goes out whole.
    page.evaluate("geomap.setRange(geomap.dayMin, geomap.dayMax); 0")
    page.fill(".gm-filter-fatalities", "0")
    page.fill(".gm-filter-actor", "onerror=window")
    _poll(page, "geomap.shownIds().length === 1")
    assert opened.shown() == ["x1"]
    rows = list(csv.DictReader(io.StringIO(page.evaluate("geomapTools.exportText('csv')"))))
    assert rows[0]["actor2"] == HOSTILE_ACTOR
    page.evaluate("geomap.openList([geomap.data.id.indexOf('x1')], geomap.map.getCenter()); 0")
    assert HOSTILE_ACTOR in page.inner_text(".leaflet-popup-content")
    assert page.evaluate("window.__pwned") is None
    opened.check_clean()
    page.close()


# ------------------------------------------------------------------- measure


def _haversine_km(a, b, radius=6371.0):
    (lat1, lon1), (lat2, lon2) = [(math.radians(p[0]), math.radians(p[1])) for p in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(h))


KYIV, KHARKIV, DNIPRO = (50.4501, 30.5234), (49.9935, 36.2304), (48.4647, 35.0462)


@pytest.mark.browser
def test_measure_a_distance_with_real_clicks(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "measure.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    page.evaluate("geomap.map.setView([49.6, 33.4], 7, {animate: false}); 0")
    page.click(".gm-tool-measure")
    assert page.evaluate("geomapTools.measure.active()")
    for city in (KYIV, KHARKIV):
        page.mouse.click(*_client_point(page, *city))
    points = page.evaluate("geomapTools.measure.points().map(p => [p.lat, p.lng])")
    assert len(points) == 2
    for got, city in zip(points, (KYIV, KHARKIV)):
        assert got == pytest.approx(city, abs=0.015)  # a pixel at zoom 7 is about 0.011° of longitude
    shown = float(re.fullmatch(r"([\d.]+) km", page.inner_text(".gm-measure-out")).group(1))
    assert shown == pytest.approx(_haversine_km(*points), abs=0.06)
    assert shown == pytest.approx(_haversine_km(KYIV, KHARKIV), rel=0.005)  # about 409 km
    page.mouse.click(*_client_point(page, *DNIPRO))
    points = page.evaluate("geomapTools.measure.points().map(p => [p.lat, p.lng])")
    total = float(page.inner_text(".gm-measure-out").split()[0])
    assert total == pytest.approx(_haversine_km(points[0], points[1]) + _haversine_km(points[1], points[2]), abs=0.06)
    assert page.locator(".leaflet-gm-measure-pane path").count() == 4  # the line and three points

    # While measuring, a click on an incident is a point, not a popup.
    b2 = FRAME.set_index("event_id").loc["b2"]
    page.evaluate(f"geomap.map.setView([{b2.latitude}, {b2.longitude}], 11, {{animate: false}}); 0")
    page.mouse.click(*_client_point(page, b2.latitude, b2.longitude))
    assert page.evaluate("geomapTools.measure.points().length") == 4
    assert page.locator(".leaflet-popup").count() == 0
    # Esc ends it: the line goes, and the same click opens the incident's popup.
    page.keyboard.press("Escape")
    assert not page.evaluate("geomapTools.measure.active()")
    assert page.locator(".leaflet-gm-measure-pane path").count() == 0
    assert page.inner_text(".gm-measure-out") == ""
    page.mouse.click(*_client_point(page, b2.latitude, b2.longitude))
    assert "Battles" in page.inner_text(".leaflet-popup-content")
    opened.check_clean()
    page.close()


# ------------------------------------------------------ animation, histogram


def _day(offset: int) -> str:
    return (DAY0 + pd.Timedelta(days=offset)).date().isoformat()


@pytest.mark.browser
def test_animation_steps_the_window_through_the_dates(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "play.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    page.evaluate(
        "window.__frames = []; geomapDates.interval = 40;"
        "geomap.onChange(g => window.__frames.push([g.start - g.dayMin, g.end - g.dayMin, g.shownIds().sort()])); 0"
    )
    page.click(".gm-play")
    assert page.evaluate("geomapDates.playing()")
    _poll(page, "!geomapDates.playing()")
    frames = []
    for start, end, ids in page.evaluate("window.__frames"):
        if not frames or frames[-1][:2] != [start, end]:
            frames.append([start, end, ids])
    # 18 days from the whole range: one day a step, each dated incident in exactly one.
    assert [(s, e) for s, e, _ in frames] == [(d, d) for d in range(18)]
    drawn = FRAME[FRAME["location_kind"] != "country"]
    for start, _, ids in frames:
        assert ids == _drawn_ids(_expected(drawn, since=_day(start), until=_day(start))), start
    seen = [i for _, _, ids in frames for i in ids if i != "e2"]  # e2 is undated: always shown
    assert sorted(seen) == sorted(drawn.loc[drawn["event_date"].notna(), "event_id"])
    assert page.inner_text(".gm-play") == "\u25B6"
    assert page.inner_text(".gm-from output") == page.inner_text(".gm-to output") == "2024-12-18"

    # A window the user chose (a week) moves by its width; pause stops it where it is.
    page.evaluate("geomapDates.interval = 1500; geomap.setRange(geomap.dayMin, geomap.dayMin + 6); 0")
    page.click(".gm-play")
    _poll(page, "geomap.start - geomap.dayMin === 7")
    page.click(".gm-play")
    assert not page.evaluate("geomapDates.playing()")
    stopped = page.evaluate("[geomap.start - geomap.dayMin, geomap.end - geomap.dayMin]")
    page.wait_for_timeout(1700)
    assert page.evaluate("[geomap.start - geomap.dayMin, geomap.end - geomap.dayMin]") == stopped == [7, 13]
    # Moving a slider pauses it too.
    page.evaluate("geomapDates.interval = 100000; 0")
    page.click(".gm-play")
    page.locator(".gm-from input").press("ArrowRight")
    assert not page.evaluate("geomapDates.playing()")
    opened.check_clean()
    page.close()


def _per_day(frame, first: pd.Timestamp, days: int, bin_days: int = 1) -> list[int]:
    dated = frame["event_date"].dropna()
    offsets = ((dated - first).dt.days // bin_days).tolist()
    return [offsets.count(k) for k in range(-(-days // bin_days))]


def _hist_ink(page) -> list[list[int]]:
    """Alpha of the histogram canvas, as rows of CSS pixels (device pixel ratio 1)."""
    return page.evaluate(
        """() => { const c = document.querySelector('.gm-hist'), x = c.getContext('2d');
            const d = x.getImageData(0, 0, c.width, c.height).data, rows = [];
            for (let y = 0; y < c.height; y++) { const row = [];
              for (let i = 0; i < c.width; i++) { row.push(d[(y * c.width + i) * 4 + 3]); } rows.push(row); }
            return rows; }"""
    )


def _check_bars(page, counts):
    """Each bar's height in the canvas is its count's share of the largest (at least a pixel)."""
    rows = _hist_ink(page)
    height, width = len(rows), len(rows[0])
    most = max(counts)
    for k, count in enumerate(counts):
        x = k * width // len(counts)  # the bar's first column
        ink = sum(1 for y in range(height) if rows[y][x] > 0)
        blank = min(height - 1, math.floor(height * (most - count) / most + 0.5))
        assert ink == (height - blank if count else 0), (k, count, ink)
        assert all(rows[y][x] == 0 for y in range(height - ink)) and all(rows[y][x] for y in range(height - ink, height))


@pytest.mark.browser
def test_histogram_matches_the_data(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "hist.html")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    hist = page.evaluate("geomapDates.histogram")
    assert hist["bin"] == 1 and hist["first"] == page.evaluate("geomap.dayMin")
    expected = _per_day(FRAME, DAY0, 18)
    assert hist["counts"] == expected and sum(expected) == FRAME["event_date"].notna().sum()
    _check_bars(page, expected)
    assert page.inner_text(".gm-hist-caption") == f"Incidents per day (most: {max(expected)})"

    # Other filters change the bars; the date window only their shade.
    page.click(".gm-legend-type:has-text('Battles')")
    expected = _per_day(_expected(hidden=["Battles"]), DAY0, 18)
    assert page.evaluate("geomapDates.histogram.counts") == expected
    _check_bars(page, expected)
    page.fill(".gm-filter-fatalities", "1")
    expected = _per_day(_expected(hidden=["Battles"], min_fatalities=1), DAY0, 18)
    _poll(page, f"JSON.stringify(geomapDates.histogram.counts) === '{json.dumps(expected, separators=(',', ':'))}'")
    page.click(".gm-legend-type:has-text('Battles')")
    page.fill(".gm-filter-fatalities", "0")
    page.evaluate("geomap.setRange(geomap.dayMin, geomap.dayMin + 9); 0")
    expected = _per_day(FRAME, DAY0, 18)
    assert page.evaluate("geomapDates.histogram.counts") == expected
    shades = page.evaluate(
        """() => { const c = document.querySelector('.gm-hist'), x = c.getContext('2d'), n = geomapDates.histogram.counts.length;
            return [0, 17].map(k => Array.from(x.getImageData(Math.floor(k * c.width / n), c.height - 1, 1, 1).data)); }"""
    )
    assert shades[0][:3] == [0x1F, 0x2D, 0x3D]  # 2024-12-01: inside the window
    assert shades[1][:3] == [0xB9, 0xC1, 0xCA]  # 2024-12-18: outside
    opened.check_clean()

    # Dates over more days than the chart has pixels: bars of several days, said so.
    long = FRAME.copy()
    long.loc[long["event_id"] == "p1", "event_date"] = pd.Timestamp("2023-10-01")
    path = write_map(long, tmp_path / "long.html")
    opened = Opened(page).goto(path)
    hist = page.evaluate("geomapDates.histogram")
    days = (pd.Timestamp("2024-12-18") - pd.Timestamp("2023-10-01")).days + 1
    assert hist["bin"] == math.ceil(days / 200) == 3
    assert hist["counts"] == _per_day(long, pd.Timestamp("2023-10-01"), days, 3)
    _check_bars(page, hist["counts"])
    assert page.inner_text(".gm-hist-caption").startswith("Incidents per 3 days")
    opened.check_clean()
    page.close()


# ---------------------------------------------------- overlays under the canvas


def _overlay_around_b2(path: Path) -> Path:
    """A square around Selydove's b2 and a line west of it."""
    features = [
        {"type": "Feature", "properties": {"name": "square"},
         "geometry": {"type": "Polygon", "coordinates": [[[37.2, 47.93], [37.36, 47.93], [37.36, 48.03], [37.2, 48.03], [37.2, 47.93]]]}},
        {"type": "Feature", "properties": {"name": "the line"},
         "geometry": {"type": "LineString", "coordinates": [[37.05, 47.9], [37.05, 48.1]]}},
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


@pytest.mark.browser
def test_overlay_popups_open_on_a_real_click_under_the_incidents(browser, tmp_path):
    path = write_map(FRAME, tmp_path / "over.html", overlays=[_overlay_around_b2(tmp_path / "mine.geojson")])
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    page.evaluate("geomap.map.setView([48.0, 37.2], 11, {animate: false}); 0")
    # The incidents' canvas is what the pointer hits there.
    x, y = _client_point(page, 47.95, 37.32)
    assert page.evaluate(f"document.elementFromPoint({x}, {y}).tagName") == "CANVAS"
    page.mouse.click(x, y)
    assert "square" in page.inner_text(".leaflet-popup-content")
    # A popup pans the map to fit: each click from the same resting view.
    # (a closed popup fades out for 200 ms: wait until it is gone.)
    reset = "geomap.map.closePopup(); geomap.map.setView([48.0, 37.2], 11, {animate: false}); 0"

    def again():
        page.evaluate(reset)
        _poll(page, "!document.querySelector('.leaflet-popup')")

    again()
    page.mouse.click(*_client_point(page, 48.0, 37.05))
    assert "the line" in page.inner_text(".leaflet-popup-content")
    # An incident drawn over the overlay still wins the click.
    again()
    page.mouse.click(*_client_point(page, 47.983, 37.283))
    text = page.inner_text(".leaflet-popup-content")
    assert "Battles" in text and "square" not in text
    # Off the overlay and the incidents, a click opens nothing.
    again()
    page.mouse.click(*_client_point(page, 48.05, 37.4))
    page.wait_for_timeout(100)
    assert page.locator(".leaflet-popup").count() == 0
    opened.check_clean()
    page.close()


# --------------------------------------------------------------- panels, credit


@pytest.mark.browser
def test_panels_option_open_or_collapsed(browser, tmp_path):
    from geomap.export import write_incidents

    data = tmp_path / "incidents.geojson"
    write_incidents(FRAME, data)
    out = tmp_path / "open.html"
    result = CliRunner().invoke(cli, ["map", "-o", str(out), "--embed", "--panels", "open", str(data)])
    assert result.exit_code == 0, result.output
    host = tmp_path / "host.html"
    fragment = (tmp_path / "open.embed.html").read_text(encoding="utf-8")
    host.write_text(f"<!doctype html><meta charset=utf-8><body style='margin:0'>{fragment}</body>", encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    opened = Opened(page)
    page.goto(host.resolve().as_uri())
    frame = page.frames[1]
    frame.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=20_000)
    assert frame.evaluate("geomapTools.panels.filter(geomapTools.collapsed)") == []
    opened.check_clean()

    out = tmp_path / "collapsed.html"
    result = CliRunner().invoke(cli, ["map", "-o", str(out), "--panels", "collapsed", str(data)])
    assert result.exit_code == 0, result.output
    Opened(page).goto(out)
    assert page.evaluate("geomapTools.panels.every(geomapTools.collapsed)") is True
    page.close()
    bad = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "x.html"), "--panels", "half", str(data)])
    assert bad.exit_code == 2 and "half" in bad.output


@pytest.mark.browser
def test_tile_package_credit_line_drawn_in_snapshots(browser, tmp_path):
    from test_map_analyst import write_mbtiles

    package = write_mbtiles(tmp_path / "region.mbtiles", (40.0, 20.0, 56.0, 45.0), attribution="")
    html = tmp_path / "pkg.html"
    html.write_text(render_map(FRAME, tiles=str(package)).html(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 600, "height": 400})
    opened = Opened(page).goto(html)
    # What --png/--pdf shoot: the panels open, the controls gone, the credit styled.
    page.evaluate("geomapTools.panels.forEach(n => geomapTools.setCollapsed(n, false)); 0")
    page.add_style_tag(content=SNAPSHOT_CSS)
    page.evaluate(CREDIT_LINE)
    credit = page.locator(".leaflet-control-attribution")
    # A package that names no source is still credited, by its file.
    assert "Tiles: region.mbtiles" in credit.inner_text() and "GeoNames" in credit.inner_text()
    box = credit.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 600 and box["y"] + box["height"] <= 400
    # Nothing covers it: the browser's hit test finds the credit across its box,
    # and it stays clear of the scale bar and the panels.
    for fx in (0.05, 0.5, 0.95):
        for fy in (0.2, 0.8):
            x, y = box["x"] + fx * box["width"], box["y"] + fy * box["height"]
            assert page.evaluate(f"!!document.elementFromPoint({x}, {y}).closest('.leaflet-control-attribution')"), (fx, fy)
    others = page.evaluate(
        "[...document.querySelectorAll('.leaflet-control:not(.leaflet-control-attribution)')]"
        ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().toJSON())"
    )
    for r in others:
        assert r["right"] <= box["x"] or r["left"] >= box["x"] + box["width"] or r["bottom"] <= box["y"] or r["top"] >= box["y"] + box["height"], r
    # Solid: the red tiles do not show through it.
    assert page.evaluate("getComputedStyle(document.querySelector('.leaflet-control-attribution')).backgroundColor") == "rgb(255, 255, 255)"
    opened.check_clean()
    page.close()
