"""The ``geomap`` command line.

One click group; each command lives in its own module under ``geomap.cli`` and is
imported only when it runs, so ``geomap --help`` stays fast and ``geomap places``
never imports geopandas. The CLI parses arguments, calls the library and formats
output; :meth:`LazyGroup.invoke` is the single boundary where library errors become
one line on stderr and exit 1 (click keeps exit code 2 for usage errors).
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from geomap import __version__

#: command name → "module:attribute"; modules are imported lazily.
COMMANDS = {
    "places": "geomap.cli.places:places",
    "extract": "geomap.cli.extract:extract",
    "map": "geomap.cli.map:map_command",
}

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class LazyGroup(click.Group):
    """A click group that imports each command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def invoke(self, ctx: click.Context):
        # The single error boundary: library errors become one line, exit 1.
        from gazetteer.errors import GazetteerError
        from geomap.errors import GeomapError

        try:
            return super().invoke(ctx)
        except (GeomapError, GazetteerError) as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=LazyGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="geomap")
@click.option("-v", "--verbose", count=True, help="More messages on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Find places and incidents in news articles and map them, offline.

    \b
    Examples:
      geomap places seeds/                      # places each article mentions
      geomap extract seeds/ -o incidents.geojson
      geomap map seeds/ -o maps/seeds.html      # self-contained offline map
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="geomap: %(message)s", stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="geomap")
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error of ours.
        sys.stderr.close()
        sys.exit(0)
