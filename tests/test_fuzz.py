"""Property-based tests: any str or bytes gives a result or the project's own error, in bounded time.

hypothesis generates the inputs; its ``deadline`` is the time bound per example.
Text strategies mix the full Unicode range (NUL, lone surrogates, control
characters, right-to-left marks) with the words geomap reacts to (place names,
event words, numbers, dates, template and HTML syntax), so the code paths
beyond "nothing found" are reached too.
"""

from __future__ import annotations

import html
import os
import string
from datetime import date, timedelta

import geopandas as gpd
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point
from test_render import incident_data

from geomap.article import Article, clean_text
from geomap.errors import GeomapError, InputError
from geomap.analysis.dates import find_date, resolve_date
from geomap.incidents import incidents_from_article
from geomap.ingest import iter_articles
from geomap.ingest.encoding import decode_bytes
from geomap.render import render_map

#: Words that steer the code: places (Latin and Cyrillic, declined), events, counts, dates, markup.
WORDS = [
    "Kharkiv", "Kyiv", "Sumy", "Donetsk", "Kursk region", "Харкові", "Києва", "Курской области", "London",
    "shelling", "strike", "killed", "wounded", "drone", "missile", "protest", "обстріл", "загинули",
    "three", "12", "dozens", "on Tuesday", "yesterday", "12 May 2024", "2024-05-12", "вчора", "15 квітня",
    "{{ 7*7 }}", "{%", "{#", "</script>", "<b>", "&amp;", "\x00", "\ud800", "\u202e", "\n\n", ". ", ", ",
    "Mr.", "Oblast", "village of", "near", "in", "the city of",
]  # fmt: skip

text = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=40).map(" ".join)
any_text = st.one_of(text, st.text(max_size=300))

#: Examples per property; ``GEOMAP_FUZZ_EXAMPLES=5000 make test`` for a deeper run.
EXAMPLES = int(os.environ.get("GEOMAP_FUZZ_EXAMPLES", "150"))

FUZZ = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(any_text)
def test_gazetteer_find_takes_any_str(real_gazetteer, value):
    for mention in real_gazetteer.find(value):
        assert value[mention.start : mention.end] == mention.text
        assert mention.place is not None


@FUZZ
@given(any_text)
def test_gazetteer_lookup_takes_any_str(real_gazetteer, value):
    assert isinstance(real_gazetteer.lookup(value), list)


@FUZZ
@given(any_text, st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_date_resolver_takes_any_str(value, published):
    found, precision = resolve_date(value, published)
    assert found is None or isinstance(found, date)
    found, precision, _kind = find_date(value, published)
    assert found is None or precision in (1, 2, 3)


@FUZZ
@given(any_text, any_text)
def test_extraction_takes_any_text(real_gazetteer, body, title):
    article = Article(text=body, source="fuzz", title=title or None, published=date(2024, 12, 18))
    for incident in incidents_from_article(article, real_gazetteer):
        assert incident.event_type


#: Suffixes that pick each reader, and none (sniffed).
SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".xml", ".rss", ""]

markup = st.lists(
    st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<rss>", "<item>", "<title>", "<description>", "<?xml ",
                     'encoding="', "\xaa", "[", "]", "{", "}", '"text": ', '"', ",", ":", "\n", "<!DOCTYPE x [",
                     "<!ENTITY a ", "&a;", "</"]) | text,
    max_size=40,
).map("".join)  # fmt: skip
any_bytes = st.one_of(
    st.binary(max_size=600),
    markup.map(lambda s: s.encode("utf-8", "surrogatepass")),
    text.map(lambda s: s.encode("cp1251", "replace")),
)


@settings(
    max_examples=EXAMPLES, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=any_bytes, suffix=st.sampled_from(SUFFIXES))
def test_readers_take_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    errors = []
    articles = list(iter_articles([str(path)], on_error=lambda source, err: errors.append(err)))
    assert all(isinstance(err, InputError) for err in errors)
    assert all(isinstance(a.text, str) and a.text for a in articles)
    assert articles or errors  # something is said about every input


#: Bytes that look like incident files: headers and cells of the layouts geomap reads, broken at random.
table = st.lists(
    st.sampled_from(["event_id_cnty,event_date,event_type,country,location,latitude,longitude\n",
                     "event_id,location_kind,place_id,event_date\n", "UKR1,15 April 2022,Battles,Ukraine,Kyiv,",
                     "50.4,30.5\n", "x,,\n", '"', ",", "\t", "\n", "1170000001\t20240415\t", "190\t4\t",
                     '{"type": "FeatureCollection", "features": [', '{"type": "Feature", "properties": {',
                     '"event_id": "a"', "}, \"geometry\": null}", "]}", "SQLite format 3\x00", "PAR1",
                     "PK\x03\x04", "\xaa", "nan", "-1e999"]) | text,
    max_size=40,
).map("".join)  # fmt: skip


@settings(
    max_examples=EXAMPLES, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(any_bytes, table.map(lambda s: s.encode("utf-8", "surrogatepass"))),
    suffix=st.sampled_from([".csv", ".geojson", ".gpkg", ".parquet", ".zip", ".CSV", ""]),
)
def test_incident_readers_take_any_bytes(tmp_path, data, suffix):
    from geomap.readers import read_incidents

    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        gdf = read_incidents(path)
    except InputError as err:
        assert "\n" not in str(err)
    else:
        assert gdf.crs == "EPSG:4326" and gdf["event_id"].notna().all()


@FUZZ
@given(st.binary(max_size=2000))
def test_decoding_takes_any_bytes(data):
    try:
        assert isinstance(decode_bytes(data, "fuzz"), str)
    except GeomapError:
        pass


@settings(max_examples=max(EXAMPLES // 3, 20), deadline=timedelta(seconds=5))
@given(title=any_text, body=any_text, location=any_text)
def test_renderer_shows_any_title_and_text_literally(title, body, location):
    # object columns: with pyarrow installed, pandas' default str dtype cannot hold a lone
    # surrogate at all, so a frame that carries one (the renderer's worst case) is object.
    frame = gpd.GeoDataFrame(
        {
            "event_id": ["a"],
            "event_type": ["Explosions/Remote violence"],
            "event_date": [None],
            "location": pd.Series([location], dtype=object),
            "title": pd.Series([title], dtype=object),
            "notes": pd.Series([body], dtype=object),
            "fatalities": [1],
        },
        geometry=[Point(36.25, 49.98)],
        crs="EPSG:4326",
    )
    page = render_map(frame, title=title).html()
    page.encode("utf-8")  # a page any file can hold
    data = incident_data(page)
    strings = data["S"]
    assert strings[data["ttl"][0]] == clean_text(title) and strings[data["loc"][0]] == clean_text(location)
    assert data["ev"][0] == clean_text(body)
    shown = clean_text(title.strip()) or "Incidents"
    assert f"<title>{html.escape(shown)}</title>" in page


@pytest.mark.parametrize("alphabet", [string.printable, "{}%#<>/'\"\\&"])
def test_template_syntax_alone_never_breaks_a_map(alphabet):
    # Every two-character combination of template and HTML syntax, as title and text.
    pairs = [a + b for a in alphabet for b in alphabet][:2000]
    frame = gpd.GeoDataFrame(
        {"event_type": ["Protests"] * len(pairs), "title": pairs, "notes": pairs, "location": pairs},
        geometry=[Point(30 + i / 1000, 50) for i in range(len(pairs))],
        crs="EPSG:4326",
    )
    page = render_map(frame, title=" ".join(pairs[:50])).html()
    assert page.startswith("<!DOCTYPE html>")
