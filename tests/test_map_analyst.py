"""The analyst's map (#12): towns at working zoom, tiles from a URL or a local package,
the user's own overlays following the dates, and PDF/scaled static outputs.

Browser tests run in chromium with every request off the page blocked (and recorded):
only a map built with ``--tiles URL`` may even try one, and only to that host.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from render_helpers import Opened, chromium_browser, load_frame

from geomap.cli import cli
from geomap.errors import ConfigurationError, InputError
from geomap.render import render_map, write_map
from geomap.render.context import build_context, min_zoom
from geomap.render.overlays import read_overlays
from geomap.render.tiles import read_package, tile_range, tile_source

FRAME = load_frame()
browser = pytest.fixture(scope="module")(chromium_browser)


def png_tile(rgb: tuple[int, int, int], size: int = 256) -> bytes:
    """A plain-coloured PNG tile, written by hand (no imaging library needed)."""
    row = b"\x00" + bytes(rgb) * size
    raw = zlib.compress(row * size)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


RED = (230, 20, 20)


def write_mbtiles(path: Path, bounds, zooms=(4, 5, 6), attribution="Tiles © Test <b>org</b>") -> Path:
    """An MBTiles package: red tiles over ``bounds`` at ``zooms`` (rows in TMS order)."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name text, value text)")
    db.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)")
    db.executemany(
        "INSERT INTO metadata VALUES (?, ?)",
        [("name", "test"), ("format", "png"), ("attribution", attribution),
         ("minzoom", str(min(zooms))), ("maxzoom", str(max(zooms)))],
    )
    tile = png_tile(RED)
    for z in zooms:
        x0, y0, x1, y1 = tile_range(bounds, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, 2**z - 1 - y, tile))
    db.commit()
    db.close()
    return path


UKRAINE = (46.0, 30.0, 52.0, 40.0)


# ---------------------------------------------------------------- context (towns)


def test_min_zoom_by_population():
    import numpy as np

    assert min_zoom(np.array([5_000_000, 120_000, 4_000, 1_500, 0])).tolist() == [4, 6, 10, 11, 12]


def test_context_from_the_gazetteer_near_incidents_first(real_gazetteer):
    bounds = (48.2, 37.1, 48.35, 37.3)  # around Pokrovsk
    data = build_context(real_gazetteer, bounds, [(48.282, 37.176)])
    assert data and len(data["n"]) > 50
    assert data["n"][0] == "Pokrovsk"  # at an incident, the biggest there
    # Villages only around the incidents; far away, only big cities.
    far = [i for i, lat in enumerate(data["lat"]) if lat > 50.0]
    assert far and all(data["z"][i] <= 7 for i in far)
    lone = build_context(real_gazetteer, bounds, [])
    assert "Pokrovsk" in lone["n"]


def test_context_skips_providers_without_places():
    class Shapes:
        def shapes(self, kind):
            return []

    assert build_context(Shapes(), UKRAINE, []) is None


def _drawn_when(page, condition, tries=150):
    """The context layer's drawn names once ``condition`` holds (it redraws 70 ms after a move)."""
    names = []
    for _ in range(tries):
        names = page.evaluate("geomapContext.drawn")
        if condition(names):
            return names
        page.wait_for_timeout(100)
    raise AssertionError(f"names drawn never matched: {names[:40]}")


@pytest.mark.browser
def test_towns_drawn_at_working_zoom_and_not_at_country_scale(browser, real_gazetteer, tmp_path):
    path = write_map(FRAME, tmp_path / "towns.html", gazetteer=real_gazetteer)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    page.evaluate("geomap.map.setView([48.282, 37.176], 11, {animate: false}); 0")
    # Towns around Pokrovsk (the town itself may carry the basemap's own label, which the
    # context layer then leaves alone: which one draws first depends on timing).
    close = _drawn_when(page, lambda names: {"Rodynske", "Myrnohrad"} <= set(names))
    assert len(close) >= 10, close  # villages around the town, named
    assert len(set(close)) >= 10
    page.evaluate("geomap.map.setView([48.282, 37.176], 5, {animate: false}); 0")
    far = _drawn_when(page, lambda names: "Rodynske" not in names)
    assert not set(far) & {"Rodynske", "Myrnohrad"}, far  # small towns wait for their zoom
    # The canvas holds paint where the names are: not a blank background.
    painted = page.evaluate(
        """() => { const c = document.querySelector('.gm-context-canvas'), x = c.getContext('2d');
                   const d = x.getImageData(0, 0, c.width, c.height).data; let n = 0;
                   for (let i = 3; i < d.length; i += 4) { if (d[i]) n++; } return n; }"""
    )
    assert painted > 500
    opened.check_clean()
    page.close()


# ---------------------------------------------------------------------- tiles


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("OpenStreetMap", "provider"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "url"),
        ("http://{s}.tiles.local/{z}/{x}/{-y}.jpg", "url"),
    ],
)
def test_tile_sources(value, kind):
    assert tile_source(value).kind == kind


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://tiles.example.org/{z}/{x}.png", "lacks {y}"),
        ("javascript:alert(1)//{z}/{x}/{y}", "not an http(s) URL template"),
        ('https://t.example.org/{z}/{x}/{y}.png"onload=', "not an http(s) URL template"),
        ("https://t.example.org/{z}/{x}/{y}/{{7*7}}.png", "unknown placeholder"),
        ("missing.mbtiles", "no such tile package"),
        ("NoSuchProvider", "unknown tiles"),
    ],
)
def test_bad_tiles_refused(value, message):
    with pytest.raises(ConfigurationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        tile_source(value)


def test_package_tiles_embedded_for_the_extent_only(tmp_path):
    path = write_mbtiles(tmp_path / "t.mbtiles", (40.0, 20.0, 56.0, 45.0))
    package = read_package(path, UKRAINE)
    keys = set(package["tiles"])
    x0, y0, x1, y1 = tile_range(UKRAINE, 6)
    assert {f"6/{x}/{y}" for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)} <= keys
    assert all(int(k.split("/")[0]) in (4, 5, 6) for k in keys)
    assert len([k for k in keys if k.startswith("6/")]) == (x1 - x0 + 1) * (y1 - y0 + 1)  # nothing outside
    assert package["tiles"]["6/%d/%d" % (x0, y0)].startswith("data:image/png;base64,")
    assert (package["minzoom"], package["maxzoom"]) == (4, 6)
    # A budget too small for zoom 6 stops before it.
    small = read_package(path, UKRAINE, budget=sum(len(v) for k, v in package["tiles"].items() if k[0] in "45"))
    assert small["maxzoom"] == 5
    assert read_package(path, UKRAINE, max_zoom=4)["maxzoom"] == 4


def test_pmtiles_package_read_like_mbtiles(tmp_path):
    from pmtiles.convert import mbtiles_to_pmtiles

    mbtiles = write_mbtiles(tmp_path / "t.mbtiles", (40.0, 20.0, 56.0, 45.0), zooms=(4, 5))
    mbtiles_to_pmtiles(str(mbtiles), str(tmp_path / "t.pmtiles"), 5)
    assert read_package(tmp_path / "t.pmtiles", UKRAINE)["tiles"] == read_package(mbtiles, UKRAINE)["tiles"]


def test_bad_packages_are_one_clear_error(tmp_path):
    junk = tmp_path / "junk.mbtiles"
    junk.write_bytes(b"not sqlite at all" * 10)
    with pytest.raises(InputError, match="not an MBTiles file"):
        read_package(junk, UKRAINE)
    vector = tmp_path / "vector.mbtiles"
    write_mbtiles(vector, UKRAINE, zooms=(4,))
    db = sqlite3.connect(vector)
    db.execute("UPDATE tiles SET tile_data = ?", (b"\x1f\x8b\x08\x00vector",))
    db.commit()
    db.close()
    with pytest.raises(InputError, match="vector tiles"):
        read_package(vector, UKRAINE)
    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "m.html"), "--tiles", str(junk), *_inputs(tmp_path)])
    assert result.exit_code == 1
    assert "not an MBTiles file" in result.output
    assert not (tmp_path / "m.html").exists()


def _inputs(tmp_path) -> list[str]:
    from geomap.export import write_incidents

    path = tmp_path / "incidents.geojson"
    if not path.exists():
        write_incidents(FRAME, path)
    return [str(path)]


@pytest.mark.browser
def test_package_tiles_drawn_offline(browser, tmp_path):
    path = write_mbtiles(tmp_path / "t.mbtiles", (40.0, 20.0, 56.0, 45.0))
    built = render_map(FRAME, tiles=str(path), tiles_attribution="Local <script>tiles</script>")
    assert built.offline
    html = tmp_path / "pkg.html"
    html.write_text(built.html(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    opened = Opened(page).goto(html)
    page.evaluate("geomap.map.setView([48.3, 37.2], 6, {animate: false}); 0")
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.leaflet-tile-loaded')).some(t => t.src.startsWith('data:image/png'))",
        timeout=15000,
        polling=100,  # by interval: animation frames may not come to a page in the background
    )
    # A red tile is under the map's centre.
    pixel = page.evaluate(
        """() => { const img = Array.from(document.querySelectorAll('.leaflet-tile-loaded'))
                     .find(t => t.src.startsWith('data:image/png'));
                   const c = document.createElement('canvas'); c.width = c.height = 1;
                   const x = c.getContext('2d'); x.drawImage(img, 0, 0, 1, 1);
                   return Array.from(x.getImageData(0, 0, 1, 1).data).slice(0, 3); }"""
    )
    assert pixel == list(RED)
    attribution = page.inner_text(".leaflet-control-attribution")
    assert "Local <script>tiles</script>" in attribution  # shown as text, not run
    assert "t.mbtiles" in page.inner_text(".leaflet-control-layers")
    opened.check_clean()
    page.close()


@pytest.mark.browser
def test_url_tiles_fetch_only_what_the_user_named(browser, tmp_path):
    url = "https://tiles.example.org/{z}/{x}/{y}.png"
    built = render_map(FRAME, tiles=url, tiles_attribution="© Example tiles", tiles_max_zoom=12)
    assert not built.offline
    html = tmp_path / "url.html"
    html.write_text(built.html(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    opened = Opened(page).goto(html)
    page.wait_for_timeout(300)
    assert opened.blocked, "no tile was asked for"
    assert all(u.startswith("https://tiles.example.org/") and u.endswith(".png") for u in opened.blocked), opened.blocked
    assert page.evaluate("geomap.map.getMaxZoom()") == 12
    assert "© Example tiles" in page.inner_text(".leaflet-control-attribution")
    # The blocked tiles are logged as failed loads; nothing else went wrong.
    assert [e for e in opened.errors if not e.startswith("Failed to load resource")] == []
    page.close()


# -------------------------------------------------------------------- overlays


def write_front(path: Path) -> Path:
    """Two dated snapshots of a front line, an undated area with a category, hostile text."""
    features = [
        {"type": "Feature", "properties": {"date": "2024-12-01", "name": "front A"},
         "geometry": {"type": "LineString", "coordinates": [[37.0, 48.0], [37.3, 48.5]]}},
        {"type": "Feature", "properties": {"date": "2024-12-14", "name": "front B"},
         "geometry": {"type": "LineString", "coordinates": [[37.1, 48.0], [37.4, 48.5]]}},
        {"type": "Feature", "properties": {"name": "<img src=x onerror=window.__pwned=1>{{7*7}}", "status": "occupied"},
         "geometry": {"type": "Polygon", "coordinates": [[[37.5, 47.8], [38.0, 47.8], [38.0, 48.2], [37.5, 47.8]]]}},
        {"type": "Feature", "properties": {"name": "area 2", "status": "contested"},
         "geometry": {"type": "Polygon", "coordinates": [[[36.5, 47.8], [37.0, 47.8], [37.0, 48.2], [36.5, 47.8]]]}},
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_overlay_read_with_snapshots_and_categories(tmp_path):
    (overlay,) = read_overlays(write_front(tmp_path / "front.geojson"))
    assert overlay["name"] == "front.geojson"
    assert overlay["category"] == "status"
    assert [c[0] for c in overlay["categories"]] == ["contested", "occupied"]
    a, b, *_ = overlay["features"]
    # Front A holds until the day before front B; B holds on.
    assert (b["from"] - a["to"], b["to"]) == (1, None)
    assert overlay["dated"]


def test_overlay_simplestyle_colours_checked(tmp_path):
    path = tmp_path / "styled.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"stroke": "#ff0000", "stroke-width": 99},
         "geometry": {"type": "Point", "coordinates": [37, 48]}},
        {"type": "Feature", "properties": {"stroke": "red;background:url(https://x)"},
         "geometry": {"type": "Point", "coordinates": [37, 48]}},
    ]}), encoding="utf-8")
    first, second = read_overlays(path)[0]["features"]
    assert (first["c"], first["w"]) == ("#ff0000", 12)
    assert second["c"] == "#6a3d9a"  # a colour that is no colour is not used


def test_overlay_kml_and_geopackage_layers(tmp_path):
    import geopandas as gpd
    from shapely.geometry import LineString, Point

    gdf = gpd.GeoDataFrame({"name": ["a"]}, geometry=[LineString([(37, 48), (38, 49)])], crs="EPSG:4326")
    gpkg = tmp_path / "mine.gpkg"
    gdf.to_file(gpkg, layer="lines", driver="GPKG")
    gpd.GeoDataFrame({"name": ["b"]}, geometry=[Point(37, 48)], crs="EPSG:3857").to_file(gpkg, layer="pois", driver="GPKG")
    names = [o["name"] for o in read_overlays(gpkg)]
    assert names == ["mine.gpkg — lines", "mine.gpkg — pois"]
    kml = tmp_path / "mine.kml"
    kml.write_text(
        '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'
        "<name>Checkpoint</name><Point><coordinates>37.5,48.5</coordinates></Point></Placemark></Document></kml>",
        encoding="utf-8",
    )
    (overlay,) = read_overlays(kml)
    assert overlay["features"][0]["g"]["coordinates"] == [37.5, 48.5]


def test_bad_overlay_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.geojson"):
        read_overlays(bad)
    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "m.html"), "--overlay", str(bad), *_inputs(tmp_path)])
    assert result.exit_code == 1 and "bad.geojson" in result.output
    missing = CliRunner().invoke(cli, ["map", "--overlay", str(tmp_path / "nope.kml"), *_inputs(tmp_path)])
    assert missing.exit_code == 2 and "no such file" in missing.output


@pytest.mark.browser
def test_overlay_listed_drawn_and_follows_the_dates(browser, tmp_path):
    front = write_front(tmp_path / "front.geojson")
    path = write_map(FRAME, tmp_path / "overlay.html", overlays=[front])
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    opened = Opened(page).goto(path)
    assert "front.geojson" in page.inner_text(".leaflet-control-layers")
    legend = page.inner_text(".gm-legend")
    assert "front.geojson (follows the dates)" in legend and "occupied" in legend and "contested" in legend
    # The whole range ends 2024-12-18: front B and both undated areas.
    assert sorted(page.evaluate("geomapOverlays[0].shown()")) == [1, 2, 3]
    day = page.evaluate("geomap.dayMin")
    page.evaluate(f"geomap.setRange({day}, {day} + 5)")  # up to 2024-12-06: front A
    assert sorted(page.evaluate("geomapOverlays[0].shown()")) == [0, 2, 3]
    assert page.locator(".leaflet-gm-overlays-pane path").count() == 3
    page.evaluate(f"geomap.setRange({day}, {day} + 20)")
    assert sorted(page.evaluate("geomapOverlays[0].shown()")) == [1, 2, 3]
    # Hostile property text is shown as text in the popup, never run.
    page.evaluate("geomapOverlays[0].group.getLayers().find(l => l.gmFeature.i === 2).fire('click', {latlng: L.latLng(48, 37.8)}); 0")
    popup = page.inner_text(".leaflet-popup-content")
    assert "<img src=x onerror=window.__pwned=1>{{7*7}}" in popup
    assert page.evaluate("window.__pwned") is None
    # Unticking the overlay in the layer control removes it.
    page.locator(".leaflet-control-layers label", has_text="front.geojson").locator("input").click()
    assert page.locator(".leaflet-gm-overlays-pane path").count() == 0
    opened.check_clean()
    page.close()


# ------------------------------------------------------------------ static outputs


def test_static_output_suffix_must_match(tmp_path):
    result = CliRunner().invoke(cli, ["map", "--png", str(tmp_path / "out.pdf"), *_inputs(tmp_path)])
    assert result.exit_code == 2 and "no .png file name" in result.output
    result = CliRunner().invoke(cli, ["map", "--pdf", str(tmp_path / "out.png"), *_inputs(tmp_path)])
    assert result.exit_code == 2 and "no .pdf file name" in result.output


def test_nearest_incident_distances_are_the_same_taken_in_chunks(monkeypatch):
    # A big map's incidents are searched a chunk at a time; the nearest is the nearest of all.
    import numpy as np

    from geomap.render import context

    rng = np.random.default_rng(3)
    points = np.column_stack([rng.uniform(44, 52, 2_500), rng.uniform(22, 40, 2_500)])
    lat, lon = rng.uniform(44, 52, 300), rng.uniform(22, 40, 300)
    whole = context._distances_km(lat, lon, points)
    monkeypatch.setattr(context, "_CHUNK", 97)
    assert np.array_equal(context._distances_km(lat, lon, points), whole)
    scale = np.cos(np.radians(np.clip(points[:, 0].mean(), -80, 80)))
    brute = np.sqrt(((lon[:, None] - points[None, :, 1]) * scale) ** 2 + (lat[:, None] - points[None, :, 0]) ** 2)
    assert np.allclose(whole, brute.min(axis=1) * context._KM_PER_DEGREE)


def test_places_near_incidents_are_told_apart_the_same_searching_less(monkeypatch):
    # The context layer asks only "within 5 km?" and "within 25 km?": distances beyond 25 km are
    # not searched for, and a place once within 5 km of a chunk is not searched again.
    import numpy as np

    from geomap.render import context

    rng = np.random.default_rng(5)
    points = np.column_stack([rng.uniform(47, 49, 3_000), rng.uniform(35, 38, 3_000)])
    lat, lon = rng.uniform(46, 50, 400), rng.uniform(33, 40, 400)
    lat[:3], lon[:3] = points[:3, 0], points[:3, 1]  # at an incident: 0 km
    whole = context._distances_km(lat, lon, points)
    monkeypatch.setattr(context, "_CHUNK", 101)
    less = context._distances_km(lat, lon, points, within=context.AROUND_KM, enough=context.NEAR_KM)
    for km in (context.NEAR_KM, context.AROUND_KM):
        assert np.array_equal(less <= km, whole <= km)
    assert np.isinf(less[whole > 1.02 * context.AROUND_KM]).all() and (whole > context.AROUND_KM).any()
    assert (less[:3] == 0).all()
