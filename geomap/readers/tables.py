"""Tables out of incident files: CSV/TSV, GeoJSON, GeoPackage, GeoParquet, as they are.

The first step of reading an incident file: its container, told by its first
bytes (or its suffix), parsed into a (Geo)DataFrame with the file's own column
names and text values. What the columns mean is the next step's business
(:mod:`geomap.readers.geomap_files`, :mod:`geomap.readers.acled`).

:data:`TABLES` is the one table of containers; :func:`sniff_table` names the
container of an input, or None when it holds no table (an article). A parser
that fails on one file fails that file only: its error becomes the input's
:class:`~geomap.errors.InputError`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from geomap.errors import InputError, UnreadableInputError

__all__ = ["TABLES", "SUFFIX_TO_TABLE", "Data", "read_table", "sniff_table"]

#: What a table is read from: a file's path, or the bytes of a stream (standard input).
Data = Path | bytes

CRS = "EPSG:4326"

#: First bytes of the binary containers.
SQLITE_MAGIC = b"SQLite format 3\x00"
PARQUET_MAGIC = b"PAR1"

#: Lower-case suffix → container, for files whose first bytes do not say.
SUFFIX_TO_TABLE: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".geojson": "geojson",
    ".gpkg": "gpkg",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
}

#: A header cell: a column name as datasets write them (``event_id_cnty``, ``EVENT_DATE``, ``Actor1Name``).
_HEADER_CELL = re.compile(r"[A-Za-z_][A-Za-z0-9_.()/-]{0,63}")
_DELIMITERS = (",", "\t", ";", "|")


def sniff_table(head: bytes, suffix: str = "") -> str | None:
    """The container of an input from its first bytes, or None when it holds no table.

    Binary magic numbers (GeoPackage, Parquet) and a GeoJSON FeatureCollection
    are recognised whatever the suffix; a first line of three or more column
    names with a second line of as many cells is a delimited table. A file with
    a table suffix (``.csv``, ``.gpkg``…) is that container even when its bytes
    do not say so (its reader then says what is wrong).

    Examples
    --------
    >>> sniff_table(b"event_id_cnty,event_date,event_type\\nUKR1,2024-01-02,Battles\\n")
    'csv'
    >>> sniff_table(b"Shelling hit Kharkiv, Izium and Kupiansk, officials said.\\n") is None
    True
    """
    if head.startswith(SQLITE_MAGIC):
        return "gpkg"
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    text = _text_head(head)
    if text.lstrip().startswith("{") and re.search(r'"type"\s*:\s*"FeatureCollection"', text):
        return "geojson"
    if suffix in SUFFIX_TO_TABLE:
        return SUFFIX_TO_TABLE[suffix]
    if looks_delimited(text):
        return "csv"
    return None


def looks_delimited(text: str) -> bool:
    """True when ``text`` starts like a delimited table with a header row."""
    lines = text.splitlines()
    if len(lines) < 2:
        return False
    for delimiter in _DELIMITERS:
        try:
            header, first = list(csv.reader(lines[:2], delimiter=delimiter))[:2]
        except (csv.Error, ValueError):
            continue
        if len(header) >= 3 and len(first) == len(header) and all(_HEADER_CELL.fullmatch(c.strip()) for c in header):
            return True
    return False


def _text_head(head: bytes) -> str:
    for bom in (codecs.BOM_UTF8,):
        if head.startswith(bom):
            head = head[len(bom) :]
    return head.decode("utf-8", errors="replace")


# --- readers ----------------------------------------------------------------------------------


def read_csv(data: Data, name: str) -> pd.DataFrame:
    """A delimited UTF-8 table, every cell as text (``""`` as missing), delimiter sniffed."""
    raw = data.read_bytes() if isinstance(data, Path) else data
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableInputError(f"{name}: not UTF-8 text") from err
    first = text.split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=first.count)
    fast = _read_csv_arrow(raw, first, delimiter)
    if fast is not None:
        return fast
    try:
        # Everything as text; keep_default_na=False so "NA" (Namibia, a name) stays a value.
        frame = pd.read_csv(io.StringIO(text), dtype=object, keep_default_na=False, sep=delimiter)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as err:
        raise InputError(f"{name}: not a readable CSV ({_one_line(err)})") from err
    # CSV cannot tell an empty text from a missing one: both come back missing.
    return frame.replace("", None)


def _read_csv_arrow(raw: bytes, first: str, delimiter: str) -> pd.DataFrame | None:
    """The table :func:`read_csv` gives, read by Arrow's CSV reader (columns of Arrow text), or None.

    Arrow reads a large table several times faster than pandas' parser into Python
    strings. It is used only where the two agree: a header of two or more distinct,
    non-empty names on one line (pandas renames duplicates and fills blank names) and
    rows of the header's width (pandas pads short rows); any other table, and any table
    Arrow refuses, is read by pandas as before. Empty cells, quoted or not, are
    missing, as :func:`read_csv` makes them.
    """
    try:
        import pyarrow as pa
        import pyarrow.csv as pa_csv
    except ImportError:
        return None
    if '"' in first:
        return None
    names = first.rstrip("\r").split(delimiter)
    if len(names) < 2 or len(set(names)) != len(names) or not all(names):
        return None  # (pandas skips a line of spaces in a one-column table, as a blank line)
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        table = pa_csv.read_csv(
            io.BytesIO(body),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if table.column_names != names or table.num_rows == 0:
        return None
    return table.to_pandas()


def read_geojson(data: Data, name: str):
    """A GeoJSON FeatureCollection as a GeoDataFrame (properties as columns, null geometry → empty point)."""
    import geopandas as gpd
    import shapely
    from shapely.geometry import Point, shape

    try:
        text = data.read_text(encoding="utf-8-sig") if isinstance(data, Path) else data.decode("utf-8-sig")
        collection = json.loads(text)
    except OSError as err:
        raise UnreadableInputError(f"{name}: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise UnreadableInputError(f"{name}: not UTF-8 text") from err
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: invalid JSON at line {err.lineno} ({err.msg})") from err
    except RecursionError as err:
        raise InputError(f"{name}: nested too deeply to read") from err
    if (
        not isinstance(collection, dict)
        or collection.get("type") != "FeatureCollection"
        or not isinstance(collection.get("features"), list)
    ):
        raise InputError(f"{name}: not a GeoJSON FeatureCollection")
    rows, geometries = [], []
    for number, feature in enumerate(collection["features"], 1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise InputError(f"{name}: feature {number} is not a GeoJSON Feature")
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise InputError(f"{name}: feature {number} has no properties object")
        rows.append(properties)
        geometry = feature.get("geometry")
        try:
            geometries.append(shape(geometry) if geometry else Point())
        except (AttributeError, KeyError, TypeError, ValueError, shapely.errors.GEOSException) as err:
            raise InputError(f"{name}: feature {number} has an invalid geometry ({_one_line(err)})") from err
    columns = list(dict.fromkeys(c for row in rows for c in row))
    frame = pd.DataFrame(rows, columns=columns)
    return gpd.GeoDataFrame(frame, geometry=geometries, crs=CRS)


#: Name of the layer geomap writes in a GeoPackage; another layer is read when it is absent.
GPKG_LAYER = "incidents"


#: Rows of a GeoPackage read at a time (GDAL's buffers of one batch are alive at once).
GPKG_BATCH_ROWS = 65_536


def read_gpkg(data: Data, name: str):
    """The ``incidents`` layer of a GeoPackage (else its first layer) through pyogrio/GDAL (Arrow)."""
    import pyogrio
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        layers = [layer for layer, _ in pyogrio.list_layers(data)]
        layer = GPKG_LAYER if GPKG_LAYER in layers else (layers[0] if layers else None)
        if layer is None:
            raise InputError(f"{name}: GeoPackage has no layers")
        # Batch by batch, each made what the frame holds before the next is read: GDAL's own
        # buffers of a million incidents (0.66 GiB) are never all alive beside the frame's.
        with pyogrio.raw.open_arrow(data, layer=layer, use_pyarrow=True, batch_size=GPKG_BATCH_ROWS) as (meta, reader):
            batches = [_settled(batch) for batch in reader]
            schema = _settled(reader.schema.empty_table()).schema
    except (DataSourceError, DataLayerError) as err:
        raise InputError(f"{name}: not a readable GeoPackage ({_one_line(err)})") from err
    import pyarrow as pa

    return _arrow_frame(pa.Table.from_batches(batches, schema=schema), meta)


def _settled(batch):
    """A record batch (or table) of GDAL's as the frame takes it, in buffers of Arrow's own.

    JSON (an Arrow extension type) becomes its text and text becomes ``large_string``, which
    pandas' text columns hold. Every column is copied: a column cast, or sliced, still holds
    the whole batch's buffers of GDAL, which would then stay alive to the end of the read.
    """
    import pyarrow as pa

    columns = []
    for column in batch.columns:
        if isinstance(column.type, pa.BaseExtensionType):  # arrow.json: its text
            column = column.storage if isinstance(column, pa.Array) else pa.chunked_array(
                [chunk.storage for chunk in column.chunks], type=column.type.storage_type)
        if pa.types.is_string(column.type):
            column = column.cast(pa.large_string())  # new offsets, GDAL's text
        if isinstance(column, pa.Array):
            column = pa.concat_arrays([column, column.slice(0, 0)])  # a copy (of one array: itself)
        columns.append(column)
    return type(batch).from_arrays(columns, names=batch.schema.names)


def _arrow_frame(table, meta: dict):
    """The (Geo)DataFrame of an Arrow table pyogrio read, as ``read_dataframe`` gives it but lighter.

    Text and JSON stay Arrow strings (``read_dataframe`` made a Python object of each JSON
    text and each date: 2.0 GB for a million incidents, where the Arrow table is 0.56 GB);
    dates become datetime64, geometries shapely's.
    """
    import geopandas as gpd
    import pyarrow as pa

    geometry = meta.get("geometry_name") or None
    columns = {}
    for field, column in zip(table.schema, table.columns):
        if field.name == geometry:
            continue
        columns[field.name] = column.to_pandas(date_as_object=False)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(table.num_rows))
    if geometry is None:
        return frame
    shapes = gpd.GeoSeries.from_wkb(table.column(geometry).to_numpy(zero_copy_only=False), crs=meta.get("crs"))
    return gpd.GeoDataFrame(frame, geometry=shapes.values, crs=meta.get("crs"))


def read_parquet(data: Data, name: str):
    """A GeoParquet file (or a plain Parquet table) through pyarrow, when it is installed.

    pyarrow is optional: GDAL as pyogrio ships it has no Parquet driver, and with
    pyarrow installed pandas 3 stores text as Arrow strings, which refuse lone
    surrogates. Without it a GeoParquet input is one input's error saying so.
    """
    import geopandas as gpd

    try:
        import pyarrow
    except ImportError as err:
        raise InputError(f"{name}: reading GeoParquet needs pyarrow (pip install pyarrow)") from err

    source = data if isinstance(data, Path) else io.BytesIO(data)
    try:
        return gpd.read_parquet(source)
    except ValueError as err:
        if "geo" not in str(err).lower():
            raise InputError(f"{name}: not a readable GeoParquet file ({_one_line(err)})") from err
    except (OSError, pyarrow.ArrowException) as err:
        raise InputError(f"{name}: not a readable Parquet file ({_one_line(err)})") from err
    # Parquet without GeoParquet metadata: a plain table, located by latitude/longitude.
    try:
        return pd.read_parquet(data if isinstance(data, Path) else io.BytesIO(data))
    except (OSError, ValueError, pyarrow.ArrowException) as err:
        raise InputError(f"{name}: not a readable Parquet file ({_one_line(err)})") from err


#: Container name → reader(data, name) giving a (Geo)DataFrame with the file's own columns.
TABLES: dict[str, Callable[[Data, str], pd.DataFrame]] = {
    "csv": read_csv,
    "geojson": read_geojson,
    "gpkg": read_gpkg,
    "parquet": read_parquet,
}


def read_table(container: str, data: Data, name: str) -> pd.DataFrame:
    """Read ``data`` with the reader :data:`TABLES` registers for ``container``."""
    return TABLES[container](data, name)


def _one_line(err: object) -> str:
    return " ".join(str(err).split())
