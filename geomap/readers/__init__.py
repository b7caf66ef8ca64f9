"""Reading incident data: geomap's own files, ACLED exports and GDELT 2.0 event files.

Readers turn files that already hold incidents into the incident frame
(``docs/schema.md``); they never extract anything from text. One module per
source, each a small :class:`~geomap.readers.base.IncidentReader` registered in
:data:`READERS` (as geopy picks a geocoder from a name→class table):

=========================  ==========================================================
``geomap``                 :mod:`geomap.readers.geomap_files`: what ``geomap extract`` writes
``acled``                  :mod:`geomap.readers.acled`: ACLED exports, current and older codebooks
``gdelt``                  :mod:`geomap.readers.gdelt`: GDELT 2.0 event files (TSV, zipped or not)
=========================  ==========================================================

An input is recognised by its content (:func:`sniff`): a reader's own format
(GDELT's first line), else a table (:mod:`geomap.readers.tables`: GeoPackage and
Parquet by magic bytes, GeoJSON by its ``FeatureCollection``, CSV/TSV by a header
row or a table suffix) whose columns a reader claims. A table no reader claims
is an :class:`~geomap.errors.InputError` (never prose to extract from). Who
decides whether an input is articles or incidents is the caller
(:func:`geomap.load.load_incidents`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geomap.errors import InputError, UnreadableInputError, describe
from geomap.readers.acled import AcledReader
from geomap.readers.base import IncidentReader
from geomap.readers.gdelt import GdeltReader
from geomap.readers.geomap_files import NESTED, OPTIONAL_COLUMNS, GeomapReader, conform_incidents, parse_nested
from geomap.readers.columns import paused_gc
from geomap.readers.tables import SUFFIX_TO_TABLE, read_table, sniff_table

if TYPE_CHECKING:
    import geopandas

    from geomap.ingest.sources import Source

__all__ = [
    "NESTED",
    "OPTIONAL_COLUMNS",
    "READERS",
    "SUFFIXES",
    "IncidentFormat",
    "IncidentReader",
    "conform_incidents",
    "get_reader",
    "parse_nested",
    "read_incidents",
    "read_source",
    "sniff",
]

#: Reader name → reader. Table layouts are tried in this order (geomap's own columns first).
READERS: dict[str, IncidentReader] = {
    "geomap": GeomapReader(),
    "acled": AcledReader(),
    "gdelt": GdeltReader(),
}

#: Suffixes of incident files taken from folders (with the article suffixes).
SUFFIXES: tuple[str, ...] = (*SUFFIX_TO_TABLE, ".geojson", ".json")


@dataclass(frozen=True, slots=True)
class IncidentFormat:
    """What :func:`sniff` found: a reader's own format (``reader``), or a table (``table``) to read first."""

    reader: str | None = None
    table: str | None = None

    def __str__(self) -> str:
        return self.reader or self.table or ""


def get_reader(name: str) -> IncidentReader:
    """The reader registered as ``name``.

    Raises
    ------
    KeyError
        For a name not in :data:`READERS`.
    """
    return READERS[name]


def sniff(head: bytes, suffix: str = "") -> IncidentFormat | None:
    """The format of an incident input from its first bytes, or None when it holds no incidents.

    Parameters
    ----------
    head : bytes
        The first bytes of the input (:data:`geomap.ingest.sources.SNIFF_BYTES`).
    suffix : str
        Its lower-case suffix (``""`` for standard input).

    Examples
    --------
    >>> sniff(b'{"type": "FeatureCollection", "features": []}')
    IncidentFormat(reader=None, table='geojson')
    >>> sniff(b"Drones struck Odesa overnight.") is None
    True
    """
    for name, reader in READERS.items():
        if reader.sniff(head):
            return IncidentFormat(reader=name)
    table = sniff_table(head, suffix)
    return IncidentFormat(table=table) if table else None


def read_source(
    source: Source, head: bytes, fmt: IncidentFormat, *, nested: str = "objects"
) -> tuple[geopandas.GeoDataFrame, IncidentReader]:
    """Read one opened input that :func:`sniff` recognised; the frame and the reader that read it.

    Parameters
    ----------
    source : geomap.ingest.sources.Source
        The input, opened once (:meth:`~geomap.ingest.sources.Source.opened`):
        a regular file is read from its path (GeoPackage needs one), anything
        else (standard input, a FIFO) from the stream.
    head : bytes
        Its first bytes, as given to :func:`sniff`.
    fmt : IncidentFormat
        What :func:`sniff` said.
    nested : str
        ``"objects"`` (nested values parsed) or ``"text"`` (JSON text left as text where the
        file holds it, each value checked): :data:`~geomap.readers.geomap_files.NESTED`.

    Raises
    ------
    InputError
        When the input cannot be read, or is a table no reader claims. Whatever
        a third-party parser raises on hostile bytes becomes this input's error.
    """
    name = source.name
    with paused_gc():
        try:
            if source.path is not None and source.path.is_file():
                data: Path | bytes = source.path
            else:
                data = source.read_bytes()
            if fmt.reader is not None:
                reader = READERS[fmt.reader]
                return reader.read(data, source=name), reader
            table = read_table(fmt.table, data, name)
            for reader in READERS.values():
                if reader.matches(table.columns):
                    return reader.conform(table, source=name, nested=nested), reader
        except InputError:
            raise
        except OSError as err:
            raise UnreadableInputError(f"{name}: {err.strerror or err}") from err
        except RecursionError as err:
            raise InputError(f"{name}: nested too deeply to read") from err
        except Exception as err:  # a parser failing on one input fails that input
            raise InputError(f"{name}: cannot read ({describe(err)})") from err
    shown = ", ".join(str(c) for c in list(table.columns)[:6]) + (", …" if len(table.columns) > 6 else "")
    missing = [c for c in ("event_id", "event_date", "event_type", "latitude", "longitude") if c not in table.columns]
    raise InputError(
        f"{name}: a {_TABLE_NAMES.get(fmt.table, fmt.table)} table that is neither geomap incidents nor an ACLED "
        f"export (columns: {shown or 'none'}; missing columns: {', '.join(missing) or 'an event id'})"
    )


_TABLE_NAMES = {"csv": "CSV", "geojson": "GeoJSON", "gpkg": "GeoPackage", "parquet": "Parquet"}


def read_incidents(path: str | os.PathLike, *, nested: str = "objects") -> geopandas.GeoDataFrame:
    """Read an incident file (geomap's own, ACLED, GDELT), recognised by its content.

    Parameters
    ----------
    path : path-like
        A file.
    nested : str
        ``"objects"``: nested columns parsed. ``"text"``: those the file holds as JSON
        text stay text, each value checked (:data:`NESTED`); :func:`parse_nested` parses them.

    Returns
    -------
    geopandas.GeoDataFrame
        The incident frame (``docs/schema.md``): columns and dtypes of
        :data:`geomap.export.SCHEMA` (and of :data:`OPTIONAL_COLUMNS` present),
        nested columns parsed, CRS EPSG:4326, country-level rows with an empty geometry.

    Raises
    ------
    UnreadableInputError
        When the file is missing or cannot be opened.
    InputError
        When it is malformed or holds no incidents geomap can read.

    Examples
    --------
    >>> gdf = read_incidents("acled_ukraine.csv")  # doctest: +SKIP
    """
    from geomap.ingest.sources import Source

    file = Path(path)
    if not file.is_file():
        raise UnreadableInputError(f"{file}: no such file")
    with Source(str(file), file).opened() as (opened, head):
        fmt = sniff(head, opened.suffix)
        if fmt is None:
            raise InputError(f"{file}: not an incident file (geomap GeoJSON/GeoPackage/GeoParquet/CSV, an ACLED "
                             "export or a GDELT 2.0 event file)")  # fmt: skip
        return read_source(opened, head, fmt, nested=nested)[0]
