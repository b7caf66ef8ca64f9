"""`geomap extract`: placeholder until issue #3 lands."""

import click


@click.command()
def extract() -> None:
    """Extract incidents from articles (not yet implemented).

    Example: geomap extract seeds/ -o incidents.geojson
    """
    raise click.ClickException("not implemented yet")
