"""Kinds of reports the event rules know (issue #9): sentence → event type and places.

Each line is a kind of text seen in news and ACLED notes, in our own words. The real
gazetteer resolves the places.
"""

from __future__ import annotations

from datetime import date

import pytest

from geomap.article import Article
from geomap.incidents import incidents_from_article

CASES = [
    # a weapon used somewhere is an attack there
    ("Russian forces used white phosphorus munitions in Bakhmut.", "Explosions/Remote violence", ["Bakhmut"]),
    ("Russian troops used cluster munitions in Kharkiv, killing three.", "Explosions/Remote violence", ["Kharkiv"]),
    # control retaken or taken over
    ("The army retook control of Omdurman from the RSF.", "Battles", ["Omdurman"]),
    ("Rebels took over the town of Goma.", "Battles", ["Goma"]),
    # what is struck in a town, named with the town's possessive: the town
    ("Russian missiles hit Kyiv's central railway station.", "Explosions/Remote violence", ["Kyiv"]),
    ("Drones struck Odesa's port overnight.", "Explosions/Remote violence", ["Odesa"]),
    ("Russian aircraft bombed Mariupol's drama theatre.", "Explosions/Remote violence", ["Mariupol"]),
    # where a missile or debris fell is where it struck
    ("A rocket landed in Kharkiv's Saltivka district, injuring three.", "Explosions/Remote violence", ["Kharkiv"]),
    ("Debris from a downed drone fell on a house in Odesa.", "Explosions/Remote violence", ["Odesa"]),
    ("Уламки ракети впали на приватний будинок у Києві.", "Explosions/Remote violence", ["Kyiv"]),
    ("Обломки беспилотника упали на территорию предприятия в Брянске.", "Explosions/Remote violence", ["Bryansk"]),
    ("Russian forces fired artillery at Kupiansk, Kharkiv.", "Explosions/Remote violence", ["Kupyansk"]),
    ("Russian forces fired 120mm mortars and grenade launchers at Ukrainian positions near Avdiivka, Donetsk.",
     "Explosions/Remote violence", ["Avdiyivka"]),
    ("Russian soldiers fired on a car in Bucha, killing the driver.", "Violence against civilians", ["Bucha"]),
    ("Unidentified gunmen opened fire on journalists near Irpin.", "Violence against civilians", ["Irpin"]),
    ("Russian soldiers shot a retired couple in their backyard in Bucha.", "Violence against civilians", ["Bucha"]),
    ("About 200 people were evacuated from Lysychansk on Tuesday.", "Strategic developments", ["Lysychansk"]),
    ("Ukrainian troops withdrew from Avdiivka on Saturday.", "Strategic developments", ["Avdiyivka"]),
    ("Debris from a downed drone hit an oil refinery in Tuapse.", "Explosions/Remote violence", ["Tuapse"]),
    ("Israeli strikes killed five people in Khan Younis.", "Explosions/Remote violence", ["Khān Yūnis"]),
    ("Ukrainian forces liberated Kherson on 11 November.", "Battles", ["Kherson"]),
    ("Gunmen killed 12 people in Port-au-Prince on Monday.", "Violence against civilians", ["Port-au-Prince"]),
    ("Similar protests took place in Lviv, Odesa and Dnipro.", "Protests", ["Lviv", "Odesa", "Dnipro"]),
    ("Today Russian fire hit central Bilozerka, damaging shops.", "Explosions/Remote violence", ["Bilozerka"]),
    ("Russian soldiers shot three surrendering Ukrainian soldiers near Pokrovsk.", "Violence against civilians",
     ["Pokrovsk"]),
    ("Eight Russian drones shot down over Mykolaiv region.", "Strategic developments", ["Mykolaiv Oblast"]),
    # "the region of X"; "reported by" is a passive, not X reporting
    ("The military shot down eight drones over the southern region of Mykolaiv with no damage reported by the governor.",
     "Strategic developments", ["Mykolaiv Oblast"]),
    ("Russian forces entered Bucha (Bucha, Kyiv).", "Battles", ["Bucha"]),
    ("On 18 March 2022, Russian forces struck Lviv with cruise missiles.", "Explosions/Remote violence", ["Lviv"]),
    # Roundups: one event in each place, as ACLED codes it.
    ("The attack left three victims in Kryvyi Rih and three in Synelnykove.", "Explosions/Remote violence",
     ["Kryvyy Rih", "Synelnykove"]),
    # a part of a town named after the town: the part, where the data has it, else the town
    ("Gangs killed five people in the Kyiv suburb of Bucha.", "Violence against civilians", ["Bucha"]),
    ("Russian troops shelled the Kharkiv district of Saltivka.", "Explosions/Remote violence", ["Saltivka"]),
    ("Gangs killed five people in the Port-au-Prince neighbourhood of Solino.", "Violence against civilians",
     ["Port-au-Prince"]),
    ("Gang members set houses on fire in Port-au-Prince.", "Strategic developments", ["Port-au-Prince"]),
    # ... but a district of a region is the town's
    ("Drone strikes damaged port infrastructure in the Izmail district of Ukraine's southern Odesa region.",
     "Explosions/Remote violence", ["Izmayil"]),
    # ACLED's "in the direction of X": fighting toward the village, placed near it
    ("On 3 December 2022, Russian forces engaged in an unsuccessful offensive in the direction of Kurdiumivka, Donetsk, "
     "but were repelled by Ukrainian forces.", "Battles", ["Kurdyumivka"]),
    ("Ukrainian forces shelled DPR positions in the direction of Mineralne, Donetsk.", "Explosions/Remote violence",
     ["Mineralne"]),
    # kinds of ACLED's notes (#9: real notes scored by scripts/eval_acled_notes.py)
    ("Russian forces assaulted, and were repulsed from Ukrainian positions near Vesele, Donetsk.", "Battles", ["Vesele"]),
    ("Russian forces attempted to seize Hrushuvakha, Kharkiv, and were repulsed.", "Battles", ["Hrushuvakha"]),
    ("Ukrainian forces attempted an advance near Novovorontsovka, Kherson region.", "Battles", ["Novovorontsovka"]),
    ("Russian military forces overtook Popasna, Luhansk.", "Battles", ["Popasna"]),
    ("Russian forces killed about 25 civilians in Vysokopillia, Kherson.", "Violence against civilians", ["Vysokopillya"]),
    ("Russian forces fired on and beheaded two hospital employees in Strilecha, Kharkiv region.",
     "Violence against civilians", ["Strilecha"]),
    ("The NAF rebel forces fired small arms at the governmental positions near Vodyane, Donetsk.", "Battles", ["Vodiane"]),
    ("Rebel forces fired 152mm, 122mm and 82mm mortars at the positions near Starohnativka, Donetsk.",
     "Explosions/Remote violence", ["Starohnativka"]),
    ("Russian forces shelled with heavy weapons Pisochyn, Kharkiv.", "Explosions/Remote violence", ["Pisochyn"]),
    ("Russian forces shelled throughout the whole day Hirske, Luhansk.", "Explosions/Remote violence", ["Hirske"]),
    ("Russian forces continued to fire artillery at Kharkiv.", "Explosions/Remote violence", ["Kharkiv"]),
    ("Russian forces destroyed a Ukrainian ammunition depot near Huliaipole, Zaporizhia.", "Explosions/Remote violence",
     ["Hulyaypole"]),
    ("Ukrainian forces destroyed a Russian column in the area near Kherson.", "Battles", ["Kherson"]),
    ("Russian forces shelled the Mypopilska hromada (coded to Myropillia, Sumy).", "Explosions/Remote violence",
     ["Myropillia"]),
    ("Russian air forces conducted 3 air attacks on Ukrainian positions in the south (coded to Kherson, Kherson).",
     "Explosions/Remote violence", ["Kherson"]),
    ("LPR sappers cleared 17 hectares of a territory near Ustynivka, Luhansk from explosive devices.",
     "Strategic developments", ["Ustynivka"]),
    ("After the retreat of Russian soldiers, 440 graves were discovered in Izium, Kharkiv.", "Strategic developments",
     ["Izyum"]),
    # a headline's present tense
    ("Attack leaves three victims in Kryvyi Rih and three in Synelnykove", "Explosions/Remote violence",
     ["Kryvyy Rih", "Synelnykove"]),
    ("Russian strike kills two in Kherson", "Explosions/Remote violence", ["Kherson"]),
    # an official taken is taken in the town whose administration he heads
    ("Russian forces abducted the head of the Skadovsk district administration.", "Violence against civilians",
     ["Skadovsk"]),
    ("Air defence shot down 12 drones over the Kyiv region, five over Chernihiv Oblast and three over Sumy Oblast.",
     "Strategic developments", ["Kyiv Oblast", "Chernihiv Oblast", "Sumy Oblast"]),
    ("Ночью сбиты беспилотники над Брянской областью, 14 над Воронежской областью и 11 над Белгородской областью.",
     "Strategic developments", ["Bryansk Oblast", "Voronezh Oblast", "Belgorod Oblast"]),
    # the downed weapon a clause before the verb
    ("Больше всего, 16 беспилотников, сбили над Черным морем.", "Strategic developments", ["Black Sea"]),
    # a dash for the verb left out: "11 — над Белгородской областью"
    ("По 14 дронов уничтожили над Воронежской областью, 11 — над Белгородской областью, девять — над Азовским морем.",
     "Strategic developments", ["Voronezh Oblast", "Belgorod Oblast", "Sea of Azov"]),
    # Triggers and slots: the same words in other orders.
    ("По 14 дронов уничтожили над Воронежской областью.", "Strategic developments", ["Voronezh Oblast"]),
    ("Над Курською областю збили 20 дронів.", "Strategic developments", ["Kursk Oblast"]),
    ("Air defence units shot down 12 drones over the Kyiv region.", "Strategic developments", ["Kyiv Oblast"]),
    ("Russia attacked Odesa overnight with 40 Shahed drones.", "Explosions/Remote violence", ["Odesa"]),
    ("Ракетами атакували Дніпро вночі.", "Explosions/Remote violence", ["Dnipro"]),
    ("A mine exploded under a tractor near Beryslav.", "Explosions/Remote violence", ["Beryslav"]),
    ("Біля Берислава трактор наїхав на міну.", "Explosions/Remote violence", ["Beryslav"]),
    ("A family of nine was murdered in their home in the Russian-occupied town of Volnovakha.",
     "Violence against civilians", ["Volnovakha"]),
    ("Окупанти розстріляли цивільного у Бучі.", "Violence against civilians", ["Bucha"]),
    ("Hundreds of Kenyans flocked to the center of the capital, Nairobi, to protest against a finance bill.",
     "Protests", ["Nairobi"]),
    # a republic is a place word; "the war in Ukraine" is the war's setting, not the protest's place
    ("Hundreds of people in the republic of Dagestan protested against the mobilisation for the war in Ukraine.",
     "Protests", ["Dagestan"]),
    # "the North Caucasus region's capital": whose capital, not where
    ("Police detained 20 protesters in the North Caucasus region's capital of Makhachkala.", "Protests",
     ["Makhachkala"]),
    # "the state": the state named before; "encircled a position"
    ("Bandits kidnapped worshippers in Zamfara State. In another part of the state, bandits killed a man.",
     "Violence against civilians", ["Zamfara State", "Zamfara State"]),
    ("Russian forces encircled a Ukrainian position near Pokrovsk.", "Battles", ["Pokrovsk"]),
    # "the Donetsk settlements of X and Y": the names after "of" are where
    ("Soldiers were raising flags and celebrating in the Donetsk settlements of Velyka Novosilka and Vuhledar.",
     "Battles", ["Velyka Novosilka", "Vuhledar"]),
    # a weapon as the cause of a fire
    ("A drone was the likely cause of a fire at the Afipsky oil refinery.", "Explosions/Remote violence", ["Afipskiy"]),
    ("Drones caused a fire at a fuel depot in Tuapse.", "Explosions/Remote violence", ["Tuapse"]),
    # a settlement word in any case before the name ("вблизи поселка Погар"), "недалеко от"
    ("Дрон-камикадзе ударил по автомобилю вблизи поселка Погар.", "Explosions/Remote violence", ["Pogar"]),
    ("Три женщины ранены при атаке беспилотника недалеко от поселка Погар.", "Explosions/Remote violence", ["Pogar"]),
    # demonstrators who clash or brawl riot (trigger + "crowd" slot, the crowd a clause before)
    ("Protesters marched with flags and sticks as they engaged in a clash with police in Dhaka.", "Riots", ["Dhaka"]),
    ("Police detained 20 protesters in Makhachkala after a mass brawl between protesters and police.", "Riots",
     ["Makhachkala"]),
    ("У Тбілісі сталися сутички між протестувальниками та поліцією.", "Riots", ["Tbilisi"]),
    # ... and a clash of soldiers stays a battle
    ("Ukrainian troops clashed with Russian forces near Bakhmut.", "Battles", ["Bakhmut"]),
    ("Israel and Hamas agreed to a ceasefire deal in Cairo on Tuesday.", "Strategic developments", ["Cairo"]),
    # ACLED notes: "forces withdrew from X" is where they left (not whose forces), officials
    # and residents "of X" are where, "forces occupied X", a weapon fired on or destroying
    ("On 1 April 2022, Russian forces withdrew from Bucha (Bucha, Kyiv).", "Strategic developments", ["Bucha"]),
    ("Ukrainian troops have been forced to withdraw from the village of Bucha.", "Strategic developments", ["Bucha"]),
    ("On 12 March 2022, Russian forces abducted the mayor of Melitopol (Melitopol, Zaporizhia).",
     "Violence against civilians", ["Melitopol"]),
    ("On 14 March 2022, residents of Kherson held a rally against the occupation.", "Protests", ["Kherson"]),
    # a university named after its town is in it
    ("Gunmen kidnapped three students on the campus of the University of Calabar on Monday.",
     "Violence against civilians", ["Calabar"]),
    ("On 22 March 2022, Russian forces occupied Bilozerka (Kherson, Kherson).", "Battles", ["Bilozerka"]),
    ("On 4 April 2022, Russian helicopters fired on the village of Bilozerka.", "Explosions/Remote violence",
     ["Bilozerka"]),
    ("Ukrainian drones destroyed two Russian boats near Izmail.", "Explosions/Remote violence", ["Izmayil"]),
    ("Air defence destroyed 20 drones over the Kyiv region.", "Strategic developments", ["Kyiv Oblast"]),
    ("On 26 May 2022, a Russian Su-25 jet was shot down over Popasna.", "Strategic developments", ["Popasna"]),
    ("Ukrainian forces pushed Russian troops back from the outskirts of Kharkiv.", "Battles", ["Kharkiv"]),
    # armed groups and their victims: civilians killed are violence against civilians, soldiers a battle
    ("Suspected Boko Haram insurgents killed 12 farmers in Borno state on Tuesday.", "Violence against civilians",
     ["Borno State"]),
    ("Militants killed three soldiers near Djibo.", "Battles", ["Djibo"]),
    ("Gunmen killed two police officers in Kaduna.", "Battles", ["Kaduna"]),
    ("Jihadists ambushed a military convoy near Djibo, killing dozens of soldiers.", "Battles", ["Djibo"]),
    # an attack that names no weapon and harmed civilians struck from afar; one that killed soldiers is a battle
    ("В результате атаки ВСУ в Горловке погибли два человека.", "Explosions/Remote violence", ["Horlivka"]),
    ("Внаслідок атаки на Нікополь загинула жінка.", "Explosions/Remote violence", ["Nikopol"]),
    ("Russian troops attacked Krynky; three soldiers were killed.", "Battles", ["Krynky"]),
    ("Taliban gunmen attacked a police checkpoint in Peshawar, killing five policemen.", "Battles", ["Peshawar"]),
    ("A roadside bomb killed two soldiers in Diyala province.", "Explosions/Remote violence", ["Diyala"]),
    ("Settlers set fire to homes in the West Bank village of Huwara.", "Strategic developments", ["Huwara"]),
    # in a part of a town is in the town
    ("Gang members set fire to homes in Port-au-Prince's Carrefour-Feuilles neighbourhood.", "Strategic developments",
     ["Port-au-Prince"]),
    ("Police fired tear gas at protesters in Nairobi's central business district.", "Protests", ["Nairobi"]),
    # a sea as a modifier is not where: "the Black Sea port of Izmail"
    ("Russian drones struck the Black Sea port of Izmail on Monday.", "Explosions/Remote violence", ["Izmayil"]),
    ("Drones were shot down over the Black Sea.", "Strategic developments", ["Black Sea"]),
    ("Russian forces not only shelled Kherson but also mined its bridges.", "Explosions/Remote violence", ["Kherson"]),
    # fighters killed by the other side (trigger + "combatants" slot); drones destroyed are air defence
    ("Ukrainian forces eliminated a Russian assault group near Pokrovsk.", "Battles", ["Pokrovsk"]),
    ("Russian security forces eliminated a Ukrainian sabotage group in the Bryansk region.", "Battles",
     ["Bryansk Oblast"]),
    ("Біля Покровська ліквідували ДРГ противника.", "Battles", ["Pokrovsk"]),
    ("Над Харківщиною знищили 12 дронів.", "Strategic developments", ["Kharkiv Oblast"]),
    # a town after "the war in" is where the protest was; a country there is only the setting
    ("Hundreds of people held a protest against the war in Yekaterinburg.", "Protests", ["Yekaterinburg"]),
    # the target of the verb beside the trigger
    ("Russian forces conducted airstrikes and shelled Lyman, Donetsk with heavy weapons.",
     "Explosions/Remote violence", ["Lyman"]),
    # a city that is a region of its own, qualified by the region it lies in: one place
    ("A sea drone hit a patrol ship near Sevastopol, Crimea.", "Explosions/Remote violence", ["Sevastopol"]),
    # armed forces that strike, no weapon named
    ("Ukrainian forces struck a Russian landing ship in Berdiansk.", "Explosions/Remote violence", ["Berdyansk"]),
    # a feature that alone bears its name, whoever's positions are on it
    ("Ukrainian forces conducted a drone strike on Russian positions on Snake Island.", "Explosions/Remote violence",
     ["Snake Island"]),
    # the instruments between the verb and its target
    ("Russian forces shelled with multiple rocket launchers, mortars and artillery Vuhledar, Donetsk.",
     "Explosions/Remote violence", ["Vuhledar"]),
    # the instrument in its own case, no "with", between the verb and its target
    ("Окупанти атакували дроном Херсон.", "Explosions/Remote violence", ["Kherson"]),
    ("ВСУ атаковали беспилотниками Курск.", "Explosions/Remote violence", ["Kursk"]),
    # an attack repelled is a clash, not ground retaken
    ("Сили оборони відбили атаку біля Часового Яру.", "Battles", ["Chasiv Yar"]),
    # armed men killed by the other side are a battle's dead
    ("Police killed three suspected gang members in Port-au-Prince.", "Battles", ["Port-au-Prince"]),
    # a country's part after "at": where the rockets fell; jets are aircraft
    ("Hezbollah fired rockets at northern Israel.", "Explosions/Remote violence", ["Israel"]),
    ("Thousands marched through central London in support of Palestinians.", "Protests", ["London"]),
    # the army of a country is a side, not a place that vetoes the town it took
    ("Армия России взяла под контроль поселок Курахово.", "Battles", ["Kurakhove"]),
    ("Подразделения группировки войск освободили населенный пункт Красногоровка.", "Battles", ["Krasnohorivka"]),
    # a part of a town is in it; the genitive of a name in -ь
    ("Взрыв прогремел в центре Мелитополя.", "Explosions/Remote violence", ["Melitopol"]),
    # a village the data lacks, with its region in the genitive
    ("Украинские военные обстреляли село Безыменное Курской области.", "Explosions/Remote violence", ["Kursk Oblast"]),
    # an attempted advance or assault is a battle fought, not an event that did not happen
    ("Russian forces tried to advance near Robotyne, Zaporizhzhia, on 3 May.", "Battles", ["Robotyne"]),
    ("Russian forces attempted to storm Ukrainian positions near Krynky, Kherson.", "Battles", ["Krynky"]),
    ("Противник намагався просунутися біля Часового Яру та Кліщіївки на Донеччині.", "Battles",
     ["Chasiv Yar", "Klishchiivka"]),
    # a town's word between a name and the list's joiner
    ("On 8 May 2023, Ukrainian forces shelled Donetsk city and Horlivka, Donetsk.",
     "Explosions/Remote violence", ["Donetsk", "Horlivka"]),
    # naval drones strike; "off" a coast is near it
    ("Ukraine said its naval drones struck and sank a Russian landing ship off Crimea.",
     "Explosions/Remote violence", ["Crimea"]),
    ("Украинские безэкипажные катера атаковали корабль в Новороссийске.", "Explosions/Remote violence",
     ["Novorossiysk"]),
    # "пытался" (tried) is no torture ("пытали")
    ("Противник пытался прорвать оборону у Бахмута.", "Battles", ["Bakhmut"]),
    ("Российские военные пытали мирных жителей в Буче.", "Violence against civilians", ["Bucha"]),
    # a mine's settlement named after someone is where ("Shakhta imeni X", "the mine named after X")
    ("On 3 June, Ukrainian forces fired 82mm mortars at DPR positions in Shakhta imeni Gagarina, Donetsk.",
     "Explosions/Remote violence", ["Haharina"]),
    # an acronym of a side as the subject of a killing, "up to" before the count
    ("On 9 August, LPR killed up to 30 Ukrainian soldiers near Svatove, Luhansk.", "Battles", ["Svatove"]),
    # both sides firing is a fight; drone attacks traded stay strikes
    ("On 2 March, Ukrainian and DPR forces exchanged artillery strikes near Horlivka, Donetsk.", "Battles",
     ["Horlivka"]),
    ("Russian and Ukrainian troops shelled each other near Bakhmut on Sunday.", "Battles", ["Bakhmut"]),
    ("On 5 May, Russian forces carried out a ground assault and shelled near Kupiansk, Kharkiv.", "Battles",
     ["Kupyansk"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "sub_event_type", "place", "admin1"),
    [
        # monitors' reports name a Donbas village alone: the mission places it; what they counted
        # sets the kind (explosions and projectiles are shelling, shots and bursts of fire a fight)
        ("On 3 February, the OSCE SMM observed a total of 7 explosions involving unknown weapons near Sakhanka.",
         "Shelling/artillery/missile attack", "Sakhanka", "Donetsk Oblast"),
        ("On 4 February, the OSCE SMM observed a total of 11 projectiles/shots involving unknown weapons near "
         "Naberezhne.", "Shelling/artillery/missile attack", "Naberezhne", "Donetsk Oblast"),
        ("On 5 February, the OSCE SMM observed 6 explosions/bursts of fire involving heavy machineguns near "
         "Kalynove-Borshchuvate.", "Shelling/artillery/missile attack", "Kalynove Borshchuvate", "Luhansk Oblast"),
        ("On 6 February, the OSCE SMM observed 40 shots/bursts of fire involving small arms near Kruta Balka.",
         "Armed clash", "Kruta Balka", "Donetsk Oblast"),
        # a de-facto republic's forces place an unqualified village in their region
        ("DPR forces shelled Sakhanka on Monday.", "Shelling/artillery/missile attack", "Sakhanka", "Donetsk Oblast"),
    ],
)
def test_monitors_and_republics_place_donbas_villages(real_gazetteer, text, sub_event_type, place, admin1):
    found = incidents_from_article(Article(text=text, source="x", published=date(2022, 2, 8)), real_gazetteer)
    assert [(i.sub_event_type, i.place.name, i.place.admin1) for i in found] == [(sub_event_type, place, admin1)]


@pytest.mark.parametrize(("text", "event_type", "places"), CASES)
def test_kind_of_report(real_gazetteer, text, event_type, places):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [i.place.name for i in found if i.event_type == event_type] == places, [
        (i.event_type, i.place.name) for i in found
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A fire killed three people in a house in Poltava.",  # a blaze, not a side's fire
        # a weapon named as a modifier is no attack ("attack drones", "strike UAVs")
        "Factories in Izhevsk build attack drones.",
        "The mayor of Odesa came under fire for his remarks.",  # criticism, not shelling
        # a link to another article: its headline is that article's news
        "Read also: Russian missile strike on Zaporizhzhia kills two",
        "Читайте також: Атака РФ на Запоріжжя: загинули дві людини",
        # a picture that only illustrates
        "Illustrative photo: a sports complex damaged by a Russian missile in Dnipro.",
        "Фото ілюстративне: ракета влучила в будинок у Харкові.",
        # tallies since the war began, and habits, are no event of the day
        "Since the start of the full-scale invasion, sappers in Kherson have defused 4,000 mines.",
        "З початку повномасштабного вторгнення в Херсоні знешкодили 4000 мін.",
        "Officials in El Fasher have repeatedly accused the RSF of shelling the city.",
        # a visit is no deployment
        "Syria's foreign minister arrived in Washington on Thursday.",
        # where people fled to is not where the fighting was
        "The attacks drove more than 200 junta troops and police officers into Bangladesh.",
        # people captured are not ground taken
        "Among those released are soldiers captured in the first phase of the war near Kyiv.",
        # an attempt is not an agreement
        "Mediators in Cairo are trying to get Israel and Hamas to agree on a ceasefire.",
        "The saboteurs intended to commit terrorist attacks at railway facilities in Bryansk.",
        # denied, also across a comma that split the clause
        "It was not the drunken, opportunistic looting seen in other places in Ukraine.",
        "Russian forces did not attack Kharkiv on Monday.",
        "The vote in Kyiv was pushed back to May.",  # no forces driven back
        "Russia threatened to withdraw from the grain deal signed in Istanbul.",
        "These attacks appear aimed at inflicting total losses on ships near Novorossiysk.",
        "In Kherson, 38% of the liberated territories have been cleared of mines.",
        "Discussions continued in Cairo to get both sides to agree on the specifics of a hostage-release and ceasefire deal.",
        # a name made an adjective says who built it, not where it is
        "Russia said a Ukrainian attack damaged the Moscow-built bridge.",
        # many places counted, none named: a tally, not an event at the region
        "Russian troops have retaken 12 villages in the Kursk region.",
        "За минувшие сутки в Сумской области зафиксировано 129 обстрелов по 54 населенным пунктам.",
        # where an explosion was heard is not where it struck
        "Вибух чули у Харкові.",
        "Explosions were heard in Kherson on Tuesday evening.",
        "Взрывы слышали жители Белгорода.",
        # falling, landing and a possessive without a weapon or a target
        "The plane landed in Moscow on Monday.",
        "Prices fell in Kyiv last month.",
        "Kyiv's mayor opened a new school.",
        "The army is using drones for reconnaissance near Bakhmut.",
    ],
)
def test_not_an_event(real_gazetteer, text):
    assert incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer) == []


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # where a sound was heard is not where it struck
        ("Вибух чули у Харкові: ракета вдарила по Чугуєву.", "Chuhuyiv"),
        ("Перші звуки «прильотів» у Харкові пролунали об 11:20. Окупанти обстріляли Чугуїв.", "Chuhuyiv"),
        ("Explosions were heard in Kharkiv as Russian missiles struck Chuhuiv.", "Chuhuyiv"),
        ("The sound of explosions in Kyiv came from air defence; a drone hit a house in Bila Tserkva.", "Bila Tserkva"),
        # a sentence of no event says where the event told at its region happened
        ("In the Kherson region, a tractor hit a mine in a field. The incident occurred in a field between the "
         "villages of Kostyrka and Novovoznesenske.", "Kostyrka"),
        ("Russian drones attacked Kharkiv Oblast overnight. The attack happened near Zolochiv, the governor said.",
         "Zolochiv"),
        ("Росіяни атакували Херсонщину дронами. Це сталося у Білозерці.", "Bilozerka"),
        # not a place outside the region told, nor a sentence about something else
        ("Russian drones attacked Kharkiv Oblast overnight. It happened near Odesa.", "Kharkiv Oblast"),
        ("Russian shelling hit Kharkiv Oblast. Separately, a festival happened in Lviv.", "Kharkiv Oblast"),
    ],
)
def test_where_the_event_happened(real_gazetteer, text, where):
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 9, 22)), real_gazetteer)
    assert [i.place.name for i in found] == [where]


@pytest.mark.parametrize(
    "text",
    [
        "A Russian soldier who fought in Ukraine was arrested in Moscow on 12 May 2024.",  # no roundup
        "Russian missiles struck Kharkiv, officials in Kyiv said.",
    ],
)
def test_one_place_is_not_a_roundup(real_gazetteer, text):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 5, 13)), real_gazetteer)
    assert len(found) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian shelling killed two people in Kherson and three in Nikopol on Monday.",
         [("Kherson", 2, None), ("Nikopol", 3, None)]),
        # a count goes to the place its noun is in, and keeps its own kind
        ("A drone attack left two dead in Kherson and one injured in Nikopol.", [("Kherson", 2, None), ("Nikopol", None, 1)]),
        ("Russian shelling killed two people in Kherson and wounded three in Nikopol.",
         [("Kherson", 2, None), ("Nikopol", None, 3)]),
    ],
)
def test_counts_of_a_roundup_go_to_their_places(real_gazetteer, text, expected):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.place.name, i.fatalities, i.injured) for i in found] == expected


def test_a_general_staff_list_through_small_villages(real_gazetteer):
    # Villages of fewer than 500 people (Popiv Yar, Zolotyi Kolodiaz: of GeoNames' Ukraine
    # dump, at their own points) and cities500's share the list's preposition: an event each.
    # (The front, named after its town, places them: such a village needs its region, a
    # qualifier or a place nearby.)
    text = ("На Покровському напрямку окупанти здійснили 37 атак на позиції наших захисників у районах "
            "населених пунктів Попів Яр, Золотий Колодязь, Шахове, Родинське та Лисівка.")  # fmt: skip
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 8, 14)), real_gazetteer)
    assert [i.event_type for i in found] == ["Battles"] * len(found)
    assert {i.place.name for i in found} == {"Popiv Yar", "Zolotyi Kolodiaz", "Shakhove", "Rodynske", "Lysivka"}
    assert not [i for i in found if i.place.approximate]


@pytest.mark.parametrize(
    "text",
    [
        "Ночью сбиты 16 беспилотников над Брянской областью, 14 над Воронежской областью и 11 над Белгородской областью.",
        "За ночь уничтожены 41 беспилотник: над Брянской областью 16, над Воронежской областью 14 и над Белгородской областью 11.",
    ],
)
def test_each_place_of_a_roundup_gets_its_own_number(real_gazetteer, text):
    # Numbers before or after the place; a leading total ("41 drones:") goes to no place.
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.place.name, i.quantities.get("drones_intercepted")) for i in found] == [
        ("Bryansk Oblast", 16), ("Voronezh Oblast", 14), ("Belgorod Oblast", 11)
    ]  # fmt: skip


def test_the_same_day_is_the_day_the_text_spoke_of(real_gazetteer):
    # "the same day" counts from the sentence before, not from publication; the rallies
    # of that day are other events than the protests of publication day in the same towns.
    text = (
        "Similar protests are also taking place in Dnipro, Lviv and Odesa.\n\n"
        "On July 22, parliament passed the bill. In the evening of the same day, about 2,000 Kyiv residents "
        "took to the streets in protest. Rallies also took place in Dnipro, Lviv and Odesa."
    )
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 7, 23)), real_gazetteer)
    got = sorted((i.place.name, i.event_date.isoformat()) for i in found if i.event_type == "Protests")
    assert got == [
        ("Dnipro", "2025-07-22"), ("Dnipro", "2025-07-23"), ("Kyiv", "2025-07-22"),
        ("Lviv", "2025-07-22"), ("Lviv", "2025-07-23"), ("Odesa", "2025-07-22"), ("Odesa", "2025-07-23"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On 3 May drones hit Kharkiv. The day before, shelling killed two people in Kupiansk.", "2024-05-02"),
        ("On 3 May drones hit Kharkiv. The next day, shelling killed two people in Kupiansk.", "2024-05-04"),
        ("3 травня дрони атакували Харків. Напередодні обстріл Куп'янська вбив двох людей.", "2024-05-02"),
    ],
)
def test_days_counted_from_an_earlier_sentence(real_gazetteer, text, day):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 5, 10)), real_gazetteer)
    assert [i.event_date.isoformat() for i in found if i.place.name.startswith("Kup")] == [day], [
        (i.place.name, i.event_date) for i in found
    ]


def test_a_list_of_cities_keeps_its_cities(real_gazetteer):
    # Lviv Oblast has a town of 14,000 called Mykolaiv (Николаев) and Kirovohrad Oblast a
    # village Rivne: listed among regional capitals, the names are the big cities.
    text = "Similar protests are taking place in Dnepr, Zhitomir, Kropivnitsky, Lvov, Nikolayev, Odessa, Rovno, Kharkov and Chernovtsy."
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 7, 23)), real_gazetteer)
    big = {i.place.name: i.place.population for i in found}
    assert {"Mykolayiv", "Rivne", "Lviv", "Chernivtsi"} <= set(big), big
    assert big["Mykolayiv"] > 100_000 and big["Rivne"] > 100_000, big


def test_a_report_stays_on_the_day_it_named(real_gazetteer):
    # Paragraphs after "Yesterday ..." go on about yesterday until the text names another day.
    text = (
        "Yesterday, 16 settlements were under enemy fire, Prokudin said.\n\n"
        "A 44-year-old woman came under fire in Bilozerka and was wounded.\n\n"
        "Today Bilozerka was again under Russian fire: three shops were damaged."
    )
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 6, 4)), real_gazetteer)
    assert sorted((i.place.name, i.event_date.isoformat()) for i in found) == [
        ("Bilozerka", "2024-06-03"), ("Bilozerka", "2024-06-04")
    ], [(i.place.name, i.event_date, i.notes) for i in found]


def test_neighbouring_villages_of_one_list_are_each_an_event(real_gazetteer):
    # Shakhove, Rodynske and Chervonyi Lyman lie a few km apart: one sentence naming them
    # tells of an attack near each, never of one event.
    text = ("Окупанти здійснили 37 атак на позиції наших захисників у районах населених пунктів "
            "Шахове, Родинське, Червоний Лиман та Покровськ.")  # fmt: skip
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 8, 14)), real_gazetteer)
    assert [i.place.name for i in found] == ["Shakhove", "Rodynske", "Krasnyi Lyman", "Pokrovsk"]


def test_another_days_toll_stays_with_its_day(real_gazetteer):
    text = (
        "One person died after a drone struck a hospital in Bila Tserkva. "
        "It comes as the capital is still reeling from overnight Russian attacks on Tuesday which left 28 people dead."
    )
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 6, 23)), real_gazetteer)
    assert [(i.place.name, i.fatalities, i.event_date.isoformat()) for i in found] == [
        ("Bila Tserkva", 1, "2025-06-23")
    ]


def test_overnight_is_a_time_of_day_not_a_day():
    from geomap.analysis.dates import find_date

    assert find_date("overnight Russian attacks on Tuesday", date(2025, 6, 23))[0] == date(2025, 6, 17)
    assert find_date("Drones attacked Kyiv overnight.", date(2025, 6, 23))[0] == date(2025, 6, 23)
    assert find_date("Вночі у вівторок дрони атакували Київ.", date(2025, 6, 23))[0] == date(2025, 6, 17)


def test_an_undated_lede_is_the_event_the_article_dates_later(real_gazetteer):
    text = (
        "A family of nine was murdered in their home in the Russian-occupied town of Volnovakha.\n\n"
        "The family was murdered in Volnovakha on October 27, prosecutors said."
    )
    found = incidents_from_article(Article(text=text, source="x", published=date(2023, 11, 16)), real_gazetteer)
    assert [(i.place.name, i.event_date.isoformat()) for i in found] == [("Volnovakha", "2023-10-27")]


@pytest.mark.parametrize(
    "text",
    [
        "Russian missiles struck Odesa overnight. Two people were wounded. Air defence shot down 25 drones.",
        "Вночі російські ракети вдарили по Одесі. Сили протиповітряної оборони знищили близько 25 цілей.",
    ],
)
def test_air_defence_acts_where_the_attack_struck(real_gazetteer, text):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 11, 15)), real_gazetteer)
    assert [(i.sub_event_type, i.place.name) for i in found] == [
        ("Shelling/artillery/missile attack", "Odesa"), ("Disrupted weapons use", "Odesa")
    ]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Russian drones struck Nikopol. A 33-year-old and a 56-year-old man were wounded.\n\n"
         "Later the governor said one of the men had died of his injuries.", 1, 1),
        ("Росіяни ударили FPV-дроном по Нікополю. Поранені 33-річний та 56-річний чоловіки.\n\n"
         "Згодом голова області уточнив, один із чоловіків помер від отриманих травм.", 1, 1),
    ],
)  # fmt: skip
def test_people_counted_by_age_and_one_of_them_dying_later(real_gazetteer, text, killed, injured):
    found = incidents_from_article(Article(text=text, source="x", published=date(2025, 10, 30)), real_gazetteer)
    assert [(i.place.name, i.fatalities, i.injured) for i in found] == [("Nikopol", killed, injured)]


def test_a_protest_that_turns_violent_is_one_riot(real_gazetteer):
    text = "Thousands rallied in Tbilisi on Sunday against the draft law. Later the protesters clashed with riot police."
    article = Article(text=text, title="", source="t.txt", published=date(2024, 5, 13))
    incidents = incidents_from_article(article, real_gazetteer)
    assert [(i.event_type, i.sub_event_type, i.place.name) for i in incidents] == [
        ("Riots", "Violent demonstration", "Tbilisi")
    ]


def test_two_towns_named_in_different_sentences_stay_two_events(real_gazetteer):
    # Nova Kakhovka and Dnipryany lie about 5 km apart; the article names each
    text = "Russian shelling damaged a house in Nova Kakhovka on Monday. Later on Monday artillery shelled Dnipryany."
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert sorted(i.place.name for i in incidents) == ["Dnipryany", "Nova Kakhovka"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Ракетний удар по Дніпровському району: загинув чоловік.", "Dnipro"),
        ("Росіяни завдали удару по Запорізькому району.", "Zaporizhzhya"),
        ("Беспилотник атаковал автомобиль в Рыльском районе.", "Ryl’sk"),
    ],
)
def test_a_district_is_its_town_near_it(real_gazetteer, text, town):
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert (incident.place.name, incident.geo_precision, incident.district) == (town, 2, True)


def test_a_village_struck_in_a_district_attacked_is_one_event(real_gazetteer):
    # the raion's statement names no weapon; the village's names the drone that struck
    text = "Російські війська завдали удару по Запорізькому району. Росіяни ударили FPV-дроном по Малокатеринівці."
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.place.name, i.sub_event_type, i.geo_precision) for i in incidents] == [
        ("Malokaterynivka", "Air/drone strike", 1)
    ]


def test_a_total_downed_before_its_roundup_has_no_place_of_its_own(real_gazetteer):
    text = (
        "Боевики нанесли удары по Каховке. За ночь силы ПВО уничтожили 65 украинских дронов. "
        "Больше всего, 16 беспилотников, сбили над Черным морем."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [i.place.name for i in incidents if i.sub_event_type == "Disrupted weapons use"] == ["Black Sea"]


def test_mass_arrests_right_after_a_protest_are_its_intervention(real_gazetteer):
    text = (
        "Hundreds of people in Makhachkala protested against the mobilisation on Sunday. "
        "Police arrested more than 100 people in Dagestan over the weekend, a rights group said."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2022, 9, 26)), real_gazetteer)
    assert {(i.sub_event_type, i.place.name) for i in incidents} >= {("Protest with intervention", "Dagestan")}
    assert all(i.sub_event_type != "Arrests" for i in incidents)


def test_an_arrest_with_no_protest_before_it_stays_an_arrest(real_gazetteer):
    text = "Police arrested more than 100 people in Dagestan over the weekend, a rights group said."
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2022, 9, 26)), real_gazetteer)
    assert (incident.sub_event_type, incident.event_date) == ("Arrests", date(2022, 9, 25))


def test_a_toll_after_air_defence_and_a_quiet_sentence_goes_to_the_attack(real_gazetteer):
    text = (
        "Russian drones struck Odesa overnight. Air defence destroyed 25 targets. "
        "The drones carried cluster munitions. A woman was killed and 10 people were injured."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 11, 15)), real_gazetteer)
    strike = [i for i in incidents if i.sub_event_type == "Air/drone strike"]
    assert [(i.place.name, i.fatalities, i.injured) for i in strike] == [("Odesa", 1, 10)]


def test_a_toll_after_another_story_is_not_the_attacks(real_gazetteer):
    text = (
        "Russian drones struck Sumy overnight. Over the past day Russian forces shelled 54 settlements in the Sumy region. "
        "Two men were injured."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 11, 15)), real_gazetteer)
    assert [(i.place.name, i.injured) for i in incidents] == [("Sumy", None)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a file photo's caption: its day is years before the article
        ("A police officer inspects parts of a drone after a Russian strike on fuel storage in Kharkiv, Ukraine "
         "October 6, 2022. REUTERS/Vyacheslav Madiyevskyy", False),
        ("A police officer inspects parts of a drone after a Russian strike in Kharkiv, Ukraine October 6, 2022. (Reuters)",
         False),
        # a caption of the news itself stays an event
        ("Protesters clash with police in Dhaka, Bangladesh, June 4, 2024. REUTERS/Mohammad Ponir", True),
    ],
)
def test_a_file_photos_caption_is_no_event(real_gazetteer, text, found):
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 6, 6)), real_gazetteer)
    assert bool(incidents) is found


def test_two_parts_of_a_country_are_two_places(real_gazetteer):
    text = (
        "Israeli strikes on a village in southern Lebanon killed seven people on Tuesday. "
        "On Tuesday, Israeli air strikes near two towns in northeast Lebanon killed three militants."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 27)), real_gazetteer)
    assert sorted((i.place.name, i.quarter, i.fatalities) for i in incidents) == [
        ("Lebanon", "ne", 3),
        ("Lebanon", "s", 7),
    ]


def test_the_headline_is_read_with_the_lede_day_and_weapon(real_gazetteer):
    # the body names no place for the operation; the headline does
    raw = (
        "Security Forces Eliminate Ukrainian Sabotage Group in Bryansk Region\n\n"
        "On Wednesday the FSB said the saboteurs had planned attacks on railways."
    )
    title_end = raw.index("\n")
    article = Article(
        text=raw[title_end + 2 :], title=raw[:title_end], source="x", published=date(2025, 8, 21),
        title_offset=0, offset=title_end + 2,
    )
    (incident,) = incidents_from_article(article, real_gazetteer)
    assert (incident.event_type, incident.place.name) == ("Battles", "Bryansk Oblast")
    assert incident.event_date == date(2025, 8, 20)  # the lede's Wednesday, not the publication day
    assert incident.evidence[0]["text"] == raw[:title_end]
    for evidence in incident.evidence:  # offsets into the source, headline and body alike
        assert raw[evidence["start"] : evidence["end"]] == evidence["text"]


def test_a_headlines_attack_and_the_bodys_drone_strike_are_one_event(real_gazetteer):
    article = Article(
        text="Russian drones struck Odesa overnight, officials said. Air defence destroyed 25 targets.",
        title="Two killed in attack on Odesa",
        source="x",
        published=date(2024, 11, 15),
    )
    incidents = incidents_from_article(article, real_gazetteer)
    strikes = [i for i in incidents if i.event_type == "Explosions/Remote violence"]
    assert [(i.place.name, i.sub_event_type, i.fatalities) for i in strikes] == [("Odesa", "Air/drone strike", 2)]


def test_a_placeless_event_of_another_kind_goes_on_the_story_where_it_was(real_gazetteer):
    text = (
        "On 27 August Russian drones attacked a Ukrainian position near Pokrovsk. A fire broke out. "
        "The Russians encircled the position, and one of the soldiers was injured in the combat clash that followed."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 9, 6)), real_gazetteer)
    assert sorted((i.event_type, i.place.name, i.event_date) for i in incidents) == [
        ("Battles", "Pokrovsk", date(2024, 8, 27)),
        ("Explosions/Remote violence", "Pokrovsk", date(2024, 8, 27)),
    ]


def test_a_vague_placeless_statement_starts_no_event_of_its_own(real_gazetteer):
    text = "Russian glide bombs struck Kharkiv on Tuesday. They attacked the city with modified bombs."
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2024, 5, 15)), real_gazetteer)
    assert [i.event_type for i in incidents] == ["Explosions/Remote violence"]


def test_a_noun_of_war_tells_no_new_event_of_the_story(real_gazetteer):
    text = (
        "Two drones hit the bridge in Kerch early on Monday. "
        "It was the second attack on the bridge during the Kremlin's 18-month Ukraine offensive."
    )
    incidents = incidents_from_article(Article(text=text, source="x", published=date(2023, 7, 17)), real_gazetteer)
    assert [i.event_type for i in incidents] == ["Explosions/Remote violence"]


def test_a_village_the_data_lacks_named_with_its_district_is_near_the_districts_town(real_gazetteer):
    text = "On 4 April 2022, Russian helicopters fired on the village of Kopylivka (Makariv, Kyiv)."
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2022, 5, 1)), real_gazetteer)
    assert (incident.place.name, incident.geo_precision) == ("Makariv", 2)
    # a village of GeoNames' Ukraine dump is placed by it, at its own point
    text = "On 4 April 2022, Russian helicopters fired on the village of Kopyliv (Makariv, Kyiv)."
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2022, 5, 1)), real_gazetteer)
    assert (incident.place.name, incident.geo_precision, incident.place.approximate) == ("Kopyliv", 1, False)
    # a town the data knows keeps its own place
    text = "On 5 March 2022, Russian forces shelled Bucha (Bucha, Kyiv)."
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2022, 5, 1)), real_gazetteer)
    assert (incident.place.name, incident.geo_precision) == ("Bucha", 1)


def test_an_instrument_after_with_names_the_weapon_however_far(real_gazetteer):
    text = "On 17 May 2022, the Russian military said it struck a Ukrainian arms depot in the Lviv region with cruise missiles."
    (incident,) = incidents_from_article(Article(text=text, source="x", published=date(2022, 6, 1)), real_gazetteer)
    assert (incident.sub_event_type, incident.place.name) == ("Shelling/artillery/missile attack", "Lviv Oblast")


def test_an_incident_at_a_facility_is_placed_at_it():
    import datetime

    from geomap.article import Article
    from geomap.pipeline import iter_incidents

    text = "Ukrainian sea drones struck the Crimean Bridge on July 17, 2023, killing two people."
    [incident] = next(iter(iter_incidents([Article(text=text, source="t", published=datetime.date(2023, 7, 17))])))
    assert incident.place.id == "facility:crimean-bridge" and incident.geo_precision == 1
    assert incident.fatalities == 2


def test_the_person_killed_may_be_named_with_the_article(real_gazetteer):
    text = "A car hit an anti-tank mine near Kupiansk on Monday. The driver was killed."
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.place.name, i.fatalities) for i in found] == [("Kupyansk", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters rallied in Novosibirsk against the mobilisation; police detained 40 people.",
        "Protesters rallied in Novosibirsk against the mobilisation. Police detained 40 people.",
        "People staged a demonstration in Novosibirsk. Soldiers dispersed the protesters with stun grenades.",
    ],
)
def test_arrests_right_after_a_protest_are_its_intervention(real_gazetteer, text):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Protest with intervention", "Novosibirsk")]


@pytest.mark.parametrize(
    "text, sub_event_type",
    [
        ("Ukrainian troops entered Lyman on Saturday.", "Government regains territory"),
        ("Russian troops captured Lyman on Saturday.", "Non-state actor overtakes territory"),
        ("Russian forces retook Sudzha in the Kursk region on Saturday.", "Government regains territory"),
    ],
)
def test_who_took_the_ground_decides_the_sub_type(real_gazetteer, text, sub_event_type):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.event_type, i.sub_event_type) for i in found] == [("Battles", sub_event_type)]


def test_a_demonym_after_a_comma_opens_a_clause_of_its_own(real_gazetteer):
    text = "Hezbollah fired rockets at northern Israel, and Israeli jets struck targets in southern Lebanon."
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert sorted((i.place.name, i.sub_event_type) for i in found) == [
        ("Israel", "Shelling/artillery/missile attack"),
        ("Lebanon", "Air/drone strike"),
    ]


@pytest.mark.parametrize(
    "text, place, precision",
    [
        # a village the data lacks (a made-up name), with its region (ACLED notes): the region
        ("On 5 March 2022, Russian forces shelled Zavodianske, Kharkiv.", "Kharkiv Oblast", 3),
        ("On 5 March 2022, Russian and Ukrainian forces clashed near Zavodianske, Kharkiv.", "Kharkiv Oblast", 3),
        # ... or with its district and region: near the district's town
        ("On 5 March 2022, Russian forces shelled Zavodianske (Izium, Kharkiv).", "Izyum", 2),
        ("On 8 March 2022, Russian forces took control of Zavodianske (Izium, Kharkiv).", "Izyum", 2),
        ("On 13 March 2022, a civilian was killed by a landmine in Zavodianske (Izium, Kharkiv).", "Izyum", 2),
        ("On 16 March 2022, Russian drones dropped explosives on Zavodianske (Izium, Kharkiv).", "Izyum", 2),
        ("On 17 March 2022, Russian forces shelled Zavodianske, Hlybochanka and Kopylivka (Izium, Kharkiv).", "Izyum", 2),
        # a village of fewer than 500 people (not in GeoNames' cities500, in its Ukraine dump):
        # at its own point
        ("On 5 March 2022, Russian forces shelled Zavody, Kharkiv.", "Zavody", 1),
        ("On 5 March 2022, Russian forces shelled Zavody (Izium, Kharkiv).", "Zavody", 1),
        # one only the codifier knows: near its community's centre, in its region
        ("On 5 March 2022, Russian forces shelled Verkhnokamianske, Donetsk Oblast.", "Verkhnokamianske", 2),
    ],
)
def test_a_village_the_data_lacks_is_placed_by_its_qualifiers(real_gazetteer, text, place, precision):
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.place.name, i.geo_precision) for i in found] == [(place, precision)]


def test_a_weekday_before_a_comma_is_no_unknown_village(real_gazetteer):
    text = "On Monday, Kharkiv was shelled by Russian forces."
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [i.place.name for i in found] == ["Kharkiv"]


def test_in_his_region_is_the_region_of_the_governor_named(real_gazetteer):
    text = "Belgorod governor Vyacheslav Gladkov said a drone hit a car in a village in his region, wounding two."
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 6)), real_gazetteer)
    assert [(i.place.name, i.geo_precision) for i in found] == [("Belgorod Oblast", 3)]


def test_a_ship_struck_on_station_is_at_the_strait_it_guarded(real_gazetteer):
    # The passive's agent is the weapon ("destroyed by drones" is no drone downed); where the
    # ship was on station locates it; a strait is narrow enough to beat the region named later.
    text = (
        "A Russian patrol boat destroyed by Ukrainian sea drones overnight had been guarding the Kerch Strait. "
        "The boat was attacked off the coast of Crimea."
    )
    found = incidents_from_article(Article(text=text, source="x", published=date(2024, 3, 5)), real_gazetteer)
    assert [(i.place.name, i.event_type, i.geo_precision) for i in found] == [
        ("Kerch Strait", "Explosions/Remote violence", 2)
    ]
