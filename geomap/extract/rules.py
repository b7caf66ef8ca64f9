"""The event classification rules, in one table an analyst can read and extend.

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
        r"air ?strikes?|airstrikes?|aerial bomb\w*|glide bombs?|guided bombs?|warplanes?|"
        r"fighter jets?|bombers?|helicopter gunships?|air raids?(?! (?:alerts?|sirens?|warnings?|shelters?|alarms?))|aircraft"
    ),
    "Shelling/artillery/missile attack": (
        r"missiles?|rockets?|artillery|shell(?:s|ing|ed)|mortars?|howitzers?|MLRS|"
        r"multiple rocket launchers?|Grads?|HIMARS|Iskanders?|ballistic|cruise missiles?|tank fire"
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

ATTACK_NOUNS = r"(?:attacks?|strikes?|assaults?|raids?|offensives?|bombardments?|bombings?|barrages?|hits?)"

#: Words that stand for the thing attacked, so "drone attack" and "drones struck"
#: read alike.
_HIT_VERBS = r"(?:struck|strikes?|striking|hit|hits|hitting|attacked|attacking|targeted|targeting|slammed|pounded|pounding)"


@dataclass(frozen=True, slots=True)
class Rule:
    """One classification rule.

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
    """

    pattern: str
    event_type: str
    sub_event_type: str
    priority: int
    generic: bool = False
    movement: bool = False
    weight: float = 0.9


#: The rules. Priorities: 90 specific weapon attacks and territory, 80 violence
#: against civilians and protests, 70 generic attacks, 60 battles, 50 strategic
#: developments, 40 weak cues.
RULES: tuple[Rule, ...] = (
    # --- Explosions/Remote violence: the weapon is named ---------------------------
    Rule(r"(?:{WEAPON_AIR})[\w-]*\s+(?:\w+\s+)?" + ATTACK_NOUNS, "Explosions/Remote violence", "Air/drone strike", 90),
    Rule(r"(?:{WEAPON_AIR})\s+(?:\w+\s+){0,3}?" + _HIT_VERBS, "Explosions/Remote violence", "Air/drone strike", 90),
    Rule(r"air ?strikes?|airstrikes?|air raids?(?! (?:alerts?|sirens?|warnings?|shelters?|alarms?))|bombed|dropped (?:\w+ )?bombs?", "Explosions/Remote violence", "Air/drone strike", 90),
    # "struck the centre of Kharkiv with guided aerial bombs": the weapon after its target.
    Rule(_HIT_VERBS + r"\s+(?:[\w'\u2019-]+\s+){0,6}?with\s+(?:[\w-]+\s+){0,3}?(?:{WEAPON_AIR})", "Explosions/Remote violence", "Air/drone strike", 90),
    Rule(_HIT_VERBS + r"\s+(?:[\w'\u2019-]+\s+){0,6}?with\s+(?:[\w-]+\s+){0,3}?(?:{WEAPON_SHELL})", "Explosions/Remote violence", "Shelling/artillery/missile attack", 90),
    Rule(r"(?:{WEAPON_SHELL})[\w-]*\s+(?:\w+\s+)?" + ATTACK_NOUNS, "Explosions/Remote violence", "Shelling/artillery/missile attack", 90),
    Rule(r"(?:{WEAPON_SHELL})\s+(?:\w+\s+){0,3}?" + _HIT_VERBS, "Explosions/Remote violence", "Shelling/artillery/missile attack", 90),
    Rule(r"shell(?:ed|ing|s)|artillery fire|mortar fire|rocket fire|bombard(?:ed|ment|ing)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 85),
    Rule(r"(?:{WEAPON_IED})\s+(?:\w+\s+){0,3}?(?:explo\w+|detonat\w+|blasts?|went off|blew up|targeted|targeting|attacks?)", "Explosions/Remote violence", "Remote explosive/landmine/IED", 92),
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
    Rule(r"(?:launched|fired|sent)\s+(?:[\w,]+\s+){0,4}?(?:drones?|UAVs?|Shaheds?)", "Explosions/Remote violence", "Air/drone strike", 89),
    Rule(r"(?:launched|fired)\s+(?:[\w,]+\s+){0,4}?(?:missiles?|rockets?|shells|mortars?)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 89),
    Rule(r"attacked|attacking|raided|raiding", "Battles", "Armed clash", 60, generic=True, weight=0.6),
    # ", hitting a children's hospital in Kyiv": the effect of an attack, where it landed.
    Rule(r"(?:hitting|striking|damaging)\s+(?:a|an|the|two|three|four|five|several|many|\d+)\b", "Explosions/Remote violence", "Shelling/artillery/missile attack", 62, generic=True, weight=0.6),
    Rule(r"explosions?|blasts?|exploded|blew up|detonat\w+", "Explosions/Remote violence", "Remote explosive/landmine/IED", 65, generic=True, weight=0.6),
    Rule(r"(?:overnight|night|massive|large-scale|combined) (?:attack|strike)s?", "Explosions/Remote violence", "Shelling/artillery/missile attack", 72, generic=True, weight=0.7),
    # --- Battles -----------------------------------------------------------------
    # "liberated"/"occupied" are adjectives as often as verbs ("the occupied city of
    # Melitopol", "Russian-occupied Crimea"): as verbs they need what was taken.
    Rule(r"recaptured|retook|retaken|regained control|took back|won back|liberation of|(?<!the )(?<!-)(?<!newly )liberated[\"'\u2019\u201d]?\s+(?:the\s+)?(?:village|town|city|settlement|hamlet)", "Battles", "Government regains territory", 92),
    Rule(r"captured(?! on (?:video|camera|film|tape))|seized control|seized (?:the )?(?:village|town|city|settlement|positions?|airport|bridgehead)|(?:took|taken|take|taking|seized|gained|established) (?:full |complete |total )?control|overran|overrun|fell to|advanced into|entered the (?:village|town|city)|(?<!the )(?<!-)(?<!temporarily )occupied\s+(?:the\s+)?(?:village|town|city|settlement|hamlet)", "Battles", "Non-state actor overtakes territory", 88),
    # "Russian forces advanced in Selydove" (ISW): fighting located where the line moved.
    Rule(r"(?:advanced|advancing|advances|made (?:\w+ )?gains|gained ground)\s+(?:\w+\s+){0,2}?(?:in|near|into|towards?|within|on|around|north|south|east|west)\b", "Battles", "Armed clash", 76),
    Rule(r"clash(?:es|ed)?|fighting(?! (?:corruption|crime|fires?|poverty|disinformation|inflation))|fought|firefights?|gunfights?|shoot-?outs?|gun ?battles?|exchanges? of fire|exchanged fire|battles? (?:for|over|near|in|around)|skirmish\w*|combat operations|engaged in combat", "Battles", "Armed clash", 75),
    Rule(r"repel(?:led|s|ling)? (?:\w+ ){0,4}?(?:attacks?|assaults?|offensives?)|(?:assaults?|offensive|counter-?offensive|counter-?attacks?|ground attacks?)", "Battles", "Armed clash", 74),
    Rule(r"inflict\w*\s+(?:\w+\s+){0,3}?(?:losses|casualties|damage)\s+on", "Battles", "Armed clash", 73),
    Rule(r"(?:encircled|trapped|surrounded|besieged)\s+(?:\w+\s+){0,4}?(?:troops|soldiers|forces|units|fighters)", "Battles", "Armed clash", 73),
    Rule(r"(?:killed|wounded|died) in (?:the )?(?:\w+ )?(?:assaults?|fighting|battles?|clashes|combat)", "Battles", "Armed clash", 76),
    # --- Violence against civilians ----------------------------------------------
    Rule(r"rap(?:ed|e)|sexual(?:ly)? (?:violence|assault\w*|abuse\w*)", "Violence against civilians", "Sexual violence", 85),
    Rule(r"abduct\w*|kidnap\w*|forcibly (?:disappeared|deported|taken)|forced disappearance", "Violence against civilians", "Abduction/forced disappearance", 84),
    Rule(r"(?:terrorist|terror) attacks?|mass shooting|gunmen (?:\w+ ){0,3}?(?:opened fire|attacked|stormed|killed|shot)", "Violence against civilians", "Attack", 83),
    Rule(r"executed|massacr\w+|shot dead|gunned down|opened fire on (?:\w+ ){0,2}?(?:civilians|residents|villagers|people|passers-by)|tortured|beat(?:en)? to death|lynched", "Violence against civilians", "Attack", 82),
    # --- Protests and riots --------------------------------------------------------
    # Lethal force only: tear gas or rubber bullets fired at a crowd are an intervention.
    Rule(r"(?:police|security forces|riot police|troops|soldiers|army|guards) (?:\w+ ){0,3}?(?:fired(?! (?:tear|water|rubber|stun|pepper|flash|smoke|warning))|opened fire|shot|killed)(?: \w+){0,3} (?:protesters|demonstrators|marchers)", "Protests", "Excessive force against protesters", 88),
    Rule(r"(?:police|security forces|riot police|officers) (?:\w+ ){0,3}?(?:detained|arrested|beat|dispersed) (?:\w+ ){0,3}?(?:protesters|demonstrators|marchers|activists)", "Protests", "Protest with intervention", 87),
    Rule(r"(?:police|security forces|riot police|officers|troops) (?:\w+ ){0,2}?(?:used|fired) (?:tear gas|water cannons?|rubber bullets|stun grenades)", "Protests", "Protest with intervention", 86),
    Rule(r"(?:protest\w*|demonstrat\w*|marchers|rall\w*|crowds?) (?:\w+ ){0,4}?(?:were|was) (?:\w+ )?(?:beaten|detained|arrested|dispersed|tear-gassed|pepper-sprayed) by (?:\w+ )?(?:police|security forces|officers|troops)", "Protests", "Protest with intervention", 87),
    Rule(r"(?:police|security forces|authorities) (?:\w+ ){0,3}?(?:dispersed|broke up|detained|arrested|tear-gassed|used tear gas)(?: [\w,'-]+){0,6}? (?:protest\w*|demonstrat\w*|rall\w*|marchers|crowd)", "Protests", "Protest with intervention", 87),
    Rule(r"(?:protest\w*|demonstrat\w*|rioters) (?:\w+ ){0,3}?(?:clashed|threw stones|threw rocks|set fire|torched|smashed|looted|stormed|rioted)|riot(?:s|ed|ing|ers)?\b(?! police| gear| control| squad| troops| shields?| vans?)|violent disorder|"
         r"(?:threw|throwing|hurled|hurling)\s+(?:\w+\s+)?(?:stones|rocks|bricks|bottles|petrol bombs|molotov cocktails|fireworks|missiles)\s+at\s+(?:the\s+)?(?:police|officers|security forces|riot police)", "Riots", "Violent demonstration", 86),
    Rule(r"mob (?:attacked|killed|lynched|beat)|lynch mob|vigilantes? (?:attacked|killed|beat)", "Riots", "Mob violence", 86),
    Rule(r"protest(?:s|ed|ers|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|march(?:ed)? (?:against|in protest|for)|picket\w*|sit-ins?|took to the streets|strikers|went on strike", "Protests", "Peaceful protest", 80),
    # --- Strategic developments -----------------------------------------------------
    Rule(r"arrest(?:ed|s|ing)?|detain(?:ed|ing|s)|detention of|detentions|taken into custody|apprehended|charged with (?:treason|sabotage|espionage|terrorism)", "Strategic developments", "Arrests", 78),
    Rule(r"signed (?:\w+ ){0,3}?(?:agreement|deal|treaty|accord|memorandum)|(?:ceasefire|truce|peace deal|peace agreement) (?:was |has been )?(?:agreed|signed|reached)|(?:agreed|agree|agreeing)\s+(?:[\w,]+\s+){0,4}?(?:(?:to|on|upon)\s+)?(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+)?(?:ceasefire|cease-fire|truce|armistice|prisoner (?:exchange|swap))|(?:ceasefire|cease-fire|truce) (?:deal|agreement|accord)|(?:ceasefire|cease-fire|truce) (?:took|takes|came|comes) (?:effect|into (?:force|effect))|prisoner (?:exchange|swap)s?|exchanged (?:\w+ ){0,3}?prisoners", "Strategic developments", "Agreement", 60),
    Rule(r"(?:peace )?talks|negotiations", "Strategic developments", "Other", 45, weight=0.5),
    Rule(r"(?:intercepted|shot down|downed|destroyed|neutralised|neutralized) (?:a total of )?(?:[\d,]+ |\w+ )?(?:\w+ )?(?:drones?|UAVs?|missiles?|rockets?|Shaheds?)|defused|(?:air defen[cs]es?|air defense) (?:\w+ )?(?:repelled|shot|intercepted|were active|activated)|"
         r"(?:drones?|UAVs?|missiles?|rockets?|Shaheds?)\s+(?:\w+\s+){0,2}?(?:were|was|had been|have been|being)\s+(?:\w+\s+)?(?:shot down|intercepted|downed|destroyed|neutrali[sz]ed|suppressed)", "Strategic developments", "Disrupted weapons use", 55),
    Rule(r"(?:set up|established|built|opened) (?:\w+ )?(?:a |an |its |new )?(?:military )?(?:base|headquarters|outpost|camp)", "Strategic developments", "Headquarters or base established", 58),
    Rule(r"loot(?:ed|ing)|ransack\w*|set fire to|torched|vandali[sz]\w*|demolished|burned down", "Strategic developments", "Looting/property destruction", 57),
    Rule(r"withdr(?:ew|awn|awal)|handed over control|pulled out of|retreated from", "Strategic developments", "Non-violent transfer of territory", 56),
    Rule(r"(?:deploy(?:ed|ing|ment)?|redeploy\w*|stationed|sent|dispatched|transferr?(?:ed|ing)|moved|relocated|arrived)\s+(?:\w+\s+){0,5}?(?:to|in|into|at)\b", "Strategic developments", "Other", 52, movement=True, weight=0.8),
    Rule(r"(?:troops|soldiers|personnel|forces|servicemen|units)\s+(?:\w+\s+){0,3}?(?:deployed|redeployed|sent|dispatched|transferred|stationed|arrived)", "Strategic developments", "Other", 53, movement=True, weight=0.8),
    Rule(r"(?:taken|brought|transported|evacuated|transferr?(?:ed|ing)|transporting|sent|flown)\s+(?:\w+\s+){0,4}?(?:to|into)\s+(?:\w+\s+){0,3}?(?:hospitals?|clinics?|medical)|(?:transferr?(?:ed|ing)|transport(?:ed|ing)|evacuat(?:ed|ing))\s+(?:\w+\s+){0,3}?(?:injured|wounded)\s+(?:\w+\s+){0,2}?(?:soldiers|troops|servicemen|personnel)", "Strategic developments", "Other", 62, movement=True, weight=0.85),
    Rule(r"(?:troops|soldiers|personnel|servicemen)\s+(?:were |was |had been |have been )?(?:transported|transferred|flown|taken)", "Strategic developments", "Other", 54, movement=True, weight=0.8),
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
    r"|(?:threaten(?:ed|s)?|vow(?:ed|s)?|plan(?:ned|s)?|planning|intend(?:ed|s)?|refus(?:ed|es)|pledged|promised)\s+to\s+(?:\w+\s+)?"
    r"|refrain(?:ed|ing|s)?\s+from\s+(?:\w+\s+)?"
)

#: Words that make a generic rule's match something else than political violence:
#: "an earthquake struck near Istanbul", "inflation hit in March", "a cyber attack",
#: "the winning goal struck in stoppage time".
#: A clause holding one of them yields no event from a generic rule.
GENERIC_VETO = (
    r"earthquakes?|quakes?|storms?|hurricanes?|floods?|lightning|tornado\w*|cyclones?|typhoons?|wildfires?|"
    r"heat ?waves?|virus\w*|pandemic|recession|inflation|markets?|prices?|shares|stocks|hackers?|cyber\w*|"
    r"panic attacks?|heart attacks?|asthma attacks?|shark attacks?|dog attacks?|"
    r"goals?|scored|stoppage time|penalt(?:y|ies)|football|tournament|league|striker"
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
    "within": 1,
    "of": 1,  # only after a place word: "the city of Kharkiv" (see LOCATIVE_HEADS)
    "near": 2,
    "outside": 2,
    "around": 2,
    "nearby": 2,
    "towards": 2,
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
    "on the outskirts of": 2,
    "in the vicinity of": 2,
    "part of": 2,
}

#: Words before ``of`` that make it locative: ``the city of Kharkiv``.
LOCATIVE_HEADS = r"city|town|village|settlement|region|oblast|province|district|port|area|suburbs?|centre|center|outskirts|vicinity|coast|waters|territory|capital|community"

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
