"""The column-wise ``build_payload`` (#13) gives exactly the payload of the row-by-row one.

``tests/reference_payload.py`` is the old function, kept verbatim. Frames here are varied on
purpose: hostile and broken text (markup, ``</script>``, lone surrogates, template syntax),
missing values of every kind, numbers and dates in odd dtypes, mixed-type text columns,
regions with and without polygons, polygons as incident geometry, empty geometries.
"""

from __future__ import annotations

import base64
import gzip
import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import reference_payload
from render_helpers import load_frame
from shapely.geometry import Point, Polygon, box

import geomap.render.data as data_module
from geomap.article import clean_text
from geomap.render.data import BINARY_ENCODING, Column, _numbered, build_payload, decode_payload, encode_payload, script_json

HOSTILE = [
    "<script>alert(1)</script>",
    "</script><!--",
    "{{ 7*7 }} {% if 1 %}x{% endif %}",
    "Bad \ud800 surrogate",
    "Other \udfff one",
    "Ünïcödé — Харків \u2028 line",
    "",
    "  spaced  ",
    "a & b > c",
]


class Regions:
    def geometry(self, place_id):
        return {
            "admin1:RU.41": box(34.1, 50.9, 36.6, 52.4),
            "admin1:UA.05": Polygon([(36, 47), (38.5, 47), (38.5, 49), (36, 49)]),
        }.get(place_id)

    def shapes(self, kind):
        return []


def varied(n: int, seed: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    pick = lambda values: [values[i] for i in rng.integers(0, len(values), n)]  # noqa: E731
    kinds = pick(["city", "city", "admin1", "sea", "country", None])
    lon = rng.uniform(30, 40, n)
    lat = rng.uniform(45, 52, n)
    geoms = []
    for i, kind in enumerate(kinds):
        r = rng.random()
        if kind == "country" or r < 0.05:
            geoms.append(Point() if r < 0.5 else None)
        elif r < 0.1:
            geoms.append(box(lon[i], lat[i], lon[i] + 0.3, lat[i] + 0.2))
        else:
            geoms.append(Point(lon[i], lat[i]))
    columns = {
            "event_id": [f"id{i}" if i % 17 else HOSTILE[i % len(HOSTILE)] for i in range(n)],
            "event_type": pick(["Battles", "Riots", "Protests", "Made-up type", "", None, HOSTILE[0]]),
            "sub_event_type": pick(["Armed clash", None, np.nan] + HOSTILE),
            "event_date": pick([pd.Timestamp("2024-01-05 13:45"), pd.NaT, pd.Timestamp("1969-12-31 23:00"),
                                pd.Timestamp("2024-12-31")]),
            "time_precision": pd.array(pick([1, 2, 3, None]), dtype="Int64"),
            "location": pick(["Pokrovsk", "Kursk", None] + HOSTILE),
            "location_kind": kinds,
            "geo_precision": np.array(pick([1, 2, 3, 3])),
            "place_id": pick(["admin1:RU.41", "admin1:UA.05", "admin1:XX.99", "", None, "gn:1"]),
            "country": pick(["Ukraine", "Russia", None, HOSTILE[3]]),
            "admin1": pick(["Donetsk Oblast", None, "", HOSTILE[4]]),
            "fatalities": np.array(pick([0, 1, 5, 250])),
            "injured": np.array(pick([np.nan, 1.0, 7.9, -2.5])),
            "actor1": pick(["Military Forces of Russia (2000-)", None, "", HOSTILE[1], HOSTILE[3]]),
            "actor2": pick(["Civilians (Ukraine)", None, HOSTILE[2]]),
            "notes": pick(["A note.", None, ""] + HOSTILE),
            "evidence": pick([
                None,
                [{"text": "One sentence."}],
                [{"text": HOSTILE[3]}],
                [{"text": "a"}, {"text": "b"}, {"text": "a"}, {"text": "c"}, {"text": "d"}],
                [{"text": ""}],
                [{"source": "x"}],
                [],
                '[{"text": "from JSON text"}]',
                "[not json",
                [{"text": None}, {"text": 5}],
            ]),
            "quantities": pick([{}, {"drones_launched": 337}, None, '{"shells": 40}', "{bad", {"a_b": None, "c": "x"}]),
            "source": pick(["a.txt", "b.txt", None, HOSTILE[5]]),
            "title": pick(["T", None] + HOSTILE),
            "url": pick(["https://example.org/x", None, "javascript:alert(1)"]),
    }
    # Text columns as Python objects: an Arrow text column cannot hold lone surrogates.
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) if isinstance(v, list) else v for k, v in columns.items()})
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return gpd.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


def frames():
    base = load_frame()
    yield "fixture", base
    yield "fixture-no-gazetteer", base
    for seed in range(4):
        yield f"varied-{seed}", varied(400, seed)
    mixed = varied(200, 9)
    # Text columns that are not all text: numbers, booleans and text together.
    mixed["location"] = mixed["location"].astype(object)
    mixed.loc[::7, "location"] = 1
    mixed.loc[1::7, "location"] = 1.0
    mixed.loc[2::7, "location"] = True
    mixed["fatalities"] = mixed["fatalities"].astype(object)
    mixed.loc[::5, "fatalities"] = "three"
    mixed.loc[1::5, "fatalities"] = None
    mixed["event_date"] = mixed["event_date"].astype(str)
    mixed.loc[::3, "event_date"] = "not a date"
    yield "mixed", mixed
    # Nested columns as JSON text (a reader's nested="text"), in a text dtype and as objects.
    for dtype in ("str", object):
        text = varied(300, 8)
        odd = ["  [ {\"text\": \"spaced\"} ]", "{}", '[{"text": 123456789012345678901234}]', "plain", "[1, 2"]
        text["evidence"] = pd.Series([json.dumps(v) if isinstance(v, list) else v for v in text["evidence"]][:-5] + odd,
                                     dtype=dtype)  # fmt: skip
        quantities = [json.dumps(v) if isinstance(v, dict) else v for v in text["quantities"]]
        quantities[-4:] = [' {"n": 123456789012345678901234}', "[]", "{}", '{"a": NaN}']
        text["quantities"] = pd.Series(quantities, dtype=dtype)
        yield f"json-text-{dtype}", text
    # Text columns as Arrow text (as files are read): no lone surrogates there, missing values NA.
    arrow = varied(300, 11)
    for column in ("event_id", "event_type", "sub_event_type", "location", "location_kind", "place_id", "country",
                   "admin1", "actor1", "actor2", "notes", "source", "title", "url"):  # fmt: skip
        arrow[column] = pd.Series([clean_text(v) if isinstance(v, str) else v for v in arrow[column]], dtype="str")
    yield "arrow-text", arrow
    yield "projected", varied(100, 3).to_crs("EPSG:3857")
    sparse = varied(50, 5)[["event_type", "geometry"]]
    yield "only-required", sparse
    yield "one-row", varied(1, 6)


@pytest.mark.parametrize("name,frame", list(frames()), ids=lambda v: v if isinstance(v, str) else "")
def test_payload_equals_the_row_by_row_build(name, frame):
    gazetteer = None if name == "fixture-no-gazetteer" else Regions()
    new = build_payload(frame, gazetteer=gazetteer)
    old = reference_payload.build_payload(frame, gazetteer=gazetteer)
    assert new.data == old.data
    # Same types too (1 is not 1.0 is not True in the JSON).
    assert json.dumps(new.data, ensure_ascii=False) == json.dumps(old.data, ensure_ascii=False)
    assert new.bounds == old.bounds
    assert [g.wkb for g in new.region_shapes] == [g.wkb for g in old.region_shapes]
    # The binary columns the page reads big maps from give the same JSON back.
    text, encoding = encode_payload(new.columns, binary=True)
    assert encoding == BINARY_ENCODING
    decoded = decode_payload(text, encoding)
    assert decoded == old.data
    assert json.dumps(decoded, ensure_ascii=False, sort_keys=True) == json.dumps(old.data, ensure_ascii=False, sort_keys=True)


def test_script_json_reads_back_as_the_old_encoding():
    data = build_payload(varied(300, 1), gazetteer=Regions()).data
    text, encoding = script_json(data)
    old_text, old_encoding = reference_payload.script_json(data)
    assert encoding == old_encoding == "json"
    assert json.loads(text) == json.loads(old_text)
    assert "<" not in text and ">" not in text and "&" not in text


@pytest.mark.parametrize(
    "values,missing,packed",
    [
        ([5, 5, 6, 7, 7, 8, 9, 10, 10, 11], None, True),  # grows by 0 or 1: stored as steps
        ([3, -7, 250, 0, 2**31 - 1, -(2**31), 12], None, True),  # 32 bits of range
        ([2**40, 2**40 + 3, 2**40 - 9], None, True),
        ([0, 1, 2], [True, True, True], True),
        ([-5, 0, 70000, 9], [False, True, False, False], True),
        ([1, 2**33, 0], None, False),  # beyond 32 bits of range: stays JSON
        ([2**60, 0], [False, False], False),  # beyond what a JavaScript number holds exactly
        ([], None, True),
    ],
)
def test_binary_columns_read_back(values, missing, packed):
    column = Column(np.array(values, dtype=np.int64), None if missing is None else np.array(missing))
    scaled = Column(np.array(values, dtype=np.int64) % 2**31, column.missing, scale=100_000)
    columns = {"c": column, "s": scaled, "A": [[0, 0]], "id": [str(v) for v in values]}
    expected = {"c": column.tolist(), "s": scaled.tolist(), "A": [[0, 0]], "id": [str(v) for v in values]}
    text, encoding = encode_payload(columns, binary=True)
    raw = gzip.decompress(base64.b64decode(text))
    head = json.loads(raw[-4 - int.from_bytes(raw[-4:], "little"):-4])
    assert sorted(head["bin"]) == (["c", "s"] if packed else ["s"])
    decoded = decode_payload(text, encoding)
    assert decoded == expected
    assert json.dumps(decoded, sort_keys=True) == json.dumps(expected, sort_keys=True)


@pytest.mark.parametrize(
    "ids,numbered",
    [
        ([f"{i:08x}" for i in (0, 1, 255, 2**32 - 1)], True),
        ([f"e{i:07d}" for i in (0, 9, 1234567)], True),
        (["UKR9", "UKR10", "UKR123456", "UKR0"], True),
        (["UKR09", "UKR10", "UKR1"], False),  # a leading zero, widths differ
        (["0123456789abcdef", "fedcba9876543210"], False),  # 64 bits
        (["A1", "B2"], False),
        (["x1", "x2", ""], False),
        (["Ab01", "Ab02"], True),
        (["id-ü1", "id-ü2"], False),
        (["1e3", "2e3"], True),  # hexadecimal digits all
    ],
)
def test_ids_of_a_prefix_and_a_number_are_packed_and_read_back(ids, numbered):
    found = _numbered(ids)
    assert isinstance(found, Column) == numbered
    text, encoding = encode_payload({"id": found, "k": Column(np.zeros(len(ids), dtype=np.int64))}, binary=True)
    assert decode_payload(text, encoding)["id"] == ids


def test_long_lists_are_written_a_chunk_at_a_time(monkeypatch):
    frame = varied(400, 7)
    old = reference_payload.build_payload(frame, gazetteer=Regions()).data
    monkeypatch.setattr(data_module, "CHUNK_ROWS", 7)
    columns = build_payload(frame, gazetteer=Regions()).columns
    text, encoding = encode_payload(columns, binary=True)
    assert decode_payload(text, encoding) == old
    text, encoding = script_json(old["ev"])
    assert encoding == "gzip-base64"
    assert json.loads(gzip.decompress(base64.b64decode(text))) == old["ev"]
    assert b"".join(data_module._json_pieces(old)) == data_module._json_bytes(old)


@pytest.mark.parametrize("sizes", [[0], [5, 0, 70_000], [1, 2, 3], [300_000, 10]])
def test_a_gzip_stream_of_parts_reads_back_whole(sizes):
    import zlib

    rng = np.random.default_rng(sum(sizes))
    parts = [[rng.integers(0, 4, size, dtype=np.uint8).tobytes(), b"text " * (size // 10)] for size in sizes]
    strategies = [zlib.Z_RLE, zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_RLE][: len(sizes)]
    packed = data_module._gzip_parts([(iter(part), strategy) for part, strategy in zip(parts, strategies)])
    whole = b"".join(piece for part in parts for piece in part)
    assert gzip.decompress(packed) == whole  # the header, the blocks, the CRC and the length
    assert zlib.decompress(packed, 31) == whole  # one gzip member, nothing after it
