"""`geomap map --png/--pdf --scale`: static outputs by suffix, through the CLI.

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
