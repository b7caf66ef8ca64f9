"""Errors raised by the gazetteer package::

    GazetteerError
    ├── DataError(GazetteerError, RuntimeError)      embedded data missing or corrupt
    ├── PlacesFileError(GazetteerError, ValueError)  a user places file (CSV/GeoJSON) is malformed
    ├── UnknownKindError(GazetteerError, ValueError) a place kind the gazetteer does not have
    └── UnknownCountryError(GazetteerError, ValueError) a focus country code the gazetteer does not have
"""

from __future__ import annotations


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class DataError(GazetteerError, RuntimeError):
    """The embedded gazetteer data is missing, stale or corrupt."""


class PlacesFileError(GazetteerError, ValueError):
    """A user-supplied places file could not be read."""


class UnknownKindError(GazetteerError, ValueError):
    """A place kind was asked for that the gazetteer does not have (``shapes("planet")``)."""


class UnknownCountryError(GazetteerError, ValueError):
    """A country code was given (``Gazetteer(focus=["XX"])``) that names no country in the data."""

