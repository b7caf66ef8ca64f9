"""Static images of a written map, for slides and reports: PNG, PDF and SVG.

The format follows the output's suffix (:data:`FORMATS`): ``.png`` is a screenshot,
``.pdf`` is chromium's own PDF of the page (text and borders stay sharp; the canvas
layers are pictures at ``scale`` times the size). ``.svg`` is that PDF converted by
poppler's ``pdftocairo -svg`` (Debian's ``poppler-utils``): the title, legend, labels,
borders and regions stay vectors that any size keeps sharp; the layers a browser
draws on canvases (the incidents, the towns) are embedded pictures, as in the PDF,
since a browser cannot give a canvas back as vectors. The SVG refers to nothing
outside itself (its pictures are ``data:`` URLs).

Playwright drives Debian's chromium (``playwright install`` cannot download
browsers here). Requests off the page are blocked unless the map uses online
tiles, so a snapshot of an offline map proves it needs nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from geomap.errors import ConfigurationError, OutputError
from geomap.fileio import atomic_write

#: Chromium used for snapshots; ``GEOMAP_CHROMIUM`` overrides it.
CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")

#: Flags for a quiet, sandbox-free headless chromium that calls no Google service.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: Suffix → format of the static outputs.
FORMATS = {".png": "png", ".pdf": "pdf", ".svg": "svg"}

#: The converter of ``--svg`` (poppler); ``GEOMAP_PDFTOCAIRO`` overrides it.
PDFTOCAIRO = os.environ.get("GEOMAP_PDFTOCAIRO", "pdftocairo")

#: Device scale factors accepted (2 for print: twice the pixels each way).
SCALES = (1, 2, 3, 4)

#: Default image size (width, height) in CSS pixels.
DEFAULT_SIZE = (1600, 1000)

# Interactive controls make no sense on paper; the legend and title stay.
SNAPSHOT_CSS = """
.leaflet-control-layers, .leaflet-control-zoom, .gm-dates, .gm-filters, .gm-tools, .gm-panel-toggle { display: none !important; }
.gm-panel .gm-legend-title { display: block; }
.gm-legend-size-head input, .gm-legend-sizes.gm-off { display: none; }
"""

# The credit line (a tile package's source, GeoNames, Natural Earth): a solid strip
# across the bottom with the panels lifted above it, so tiles and panels cannot hide it.
CREDIT_LINE = "window.geomapTools && geomapTools.creditLine && geomapTools.creditLine(true); 0"

# Panels are collapsed by default in a small window: a picture shows them open.
_EXPAND_PANELS = "window.geomapTools && geomapTools.panels && geomapTools.panels.forEach(n => geomapTools.setCollapsed(n, false)); 0"

_SIZE = re.compile(r"^\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*$")


def parse_size(text: str) -> tuple[int, int]:
    """``"1600x1000"`` → ``(1600, 1000)``.

    Raises
    ------
    ConfigurationError
        When the text is not ``WIDTHxHEIGHT`` with each side 200–8000 pixels.
    """
    match = _SIZE.match(text or "")
    if not match:
        raise ConfigurationError(f"size must look like 1600x1000, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise ConfigurationError(f"size {width}x{height} is out of range (200–8000 pixels a side)")
    return width, height


def snapshot_format(path: str | os.PathLike) -> str:
    """``png``, ``pdf`` or ``svg`` for an output path, by its suffix.

    Raises
    ------
    ConfigurationError
        For any other suffix (a ``.pdf`` never receives PNG bytes).
    """
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ConfigurationError(
            f"cannot tell the image format of {os.fspath(path)!r}: use a .png, .pdf or .svg file name"
        )
    return fmt


def snapshot(
    html_path: str | os.PathLike,
    png_path: str | os.PathLike,
    *,
    size: tuple[int, int] = DEFAULT_SIZE,
    scale: int = 1,
    allow_network: bool = False,
    timeout: float = 60.0,
) -> Path:
    """Write a PNG, PDF or SVG (by ``png_path``'s suffix) of a map page.

    Parameters
    ----------
    html_path : path-like
        A map written by :func:`geomap.render.write_map`.
    png_path : path-like
        The image to write (atomically): ``.png``, ``.pdf`` or ``.svg``.
    size : (int, int)
        Width and height in CSS pixels (a PDF page of that size).
    scale : int
        Device pixels per CSS pixel (:data:`SCALES`): 2 gives a print-resolution
        PNG of twice the width and height, and sharper canvases in a PDF.
    allow_network : bool
        Let the page fetch from the web (maps with online tiles).
    timeout : float
        Seconds to wait for the map to finish drawing.

    Returns
    -------
    pathlib.Path
        The written image.

    Raises
    ------
    ConfigurationError
        When chromium or Playwright (or, for SVG, pdftocairo) is missing, the
        suffix is not one of :data:`FORMATS` or the scale is not one of :data:`SCALES`.
    OutputError
        When the page fails to load or the image cannot be written.
    """
    fmt = snapshot_format(png_path)
    if scale not in SCALES:
        raise ConfigurationError(f"scale must be one of {', '.join(map(str, SCALES))}, not {scale!r}")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        raise ConfigurationError("--png needs Playwright: pip install 'geomap[png]'") from err
    if not Path(CHROMIUM).exists():
        raise ConfigurationError(f"--png needs chromium at {CHROMIUM} (apt-get install chromium)")
    converter = shutil.which(PDFTOCAIRO) if fmt == "svg" else None
    if fmt == "svg" and converter is None:
        raise ConfigurationError(f"--svg needs poppler's {PDFTOCAIRO} (apt-get install poppler-utils)")
    url = Path(html_path).resolve().as_uri()
    width, height = size

    def shoot(tmp: Path) -> None:
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
                try:
                    page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
                    if not allow_network:
                        page.route("**/*", _local_only)
                    page.goto(url, wait_until="load", timeout=timeout * 1000)
                    page.wait_for_selector("html[data-geomap-ready]", state="attached", timeout=timeout * 1000)
                    page.evaluate(_EXPAND_PANELS)
                    page.add_style_tag(content=SNAPSHOT_CSS)
                    page.evaluate(CREDIT_LINE)
                    # Let markercluster's chunks and tiles settle before shooting.
                    page.wait_for_load_state("networkidle", timeout=timeout * 1000)
                    page.wait_for_timeout(400)
                    if fmt in ("pdf", "svg"):
                        # The page at its screen size on one sheet, with its colours.
                        page.emulate_media(media="screen")
                        page.pdf(
                            path=str(tmp if fmt == "pdf" else pdf_path(tmp)),
                            width=f"{width}px",
                            height=f"{height}px",
                            print_background=True,
                            page_ranges="1",
                        )
                    else:
                        page.screenshot(path=str(tmp), type="png")
                finally:
                    browser.close()
        except PlaywrightError as err:
            raise OutputError(f"cannot snapshot {html_path}: {err.message.splitlines()[0]}") from err
        if fmt == "svg":
            try:
                _pdf_to_svg(converter, pdf_path(tmp), tmp, timeout)
            finally:
                pdf_path(tmp).unlink(missing_ok=True)

    return atomic_write(png_path, shoot)


def pdf_path(tmp: Path) -> Path:
    """Where the PDF an SVG is made from is written: beside the temporary SVG."""
    return tmp.with_name(tmp.name + ".pdf")


def _pdf_to_svg(converter: str, pdf: Path, svg: Path, timeout: float) -> None:
    """Convert the one page of ``pdf`` to ``svg`` with pdftocairo (no shell; the paths are ours)."""
    try:
        done = subprocess.run(
            [converter, "-svg", "-f", "1", "-l", "1", str(pdf), str(svg)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as err:
        raise OutputError(f"cannot convert the map to SVG: {err}") from err
    if done.returncode != 0 or not svg.exists() or svg.stat().st_size == 0:
        reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise OutputError(f"cannot convert the map to SVG: {reason}")


def _local_only(route) -> None:
    if route.request.url.startswith(("file://", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()
