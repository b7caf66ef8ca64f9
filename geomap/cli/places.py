"""`geomap places`: placeholder until issue #2 lands (owned by the gazetteer work)."""

import click


@click.command()
def places() -> None:
    """List the places articles mention (not yet implemented).

    Example: geomap places seeds/
    """
    raise click.ClickException("not implemented yet")
