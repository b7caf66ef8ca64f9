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
import re
import signal
import sys

import click

from geomap import __version__

#: command name → "module:attribute"; modules are imported lazily.
COMMANDS = {
    "places": "geomap.cli.places:places",
    "extract": "geomap.cli.extract:extract",
    "map": "geomap.cli.map:map_command",
    "gazetteer": "geomap.cli.gazetteer:gazetteer_command",
    "stats": "geomap.cli.stats:stats",
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
      geomap extract news/ --store incidents.gpkg   # accumulate across runs
      geomap stats incidents.gpkg               # counts by type, place, month, source
    """
    configure_logging(verbose, quiet)
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet


#: Our own loggers; every other one is a library's.
OWN_LOGGERS = ("geomap", "gazetteer")

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def escape_controls(text: str) -> str:
    r"""``text`` with control characters written as escapes, so a message stays one line.

    Examples
    --------
    >>> escape_controls("bad\nname.txt: no such file")
    'bad\\nname.txt: no such file'
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class _Verbosity(logging.Filter):
    """Our messages from ``ours`` up; libraries' only from ``theirs`` up (``-v`` and more)."""

    def __init__(self, ours: int, theirs: int) -> None:
        super().__init__()
        self.ours, self.theirs = ours, theirs

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name.split(".", 1)[0] in OWN_LOGGERS
        return record.levelno >= (self.ours if own else self.theirs)


class _Formatter(logging.Formatter):
    """``geomap: message`` for ours, ``geomap: [library] message`` for a library's, one line each."""

    def format(self, record: logging.LogRecord) -> str:
        package = record.name.split(".", 1)[0]
        message = record.getMessage()
        if package in OWN_LOGGERS:
            return f"geomap: {escape_controls(message)}"
        return f"geomap: [{package}] {escape_controls(' '.join(message.split()))}"


def configure_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Route every log message, ours and the libraries', through one handler on stderr.

    geomap's own warnings show by default (``-q``: errors only; ``-v`` info,
    ``-vv`` debug). Libraries (trafilatura's "discarding data", htmldate,
    pyogrio) and Python warnings are quiet unless ``-v`` (their warnings) or
    ``-vv`` (everything). Control characters in messages (a file name holding a
    newline) are escaped, so each message is one line.
    """
    ours = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    theirs = logging.CRITICAL + 1 if quiet or verbose == 0 else (logging.WARNING if verbose == 1 else logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Formatter())
    handler.addFilter(_Verbosity(ours, theirs))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(min(ours, theirs))
    logging.captureWarnings(True)


def _terminate(signum, _frame) -> None:
    # SIGTERM/SIGHUP unwind like an exception, so temporary files are removed on the way out.
    raise SystemExit(128 + signum)


def main() -> None:
    """Console-script entry point."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _terminate)
    if hasattr(signal, "SIGXFSZ"):
        # Over a file size limit (ulimit -f) a write then fails with EFBIG, reported
        # like a full disk, instead of the signal killing the process mid-write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        cli(prog_name="geomap")
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error of ours.
        sys.stderr.close()
        sys.exit(0)
