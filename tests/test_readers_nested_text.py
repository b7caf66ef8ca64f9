"""Nested columns kept as JSON text (``nested="text"``, what ``geomap map`` reads with, #13).

The frame is the parsed one's once :func:`geomap.readers.parse_nested` parses it, a bad value
is the same error, rows that merge are merged as before, and the map's payload is the same.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_helpers import load_frame, nested_read_errors

from geomap.errors import InputError
from geomap.export import JSON_DEFAULTS, write_incidents
from geomap.load import load_incidents
from geomap.readers import conform_incidents, parse_nested, read_incidents
from geomap.readers.geomap_files import loads_json, loads_json_each
from geomap.render.data import build_payload

SAME = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = [".parquet", ".gpkg", ".csv", ".geojson"]


def incidents() -> gpd.GeoDataFrame:
    """The map fixture's incidents plus rows with awkward nested values."""
    frame = conform_incidents(load_frame())
    extra = frame.iloc[[0, 3, 0, 3]].copy()
    extra["event_id"] = ["x1", "x2", "x3", "x4"]
    extra["evidence"] = [
        [{"source": "a.txt", "text": "One."}, {"source": "b.txt", "text": "Two."}, {"source": "a.txt", "text": "One."}],
        [{"source": "s.txt", "text": "Ünïcödé — Харків \u2028 </script>"}],
        [{"source": "n.txt", "text": 12345678901234567890123}],  # beyond 64 bits
        [{"source": "e.txt"}],
    ]
    extra["quantities"] = [{"drones_launched": 12345678901234567890123}, {"a_b": 1.5, "c": None}, {}, {"shells": 40}]
    return conform_incidents(gpd.GeoDataFrame(pd.concat([frame, extra], ignore_index=True), crs="EPSG:4326"))


@pytest.fixture(scope="module", params=SUFFIXES)
def written(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("nested") / f"incidents{request.param}"
    return write_incidents(incidents(), path)


def test_text_columns_parse_into_the_frame_read_as_objects(written):
    parsed = read_incidents(written)
    text = read_incidents(written, nested="text")
    if written.suffix == ".geojson":  # GeoJSON's properties are parsed JSON already: nothing to keep
        assert_geodataframe_equal(text, parsed)
        return
    for column in JSON_DEFAULTS:
        assert text[column].dtype == "str" and all(isinstance(v, str) for v in text[column])
    assert_geodataframe_equal(text.drop(columns=list(JSON_DEFAULTS)), parsed.drop(columns=list(JSON_DEFAULTS)))
    assert_geodataframe_equal(parse_nested(text), parsed)


def test_the_map_payload_is_the_same(written):
    parsed = build_payload(load_incidents([str(written)]))
    text = build_payload(load_incidents([str(written)], nested="text"))
    assert text.data == parsed.data
    assert json.dumps(text.data, ensure_ascii=False) == json.dumps(parsed.data, ensure_ascii=False)
    assert "Ünïcödé — Харків \u2028 </script>" in text.data["ev"]  # the awkward rows did go through


def test_rows_that_merge_are_merged_from_parsed_values(tmp_path):
    # The same incidents in two files: their rows merge, and merging reads the nested values.
    frame = incidents()
    frame.at[frame.index[frame["event_id"] == "x2"][0], "quantities"] = {"a_b": 1.5}  # (two None counts fail to merge, as before)
    first = write_incidents(frame, tmp_path / "a.parquet")
    second = write_incidents(frame, tmp_path / "b.gpkg")
    parsed = load_incidents([str(first), str(second)])
    text = load_incidents([str(first), str(second)], nested="text")
    assert len(parsed) <= len(frame) < 2 * len(frame)
    assert any(len(v) > 1 for v in parsed["evidence"])  # merged: both files' evidence
    assert_geodataframe_equal(text, parsed)
    apart = load_incidents([str(first), str(second)], nested="text", merge=False)
    assert_geodataframe_equal(parse_nested(apart), load_incidents([str(first), str(second)], merge=False))


def test_files_and_articles_merge_as_before(tmp_path):
    # Text columns of a file and objects of extracted incidents, in one frame, merged.
    from conftest import SEEDS

    frame = incidents()
    frame.at[frame.index[frame["event_id"] == "x2"][0], "quantities"] = {"a_b": 1.5}
    inputs = [str(write_incidents(frame, tmp_path / "a.parquet")), str(SEEDS)]
    parsed = load_incidents(inputs)
    text = load_incidents(inputs, nested="text")
    assert any(len(v) > 1 for v in parsed["evidence"])  # the file's rows merged with the articles'
    assert_geodataframe_equal(text, parsed)


@pytest.mark.parametrize(
    ("column", "value"),
    [("evidence", "[1"), ("evidence", "{}"), ("evidence", ""), ("quantities", "[]"), ("quantities", "{bad"),
     ("evidence", "[" * 100_000 + "]" * 100_000)],  # fmt: skip
    ids=["broken", "dict-for-list", "empty", "list-for-dict", "broken-dict", "deep"],
)
def test_bad_nested_text_is_the_same_error(tmp_path, column, value):
    frame = incidents()
    frame[column] = frame[column].astype(object)
    frame.loc[2, column] = value  # written as it is: text in a JSON column
    path = write_incidents(frame, tmp_path / "bad.parquet")
    errors = nested_read_errors(path)
    assert errors[0] == errors[1]
    assert "evidence" in errors[0] or "quantities" in errors[0] or "nested too deeply" in errors[0]


def test_missing_nested_text_reads_as_the_empty_value(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = write_incidents(incidents(), tmp_path / "missing.parquet")
    table = pq.read_table(path)
    for column in JSON_DEFAULTS:  # missing in the file (another tool's), not "{}" or "[]"
        values = table.column(column).to_pylist()
        values[1] = values[4] = None
        table = table.set_column(table.column_names.index(column), column, pa.array(values, pa.large_string()))
    pq.write_table(table, path)
    text = read_incidents(path, nested="text")
    assert text["quantities"].isna().sum() == 2 and text["evidence"].isna().sum() == 2
    parsed = read_incidents(path)
    assert parsed.loc[1, "quantities"] == {} and parsed.loc[4, "evidence"] == []
    assert_geodataframe_equal(parse_nested(text), parsed)
    assert build_payload(text).data == build_payload(parsed).data


def test_nested_must_be_a_known_mode():
    with pytest.raises(ValueError, match="nested must be one of"):
        conform_incidents(incidents(), nested="lazy")


@SAME
@given(
    st.lists(
        st.one_of(
            st.recursive(st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=4),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                       max_size=3),
                         max_leaves=6).map(json.dumps),
            st.from_regex(r"\[[0-9]{15,22}\]", fullmatch=True),  # runs of digits about 19 long
            st.text(alphabet="[]{}0123456789,.e- \"\n", max_size=30),  # mostly not JSON
        ),
        max_size=12,
    ),
    st.integers(1, 5),
)
def test_loads_json_each_gives_loads_json_of_each(texts, chunk):
    import geomap.readers.geomap_files as geomap_files

    def outcome(parse):
        try:
            return ("ok", json.dumps(parse(), sort_keys=True))
        except (ValueError, RecursionError) as err:
            return ("error", type(err))

    saved = geomap_files._CHECK_ROWS
    geomap_files._CHECK_ROWS = chunk  # chunk boundaries anywhere in the list
    try:
        each = outcome(lambda: loads_json_each(texts))
    finally:
        geomap_files._CHECK_ROWS = saved
    one_by_one = outcome(lambda: [loads_json(t) for t in texts])
    assert each == one_by_one
    if each[0] == "ok":  # and loads_json is json.loads (big integers stay integers)
        assert each == outcome(lambda: [json.loads(t) for t in texts])


def test_a_geopackage_read_in_batches_is_the_frame_read_whole(tmp_path, monkeypatch):
    import pyogrio

    import geomap.readers.tables as tables

    path = write_incidents(incidents(), tmp_path / "batches.gpkg")
    monkeypatch.setattr(tables, "GPKG_BATCH_ROWS", 3)
    in_batches = tables.read_gpkg(path, "batches.gpkg")
    meta, table = pyogrio.read_arrow(path, layer=tables.GPKG_LAYER)  # all at once, as before #13's part 3
    whole = tables._arrow_frame(tables._settled(table), meta)
    assert len(in_batches) == len(incidents()) > 3
    assert_geodataframe_equal(in_batches, whole)
    for column in JSON_DEFAULTS:  # GDAL's JSON type read as its text
        assert in_batches[column].dtype == "str"
