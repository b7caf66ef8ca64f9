"""A small in-memory gazetteer for extraction tests (imported by the other test_extract* modules).

The real gazetteer (``gazetteer.Gazetteer``) is tested on its own; extraction
tests need places they control, so this one knows a handful of names, finds them
on word boundaries (longest first) and resolves each to one fixed place.
"""

from __future__ import annotations

import re

from gazetteer.model import Mention, Place

PLACES = {
    "country:UA": Place("country:UA", "Ukraine", "country", "UA", None, 49.0, 32.0),
    "country:RU": Place("country:RU", "Russia", "country", "RU", None, 60.0, 100.0),
    "country:KP": Place("country:KP", "North Korea", "country", "KP", None, 40.0, 127.0),
    "country:US": Place("country:US", "United States", "country", "US", None, 39.8, -98.6),
    "country:SA": Place("country:SA", "Saudi Arabia", "country", "SA", None, 25.0, 45.0),
    "admin1:RU.41": Place("admin1:RU.41", "Kursk Oblast", "admin1", "RU", "Kursk Oblast", 51.7, 36.2),
    "admin1:RU.47": Place("admin1:RU.47", "Moscow Oblast", "admin1", "RU", "Moscow Oblast", 55.6, 37.5),
    "admin1:UA.07": Place("admin1:UA.07", "Kharkiv Oblast", "admin1", "UA", "Kharkiv Oblast", 49.6, 36.5),
    "admin1:UA.26": Place("admin1:UA.26", "Zaporizhzhia Oblast", "admin1", "UA", "Zaporizhzhia Oblast", 47.5, 35.8),
    "gn:524901": Place("gn:524901", "Moscow", "city", "RU", "Moscow", 55.7558, 37.6173, 10_000_000, 524901),
    "gn:703448": Place("gn:703448", "Kyiv", "city", "UA", "Kyiv City", 50.4501, 30.5234, 2_800_000, 703448),
    "gn:706483": Place("gn:706483", "Kharkiv", "city", "UA", "Kharkiv Oblast", 49.9935, 36.2304, 1_400_000, 706483),
    "gn:706448": Place("gn:706448", "Kherson", "city", "UA", "Kherson Oblast", 46.6354, 32.6169, 280_000, 706448),
    "gn:698740": Place("gn:698740", "Odesa", "city", "UA", "Odesa Oblast", 46.4825, 30.7233, 1_000_000, 698740),
    "gn:4140963": Place("gn:4140963", "Washington", "city", "US", "Washington, D.C.", 38.8951, -77.0364, 600_000, 4140963),
    "gn:478544": Place("gn:478544", "Ust-Luga", "city", "RU", "Leningrad Oblast", 59.67, 28.3, 2000, 478544),
    "gn:518255": Place("gn:518255", "Novorossiysk", "city", "RU", "Krasnodar Krai", 44.7239, 37.7708, 240_000, 518255),
    "gn:484907": Place("gn:484907", "Tuapse", "city", "RU", "Krasnodar Krai", 44.1053, 39.0802, 60_000, 484907),
    "gn:1": Place("gn:1", "Robotyne", "city", "UA", "Zaporizhzhia Oblast", 47.449, 35.837, 500, 1),
    "gn:2": Place("gn:2", "Minsk", "city", "BY", "Minsk City", 53.9, 27.5667, 2_000_000, 2),
    "country:BY": Place("country:BY", "Belarus", "country", "BY", None, 53.0, 28.0),
    "sea:black-sea": Place("sea:black-sea", "Black Sea", "sea", None, None, 43.0, 34.0),
    "admin1:RU.09": Place("admin1:RU.09", "Belgorod Oblast", "admin1", "RU", "Belgorod Oblast", 50.7, 37.4),
    "admin1:UA.05": Place("admin1:UA.05", "Donetsk Oblast", "admin1", "UA", "Donetsk Oblast", 48.0, 37.8),
    "admin1:UA.08": Place("admin1:UA.08", "Kherson Oblast", "admin1", "UA", "Kherson Oblast", 46.6, 33.5),
    "gn:10": Place("gn:10", "Ocheretyne", "city", "UA", "Donetsk Oblast", 48.2, 37.6, 3000),
    "gn:11": Place("gn:11", "Pokrovsk", "city", "UA", "Donetsk Oblast", 48.28, 37.18, 60_000),
    "gn:12": Place("gn:12", "Belgorod", "city", "RU", "Belgorod Oblast", 50.6, 36.6, 350_000),
}

NAMES = {
    "Ukraine": "country:UA",
    "Russia": "country:RU",
    "North Korea": "country:KP",
    "United States": "country:US",
    "U.S.": "country:US",
    "Saudi Arabia": "country:SA",
    "Belarus": "country:BY",
    "Kursk Oblast": "admin1:RU.41",
    "Kursk region": "admin1:RU.41",
    "Moscow Oblast": "admin1:RU.47",
    "Moscow region": "admin1:RU.47",
    "Kharkiv Oblast": "admin1:UA.07",
    "Zaporizhzhia Oblast": "admin1:UA.26",
    "Zaporizhzhia region": "admin1:UA.26",
    "Moscow": "gn:524901",
    "Kyiv": "gn:703448",
    "Kharkiv": "gn:706483",
    "Kherson": "gn:706448",
    "Odesa": "gn:698740",
    "Washington": "gn:4140963",
    "Ust-Luga": "gn:478544",
    "Novorossiysk": "gn:518255",
    "Tuapse": "gn:484907",
    "Robotyne": "gn:1",
    "Minsk": "gn:2",
    "Black Sea": "sea:black-sea",
    "Belgorod region": "admin1:RU.09",
    "Donetsk Oblast": "admin1:UA.05",
    "Kherson region": "admin1:UA.08",
    "Ocheretyne": "gn:10",
    "Pokrovsk": "gn:11",
    "Belgorod": "gn:12",
}

DEMONYMS = {
    "Ukrainian": "country:UA",
    "Ukrainians": "country:UA",
    "Russian": "country:RU",
    "Russians": "country:RU",
    "North Korean": "country:KP",
    "North Koreans": "country:KP",
    "Belarusian": "country:BY",
}


class FakeGazetteer:
    """Finds the names of :data:`NAMES` and :data:`DEMONYMS` in a text."""

    def __init__(self) -> None:
        names = sorted({**NAMES, **DEMONYMS}, key=len, reverse=True)
        self._pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")

    def find(self, text: str) -> list[Mention]:
        found = []
        for match in self._pattern.finditer(text):
            name = match.group()
            demonym = name in DEMONYMS
            place = PLACES[DEMONYMS[name] if demonym else NAMES[name]]
            found.append(Mention(match.start(), match.end(), name, place, 0.9, "test", demonym))
        return found

    def get(self, place_id: str) -> Place | None:
        return PLACES.get(place_id)

    def geometry(self, place_or_id):
        return None


def test_fake_gazetteer_finds_names_demonyms_and_offsets():
    text = "Ukrainian drones struck Kursk region and Ust-Luga."
    found = FakeGazetteer().find(text)
    assert [(m.text, m.demonym, m.place.kind) for m in found] == [
        ("Ukrainian", True, "country"),
        ("Kursk region", False, "admin1"),
        ("Ust-Luga", False, "city"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)
