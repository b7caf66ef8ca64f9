"""`geomap map`: articles or incident files in, one self-contained HTML map out."""

from __future__ import annotations

import logging
from pathlib import Path

import click

log = logging.getLogger(__name__)

#: Inputs with these suffixes are incident files (``geomap extract`` output), not articles.
INCIDENT_SUFFIXES = (".geojson", ".gpkg", ".csv")

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


def is_incident_file(name: str) -> bool:
    """True for ``geomap extract`` output: by suffix, or a ``.json`` holding a FeatureCollection."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix in INCIDENT_SUFFIXES:
        return True
    if suffix == ".json" and path.is_file():
        # Articles come as JSON too; a GeoJSON FeatureCollection says so near its start.
        with path.open("rb") as handle:
            return b'"FeatureCollection"' in handle.read(4096)
    return False


def _load(inputs, *, gazetteer, published):
    """Read incident files and extract the rest as articles; one frame."""
    import pandas as pd

    files = [i for i in inputs if is_incident_file(i)]
    articles = [i for i in inputs if i not in files]
    frames = []
    if files:
        from geomap.export import read_incidents

        frames += [read_incidents(path) for path in files]
    if articles:
        import geomap

        def skip(source, err):
            # One bad article is reported and the rest are processed.
            message = str(err) if source in str(err) else f"{source}: {err}"
            click.echo(f"geomap: skipped {message}", err=True)

        frames.append(geomap.extract(articles, gazetteer=gazetteer, published=published, on_error=skip))
    frames = [f for f in frames if len(f)]
    if not frames:
        return None
    if len(frames) == 1:
        return frames[0]
    import geopandas

    return geopandas.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326")


def _date(ctx, param, value):
    if value is None:
        return None
    return value.date()


@click.command("map")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="HTML file to write [maps/<first input>.html].")
@click.option(
    "--type", "types", multiple=True, metavar="TYPE", help="Keep only this event or sub-event type (repeatable)."
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Keep events on or after YYYY-MM-DD.",
)
@click.option(
    "--until",
    type=click.DateTime(["%Y-%m-%d"]),
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Keep events on or before YYYY-MM-DD.",
)
@click.option(
    "--country",
    "countries",
    multiple=True,
    metavar="NAME",
    help="Keep only this country (name or ISO code, repeatable).",
)
@click.option("--include-undated", is_flag=True, help="Keep undated incidents when filtering by date.")
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d"]),
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Publication date for articles that give none.",
)
@click.option("--title", help="Map title [Incidents: <first input>].")
@click.option("--cluster/--no-cluster", default=True, show_default=True, help="Cluster crowded points.")
@click.option("--heat", is_flag=True, help="Add a heat layer where incidents crowd.")
@click.option(
    "--tiles",
    metavar="NAME",
    help="Online tiles instead of the offline basemap (e.g. OpenStreetMap, 'CartoDB Positron'); "
    "the map then needs the internet.",
)
@click.option("--cdn", is_flag=True, help="Load Leaflet from the web: a small file that needs the internet.")
@click.option("--png", type=click.Path(dir_okay=False), help="Also write a PNG image of the map.")
@click.option("--size", default="1600x1000", show_default=True, metavar="WxH", help="PNG size, WIDTHxHEIGHT.")
@click.option("--embed", is_flag=True, help="Also write <output>.embed.html: an iframe fragment to paste into a page.")
@click.option(
    "--places-file",
    "places_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra places (CSV/GeoJSON) for the gazetteer (repeatable).",
)
def map_command(
    inputs,
    output,
    types,
    since,
    until,
    countries,
    include_undated,
    published,
    title,
    cluster,
    heat,
    tiles,
    cdn,
    png,
    size,
    embed,
    places_files,
) -> None:
    """Write a self-contained offline incident map from articles or incident files.

    INPUTS are articles (files, folders, globs, - for stdin; extracted on the fly)
    or incident files written by `geomap extract` (.geojson or GeoJSON .json, .gpkg,
    .csv). The map
    opens with no internet: Leaflet, data and basemap are inside the file.

    \b
    Examples:
      geomap map seeds/ -o maps/seeds.html
      geomap map incidents.geojson --type Battles --since 2024-12-01 --png maps/battles.png
      geomap map seeds/ --heat --no-cluster --title "Kursk, December 2024"
    """
    from gazetteer import Gazetteer
    from geomap.errors import EmptyResultError
    from geomap.fileio import atomic_write_text
    from geomap.frame import filter_incidents
    from geomap.render import embed_html, parse_size, render_map, snapshot

    png_size = parse_size(size) if png else None  # bad sizes fail before any work
    gazetteer = Gazetteer(places_files=places_files)
    gdf = _load(inputs, gazetteer=gazetteer, published=published)
    if gdf is None:
        raise EmptyResultError("no incidents found in the inputs; no map written")
    filtered = filter_incidents(
        gdf, types=types, since=since, until=until, countries=countries, include_undated=include_undated
    )
    if len(filtered) == 0:
        raise EmptyResultError(f"the filters left none of the {len(gdf)} incidents; no map written")
    path = Path(output) if output else default_output(inputs)
    sources = {s for value in filtered.get("source", []) for s in str(value or "").split("; ") if s}
    subtitle = f"{len(sources)} source{'s' if len(sources) != 1 else ''}" if sources else None
    built = render_map(
        filtered,
        gazetteer=gazetteer,
        title=title or _title(inputs),
        subtitle=subtitle,
        cluster=cluster,
        heat=heat,
        tiles=tiles,
        cdn=cdn,
    )
    page = built.html()
    atomic_write_text(path, page)
    click.echo(str(path))
    if embed:
        fragment = path.with_name(f"{path.stem}.embed.html")
        atomic_write_text(fragment, embed_html(page, title=built.title))
        click.echo(str(fragment))
    if png:
        click.echo(str(snapshot(path, png, size=png_size, allow_network=bool(tiles or cdn))))
