"""`geomap map`: placeholder until issue #4 lands."""

import click


@click.command("map")
def map_command() -> None:
    """Write an offline incident map (not yet implemented).

    Example: geomap map seeds/ -o maps/seeds.html
    """
    raise click.ClickException("not implemented yet")
