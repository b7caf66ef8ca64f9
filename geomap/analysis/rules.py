r"""The event classification rules, in one table an analyst can read and extend.

Each :class:`Rule` says: when its pattern occurs in a clause, the clause reports
an event of ACLED's ``(event_type, sub_event_type)``. When several rules match in
one clause the highest ``priority`` wins (ties: the earliest match), so specific
rules (a *drone strike*) beat general ones (an *attack*).

Patterns are Python regular expressions, matched case-insensitively on word
boundaries against the clause. Three placeholders keep them short:

``{WEAPON_AIR}``, ``{WEAPON_SHELL}``, ``{WEAPON_IED}``
    the weapon words of :data:`WEAPONS` (drone, missile, mine, ...);
``{ATTACK}``
    nouns of attack (attack, strike, assault, raid, ...).

Triggers and slots
------------------
Most rules are a *trigger* (a list of words: verb forms and nouns, in English,
Russian and Ukrainian) and a *slot* (:data:`SLOT_WORDS`): the words the trigger
needs beside it in its clause, within :data:`SLOT_REACH` words, in any word
order. ``Rule(ATTACK_WORDS, ..., slot="weapon")`` reads "drones struck Kharkiv",
"a missile attack on Odesa", "struck Kharkiv with guided bombs", "атакували
дронами" and "дронами атакували" alike, and takes the sub-type from the weapon
named; ``slot="aerial>"`` asks for the downed weapon after an active verb ("shot
down 20 drones"), ``"aerial<"`` before a passive one ("20 drones were shot
down"). A new verb is a new word in a trigger list; a new word order needs
nothing. Patterns that describe a phrase (``raised the flag over``, ``opened
fire on civilians``) stay phrases.

A *generic* rule (``generic=True``: ``attack``, ``strike``, ``explosion``)
names no weapon. When a weapon word (:data:`WEAPONS`) stands in the same
sentence or, failing that, in the three sentences before (``these attacks``
after a paragraph about mines is a mine attack), the event is an
Explosions/Remote violence event of that weapon's sub-type; otherwise it keeps
the rule's own types (an ``attack near Pokrovsk`` with no weapon is a battle).

To add a rule, append a line to :data:`RULES`. ``tests/test_extract.py`` checks
that every rule compiles and names a valid ACLED type; extraction looks a rule
up by the words it cannot match without (found from the pattern itself), so a
pattern needs at least one literal word.

The ACLED codebook's types, sub-types and disorder types are in
:data:`EVENT_TYPES` and :data:`DISORDER_TYPES`.

Russian and Ukrainian
---------------------
Rules whose pattern is written in Cyrillic letters are rules for Russian and
Ukrainian text, in the same table and with the same priorities as the English
ones (``обстріл``/``обстрел`` 85 as *shelled*, ``удар дронів`` 90 as *drone
strike*, ``бої``/``бои`` 75 as *fighting*, ``затримали``/``задержали`` 78 as
*arrested*). Their placeholders expand to the Cyrillic weapon words of
:data:`CYRILLIC_WEAPONS`, and they are tried only on sentences that hold
Cyrillic letters (:func:`geomap.analysis.text.has_cyrillic`), so English text
pays nothing for them. Both languages inflect: patterns match a stem and
``\w*`` (``обстр[іе]л\w*`` is обстріл, обстріляли, обстрелу, обстреляли),
and a stem that is also the start of common words (``наступ``: *offensive*,
but ``наступного``: *next*) lists its forms instead. The ``CYRILLIC_`` tables
below are the vocabulary the other steps use for these languages (prepositions,
reporting verbs, institutions, sides).
"""

from __future__ import annotations

from dataclasses import dataclass

#: ACLED's six event types and their 25 sub-event types.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: ACLED disorder type of each (event_type, sub_event_type); ``None`` as the
#: sub-type stands for every sub-type of the event type.
DISORDER_TYPES: dict[tuple[str, str | None], str] = {
    ("Battles", None): "Political violence",
    ("Explosions/Remote violence", None): "Political violence",
    ("Violence against civilians", None): "Political violence",
    ("Riots", "Mob violence"): "Political violence",
    ("Riots", "Violent demonstration"): "Demonstrations",
    ("Protests", None): "Demonstrations",
    ("Strategic developments", None): "Strategic developments",
}

#: Weapon words and the Explosions/Remote violence sub-type they imply. Used by
#: generic rules (an ``attack`` near ``drones`` is an air/drone strike).
#: Order matters: the first family whose pattern matches nearest wins.
WEAPONS: dict[str, str] = {
    "Air/drone strike": (
        r"drones?|UAVs?|unmanned aerial vehicles?|Shaheds?|Gerans?|loitering munitions?|"
        r"unmanned surface vessels?|USVs?|(?:unmanned|uncrewed|explosive-laden) boats?|"
        r"air ?strikes?|airstrikes?|aerial bomb\w*|glide bombs?|guided bombs?|warplanes?|"
        r"fighter jets?|jets?|bombers?|helicopter gunships?|helicopters?|air raids?(?! (?:alerts?|sirens?|warnings?|shelters?|alarms?))|aircraft"
    ),
    "Shelling/artillery/missile attack": (
        r"missiles?|rockets?|artillery|shell(?:s|ing|ed)|mortars?|howitzers?|MLRS|"
        r"multiple rocket launchers?|Grads?|HIMARS|Iskanders?|ballistic|cruise missiles?|tank fire|"
        r"(?:white )?phosphorus (?:munitions?|shells?|bombs?)|incendiary (?:munitions?|shells?)|cluster munitions?"
    ),
    "Remote explosive/landmine/IED": (
        r"mines?|landmines?|sea mines?|limpet mines?|IEDs?|"
        r"improvised explosive devices?|explosive devices?|roadside bombs?|car bombs?|"
        r"bombs? (?:planted|hidden)|booby[- ]traps?|delayed fuses?|detonat\w+"
    ),
    "Grenade": r"grenades?",
    "Suicide bomb": r"suicide (?:bomb\w*|attack\w*|vest)",
    "Chemical weapon": r"chemical weapons?|chemical attacks?|chloropicrin|tear gas grenades? dropped|poison gas|sarin",
}

#: The weapon words of :data:`WEAPONS` in Russian and Ukrainian (stems; the
#: ``{WEAPON_...}`` placeholders of a Cyrillic rule expand to these).
CYRILLIC_WEAPONS: dict[str, str] = {
    "Air/drone strike": (
        r"дрон\w*|безпілотн\w*|беспилотн\w*|БпЛА|БПЛА|УБпЛА|шахед\w*|Shahed\w*|герань\w*|герані\w*|ланцет\w*|"
        r"безекіпажн\w* катер\w*|безэкипажн\w* катер\w*|катер\w*-камікадзе|катер\w*-камикадзе|"
        r"авіабомб\w*|авиабомб\w*|КАБ\w*|УМПК|керован\w+ (?:авіа)?бомб\w*|управляем\w+ (?:авиа)?бомб\w*|планирующ\w+ бомб\w*|"
        r"авіаудар\w*|авиаудар\w*|авіаналіт\w*|авианал[её]т\w*|авіаці\w*|авиаци\w*|літак\w*|самол[её]т\w*|"
        r"вертол[іе]т\w*|вертол[её]т\w*|гелікоптер\w*"
    ),
    "Shelling/artillery/missile attack": (
        r"ракет\w*|артилері\w*|артиллери\w*|артобстр\w*|снаряд\w*|обстр[іе]л\w*|міном[её]т\w*|миномет\w*|"
        r"РСЗВ|РСЗО|Град\w*|Ураган\w*|Смерч\w*|HIMARS|ATACMS|Іскандер\w*|Искандер\w*|Калібр\w*|Калибр\w*|"
        r"балістичн\w*|баллистическ\w*|крилат\w*|крылат\w*|С-300|С-400|Х-\d+\w*|танков\w+ (?:обстр\w*|вогн\w*|огн\w*)"
    ),
    "Remote explosive/landmine/IED": (
        r"міна|міни|міну|міною|міні|мінах|мінами|протитанков\w+ мін\w*|протипіхотн\w+ мін\w*|"
        r"мина|мины|мину|миной|минах|минами|противотанков\w+ мин\w*|противопехотн\w+ мин\w*|"
        r"СВП|СВУ|саморобн\w+ вибухов\w+ пристр\w*|самодельн\w+ взрывн\w+ устройств\w*|вибухов\w+ пристр\w*|"
        r"взрывн\w+ устройств\w*|фугас\w*|розтяжк\w*|растяжк\w*|замінован\w*|заминирован\w*|детонаці\w*|детонаци\w*"
    ),
    "Grenade": r"гранат\w*",
    "Suicide bomb": r"смертни\w*",
    "Chemical weapon": r"хімічн\w+ (?:зброї|зброю|зброя|атак\w*|боєприпас\w*)|химическ\w+ (?:оружи\w*|атак\w*|боеприпас\w*)|хлорпікрин\w*|хлорпикрин\w*|отруйн\w+ газ\w*|отравляющ\w+ веществ\w*",
}

#: Cyrillic nouns and verbs of attack (``{ATTACK}`` in a Cyrillic rule).
CYRILLIC_ATTACK = (
    r"(?:удар(?!н)\w*|вдар\w*|атак\w*|нал[іеё]т\w*|обстр[іе]л\w*|влучан\w*|влучил\w*|влучив|приліт\w*|прил[іе]т\w*|"
    r"прил[её]т\w*|уразил\w*|уразив|ураженн?\w*|поразил\w*|поражен\w*|бомбардув\w*|бомбардир\w*)"
)

ATTACK_NOUNS = r"(?:attacks?|strikes?|assaults?|raids?|offensives?|bombardments?|bombings?|barrages?|hits?)"

#: Who civilians are, named in a report of violence against them.
_VICTIMS = (
    r"(?:civilians?|residents?|couple|man|woman|men|women|boys?|girls?|child(?:ren)?|famil(?:y|ies)|people|"
    r"villagers|journalists?|reporters?|volunteers?|priests?|teachers?|drivers?|farmers?|pensioners?|"
    r"elderly|worshippers|students|workers|employees|evacuees|medics|doctors|nurses|passers-by|prisoners|POWs)\b"
)

#: Words that stand for the thing attacked, so "drone attack" and "drones struck"
#: read alike.
HIT_VERBS = r"(?:struck|strikes?|striking|hit|hits|hitting|attacked|attacking|targeted|targeting|slammed|pounded|pounding)"

#: Words of an attack that name no weapon themselves: with a weapon beside them
#: (the ``weapon`` slot) they report an attack by that weapon.
ATTACK_WORDS = (
    r"(?:attacks?|strikes?|raids?|bombardments?|bombings?|barrages?|hits?|struck|striking|hitting|attacked|attacking|"
    r"targeted|targeting|slammed|pounded|pounding|fired on|fired at|fired upon|opened fire on)"
)
#: Words of destruction: with the weapon before them they report an attack ("Ukrainian
#: drones destroyed two boats"); with it after, air defence ("destroyed 20 drones").
DESTROY_WORDS = r"(?<!were )(?<!was )(?<!been )(?<!being )(?:destroyed|destroying|sank|sunk|damaged|wrecked)"

#: After a word of attack, words that make it a modifier of a weapon ("31 attack
#: drones were shot down", "strike UAVs", "attack helicopters"): no attack then.
NOT_A_MODIFIER = r"(?![\s-]+(?:drones?|UAVs?|unmanned|helicopters?|aircraft|jets?|fighters?|groups?|boats?|submarines?|capabilit\w+|weapons?))"

#: Slots: the words a rule's trigger needs beside it in its clause, in any word
#: order ("drones struck Kharkiv", "struck Kharkiv with drones", "атакували
#: дронами", "дронами атакували"). A rule names its slot in ``Rule.slot``; one of
#: the slot's words must stand within :data:`SLOT_REACH` words of the trigger.
#: ``weapon`` is filled by any weapon word of :data:`WEAPONS` (and
#: :data:`CYRILLIC_WEAPONS`), and the event's sub-type is that weapon's.
SLOT_WORDS: dict[str, str] = {
    "weapon": "",  # the weapon families of WEAPONS / CYRILLIC_WEAPONS
    # What air defence downs.
    "aerial": (
        r"drones?|UAVs?|unmanned aerial vehicles?|missiles?|rockets?|Shaheds?|Gerans?|glide bombs?|guided bombs?|"
        r"aerial bombs?|loitering munitions?|jets?|warplanes?|aircraft|planes?|helicopters?|(?:Su|MiG|Ka|Mi)-\d+\w*|"
        r"дрон\w*|безпілотн\w*|беспилотн\w*|БпЛА|БПЛА|УБпЛА|шахед\w*|ракет\w*|"
        r"КАБ\w*|авіабомб\w*|авиабомб\w*|герань\w*|герані\w*|ланцет\w*|літак\w*|самол[её]т\w*|гелікоптер\w*|вертол[её]т\w*"
    ),
    # ... counted (genitive plural, "14 дронов", "65 украинских беспилотников"): an object, never a subject.
    "aerial_counted": r"дронов|дронів|беспилотников|безпілотників|беспилотных|безпілотних|ракет|шахедов|шахедів|крылатых|крилатих|авиабомб|авіабомб",
    # Who or what a movement moves: forces and their arms (a visiting minister is no deployment).
    "forces": (
        r"troops|soldiers|forces|units|servicemen|military|army|brigades?|battalions?|regiments?|divisions?|"
        r"warships?|frigates?|submarines?|vessels|tanks|armou?red vehicles|equipment|weapons|systems|missiles|"
        r"aircraft|jets|bombers|fighter jets|helicopters|marines|paratroopers|mercenaries|contingents?|"
        r"reinforcements|personnel|peacekeepers|police|riot police|guardsmen|National Guard|reservists|conscripts|"
        r"військ\w*|войск\w*|військов\w*|военн\w*|підрозділ\w*|подразделени\w*|бригад\w*|батальйон\w*|батальон\w*|"
        r"полк\w*|техні\w*|техник\w*|сил\w*|резерв\w*|підкріплен\w*|подкреплени\w*|солдат\w*|бійц\w*|бойц\w*|"
        r"десантник\w*|морпіх\w*|морпех\w*|найманц\w*|наемник\w*|кораб\w*|танк\w*|систем\w*|ракет\w*|літак\w*|самол[её]т\w*"
    ),
    "ied": WEAPONS["Remote explosive/landmine/IED"] + "|" + CYRILLIC_WEAPONS["Remote explosive/landmine/IED"],
    # What falls where it strikes: "a missile landed in Przewodow", "debris fell on a house".
    "projectile": (
        r"missiles?|rockets?|shells?|projectiles?|warheads?|bombs?|drones?|UAVs?|Shaheds?|debris|fragments|shrapnel|"
        r"munitions?|ракет\w*|снаряд\w*|уламк\w*|обломк\w*|дрон\w*|безпілотник\w*|беспилотник\w*|БпЛА|БПЛА|"
        r"шахед\w*|бомб\w*|авіабомб\w*|авиабомб\w*|КАБ\w*|боєприпас\w*|боеприпас\w*"
    ),
    # Who fights: killed or destroyed, they are a side of a battle ("eliminated a sabotage group").
    # Armed men an attack kills that ACLED counts as a side of a battle, not civilians.
    "armed": (
        r"militants|fighters|insurgents|terrorists|jihadists|gunmen|rebels|bandits|"
        r"(?:suspected\s+)?gang members|(?:suspected\s+)?(?:\w+\s+)?militants|al-Shabaab fighters"
    ),
    "combatants": (
        r"saboteurs|sabotage (?:and reconnaissance )?groups?|militants|fighters|insurgents|terrorists|jihadists|"
        r"gunmen|rebels|soldiers|troops|servicemen|mercenaries|infantry|assault groups?|positions|"
        r"ДРГ|диверсант\w*|диверсійн\w+ груп\w*|диверсионн\w+ групп\w*|бойовик\w*|боевик\w*|терорист\w*|террорист\w*|"
        r"окупант\w*|оккупант\w*|солдат\w*|військовослужбовц\w*|военнослужащ\w*|штурмов\w+ груп\w*|штурмов\w+ групп\w*|"
        r"найманц\w*|наемник\w*|живої сили|живой силы"
    ),
    # Who demonstrates: a clash or a brawl they are part of is a riot, not a battle.
    "crowd": (
        r"protesters|demonstrators|rioters|marchers|protests?|demonstrations?|rall(?:y|ies)|"
        r"протестувальник\w*|протестуюч\w*|протестующ\w*|мітингувальник\w*|митингующ\w*|демонстрант\w*|"
        r"учасник\w* (?:протест\w*|мітинг\w*|акці\w*)|участник\w* (?:протест\w*|митинг\w*|акци\w*)"
    ),
}

#: How many words before and after its trigger a slot's word may stand.
SLOT_REACH = (5, 8)

#: Slots that reach further than :data:`SLOT_REACH`, across the clauses of the
#: sentence: who took part in a clash is often named a clause before it
#: ("protesters march with flags and sticks as they engage in a clash").
SLOT_REACH_OF: dict[str, tuple[int, int]] = {"crowd": (12, 8), "aerial": (5, 8), "aerial_counted": (5, 8)}


@dataclass(frozen=True, slots=True)
class Rule:
    r"""One classification rule.

    Parameters
    ----------
    pattern : str
        Regular expression (placeholders in the module docstring).
    event_type, sub_event_type : str
        ACLED types the match implies.
    priority : int
        Higher wins when several rules match one clause.
    generic : bool
        The pattern names no weapon; the sub-type of an Explosions/Remote violence
        event comes from weapon words nearby (:data:`WEAPONS`), else the rule's own.
    movement : bool
        The event moves people or things *to* a place (deployments, transfers):
        ``to <place>`` is then where it happens.
    weight : float
        How strongly the words imply the event (enters the confidence).
    origin : bool
        The event happens where people or forces leave (withdrawals,
        evacuations): ``from <place>`` is then where it happens.
    cyrillic : bool
        A rule for Russian/Ukrainian text. Implied by Cyrillic letters in the
        pattern; set it for a pattern of placeholders alone (``{ATTACK}``),
        which then expands to the Cyrillic words.
    slot : str or None
        The words the trigger needs beside it (:data:`SLOT_WORDS`): ``"weapon"``,
        ``"aerial"``. Either side of the trigger by default; ``"aerial>"`` only
        after it (the object of an active verb: "shot down 20 drones"),
        ``"aerial<"`` only before it (the subject of a passive: "20 drones were
        shot down"); several specs joined by ``|`` are alternatives. The pattern
        is then the trigger alone: a new verb is a new word in it, and a new word
        order needs nothing.
    """

    pattern: str
    event_type: str
    sub_event_type: str
    priority: int
    generic: bool = False
    movement: bool = False
    weight: float = 0.9
    cyrillic: bool = False
    origin: bool = False
    slot: str | None = None


#: The rules. Priorities: 90 specific weapon attacks and territory, 80 violence
#: against civilians and protests, 70 generic attacks, 60 battles, 50 strategic
#: developments, 40 weak cues.
RULES: tuple[Rule, ...] = (
    # --- Explosions/Remote violence: the weapon is named ---------------------------
    # A word of attack with a weapon beside it, either side: "drones struck Kharkiv",
    # "a missile attack on Odesa", "struck the centre of Kharkiv with guided aerial bombs".
    Rule(ATTACK_WORDS + NOT_A_MODIFIER, "Explosions/Remote violence", "Air/drone strike", 90, slot="weapon"),
    Rule(DESTROY_WORDS, "Explosions/Remote violence", "Air/drone strike", 89, slot="weapon<"),
    # "a patrol boat destroyed by Ukrainian drones", "a school hit by a missile": the passive's agent
    Rule(r"(?:destroyed|damaged|sunk|hit|struck|attacked|targeted)\s+by\b", "Explosions/Remote violence", "Air/drone strike", 89, slot="weapon>"),
    # A weapon that killed or hurt: "a roadside bomb killed two soldiers", "shrapnel from a drone injured three".
    Rule(r"killed|killing|kills|wounded|wounding|injured|injuring", "Explosions/Remote violence", "Air/drone strike", 61, slot="weapon<"),
    # "a civilian was killed by a landmine in X": the weapon after "by"
    Rule(r"(?:killed|wounded|injured|hurt)\s+(?:by|in)\b", "Explosions/Remote violence", "Air/drone strike", 61, slot="weapon>"),
    # "drones dropped explosives on X": munitions dropped from the air
    Rule(r"(?:dropped|drop|dropping)\s+(?:\w+\s+)?(?:explosives?|grenades?|munitions?|explosive devices?|ammunition|bombs?)", "Explosions/Remote violence", "Air/drone strike", 89),
    # "continued to fire artillery at Kharkiv"
    Rule(r"(?:to|and)\s+fire(?=\s+(?:[\w-]+\s+){0,3}?(?:at|on)\b)", "Explosions/Remote violence", "Air/drone strike", 88, slot="weapon>"),
    Rule(r"launched|launching|fired|firing|sent", "Explosions/Remote violence", "Air/drone strike", 89, slot="weapon"),
    # "used white phosphorus munitions in Bakhmut", "used artillery against Avdiivka": the weapon after
    Rule(r"used(?=\s+(?:[\w-]+\s+){1,4}?(?:in|on|at|near)\s)", "Explosions/Remote violence", "Air/drone strike", 80, slot="weapon>"),
    # "a missile landed in Przewodow", "drone debris fell on a house in X": where it fell is
    # where it struck (the weapon's sub-type when one is named)
    Rule(r"(?:landed|fell|crashed)(?=\s+(?:on|onto|in|into|near|at)\b)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 83, generic=True, slot="projectile<", weight=0.8),
    Rule(r"(?:впал\w*|упал\w*|впав|упав)(?=\s+(?:на|у|в|біля|поблизу|около|возле)\s)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 83, generic=True, slot="projectile<", weight=0.8),
    # "a drone caused a fire at the refinery", "a drone was the likely cause of a fire".
    Rule(r"(?:caused?|causing|sparked|started|triggered)\s+(?:[\w-]+\s+){0,3}?(?:fires?|blazes?|explosions?|damage|destruction)|cause of (?:the |a )?(?:fire|blaze|explosion|damage)", "Explosions/Remote violence", "Air/drone strike", 86, slot="weapon"),
    Rule(r"explo\w+|detonat\w+|blasts?|went off|blew up", "Explosions/Remote violence", "Remote explosive/landmine/IED", 92, slot="ied"),
    Rule(r"air ?strikes?|airstrikes?|air attacks?|air raids?(?! (?:alerts?|sirens?|warnings?|shelters?|alarms?))|bombed|dropped (?:\w+ )?bombs?", "Explosions/Remote violence", "Air/drone strike", 90),
    Rule(r"shell(?:ed|ing|s)|artillery fire|mortar fire|rocket fire|bombard(?:ed|ment|ing)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 85),
    Rule(r"(?:hit|struck|triggered|stepped on|ran over) (?:a |an )?(?:\w+ )?(?:mine|landmine|IED|explosive device)s?", "Explosions/Remote violence", "Remote explosive/landmine/IED", 92),
    Rule(r"(?:{WEAPON_IED})\s+on\s+(?:\w+\s+){0,2}?(?:tankers?|vessels?|ships?|boats?|vehicles?|cars?|trucks?|bus(?:es)?|trains?|railways?)", "Explosions/Remote violence", "Remote explosive/landmine/IED", 91),
    Rule(r"suicide (?:bomb\w*|attack\w*|car bomb\w*)", "Explosions/Remote violence", "Suicide bomb", 95),
    Rule(r"grenades? (?:\w+ )?(?:attack|thrown|hurled|exploded|was thrown)|threw (?:a )?grenades?", "Explosions/Remote violence", "Grenade", 93),
    # Tear gas dropped from a drone is a chemical weapon (ACLED, Ukraine); police tear gas is not.
    Rule(r"chemical (?:weapons?|attacks?|munitions?)|dropped (?:\w+ )?(?:tear gas|chloropicrin|poison gas)|used (?:\w+ )?(?:chloropicrin|poison gas|sarin)", "Explosions/Remote violence", "Chemical weapon", 94),
    # --- generic attacks: the weapon comes from context ---------------------------
    Rule(r"(?:attacks?|attacked)\s+(?:on|against|at|in|near|targeting)\b", "Battles", "Armed clash", 70, generic=True, weight=0.7),
    Rule(r"(?:attacked|assaulted|stormed)\s+(?:[\w,]+\s+){0,3}?(?:times\s+)?(?:near|in|around|on|at)\b|launched\s+(?:[\w,]+\s+){0,2}?(?:attacks|assaults)\b", "Battles", "Armed clash", 69, generic=True, weight=0.7),
    Rule(r"(?:strikes?|struck)\s+(?:on|against|at|in|near|targeting)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 70, generic=True, weight=0.7),
    # "Ukrainian forces struck a landing ship in Berdiansk": armed forces that strike, no weapon named
    Rule(r"struck|hit|targeted|pounded", "Explosions/Remote violence", "Shelling/artillery/missile attack", 68, generic=True, weight=0.7, slot="forces<"),
    # Both sides firing is a fight, as ACLED codes it: "exchanged artillery strikes near X", "shelled each
    # other near X", "the SMM observed projectiles in both directions of the frontline near X"; and an
    # assault with shelling ("assaulted Ukrainian forces as well as shelled near X"). Drone and missile
    # attacks traded across the front stay strikes.
    Rule(r"exchang(?:ed|ing|es?)\s+(?:(?:artillery|mortar|tank|heavy|rocket|small[- ]arms|gun|machine-?gun)\s+)?"
         r"(?:fire|strikes|attacks|shelling|shots)\b|(?:shell(?:ed|ing)|fir(?:ed|ing)\s+(?:at|on))\s+each\s+other|"
         r"in\s+both\s+directions\s+of\s+the\s+(?:front\s*line|contact\s+line|line\s+of\s+contact)|"
         r"(?:assaulted|ground\s+assaults?|offensive\s+operations?)\s+(?:[\w-]+\s+){0,5}?(?:and|as\s+well\s+as)\s+(?:also\s+)?shelled",
         "Battles", "Armed clash", 91),  # above a weapon's attack: "exchanged artillery strikes"
    # "helicopter fire destroyed the village of X", "artillery fire hit X": the weapon's fire.
    Rule(r"(?:helicopters?|gunships?|aircraft|aviation|drone)\s+fire", "Explosions/Remote violence", "Air/drone strike", 88),
    Rule(r"(?:tank|mortar|howitzer|MLRS|heavy weapons?|rocket)\s+fire|shelled\s+(?:[\w-]+\s+){0,2}?with", "Explosions/Remote violence", "Shelling/artillery/missile attack", 87),
    # "Russian fire hit central Bilozerka", "enemy fire killed a woman": a side's fire, not a blaze.
    Rule(r"(?:Russian|Ukrainian|enemy|hostile|Israeli|occupiers'?|artillery|sniper)\s+fire\s+(?:hit|struck|killed|wounded|injured|damaged|destroyed)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 80, generic=True, weight=0.8),
    # "debris from a downed drone hit a refinery": the attack, where the debris fell.
    Rule(r"(?:debris|fragments|wreckage)\s+(?:[\w-]+\s+){0,5}?(?:fell|hit|struck|damaged|sparked|caused|started|landed)", "Explosions/Remote violence", "Air/drone strike", 71, generic=True, weight=0.7),
    # "Israeli strikes killed five people in Khan Younis": the effect names the attack.
    # (a headline's present: "attack leaves three victims", "strike kills two")
    Rule(ATTACK_NOUNS[:-1] + r"|shelling)\s+(?:[\w-]+\s+){0,2}?(?:killed|kills|wounded|wounds|injured|injures|left|leaves|destroyed|destroys|damaged|damages|hit|hits)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 71, generic=True, weight=0.7),
    Rule(r"attacked|attacking|raided|raiding", "Battles", "Armed clash", 60, generic=True, weight=0.6),
    # "came under enemy fire", "Bilozerka was again under Russian fire"; not "came under fire for his remarks".
    Rule(r"(?:came|come|comes|coming|was|were|is|are|been)\s+(?:again\s+|also\s+|repeatedly\s+)?under\s+(?:heavy\s+|enemy\s+|Russian\s+|Ukrainian\s+|artillery\s+|mortar\s+|rocket\s+|hostile\s+)*(?:fire|shelling|bombardment)(?!\s+(?:for|over|from\s+(?:critics|lawmakers|opposition|activists)))", "Explosions/Remote violence", "Shelling/artillery/missile attack", 66, generic=True, weight=0.7),
    # ", hitting a children's hospital in Kyiv": the effect of an attack, where it landed.
    Rule(r"(?:hitting|striking|damaging)\s+(?:a|an|the|two|three|four|five|several|many|\d+)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 62, generic=True, weight=0.6),
    Rule(r"explosions?|blasts?|exploded|blew up|detonat\w+", "Explosions/Remote violence", "Remote explosive/landmine/IED", 65, generic=True, weight=0.6),
    Rule(r"(?:overnight|night|massive|large-scale|combined) (?:attack|strike)s?", "Explosions/Remote violence", "Shelling/artillery/missile attack", 72, generic=True, weight=0.7),
    # --- Battles -----------------------------------------------------------------
    # "liberated"/"occupied" are adjectives as often as verbs ("the occupied city of
    # Melitopol", "Russian-occupied Crimea"): as verbs they need what was taken.
    # "a fourth village, Storozhove, had been secured": the place named before the verb.
    # "had been cleared" of the enemy, not "have been cleared of mines"
    Rule(r"(?:has|have|had|was|were)\s+(?:also\s+)?been\s+(?:secured|liberated|retaken|recaptured|cleared(?!\s+of\b))", "Battles", "Government regains territory", 91),
    Rule(r"(?:retook|recaptured|restored|regained) control|recaptured|retook|retaken|took back|won back|liberation of|(?<!the )(?<!-)(?<!newly )liberated[\"'\u2019\u201d]?\s+(?:the\s+)?(?:village|town|city|settlement|hamlet)|"
         # "forces liberated Kherson": the verb, right after who acted, before a name
         r"(?:forces|troops|army|soldiers|units|brigade|military)\s+(?:have\s+|had\s+)?liberated(?=\s+(?-i:[A-Z]))", "Battles", "Government regains territory", 92),
    # "captured two Russian soldiers", "soldiers captured in the first phase of the war": people, not ground.
    Rule(r"captured(?! on (?:video|camera|film|tape))(?!(?:" + "|".join(f"(?<={w} captured)" for w in ("soldiers", "troops", "servicemen", "prisoners", "fighters", "civilians", "people")) + r")\s+(?:in|during|by|since|earlier|early|at|last|after|on)\b)(?!\s+(?:[\w-]+\s+){0,2}?(?:soldiers|troops|servicemen|prisoners|fighters|civilians|people|men|women|personnel|marines|paratroopers|mercenaries))|seized control|seized (?:the )?(?:village|town|city|settlement|positions?|airport|bridgehead)|(?:took|taken|take|taking|seized|gained|established) (?:full |complete |total )?control|(?:took|taken|taking) over(?= (?:the )?(?:village|town|city|settlement|hamlet|(?-i:[A-Z])))|overran|overrun|overtook|overtaken|fell to|advanced into|entered the (?:village|town|city)|(?:forces|troops|units|army|soldiers|servicemen)\s+(?:have\s+|had\s+)?entered(?=\s+(?-i:[A-Z]))|(?<!the )(?<!-)(?<!temporarily )occupied\s+(?:the\s+)?(?:village|town|city|settlement|hamlet)|"
         # "Russian forces occupied Bilozerka": the verb, right after who acted, before a name
         r"(?:forces|troops|army|soldiers|units|servicemen)\s+(?:have\s+|had\s+)?occupied(?=\s+(?-i:[A-Z]))", "Battles", "Non-state actor overtakes territory", 88),
    # "Russian forces advanced in Selydove" (ISW): fighting located where the line moved.
    Rule(r"(?:advanced|advancing|advances|made (?:\w+ )?gains|gained ground)\s+(?:\w+\s+){0,2}?(?:in|near|into|towards?|within|on|around|north|south|east|west)\b", "Battles", "Armed clash", 76),
    Rule(r"clash(?:es|ed)?|fighting(?! (?:corruption|crime|fires?|poverty|disinformation|inflation|zones?|areas?|age|chance|spirit|words))|fought|firefights?|gunfights?|shoot-?outs?|gun ?battles?|exchanges? of fire|exchanged fire|battles? (?:for|over|near|in|around)|skirmish\w*|combat operations|engaged in combat", "Battles", "Armed clash", 75),
    Rule(r"repel(?:led|s|ling)? (?:\w+ ){0,4}?(?:attacks?|assaults?|offensives?)|(?:assaults?|offensive|counter-?offensive|counter-?attacks?|ground attacks?)", "Battles", "Armed clash", 74),
    # Forces driven back: "pushed Russian troops back from the outskirts of Kharkiv" (not "prices were pushed back").
    Rule(r"(?:pushed|drove|driven|forced)\s+(?:\w+\s+){0,3}?back|repulsed|repelled", "Battles", "Armed clash", 74, slot="forces"),
    # "(Russian forces assaulted,) and were repulsed from Ukrainian positions near Vesele": who was repulsed is a force
    Rule(r"(?:were|was)\s+(?:\w+\s+)?(?:repulsed|repelled)", "Battles", "Armed clash", 74),
    # An attempted advance or assault is a battle fought ("tried to advance near Robotyne", "attempted to storm
    # positions near Krynky"), not an event that did not happen (UNREALISED's "try to")
    Rule(r"(?:tried|attempted|attempting|trying|sought)\s+(?:\w+\s+)?to\s+(?:advance|storm|assault|break through|push forward|recapture|retake|encircle|cross)\b", "Battles", "Armed clash", 77, slot="forces"),
    # ACLED's notes: "attempted to seize Hrushuvakha", "trying to gain Avdiivka", "attempted an advance near X"
    Rule(r"(?:tried|attempted|attempting|trying)\s+to\s+(?:seize|capture|gain|take)(?=\s+(?:the\s+(?:village|town|city|settlement)\s+of\s+)?(?-i:[A-Z]))|"
         r"(?:tried|attempted|attempting|trying)\s+(?:an?\s+)?(?:advance|assault|offensive|breakthrough|attack)\b", "Battles", "Armed clash", 77),
    Rule(r"inflict\w*\s+(?:\w+\s+){0,3}?(?:losses|casualties|damage)\s+on", "Battles", "Armed clash", 73),
    # What an armed force destroys of the other's: "destroyed a Russian column near Kherson" is a
    # fight (ACLED: Armed clash), "destroyed an ammunition depot near Huliaipole" a strike.
    Rule(r"(?:forces|troops|army|military|soldiers|units)\s+(?:[\w-]+\s+){0,4}?destroyed\s+(?:[\w-]+\s+){0,4}?(?:columns?|convoys?)\b", "Battles", "Armed clash", 75),
    Rule(r"(?:forces|troops|army|military|soldiers|units)\s+(?:[\w-]+\s+){0,4}?destroyed\s+(?:[\w-]+\s+){0,4}?"
         r"(?:depots?|warehouses?|command posts?|headquarters|(?:artillery\s+)?positions|fuel\s+\w+|stores)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 75, generic=True, weight=0.7),
    # Fighters killed by the other side: "eliminated a Ukrainian sabotage group", "neutralised militants".
    Rule(r"eliminat(?:ed|e|es|ing)|liquidat(?:ed|e|es|ing)|neutrali[sz](?:ed|e|es|ing)|wiped out", "Battles", "Armed clash", 74, slot="combatants"),
    # "Security forces killed 7 militants in North Waziristan": fighters killed by the other side
    Rule(r"killed|killing|shot dead", "Battles", "Armed clash", 73, slot="armed>"),
    # Monitors' reports: "the SMM observed 40 bursts of fire near X", "recorded 12 explosions".
    Rule(r"(?:bursts|rounds|exchanges)\s+of\s+(?:[\w-]+\s+)?(?:fire|gunfire)|(?:observed|recorded|heard)\s+(?:[\w,-]+\s+){0,3}?(?:explosions|bursts)", "Battles", "Armed clash", 72),
    # ... explosions and projectiles they observe are shelling, as ACLED codes them ("observed a total of 24
    # projectiles/shots involving unknown weapons near X"); shots and bursts of fire alone are a fight
    Rule(r"(?:observed|recorded)\s+(?:[\w,/-]+\s+){0,5}?(?:explosions|projectiles)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 73),
    # small arms are a fight's weapons: "fired small arms at the governmental positions near Vodyane"
    Rule(r"(?:fired|firing|fire(?!\s+involving\b)|used|using)\s+(?:[\w-]+\s+){0,2}?(?:small arms|(?:heavy\s+)?machine ?guns|grenade launchers|rifles|automatic weapons)", "Battles", "Armed clash", 86),
    Rule(r"(?:encircled|trapped|surrounded|besieged)\s+(?:\w+\s+){0,4}?(?:troops|soldiers|forces|units|fighters|positions?|garrison|stronghold)", "Battles", "Armed clash", 73),
    Rule(r"(?:killed|wounded|died) in (?:the )?(?:\w+ )?(?:assaults?|fighting|battles?|clashes|combat)", "Battles", "Armed clash", 76),
    # --- Violence against civilians ----------------------------------------------
    Rule(r"rap(?:ed|e)|sexual(?:ly)? (?:violence|assault\w*|abuse\w*)", "Violence against civilians", "Sexual violence", 85),
    Rule(r"abduct\w*|kidnap\w*|forcibly (?:disappeared|deported|taken)|forced disappearance", "Violence against civilians", "Abduction/forced disappearance", 84),
    Rule(r"(?:terrorist|terror) attacks?|mass shooting|gunmen (?:\w+ ){0,3}?(?:opened fire|attacked|stormed|killed|shot)", "Violence against civilians", "Attack", 83),
    # Prisoners and those surrendering are protected: "shot three surrendering soldiers" (ACLED: VAC).
    Rule(r"(?:shot|executed|killed|shooting)\s+(?:[\w-]+\s+){0,3}?(?:surrendering|captured|unarmed|disarmed|bound)\s+(?:[\w-]+\s+)?(?:soldiers|servicemen|troops|fighters|prisoners|POWs|men)", "Violence against civilians", "Attack", 86),
    Rule(r"murder(?:ed|s|ing)?|slain|slaughtered|butchered|assassinat(?:ed|ion)", "Violence against civilians", "Attack", 79),
    Rule(r"розстріля\w*|расстреля\w*|закатува\w*|катува\w*|замучил\w*|пытал(?!ся|ась|ись|ось)\w*|стратил\w*|стратив", "Violence against civilians", "Attack", 79),
    Rule(r"executed|massacr\w+|shot dead|gunned down|opened fire on (?:\w+ ){0,2}?(?:civilians|residents|villagers|people|passers-by)|tortured|beat(?:en)? to death|lynched", "Violence against civilians", "Attack", 82),
    # Victims named by who they are: "shot a retired couple", "fired on a car", "opened fire on journalists".
    Rule(r"(?:shot|shooting|fired on|fired at|opened fire on|opened fire at|stabbed)\s+(?:(?:and\s+(?:killed|beheaded|executed|wounded|injured)|dead)\s+)?(?:[\w-]+\s+){0,3}?" + _VICTIMS, "Violence against civilians", "Attack", 81),
    Rule(r"(?:fired on|fired at|opened fire on|shot at)\s+(?:a|an|the)?\s*(?:civilian\s+)?(?:cars?|vehicles?|bus(?:es)?|minibus(?:es)?|ambulances?|evacuation\s+\w+|convoy)", "Violence against civilians", "Attack", 80),
    Rule(r"(?:gangs?|gunmen|bandits|armed men)\s+(?:\w+\s+){0,2}?(?:rampaged|raided|attacked|stormed|killed|shot|torched|burned)", "Violence against civilians", "Attack", 83),
    # Armed groups killing civilians: "Boko Haram insurgents killed 12 farmers" (soldiers killed is a battle).
    Rule(r"(?:insurgents|militants|jihadists|terrorists|attackers|assailants|herders|herdsmen|militiamen|militia|rebels|fighters|"
         r"forces|troops|soldiers|army|military|servicemen|police|policemen)\s+"
         r"(?:[\w-]+\s+){0,2}?(?:killed|shot|massacred|executed|beheaded)\s+(?:[\w-]+\s+){0,3}?" + _VICTIMS,
         "Violence against civilians", "Attack", 83),
    # One armed side killing the other: "militants killed three soldiers near Djibo".
    Rule(r"(?:insurgents|militants|jihadists|rebels|fighters|soldiers|troops|forces|army|gunmen|(?-i:DPR|LPR|DNR|LNR|NAF))\s+(?:[\w-]+\s+){0,2}?killed\s+(?:[\w-]+\s+){0,4}?"
         r"(?:soldiers|troops|servicemen|militants|insurgents|fighters|rebels|jihadists|policemen|police officers|gendarmes|militiamen)\b",
         "Battles", "Armed clash", 84),  # above "gunmen killed ...": police and soldiers killed are a side, not civilians
    # Armed groups attacking forces: "Taliban gunmen attacked a police checkpoint" is a battle.
    Rule(r"(?:insurgents|militants|jihadists|rebels|fighters|gunmen|bandits|attackers|assailants)\s+(?:[\w-]+\s+){0,2}?"
         r"(?:attacked|stormed|raided|overran|ambushed)\s+(?:[\w-]+\s+){0,3}?"
         r"(?:police|military|army|checkpoints?|bases?|posts?|outposts?|convoys?|barracks|garrisons?|soldiers|troops|patrols?)\b",
         "Battles", "Armed clash", 84),
    # Ambushes of forces: "jihadists ambushed a military convoy near Djibo".
    Rule(r"ambush(?:ed|es|ing)?", "Battles", "Armed clash", 76),
    # --- Protests and riots --------------------------------------------------------
    # Lethal force only: tear gas or rubber bullets fired at a crowd are an intervention.
    Rule(r"(?:police|security forces|riot police|troops|soldiers|army|guards) (?:\w+ ){0,3}?(?:fired(?! (?:tear|water|rubber|stun|pepper|flash|smoke|warning))|opened fire|shot|killed)(?: \w+){0,3} (?:protesters|demonstrators|marchers)", "Protests", "Excessive force against protesters", 88),
    Rule(r"(?:police|security forces|riot police|officers|forces|troops|soldiers|occupiers|guards) (?:\w+ ){0,3}?(?:detained|arrested|beat|dispersed) (?:\w+ ){0,3}?(?:protesters|demonstrators|marchers|activists)", "Protests", "Protest with intervention", 87),
    Rule(r"(?:police|security forces|riot police|officers|troops) (?:\w+ ){0,2}?(?:used|fired) (?:tear gas|water cannons?|rubber bullets|stun grenades)", "Protests", "Protest with intervention", 86),
    Rule(r"(?:protest\w*|demonstrat\w*|marchers|rall\w*|crowds?) (?:\w+ ){0,4}?(?:were|was) (?:\w+ )?(?:beaten|detained|arrested|dispersed|tear-gassed|pepper-sprayed) by (?:\w+ )?(?:police|security forces|officers|troops)", "Protests", "Protest with intervention", 87),
    Rule(r"(?:police|security forces|authorities) (?:\w+ ){0,3}?(?:dispersed|broke up|detained|arrested|tear-gassed|used tear gas)(?: [\w,'-]+){0,6}? (?:protest\w*|demonstrat\w*|rall\w*|marchers|crowd)", "Protests", "Protest with intervention", 87),
    # Demonstrators who clash or brawl (with police, with a rival group) riot (ACLED: Violent demonstration).
    Rule(r"clash(?:es|ed)?|brawls?|scuffles?|scuffled|fought|fist-?fights?|threw stones|threw rocks|set fire|torched|smashed|looted|stormed", "Riots", "Violent demonstration", 88, slot="crowd"),
    Rule(r"riot(?:s|ed|ing|ers)?\b(?! police| gear| control| squad| troops| shields?| vans?)|violent disorder|"
         r"(?:threw|throwing|hurled|hurling)\s+(?:\w+\s+)?(?:stones|rocks|bricks|bottles|petrol bombs|molotov cocktails|fireworks|missiles)\s+at\s+(?:the\s+)?(?:police|officers|security forces|riot police)", "Riots", "Violent demonstration", 86),
    Rule(r"mob (?:attacked|killed|lynched|beat)|lynch mob|vigilantes? (?:attacked|killed|beat)", "Riots", "Mob violence", 86),
    Rule(r"protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|march(?:ed)? (?:against|in protest|for)|picket\w*|sit-ins?|took to the streets|strikers|went on strike", "Protests", "Peaceful protest", 80),
    # "Thousands marched through central London": a crowd that marches
    Rule(r"(?:thousands|hundreds|dozens|crowds?|people|supporters|students|workers|residents|women|activists|farmers)\s+(?:\w+\s+){0,2}?marched\b", "Protests", "Peaceful protest", 79),
    # --- Strategic developments -----------------------------------------------------
    Rule(r"arrest(?:ed|s|ing)?|detain(?:ed|ing|s)|detention of|detentions|taken into custody|apprehended|charged with (?:treason|sabotage|espionage|terrorism)", "Strategic developments", "Arrests", 78),
    Rule(r"signed (?:\w+ ){0,3}?(?:agreement|deal|treaty|accord|memorandum)|(?:ceasefire|truce|peace deal|peace agreement) (?:was |has been )?(?:agreed|signed|reached)|(?:agreed|agree|agreeing)\s+(?:[\w,]+\s+){0,4}?(?:(?:to|on|upon)\s+)?(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+)?(?:ceasefire|cease-fire|truce|armistice|prisoner (?:exchange|swap))|(?:ceasefire|cease-fire|truce) (?:deal|agreement|accord)|(?:ceasefire|cease-fire|truce) (?:took|takes|came|comes) (?:effect|into (?:force|effect))|prisoner (?:exchange|swap)s?|exchanged (?:\w+ ){0,3}?prisoners", "Strategic developments", "Agreement", 60),
    Rule(r"(?:peace )?talks|negotiations", "Strategic developments", "Other", 45, weight=0.5),
    # "440 graves were discovered in Izium", "a mass grave was found near Bucha"
    Rule(r"mass graves?|graves?\s+(?:[\w,-]+\s+){0,6}?(?:were|was|have been|had been)\s+(?:discovered|found|uncovered|exhumed)|exhum(?:ed|ation)", "Strategic developments", "Other", 58),
    # Air defence: the weapon downed is the object of an active verb ("shot down 20 drones"),
    # the subject of a passive ("20 drones were shot down", "drones shot down over X").
    # (not "a patrol boat destroyed by Ukrainian drones": the drones' agent)
    Rule(r"(?:intercepted|intercepting|shot down|shooting down|downed|downing|destroyed|destroying|neutrali[sz]ed|suppressed)(?!\s+by\b)", "Strategic developments", "Disrupted weapons use", 55, slot="aerial>"),
    Rule(r"(?:were|was|had been|have been|being|been)\s+(?:\w+\s+)?(?:shot down|intercepted|downed|destroyed|neutrali[sz]ed|suppressed)|(?:shot down|intercepted|downed|destroyed)(?=\s+(?:over|in|near|above)\b)", "Strategic developments", "Disrupted weapons use", 55, slot="aerial<"),
    # demining: "sappers cleared 17 hectares of a territory near Ustynivka from explosive devices"
    # (not "38% of the territories have been cleared of mines": a tally)
    Rule(r"cleared\s+(?:\d[\d,.]*|[a-z]+)\s+(?:hectares|ha|square\s+(?:kilomet\w+|met\w+|miles)|km2|acres)\s+(?:[\w,-]+\s+){0,8}?(?:of|from|for)\s+(?:[\w-]+\s+){0,2}?"
         r"(?:mines|landmines|explosive devices|explosives|unexploded ordnance|ordnance)", "Strategic developments", "Disrupted weapons use", 55),
    Rule(r"defused|(?:air defen[cs]es?|air defense) (?:\w+ )?(?:repelled|shot|intercepted|destroyed|were active|activated)", "Strategic developments", "Disrupted weapons use", 55),
    Rule(r"(?:set up|established|built|opened) (?:\w+ )?(?:a |an |its |new )?(?:military )?(?:base|headquarters|outpost|camp)", "Strategic developments", "Headquarters or base established", 58),
    Rule(r"loot(?:ed|ing)|ransack\w*|set fire to|set\s+(?:[\w-]+\s+){1,3}?(?:on fire|ablaze|alight)|torched|vandali[sz]\w*|demolished|burned down|burnt down", "Strategic developments", "Looting/property destruction", 57),
    Rule(r"withdr(?:ew|awn|awal|awing|aw)\b|handed over control|pulled out of|retreated from|left the (?:city|town|village)", "Strategic developments", "Non-violent transfer of territory", 56, origin=True),
    Rule(r"evacuat(?:ed|ing|ion)\s+(?:[\w-]+\s+){0,3}?from|(?:were|was|had been|have been)\s+evacuated|fled\s+from", "Strategic developments", "Other", 54, origin=True, weight=0.8),
    # "raised the flag over X": a town taken (the actors say by whom).
    Rule(r"(?:raised|raising|hoisted|hoisting|planted|planting)\s+(?:the\s+|a\s+|their\s+|its\s+)?(?:[\w-]+\s+)?flags?\b(?!\s+(?:at|outside)\s+(?:the\s+)?(?:embassy|ceremony|parliament|school|stadium|half-mast))", "Battles", "Government regains territory", 88),
    # Forces moved somewhere; "the foreign minister arrived in Washington" is a visit, no development.
    Rule(r"(?:deploy(?:ed|ing|ment)?|redeploy\w*|stationed|sent|dispatched|transferr?(?:ed|ing)|moved|relocated|arrived)\s+(?:\w+\s+){0,5}?(?:to|in|into|at)\b", "Strategic developments", "Other", 52, movement=True, weight=0.8, slot="forces"),
    Rule(r"(?:troops|soldiers|personnel|forces|servicemen|units)\s+(?:\w+\s+){0,3}?(?:deployed|redeployed|sent|dispatched|transferred|stationed|arrived)", "Strategic developments", "Other", 53, movement=True, weight=0.8),
    Rule(r"(?:taken|brought|transported|evacuated|transferr?(?:ed|ing)|transporting|sent|flown)\s+(?:\w+\s+){0,4}?(?:to|into)\s+(?:\w+\s+){0,3}?(?:hospitals?|clinics?|medical)|(?:transferr?(?:ed|ing)|transport(?:ed|ing)|evacuat(?:ed|ing))\s+(?:\w+\s+){0,3}?(?:injured|wounded)\s+(?:\w+\s+){0,2}?(?:soldiers|troops|servicemen|personnel)", "Strategic developments", "Other", 62, movement=True, weight=0.85),
    Rule(r"(?:troops|soldiers|personnel|servicemen)\s+(?:were |was |had been |have been )?(?:transported|transferred|flown|taken)", "Strategic developments", "Other", 54, movement=True, weight=0.8),
    # --- Russian and Ukrainian (see "Russian and Ukrainian" above) -------------------------
    # Explosions/Remote violence: the weapon is named. "[\w'’ʼ-]+" is one word (apostrophes: п'ять).
    Rule(r"{ATTACK}", "Explosions/Remote violence", "Air/drone strike", 90, cyrillic=True, slot="weapon"),
    Rule(r"запустил\w*|запустив|випустил\w*|випустив|выпустил\w*|спрямувал\w*|спрямував", "Explosions/Remote violence", "Air/drone strike", 89, slot="weapon"),
    Rule(r"вибух\w*|взорв\w*|здетонув\w*|сдетонир\w*|спрацюва\w*|сработа\w*", "Explosions/Remote violence", "Remote explosive/landmine/IED", 92, slot="ied"),
    Rule(r"підірва\w*|подорва\w*|наїха\w*|наеха\w*|наступи\w*|наступив", "Explosions/Remote violence", "Remote explosive/landmine/IED", 92, slot="ied>"),
    Rule(r"авіаудар\w*|авиаудар\w*|авіаналіт\w*|авианал[её]т\w*|(?:скинул\w*|скинув|скида\w*|сбросил\w*|сбрасыва\w*)\s+(?:[\w'’ʼ-]+\s+){0,3}?(?:бомб\w*|авіабомб\w*|авиабомб\w*|КАБ\w*|гранат\w*|вибухівк\w*|взрывчатк\w*|боєприпас\w*|боеприпас\w*)", "Explosions/Remote violence", "Air/drone strike", 93),
    Rule(r"обстр[іе]л\w*|обстрілю\w*|обстрелива\w*|артобстр\w*|артилерійськ\w+ (?:вогн\w*|удар\w*)|артиллерийск\w+ (?:огн\w*|удар\w*)|мінометн\w+ (?:вогн\w*|обстр\w*)|минометн\w+ (?:огн\w*|обстр\w*)|бомбардув\w*|бомбардир\w*", "Explosions/Remote violence", "Shelling/artillery/missile attack", 85),
    Rule(r"(?:підрив\w*|подрыв\w*|підірвал\w*|подорвал\w*)\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:автомобіл\w*|автомобил\w*|машин\w*|авто|автобус\w*|потяг\w*|поїзд\w*|поезд\w*|залізничн\w*|железнодорожн\w*|мост\w*|газопров\w*|локомотив\w*|тепловоз\w*)", "Explosions/Remote violence", "Remote explosive/landmine/IED", 91),
    Rule(r"смертни\w*", "Explosions/Remote violence", "Suicide bomb", 95),
    Rule(r"(?:кинул\w*|кинув|метнул\w*|жбурнул\w*|жбурнув)\s+(?:[\w'’ʼ-]+\s+)?гранат\w*|гранат\w*\s+(?:[\w'’ʼ-]+\s+)?(?:вибухнул\w*|вибухнув|взорвал\w*|розірвал\w*|разорвал\w*)", "Explosions/Remote violence", "Grenade", 93),
    Rule(r"хімічн\w+ (?:зброї|зброю|зброя|атак\w*|боєприпас\w*|речовин\w*)|химическ\w+ (?:оружи\w*|атак\w*|боеприпас\w*|веществ\w*)|хлорпікрин\w*|хлорпикрин\w*|(?:скинул\w*|скинув|сбросил\w*)\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:сльозогінн\w*|слезоточив\w*|отруйн\w*|отравляющ\w*)", "Explosions/Remote violence", "Chemical weapon", 94),
    # generic attacks: the weapon comes from context
    Rule(r"атак\w*(?=\s+(?:[\w,'’ʼ-]+\s+){0,3}?(?:на|по|проти|против|біля|поблизу|около|возле|під|под|в|у|в районі|в районе)\b)", "Battles", "Armed clash", 69, generic=True, weight=0.7),
    Rule(r"атакува\w*|атакова\w*|атак[аиуоі]|атакою|атаками|атак", "Battles", "Armed clash", 60, generic=True, weight=0.6),
    Rule(r"(?:удар\w*|вдари\w*|вдарил\w*|вдарив|уразил\w*|уразив|поразил\w*|влучил\w*|влучив|влучан\w*)\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:по|на|в|у|біля|около|під|под)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 70, generic=True, weight=0.7),
    Rule(r"приліт|прильот\w*|прил[её]т|прил[её]та|прил[её]ты|прил[её]тов|прил[её]том|влучання|влучанням|попадани[ея]", "Explosions/Remote violence", "Shelling/artillery/missile attack", 62, generic=True, weight=0.6),
    Rule(r"вибух\w*|вибухнул\w*|вибухнув|взрыв\w*|взорвал\w*|прогриміл\w*|прогриміли|прогремел\w*|детонаці\w*|сдетонир\w*|здетонув\w*", "Explosions/Remote violence", "Remote explosive/landmine/IED", 65, generic=True, weight=0.6),
    Rule(r"(?:масован\w*|массирован\w*|комбінован\w*|комбинирован\w*|нічн\w*|ночн\w*|наймасованіш\w*|масштабн\w*)\s+(?:[\w'’ʼ-]+\s+)?(?:атак\w*|удар\w*|обстр[іе]л\w*)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 72, generic=True, weight=0.7),
    # Battles. "звільнили"/"освободили" need what was taken ("звільнили з полону": released).
    Rule(r"(?:звільнил\w*|звільнив|визволил\w*|визволив|освободил\w*|відбил\w*|відбив|отбил\w*|повернул\w* під контроль|вернул\w* под контроль)(?!\s+(?:[\w'’ʼ-]+\s+)?(?:атак|штурм|наступ))(?=\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:село|селище|селища|місто|міста|населен\w+ пункт\w*|смт|н\.\s?п\.|город|пос[её]лок|поселок|деревн\w*|хутір|хутор|пгт|(?-i:[А-ЯІЇЄҐ])\w+))|звільненн\w* (?:села|селища|міста|населеного)|освобождени\w* (?:села|пос[её]лка|поселка|города|населенного)", "Battles", "Government regains territory", 92),
    Rule(r"(?:захопил\w*|захопив|захватил\w*|окупувал\w*|окупував|оккупировал\w*)(?!\s+(?:[\w'’ʼ-]+\s+)?(?:в|у)\s+(?:полон|плен))|(?:зайняли|зайняв|заняли|занял\w*|увійшли в|вошли в)(?=\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:село|селище|місто|населен\w+ пункт\w*|город|пос[её]лок|поселок|(?-i:[А-ЯІЇЄҐ])\w+))|(?:встановил\w*|встановив|установил\w*|взяли|взяв|взял\w*|перейшов|перейшл\w*|перешел|перешл\w*)\s+(?:під\s+|под\s+)?(?:повний\s+|полный\s+|свій\s+|свой\s+)?контрол\w*", "Battles", "Non-state actor overtakes territory", 88),
    # "намагався просунутися біля X", "пытались штурмовать": an attempt of the ground forces is a battle
    Rule(r"(?:намага\w*|намагав\w*|спробу\w*|пыта\w*|попытк\w*|попыта\w*)\s+(?:[\w'’ʼ-]+\s+)?(?:просунут\w*|продвинут\w*|прорват\w*|прорвать\w*|потіснит\w*|потеснит\w*|оточит\w*|окружит\w*|вклинит\w*)", "Battles", "Armed clash", 77),
    Rule(r"(?:просунул\w*|просунув|продвинул\w*|просуваються|продвигаются|просування|продвижени\w*)\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:в|у|біля|поблизу|під|около|под|на|до|в районі|в районе|вглиб)\b", "Battles", "Armed clash", 76),
    Rule(r"бої|боях|боїв|боями|бою|бій|бой|боя|бои|боев|бойов\w+ ді\w+|боев\w+ действи\w*|боєзіткнен\w*|боестолкновен\w*|бойов\w+ зіткнен\w*|зіткнен\w* (?:з|із) (?:ворог\w*|противник\w*|окупант\w*|ЗСУ)|столкновени\w* с (?:противник\w*|ВСУ)|перестрілк\w*|перестрелк\w*|штурм|штурму|штурмом|штурми|штурмів|штурмов\w*|штурмува\w*|штурмуют|штурмует|наступ|наступу|наступом|наступі|наступа(?:ють|є|ли|в|ла|ют|ет|л)|наступлени\w*|контрнаступ\w*|контратак\w*", "Battles", "Armed clash", 75),
    Rule(r"(?:відбил\w*|відбив|відбивал\w*|отразил\w*|отбил\w*|відбито|отражен\w*|отбит\w*)\s+(?:[\w'’ʼ-]+\s+){0,4}?(?:атак\w*|штурм\w*|наступ\w*)", "Battles", "Armed clash", 74),
    Rule(r"(?:завдал\w*|завдав|нанесл\w*|нан[её]с)\s+(?:[\w'’ʼ-]+\s+){0,3}?(?:втрат\w*|потер\w*|урон\w*)", "Battles", "Armed clash", 73),
    Rule(r"ліквідува\w*|ліквідован\w*|ліквідовано|ликвидирова\w*|ликвидирован\w*|знешкодил\w*|знешкодив|нейтрализова\w*|нейтралізува\w*|уничтожил\w*|знищил\w*|знищив|знищено|уничтожен\w*", "Battles", "Armed clash", 74, slot="combatants"),
    Rule(r"(?:оточил\w*|оточен\w*|окружил\w*|окружен\w*|взяли в кільце|взяли в кольцо)\s+(?:[\w'’ʼ-]+\s+){0,4}?(?:військ\w*|войск\w*|підрозділ\w*|подразделени\w*|угрупован\w*|группировк\w*|бійц\w*|бойц\w*|солдат\w*)", "Battles", "Armed clash", 73),
    # Violence against civilians
    Rule(r"зґвалтува\w*|згвалтува\w*|изнасил\w*|сексуальн\w+ насильств\w*|сексуальн\w+ насили\w*", "Violence against civilians", "Sexual violence", 85),
    Rule(r"викрал\w*|викрав|викраден\w*|похитил\w*|похищен\w*|примусов\w+ депортац\w*|принудительн\w+ депортац\w*|насильницьк\w+ зникнен\w*|насильственн\w+ исчезновени\w*", "Violence against civilians", "Abduction/forced disappearance", 84),
    Rule(r"теракт\w*|терористичн\w+ атак\w*|террористическ\w+ атак\w*|масов\w+ стрілянин\w*|массов\w+ стрельб\w*", "Violence against civilians", "Attack", 83),
    Rule(r"розстріля\w*|розстріл\w*|расстреля\w*|расстрел\w*|стратил\w*|стратив|страчен\w*|казнил\w*|казн[её]н\w*|закатува\w*|катува\w*|пытал(?!ся|ась|ись|ось)\w*|пытк\w*|замучил\w*|(?:відкрил\w*|відкрив|открыл\w*) (?:вогонь|огонь) по (?:цивільн\w*|мирн\w*|гражданск\w*|людях|людям|жител\w*|мешканц\w*)", "Violence against civilians", "Attack", 82),
    # Protests and riots
    Rule(r"(?:поліці\w*|полици\w*|силовик\w*|ОМОН\w*|спецназ\w*|військов\w*|военн\w*)\s+(?:[\w'’ʼ-]+\s+){0,3}?(?:відкрил\w* вогонь|відкрив вогонь|открыл\w* огонь|застрелил\w*|вбил\w*|убил\w*|розстріляли|расстреляли)\s+(?:[\w'’ʼ-]+\s+){0,3}?(?:протестувальник\w*|протестующ\w*|мітингувальник\w*|митингующ\w*|демонстрант\w*|учасник\w*|участник\w*)", "Protests", "Excessive force against protesters", 88),
    Rule(r"(?:затримал\w*|затримав|затриман\w*|задержал(?!ся|ась|ось|ись)\w*|задержан\w*|розігнал\w*|розігнав|разогнал\w*|разогнан\w*|побил\w*|избил\w*)\s+(?:[\w,'’ʼ-]+\s+){0,6}?(?:учасник\w*|участник\w*|протестувальник\w*|протестующ\w*|мітингувальник\w*|митингующ\w*|демонстрант\w*|протест\w*|мітинг\w*|митинг\w*|пікет\w*|пикет\w*)|(?:учасник\w*|участник\w*|протестувальник\w*|протестующ\w*|мітингувальник\w*|митингующ\w*|демонстрант\w*)\s+(?:[\w,'’ʼ-]+\s+){0,4}?(?:затримал\w*|затримано|затримали|задержал\w*|задержан\w*|задержаны|розігнал\w*|разогнал\w*)|(?:поліці\w*|полици\w*|силовик\w*|ОМОН\w*)\s+(?:[\w'’ʼ-]+\s+){0,3}?(?:застосувал\w*|застосував|применил\w*|використал\w*|использовал\w*)\s+(?:сльозогінн\w*|слезоточив\w*|водомет\w*|водом[её]т\w*|гумов\w+ кул\w*|резинов\w+ пул\w*|світлошумов\w*|светошумов\w*)", "Protests", "Protest with intervention", 87),
    Rule(r"сутичк\w*|сутичок|бійк\w*|бійок|побоїщ\w*|столкновени\w*|драк\w*|потасовк\w*", "Riots", "Violent demonstration", 88, slot="crowd"),
    Rule(r"масов\w+ заворушен\w*|массов\w+ беспорядк\w*|заворушен\w*|беспорядк\w*|погром\w*|сутичк\w* (?:з|із) (?:поліці\w*|правоохоронц\w*)|столкновени\w* с (?:полици\w*|ОМОН\w*|силовик\w*)", "Riots", "Violent demonstration", 86),
    Rule(r"самосуд\w*|натовп\w* (?:побив|побили|вбив|вбили)|толп\w* (?:избил\w*|убил\w*|растерзал\w*)", "Riots", "Mob violence", 86),
    Rule(r"протест\w*|мітинг\w*|митинг\w*|демонстраці\w*|демонстраци\w*|пікет\w*|пикет\w*|вийшли на вулиц\w*|вышли на улиц\w*|страйк\w*|забастовк\w*|акці\w* (?:протесту|на підтримку|проти|пам'яті)|акци\w* (?:протеста|в поддержку|против|памяти)|марш\w* (?:проти|против)", "Protests", "Peaceful protest", 80),
    # Strategic developments
    Rule(r"затримал(?!ся|ась|ось|ись)\w*|затримав|затриман\w*|задержал(?!ся|ась|ось|ись)\w*|задержан\w*|заарештува\w*|арештува\w*|арештован\w*|арестова\w*|арест(?!\w* (?:майна|активов|имущества|рахунків|счетов))\w*|арешт(?!\w* (?:майна|активів|рахунків))\w*|взяли під варту|взяли под стражу|взят\w* под стражу|повідомил\w* про підозру|обвинен\w* в (?:госизмене|терроризме|шпионаже|диверсии)", "Strategic developments", "Arrests", 78),
    Rule(r"обмін\w* полонен\w*|обмен\w* пленн\w*|обміня\w* полонен\w*|обменял\w* (?:[\w'’ʼ-]+\s+){0,2}?пленн\w*|припинення вогню|прекращени\w* огня|перемир\w*|режим\w* тиші|режим\w* тишины|підписал\w* (?:[\w'’ʼ-]+\s+){0,3}?(?:угод\w*|договір|договор\w*|меморандум\w*)|подписал\w* (?:[\w'’ʼ-]+\s+){0,3}?(?:соглашени\w*|договор\w*|меморандум\w*)", "Strategic developments", "Agreement", 60),
    Rule(r"переговор\w*", "Strategic developments", "Other", 45, weight=0.5),
    # Air defence, either word order ("збили 20 дронів", "20 дронів збито", "По 14 дронов уничтожили");
    # "знищили"/"уничтожили" also say what drones did ("дрони знищили склад"): the downed weapon is
    # then the object after the verb, or a counted one before it.
    Rule(r"збил\w*|збив|збито|збиті|збитих|знешкодил\w*|знешкодив|знешкоджен\w*|сбил\w*|сбито|сбиты|сбитых|сбит|сбита|перехопил\w*|перехопив|перехоплен\w*|перехватил\w*|перехвачен\w*|уничтожен\w*|знищен\w*|подавил\w*|подавлен\w*|приземлил\w*|локаційно втрачен\w*", "Strategic developments", "Disrupted weapons use", 55, slot="aerial"),
    Rule(r"уничтожил\w*|знищил\w*|знищив", "Strategic developments", "Disrupted weapons use", 55, slot="aerial>|aerial_counted<"),
    Rule(r"(?:ППО|ПВО|протиповітрян\w+ оборон\w*|противовоздушн\w+ оборон\w*|мобільн\w+ вогнев\w+ груп\w*)\s+(?:[\w'’ʼ-]+\s+){0,3}?(?:збил\w*|збив|знешкодил\w*|знешкодив|сбил\w*|перехватил\w*|перехопил\w*|уничтожил\w*|знищил\w*|відбивал\w*|відбила|отражал\w*|працювал\w*|працює|работал\w*|работает)|(?:працювал\w*|працює|работал\w*|работает)\s+(?:[\w'’ʼ-]+\s+)?(?:ППО|ПВО)", "Strategic developments", "Disrupted weapons use", 55),
    Rule(r"(?:створил\w*|створив|облаштува\w*|создал\w*|обустроил\w*)\s+(?:[\w'’ʼ-]+\s+){0,2}?(?:баз\w*|штаб\w*|блокпост\w*|табір|лагер\w*)", "Strategic developments", "Headquarters or base established", 58),
    Rule(r"мародер\w*|мародёр\w*|пограбува\w*|разграбил\w*|підпал\w*|поджог\w*|подожгл\w*|спалил\w*|сожгл\w*|вандал\w*", "Strategic developments", "Looting/property destruction", 57),
    Rule(r"відступил\w*|відступив|отступил\w*|відійшли (?:з|із|від)|отошли (?:от|из|с)|вивели (?:війська|підрозділи)|вывели (?:войска|подразделения)|виведення військ|вывод войск|покинули (?:місто|село|позиції|город|позиции)", "Strategic developments", "Non-violent transfer of territory", 56),
    Rule(r"(?:перекинул\w*|перекинув|перекида\w*|перебросил\w*|перебрасыва\w*|передислокува\w*|передислоцирова\w*|розгорнул\w*|розгорнув|развернул\w*|прибул\w*|прибув|прибыл\w*|стягу\w*|стягива\w*)\s+(?:[\w'’ʼ-]+\s+){0,5}?(?:до|в|у|на|під|под|к)\b", "Strategic developments", "Other", 52, movement=True, weight=0.8, slot="forces"),
)

#: Words right before an event's words that say it has not happened: "a ban on
#: strikes against energy facilities", "calls for a halt to attacks", "the threat of
#: a missile strike", "Moscow threatened to strike Kyiv". A match of any rule after
#: them is passed over (a later match in the clause may still count).
UNREALISED = (
    r"(?:(?:ban|bans|moratorium|halt|pause|cessation|suspension|freeze)\s+(?:on|to|of|in)|(?:end|stop)\s+to|"
    r"(?:threats?|risk|fears?|danger|possibility|prospect|plans?|preparations?|warnings?)\s+(?:of|for)|calls?\s+for)\s+"
    r"(?:(?:the|a|an|further|all|any|new|possible|mutual|more|future|renewed)\s+)*"
    r"(?:(?!(?:and|but|then|while|yet|or)\b)[\w-]+\s+){0,2}"
    r"|(?:threaten(?:ed|s)?|vow(?:ed|s)?|plan(?:ned|s)?|planning|intend(?:ed|s)?|refus(?:ed|es)|pledged|promised)\s+to\s+(?:[\w-]+\s+){0,2}?"
    r"|refrain(?:ed|ing|s)?\s+from\s+(?:\w+\s+)?"
    # "talks to try to get Israel and Hamas to agree on a truce", "efforts to reach a ceasefire"
    r"|(?:try|tries|trying|tried|attempts?|attempting|seek|seeks|seeking|sought|hope|hopes|hoping|efforts?|bid|push|pushing|aim|aims|aiming)\s+to\s+(?:[\w-]+\s+){0,5}?"
    # "these attacks appear aimed at inflicting total losses": a purpose, not an event
    r"|(?:aimed|designed|meant|calculated)\s+(?:at|to)\s+(?:[\w-]+\s+){0,2}?"
    # Russian/Ukrainian: the threat/risk/call/ban of ..., threatened/plans/may to ...
    r"|(?:загроз\w*|угроз\w*|небезпек\w*|опасност\w*|ризик\w*|риск\w*|можлив\w*|возможн\w*|заклик\w*|призыв\w*|"
    r"заборон\w*|запрет\w*|мораторі\w*|моратори\w*|припинення|прекращени\w*|підготовк\w*|подготовк\w*)\s+(?:[\w'\u2019\u02bc-]+\s+){0,2}"
    r"|(?:погрожу\w*|погрожува\w*|пригрози\w*|угрожа\w*|пообіця\w*|пообеща\w*|планує|планують|планирует|планируют|"
    r"збирається|збираються|собирается|собираются|готує|готують|готовит|готовят|може|можуть|может|могут|"
    r"відмовил\w*|отказал\w*)\s+(?:[\w'\u2019\u02bc-]+\s+){0,2}"
)

#: More words of :data:`UNREALISED`, each with the plain words that must stand in the
#: text before an event for it to be tried (most texts hold none: a cheap test first).
UNREALISED_GATED: tuple[tuple[tuple[str, ...], str], ...] = (
    # denied: "it was not the opportunistic looting seen elsewhere", "did not attack"
    (("not ", "never "), r"(?:not|never)\s+(?!only\b|just\b|merely\b|least\b)(?:the\s+|a\s+|an\s+)?(?:[\w-]+,?\s+){0,2}?"),
    # an aim in the infinitive: "to agree on the specifics of a ceasefire deal", "to reach a truce"
    (
        ("to agree", "to reach", "to secure", "to negotiate", "to finali", "to clinch", "to broker", "to seal", "to hammer"),
        r"to\s+(?:agree|reach|secure|negotiate|finali[sz]e|clinch|broker|seal|hammer out)\s+(?:on\s+|upon\s+)?(?:[\w,-]+\s+){0,8}?",
    ),
)

#: Words that make a generic rule's match something else than political violence:
#: "an earthquake struck near Istanbul", "inflation hit in March", "a cyber attack",
#: "the winning goal struck in stoppage time".
#: A clause holding one of them yields no event from a generic rule. An explosion
#: *heard* somewhere ("Вибух чули у Харкові", "explosions were heard in Kherson",
#: "the first sounds of «arrivals» in Kharkiv") says where the sound carried, not
#: where anything struck.
GENERIC_VETO = (
    r"heard|чули|почули|чути|слышали|слышно|услышали|sounds? of|звук|звуки|звуків|звуком|звуков|"
    r"earthquakes?|quakes?|storms?|hurricanes?|floods?|lightning|tornado\w*|cyclones?|typhoons?|wildfires?|"
    r"heat ?waves?|virus\w*|pandemic|recession|inflation|markets?|prices?|shares|stocks|hackers?|cyber\w*|"
    r"panic attacks?|heart attacks?|asthma attacks?|shark attacks?|dog attacks?|"
    r"goals?|scored|stoppage time|penalt(?:y|ies)|football|tournament|league|striker|"
    r"землетрус\w*|землетрясени\w*|повін\w*|повен\w*|наводнени\w*|шторм\w*|ураган\w*|блискавк\w*|молни\w*|"
    r"кібер\w*|кибер\w*|хакер\w*|DDoS|інфляці\w*|инфляци\w*|футбол\w*|матч\w*|серцев\w+ напад\w*|сердечн\w+ приступ\w*"
)

#: Verbs of saying and believing: a place named as the subject of one
#: (``Kyiv said``) is who reported, not where it happened.
REPORTING_VERBS = (
    r"said|says|say|stated|states|reported|reports|announced|announces|claimed|claims|believes|believe|"
    r"believed|noted|notes|told|tells|confirmed|confirms|warned|warns|added|denied|denies|accused|accuses|"
    r"insisted|insists|estimated|estimates|assessed|assesses|wrote|writes|posted|urged|urges|called|condemned|"
    r"condemns|praised|vowed|threatened|suggested|argued|alleged|alleges|asserted|asserts|refuted|refutes"
)

#: Words of institutions: ``Security Service of Ukraine``, ``Ministry of Defence
#: of Russia`` are organisations, not places where things happen.
INSTITUTION_WORDS = (
    r"service|ministry|defen[cs]e|ministers?|intelligence|government|president|prime minister|code|staff|"
    r"command|army|navy|forces|embassy|ambassador|office|council|parliament|bank|university|"
    r"agency|committee|department|mission|delegation|administration|authorities|officials|"
    r"spokesperson|spokesman|spokeswoman|governor|mayor|head|leader|chief|police|guard|court|"
    r"prosecutor\S*|commissioner|envoy|republic of the|people of"
)

#: Prepositions that place an event (``in``, ``near``, ...), with the
#: geo_precision they imply for a town (ACLED: 2 = near or part of).
LOCATIVE_PREPOSITIONS: dict[str, int] = {
    "in": 1,
    "at": 1,
    "on": 1,
    "into": 1,
    "inside": 1,
    "over": 1,
    "across": 1,
    "throughout": 1,
    "through": 1,  # "marched through central London"
    "within": 1,
    "of": 1,  # only after a place word: "the city of Kharkiv" (see LOCATIVE_HEADS)
    "near": 2,
    "outside": 2,
    "around": 2,
    "nearby": 2,
    "towards": 2,
    # ACLED's notes: "(coded to Myropillia, Sumy)": where ACLED placed an event told of an area
    "coded to": 1,
    # ACLED's notes: "engaged in an offensive in the direction of Kurdiumivka": fighting toward it
    "in the direction of": 2,
    "in direction of": 2,
    "toward": 2,
    "outskirts of": 2,
    "north of": 2,
    "south of": 2,
    "east of": 2,
    "west of": 2,
    "northeast of": 2,
    "northwest of": 2,
    "southeast of": 2,
    "southwest of": 2,
    "north-east of": 2,
    "north-west of": 2,
    "south-east of": 2,
    "south-west of": 2,
    "close to": 2,
    "not far from": 2,
    "off the coast of": 2,
    "off": 2,  # "sank a landing ship off Crimea"
    "on the outskirts of": 2,
    "in the vicinity of": 2,
    "part of": 2,
}

#: Words before ``of`` that make it locative: ``the city of Kharkiv``.
LOCATIVE_HEADS = (
    r"city|cities|towns?|villages?|settlements?|regions?|oblasts?|provinces?|districts?|port|areas?|suburbs?|centre|center|"
    r"outskirts|vicinity|coast|waters|territory|capital|community|communities|republic|krai|governorate|municipality|township|island"
)

#: Words right before a place that say it is not where something happened
#: (``against Ukraine``, ``from Kherson``, ``by Russia``).
BLOCKING_PREPOSITIONS = r"against|from|by|with|for|between|about|of|than|like|versus|vs\.?|per|toward|via|and"

#: Military nouns that make a demonym or country a side of the event.
FORCE_NOUNS = (
    r"forces|troops|military|army|soldiers|units|defen[cs]e forces|armed forces|servicemen|"
    r"navy|air force|fighters|militants|marines|paratroopers|artillery|drones?|missiles?|"
    r"general staff|defen[cs]e ministry|ministry of defen[cs]e|border guards?|personnel|brigades?|"
    r"warplanes?|jets?|aircraft|helicopters?|gunships?|warships?|air ?strikes?|airstrikes?|strikes?|attacks?|"
    r"shelling|bombardments?|offensives?|assaults?|bombs?|glide bombs?|shells|rockets?|raids?"
)


# --- Russian and Ukrainian vocabulary of the other steps -----------------------------------

#: Prepositions that place an event, with the geo_precision they imply for a
#: town (as :data:`LOCATIVE_PREPOSITIONS`): ``у Харкові``, ``в Курской области``,
#: ``на Донеччині``, ``по Одесі`` (a strike *on* Odesa), ``біля/под Покровськом``.
CYRILLIC_LOCATIVE_PREPOSITIONS: dict[str, int] = {
    "у": 1,
    "в": 1,
    "во": 1,
    "на": 1,
    "по": 1,
    "над": 1,
    "по всій": 1,
    "по всей": 1,
    "на території": 1,
    "на территории": 1,
    "біля": 2,
    "поблизу": 2,
    "неподалік": 2,
    "неподалік від": 2,
    "поруч із": 2,
    "поруч з": 2,
    "під": 2,
    "около": 2,
    "возле": 2,
    "вблизи": 2,
    "неподалеку от": 2,
    "недалеко от": 2,
    "недалеко від": 2,
    "поблизу від": 2,
    "вблизи от": 2,
    "под": 2,
    "рядом с": 2,
    "в районі": 2,
    "в районе": 2,
    "у районі": 2,
    "на околицях": 2,
    "на околицях міста": 2,
    "на окраине": 2,
    "на околице": 2,
    "в напрямку": 2,
    "на напрямку": 2,
    "в направлении": 2,
    "на направлении": 2,
}

#: Words before a name that say it is not where something happened (from,
#: against, by, for, between ...); ``до``/``к`` is a destination (English ``to``).
CYRILLIC_BLOCKING_PREPOSITIONS = r"з|із|зі|с|со|від|от|из|проти|против|для|між|между|про|о|об|через|через|з боку|со стороны|і|й|та|и"
CYRILLIC_TO_PREPOSITIONS = r"до|к|ко"

#: Words between a preposition and a name: "у місті Харкові", "в селе ...",
#: "в прифронтовому Покровську", "в м. Суми", "в оккупированном Мелитополе".
CYRILLIC_TRANSPARENT = (
    r"місті|місто|міста|місту|селі|село|села|селу|селищі|селище|селища|смт|м\.|с\.|г\.|городе|город|города|городу|селе|"
    r"пос[её]лке|пос[её]лок|пос[её]лка|пос[её]лку|пгт|деревн[яиеюі]|хутор[аеу]?|станиц[аыеу]|"
    r"громаді|громада|обласному центрі|областном центре|столиці|столице|"
    # "в центре Мелитополя", "на окраине Херсона", "у центрі Харкова": a part of the town is in it
    r"центре|центрі|центр|окраине|окраинах|окраїні|околиці|околицях|пригороде|передмісті|"
    # General Staff reports: "у районах населених пунктів Миколаївка, Родинське"
    r"районах населених пунктів|районі населеного пункту|районах населенных пунктов|районе населенного пункта|"
    r"населених пунктів|населених пунктах|населеного пункту|населенных пунктов|населенных пунктах|населенного пункта|"
    r"прифронтов\w+|окупован\w+|оккупирован\w+|звільнен\w+|освобожденн\w+|обласн\w+|областн\w+|"
    r"портов\w+|прикордонн\w+|приграничн\w+|(?:північн|південн|східн|західн|центральн|северн|южн|восточн|западн)\w*"
)

#: Verbs of saying in Russian and Ukrainian (``Київ заявив``: who said, not where).
CYRILLIC_REPORTING_VERBS = (
    r"заяв\w*|повідоми\w*|повідомля\w*|сообщи\w*|сообща\w*|розповів\w*|розповіл\w*|рассказ\w*|"
    r"підтверди\w*|подтверди\w*|наголоси\w*|подчеркну\w*|звинувати\w*|обвини\w*|попереди\w*|предупреди\w*|"
    r"пише|пишет|написа\w*|передає|передает|вважає|считает|стверджу\w*|утвержда\w*|запевни\w*|заверил\w*"
)

#: Institution words before or after a name: ``губернатор Курской области``,
#: ``мер Харкова``, ``Харківська ОВА``, ``Міноборони Росії``: who, not where.
CYRILLIC_INSTITUTION_WORDS = (
    r"губернатор\w*|голов[аиу]|глав[аыу]|мер\w*|мэр\w*|начальник\w*|очільник\w*|керівник\w*|руководител\w*|"
    r"міністр\w*|министр\w*|міністерств\w*|министерств\w*|міноборони|минобороны|МО|МВС|МВД|МЗС|МИД|СБУ|ФСБ|ГУР|"
    r"ДСНС|МЧС|ОВА|ОДА|МВА|ОВА|адміністраці\w*|администраци\w*|уряд\w*|правительств\w*|президент\w*|"
    r"поліці\w*|полици\w*|прокуратур\w*|прокурор\w*|генштаб\w*|штаб\w*|командуванн\w*|командовани\w*|"
    r"посол\w*|посольств\w*|представник\w*|представител\w*|речник\w*|спікер\w*|пресс-служб\w*|пресслужб\w*|"
    r"прес-служб\w*|рад[аиі]|совет\w*|дум[аиы]|парламент\w*|суд\w*|омбудсм\w*|уповноважен\w*|уполномоченн\w*|"
    r"збройн\w+ сил\w*|вооруженн\w+ сил\w*|сил\w* оборони|армі\w*|арми\w*|військ\w*|войск\w*|ВПС|ВКС|ППО|ПВО"
)

#: Sides named in Russian and Ukrainian words rather than by a country name, and
#: the country (ISO2) whose armed forces they are. Ukrainian media call Russian
#: forces "the enemy"/"the occupiers"; the Russian Ministry of Defence calls
#: Ukraine's "ВСУ" and "киевский режим".
CYRILLIC_SIDES: dict[str, str] = {
    r"ЗСУ|ВСУ|ВС України|ВС Украины|Сил\w* оборони|Сил\w* безпеки і оборони|Збройн\w+ Сил\w* України|Вооруж[её]нн\w+ сил\w* Украины|"
    r"(?:українськ|украинск)\w+ (?:військ\w*|войск\w*|військов\w*|военн\w*|сил\w*|захисник\w*|оборонц\w*|бійц\w*|бойц\w*|"
    r"підрозділ\w*|подразделени\w*|дрон\w*|безпілотник\w*|беспилотник\w*|ракет\w*|артилері\w*|артиллери\w*|ППО|ПВО|армі\w*|арми\w*|"
    r"бригад\w*|десантник\w*|морпіх\w*|прикордонник\w*|пограничник\w*|ВМС|ВПС|боевик\w*|формировани\w*)|"
    r"(?:бригад\w*|бійц\w*|підрозділ\w*) (?:ЗСУ|ВСУ)|киевск\w+ режим\w*|ВФУ|ВСУ": "UA",
    r"ВС РФ|ЗС РФ|армі\w* РФ|арми\w* РФ|військ\w* РФ|войск\w* РФ|ВКС РФ|ЧФ РФ|"
    r"(?:російськ|российск|рос)\w* (?:військ\w*|войск\w*|військов\w*|военн\w*|сил\w*|окупант\w*|оккупант\w*|загарбник\w*|армі\w*|арми\w*|"
    r"підрозділ\w*|подразделени\w*|дрон\w*|безпілотник\w*|беспилотник\w*|ракет\w*|артилері\w*|артиллери\w*|авіаці\w*|авиаци\w*|"
    r"ППО|ПВО|бригад\w*|десантник\w*|штурмовик\w*|агресор\w*|терорист\w*|літак\w*|самол[её]т\w*)|"
    r"окупант\w*|оккупант\w*|загарбник\w*|рашист\w*|ворог\w*|агресор\w*|країн\w*-агресор\w*": "RU",
    r"(?:північнокорейськ|северокорейск)\w+ (?:військ\w*|войск\w*|військов\w*|военн\w*|солдат\w*|бійц\w*)|військ\w* КНДР|войск\w* КНДР|армі\w* КНДР|арми\w* КНДР": "KP",
}

#: Civilians in Russian and Ukrainian (actor2 ``Civilians (<country>)`` when hit).
CYRILLIC_CIVILIANS = (
    r"цивільн\w*|мирн\w+ (?:жител\w*|мешканц\w*|населенн\w*|граждан\w*)|жител\w*|мешканц\w*|мешканк\w*|"
    r"діт(?:и|ей|ина|ину)|дет(?:и|ей)|ребен\w*|дитин\w*|пенсіонер\w*|пенсионер\w*|людей|люди|людина|людини|человек\w*|"
    r"жінк\w*|женщин\w*|чоловік\w*|мужчин\w*|перехож\w*|гражданск\w+ (?:лиц\w*|населени\w*)|цивилн\w*"
)
