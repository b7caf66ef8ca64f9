"""End to end on the two sample articles in seeds/, with the real embedded gazetteer.

Expectations are read from the articles themselves (what happened where, by the
text), not from any label file.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

import geomap

SEED_000 = "000_eb4fbddb2020ccc2.txt"
SEED_003 = "003_219506dbb609b7aa.txt"


@pytest.fixture(scope="module")
def gdf(seeds_dir):
    from gazetteer import Gazetteer

    # The data is in the repository: broken data must fail these tests, not skip them.
    return geomap.extract([str(seeds_dir)], gazetteer=Gazetteer())


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _rows(gdf, seed, sub_event_type):
    return gdf[gdf["source"].str.contains(seed, regex=False) & (gdf["sub_event_type"] == sub_event_type)]


def _near(rows, lat, lon, km):
    return rows[[_km(lat, lon, r.latitude, r.longitude) <= km for r in rows.itertuples()]]


def test_battle_in_kursk_oblast_on_publication_day(gdf):
    rows = _near(_rows(gdf, SEED_000, "Armed clash"), 51.7, 36.2, 150)
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["event_date"].date() == date(2024, 12, 18)
    assert row["actor1"] == "Military Forces of Ukraine (2019-)"
    assert len(row["evidence"]) == 2  # the losses and the soldiers killed in the assaults


def test_wounded_soldiers_taken_to_a_hospital_near_moscow(gdf):
    rows = _near(_rows(gdf, SEED_000, "Other"), 55.7, 37.6, 60)
    assert len(rows) == 1
    assert rows.iloc[0]["injured"] == 200
    assert rows.iloc[0]["geo_precision"] == 2  # "near Moscow"


def test_drone_attack_on_moscow(gdf):
    rows = _near(_rows(gdf, SEED_003, "Air/drone strike"), 55.7558, 37.6173, 30)
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["fatalities"], row["injured"]) == (1, 3)
    assert str(row["event_date"]) == "NaT"  # the page is undated: "overnight" gives no date
    assert row["title"] == "Major Ukrainian Drone Strike Targets Moscow, Casualties Reported"
    # "it intercepted a total of 337 drones, with 91 targeting the Moscow region": air
    # defence met the attack where it struck, an event of its own (ACLED: Disrupted weapons use).
    (downed,) = _near(_rows(gdf, SEED_003, "Disrupted weapons use"), 55.7558, 37.6173, 30).itertuples()
    assert downed.quantities == {"drones_intercepted": 337, "drones_targeting": 91}


@pytest.mark.parametrize(("lat", "lon"), [(59.67, 28.3), (44.7239, 37.7708)])
def test_mine_explosions_near_the_two_ports(gdf, lat, lon):
    rows = _near(_rows(gdf, SEED_003, "Remote explosive/landmine/IED"), lat, lon, 30)
    assert len(rows) == 1 and rows.iloc[0]["geo_precision"] == 2


def test_fighting_in_kursk_region_undated(gdf):
    rows = _near(_rows(gdf, SEED_003, "Armed clash"), 51.7, 36.2, 150)
    assert len(rows) == 1 and str(rows.iloc[0]["event_date"]) == "NaT"


def test_transfer_to_north_korea_is_country_level(gdf):
    rows = _rows(gdf, SEED_003, "Other")
    rows = rows[rows["iso"] == "KP"]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["location_kind"] == "country" and row["geo_precision"] == 3
    assert row.geometry.is_empty and math.isnan(row["latitude"])


def test_nothing_in_the_united_states_or_at_non_places(gdf):
    assert not (gdf["iso"] == "US").any()
    assert not gdf["location"].str.lower().isin(["deep state", "echo", "ambrey", "pentagon"]).any()
    assert gdf.loc[gdf["location_kind"] == "country"].geometry.is_empty.all()
