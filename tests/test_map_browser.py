"""The map in a real headless chromium, with every request off the page blocked.

Any attempt to fetch something that is not ``file://`` or ``data:`` fails the test,
as does any console error or uncaught exception on the page.
"""

from __future__ import annotations

import pandas as pd
import pytest
from render_helpers import Opened, chromium_browser, load_frame
from shapely.geometry import box

from geomap.render import write_map

pytestmark = pytest.mark.browser


class Regions:
    """Only a region polygon: enough to draw region-level incidents as areas."""

    def geometry(self, place_id):
        return {"admin1:RU.41": box(34.1, 50.9, 36.6, 52.4)}.get(place_id)

    def shapes(self, kind):
        return []


FRAME = load_frame()
MAPPED = sorted(FRAME.loc[FRAME["location_kind"] != "country", "event_id"])


def ids_of(mask) -> list[str]:
    return sorted(FRAME.loc[mask & (FRAME["location_kind"] != "country"), "event_id"])


browser = pytest.fixture(scope="module")(chromium_browser)


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    folder = tmp_path_factory.mktemp("maps")
    maps = {
        cluster: write_map(
            FRAME,
            folder / f"map-{cluster}.html",
            gazetteer=Regions(),
            title="Test <script>window.__pwned = 9</script>",
            cluster=cluster,
        )
        for cluster in (True, False)
    }
    maps["heat"] = write_map(FRAME, folder / "map-heat.html", gazetteer=Regions(), cluster=False, heat=True)
    return maps


@pytest.fixture
def open_map(browser, maps):
    pages = []

    def opener(cluster=True) -> Opened:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        opened = Opened(page).goto(maps[cluster])
        pages.append(opened)
        return opened

    yield opener
    for opened in pages:
        opened.page.close()


@pytest.mark.parametrize("cluster", [True, False])
def test_leaflet_loads_offline_without_errors(open_map, cluster):
    opened = open_map(cluster)
    assert opened.page.evaluate("L.version") == "1.9.3"
    assert opened.page.evaluate("typeof L.markerClusterGroup") == ("function" if cluster else "undefined")
    opened.page.wait_for_timeout(300)
    opened.check_clean()


@pytest.mark.parametrize("cluster", [True, False])
def test_one_feature_per_shown_incident(open_map, cluster):
    opened = open_map(cluster)
    assert opened.shown() == MAPPED
    # Country-level incidents are listed, never drawn.
    panel = opened.page.locator(".gm-country")
    assert panel.locator(".gm-country-title").text_content() == "Country-level incidents: 1"
    assert "Strategic developments — Russia, undated" in panel.text_content()
    opened.check_clean()


def test_region_incident_is_an_area(open_map):
    opened = open_map(False)
    kind = opened.page.evaluate(
        "(() => { const i = geomap.data.id.indexOf('r1'); const f = geomap.features[i];"
        " return [f instanceof L.GeoJSON, f.getBounds().getNorth() - f.getBounds().getSouth()]; })()"
    )
    assert kind[0] is True and kind[1] == pytest.approx(1.5, abs=0.01)
    fill = "geomap.features[geomap.data.id.indexOf('r1')].getLayers()[0].options.fillOpacity"
    assert opened.page.evaluate(fill) == pytest.approx(0.2)
    opened.check_clean()


@pytest.mark.parametrize("cluster", [True, False])
def test_toggling_a_type_hides_exactly_its_incidents(open_map, cluster):
    opened = open_map(cluster)
    label = opened.page.locator(".leaflet-control-layers-overlays label", has_text="Battles")
    label.locator("input").click()
    assert opened.shown() == ids_of(FRAME["event_type"] != "Battles")
    legend = opened.page.locator(".gm-legend-row", has_text="Battles")
    assert legend.locator(".gm-legend-count").inner_text() == "0 / 4"
    label.locator("input").click()
    assert opened.shown() == MAPPED
    opened.check_clean()


def test_legend_rows_toggle_types_too(open_map):
    opened = open_map(True)
    page = opened.page
    page.locator(".gm-legend-row", has_text="Protests").click()
    assert opened.shown() == ids_of(FRAME["event_type"] != "Protests")
    checkbox = page.locator(".leaflet-control-layers-overlays label", has_text="Protests").locator("input")
    assert not checkbox.is_checked()
    assert "gm-off" in page.locator(".gm-legend-row", has_text="Protests").get_attribute("class")
    checkbox.click()
    assert opened.shown() == MAPPED
    assert "gm-off" not in page.locator(".gm-legend-row", has_text="Protests").get_attribute("class")
    opened.check_clean()


def set_range(page, selector, iso):
    day = (pd.Timestamp(iso) - pd.Timestamp("1970-01-01")).days
    page.locator(selector).fill(str(day))


@pytest.mark.parametrize("cluster", [True, False])
def test_date_control_hides_incidents_outside_the_range(open_map, cluster):
    opened = open_map(cluster)
    page = opened.page
    set_range(page, ".gm-from input", "2024-12-10")
    dates = FRAME["event_date"]
    assert opened.shown() == ids_of((dates >= "2024-12-10") | dates.isna())
    set_range(page, ".gm-to input", "2024-12-15")
    assert opened.shown() == ids_of(((dates >= "2024-12-10") & (dates <= "2024-12-15")) | dates.isna())
    assert "2024-12-10 – 2024-12-15" in page.locator(".gm-title-sub").inner_text()
    page.locator(".gm-dates-undated input").uncheck()
    assert opened.shown() == ids_of((dates >= "2024-12-10") & (dates <= "2024-12-15"))
    # Types and dates filter together.
    page.locator(".leaflet-control-layers-overlays label", has_text="Battles").locator("input").click()
    assert opened.shown() == ids_of(
        (dates >= "2024-12-10") & (dates <= "2024-12-15") & (FRAME["event_type"] != "Battles")
    )
    opened.check_clean()


def test_heat_layer_follows_the_filters(open_map):
    opened = open_map("heat")
    heat_points = "geomap.heatLayer._latlngs.length"
    points = FRAME["location_kind"] == "city"  # region-level rows are areas, not heat
    assert opened.page.evaluate(heat_points) == int(points.sum())
    opened.page.locator(".leaflet-control-layers-overlays label", has_text="Battles").locator("input").click()
    assert opened.page.evaluate(heat_points) == int((points & (FRAME["event_type"] != "Battles")).sum())
    assert opened.page.locator(".leaflet-heatmap-layer").count() == 1
    opened.check_clean()


def click_incident(page, event_id):
    """Click where the incident is drawn, as a user would."""
    x, y = page.evaluate(
        "(id) => { const i = geomap.data.id.indexOf(id);"
        " const p = geomap.map.latLngToContainerPoint([geomap.data.lat[i], geomap.data.lon[i]]);"
        " const r = geomap.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }",
        event_id,
    )
    page.mouse.click(x, y)
    page.wait_for_selector(".leaflet-popup-content .gm-popup", timeout=5000)
    return page.locator(".leaflet-popup-content")


def test_popup_shows_the_evidence_sentence(open_map):
    opened = open_map(False)
    popup = click_incident(opened.page, "b1")
    text = popup.inner_text()
    assert "Russian forces attacked Ukrainian positions near Pokrovsk, killing four soldiers." in text
    assert "Battles" in text and "Armed clash" in text
    assert "2024-12-10 (day known)" in text
    assert "Fatalities\t4" in text or "Fatalities 4" in text
    # b3 is at the very same spot: one click lists both.
    assert "2 incidents here" in text
    assert "A second assault on Pokrovsk was repelled the next day." in text
    assert popup.locator("a").first.get_attribute("href") == "https://example.org/pokrovsk"
    opened.check_clean()


def test_hover_names_the_incident(open_map):
    opened = open_map(False)
    page = opened.page
    x, y = page.evaluate(
        "(() => { const i = geomap.data.id.indexOf('e1');"
        " const p = geomap.map.latLngToContainerPoint([geomap.data.lat[i], geomap.data.lon[i]]);"
        " const r = geomap.map.getContainer().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()"
    )
    page.mouse.move(x, y)
    tip = page.wait_for_selector(".gm-tip", timeout=5000)
    assert tip.inner_text() == "Explosions/Remote violence — Kharkiv, 2024-12-18"
    opened.check_clean()


def test_embed_fragment_works_inside_a_host_page(browser, maps, tmp_path):
    from geomap.render import embed_html

    host = tmp_path / "host.html"
    fragment = embed_html(maps[True].read_text(encoding="utf-8"), height="500px")
    host.write_text(f"<!DOCTYPE html><html><body><h1>Report</h1>{fragment}</body></html>", encoding="utf-8")
    page = browser.new_page()
    blocked, errors = [], []
    page.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file://", "data:", "about:"))
            else (blocked.append(r.request.url), r.abort())
        ),
    )
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(host.resolve().as_uri())
    frame = page.frame_locator("iframe")
    frame.locator("html[data-geomap-ready]").wait_for(state="attached", timeout=20_000)
    assert frame.locator(".gm-legend-count").count() == 5
    assert page.evaluate("typeof window.geomap") == "undefined"  # the map stays inside its frame
    assert blocked == [] and errors == []
    page.close()


def test_malicious_text_stays_text(open_map):
    opened = open_map(False)
    page = opened.page
    popup = click_incident(page, "x1")
    text = popup.inner_text()
    assert "<script>window.__pwned = 1</script>" in text
    assert "«Херсон»" in text and "Херсон <b>bold</b>" in text
    assert "</script><script>window.__pwned = 4</script>" in text
    assert popup.locator("img, script, b, i").count() == 0
    assert popup.locator("a").count() == 0  # a javascript: URL is never a link
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert "<script>window.__pwned = 9</script>" in page.locator(".gm-title-main").inner_text()
    assert page.locator(".gm-title script").count() == 0
    assert page.locator("img[src=x], b, i").count() == 0  # nothing injected anywhere
    opened.check_clean()


def test_cluster_popup_after_zoom(open_map):
    opened = open_map(True)
    page = opened.page
    page.evaluate(
        "(() => { const i = geomap.data.id.indexOf('e1');"
        " geomap.cluster.zoomToShowLayer(geomap.features[i], () => {}); })()"
    )
    page.wait_for_timeout(800)
    popup = click_incident(page, "e1")
    text = popup.inner_text()
    assert "A Shahed drone hit a residential building in Kharkiv overnight." in text
    assert "drones launched: 12" in text
    opened.check_clean()


@pytest.fixture(scope="module")
def real_gazetteer():
    from gazetteer import Gazetteer

    return Gazetteer()


def test_real_offline_basemap_draws_borders_and_labels(browser, real_gazetteer, tmp_path):
    path = write_map(FRAME, tmp_path / "real.html", gazetteer=real_gazetteer, title="Real basemap")
    opened = Opened(browser.new_page(viewport={"width": 1280, "height": 800})).goto(path)
    page = opened.page
    page.wait_for_timeout(300)  # labels are decluttered just after the map is ready
    # Borders: the basemap's canvas shows the country fill and its grey border lines.
    colours = page.evaluate(
        """() => {
        const canvas = document.querySelector('.leaflet-gm-base-pane canvas');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let land = 0, border = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          if (r === 0xf3 && g === 0xf0 && b === 0xe8) land++;
          else if (Math.abs(r - 0x7d) < 24 && Math.abs(g - 0x7a) < 24 && Math.abs(b - 0x73) < 24) border++;
        }
        return {land: land / (data.length / 4), border: border};
      }"""
    )
    assert colours["land"] > 0.2, colours
    assert colours["border"] > 200, colours
    # Labels: names in the window, left visible by decluttering.
    visible = page.evaluate(
        """(kind) => Array.from(document.querySelectorAll('.gm-label-' + kind + ' span')).filter(s => {
            const r = s.getBoundingClientRect();
            return s.style.visibility !== 'hidden' && r.width > 0 && r.left >= 0 && r.top >= 0
              && r.right <= innerWidth && r.bottom <= innerHeight;
          }).map(s => s.textContent)""",
        "country",
    )
    assert "Ukraine" in visible and len(visible) >= 3, visible
    places = page.evaluate(
        """() => Array.from(document.querySelectorAll('.gm-label-place span'))
            .filter(s => s.style.visibility !== 'hidden').map(s => s.textContent)"""
    )
    assert "Kyiv" in places, places
    assert opened.shown() == MAPPED
    opened.check_clean()
    page.close()


class Crowded:
    """A big country whose own point is far out of view, and cities under incidents."""

    def geometry(self, place_id):
        return None

    def shapes(self, kind):
        from gazetteer.model import Place

        def place(pid, name, k, lat, lon, pop=0, code=None):
            return Place(pid, name, k, None, None, lat, lon, pop, None, code)

        if kind == "country":
            return [
                (place("country:UA", "Ukraine", "country", 49.0, 31.0), box(22, 44, 40, 52.4)),
                (place("country:RU", "Russia", "country", 60.0, 90.0), box(27, 41, 180, 78)),
            ]
        if kind == "city":
            # Exactly where incidents p1 and p2 (a cluster of two) and e1 are drawn.
            return [
                (place("gn:524901", "Moscow", "city", 55.752, 37.616, 10_000_000, "PPLC"), None),
                (place("gn:706483", "Kharkiv", "city", 49.98, 36.25, 1_400_000), None),
            ]
        return []


@pytest.mark.parametrize("cluster", [True, False])
def test_place_names_clear_of_markers_and_big_country_named(browser, tmp_path, cluster):
    # A second incident in Moscow: a cluster icon right on the city, as in the seeds.
    second = FRAME[FRAME["event_id"] == "p1"].assign(event_id="p2")
    frame = pd.concat([FRAME, second], ignore_index=True)
    path = write_map(frame, tmp_path / "crowded.html", gazetteer=Crowded(), cluster=cluster)
    opened = Opened(browser.new_page(viewport={"width": 1280, "height": 800})).goto(path)
    page = opened.page
    page.wait_for_timeout(400)  # labels are decluttered just after the markers settle
    found = page.evaluate(
        """() => {
        const map = geomap.map, box = map.getContainer().getBoundingClientRect();
        const markers = [];
        map.eachLayer(l => {
          if (l.options && l.options.pane === 'gm-labels') return;
          if (l instanceof L.CircleMarker) {
            const p = map.latLngToContainerPoint(l.getLatLng()), r = l._radius;
            markers.push({left: box.left + p.x - r, right: box.left + p.x + r,
                          top: box.top + p.y - r, bottom: box.top + p.y + r});
          } else if (l instanceof L.Marker && l._icon) {
            markers.push(l._icon.getBoundingClientRect());
          }
        });
        const visible = kind => Array.from(document.querySelectorAll('.gm-label-' + kind + ' span'))
          .filter(s => s.style.visibility !== 'hidden').map(s => {
            const r = s.getBoundingClientRect();
            return {n: s.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
          });
        return {markers, places: visible('place'), countries: visible('country'),
                inner: {width: innerWidth, height: innerHeight}};
      }"""
    )
    assert found["markers"], "no incident markers drawn"
    for name in ("Moscow", "Kharkiv"):
        label = next((p for p in found["places"] if p["n"] == name), None)
        assert label is not None, (name, found["places"])
        for m in found["markers"]:
            overlap = (
                label["left"] < m["right"]
                and label["right"] > m["left"]
                and label["top"] < m["bottom"]
                and label["bottom"] > m["top"]
            )
            assert not overlap, (label, m)
    russia = next((c for c in found["countries"] if c["n"] == "Russia"), None)
    assert russia is not None, found["countries"]
    assert 0 <= russia["left"] and russia["right"] <= found["inner"]["width"]
    assert 0 <= russia["top"] and russia["bottom"] <= found["inner"]["height"]
    opened.check_clean()
    page.close()
