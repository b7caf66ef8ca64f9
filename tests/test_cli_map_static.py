"""`geomap map --png/--pdf/--svg --scale`: static outputs by suffix, through the CLI.

Kept apart from the browser tests' module: Playwright's sync API cannot run while
another sync session (their module-scoped browser) is open.
"""

from __future__ import annotations

import struct

import pytest
from click.testing import CliRunner
from render_helpers import load_frame

from geomap.cli import cli


def _inputs(tmp_path) -> list[str]:
    from geomap.export import write_incidents

    path = tmp_path / "incidents.geojson"
    write_incidents(load_frame(), path)
    return [str(path)]


@pytest.mark.browser
def test_pdf_and_scaled_png(tmp_path):
    from conftest import require_chromium

    require_chromium()
    out = tmp_path / "m.html"
    result = CliRunner().invoke(
        cli,
        ["map", "-o", str(out), "--png", str(tmp_path / "m.png"), "--pdf", str(tmp_path / "m.pdf"),
         "--size", "640x400", "--scale", "2", *_inputs(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    png = (tmp_path / "m.png").read_bytes()
    assert png.startswith(b"\x89PNG") and struct.unpack(">II", png[16:24]) == (1280, 800)
    pdf = (tmp_path / "m.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert b"/Count 1" in pdf  # one page


@pytest.mark.browser
def test_png_of_a_tile_package_carries_its_credit_line(tmp_path):
    from conftest import require_chromium
    from render_helpers import png_pixels
    from test_map_analyst import RED, write_mbtiles

    require_chromium()
    package = write_mbtiles(tmp_path / "region.mbtiles", (40.0, 20.0, 56.0, 45.0), attribution="")
    png = tmp_path / "m.png"
    result = CliRunner().invoke(
        cli, ["map", "-o", str(tmp_path / "m.html"), "--tiles", str(package), "--png", str(png), "--size", "420x300",
              *_inputs(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert "Tiles: region.mbtiles" in (tmp_path / "m.html").read_text(encoding="utf-8")
    rows = png_pixels(png.read_bytes())
    assert (len(rows), len(rows[0])) == (300, 420)
    # The package's red tiles fill the map above; across the bottom, the credit line is
    # a solid white strip with dark text on it, not tiles showing through.
    assert sum(p[:3] == RED for row in rows[:200] for p in row) > 5000
    bottom = [p[:3] for row in rows[-4:] for p in row]
    assert sum(p == (255, 255, 255) for p in bottom) > 0.6 * len(bottom)
    assert not any(p == RED for p in bottom)
    strip = [p[:3] for row in rows[-30:] for p in row[-200:]]
    assert any(max(p) < 110 for p in strip), "no text in the credit line"


@pytest.mark.browser
def test_svg_keeps_text_and_borders_as_vectors_and_refers_to_nothing_outside(tmp_path):
    import xml.etree.ElementTree as ET

    from conftest import require_chromium, require_pdftocairo

    require_chromium()
    require_pdftocairo()
    out = tmp_path / "m.svg"
    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "m.html"), "--svg", str(out), "--size", "640x400",
                                      *_inputs(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    root = ET.parse(out).getroot()
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    # pdftocairo writes points: 640x400 CSS pixels are 480x360 pt at 0.75 pt a pixel.
    assert (root.get("width"), root.get("height")) == ("480pt", "300pt")
    glyphs = root.findall(f".//{svg}symbol")
    assert len(glyphs) > 20  # the title's, legend's and labels' letters, as vector glyphs
    assert len(root.findall(f".//{svg}path")) > len(glyphs)  # borders and regions besides the glyphs
    links = [v for e in root.iter() for k, v in e.attrib.items() if k.endswith("href")]
    assert links and all(v.startswith(("#", "data:image/")) for v in links), {v[:30] for v in links}


def test_svg_without_pdftocairo_is_one_line_and_the_map_is_still_written(tmp_path, monkeypatch):
    import importlib

    monkeypatch.setattr(importlib.import_module("geomap.render.snapshot"), "PDFTOCAIRO", "no-such-pdftocairo")
    html = tmp_path / "m.html"
    result = CliRunner().invoke(cli, ["map", "-o", str(html), "--svg", str(tmp_path / "m.svg"), *_inputs(tmp_path)])
    assert result.exit_code != 0
    assert "--svg needs poppler's no-such-pdftocairo (apt-get install poppler-utils)" in result.output
    assert "Traceback" not in result.output
    assert html.exists() and not (tmp_path / "m.svg").exists()


def test_an_svg_option_needs_an_svg_name(tmp_path):
    result = CliRunner().invoke(cli, ["map", "-o", str(tmp_path / "m.html"), "--svg", str(tmp_path / "m.png"),
                                      *_inputs(tmp_path)])  # fmt: skip
    assert result.exit_code == 2
    assert "is no .svg file name" in result.output
