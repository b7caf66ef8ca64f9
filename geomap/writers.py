"""Incident files in GIS formats, written through pyogrio/GDAL and pyarrow, atomically.

One table, :data:`FORMATS`, names each format: its suffixes, the GDAL driver (or
pyarrow for GeoParquet), its options and how it holds region areas.
:func:`write_incidents` prepares the frame once (country points, areas, layout,
Arrow types) and hands it to the format's small writer function.

=========== ======================= ==========================================================
format      suffixes                what GDAL/pyarrow writes
=========== ======================= ==========================================================
geojson     .geojson .json          RFC 7946 (GDAL ``RFC7946=YES``: lon/lat, no ``crs``,
                                    rings counter-clockwise), 5 decimals, ``id`` = event id,
                                    an ``attribution`` foreign member
gpkg        .gpkg                   GeoPackage 1.3 (``VERSION=1.3``), Date/Integer/Real
                                    fields, JSON subtype for nested fields, spatial index,
                                    attribution in ``gpkg_metadata``; ``--areas``: layer
                                    ``incident_areas``
parquet     .parquet .geoparquet    GeoParquet (geopandas ``to_parquet``, WKB), date32,
                                    attribution in the file's key-value metadata
fgb         .fgb                    FlatGeobuf with spatial index (none when a row has
                                    no geometry), attribution as the layer description
kml         .kml                    KML (GDAL's LIBKML): placemark name = location,
                                    description = notes, attribution as the document's
csv         .csv                    CSV (UTF-8) with ``.csvt`` (column types;
                                    ``longitude``/``latitude`` as CoordX/CoordY, so GDAL
                                    and QGIS see points) and ``.prj`` (WGS 84) beside it
=========== ======================= ==========================================================

Every output with coordinates credits the gazetteer's sources (:data:`ATTRIBUTION`);
CSV has no place for metadata but the ``.prj``, so it carries none.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path

import geopandas as gpd
import numpy as np
import orjson
import pandas as pd
import shapely

from geomap.errors import ConfigurationError, OutputError
from geomap.fileio import atomic_write, is_stream_target

#: Credit for the gazetteer's coordinates and areas (``gazetteer/data/ATTRIBUTION.md``).
ATTRIBUTION = (
    "Place coordinates and areas: GeoNames (geonames.org), CC BY 4.0; "
    "Natural Earth (naturalearthdata.com), public domain."
)

CRS = "EPSG:4326"

#: Decimals kept in GeoJSON coordinates (1e-5 degrees is about 1 m).
COORDINATE_DECIMALS = 5

#: Layer names in GeoPackage (and the name other formats give their one layer).
LAYER = "incidents"
AREAS_LAYER = "incident_areas"

#: Location kinds whose rows are region-level (``--areas`` writes their polygon).
REGION_KINDS = ("admin1", "sea")

#: Nested columns, written as JSON (a JSON subtype where the format has one).
JSON_COLUMNS = ("quantities", "evidence")

#: The field LIBKML writes as a placemark's ``<TimeStamp>`` (GDAL's ``LIBKML_TIMESTAMP_FIELD``).
KML_TIMESTAMP = "timestamp"

#: Date columns (written as a Date field, not a DateTime).
DATE_COLUMNS = ("event_date",)


@dataclass(frozen=True)
class Format:
    """One output format: how :func:`write_incidents` writes it.

    Attributes
    ----------
    name : str
        The ``--format`` value.
    suffixes : tuple of str
        Lower-case suffixes that pick it.
    driver : str
        The GDAL driver (``GPKG``), or ``pyarrow``.
    write : callable
        ``write(job, tmp_path)``: writes the prepared :class:`Job` to ``tmp_path``.
    areas : str or None
        How ``--areas`` is held: ``"layer"`` (a second layer), ``"geometry"``
        (the row's geometry is the area), None (not at all).
    sidecars : tuple of str
        Suffixes of files written beside the main one (moved with it).
    aliases : tuple of str
        Other names ``--format`` accepts (lower case).
    """

    name: str
    suffixes: tuple[str, ...]
    driver: str
    write: Callable[[Job, Path], None]
    areas: str | None = "geometry"
    sidecars: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


class Job:
    """The prepared output: the laid-out frame, its Arrow table (made on first use), the areas.

    GeoParquet writes the frame through geopandas and never needs :attr:`table`,
    so the table is converted only for the formats GDAL writes.
    """

    def __init__(self, frame: gpd.GeoDataFrame, path: str, *, areas: object | None = None) -> None:
        self.frame = frame  # the laid-out frame
        self.path = path  # the destination, for messages
        self.areas = areas  # pyarrow.Table of region areas for a second layer, or None

    @functools.cached_property
    def table(self):
        """The frame as a pyarrow Table (:func:`to_arrow`); geometry column "geometry" as WKB."""
        return to_arrow(self.frame)

    @property
    def has_null_geometry(self) -> bool:
        return self.table.column("geometry").null_count > 0


# --- the writers --------------------------------------------------------------------------------


def _write_gdal(job: Job, tmp: Path, driver: str, *, table=None, layer: str = LAYER, append: bool = False,
                dataset_options: dict | None = None, layer_options: dict | None = None,
                dataset_metadata: dict | None = None, geometry: bool = True) -> None:
    import pyogrio

    table = job.table if table is None else table
    try:
        pyogrio.write_arrow(
            table,
            tmp,
            layer=layer,
            driver=driver,
            geometry_name="geometry" if geometry else None,
            geometry_type=_geometry_type(table) if geometry else None,
            crs=CRS if geometry else None,
            append=append,
            dataset_options=dataset_options,
            layer_options=layer_options,
            dataset_metadata=dataset_metadata,
        )
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, pyogrio.errors.FeatureError,
            pyogrio.errors.GeometryError, pyogrio.errors.FieldError) as err:
        # GDAL's errors are not OSErrors, and name the SQL that failed, not why.
        from geomap.export import _cannot_grow, _gdal_reason

        reason = _cannot_grow(tmp.parent) or _gdal_reason(err)
        raise OutputError(f"cannot write {job.path}: {reason}") from err


def write_geojson(job: Job, tmp: Path) -> None:
    """RFC 7946 GeoJSON through GDAL's GeoJSON driver."""
    import pyarrow as pa

    # GDAL takes the feature id from a field (ID_FIELD) and drops that field from the
    # properties: a copy named "id" keeps the event id among them too.
    ids = job.table.column(job.table.column_names[0])
    table = job.table.add_column(0, "id", ids.cast(pa.string()))
    _write_gdal(job, tmp, "GeoJSON", table=table, layer_options={
        "RFC7946": "YES",
        "COORDINATE_PRECISION": str(COORDINATE_DECIMALS),
        "WRITE_NAME": "NO",
        "ID_FIELD": "id",
        "FOREIGN_MEMBERS_COLLECTION": json.dumps({"attribution": ATTRIBUTION}),
    })


def write_gpkg(job: Job, tmp: Path) -> None:
    """GeoPackage 1.3: layer ``incidents`` (and ``incident_areas`` with ``--areas``)."""
    options = {"SPATIAL_INDEX": "YES", "FID": "fid", "GEOMETRY_NAME": "geom"}
    _write_gdal(job, tmp, "GPKG", dataset_options={"VERSION": "1.3"}, layer_options=options,
                dataset_metadata={"ATTRIBUTION": ATTRIBUTION})
    if job.areas is not None:
        _write_gdal(job, tmp, "GPKG", table=job.areas, layer=AREAS_LAYER, append=True, layer_options=options)


def write_fgb(job: Job, tmp: Path) -> None:
    """FlatGeobuf; its spatial index cannot hold a row without geometry (``--no-country-points``)."""
    _write_gdal(job, tmp, "FlatGeobuf", layer_options={
        "SPATIAL_INDEX": "NO" if job.has_null_geometry else "YES",
        "TITLE": "geomap incidents",
        "DESCRIPTION": ATTRIBUTION,
    })


def write_kml(job: Job, tmp: Path) -> None:
    """KML through GDAL's LIBKML: each placemark named by its location, described by its notes."""
    import pyarrow as pa

    table = job.table
    if KML_TIMESTAMP in table.column_names and pa.types.is_integer(table.schema.field(KML_TIMESTAMP).type):
        # LIBKML takes a field called "timestamp" for the placemark's <TimeStamp>: ACLED's
        # Unix time is written as that instant (xsd:dateTime), which GDAL and Google Earth read back.
        index = table.column_names.index(KML_TIMESTAMP)
        seconds = table.column(index).cast(pa.int64())
        table = table.set_column(index, KML_TIMESTAMP, seconds.cast(pa.timestamp("s", tz="UTC")))
    table = table.add_column(0, "description", _string_column(table, "notes"))
    table = table.add_column(0, "name", _string_column(table, "location"))
    _write_gdal(job, tmp, "LIBKML", table=table, dataset_options={
        "NAME": "geomap incidents", "DESCRIPTION": ATTRIBUTION,
    })


def write_csv(job: Job, tmp: Path) -> None:
    """CSV through GDAL's CSV driver, with ``.csvt`` column types and a ``.prj`` beside it.

    GDAL's own ``CREATE_CSVT`` cannot say that ``longitude``/``latitude`` carry
    the points (CoordX/CoordY) and writes dates as ``2024/12/17``: the dates are
    written as ISO text and the ``.csvt`` is written here from the Arrow schema.
    """
    import pyarrow as pa
    import pyproj

    table = job.table.drop_columns(["geometry"])
    types = []
    for index, field in enumerate(table.schema):
        if pa.types.is_date(field.type):
            table = table.set_column(index, field.name, table.column(index).cast(pa.string()))
        types.append(_csvt_type(field))
    _write_gdal(job, tmp, "CSV", table=table, geometry=False,
                layer_options={"LINEFORMAT": "LF", "WRITE_BOM": "NO", "CREATE_CSVT": "NO"})
    tmp.with_suffix(".csvt").write_text(",".join(types) + "\n", encoding="ascii")
    tmp.with_suffix(".prj").write_text(pyproj.CRS.from_epsg(4326).to_wkt("WKT1_GDAL") + "\n", encoding="ascii")


def write_parquet(job: Job, tmp: Path) -> None:
    """GeoParquet (geopandas ``to_parquet``: WKB geometry and the ``geo`` metadata)."""
    import pyarrow.parquet as pq

    frame = job.frame.copy(deep=False)
    for column in frame.columns:
        if column == frame.geometry.name:
            continue
        if column in DATE_COLUMNS:
            # object column of datetime.date: pyarrow writes a date32 column.
            frame[column] = _dates(frame[column])
        elif column in JSON_COLUMNS:
            frame[column] = json_texts(frame[column])
    frame = frame.set_geometry(frame.geometry.where(~frame.geometry.is_empty, None))
    from geopandas.io.arrow import _geopandas_to_arrow

    table = _geopandas_to_arrow(frame, index=False, geometry_encoding="WKB")  # with the "geo" metadata
    metadata = dict(table.schema.metadata or {})
    metadata[b"attribution"] = ATTRIBUTION.encode()
    pq.write_table(table.replace_schema_metadata(metadata), tmp)


#: Every output format, in the order ``--help`` lists them.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("geojson", (".geojson", ".json"), "GeoJSON", write_geojson),
        Format("gpkg", (".gpkg",), "GPKG", write_gpkg, areas="layer", aliases=("geopackage",)),
        Format("parquet", (".parquet", ".geoparquet"), "pyarrow", write_parquet, aliases=("geoparquet",)),
        Format("fgb", (".fgb",), "FlatGeobuf", write_fgb, aliases=("flatgeobuf",)),
        Format("kml", (".kml",), "LIBKML", write_kml, aliases=("libkml",)),
        Format("csv", (".csv",), "CSV", write_csv, areas=None, sidecars=(".csvt", ".prj")),
    )
}


def output_format(path: str | os.PathLike | None, format: str | None = None) -> str:
    """The format (a key of :data:`FORMATS`) for ``path``: ``format`` if given, else by suffix.

    ``format`` may be the name, an alias or the GDAL driver (``GPKG``,
    ``FlatGeobuf``), any case. ``-``, a device or a FIFO without a known suffix
    gets GeoJSON.

    Raises
    ------
    ConfigurationError
        For an unknown format or suffix.

    Examples
    --------
    >>> output_format("out.gpkg"), output_format("-"), output_format("x.csv", "FlatGeobuf")
    ('gpkg', 'geojson', 'fgb')
    """
    if format is not None:
        key = str(format).strip().lower()
        for spec in FORMATS.values():
            if key in (spec.name, spec.driver.lower(), *spec.aliases):
                return spec.name
        raise ConfigurationError(f"unknown output format {format!r} (known: {', '.join(FORMATS)})")
    suffix = Path(os.fspath(path or "")).suffix.lower()
    for spec in FORMATS.values():
        if suffix in spec.suffixes:
            return spec.name
    if path is None or is_stream_target(path):
        return "geojson"
    known = ", ".join(s for spec in FORMATS.values() for s in spec.suffixes)
    raise ConfigurationError(f"{os.fspath(path)}: unknown output file type {suffix or '(none)'} (known: {known})")


def check_areas(format: str) -> None:
    """Raise :class:`ConfigurationError` when ``format`` cannot hold region areas."""
    if FORMATS[format].areas is None:
        able = ", ".join(name for name, spec in FORMATS.items() if spec.areas)
        raise ConfigurationError(f"--areas: {format} cannot hold areas (use one of: {able})")


def write_incidents(
    gdf: gpd.GeoDataFrame,
    path: str | os.PathLike,
    *,
    format: str | None = None,
    layout: str = "geomap",
    country_points: bool = True,
    areas: bool = False,
    gazetteer=None,
    timestamp: int | None = None,
    driver: str | None = None,
) -> Path:
    """Write incidents to ``path`` in the format its suffix (or ``format``) names, atomically.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents as :func:`geomap.extract` returns them (``docs/schema.md``).
    path : path-like
        The file (``-`` for standard output); see :data:`FORMATS` for suffixes.
    format : str, optional
        A key of :data:`FORMATS`, an alias or a GDAL driver name, overriding the suffix.
    layout : str
        ``geomap`` (every column of the schema) or ``acled`` (ACLED's 31 columns,
        :mod:`geomap.layout`).
    country_points : bool
        Give country-level rows the country's representative point with
        geo_precision 3, as ACLED does (default); False keeps a null geometry.
    areas : bool
        Write region-level rows with their area (a second layer in GeoPackage,
        the row's geometry elsewhere).
    gazetteer : gazetteer.Gazetteer, optional
        Source of country points and areas; the embedded one by default.
    timestamp : int, optional
        The ACLED layout's ``timestamp``; the time of writing by default.
    driver : str, optional
        The older name of ``format``.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ConfigurationError
        For an unknown format, suffix or layout, ``areas`` in a format that cannot
        hold them, or when ``gdf`` is not a GeoDataFrame.
    OutputError
        When the file cannot be written (the previous file, if any, is kept).

    Examples
    --------
    >>> write_incidents(gdf, "incidents.gpkg", areas=True)  # doctest: +SKIP
    """
    from geomap.layout import LAYOUTS, check_layout

    if not isinstance(gdf, gpd.GeoDataFrame):
        raise ConfigurationError(f"expected a GeoDataFrame of incidents, got {type(gdf).__name__}")
    spec = FORMATS[output_format(path, format if format is not None else driver)]
    layout = check_layout(layout)
    if areas:
        check_areas(spec.name)
    frame = _wgs84(gdf)
    if country_points or areas:
        if gazetteer is None:
            from gazetteer import Gazetteer

            gazetteer = Gazetteer()
        if country_points:
            frame = place_country_points(frame, gazetteer)
    area_frame = None
    if areas:
        area_frame = region_areas(frame, gazetteer)
        if spec.areas == "geometry":
            frame = frame.copy()
            geometry = frame.geometry.copy()
            geometry.loc[area_frame.index] = area_frame.geometry
            frame = frame.set_geometry(geometry)
            area_frame = None
    make = LAYOUTS[layout]
    laid_out = make(frame, timestamp=timestamp)
    areas_table = None
    if area_frame is not None:
        areas_table = to_arrow(make(area_frame, timestamp=timestamp))
    job = Job(laid_out, os.fspath(path), areas=areas_table)
    return atomic_write(path, lambda tmp: spec.write(job, tmp), sidecars=spec.sidecars)


# --- preparing the frame -------------------------------------------------------------------------


def place_country_points(gdf: gpd.GeoDataFrame, gazetteer) -> gpd.GeoDataFrame:
    """Country-level rows without geometry get their country's point (ACLED's geo_precision 3 rule).

    The point is the gazetteer's point of the country (Natural Earth's label
    point, inside the country), else a representative point of its polygon;
    ``latitude``/``longitude`` are filled with it. Rows whose country the
    gazetteer does not know keep a null geometry.
    """
    if "location_kind" not in gdf.columns or "place_id" not in gdf.columns or len(gdf) == 0:
        return gdf
    geoms = gdf.geometry
    wanted = (gdf["location_kind"] == "country").fillna(False).to_numpy() & (geoms.isna() | geoms.is_empty).to_numpy()
    if not wanted.any():
        return gdf
    points: dict[str, object] = {}
    for place_id in dict.fromkeys(gdf.loc[wanted, "place_id"].dropna()):
        points[place_id] = _country_point(gazetteer, str(place_id))
    out = gdf.copy()
    geometry = out.geometry.to_numpy().copy()
    lat = out["latitude"].to_numpy(dtype="float64", copy=True) if "latitude" in out else None
    lon = out["longitude"].to_numpy(dtype="float64", copy=True) if "longitude" in out else None
    place_ids = out["place_id"].to_numpy(dtype=object)
    for i in np.flatnonzero(wanted):
        point = points.get(place_ids[i])
        if point is None:
            continue
        geometry[i] = point
        if lat is not None and lon is not None:
            lat[i], lon[i] = point.y, point.x  # shapely speaks (x=lon, y=lat)
    out = out.set_geometry(gpd.GeoSeries(geometry, index=out.index, crs=out.crs))
    if lat is not None and lon is not None:
        out["latitude"], out["longitude"] = lat, lon
    if "geo_precision" in out:
        out.loc[wanted & out.geometry.notna().to_numpy(), "geo_precision"] = 3
    return out


def _country_point(gazetteer, place_id: str):
    place = gazetteer.get(place_id)
    if place is not None and place.lat is not None and place.lon is not None:
        if math.isfinite(place.lat) and math.isfinite(place.lon):
            return shapely.Point(place.lon, place.lat)  # shapely speaks (lon, lat)
    area = gazetteer.geometry(place_id)
    if area is not None and not area.is_empty:
        return area.representative_point()
    return None


def region_areas(gdf: gpd.GeoDataFrame, gazetteer) -> gpd.GeoDataFrame:
    """The region-level rows (:data:`REGION_KINDS`) whose area the gazetteer has, with that area.

    Returns
    -------
    geopandas.GeoDataFrame
        Those rows (same index and columns), geometry a MultiPolygon.
    """
    if "location_kind" not in gdf.columns or "place_id" not in gdf.columns:
        return gdf.iloc[0:0]
    rows = gdf[gdf["location_kind"].isin(REGION_KINDS).fillna(False).to_numpy()]
    shapes: dict[str, object] = {}
    for place_id in dict.fromkeys(rows["place_id"].dropna()):
        area = gazetteer.geometry(str(place_id))
        if area is not None and not area.is_empty and area.geom_type in ("Polygon", "MultiPolygon"):
            shapes[place_id] = area if area.geom_type == "MultiPolygon" else shapely.MultiPolygon([area])
    keep = rows["place_id"].isin(list(shapes)).fillna(False).to_numpy()
    rows = rows[keep]
    return rows.set_geometry(gpd.GeoSeries([shapes[p] for p in rows["place_id"]], index=rows.index, crs=gdf.crs))


def to_arrow(frame: gpd.GeoDataFrame):
    """The frame as a pyarrow Table with the field types GIS formats should get.

    ``event_date`` becomes a date32 (a Date field), integer columns int32 (an
    Integer field) unless a value needs 64 bits, nested columns JSON text with
    Arrow's ``arrow.json`` extension type (GDAL's JSON subtype), and the geometry
    WKB (``geoarrow.wkb``) with empty geometries as nulls.
    """
    import pyarrow as pa

    arrays, fields = [], []
    geometry_name = frame.geometry.name
    for column in frame.columns:
        if column == geometry_name:
            continue
        array = _arrow_column(frame[column], column)
        arrays.append(array)
        fields.append(pa.field(column, array.type))
    geoms = frame.geometry.to_numpy()
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    wkb = shapely.to_wkb(np.where(missing, None, geoms), flavor="iso")
    arrays.append(pa.array(wkb, pa.binary()))
    fields.append(pa.field("geometry", pa.binary(), metadata={
        "ARROW:extension:name": "geoarrow.wkb",
        "ARROW:extension:metadata": json.dumps({"crs": CRS}),
    }))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _arrow_column(series: pd.Series, column: str):
    import pyarrow as pa

    if column in JSON_COLUMNS or (series.dtype == object and any(issubclass(t, (dict, list)) for t in set(map(type, series)))):
        text = pa.array(json_texts(series), pa.string())
        return pa.ExtensionArray.from_storage(pa.json_(), text)
    if column in DATE_COLUMNS or pd.api.types.is_datetime64_any_dtype(series):
        values = pd.to_datetime(series, errors="coerce")
        if values.dt.tz is not None:
            values = values.dt.tz_convert("UTC").dt.tz_localize(None)
        if column in DATE_COLUMNS:
            # datetime64[D] is the calendar day (floored, as .date() is): Arrow takes it as date32.
            days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
            return pa.array(days, pa.date32(), from_pandas=True)
        return pa.array(values, pa.timestamp("ms"), from_pandas=True)
    if pd.api.types.is_integer_dtype(series.dtype):
        values = series.astype("Int64")
        small = values.dropna()
        kind = pa.int32() if small.empty or (small.abs().max() < 2**31) else pa.int64()
        return pa.array(values, kind, from_pandas=True)
    if pd.api.types.is_float_dtype(series.dtype):
        return pa.array(series.to_numpy(dtype="float64"), pa.float64(), from_pandas=True)
    if pd.api.types.is_bool_dtype(series.dtype):
        return pa.array(series, pa.bool_(), from_pandas=True)
    try:  # the fast path: text columns of the frame (already cleaned of lone surrogates)
        return pa.array(series, pa.string(), from_pandas=True)
    except (pa.ArrowException, UnicodeEncodeError, TypeError):
        return pa.array([_text(v) for v in series], pa.string())


def _text(value: object) -> str | None:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value if isinstance(value, str) else str(value)


#: Types the column-wise JSON path takes as they are (exact types: subclasses go value by value).
_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})
_JSON_PLAIN = _JSON_SCALARS | {dict, list}

#: Put between the values when a column is encoded as one JSON array; its text (with the
#: separators around it) is looked for to split the array back into the values' texts.
_JSON_MARK = "\x00geomap-json\x00"
_JSON_SPLIT = ", " + json.dumps(_JSON_MARK) + ", "
_JSON_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def json_texts(values) -> list[str | None]:
    """The JSON text of each value of a nested column (the value :func:`_json_text` encodes).

    Column-wise: a column of plain values (dicts with text keys, lists, str, int,
    float, bool, None, at any depth) is encoded by orjson, which gives the same
    JSON without spaces after ``,`` and ``:`` (NaN and infinities as ``null``,
    as :func:`_json_text` writes them); what orjson refuses (integers beyond 64
    bits, lone surrogates) by one call of the standard encoder on the whole
    column, split back into values. Anything else (numpy values, timestamps,
    keys that are not text) is encoded value by value.
    """
    values = list(values)
    texts = _json_texts_at_once(values)
    return texts if texts is not None else [_json_text(v) for v in values]


def _json_texts_at_once(values: list) -> list[str | None] | None:
    texts: list = list(values)
    todo = [i for i, v in enumerate(values) if type(v) is not str]  # text is JSON already (_json_text)
    if not todo or not _plain_json(values[i] for i in todo):
        return texts if not todo else None
    try:
        dumps = orjson.dumps
        for i in todo:
            texts[i] = dumps(values[i]).decode()
        return texts
    except (orjson.JSONEncodeError, RecursionError):
        pass
    # The values with the mark between them: [v0, MARK, v1, MARK, ...]
    marked: list = [_JSON_MARK] * (2 * len(todo) - 1)
    marked[::2] = [values[i] for i in todo]
    try:
        encoded = _JSON_ENCODER.encode(marked)
    except (ValueError, TypeError, RecursionError):  # NaN, infinity: value by value
        return None
    parts = encoded[1:-1].split(_JSON_SPLIT)
    if len(parts) != len(todo):  # a value holds the mark's own text: value by value
        return None
    for i, text in zip(todo, parts):
        texts[i] = text
    return texts


def _plain_json(values) -> bool:
    """True when every value is plain JSON (:data:`_JSON_PLAIN`, dict keys text), at any depth.

    Checked a level at a time with C-level iteration (``map(type, ...)``), not value by value.
    """
    level = list(values)
    while level:
        types = set(map(type, level))
        if not types <= _JSON_PLAIN:
            return False
        if types <= _JSON_SCALARS:
            return True
        dicts = [v for v in level if type(v) is dict] if dict in types else []
        lists = [v for v in level if type(v) is list] if list in types else []
        if not set(map(type, chain.from_iterable(dicts))) <= {str}:
            return False
        level = [*chain.from_iterable(map(dict.values, dicts)), *chain.from_iterable(lists)]
    return True


def _json_text(value: object) -> str | None:
    if isinstance(value, str):
        return value  # already JSON text (a frame read back from CSV)
    return json.dumps(_jsonable(value), ensure_ascii=False, allow_nan=False)


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_jsonable(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.isoformat()
    return value


def _string_column(table, column: str):
    """A column of the Arrow table as text (nulls when the table has no such column)."""
    import pyarrow as pa

    if column not in table.column_names:
        return pa.nulls(table.num_rows, pa.string())
    return table.column(column).cast(pa.string())


def _dates(series: pd.Series) -> object:
    """A column of dates as an object array of ``datetime.date`` (None when missing): pyarrow writes date32."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        if getattr(series.dt, "tz", None) is not None:
            series = series.dt.tz_localize(None)  # the date where it happened (its wall time)
        # datetime64[D] is the calendar day; numpy makes the date objects (NaT becomes None).
        return series.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(object)
    return [None if pd.isna(v) else pd.Timestamp(v).date() for v in series]


def _csvt_type(field) -> str:
    import pyarrow as pa

    if field.name == "longitude":
        return "CoordX"
    if field.name == "latitude":
        return "CoordY"
    kind = field.type
    if pa.types.is_date(kind):
        return "Date"
    if pa.types.is_timestamp(kind):
        return "DateTime"
    if pa.types.is_int32(kind) or pa.types.is_int16(kind) or pa.types.is_int8(kind):
        return "Integer"
    if pa.types.is_integer(kind):
        return "Integer64"
    if pa.types.is_floating(kind):
        return "Real"
    if pa.types.is_boolean(kind):
        return "Integer(Boolean)"
    return "String"


def _geometry_type(table) -> str:
    """The layer's declared geometry type: the one type every row has, else Unknown."""
    import pyarrow.compute as pc

    # The WKB header: byte order, then the type as 4 bytes (ISO codes 1 Point, 3 Polygon, 6 MultiPolygon).
    headers = pc.unique(pc.binary_slice(table.column("geometry"), 0, 5)).drop_null().to_pylist()
    types = {int.from_bytes(g[1:5], "little" if g[0] == 1 else "big") for g in headers if len(g) == 5}
    if not types:
        return "Point"
    names = {1: "Point", 3: "Polygon", 6: "MultiPolygon"}
    if len(types) == 1 and next(iter(types)) in names:
        return names[next(iter(types))]
    return "Unknown"


def _wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        return gdf.set_crs(CRS)
    return gdf if gdf.crs.equals(CRS) else gdf.to_crs(CRS)
