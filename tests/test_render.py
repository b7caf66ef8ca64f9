"""Fragment tests of the rendered map HTML and of the pieces that build it."""

from __future__ import annotations

import base64
import html
import gzip
import json
import re

import pandas as pd
import pytest
from render_helpers import load_frame
from shapely.geometry import Point, Polygon, box

from gazetteer.model import Place
from geomap.errors import ConfigurationError, EmptyResultError, GeomapError
from geomap.render import (
    ExternalResourceError,
    check_offline,
    embed_html,
    find_external_urls,
    parse_size,
    render_map,
    write_map,
)
from geomap.render.basemap import build_basemap, extent
from geomap.render.data import COUNTRY, POINT, REGION, build_payload, decode_payload, script_json
from geomap.render.style import styles_for

KURSK = box(34.1, 50.9, 36.6, 52.4)


class FakeGazetteer:
    """Small hand-made shapes standing in for the real gazetteer."""

    def geometry(self, place_id):
        return {"admin1:RU.41": KURSK}.get(place_id)

    def shapes(self, kind):
        place = lambda pid, name, k, lat, lon, pop=0, code=None: Place(
            pid, name, k, None, None, lat, lon, pop, None, code
        )
        if kind == "country":
            return [
                (place("country:UA", "Ukraine", "country", 49.0, 31.0), box(22, 44, 40, 52.4)),
                (place("country:RU", "Russia", "country", 60.0, 90.0), box(27, 41, 180, 78)),
                (place("country:AR", "Argentina", "country", -34, -64), box(-73, -55, -53, -22)),
            ]
        if kind == "admin1":
            return [(place("admin1:RU.41", "Kursk Oblast", "admin1", 51.7, 35.8), KURSK)]
        if kind == "sea":
            return [
                (
                    place("sea:black-sea", "Black Sea", "sea", 43.4, 34.0),
                    Polygon([(28, 41), (41.5, 41), (41.5, 46.5), (28, 46.5)]),
                )
            ]
        if kind == "city":
            return [
                (place("gn:703448", "Kyiv", "city", 50.45, 30.52, 2_900_000, "PPLC"), Point(30.52, 50.45)),
                (place("gn:1", "Tiny", "city", 49.0, 33.0, 800), Point(33.0, 49.0)),
                (place("gn:3435910", "Buenos Aires", "city", -34.6, -58.4, 13_000_000, "PPLC"), Point(-58.4, -34.6)),
            ]
        raise ValueError(kind)


@pytest.fixture(scope="module")
def frame():
    return load_frame()


@pytest.fixture(scope="module")
def page(frame):
    return render_map(frame, gazetteer=FakeGazetteer(), title='Test <map> & "quotes"').html()


def embedded(page: str, element_suffix="_data") -> list[dict]:
    blocks = re.findall(
        r'<script type="application/json" id="[^"]+'
        + element_suffix
        + r'"(?:\s+data-encoding="([^"]+)")?>(.*?)</script>',
        page,
        re.DOTALL,
    )
    return [decode_payload(text, encoding or "json") for encoding, text in blocks]


def incident_data(page: str) -> dict:
    return next(d for d in embedded(page) if isinstance(d, dict) and "id" in d)


# --- the page --------------------------------------------------------------------------------


def test_page_has_no_external_urls(page):
    assert find_external_urls(page) == []


def test_page_inlines_leaflet_and_plugins(page):
    assert "Leaflet 1.9.3" in page  # leaflet.js's own banner
    assert "MarkerClusterGroup" in page
    assert "GeomapKit" in page
    assert "<script src=" not in page and '<link rel="stylesheet" href=' not in page
    assert "data:image/png;base64," in page  # layers.png from leaflet.css


def test_page_embeds_every_incident_once(page, frame):
    data = incident_data(page)
    assert sorted(data["id"]) == sorted(frame["event_id"])
    assert data["k"][data["id"].index("b1")] == POINT
    assert data["k"][data["id"].index("r1")] == REGION
    assert data["k"][data["id"].index("c1")] == COUNTRY
    assert [t["name"] for t in data["types"]] == [
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Strategic developments",
    ]
    assert [t["count"] for t in data["types"]] == [4, 3, 1, 1, 1]


def test_page_escapes_article_text(page):
    # The hostile strings are present only as JSON-escaped data, never as markup.
    assert "window.__pwned" in page
    assert "<script>window.__pwned" not in page
    assert "</script><script>" not in page
    assert "<img src=x" not in page
    data = incident_data(page)
    i = data["id"].index("x1")
    assert "<script>window.__pwned = 1</script>" in data["ev"][i]
    assert data["S"][data["ttl"][i]].startswith("</script><script>")


def test_page_title_is_escaped(page):
    assert (
        "<title>Test &lt;map&gt; &amp; &#34;quotes&#34;</title>" in page
        or "<title>Test &lt;map&gt; &amp; &quot;quotes&quot;</title>" in page
    )
    assert '<meta charset="utf-8">' in page


def test_quantities_are_readable(page):
    data = incident_data(page)
    assert data["S"][data["q"][data["id"].index("e1")]] == "drones launched: 12"
    assert data["q"][data["id"].index("b1")] == 0  # the empty string


def test_a_plain_folium_plugin_breaks_the_offline_promise_loudly(frame):
    from folium.plugins import MarkerCluster

    built = render_map(frame)
    built.map.add_child(MarkerCluster())  # folium's plugin links its JS from a CDN
    with pytest.raises(ExternalResourceError, match="leaflet.markercluster"):
        built.html()


def test_non_ascii_survives(page):
    data = incident_data(page)
    assert "Херсон <b>bold</b>" in data["S"]


def test_region_polygon_embedded_once(page):
    data = incident_data(page)
    assert [r["id"] for r in data["regions"]] == ["admin1:RU.41"]
    i = data["id"].index("r1")
    assert data["regions"][data["reg"][i]]["g"]["type"] == "Polygon"
    # The Sea of Azov has no polygon in the fake gazetteer: a ring, not a region shape.
    assert data["reg"][data["id"].index("s1")] == -1
    assert data["k"][data["id"].index("s1")] == REGION


def test_basemap_embedded_and_clipped(page):
    basemap = next(d for d in embedded(page) if isinstance(d, dict) and "bbox" in d)
    names = {item["n"] for item in basemap["country"]}
    assert names == {"Ukraine", "Russia"}  # Argentina is far outside the extent
    east = basemap["bbox"][3]
    russia = next(item for item in basemap["country"] if item["n"] == "Russia")
    xs = [x for ring in russia["g"]["coordinates"] for x, _ in ring]
    assert max(xs) <= east + 1e-6 and east < 180
    assert [p["n"] for p in basemap["places"]] == ["Kyiv"]


def test_cdn_links_instead_of_inlining(frame):
    page = render_map(frame, cdn=True).html()
    assert '<script src="https://unpkg.com/leaflet@1.9.3/dist/leaflet.js"></script>' in page
    assert "Leaflet 1.9.3" not in page
    assert "GeomapKit" in page  # our own code is always inside


@pytest.mark.parametrize(("tiles", "url"), [(None, "tile.openstreetmap.org"), ("OpenTopoMap", "tile.opentopomap.org")])
def test_cdn_map_uses_online_tiles_not_the_embedded_basemap(frame, tiles, url):
    page = render_map(frame, gazetteer=FakeGazetteer(), cdn=True, tiles=tiles).html()
    assert not [d for d in embedded(page) if isinstance(d, dict) and "bbox" in d]
    assert url in page
    # The region polygon belongs to the incidents, not to the basemap: still there.
    assert len(incident_data(page)["regions"]) == 1


def test_tiles_are_online_and_allowed(frame):
    built = render_map(frame, tiles="OpenStreetMap")
    page = built.html()
    assert "tile.openstreetmap.org" in page
    assert not built.offline


def test_unknown_tiles_is_a_configuration_error(frame):
    with pytest.raises(ConfigurationError):
        render_map(frame, tiles="No Such Tiles")


def test_heat_layer_inlined(frame):
    page = render_map(frame, heat=True, cluster=False).html()
    assert "heatLayer" in page and "GeomapKit.heat(" in page
    assert "MarkerClusterGroup" not in page
    assert find_external_urls(page) == []


def test_country_level_only_map_views_those_countries(frame):
    class Countries(FakeGazetteer):
        def geometry(self, place_id):
            return {"country:RU": box(27, 41, 180, 78)}.get(place_id)

    only = frame[frame["location_kind"] == "country"]
    built = render_map(only, gazetteer=Countries())
    page = built.html()
    assert incident_data(page)["k"] == [COUNTRY]
    assert "[[41.0, 27.0], [78.0, 180.0]]" in page  # the fitBounds call


def test_empty_frame_is_refused(frame):
    with pytest.raises(EmptyResultError):
        render_map(frame.iloc[0:0])


def test_write_map_writes_the_page(frame, tmp_path):
    path = write_map(frame, tmp_path / "maps" / "m.html", gazetteer=FakeGazetteer(), title="T")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert find_external_urls(text) == []
    assert [p.name for p in path.parent.iterdir()] == ["m.html"]  # no temporary left


def test_other_crs_is_reprojected(frame):
    data = build_payload(frame.to_crs("EPSG:3857")).data
    i = data["id"].index("b1")
    assert data["lat"][i] == pytest.approx(48.282, abs=1e-4)
    assert data["lon"][i] == pytest.approx(37.176, abs=1e-4)


def test_dates_are_day_numbers(frame):
    data = build_payload(frame).data
    i = data["id"].index("b1")
    assert data["d"][i] == (pd.Timestamp("2024-12-10") - pd.Timestamp("1970-01-01")).days
    assert data["d"][data["id"].index("e2")] is None
    assert data["tp"][data["id"].index("b2")] == 2


# --- the offline check -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "fragment",
    [
        '<script src="https://cdn.example.org/x.js"></script>',
        '<script src="//cdn.example.org/x.js"></script>',
        '<link rel="stylesheet" href="http://example.org/a.css">',
        '<img src="https://example.org/a.png">',
        "<style>.a { background: url(https://example.org/a.png) }</style>",
        "<style>.a { background: url('//example.org/a.png') }</style>",
        '<style>@import "https://example.org/a.css";</style>',
        '<div style="background-image:url(images/layers.png)"></div>',
    ],
)
def test_offline_check_finds_fetches(fragment):
    page = f"<html><head></head><body>{fragment}</body></html>"
    assert find_external_urls(page)
    with pytest.raises(ExternalResourceError) as info:
        check_offline(page)
    assert isinstance(info.value, GeomapError) and isinstance(info.value, OSError)


@pytest.mark.parametrize(
    "fragment",
    [
        '<img src="data:image/png;base64,AAAA">',
        "<style>.a { behavior: url(#default#VML) }</style>",
        '<script type="application/json" id="d">{"u":"<img src=\\"https://x.org/a.png\\">"}</script>',
        '<a href="https://example.org/">a link is not a fetch</a>',
    ],
)
def test_offline_check_allows_inline_and_data(fragment):
    check_offline(f"<html><body>{fragment}</body></html>")


# --- pieces ----------------------------------------------------------------------------------


def test_script_json_cannot_close_the_element():
    text, encoding = script_json({"a": "</script><!-- & \u2028"})
    assert encoding == "json"
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_script_json_compresses_large_payloads():
    value = {"ev": [f"sentence {i} about a place" for i in range(5000)]}
    text, encoding = script_json(value, compress_above=1000)
    assert encoding == "gzip-base64"
    assert json.loads(gzip.decompress(base64.b64decode(text))) == value


def test_styles_are_distinct():
    styles = styles_for(
        [
            "Battles",
            "Riots",
            "Protests",
            "Explosions/Remote violence",
            "Violence against civilians",
            "Strategic developments",
            "Custom",
        ]
    )
    colours = [c for c, _ in styles.values()]
    shapes = [s for _, s in styles.values()]
    assert len(set(colours)) == len(colours)
    assert len(set(shapes[:6])) == 6
    assert list(styles)[-1] == "Custom"


def test_extent_adds_margin_and_widens():
    south, west, north, east = extent((48.0, 37.0, 48.0, 37.0))
    assert south < 48 - 3 and north > 48 + 3
    assert east - west > north - south


def test_basemap_without_shapes_is_none():
    class Empty:
        def shapes(self, kind):
            return []

    assert build_basemap(Empty(), (48, 36, 50, 38)) is None


def test_embed_fragment_holds_the_whole_map(page):
    fragment = embed_html(page, title="T <x>")
    assert fragment.startswith('<iframe title="T &lt;x&gt;"')
    assert 'srcdoc="&lt;!DOCTYPE html&gt;' in fragment
    assert "<script" not in fragment  # all of it is inert attribute text


@pytest.mark.parametrize("text, size", [("1600x1000", (1600, 1000)), (" 800X600 ", (800, 600))])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "1600", "10x10", "axb", "99999x100"])
def test_parse_size_rejects(text):
    with pytest.raises(ConfigurationError):
        parse_size(text)


def test_area_label_inside_its_visible_part_when_its_own_point_is_outside():
    # Russia's own point (60N 90E) is far east of a map of eastern Ukraine: its name
    # goes inside the part of Russia that is in the window, not nowhere.
    basemap = build_basemap(FakeGazetteer(), (48, 36, 50, 38))
    south, west, north, east = basemap["bbox"]
    russia = next(item for item in basemap["country"] if item["n"] == "Russia")
    assert russia["lat"] is not None and south <= russia["lat"] <= north and west <= russia["lon"] <= east
    assert box(27, 41, 180, 78).contains(Point(russia["lon"], russia["lat"]))
    ukraine = next(item for item in basemap["country"] if item["n"] == "Ukraine")
    assert (ukraine["lat"], ukraine["lon"]) == (49.0, 31.0)  # its own point is in view: kept
    # Russia fills more of the window than Ukraine, so its name wins label clashes.
    assert russia["a"] > ukraine["a"] > 0


# --- data is never a template ------------------------------------------------------------------

#: Text that a template engine would execute or choke on; it must reach the page as text.
TEMPLATE_PAYLOADS = [
    "Strike {{ 7*7 }} on Kharkiv",
    "{% for x in range(3) %}loop{% endfor %}",
    "{# unclosed comment",
    "{{cite news|title=Kharkiv|date=2024}}",
    "{% raw %}{{ 1 }}{% endraw",
    "{{ '<' }}/script><script>window.__pwned = 1</script>",
]


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_no_data_is_compiled_as_a_template(frame, payload):
    hostile = frame.copy()
    hostile["title"] = payload
    hostile["location"] = payload
    hostile["notes"] = payload
    hostile["evidence"] = [[{"text": payload}]] * len(hostile)
    page = render_map(hostile, title=payload, subtitle=payload).html()
    data = incident_data(page)
    assert payload in data["S"]  # title and location, verbatim
    assert all(text == payload for text in data["ev"])
    assert f"<title>{html.escape(payload)}</title>" in page
    assert "</script><script>window.__pwned" not in page
    assert "Strike 49" not in page and "looploop" not in page


def test_own_assets_inlined_without_comment_lines_and_indentation():
    from geomap.render.assets import ASSETS, _path, asset_text, compact

    code = "/* head\n * more */\nfunction f() {\n  // why\n  var u = 'http://x'; // kept: code first\n  return u;\n}\n"
    assert compact(code) == "function f() {\nvar u = 'http://x'; // kept: code first\nreturn u;\n}\n"
    # Safe only while our script holds no multi-line string (a template literal).
    source = _path(ASSETS["geomap"]).read_text(encoding="utf-8")
    assert "`" not in source
    assert len(asset_text("geomap")) < 0.8 * len(source)
    # Third-party code is inlined as shipped.
    assert asset_text("leaflet") == _path(ASSETS["leaflet"]).read_text(encoding="utf-8").replace("</script", "<\\/script")


def test_actor_pairs_stored_once():
    frame = load_frame()
    frame.loc[frame["event_id"] == "b3", ["actor1", "actor2"]] = ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"]
    frame.loc[frame["event_id"] == "e1", ["actor1", "actor2"]] = ["Military Forces of Ukraine (2019-)", None]
    data = build_payload(frame).data
    pairs = [[data["S"][a], data["S"][b]] for a, b in data["A"]]
    assert pairs == [["", ""], ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"],
                     ["Military Forces of Ukraine (2019-)", ""]]
    ids = data["id"]
    assert data["act"][ids.index("b1")] == data["act"][ids.index("b3")] == 1
    assert data["act"][ids.index("e1")] == 2 and data["act"][ids.index("p1")] == 0
