"""`geomap map`: articles or incident files in, one self-contained HTML map out."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from geomap.cli.options import ErrorReporter, Progress, checked_by, incident_options, make_gazetteer

log = logging.getLogger(__name__)

#: Folder for maps when no ``-o`` is given.
DEFAULT_DIR = Path("maps")


def default_output(inputs) -> Path:
    """``maps/<stem of the first input>.html`` (``maps/stdin.html`` for ``-``)."""
    first = inputs[0]
    if first == "-":
        stem = "stdin"
    else:
        path = Path(first.rstrip("/\\") or first)
        stem = path.stem if path.suffix else path.name
        stem = stem.replace("*", "").strip(".") or "map"
    return DEFAULT_DIR / f"{stem}.html"


def _title(inputs) -> str:
    names = [("stdin" if i == "-" else Path(i.rstrip("/\\") or i).name) for i in inputs]
    more = f" and {len(names) - 1} more" if len(names) > 1 else ""
    return f"Incidents: {names[0]}{more}"


def _size(ctx: click.Context, param: click.Parameter, value: str):
    from geomap.errors import ConfigurationError
    from geomap.render import parse_size

    try:
        return parse_size(value)
    except ConfigurationError as err:
        raise click.BadParameter(str(err)) from err


def _static(fmt: str):
    """A --png/--pdf/--svg callback: the file's suffix must say that format."""

    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is None:
            return value
        from geomap.errors import ConfigurationError
        from geomap.render import snapshot_format

        try:
            found = snapshot_format(value)
        except ConfigurationError:
            found = None
        if found != fmt:
            raise click.BadParameter(
                f"{value!r} is no .{fmt} file name (--png writes .png, --pdf writes .pdf, --svg writes .svg)"
            )
        return value

    return callback


def _overlays(ctx: click.Context, param: click.Parameter, value):
    from geomap.errors import ConfigurationError
    from geomap.render.overlays import check_overlay

    for path in value:
        try:
            check_overlay(path)
        except ConfigurationError as err:
            raise click.BadParameter(str(err)) from err
    return value


@click.command("map")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="HTML file to write, or - for stdout [maps/<first input>.html].",
)
@incident_options
@click.option("--title", help="Map title [Incidents: <first input>].")
@click.option("--cluster/--no-cluster", default=True, show_default=True, help="Cluster crowded points.")
@click.option("--heat", is_flag=True, help="Add a heat layer where incidents crowd.")
@click.option(
    "--tiles",
    metavar="NAME|URL|FILE",
    callback=checked_by("geomap.render:check_tiles"),
    help="Tiles instead of the offline basemap: a provider name (OpenStreetMap, OpenTopoMap) or an "
    "XYZ URL template (https://host/{z}/{x}/{y}.png), which the map then fetches from the network; "
    "or a local .mbtiles/.pmtiles raster package, whose tiles over the incidents are embedded (offline).",
)
@click.option("--tiles-attribution", metavar="TEXT", help="Credit shown for --tiles URL or FILE [the host / the package's].")
@click.option(
    "--tiles-max-zoom",
    type=click.IntRange(0, 24),
    metavar="Z",
    help="Deepest zoom of the --tiles URL server, or of a package's levels to embed.",
)
@click.option(
    "--overlay",
    "overlays",
    multiple=True,
    metavar="FILE",
    callback=_overlays,
    help="Your own layer (GeoJSON, KML, GeoPackage), drawn under the incidents; repeatable. "
    "Dated features (date, valid_from, valid_to) follow the date control.",
)
@click.option("--cdn", is_flag=True, help="Load Leaflet and the basemap tiles (OpenStreetMap unless --tiles) from the web: "
    "a small file that needs the internet.")
@click.option(
    "--png", type=click.Path(dir_okay=False), callback=_static("png"), help="Also write a PNG image of the map (FILE.png)."
)
@click.option(
    "--pdf", type=click.Path(dir_okay=False), callback=_static("pdf"), help="Also write a one-page PDF of the map (FILE.pdf)."
)
@click.option(
    "--svg",
    type=click.Path(dir_okay=False),
    callback=_static("svg"),
    help="Also write an SVG of the map (FILE.svg): text, legend and borders as vectors, the incident and town "
    "layers as pictures. Needs poppler's pdftocairo.",
)
@click.option(
    "--size", default="1600x1000", show_default=True, callback=_size, metavar="WxH", help="PNG/PDF/SVG size, WIDTHxHEIGHT."
)
@click.option(
    "--scale",
    type=click.IntRange(1, 4),
    default=1,
    show_default=True,
    help="Pixels per map pixel in --png/--pdf/--svg: 2 for print (a 1600x1000 map gives a 3200x2000 PNG).",
)
@click.option("--embed", is_flag=True, help="Also write <output>.embed.html: an iframe fragment to paste into a page.")
@click.option(
    "--panels",
    type=click.Choice(["open", "collapsed"]),
    help="Legend, layers, dates and filters open or folded to a button when the map opens "
    "[collapsed in an iframe (--embed) or a window under 900x600, open otherwise].",
)
@click.pass_context
def map_command(
    ctx,
    inputs,
    output,
    types,
    since,
    until,
    countries,
    include_undated,
    published,
    merge,
    title,
    cluster,
    heat,
    tiles,
    tiles_attribution,
    tiles_max_zoom,
    overlays,
    cdn,
    png,
    pdf,
    svg,
    size,
    scale,
    embed,
    panels,
    places_files,
    focus,
) -> None:
    """Write a self-contained offline incident map from articles or incident files.

    INPUTS are files, folders (searched recursively), globs or - (stdin). Each
    is either an incident file (written by `geomap extract`: GeoJSON, GeoPackage,
    GeoParquet, CSV; an ACLED export; a GDELT 2.0 event file), told by its
    content, or articles (extracted on the fly). An input
    that cannot be read is reported on stderr (file: reason), the rest are
    mapped, and the exit code is then 1. The map opens with no internet:
    Leaflet, data and basemap are inside the file (--cdn and --tiles trade that
    for a smaller file that needs the internet).

    \b
    Examples:
      geomap map seeds/ -o maps/seeds.html
      geomap map incidents.geojson --type Battles --since 2024-12-01 --png maps/battles.png
      geomap map seeds/ --heat --no-cluster --title "Kursk, December 2024"
      geomap map seeds/ --embed --panels open   # the iframe opens with its panels shown
      geomap map incidents.geojson --overlay frontline.geojson --pdf maps/report.pdf --scale 2
      geomap map incidents.geojson --tiles region.mbtiles      # local tiles, still offline
      geomap map incidents.geojson --tiles 'https://tiles.example.org/{z}/{x}/{y}.png' \
          --tiles-attribution "© Example" --tiles-max-zoom 17
      geomap map 'out/*.geojson' news/ -o maps/all.html   # incident files and articles
      geomap map acled_ukraine.csv 20240417.export.CSV -o maps/datasets.html
      geomap extract news/ | geomap map - -o - > map.html
    """
    from geomap.errors import EmptyResultError
    from geomap.fileio import STDOUT, atomic_write_text, write_stdout
    from geomap.frame import filter_incidents
    from geomap.load import load_incidents
    from geomap.render import embed_html, render_map, snapshot

    if output == STDOUT and embed:
        raise click.UsageError("--embed writes <output>.embed.html beside the map: give -o FILE", ctx=ctx)
    report = ErrorReporter()
    progress = Progress.for_terminal(ctx)
    _arrow_pool()
    gazetteer = make_gazetteer(places_files, focus)
    # The map only shows nested values (evidence, quantities): an incident file's JSON text of them
    # stays text, which a million rows hold in a quarter of the memory of their Python objects.
    gdf = load_incidents(
        inputs, gazetteer=gazetteer, published=published, on_error=report, progress=progress, merge=merge,
        nested="text",
    )
    progress.done()
    _trim_heap()
    if len(gdf) == 0:
        raise EmptyResultError("no incidents found in the inputs; no map written")
    filtered = filter_incidents(
        gdf, types=types, since=since, until=until, countries=countries, include_undated=include_undated
    )
    if len(filtered) == 0:
        raise EmptyResultError(f"the filters left none of the {len(gdf)} incidents; no map written")
    path = Path(output) if output else default_output(inputs)
    sources = _sources(filtered)
    subtitle = f"{len(sources)} source{'s' if len(sources) != 1 else ''}" if sources else None
    built = render_map(
        filtered,
        gazetteer=gazetteer,
        title=title or _title(inputs),
        subtitle=subtitle,
        cluster=cluster,
        heat=heat,
        tiles=tiles,
        tiles_attribution=tiles_attribution,
        tiles_max_zoom=tiles_max_zoom,
        overlays=overlays,
        cdn=cdn,
        collapsed=None if panels is None else panels == "collapsed",
    )
    page = built.html()
    statics = [f for f in (png, pdf, svg) if f]
    shot = {"size": size, "scale": scale, "allow_network": not built.offline}
    if output == STDOUT:
        write_stdout(page)
        for image in statics:
            _snapshot_page(page, image, **shot)
            click.echo(image, err=True)
    else:
        atomic_write_text(path, page)
        click.echo(str(path))
        if embed:
            fragment = path.with_name(f"{path.stem}.embed.html")
            atomic_write_text(fragment, embed_html(page, title=built.title))
            click.echo(str(fragment))
        for image in statics:
            click.echo(str(snapshot(path, image, **shot)))
    if report.failed:
        # What could be read is mapped; the exit code still says some input was not.
        ctx.exit(1)


def _sources(gdf) -> set[str]:
    """The distinct sources the rows name (``source`` holds several, joined by "; ")."""
    import pandas as pd

    column = gdf.get("source", [])
    if isinstance(getattr(column, "dtype", None), pd.StringDtype):
        column = column.drop_duplicates()  # text: equal values are equal text (a million rows, 200,000 sources)
    return {s for value in column for s in str(value or "").split("; ") if s}


def _arrow_pool() -> None:
    """Arrow's jemalloc memory pool for this process, where pyarrow has one (#13).

    The default pool (mimalloc) keeps the pages that reading a big file freed for Arrow's
    own next buffers, and the map's Python objects built afterwards cannot use them; with
    jemalloc a million-incident GeoParquet's map peaked about 130 MiB lower (pyarrow is
    imported by pandas in any map, so this costs no start-up time).
    """
    try:
        import pyarrow
    except ImportError:
        return
    try:
        pyarrow.set_memory_pool(pyarrow.jemalloc_memory_pool())
    except NotImplementedError:  # a pyarrow built without jemalloc keeps its default
        pass


def _trim_heap() -> None:
    """Give the C heap's free pages back to the system, where the C library is glibc (#13).

    Reading a GeoPackage, GDAL frees its buffers into glibc's heaps, which keep them; the
    map's Python objects and Arrow's pool, allocated afterwards, cannot use them. At a
    million incidents that was 80 MiB more under everything after the reading.
    """
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows): nothing to do
        return
    if trim is not None:
        trim(0)


def _snapshot_page(page: str, png: str, **options) -> None:
    """A PNG of a page that was written to stdout: shot from a private temporary copy."""
    import tempfile

    from geomap.render import snapshot

    with tempfile.TemporaryDirectory(prefix="geomap-") as folder:
        html = Path(folder, "map.html")
        html.write_text(page, encoding="utf-8")
        snapshot(html, png, **options)
