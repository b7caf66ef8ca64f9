"""Errors raised by geomap.

Every error the library raises on purpose derives from :class:`GeomapError`; each
subclass also derives from the built-in exception it resembles, so callers that
catch ``ValueError`` or ``OSError`` keep working::

    GeomapError
    ├── InputError(GeomapError, ValueError)        bad or unreadable input article / file
    │   └── UnreadableInputError(InputError, OSError)   file missing, not readable, undecodable
    ├── ConfigurationError(GeomapError, ValueError) bad option values (dates, types, sizes)
    ├── EmptyResultError(GeomapError, LookupError)  a filter left nothing to write
    └── OutputError(GeomapError, OSError)           an output could not be written
        └── ExternalResourceError(OutputError)      an offline map would still load something
                                                    from the web (geomap.render)

The CLI turns any ``GeomapError`` into one line on stderr and a non-zero exit
(see :mod:`geomap.cli`). Gazetteer errors live in :mod:`gazetteer.errors`; the
gazetteer is usable without geomap, so they do not derive from ``GeomapError``.
"""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class InputError(GeomapError, ValueError):
    """An input (article, incident file, places file) is malformed."""


class UnreadableInputError(InputError, OSError):
    """An input could not be read or decoded at all."""


class ConfigurationError(GeomapError, ValueError):
    """An option or argument has a value geomap cannot use."""


class EmptyResultError(GeomapError, LookupError):
    """Filters left no incidents, so there is nothing to write."""


class OutputError(GeomapError, OSError):
    """An output file could not be written."""


class ExternalResourceError(OutputError):
    """A map meant to be offline would still load something from elsewhere.

    Raised by :mod:`geomap.render` before writing: the map cannot be written as promised.
    """


def describe(err: BaseException, *, limit: int = 200) -> str:
    """One line saying what went wrong in a third-party library: ``TypeName: message``.

    For messages built from exceptions geomap did not raise itself (parsers,
    drivers); the text is shortened to ``limit`` characters and never spans lines.

    Examples
    --------
    >>> describe(UnicodeDecodeError("utf-8", b"\\xaa", 0, 1, "invalid start byte"))
    "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xaa in position 0: invalid start byte"
    """
    message = " ".join(str(err).split())
    text = f"{type(err).__name__}: {message}" if message else type(err).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
