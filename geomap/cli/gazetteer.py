"""``geomap gazetteer``: place data the embedded gazetteer lacks, imported once, used by every run."""

from __future__ import annotations

import click

from geomap.cli.options import checked_by


@click.group("gazetteer")
def gazetteer_command() -> None:
    """Import GeoNames dumps and place lists into the user gazetteer; list and remove them.

    Imports are kept in the user's data folder (platformdirs; XDG_DATA_HOME on
    Linux) and used by every later `geomap` run. Places the embedded data already
    has (same GeoNames id) are skipped; imported places compete with the embedded
    ones by kind, population and context (a --places-file place wins ties instead).

    \b
    Examples:
      geomap gazetteer import UA.zip                     # GeoNames' dump of Ukraine
      geomap gazetteer import allCountries.zip --country UA --country RU --name front
      geomap gazetteer import villages.geojson --name villages
      geomap gazetteer list
      geomap gazetteer remove villages
    """


@gazetteer_command.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--name", help="Name of the import [the file's stem]; the same name again replaces it.")
@click.option(
    "--country",
    "countries",
    multiple=True,
    metavar="ISO2",
    callback=checked_by("geomap.frame:check_countries"),
    help="Keep only this country's places (repeatable; needed for allCountries).",
)
def import_command(file, name, countries) -> None:
    """Import FILE: a GeoNames dump (UA.txt, UA.zip, allCountries.zip) or a GeoJSON/CSV place list.

    \b
    Examples:
      geomap gazetteer import UA.zip
      geomap gazetteer import villages.csv --name front-villages
    """
    from gazetteer.imports import import_file
    from gazetteer.store import Store
    from geomap.frame import check_countries

    store = Store.load()
    record = import_file(
        file, name=name, countries=sorted(check_countries(countries)), known=lambda pid: store.index_of(pid) is not None
    )
    click.echo(
        f"geomap: imported {record.places} places as {record.name!r} "
        f"({record.skipped_known} already in the embedded data)",
        err=True,
    )


@gazetteer_command.command("list")
def list_command() -> None:
    """List the imports: name, places, countries, date, source.

    \b
    Example:
      geomap gazetteer list
    """
    from gazetteer.imports import default_dir, list_imports
    from geomap.fileio import write_stdout

    imports = list_imports()
    if not imports:
        click.echo(f"geomap: no imports in {default_dir()}", err=True)
        return
    lines = [f"{i.name}\t{i.places}\t{','.join(i.countries)}\t{i.imported}\t{i.source}" for i in imports]
    write_stdout("name\tplaces\tcountries\timported\tsource\n" + "\n".join(lines) + "\n")


@gazetteer_command.command("remove")
@click.argument("name")
def remove_command(name) -> None:
    """Remove the import NAME.

    \b
    Example:
      geomap gazetteer remove UA
    """
    from gazetteer.imports import remove_import

    record = remove_import(name)
    click.echo(f"geomap: removed {record.name!r} ({record.places} places)", err=True)
