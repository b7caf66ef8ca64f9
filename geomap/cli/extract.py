"""``geomap extract``: incidents from articles and incident files, as GeoJSON, GeoPackage, GeoParquet,
FlatGeobuf, KML or CSV."""

from __future__ import annotations

import click

from geomap.cli.options import (
    ErrorReporter,
    Progress,
    checked_by,
    incident_options,
    make_gazetteer,
    output_options,
)


def _store_path(ctx, param, value):
    if value is not None and not value.lower().endswith(".gpkg"):
        raise click.BadParameter(f"{value}: a store is a GeoPackage (.gpkg)", ctx=ctx, param=param)
    return value


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--store",
    type=click.Path(dir_okay=False),
    callback=_store_path,
    help="Accumulate incidents in this GeoPackage across runs: new ones are appended, the same incident "
    "told again is merged (sources kept), articles it already holds are skipped. Nothing goes to stdout "
    "unless -o is given (-o then gets this run's incidents).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Extract articles in N processes (default: the cores available; small inputs stay in one). "
    "The output is the same as with --jobs 1, which reads everything in this process.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    callback=checked_by("geomap.parallel:check_scheduler"),
    help="Extract on this Dask cluster (needs geomap[dask]; the workers must see the input files at "
    "the same paths). The merge runs here; -o FOLDER/ writes partitioned GeoParquet.",
)
@output_options
@incident_options
@click.pass_context
def extract(
    ctx, inputs, store, jobs, scheduler, output, output_format, layout, country_points, areas, types, since, until,
    countries, include_undated, published, merge, places_files, focus
) -> None:
    """Extract incidents (ACLED event types, place, date, counts) from news articles.

    INPUTS are files, folders (searched recursively), globs, or - for stdin:
    articles (plain text, HTML, JSON/JSON Lines, RSS/Atom) or incident files
    (geomap's GeoJSON/GeoPackage/GeoParquet/CSV, ACLED exports, GDELT 2.0 event
    files), told apart by content. Incident files are read, not extracted from:
    extract converts, filters and merges them with the articles' incidents. An
    input that cannot be read is reported on stderr (file: reason) and the rest
    are processed; the exit code is then 1.

    \b
    Examples:
      geomap extract seeds/ -o incidents.geojson
      geomap extract news/*.html --type "Air/drone strike" --country UA -o ua.gpkg
      geomap extract seeds/ --layout acled -o acled.csv
      geomap extract seeds/ --areas -o incidents.gpkg
      cat article.txt | geomap extract - --published 2024-12-18 > incidents.geojson
      geomap extract acled_ukraine.csv 20240101.export.CSV news/ --since 2024-01-01 -o all.gpkg
      geomap extract news/ --store incidents.gpkg     # again later: only new articles are read
      geomap extract incidents.gpkg --since 2024-06-01 -o june.geojson
      geomap extract news/ --jobs 2 -o incidents.gpkg
      geomap extract 'archive/*.jsonl' --scheduler tcp://10.0.0.5:8786 -o out/ --format parquet
    """
    from geomap.dataset import is_folder_target
    from geomap.fileio import STDOUT
    from geomap.writers import write_incidents
    from geomap.frame import filter_incidents
    from geomap.load import load_incidents

    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    report = ErrorReporter()
    progress = Progress.for_terminal(ctx)
    gazetteer = make_gazetteer(places_files, focus)
    def select(frame):
        return filter_incidents(
            frame, types=types, since=since, until=until, countries=countries, include_undated=include_undated
        )

    def write(frame, target):
        if is_folder_target(target):
            from geomap.dataset import write_dataset

            write_dataset(frame, target, layout=layout, country_points=country_points, areas=areas, gazetteer=gazetteer)
        else:
            write_incidents(frame, target, format=output_format, layout=layout, country_points=country_points,
                            areas=areas, gazetteer=gazetteer)  # fmt: skip

    if store is not None:
        from geomap.store import extract_to_store

        gdf, totals = extract_to_store(store, list(inputs), gazetteer=gazetteer, published=published,
                                       on_error=report, progress=progress, merge=merge, select=select,
                                       jobs=jobs, scheduler=scheduler)  # fmt: skip
        progress.done()
        if not quiet:
            skipped = f", {totals.skipped} already in the store" if totals.skipped else ""
            click.echo(f"geomap: {totals.extracted} articles read{skipped}; {totals.added} incidents added, "
                       f"{totals.merged} merged; {store} holds {totals.total}", err=True)  # fmt: skip
        if output:
            write(gdf, output)
        if report.failed:
            ctx.exit(1)
        return
    gdf = load_incidents(list(inputs), gazetteer=gazetteer, published=published, on_error=report, progress=progress,
                         merge=merge, jobs=jobs, scheduler=scheduler)  # fmt: skip
    progress.done()
    gdf = select(gdf)
    write(gdf, output or STDOUT)
    if output and output != STDOUT and not quiet:
        click.echo(f"geomap: {len(gdf)} incidents written to {output}", err=True)
    if report.failed:
        ctx.exit(1)
