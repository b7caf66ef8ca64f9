"""Options and helpers shared by the commands that read articles or incidents.

One decorator per family of options, so ``geomap extract`` and ``geomap map``
(and ``geomap places`` for ``--places-file`` and ``--focus``) spell, parse and check them the
same way:

* :func:`gazetteer_options`: ``--places-file`` (repeatable; a missing file is a
  usage error, exit 2, in every command) and ``--focus`` (countries the articles
  are about; an unknown one is a usage error).
* :func:`incident_options`: the filters ``--type``, ``--since``, ``--until``,
  ``--country``, ``--include-undated`` and the inputs' ``--published``,
  ``--places-file`` and ``--focus``. Dates go through the one parser
  :func:`geomap.frame.parse_date`; a bad date, ``--since`` after ``--until``, or
  a ``--type``/``--country`` that is not one (:func:`geomap.frame.check_types`,
  :func:`geomap.frame.check_countries`) is a usage error (exit 2) raised before
  any input is read.

:class:`Progress` is the one-line article counter long commands show on stderr
when it is a terminal, and :class:`ErrorReporter` prints ``geomap: <source>:
<reason>`` for each input that could not be read and remembers that one failed.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click


def _date(ctx: click.Context, param: click.Parameter, value: str | None):
    from geomap.errors import ConfigurationError
    from geomap.frame import parse_date

    try:
        return parse_date(value, option=f"--{param.name}")
    except ConfigurationError as err:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from err


def _focus(ctx, param, value):
    """``--focus`` values (codes or names) as ISO 3166-1 alpha-2 codes; a usage error otherwise."""
    from geomap.errors import ConfigurationError
    from geomap.frame import check_countries

    try:
        codes = tuple(sorted(check_countries(value)))
    except ConfigurationError as err:
        raise click.BadParameter(str(err).removeprefix("--country: "), ctx=ctx, param=param) from err
    if codes:
        # A code CLDR knows but the gazetteer has no country for (AC, CP, XK...).
        from gazetteer.store import Store

        store = Store.load()
        missing = [code for code in codes if store.country(code) is None]
        if missing:
            raise click.BadParameter(f"the gazetteer has no country {missing[0]!r}", ctx=ctx, param=param)
    return codes


def checked_by(target: str) -> Callable:
    """A click callback running the library check ``"module:function"`` on the option's value.

    The check is imported only when the option is given (``geomap --help`` stays
    fast); its :class:`~geomap.errors.ConfigurationError` becomes a usage error
    (exit 2), raised before any input is read.

    Examples
    --------
    >>> @click.command()
    ... @click.option("--tiles", callback=checked_by("geomap.render:check_tiles"))
    ... def show(tiles):
    ...     pass
    """
    module_name, _, name = target.partition(":")

    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is None:
            return value
        import importlib

        from geomap.errors import ConfigurationError

        check = getattr(importlib.import_module(module_name), name)
        try:
            check(value)
        except ConfigurationError as err:
            raise click.BadParameter(str(err), ctx=ctx, param=param) from err
        return value

    return callback


def gazetteer_options(func: Callable) -> Callable:
    """``--places-file FILE`` and ``--focus COUNTRY`` (both repeatable) → ``places_files``, ``focus``.

    They configure the :class:`gazetteer.Gazetteer` a command builds (see
    :func:`make_gazetteer`): extra places, and the countries the articles are about.
    """
    func = click.option(
        "--focus",
        multiple=True,
        metavar="ISO2|NAME",
        callback=_focus,
        help="The articles are about this country (repeatable): its towns win names the text "
        "leaves open (\"London\" in a Canadian paper).",
    )(func)
    for flag, metavar, extra, help_text in reversed(_GEOCODER_OPTIONS):
        # Kept in ctx.meta for make_gazetteer, not passed to the commands.
        func = click.option(flag, metavar=metavar, expose_value=False, callback=_keep(flag.lstrip("-")),
                            help=help_text, **extra)(func)
    return click.option(
        "--places-file",
        "places_files",
        multiple=True,
        metavar="FILE",
        type=click.Path(exists=True, dir_okay=False),
        help="Extra places (CSV or GeoJSON; repeatable); they win ties with the built-in data.",
    )(func)


#: The online geocoder's options (flag, metavar, more click settings, help).
_GEOCODER_OPTIONS = (
    ("--geocoder", "SERVICE", {}, "Look up villages the built-in data lacks online (nominatim, photon, ...; "
     "through geopy, rate-limited and cached). Off by default: nothing leaves the machine without it."),
    ("--geocoder-url", "URL", {}, "With --geocoder: the service's address (a self-hosted Nominatim: "
     "http://host:8080)."),
    ("--save-geocoded", "FILE", {"type": click.Path(dir_okay=False, writable=True)},
     "With --geocoder: write the places it found as a --places-file CSV, for offline runs."),
)


def _keep(name: str):
    """A click callback that keeps an option's value in ``ctx.meta["geomap.<name>"]``
    (the online geocoder's options: read by :func:`make_gazetteer`, not by the commands)."""

    def callback(ctx, param, value):
        ctx.meta[f"geomap.{name}"] = value
        return value

    return callback


def make_gazetteer(places_files, focus):
    """The :class:`gazetteer.Gazetteer` of a command's ``--places-file`` and ``--focus``, and
    of ``--geocoder`` (with ``--geocoder-url`` and ``--save-geocoded``) when given."""
    from gazetteer import Gazetteer

    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    service = meta.get("geomap.geocoder")
    save = meta.get("geomap.save-geocoded")
    if not service:
        if meta.get("geomap.geocoder-url") or save:
            raise click.UsageError("--geocoder-url and --save-geocoded need --geocoder")
        return Gazetteer(places_files=places_files, focus=focus)
    online = _online_geocoder(service, meta.get("geomap.geocoder-url"))
    if save:
        ctx.call_on_close(lambda: _save_geocoded(online, save))
    return Gazetteer(places_files=places_files, focus=focus, online=online)


def _online_geocoder(service: str, url: str | None):
    from urllib.parse import urlsplit

    from gazetteer.online import OnlineGeocoder

    options = {}
    if url:
        parts = urlsplit(url if "://" in url else f"https://{url}")
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise click.BadParameter(f"{url!r} is not an http(s) address", param_hint="--geocoder-url")
        options = {"domain": parts.netloc + parts.path.rstrip("/"), "scheme": parts.scheme}
    try:
        return OnlineGeocoder(service, warn=lambda message: click.echo(f"geomap: warning: {message}", err=True),
                              **options)
    except (ValueError, TypeError) as err:
        raise click.BadParameter(str(err), param_hint="--geocoder") from None


def _save_geocoded(online, path: str) -> None:
    try:
        count = online.save_places_file(path)
    except OSError as err:
        click.echo(f"geomap: error: {path}: cannot write the places found online ({err.strerror or err})", err=True)
        return
    click.echo(f"geomap: {count} places found online written to {path}", err=True)


_FILTERS = (
    click.option(
        "--type",
        "types",
        multiple=True,
        metavar="TYPE",
        help="Keep only this event or sub-event type (repeatable; case-insensitive).",
    ),
    click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="Keep incidents on or after this date."),
    click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Keep incidents on or before this date."),
    click.option(
        "--country",
        "countries",
        multiple=True,
        metavar="ISO2|NAME",
        help="Keep only incidents in this country (repeatable).",
    ),
    click.option("--include-undated", is_flag=True, help="With --since/--until, keep incidents without a date too."),
    click.option(
        "--published", callback=_date, metavar="YYYY-MM-DD", help="Publication date for articles that carry none."
    ),
    click.option(
        "--merge/--no-merge",
        default=True,
        show_default=True,
        help="Join the same incident told by several articles (--no-merge keeps each article's apart).",
    ),
    gazetteer_options,
)


def incident_options(func: Callable) -> Callable:
    """Add the filter and input options to a click command.

    The command receives ``types``, ``since``, ``until`` (``datetime.date`` or
    None), ``countries``, ``include_undated``, ``published`` (date or None),
    ``merge``, ``places_files`` and ``focus``.

    Examples
    --------
    >>> @click.command()
    ... @incident_options
    ... def show(types, since, until, countries, include_undated, published, merge, places_files, focus):
    ...     pass
    """

    @functools.wraps(func)
    def checked(*args, **kwargs):
        from geomap.errors import ConfigurationError
        from geomap.frame import check_countries, check_types

        ctx = click.get_current_context()
        since, until = kwargs.get("since"), kwargs.get("until")
        if since and until and since > until:
            raise click.UsageError(f"--since ({since}) is after --until ({until})", ctx=ctx)
        try:
            check_types(kwargs.get("types", ()))
            check_countries(kwargs.get("countries", ()))
        except ConfigurationError as err:
            raise click.UsageError(str(err), ctx=ctx) from err
        return func(*args, **kwargs)

    for option in reversed(_FILTERS):
        checked = option(checked)
    return checked


def _output_format(ctx, param, value):
    """``--format``: a format name, alias or GDAL driver, as a key of ``geomap.writers.FORMATS``."""
    if value is None:
        return None
    from geomap.errors import ConfigurationError
    from geomap.writers import output_format

    try:
        return output_format(None, value)
    except ConfigurationError as err:
        raise click.BadParameter(str(err), ctx=ctx, param=param) from err


def _layout(ctx, param, value):
    from geomap.errors import ConfigurationError
    from geomap.layout import check_layout

    try:
        return check_layout(value)
    except ConfigurationError as err:
        raise click.BadParameter(str(err), ctx=ctx, param=param) from err


def output_options(func: Callable) -> Callable:
    """``-o/--output``, ``--format``, ``--layout``, ``--country-points/--no-country-points``, ``--areas``.

    The command receives ``output``, ``output_format`` (a key of
    :data:`geomap.writers.FORMATS`, from ``--format`` or the output's suffix;
    GeoJSON for stdout), ``layout``, ``country_points`` and ``areas``, all checked
    before any input is read: an unknown format, suffix or layout, or ``--areas``
    in a format that cannot hold areas, is a usage error (exit 2).
    """

    @functools.wraps(func)
    def checked(*args, **kwargs):
        from geomap.errors import ConfigurationError
        from geomap.writers import check_areas, output_format

        ctx = click.get_current_context()
        output = kwargs.get("output")
        try:
            from geomap.dataset import is_folder_target

            if is_folder_target(output):
                # A folder is a partitioned GeoParquet dataset (geomap.dataset).
                if output_format(None, kwargs.get("output_format") or "parquet") != "parquet":
                    raise ConfigurationError(f"{output}: a folder output is partitioned GeoParquet (--format parquet)")
                kwargs["output_format"] = "parquet"
            else:
                kwargs["output_format"] = output_format(output, kwargs.get("output_format"))
            if kwargs.get("areas"):
                check_areas(kwargs["output_format"])
        except ConfigurationError as err:
            raise click.UsageError(str(err), ctx=ctx) from err
        return func(*args, **kwargs)

    options = (
        click.option(
            "-o",
            "--output",
            type=click.Path(allow_dash=True),
            help="Output file; its suffix names the format: .geojson/.json, .gpkg, .parquet, .fgb, .kml, "
            ".csv. - (the default) for standard output. A folder (out/) gets partitioned GeoParquet.",
        ),
        click.option(
            "--format",
            "output_format",
            callback=_output_format,
            metavar="FORMAT",
            help="Output format, overriding the suffix: geojson, gpkg, parquet, fgb, kml, csv "
            "(GeoJSON on stdout by default).",
        ),
        click.option(
            "--layout",
            default="geomap",
            show_default=True,
            callback=_layout,
            metavar="geomap|acled",
            help="Columns: geomap's own (docs/schema.md) or ACLED's 31 in ACLED's order.",
        ),
        click.option(
            "--country-points/--no-country-points",
            default=True,
            show_default=True,
            help="Give country-level incidents the country's point (geo_precision 3, as ACLED does); "
            "--no-country-points leaves their geometry empty.",
        ),
        click.option(
            "--areas",
            is_flag=True,
            help="Write region-level incidents with their area: a second layer (incident_areas) in "
            "GeoPackage, a polygon geometry in the other formats (not CSV).",
        ),
    )
    for option in reversed(options):
        checked = option(checked)
    return checked


class Progress:
    """Articles and incidents so far, on one stderr line, only when ``enabled``.

    Pass as ``progress=`` to :func:`geomap.extract` or
    :func:`geomap.load.load_incidents`; call :meth:`done` at the end.
    """

    #: Articles between two updates of the line.
    EVERY = 25

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.articles = 0
        self.incidents = 0

    @classmethod
    def for_terminal(cls, ctx: click.Context) -> Progress:
        """Enabled when stderr is a terminal and ``-q`` was not given."""
        quiet = bool((ctx.find_root().obj or {}).get("quiet"))
        return cls(enabled=not quiet and sys.stderr.isatty())

    def __call__(self, _article, n_incidents: int) -> None:
        self.articles += 1
        self.incidents += n_incidents
        if self.enabled and self.articles % self.EVERY == 0:
            click.echo(f"\r{self.articles} articles, {self.incidents} statements", nl=False, err=True)

    def done(self) -> None:
        """End the progress line (nothing when it was never shown)."""
        if self.enabled and self.articles >= self.EVERY:
            click.echo(f"\r{self.articles} articles, {self.incidents} statements", err=True)


class ErrorReporter:
    """``on_error`` callback: one ``geomap: <source>: <reason>`` line per failed input."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def __call__(self, source: str, err: Exception) -> None:
        from geomap.cli import escape_controls

        self.failed.append(str(source))
        # A name holding a newline is shown escaped, once; the rest on one line.
        name = escape_controls(str(source))
        message = escape_controls(str(err))
        if not message.startswith(name):
            message = f"{name}: {message}"
        click.echo(f"geomap: {message}", err=True)
