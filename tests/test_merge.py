"""Merging across articles (geomap.merge): the same event is one incident, distinct events never are."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gazetteer.model import Place
from geomap.incidents import Incident
from geomap.merge import MERGE_DISTANCE_KM, km, merge_incidents

KHARKIV_OBLAST = Place("admin1:UA.07", "Kharkiv Oblast", "admin1", "UA", None, 49.5, 36.5, 2_600_000, None, "ADM1")
LUHANSK_OBLAST = Place("admin1:UA.14", "Luhansk Oblast", "admin1", "UA", None, 48.7, 39.1, 2_100_000, None, "ADM1")


def place(place_id, lat, lon, *, admin1="Kharkiv Oblast", population=1000, kind="city"):
    return Place(place_id, place_id, kind, "UA", admin1, lat, lon, population, None, "PPL")


def stub(where, article, *, day=date(2024, 3, 1), kind="Explosions/Remote violence", sub="Air/drone strike",
         actor1=None, killed=None):  # fmt: skip
    return Incident(
        kind, sub, "Political violence", where, 3 if where.kind == "admin1" else 1, day, 1 if day else None,
        actor1=actor1, fatalities=killed, sources=[article], article_key=article,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        # straddling a line of the index's 0.1-degree grid
        ((50.0499, 36.3), (50.1001, 36.3), False),  # 5.6 km
        ((50.0999, 36.3), (50.1399, 36.3), True),  # 4.4 km
        ((50.2, 36.0999), (50.2, 36.1599), True),
        # across the antimeridian and near the pole, where a grid cell is narrow
        ((-16.0, 179.98), (-16.0, -179.99), True),
        ((78.2, 15.6), (78.2, 15.78), True),
        ((78.2, 15.6), (78.2, 15.9), False),
    ],
)
def test_points_within_a_few_km_are_one_across_grid_cells(a, b, merged):
    first, second = stub(place("p1", *a), "one"), stub(place("p2", *b), "two")
    assert (km(first.place, second.place) <= MERGE_DISTANCE_KM) == merged  # the case is what it says
    assert len(merge_incidents([first, second])) == (1 if merged else 2)


def test_merging_is_not_transitive():
    # A chain of villages 4 km apart: each near the next, the ends 16 km apart.
    villages = [stub(place(f"v{i}", 49.9 + 0.036 * i, 36.3), f"article{i}") for i in range(5)]
    out = merge_incidents(villages)
    assert len(out) >= 3
    for incident in out:
        places = [e for e in villages if e.sources[0] in incident.sources]
        assert max(km(a.place, b.place) for a in places for b in places) <= MERGE_DISTANCE_KM


def test_a_region_report_joins_its_one_village_only():
    village = stub(place("kupiansk", 49.71, 37.61), "a")
    region = stub(KHARKIV_OBLAST, "b", killed=2)
    (one,) = merge_incidents([region, village])
    assert one.place.id == "kupiansk" and one.sources == ["b", "a"]
    # Two candidate villages in the region: the region-level report stays apart.
    other = stub(place("izium", 49.21, 37.26), "c")
    out = merge_incidents([region, village, other])
    assert sorted(i.place.id for i in out) == ["admin1:UA.07", "izium", "kupiansk"]


def test_a_region_never_chains_villages_of_many_articles():
    # 39 villages in one oblast, and 16 region-level reports of the same day: never one incident.
    villages = [stub(place(f"v{i}", 48.5 + 0.1 * (i % 13), 38.5 + 0.1 * (i // 13), admin1="Luhansk Oblast"), f"v{i}")
                for i in range(39)]  # fmt: skip
    regions = [stub(LUHANSK_OBLAST, f"r{i}") for i in range(16)]
    out = merge_incidents(regions[:8] + villages + regions[8:])
    assert len([i for i in out if i.place.kind == "city"]) == 39
    assert sum(len(i.sources) for i in out) == 55


def test_dates_must_be_close_to_every_member():
    days = [stub(place("p", 50.0, 36.2), f"a{i}", day=date(2024, 3, 1) + timedelta(days=i)) for i in range(3)]
    out = merge_incidents(days)
    assert len(out) == 2  # day 0 and 1 are one; day 2 is not within a day of day 0


def test_different_sides_are_different_events():
    ukrainian = stub(place("p", 50.0, 36.2), "a", actor1="Military Forces of Ukraine (2019-)")
    russian = stub(place("p", 50.0, 36.2), "b", actor1="Military Forces of Russia (2000-)")
    unknown = stub(place("p", 50.0, 36.2), "c")
    out = merge_incidents([ukrainian, russian, unknown])
    assert len(out) == 2 and sorted(len(i.sources) for i in out) == [1, 2]


def test_undated_incidents_of_different_articles_stay_apart():
    assert len(merge_incidents([stub(place("p1", 50.0, 36.2), f"{i}", day=None) for i in range(3)])) == 3
    (one,) = merge_incidents([stub(place("p1", 50.0, 36.2), f"{i}") for i in range(3)])
    assert one.sources == ["0", "1", "2"]


def test_a_null_quantity_of_a_file_gives_way_to_a_known_one():
    a, b = stub(place("p", 50.0, 36.2), "a"), stub(place("p", 50.0, 36.2), "b")
    a.quantities.update({"drones": None, "missiles": 4})
    b.quantities.update({"drones": 12, "missiles": None})
    (one,) = merge_incidents([a, b])
    assert one.quantities == {"drones": 12, "missiles": 4}


def test_counts_are_the_lowest_reported_and_the_id_the_smallest():
    a, b = stub(place("p", 50.0, 36.2), "a", killed=5), stub(place("p", 50.0, 36.2), "b", killed=3)
    (one,) = merge_incidents([a, b])
    assert one.fatalities == 3
    assert one.event_id == min(a.event_id, b.event_id)
    (again,) = merge_incidents([stub(place("p", 50.0, 36.2), "b", killed=3), stub(place("p", 50.0, 36.2), "a", killed=5)])
    assert again.event_id == one.event_id  # whatever the order of the inputs


def test_the_same_article_twice_is_one_incident():
    first, again = stub(place("p", 50.0, 36.2), "sha1:abc"), stub(place("p", 50.0, 36.2), "sha1:abc")
    again.sources = ["copy/of/it.txt"]
    (one,) = merge_incidents([first, again])
    assert one.sources == ["sha1:abc", "copy/of/it.txt"]


@pytest.mark.parametrize("order", [1, -1])
def test_merged_incident_keeps_the_smaller_of_two_towns_equally_near(order):
    town = stub(place("town", 48.28, 37.18, population=60_000), "one")
    village = stub(place("village", 48.26, 37.17, population=300), "two")
    (one,) = merge_incidents([town, village][::order])
    assert one.place.id == "village"
    assert sorted(one.sources) == ["one", "two"]


def test_strategic_developments_of_different_sub_types_stay_apart():
    arrest = stub(place("p", 50.0, 36.2), "a", kind="Strategic developments", sub="Arrests")
    deployment = stub(place("p", 50.0, 36.2), "b", kind="Strategic developments", sub="Other")
    assert len(merge_incidents([arrest, deployment])) == 2


def test_a_region_with_an_outline_holds_only_what_lies_inside_it(real_gazetteer):
    from geomap.merge import contains

    zamfara = real_gazetteer.find("in Zamfara State")[0].place
    batsari = real_gazetteer.find("in Batsari")[0].place  # Katsina State, within 150 km of Zamfara's label point
    gusau = real_gazetteer.find("in Gusau")[0].place  # Zamfara's capital
    assert not contains(zamfara, batsari, real_gazetteer, radius_km=150)
    assert contains(zamfara, gusau, real_gazetteer, radius_km=150)


# --- rows of incident files: the column-wise way when nothing can merge ----------------------------------

DATASETS = __import__("pathlib").Path(__file__).parent / "data" / "datasets"


def _file_rows():
    """ACLED's and GDELT's sample rows, with values the row-by-row merge rewrites."""
    import pandas as pd

    from geomap.readers import read_incidents

    frames = [read_incidents(DATASETS / "acled_2024.csv"), read_incidents(DATASETS / "20240417.export.CSV")]
    gdf = frames[0].__class__(pd.concat(frames, ignore_index=True), crs="EPSG:4326")
    gdf.loc[0, "source"] = "Ukrinform; ; Suspilne; "
    gdf.loc[1, "title"] = ""
    gdf.loc[2, "geo_precision"] = 0
    gdf.loc[3, "event_date"] = None
    keys = ["dataset:acled"] * len(frames[0]) + ["url:" + str(u) for u in frames[1]["url"]]
    return gdf, keys


@pytest.mark.parametrize("shift_days", [0, 400])
def test_rows_that_cannot_merge_give_what_the_row_by_row_merge_gives(monkeypatch, shift_days):
    import pandas as pd
    from geopandas.testing import assert_geodataframe_equal

    import geomap.merge as merge

    gdf, keys = _file_rows()
    # 400 days apart nothing of ACLED's can meet GDELT's; on the same days it may (the row-by-row way).
    gdelt = [k.startswith("url:") for k in keys]
    gdf.loc[gdelt, "event_date"] = gdf.loc[gdelt, "event_date"] + pd.Timedelta(days=shift_days)
    fast_groups, slow_groups = [], []
    fast = merge.merge_frame(gdf, keys=keys, groups=fast_groups)
    assert merge._nothing_merges(gdf, keys) is (shift_days == 400)
    monkeypatch.setattr(merge, "_nothing_merges", lambda gdf, keys: False)
    slow = merge.merge_frame(gdf, keys=keys, groups=slow_groups)
    assert_geodataframe_equal(fast, slow)
    assert fast_groups == slow_groups and len(fast_groups) == len(fast)  # what each row holds (the store's)
    assert fast.loc[0, "source"] == "Ukrinform; Suspilne" and pd.isna(fast.loc[1, "title"])
    assert fast.loc[2, "geo_precision"] == 1


def test_one_files_rows_never_merge_and_an_event_read_twice_still_does():
    gdf, keys = _file_rows()
    from geomap import merge

    acled = keys.count("dataset:acled")
    assert merge._nothing_merges(gdf.iloc[:acled], keys[:acled])
    twice = gdf.iloc[[0, 1, 0]].reset_index(drop=True)
    assert not merge._nothing_merges(twice, keys[:3])
    assert len(merge.merge_frame(twice, keys=keys[:3])) == 2
