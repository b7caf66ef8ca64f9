"""``geomap stats``: what an incident file or store holds, by type, place, month and source."""

from __future__ import annotations

import click

from geomap.cli.options import ErrorReporter


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout (every value, for scripts) instead of tables.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rows shown per table (text only; months are all shown).")
@click.pass_context
def stats(ctx, inputs, as_json, top) -> None:
    """Summarise incidents: counts by event type, sub-type, country, admin1 and month;
    dates; fatalities; sources.

    INPUTS are incident files or stores: geomap's GeoJSON/GeoPackage/GeoParquet/CSV,
    ACLED exports, GDELT 2.0 event files (several are merged first, as extract
    does). Articles are not summarised: extract their incidents first.

    \b
    Examples:
      geomap stats incidents.gpkg
      geomap stats acled_ukraine.csv --top 20
      geomap stats incidents.gpkg --json | jq .fatalities
    """
    import json

    from geomap.load import load_incidents
    from geomap.stats import format_stats, incident_stats

    report = ErrorReporter()
    gdf = load_incidents(list(inputs), on_error=report, articles=False)
    if report.failed and not len(gdf):
        ctx.exit(1)
    summary = incident_stats(gdf)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(format_stats(summary, top=top), nl=False)
    if report.failed:
        ctx.exit(1)
