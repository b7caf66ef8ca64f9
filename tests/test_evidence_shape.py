"""Evidence of the usual shape is read without being parsed (#13: a million sentences were parsed
twice, once by the reader's check and once by the map).

:data:`geomap.readers.geomap_files.EVIDENCE_SHAPE` must only ever take texts that ``json.loads``
parses into one entry with that text, and the map must show the same popups either way.
"""

from __future__ import annotations

import json

import geopandas as gpd
import orjson
import pandas as pd
import pytest
import reference_payload
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

import geomap.readers.geomap_files as geomap_files
import geomap.render.data as data_module
from geomap.errors import InputError
from geomap.export import write_incidents
from geomap.readers import conform_incidents, read_incidents
from geomap.readers.geomap_files import shaped_evidence_texts
from geomap.render.data import build_payload

SAME = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that JSON must escape, that HTML must not see raw, and plain text.
AWKWARD = st.sampled_from(
    ['"', "\\", "\n", "\x00", "\x1f", "\x7f", "</script>", "\u2028", "Харків", "😀", "é", " ", "a", ""]
)
TEXTS = st.lists(st.one_of(AWKWARD, st.text(max_size=3)), max_size=5).map("".join)
OFFSETS = st.one_of(st.none(), st.integers(-(2**64), 2**64), st.floats(allow_nan=False), st.just(True))


def entry():
    return st.fixed_dictionaries(
        {"source": st.one_of(TEXTS, st.none()), "text": st.one_of(TEXTS, st.none(), st.integers())},
        optional={"start": OFFSETS, "end": OFFSETS, "other": TEXTS},
    )


def spellings(value) -> list[str]:
    """``value`` as geomap writes it (orjson), as json.dumps writes it, and mangled a little."""
    compact = orjson.dumps(value).decode() if _orjson_can(value) else json.dumps(value, separators=(",", ":"))
    return [compact, json.dumps(value), json.dumps(value, ensure_ascii=False, separators=(",", ":")),
            compact + "\n", " " + compact, compact[:-1], compact.replace(',"text"', ',"text","text"', 1),
            compact.replace('"source"', '"text"', 1)]  # fmt: skip


def _orjson_can(value) -> bool:
    try:
        orjson.dumps(value)
    except orjson.JSONEncodeError:
        return False
    return True


@SAME
@given(st.lists(entry(), max_size=2))
@example([{"source": "a.txt", "text": "Харків </script> \u2028 😀", "start": 1, "end": 5}])
@example([{"source": "a.txt", "text": "x", "start": None, "end": 10**18 - 1}])
@example([{"source": "a.txt", "text": 'say "x"'}])
def test_a_shaped_text_is_what_parsing_gives(value):
    texts = spellings(value)
    found = shaped_evidence_texts(pd.Series(texts, dtype="str"))
    for text, shaped in zip(texts, found):
        if shaped is None:
            continue
        parsed = json.loads(text)  # never a text json.loads refuses
        assert type(parsed) is list and len(parsed) == 1 and type(parsed[0]) is dict
        assert parsed[0]["text"] == shaped
    # The usual value, as geomap writes it, is taken.
    if _usual(value):
        assert found[0] == value[0]["text"]


def _usual(value) -> bool:
    """One entry of source and text (and both offsets), texts with nothing to escape, offsets in 64 bits."""
    if len(value) != 1 or list(value[0]) not in (["source", "text"], ["source", "text", "start", "end"]):
        return False
    entry = value[0]
    plain = all(type(entry[k]) is str and not any(c in entry[k] for c in '"\\' + "".join(map(chr, range(32))))
                for k in ("source", "text"))  # fmt: skip
    offsets = [entry.get(k) for k in ("start", "end")]
    return plain and all(v is None or type(v) is int and abs(v) < 10**18 for v in offsets)


def test_a_column_that_is_not_arrow_text_is_not_shaped():
    texts = ['[{"source":"a","text":"b"}]']
    assert shaped_evidence_texts(pd.Series(texts, dtype=object)) is None
    assert shaped_evidence_texts(pd.Series(texts, dtype=pd.StringDtype("python"))) is None
    assert shaped_evidence_texts(pd.Series(texts, dtype="str")) == ["b"]


EVIDENCE = [
    [{"source": "a.txt", "text": "Plain sentence.", "start": 3, "end": 18}],
    [{"source": "a.txt", "text": "No offsets."}],
    [{"source": "a.txt", "text": "Null offsets.", "start": None, "end": None}],
    [{"source": "s.txt", "text": "Ünïcödé — Харків \u2028 </script> & <b>"}],
    [{"source": "q.txt", "text": 'A "quoted" \\ text\nwith a newline'}],  # escapes: parsed
    [{"source": "e.txt", "text": ""}],  # no text: the notes
    [{"source": "e.txt"}],
    [{"source": "a.txt", "text": "One."}, {"source": "b.txt", "text": "Two."}, {"source": "a.txt", "text": "One."}],
    [{"source": "n.txt", "text": "Big offset.", "start": 12345678901234567890123, "end": 1}],
    [],
]


def frame_with_evidence(texts: list) -> gpd.GeoDataFrame:
    n = len(texts)
    return gpd.GeoDataFrame(
        {"event_type": ["Battles"] * n, "notes": [f"Note {i}." for i in range(n)],
         "evidence": pd.Series(texts, dtype="str")},
        geometry=[Point(36 + i / 10, 48) for i in range(n)], crs="EPSG:4326",
    )  # fmt: skip


def test_evidence_read_unparsed_gives_the_same_popups(monkeypatch):
    texts = [json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in EVIDENCE]
    texts += ['[{"source": "spaced.txt", "text": "Spaced."}]', "[not json", None, '[{"source":"c","text":"ctl\x01"}]']
    frame = frame_with_evidence(texts)
    parsed = []
    real = data_module._parsed_evidences
    monkeypatch.setattr(data_module, "_parsed_evidences", lambda values: parsed.extend(values) or real(values))
    new = build_payload(frame).data
    assert new == reference_payload.build_payload(frame).data
    assert new["ev"][:4] == [v[0]["text"] for v in EVIDENCE[:4]]
    assert new["ev"][5] == "Note 5."  # an empty text: the note, as before
    # Only the rows not of the usual shape were parsed.
    assert {t for t in parsed if type(t) is str} == {t for t in texts[4:] if t is not None}


def test_a_file_of_shaped_evidence_is_checked_without_parsing_it(tmp_path, monkeypatch):
    from render_helpers import load_frame

    frame = conform_incidents(load_frame())
    frame["evidence"] = [[{"source": f"{i}.txt", "text": f"Sentence {i}.", "start": i, "end": i + 12}]
                         for i in range(len(frame))]  # fmt: skip
    frame.at[1, "evidence"] = [{"source": "x.txt", "text": "Two"}, {"source": "y.txt", "text": "entries"}]
    path = write_incidents(frame, tmp_path / "shaped.parquet")
    loaded = []
    real = geomap_files._each_loaded
    monkeypatch.setattr(geomap_files, "_each_loaded", lambda texts: loaded.extend(texts) or real(texts))
    text = read_incidents(path, nested="text")
    assert [t for t in loaded if "Sentence" in t] == []  # the shaped rows: matched, not parsed
    assert any("entries" in t for t in loaded)
    assert build_payload(text).data == build_payload(read_incidents(path)).data


@pytest.mark.parametrize(
    "bad", ['[{"source":"a","text":"b"}', '{"source":"a","text":"b"}', '[{"source":"a","text":"b"}] x']
)
def test_a_broken_value_beside_shaped_ones_is_the_same_error(tmp_path, bad):
    from render_helpers import load_frame, nested_read_errors

    frame = conform_incidents(load_frame())
    frame["evidence"] = [orjson.dumps([{"source": "a.txt", "text": f"S{i}."}]).decode() for i in range(len(frame))]
    frame.loc[2, "evidence"] = bad
    path = write_incidents(frame, tmp_path / "bad.parquet")
    errors = nested_read_errors(path)
    assert errors[0] == errors[1] and "evidence" in errors[0]
