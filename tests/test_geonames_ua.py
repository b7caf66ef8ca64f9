"""GeoNames' Ukraine dump in the embedded data (#9, #10): villages at their points, rivers and facilities.

The build step (``gazetteer/build/geonames_ua.py``) is tested on rows made for the
tests; the embedded data on the places the dump adds.
"""

from __future__ import annotations

import pytest

from gazetteer.build import geonames_ua
from gazetteer.build.build import main as build_main
from gazetteer.build.build import usable_alternate
from gazetteer.build.geonames_ua import Row

# -- the build step ----------------------------------------------------------------------------


def _row(name, alternates, code, gid=1, feature_class="H"):
    return Row(gid, name, name, alternates, 47.0, 35.0, feature_class, code, "26", 0)


def test_a_rivers_names_are_its_spellings_and_phrasings_with_river():
    row = _row("Dnieper", ["Borysthenes", "Dnipro", "Dnepr", "Дніпро", "Днепр", "dnipro", "DNP"], "STM")
    names = dict(geonames_ua.feature_names(row, usable_alternate))
    # a name in another language ("Borysthenes"), lower-case machine forms and codes are left out
    assert names == {"Dnieper": True, "Dnieper River": True, "Dnipro": False, "Dnipro River": False,
                     "Dnepr": False, "Dnepr River": False, "Дніпро": False, "Днепр": False}  # fmt: skip


def test_features_other_than_rivers_keep_no_bare_name():
    port = dict(geonames_ua.feature_names(_row("Yalta", [], "PRT", feature_class="L"), usable_alternate))
    assert set(port) == {"Port of Yalta", "Yalta port", "Yalta seaport"}  # never "Yalta", the town's
    island = dict(geonames_ua.feature_names(_row("Ostriv Khortytsia", ["Острів Хортиця"], "ISL", feature_class="T"),
                                            usable_alternate))  # fmt: skip
    assert set(island) == {"Ostriv Khortytsia", "Khortytsia Island", "Острів Хортиця"}
    reservoir = _row("Kremenchutske Vodoskhovyshche", ["Kremenchuk Reservoir", "Kremenchuts'ke", "Lago di Kremenchuk"], "RSV")
    # an English name with the type word is kept though it spells no main name; a bare adjective is not
    assert set(dict(geonames_ua.feature_names(reservoir, usable_alternate))) == {
        "Kremenchutske Vodoskhovyshche", "Kremenchuk Reservoir"}  # fmt: skip


def test_a_river_is_notable_when_many_languages_name_it():
    assert geonames_ua.notable_river(_row("Dnieper", [f"Dnepr{c}" for c in "abcdefgh"], "STM"), usable_alternate)
    assert not geonames_ua.notable_river(_row("Vovcha", ["Вовча", "Volch'ya"], "STM"), usable_alternate)


def test_the_dump_is_read_with_the_import_parser(tmp_path):
    line = "\t".join(["695586", "Robotyne", "Robotyne", "Rabotino,Роботине", "47.44781", "35.837", "P", "PPL", "UA", "",
                      "26", "", "", "", "480", "", "80", "Europe/Kyiv", "2024-01-01"])  # fmt: skip
    shop = line.replace("695586", "1").replace("\tP\tPPL\t", "\tS\tSHOP\t")
    path = tmp_path / "UA.txt"
    path.write_text(line + "\n" + shop + "\n", encoding="utf-8")
    (row,) = geonames_ua.read_dump(path)
    assert (row.gid, row.code, row.admin1, row.population, row.alternates) == (695586, "PPL", "26", 480,
                                                                              ["Rabotino", "Роботине"])  # fmt: skip


def test_the_build_needs_the_dump(capsys, tmp_path):
    with pytest.raises(SystemExit) as err:
        build_main(["--out", str(tmp_path)])
    assert err.value.code == 2
    message = capsys.readouterr().err
    assert "--geonames-ua: required" in message and "pikytkin/Zemlevlasnyk" in message
    assert not list(tmp_path.iterdir())


# -- the embedded data ---------------------------------------------------------------------------


def _place(gaz, text, surface):
    (mention,) = [m for m in gaz.find(text) if m.text == surface]
    return mention.place


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("A drone hit a dam on the Kremenchuk Reservoir.", "Kremenchuk Reservoir", "RSV"),
        ("Сили оборони висадилися на острові Хортиця, Острів Хортиця закрито.", "Острів Хортиця", "ISL"),
        ("Shelling damaged the Zuevskaya GRES overnight.", "Zuevskaya GRES", "PS"),
        ("Drones attacked the Podilskyi Bridge in Kyiv.", "Podilskyi Bridge", "BDG"),
        ("A missile struck the Port of Izmayil.", "Port of Izmayil", "PRT"),
    ],
)
def test_features_of_the_dump_are_found_by_their_names(real_gazetteer, text, surface, code):
    place = _place(real_gazetteer, text, surface)
    assert (place.kind, place.feature_code, place.country) == ("other", code, "UA")
    assert place.id.startswith("gn:")


def test_the_hand_kept_facilities_stay(real_gazetteer):
    # GeoNames has Snake Island and the Zaporizhzhia plant too; the hand-kept entries, with the
    # names news use, are kept instead of them.
    assert _place(real_gazetteer, "Ukrainian troops landed on Snake Island.", "Snake Island").id == "facility:snake-island"
    assert _place(real_gazetteer, "Shelling near the Zaporizhzhia NPP.", "Zaporizhzhia NPP").feature_code == "PSN"
    text = "Каховське водосховище обміліло."
    assert _place(real_gazetteer, text, "Каховське водосховище").id == "facility:kakhovka-reservoir"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Вибух пролунав у Дніпрі.", "Дніпрі"),
        ("Взрыв прогремел в Днепре.", "Днепре"),
        ("A missile hit Dnipro on Monday.", "Dnipro"),
        ("Ukrainian forces hold the left bank of the Dnipro; in Dnipro, sirens sounded.", "Dnipro"),
    ],
)
def test_the_city_keeps_its_name_without_a_river_word(real_gazetteer, text, surface):
    mentions = [m for m in real_gazetteer.find(text) if m.text == surface]
    assert mentions[-1].place.name == "Dnipro" and mentions[-1].place.kind == "city"
    if len(mentions) == 2:  # the same name beside a river word, in the same text, is the river
        assert mentions[0].place.feature_code == "STM"


def test_a_small_river_needs_its_river_word(real_gazetteer):
    # "Вовча"/"Vovcha" are streams (and villages) of GeoNames: alone, no river; with its type word, one
    assert not [m for m in real_gazetteer.find("Вовча — гарне слово.") if m.place.kind == "other"]
    place = _place(real_gazetteer, "Russian troops reached the Vovcha River near Vovchansk.", "Vovcha River")
    assert (place.kind, place.feature_code) == ("other", "STM")


def test_a_village_of_the_dump_needs_evidence(real_gazetteer):
    # Popiv Yar has no namesake; alone in an English text it is still a village of 200 people
    assert [m.place.name for m in real_gazetteer.find("Popiv Yar was shelled, Donetsk Oblast officials said.")][:1] == [
        "Popiv Yar"
    ]
    # "Lozove" of cities500 (1,889 people) may be named alone; its 20 namesakes of the dump may not
    assert [m.place.id for m in real_gazetteer.find("Lozove was quiet.")] == ["gn:702741"]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled Ukrainian positions on the left bank of the Dnipro on 3 March 2024.",
        "Окупанти обстріляли позиції ЗСУ на правому березі Дніпра 3 березня 2024 року.",
        "Оккупанты обстреляли позиции ВСУ на правом берегу Днепра 3 марта 2024 года.",
    ],
)
def test_an_incident_on_a_rivers_bank_is_on_the_river_at_region_precision(real_gazetteer, text):
    from datetime import date

    from geomap.article import Article
    from geomap.incidents import incidents_from_article

    article = Article(text=text, source="s.txt", published=date(2024, 3, 4), offset=0)
    (incident,) = incidents_from_article(article, real_gazetteer)
    # a river's point is its mouth: the event is somewhere along it
    assert (incident.place.name, incident.place.feature_code, incident.geo_precision) == ("Dnieper", "STM", 3)
