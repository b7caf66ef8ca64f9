"""``geomap extract``: incidents from articles, as GeoJSON, GeoPackage or CSV."""

from __future__ import annotations

import sys

import click


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None):
    from geomap.errors import ConfigurationError
    from geomap.frame import parse_date

    try:
        return parse_date(value, option=f"--{param.name}")
    except ConfigurationError as err:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from err


class _Progress:
    """Articles and incidents so far, on one stderr line, only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.articles = 0
        self.incidents = 0

    def __call__(self, _article, n_incidents: int) -> None:
        self.articles += 1
        self.incidents += n_incidents
        if self.enabled and self.articles % 25 == 0:
            click.echo(f"\r{self.articles} articles, {self.incidents} statements", nl=False, err=True)

    def done(self) -> None:
        if self.enabled and self.articles >= 25:
            click.echo(f"\r{self.articles} articles, {self.incidents} statements", err=True)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file: .geojson/.json, .gpkg or .csv (default: GeoJSON on stdout).")
@click.option("--type", "types", multiple=True, metavar="TYPE", help="Keep only this event or sub-event type (repeatable; case-insensitive).")
@click.option("--since", callback=_date_option, metavar="YYYY-MM-DD", help="Keep incidents on or after this date.")
@click.option("--until", callback=_date_option, metavar="YYYY-MM-DD", help="Keep incidents on or before this date.")
@click.option("--country", "countries", multiple=True, metavar="ISO2|NAME", help="Keep only incidents in this country (repeatable).")
@click.option("--include-undated", is_flag=True, help="With --since/--until, keep incidents without a date too.")
@click.option("--published", callback=_date_option, metavar="YYYY-MM-DD", help="Publication date for articles that carry none.")
@click.option("--places-file", "places_files", multiple=True, type=click.Path(exists=True, dir_okay=False), help="Extra places (CSV or GeoJSON), repeatable.")
@click.pass_context
def extract(ctx, inputs, output, types, since, until, countries, include_undated, published, places_files) -> None:
    """Extract incidents (ACLED event types, place, date, counts) from news articles.

    INPUTS are files, folders (searched recursively), globs, or - for stdin:
    plain text, HTML, JSON/JSON Lines, RSS/Atom. An input that cannot be read is
    reported on stderr (file: reason) and the rest are processed; the exit code
    is then 1.

    \b
    Examples:
      geomap extract seeds/ -o incidents.geojson
      geomap extract news/*.html --type "Air/drone strike" --country UA -o ua.gpkg
      cat article.txt | geomap extract - --published 2024-12-18 > incidents.geojson
    """
    from gazetteer import Gazetteer
    from geomap.export import to_geojson, write_incidents
    from geomap.frame import filter_incidents
    from geomap.pipeline import extract as run

    failed: list[str] = []

    def on_error(source: str, err: Exception) -> None:
        failed.append(source)
        message = str(err)
        if not message.startswith(str(source)):
            message = f"{source}: {message}"
        click.echo(f"geomap: {message}", err=True)

    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    progress = _Progress(enabled=not quiet and sys.stderr.isatty())
    gazetteer = Gazetteer(places_files=places_files)
    gdf = run(list(inputs), gazetteer=gazetteer, published=published, on_error=on_error, progress=progress)
    progress.done()
    gdf = filter_incidents(
        gdf, types=types, since=since, until=until, countries=countries, include_undated=include_undated
    )
    if output:
        write_incidents(gdf, output)
        if not quiet:
            click.echo(f"geomap: {len(gdf)} incidents written to {output}", err=True)
    else:
        click.echo(to_geojson(gdf))
    if failed:
        ctx.exit(1)
