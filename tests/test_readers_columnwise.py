"""The column-wise ACLED and GDELT readers give what the row-by-row readers gave (``row_readers.py``).

Same frame on the samples of ``tests/data/datasets/`` and on tables hypothesis makes up (meaningful
cells mixed with any text, numbers, blanks); same error, naming the same row, when a cell is bad.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from row_readers import acled_by_rows, gdelt_by_rows

from geomap.errors import InputError
from geomap.export import write_incidents
from geomap.readers import READERS, read_incidents
from geomap.readers.gdelt import FIELDS
from geomap.readers.tables import read_csv

DATASETS = Path(__file__).parent / "data" / "datasets"
ACLED_FILES = [DATASETS / "acled_2024.csv", DATASETS / "acled_2019.csv"]
GDELT = DATASETS / "20240417.export.CSV"

EXAMPLES = int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", "150"))
SAME = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(read, *args, **kwargs):
    """The frame read, or the error raised (its type and message)."""
    try:
        return read(*args, **kwargs)
    except (InputError, ValueError, OverflowError, UnicodeError) as err:
        return err


def assert_same(columnwise, by_rows) -> None:
    if isinstance(by_rows, OverflowError):
        # int(float("inf")) escaped the row reader; the column-wise one names the cell.
        assert isinstance(columnwise, InputError) and "is not a number" in str(columnwise), columnwise
    elif isinstance(by_rows, Exception):
        assert type(columnwise) is type(by_rows) and str(columnwise) == str(by_rows), (columnwise, by_rows)
    else:
        assert not isinstance(columnwise, Exception), columnwise
        assert_geodataframe_equal(columnwise, by_rows, check_less_precise=False)


# --- the samples ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ACLED_FILES, ids=lambda p: p.name)
def test_acled_samples_read_as_before(path):
    table = read_csv(path, str(path))
    assert_same(read_incidents(path), acled_by_rows(table, source=str(path)))


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".parquet"])
def test_acled_layout_in_other_tables_reads_as_before(tmp_path, suffix):
    # ACLED's columns in a typed table (numbers and dates as such, a geometry): the cells are not all text.
    written = write_incidents(read_incidents(ACLED_FILES[0]), tmp_path / f"acled{suffix}", layout="acled")
    from geomap.readers.tables import read_table

    table = read_table(suffix.lstrip("."), written, str(written))
    assert READERS["acled"].matches(table.columns)
    assert_same(READERS["acled"].conform(table, source="x"), acled_by_rows(table, source="x"))


def test_gdelt_sample_reads_as_before():
    assert_same(read_incidents(GDELT), gdelt_by_rows(_gdelt_table(GDELT.read_bytes()), source=str(GDELT)))


def _gdelt_table(raw: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(raw), sep="\t", header=None, names=list(FIELDS), dtype=str, keep_default_na=False,
                       quoting=3, encoding="utf-8", encoding_errors="replace")  # fmt: skip


# --- made-up tables ---------------------------------------------------------------------------

noise = st.text(max_size=8)
#: Cells of an ACLED column: what ACLED writes there, what it does not, blanks.
ACLED_CELLS = {
    "event_id_cnty": ["UKR1", "UKR2", "RUS7", "", None],
    "data_id": ["101", "102", "", None],
    "event_id_no_cnty": ["5", "6.0", "", None],
    "iso3": ["UKR", "NGA", "xx", "", None],
    "event_date": ["2024-04-15", "15 April 2024", "15-April-2024", "5 Apr 2024", "15/04/2024", "04/25/2024",
                   "2024-04-15T10:00", "soon", "", None],
    "time_precision": ["1", "2", "3.9", "x", "nan", "inf", "", None],
    "disorder_type": ["Political violence", "", None],
    "event_type": ["Battles", "Riots", "Protests", "Other", "", None],
    "sub_event_type": ["Mob violence", "Armed clash", "", None],
    "actor1": ["Military Forces of Russia (2000-)", " padded ", "", None],
    "actor2": ["Civilians (Ukraine)", "", None],
    "iso": ["804", "643", "804.0", "0", "UA", "ua", "UKR", "8.0.4", "²", "", None],
    "country": ["Ukraine", "Russia", "", None],
    "admin1": ["Kharkiv", "Donetsk", "", None],
    "location": ["Kharkiv", "Ukraine", "Donetsk", "", None],
    "latitude": ["49.99", "-1", "1e3", "1_000", " 12 ", "nan", "inf", "x", "", None],
    "longitude": ["36.23", "0", "٣", "", None],
    "geo_precision": ["1", "2", "3", "0", "0.5", "2.7", "-1", "nan", "inf", "x", "", None],
    "source": ["Ukrinform", "", None],
    "notes": ["On 15 April, shelling.", "", None],
    "fatalities": ["0", "4", "4.9", "-2", "1e20", "nan", "x", "", None],
    "tags": ["crowd size=no report", "", None],
    "timestamp": ["1713484800", "", None],
    "region": ["Europe", "", None],
}


@st.composite
def acled_tables(draw):
    names = draw(st.lists(st.sampled_from(sorted(ACLED_CELLS)), min_size=1, unique=True))
    names = sorted({*names, "event_date", "event_type", "country", "location", "latitude", "longitude"})
    rows = draw(st.integers(min_value=0, max_value=6))
    upper = draw(st.booleans())
    cell = {n: st.one_of(st.sampled_from(ACLED_CELLS[n]), noise) for n in names}
    columns = {(n.upper() if upper else n): [draw(cell[n]) for _ in range(rows)] for n in names}
    return pd.DataFrame(columns, dtype=object)


@SAME
@given(acled_tables())
def test_acled_made_up_tables_read_as_before(table):
    assert_same(outcome(READERS["acled"].conform, table, source="t.csv"),
                outcome(acled_by_rows, table, source="t.csv"))  # fmt: skip


@SAME
@given(st.lists(st.one_of(st.none(), st.integers(-10**20, 10**20), st.floats(), st.booleans(), noise,
                          st.sampled_from(["804", "2024-04-15", "1"])), min_size=6, max_size=6))  # fmt: skip
def test_acled_cells_of_any_type_read_as_before(cells):
    # GeoJSON properties can be numbers, booleans, anything: a row of them in the columns that are numbers.
    table = pd.DataFrame([cells], columns=["event_id_cnty", "event_date", "iso", "latitude", "longitude",
                                           "fatalities"], dtype=object)  # fmt: skip
    table = table.assign(event_type="Battles", country="Ukraine", location="Kharkiv")
    assert_same(outcome(READERS["acled"].conform, table, source="t"), outcome(acled_by_rows, table, source="t"))


#: Cells of the GDELT fields that steer the reader; the others are any short text.
GDELT_CELLS = {
    "GLOBALEVENTID": ["1", "2", "3", ""],
    "SQLDATE": ["20240417", "20241317", "2024041", "x", ""],
    "EventCode": ["190", "1951", "195", "145", "14", "042", "2041", "19x", ""],
    "ActionGeo_Type": ["1", "2", "3", "4", "5", "0", "0.5", "9", "nan", "inf", "x", ""],
    "ActionGeo_FullName": ["Kharkiv, Kharkivs'ka Oblast', Ukraine", "Ukraine", "Donets'k, Ukraine", ",", ""],
    "ActionGeo_CountryCode": ["UP", "RS", "US", "ZZ", ""],
    "ActionGeo_ADM1Code": ["UP07", "UP", "USCA", ""],
    "ActionGeo_Lat": ["49.98", "-1", "nan", "inf", "x", ""],
    "ActionGeo_Long": ["36.25", "0", "x", ""],
    "Actor1Name": ["RUSSIA", "", " "],
    "Actor2Name": ["UKRAINE", ""],
    "SOURCEURL": ["https://news.example/a", "https://news.example/b", ""],
}


@st.composite
def gdelt_tables(draw):
    rows = draw(st.integers(min_value=0, max_value=6))
    cell = {n: st.one_of(st.sampled_from(GDELT_CELLS[n]), noise) if n in GDELT_CELLS else noise for n in FIELDS}
    return pd.DataFrame({n: [draw(cell[n]) for _ in range(rows)] for n in FIELDS}, dtype=object)


@SAME
@given(gdelt_tables())
def test_gdelt_made_up_tables_read_as_before(table):
    from geomap.readers.gdelt import _frame
    from geomap.readers.geomap_files import conform_incidents

    def columnwise(table, *, source):
        return conform_incidents(_frame(table, source), source=source)

    assert_same(outcome(columnwise, table, source="g"), outcome(gdelt_by_rows, table, source="g"))


# --- nested columns read back from text -----------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (['[{"a": 1}]', '[{"a": 1}]', "[]"], [[{"a": 1}], [{"a": 1}], []]),
        ([" [1] ", "\n[2]\n"], [[1], [2]]),  # whitespace around a value: json.loads takes it
        (['["\\ud800"]'], [["\ud800"]]),  # a lone surrogate escaped
        ([None, "[]"], [[], []]),
    ],
)
def test_json_column_parses_as_json_loads(texts, expected):
    from geomap.readers.geomap_files import _json_column

    parsed = _json_column(pd.Series(texts, dtype=object), list)
    assert parsed == expected
    assert len({id(v) for v in parsed}) == len(parsed)  # every row its own container


@pytest.mark.parametrize("text", ["[1] x", "[1], [2]", "[1", "{}", ""])
def test_json_column_refuses_what_json_loads_refuses(text):
    from geomap.readers.geomap_files import _json_column

    with pytest.raises(ValueError):
        _json_column(pd.Series(["[]", text], dtype=object), list)


@SAME
@given(st.lists(st.recursive(st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=4),
                             lambda inner: st.lists(inner, max_size=3)
                             | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=6), max_size=5))  # fmt: skip
def test_json_column_of_made_up_lists_parses_as_json_loads(values):
    # Texts json.dumps writes (NaN, big integers, any text): orjson's results or json.loads' where it refuses.
    import json
    import math

    from geomap.readers.geomap_files import _json_column

    texts = [json.dumps([v]) for v in values] + [json.dumps([v]) for v in values[:2]]  # some repeated
    parsed = _json_column(pd.Series(texts, dtype=object), list)
    # Compared as text again (NaN is not equal to itself), and every row its own container.
    assert [json.dumps(v) for v in parsed] == [json.dumps(json.loads(t)) for t in texts]
    assert len({id(v) for v in parsed}) == len(parsed)
    assert not any(isinstance(x, float) and math.isnan(x) for v in parsed for x in v) or "NaN" in "".join(texts)


# --- CSV read by Arrow or by pandas -------------------------------------------------------------

#: Cells that test where the two parsers could differ: quotes, delimiters and newlines inside cells,
#: blanks, text pandas might take for missing, whitespace str.strip() removes and Arrow may not.
CSV_CELLS = ["", " ", "NA", "nan", "null", "a,b", 'say "hi"', "two\nlines", "cr\r\nlf", "\u3000x", "x\x1c",
             "\u00a0", "é", "1", "1.5"]  # fmt: skip


def _table_csv(rows: list[list[str]], names: list[str], delimiter: str = ",", bom: bool = False) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def _cells(frame: pd.DataFrame) -> list[list[object]]:
    return [[None if pd.isna(v) else v for v in row] for row in frame.astype(object).itertuples(index=False)]


@SAME
@given(
    st.integers(min_value=1, max_value=4).flatmap(
        lambda width: st.lists(st.lists(st.one_of(st.sampled_from(CSV_CELLS), noise), min_size=width,
                                        max_size=width), max_size=5)  # fmt: skip
    ),
    st.sampled_from([",", "\t", ";", "|"]),
    st.booleans(),
)
def test_csv_read_by_arrow_is_the_table_pandas_reads(monkeypatch_module, rows, delimiter, bom):
    from geomap.readers import tables

    width = len(rows[0]) if rows else 3
    names = ["event_id", "notes", "place", "extra"][:width]
    raw = _table_csv(rows, names, delimiter, bom)
    fast = outcome(tables.read_csv, raw, "t.csv")
    with monkeypatch_module.context() as patch:
        patch.setattr(tables, "_read_csv_arrow", lambda *args: None)
        slow = outcome(tables.read_csv, raw, "t.csv")
    if isinstance(slow, Exception):
        assert type(fast) is type(slow) and str(fast) == str(slow)
        return
    assert list(fast.columns) == list(slow.columns)
    assert _cells(fast) == _cells(slow)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize(
    "raw",
    [
        b"a,a,b\n1,2,3\n",  # duplicate names: pandas renames them (a, a.1)
        b"a,,b\n1,2,3\n",  # a blank name: pandas names it
        b"a,b,c\n1,2\n",  # a short row: pandas pads it
        b'"a","b","c"\n1,2,3\n',  # a quoted header
        b"a,b,c\n",  # no rows
    ],
)
def test_csv_arrow_leaves_what_it_reads_differently_to_pandas(raw):
    from geomap.readers import tables

    first = raw.decode().split("\n", 1)[0]
    assert tables._read_csv_arrow(raw, first, ",") is None
    assert isinstance(tables.read_csv(raw, "t.csv"), pd.DataFrame)


def test_csv_of_incident_files_is_read_by_arrow():
    # The fast path is taken on the tables it is for (else the comparisons above would prove nothing).
    from geomap.readers import tables

    for path in ACLED_FILES:
        raw = path.read_bytes()
        first = raw.decode("utf-8-sig").split("\n", 1)[0]
        frame = tables._read_csv_arrow(raw, first, ",")
        assert frame is not None, path.name
        assert all(isinstance(t, pd.StringDtype) and t.storage == "pyarrow" for t in frame.dtypes)
        assert list(frame.columns) == list(tables.read_csv(path, path.name).columns)


def test_texts_of_arrow_text_strip_as_python_does():
    from geomap.readers.columns import texts

    # Each whitespace character alone in a column: Arrow must see it, or the cell would stay unstripped.
    for space in (chr(c) for c in range(0x110000) if chr(c).isspace()):
        for cell in (f"{space}x", f"x{space}", space):
            table = pd.DataFrame({"c": pd.Series(["a", cell, None], dtype="str")})
            assert texts(table, "c") == ["a", cell.strip() or None, None], repr(cell)
    cells = ["a", None, "in side", "\u200bzero-width", "tab\tinside"]  # nothing to strip
    for dtype in (object, "str"):
        assert texts(pd.DataFrame({"c": pd.Series(cells, dtype=dtype)}), "c") == cells
    # Arrow text with nothing to strip is kept as the table's own array, not rebuilt from Python strings.
    from geomap.readers.columns import text_array

    table = pd.DataFrame({"c": pd.Series(cells, dtype="str"), "d": pd.Series([" a", *cells[1:]], dtype="str")})
    assert text_array(table, "c") is table["c"].array
    assert text_array(table, "d") == ["a", *cells[1:]]


@pytest.mark.parametrize("layout", ["acled", "own"])
def test_incident_csv_reads_the_same_by_arrow_or_pandas(layout, tmp_path, monkeypatch):
    from geomap.readers import tables

    path = ACLED_FILES[0]
    if layout == "own":  # geomap's CSV: nested fields as JSON text, .csvt types beside it
        path = write_incidents(read_incidents(path), tmp_path / "own.csv")
    fast = read_incidents(path)
    monkeypatch.setattr(tables, "_read_csv_arrow", lambda *args: None)
    assert_geodataframe_equal(fast, read_incidents(path), check_less_precise=False)


def test_paused_gc_restores_the_collector():
    import gc

    from geomap.readers.columns import paused_gc

    assert gc.isenabled()
    with pytest.raises(KeyError), paused_gc():
        assert not gc.isenabled()
        raise KeyError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
