"""From an article's statements and places to incidents; merging the same incident.

For each sentence of an article: its clauses (:mod:`geomap.analysis.text`), the
event each clause reports (:mod:`geomap.analysis.classify`), and the place where
it happened (:mod:`geomap.analysis.places`). A sentence about an earlier year
("In 2022, Russian troops captured Kherson") is background and skipped. Then,
per event, its place is, in this order:

1. the locations in its own clause;
2. the locations in clauses of the same sentence that report no event of their
   own ("two civilians were killed in Kupiansk after Russian shelling");
3. for "the city"/"the region" in its clause, the place of that kind the
   sentence names as speaker or owner ("Kharkiv's mayor said a drone struck a
   building in the city");
4. else the event is more evidence for an incident of the same type told in the
   same or the previous sentence, or one it points back to ("the attack"); a
   stronger statement may refine its sub-type (a protest that police broke up);
5. else it is dropped: an event with no place is not an incident.

A clause listing several places (``near Ust-Luga and Novorossiysk``) gives one
incident per place of the list nearest to the event's words; a region or
country is dropped when a place inside it is also named (``in Russia's Kursk
Oblast`` → Kursk Oblast). Counts go to the event whose words are nearest, and
to the first place of a list only.

Incidents of one article that agree (same sub-type, compatible date, the same
place or one inside the other) are one incident. Across articles
:func:`merge_incidents` joins the same incident told by several sources: same
event and sub-event type, dates within :data:`MERGE_DAYS`, and within
:data:`MERGE_DISTANCE_KM` or the same region for region-level ones. Counts: the
highest figure within one article (sentences add detail), the lowest across
sources (ACLED's rule).

Russian and Ukrainian sentences go the same way; the few word lists of this
module (what may stand between an event and its target, "the city", "the
attack", victims) carry their Cyrillic words beside the English ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from geomap.article import Article
from geomap.analysis.actors import Side, pick_actors, state_forces
from geomap.analysis.classify import Trigger, classify, clause_candidates, weapon_near
from geomap.analysis.dates import find_date, is_discourse
from geomap.analysis.places import QUARTER_BEFORE, Role
from geomap.analysis.rules import HIT_VERBS, RULES
from geomap.analysis.text import LazyPattern, has_cyrillic
from geomap.merge import MERGE_DAYS, MERGE_DISTANCE_KM, NARROW_WATERS, POINT_KINDS, absorb, contains, km, merge_incidents, same_region

if TYPE_CHECKING:
    from gazetteer.model import Mention, Place
    from geomap.document import Document, Sentence

__all__ = ["MERGE_DISTANCE_KM", "Incident", "incidents_from_article", "merge_incidents"]

# Merging across articles is a step of its own (geomap.merge); re-exported here for callers.

#: Within one article, two places this close are one place (a district and its town, a site
#: and the town beside it); two settlements the article names apart never are.
ARTICLE_MERGE_KM = 10.0
#: How long before publication an article's undated lede may tell of the day it names later.
ARTICLE_LEDE_DAYS = 31
#: Within one article a region-level statement and a town in that region are
#: one incident when the town lies within this distance of the region's label
#: point (used when the gazetteer has no polygon for the region).
REGION_RADIUS_KM = 150.0

#: Words right after the event's words that say the next name is its target
#: ("shelled Kherson", "struck the city of").
_MAX_OBJECT_GAP = 24
#: A name this close before the event's words is its subject ("Kharkiv was shelled").
_MAX_SUBJECT_GAP = 20

#: A time between the event's words and its target: "shelled throughout the whole day Hirske".
_WHEN_GAP = re.compile(
    r"\s+(?:again\s+|overnight\s+|(?:throughout|during|all)\s+(?:the\s+)?(?:whole\s+|entire\s+)?"
    r"(?:day|night|morning|afternoon|evening|weekend)\s+)+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?",
    re.IGNORECASE,
)
#: What may stand between the event's words and its target ("shelled the town of").
_OBJECT_GAP = re.compile(
    r"^\s*(?:(?:the|a|an|southern|northern|eastern|western|central|city|town|village|port|of|settlement|"
    r"rocked|shook|hit|struck|pounded|targeted|damaged|"
    # "conducted airstrikes and shelled Siversk": the target of the verb beside the trigger
    r"and|then|shelled|bombed|bombarded|attacked|"
    # Russian/Ukrainian: "обстріляли місто Харків", "атакували обласний центр", "по селу"
    r"місто|міста|селище|село|села|смт|м\.|с\.|г\.|город|города|пос[её]лок|пгт|обласн\w+|областн\w+|центр|"
    r"населен\w+|пункт\w*|н\.\s?п\.|"
    r"прифронтов\w+|прикордонн\w+|приграничн\w+|околиці|окраины|передмістя|пригород)\s+)*$",
    re.IGNORECASE,
)
#: "shelled with multiple rocket launchers, mortars and artillery Kurakhove": the
#: instruments between the verb and its target, at most this long.
_MAX_INSTRUMENT_GAP = 90
_INSTRUMENT_GAP = re.compile(r"^\s*(?:(?P<with>with|using)\s+)?(?:[\w-]+,?\s+){1,9}$", re.IGNORECASE)
_ENDS_WITH = re.compile(r"\b(?:with|using)$", re.IGNORECASE)


def _instrument_first(gap: str, trigger: str = "") -> bool:
    """Whether ``gap`` is only the weapons the event was done with ("with mortars and artillery ").

    ``trigger``: the event's own words, which may end with the "with".
    """
    match = _INSTRUMENT_GAP.match(gap)
    if match is None:
        return False
    if not (match.group("with") or _ENDS_WITH.search(trigger)):
        # Russian and Ukrainian name the instrument in its own case, with no "with":
        # "атакували дроном Нікополь", "атаковали беспилотниками Белгород".
        if not has_cyrillic(gap) or len(gap.split()) > 3:
            return False
    return weapon_near(gap, 0) is not None or _GENERIC_ARMS.search(gap) is not None


#: Weapons named by their kind alone: "shelled with heavy weapons Pisochyn".
_GENERIC_ARMS = re.compile(r"\b(?:weapons?|weaponry|small\s+arms)\b", re.IGNORECASE)


#: Between the event's words and a name: a place the data lacks, then its region or
#: district ("shelled Zavody, Kharkiv", "shelled the village of Zavody (Izium, Kharkiv)").
_UNKNOWN_TARGET_GAP = re.compile(
    r"\s*(?:(?:of|on|at|in|near|over|into|outside)\s+)?(?:the\s+(?:village|town|settlement|city)\s+of\s+)?(?-i:[A-Z])[\w'\u2019-]+(?:[ -](?-i:[A-Z])[\w'\u2019-]+)?"
    r"(?:(?:,\s*|\s+and\s+)(?-i:[A-Z])[\w'\u2019-]+){0,4}\s*[,(]\s*$"
)


#: ... in Russian and Ukrainian, the region in the genitive right after the village:
#: "обстреляли село Безыменное Курской области".
_UNKNOWN_SETTLEMENT_GAP = re.compile(
    r"\s*(?:село|селище|пос[её]лок|смт|пгт|деревню|хутор|населенный пункт|населений пункт)\s+"
    r"(?-i:[А-ЯІЇЄҐ])[\w'\u2019\u02bc-]+(?:[ -](?-i:[А-ЯІЇЄҐ])[\w'\u2019\u02bc-]+)?\s*$",
    re.IGNORECASE,
)


#: Event words that take their target right after them ("struck Lviv with ...", "hit Kharkiv with ...").
_HIT = re.compile(HIT_VERBS + r"\b|shelled\b|shelling\b|bombed\b", re.IGNORECASE)

#: ... and between a subject and a passive ("Kharkiv was again shelled").
_SUBJECT_GAP = re.compile(
    r"^\s*,?\s*(?:(?:was|were|is|are|has|have|had|been|being|again|also|came|comes|come|under|heavily|repeatedly|once|"
    r"a|an|the|massive|large-scale|major|new|another|fresh|heavy|intense|combined|overnight|night|russian|"
    r"ukrainian|enemy|"
    # Russian/Ukrainian: "Харків зазнав масованого обстрілу", "Белгород вновь подвергся атаке"
    r"зазна\w*|піддав\w*|подверг\w*|знову|знов|вкотре|вновь|снова|опять|потрапив|потрапила|попал|попала|опинився|"
    r"під|под|був|була|було|були|был|была|было|были|масован\w*|массирован\w*|нічн\w*|ночн\w*|ворож\w*|"
    r"російськ\w*|российск\w*|українськ\w*|украинск\w*|ракетн\w*|сильн\w*|потужн\w*|мощн\w*)\s+)*$",
    re.IGNORECASE,
)

_ROLE_WEIGHT = {
    "locative": 1.0, "to": 0.95, "from": 0.9, "roundup": 0.9, "object": 0.9, "subject": 0.8, "fallback": 0.8, "definite": 0.7,
    "context": 0.7,
}  # fmt: skip


@dataclass(slots=True)
class Incident:
    """One incident: what happened, where, when, and the evidence.

    Counts are None when not reported (the frame writes ``fatalities`` 0).
    """

    event_type: str
    sub_event_type: str
    disorder_type: str
    place: Place
    geo_precision: int
    event_date: date | None
    time_precision: int | None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    fatalities: int | None = None
    injured: int | None = None
    quantities: dict[str, int] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""
    confidence: float = 0.0
    article_key: str = ""  # the article's identity: its URL, else a hash of its text (article_key())
    priority: int = 0  # of the rule that typed it: a stronger statement may refine the type
    last_sentence: int = -1  # index in its article of the latest sentence that told of it
    first_sentence: int = -1  # ... and of the sentence that first told of it
    merged_id: str | None = None  # set by geomap.merge: the smallest of its members' ids
    district: bool = False  # the place is a town named for its district ("по Запорізькому району")
    quarter: str | None = None  # the part of a country or region named ("southern Lebanon": "s")
    vague: bool = False  # the words named no weapon ("удар", "attack"): the sub-type is a default or a guess

    @property
    def location_kind(self) -> str:
        kind = self.place.kind
        return kind if kind in ("city", "admin1", "sea", "country") else "other"

    @property
    def event_id(self) -> str:
        """Short hash of the content: type, sub-type, place, date and the article's identity.

        Never of a path as typed: ``geomap extract seeds/`` and ``geomap extract
        /abs/path/seeds`` give the same ids. A merged incident's id is the
        smallest of its members' (:mod:`geomap.merge`).
        """
        if self.merged_id is not None:
            return self.merged_id
        key = "|".join(
            (
                self.event_type,
                self.sub_event_type,
                self.place.id,
                self.event_date.isoformat() if self.event_date else "",
                self.article_key or (self.sources[0] if self.sources else ""),
            )
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def article_key(article: Article) -> str:
    """An article's identity from its content: its URL, else a hash of its title and text.

    The same article read from two paths (or twice) has the same key.
    """
    if article.url:
        return article.url.strip()
    return content_hash(article)


def content_hash(article: Article) -> str:
    """A hash of an article's title and text (white space folded), whatever its URL.

    :func:`article_key` of an article without a URL; the store
    (:mod:`geomap.store`) remembers processed articles by it, so an article
    edited under the same URL is read again.

    Examples
    --------
    >>> from geomap.article import Article
    >>> content_hash(Article("Shelling  in Kharkiv.", "a.txt")) == content_hash(Article("Shelling in\nKharkiv.", "b.txt"))
    True
    """
    text = " ".join(f"{article.title or ''}\n{article.text}".split())
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:20]


@dataclass(slots=True)
class _Statement:
    """An event a clause reports: its words, the clause, candidate places, sides."""

    trigger: Trigger
    clause: tuple[int, int]  # within the sentence
    places: list[tuple[Mention, Role, str]]  # (mention, role, how it was found)
    sides: list[Side] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    at: list[int] = field(default_factory=list)  # each incident's place in the sentence (roundups)
    ends: list[int] = field(default_factory=list)  # ... and where its name ends


def incidents_from_article(article: Article, gazetteer: Any) -> list[Incident]:
    """Extract the incidents one article reports.

    Parameters
    ----------
    article : Article
        The article.
    gazetteer : gazetteer.Gazetteer
        Finds and resolves place names (``find``) and names countries (``get``).

    Returns
    -------
    list of Incident
        Merged within the article, in order of first evidence.
    """
    from geomap.document import analyse

    return events_from_document(analyse(article, gazetteer), gazetteer)


def events_from_document(doc: Document, gazetteer: Any) -> list[Incident]:
    """The incidents of an analysed article (:class:`geomap.document.Document`).

    Reads the annotations of its sentences (rule hits, clauses, roles, dates,
    counts, sides); computes none from the raw text itself.
    """
    countries = _CountryNames(gazetteer)
    incidents: list[Incident] = []
    eventful: set[int] = set()  # sentences that told of an event: the others leave a story open
    for sent in doc.sentences:
        if not sent.hits:  # most sentences report no event: skip them cheaply
            _where_it_happened(incidents, sent, eventful)
            _follow_up_counts(incidents, sent, eventful)
            continue
        if sent.background:  # "In 2022, Russian troops captured Kherson."
            continue
        live = []
        statements = _statements(sent)
        if any(statement.trigger.event_type in _TOLL_TYPES for statement in statements):
            # told of an event that can have victims, placed or not, tally or not: the story moved
            # on (air defence over the attack's city does not)
            eventful.add(sent.index)
        for statement in statements:
            _arrests_at_a_protest(statement, sent, incidents)
            if statement.places and _unnamed_many(statement, sent.text):
                continue  # "129 shellings of 54 settlements in Sumy Oblast": a tally, no event to place
            day, precision, _ = sent.date
            target = None
            if not (statement.places or _air_defence_place(statement, sent, incidents)):
                target = _attach_target(incidents, statement.trigger, sent.text, sent.index, day if precision == 1 else None)
            if statement.places or (target is None and _story_place(statement, sent, incidents, eventful)):
                statement.incidents = _new_incidents(statement, sent, countries)
                for incident in statement.incidents:
                    incident.last_sentence = incident.first_sentence = sent.index
                incidents.extend(statement.incidents)
                live.append(statement)
                continue
            if target is not None:
                _attach(target, statement.trigger, sent.evidence)
                _fill_actors(target, statement, sent.text)
                target.last_sentence = sent.index
                statement.incidents = [target]
                live.append(statement)
        if live:
            _assign_counts(sent.counts, live, sent.text)
        else:
            _where_it_happened(incidents, sent, eventful)
            _follow_up_counts(incidents, sent, eventful)
    return _merge(incidents, gazetteer)


def _statements(sent: Sentence) -> list[_Statement]:
    """The events a sentence reports, each with its candidate places."""
    sentence, mentions, spans, roles, clauses = sent.text, sent.mentions, sent.spans, sent.roles, sent.clauses
    hits, context = sent.hits, sent.context
    statements: list[_Statement] = []
    for c_start, c_end in clauses:
        rules_to_try = clause_candidates(sentence, hits, (c_start, c_end))
        if not rules_to_try:
            continue
        for found in classify(sentence[c_start:c_end], sentence=sentence, offset=c_start, context=context, rules_to_try=rules_to_try):
            event_type, sub_type = found.event_type, found.sub_event_type
            if found.vague and event_type == "Battles" and _CIVILIANS_HARMED.search(sentence):
                # "В результате атаки ВСУ в Горловке погибли два человека": an attack that names
                # no weapon and harmed civilians, not soldiers, struck from afar
                event_type, sub_type = "Explosions/Remote violence", "Shelling/artillery/missile attack"
            trigger = Trigger(found.start + c_start, found.end + c_start, event_type, sub_type, found.rule, found.vague)
            places = _locations(sentence, trigger, (c_start, c_end), mentions, spans, roles)
            statements.append(_Statement(trigger, (c_start, c_end), places))
    if statements:
        _official_region(sentence, statements, mentions, spans)
        _fallback_places(statements, clauses, mentions, spans, roles)
        _definite_places(sentence, statements, mentions, roles, sent)
        _roundup_places(sentence, statements, mentions, spans, roles)
    sides = sent.sides if statements else []
    for statement in statements:
        statement.sides = [
            side
            for side in sides
            # Sides come from the event's own clause: in "a nurse in Moscow Oblast, whose
            # husband is fighting in Kharkiv Oblast, said North Korean soldiers were
            # taken to hospital", the soldiers are no party to the fighting.
            if statement.clause[0] <= side.start < statement.clause[1]
        ]
    return statements


def _new_incidents(statement: _Statement, sent: Sentence, countries) -> list[Incident]:
    """One incident per place of a statement.

    Its date: the clause's date words, else the sentence's, else those of the
    sentence ``before`` in the same paragraph ("On the night of 12 March the
    enemy attacked with 47 drones. 31 were shot down over Kharkiv."), else the
    publication date (within a week).
    """
    trigger = statement.trigger
    article, sentence, evidence, key = sent.doc.article, sent.text, sent.evidence, sent.doc.key
    clause = sentence[statement.clause[0] : statement.clause[1]]
    when, precision, words = find_date(clause, article.published) if clause != sentence else sent.date
    if is_discourse(words):  # "the same day": counted from the sentence's anchor
        when, precision, _ = sent.date
    if when is None:
        when, precision, _ = sent.date
    before = sent.previous
    if when is None and before is not None and not before.background:
        when, precision, _ = before.date
    if when is None:
        when, precision, _ = sent.anchor  # the day the report was last about
    if when is None and article.published is not None:
        when, precision = article.published, 2
    victims = _has_victims(sentence)
    out = []
    statement.at, statement.ends = [], []
    for mention, role, how in _nearest_group(_drop_containers(statement.places), trigger, sentence):
        statement.at.append(role.at)
        statement.ends.append(role.at + len(mention.text))
        place = mention.place
        country = countries.name(place.country)
        actor1, actor2 = pick_actors(
            statement.sides,
            trigger.start,
            event_type=trigger.event_type,
            sub_event_type=trigger.sub_event_type,
            sentence=sentence,
            country_name=country,
            has_victims=victims,
        )
        sub_type = _territory_sub_type(trigger.sub_event_type, actor1, place, country)
        confidence = trigger.rule.weight * float(mention.confidence) * _ROLE_WEIGHT.get(how, 0.8)
        district = bool(_DISTRICT.search(mention.text))
        if place.kind == "country":
            confidence *= 0.85
        out.append(
            Incident(
                event_type=trigger.event_type,
                sub_event_type=sub_type,
                disorder_type=trigger.disorder_type,
                place=place,
                # a town standing for its district locates the event near it (ACLED's 2)
                geo_precision=max(_geo_precision(place, role), 2 if district else 1),
                event_date=when,
                time_precision=precision if when is not None else None,
                actor1=actor1,
                actor2=actor2,
                country=country,
                sources=[article.source],
                titles=[article.title] if article.title else [],
                urls=[article.url] if article.url else [],
                evidence=[dict(evidence)],
                notes=sentence,
                confidence=round(confidence, 3),
                article_key=key,
                priority=trigger.rule.priority,
                district=district,
                quarter=_quarter(sentence, role.at) if place.kind in ("country", "admin1") else None,
                vague=trigger.vague,
            )
        )
    return out


_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _territory_sub_type(sub_type: str, actor1: str | None, place, country: str | None) -> str:
    """Who took the ground decides the sub-type, as ACLED codes it.

    The state's own forces regain territory in their country ("Ukrainian troops
    entered Lyman", "Russian forces retook villages in the Kursk region"); other
    forces, a foreign state's among them, overtake it ("Russian troops captured
    Lyman"). Unknown actors leave the sub-type the words gave.
    """
    if sub_type not in _TERRITORY or not actor1 or not country or not actor1.startswith("Military Forces of"):
        return sub_type
    own = actor1 == state_forces(place.country, country)
    return _TERRITORY[0] if own else _TERRITORY[1]




def _quarter(sentence: str, at: int) -> str | None:
    """The compass part of a country or region named at ``at`` ("southern", "north-east"): "s", "ne"; or None."""
    match = QUARTER_BEFORE.search(sentence, max(0, at - 30), at)
    if match is None:
        return None
    word = match.group("q").lower().replace("-", "")
    return "".join(part[0] for part in re.findall(r"north|south|east|west", word))


#: A name that stands for its district, not the town ("Дніпровський район", "Pokrovsk district").
_DISTRICT = re.compile(r"(?<!\w)(?:район\w*|округ\w*|громад\w*)|\b(?:district|raion|rayon|hromada|municipality)\b", re.IGNORECASE)
#: How far from its town a district reaches, for an article's statements to meet in it.
DISTRICT_RADIUS_KM = 40.0


def _attach(target: Incident, trigger: Trigger, evidence: dict[str, Any]) -> None:
    """Add a statement without a place to an earlier incident of its article."""
    _add_evidence(target, evidence)
    if trigger.rule.priority > target.priority:
        # "Thousands rallied in Tbilisi. Police detained several demonstrators.":
        # the protest met an intervention; "... after a mass brawl": it turned violent.
        target.event_type = trigger.event_type
        target.sub_event_type = trigger.sub_event_type
        target.disorder_type = trigger.disorder_type
        target.priority = trigger.rule.priority


def _fill_actors(target: Incident, statement: _Statement, sentence: str) -> None:
    """Name the sides of an incident from a statement added to it, when it names none.

    "An explosion ripped through a depot in Toropets after a Ukrainian drone
    attack": the explosion gives the place, the drone attack who struck.
    """
    if target.actor1 is not None or not statement.sides:
        return
    actor1, actor2 = pick_actors(
        statement.sides,
        statement.trigger.start,
        event_type=target.event_type,
        sub_event_type=target.sub_event_type,
        sentence=sentence,
        country_name=target.country,
        has_victims=_has_victims(sentence),
    )
    target.actor1 = actor1
    target.actor2 = target.actor2 or actor2


#: Words of people killed or hurt (civilians as actor2 need victims).
_VICTIMS = re.compile(r"\b(?:killed|killing|dead|died|deaths?|fatalit\w+|injur\w+|wounded|wounding|hurt|casualties)\b", re.IGNORECASE)
#: The same in Russian and Ukrainian, tried only on sentences with Cyrillic letters.
_CYRILLIC_VICTIMS = re.compile(
    r"(?<!\w)(?:загин\w*|загибл\w*|погиб\w*|вбит\w*|вбил\w*|вбив\w*|убит\w*|убил\w*|помер\w*|умер\w*|жертв\w*|"
    r"поранен\w*|поранил\w*|ранен\w*|ранил\w*|травмов\w*|постражд\w*|пострада\w*|контуз\w*)",
    re.IGNORECASE,
)


def _has_victims(sentence: str) -> bool:
    """Whether a sentence tells of people killed or hurt (English, Russian, Ukrainian)."""
    if _VICTIMS.search(sentence) is not None:
        return True
    return has_cyrillic(sentence) and _CYRILLIC_VICTIMS.search(sentence) is not None


#: Event types whose sub-types are stages of one event: a statement without a
#: place may refine the article's last incident of the type (a protest that
#: police broke up; a battle that ended in a capture).
_STAGED_TYPES = frozenset({"Battles", "Protests", "Riots"})
#: Event types that are stages of one demonstration: "police detained 20
#: protesters after a mass brawl between protesters and police" is a protest that
#: turned violent, one riot (ACLED: Violent demonstration).
_DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})


def _same_kind(incident_type: str, trigger_type: str) -> bool:
    """Whether a statement of ``trigger_type`` may tell more of an incident of ``incident_type``."""
    return incident_type == trigger_type or {incident_type, trigger_type} <= _DEMONSTRATION_TYPES


#: Words before an event's words that point back to one already told
#: ("the attack", "these strikes", "this incident").
_ANAPHORA = re.compile(
    r"\b(?:the|this|these|that|those|its|the same)\s+(?:[\w-]+\s+){0,3}$"
    # Russian/Ukrainian: "цей удар", "этой атаки", "внаслідок обстрілу" (as a result of the shelling)
    r"|(?<!\w)(?:цей|ця|це|ці|цього|цієї|цих|этот|эта|это|эти|этого|этой|этих|внаслідок|в результате|під час|во время)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


#: How many sentences back an attack may lie for air defence to act where it struck.
_AIR_DEFENCE_REACH = 3


def _air_defence_place(statement: _Statement, sent: Sentence, incidents: list[Incident]) -> bool:
    """Give a placeless air-defence statement the place of the attack it met.

    "Air defence destroyed about 25 targets" two sentences after the attack on
    Odesa: the weapons were downed over Odesa. Only an attack told within
    :data:`_AIR_DEFENCE_REACH` sentences, on the day the statement is about;
    True when a place was given.
    """
    if statement.trigger.sub_event_type != "Disrupted weapons use":
        return False
    if _downed_where_next(sent):
        return False  # "ПВО уничтожили 65 дронов. 16 сбили над Черным морем, ...": the total of a roundup
    day = sent.date[0] if sent.date[0] is not None else sent.anchor[0]
    for incident in reversed(incidents):
        if sent.index - incident.last_sentence > _AIR_DEFENCE_REACH:
            break
        if incident.event_type != "Explosions/Remote violence":
            continue
        if day is not None and incident.event_date is not None and day != incident.event_date:
            return False  # "intercepted two missiles overnight", after Thursday's shelling: another night
        return _place_of(incident, statement, sent)
    return False


def _place_of(incident: Incident, statement: _Statement, sent: Sentence) -> bool:
    """Give ``statement`` the place of an earlier ``incident``, from the mention that named it."""
    for earlier in reversed(sent.doc.sentences[incident.first_sentence : sent.index]):
        for mention in earlier.mentions:
            if mention.place.id == incident.place.id:
                statement.places = [(mention, Role("locative", incident.geo_precision or 1), "context")]
                return True
    return False


#: How many sentences after a protest mass arrests are of its protesters.
_PROTEST_ARRESTS_REACH = 4
#: The priority of the rules of "Protest with intervention" (``geomap/analysis/rules.py``).
_INTERVENTION_PRIORITY = max(rule.priority for rule in RULES if rule.sub_event_type == "Protest with intervention")
#: Many people arrested, not named ones: "arrested more than 100 people", "detained dozens".
_MANY_PEOPLE = re.compile(
    r"\b(?:\d[\d,]*|dozens|hundreds|scores|thousands)\s+(?:of\s+)?(?:people|persons|men|women|protesters|demonstrators|"
    r"activists|students|residents)\b|(?<!\w)(?:\d+|десятки|сотни|сотні|десятків|сотень)\s+(?:людей|человек|осіб|протестувальник\w*|протестующ\w*)(?!\w)",
    re.IGNORECASE,
)


def _arrests_at_a_protest(statement: _Statement, sent: Sentence, incidents: list[Incident]) -> None:
    """Mass arrests told right after a protest are its intervention (ACLED: Protest with intervention).

    "Hundreds protested against the mobilisation in Makhachkala ... Police arrested
    more than 100 people in Dagestan over the weekend": the people are protesters.
    """
    trigger = statement.trigger
    if trigger.sub_event_type != "Arrests" or not _MANY_PEOPLE.search(sent.text):
        return
    for incident in reversed(incidents):
        if sent.index - incident.last_sentence > _PROTEST_ARRESTS_REACH:
            return
        if incident.event_type in _DEMONSTRATION_TYPES:
            # As the rules of interventions rank ("police detained protesters"): above a
            # peaceful protest, so the arrests told after it make it one with intervention.
            rule = replace(
                trigger.rule,
                event_type="Protests",
                sub_event_type="Protest with intervention",
                priority=max(trigger.rule.priority, _INTERVENTION_PRIORITY),
            )
            statement.trigger = Trigger(trigger.start, trigger.end, "Protests", "Protest with intervention", rule)
            return


#: A verb in the past among an event's words: the statement says something happened.
_PAST_VERB = re.compile(
    r"\b\w+ed\b|\b(?:took|fought|shot|hit|struck|seized|drove|fled|withdrew|overran|began|stormed|blew|threw|caught)\b"
    r"|(?<!\w)[а-яіїєґ'ʼ]+(?:ли|ла|ло|ів|ав|ив|ув|вся|лись|лися)(?!\w)",
    re.IGNORECASE,
)


#: Civilians killed or hurt: "погибли два человека", "загинула жінка", "civilians were wounded".
_CIVILIANS_HARMED = re.compile(
    r"(?<!\w)(?:(?:загинул\w*|загинув|погибл\w*|погиб|поранен\w*|ранен\w*|постраждал\w*|пострадал\w*)\s+(?:[\w'’ʼ-]+\s+){0,2}?"
    r"(?:люд\w*|человек\w*|жінк\w*|женщин\w*|чоловік\w*|мужчин\w*|цивільн\w*|мирн\w*|жител\w*|мешканц\w*|дит\w*|реб[её]н\w*|дет\w*)"
    r"|(?:civilians?|residents?|people|children|women)\s+(?:were\s+|was\s+)?(?:killed|wounded|injured|hurt|died))(?!\w)",
    re.IGNORECASE,
)


def _story_place(statement: _Statement, sent: Sentence, incidents: list[Incident], eventful: set[int]) -> bool:
    """Give a placeless statement of another kind of event the place of the story it goes on.

    "Russian forces attacked a position near Pokrovsk with drones. A fire broke out. The
    Russians encircled the position ...": the battle that followed was where the strike
    was. Only the event told last, in the sentence before or with only sentences of no
    event between, on the same day. A statement of the same kind
    adds to that event instead (:func:`_attach_target`); air defence has its own rule.
    True when a place was given.
    """
    trigger = statement.trigger
    if not incidents or trigger.rule.generic or trigger.sub_event_type in ("Other", "Disrupted weapons use"):
        return False  # "attacked" alone, weapon unnamed, is too vague to start an event of its own
    if not _PAST_VERB.search(sent.text, trigger.start, trigger.end):
        return False  # "during the Kremlin's 18-month Ukraine offensive": a noun tells of no new event
    story = incidents[-1]
    if story.event_type == trigger.event_type or _apart(story.last_sentence, sent.index, eventful) > 1:
        return False
    day = sent.date[0]
    if day is not None and story.event_date is not None and day != story.event_date:
        return False
    return _place_of(story, statement, sent)


def _downed_where_next(sent: Sentence) -> bool:
    """Whether one of the next two sentences says where weapons were downed (the roundup after a total)."""
    for later in sent.doc.sentences[sent.index + 1 : sent.index + 3]:
        if not later.mentions:
            continue
        for statement in _statements(later):
            if statement.trigger.sub_event_type == "Disrupted weapons use" and statement.places:
                return True
    return False


#: How many sentences back, quiet ones included, a story stays open for a toll in a
#: sentence of its own.
_STORY_REACH = 4


def _apart(last: int, s_index: int, eventful: set[int] | None) -> int:
    """How many sentences a statement at ``s_index`` is from one told at ``last``.

    Sentences between that told of no event ("It carried cluster munitions.") do not
    count: they describe the event told last. Beyond :data:`_STORY_REACH` sentences
    the story is closed.
    """
    gap = s_index - last
    if eventful is None or gap <= 1 or gap > _STORY_REACH:
        return gap
    return 1 + sum(1 for i in range(last + 1, s_index) if i in eventful)


def _attach_target(
    incidents: list[Incident], trigger: Trigger, sentence: str, s_index: int, day: date | None = None
) -> Incident | None:
    """The incident of the article a statement without a place adds to, if any.

    Only an event told in the same or the next sentence, or one the statement
    points back to ("the attack", "these strikes"): "Officials in Nova Kakhovka
    said artillery hit the town", two paragraphs after shelling elsewhere, is
    another event, not more evidence for the first. A statement that names its
    own ``day`` adds to no event of another day ("the capital is still reeling
    from attacks on Tuesday which left 28 dead", after Monday's strike).
    """
    if trigger.sub_event_type == "Other":
        return None  # ACLED's catch-all: two "Other" statements are not the same event
    anaphoric = bool(_ANAPHORA.search(sentence[: trigger.start]))
    for incident in reversed(incidents):
        if not anaphoric and s_index - incident.last_sentence > 1:
            continue
        if not _same_kind(incident.event_type, trigger.event_type):
            continue
        if day is not None and incident.event_date != day and (incident.time_precision == 1 or not anaphoric):
            continue
        if (
            incident.sub_event_type == trigger.sub_event_type
            or trigger.rule.generic
            or trigger.event_type in _STAGED_TYPES
        ):
            return incident
    return None


def _locations(sentence: str, trigger: Trigger, clause: tuple[int, int], mentions, spans, roles) -> list[tuple[Any, Role, str]]:
    """The places of ``trigger``'s clause that say where its event happened."""
    found = []
    bare_groups: dict[int, str | None] = {}  # list of bare names → how its first name stands
    for mention, (start, end, _demonym, kind), role in zip(mentions, spans, roles):
        if not (clause[0] <= start < clause[1]):
            continue
        if role.kind == "locative":
            found.append((mention, role, "locative"))
        elif role.kind == "to" and trigger.rule.movement:
            found.append((mention, role, "to"))
        elif role.kind == "blocked" and role.preposition in ("from", "out of") and trigger.rule.origin:
            # "withdrew from Avdiivka", "evacuated from Lysychansk": where they left.
            found.append((mention, replace(role, kind="locative"), "from"))
        elif (role.kind == "bare" or (role.kind == "blocked" and role.preposition == "of")) and kind != "country":
            # "the shelling of Kherson": "of" right after the event's words names its target.
            of_only = role.kind == "blocked"
            if role.group not in bare_groups:  # "attacked Odesa and the Kyiv region": the list follows its head
                how = None
                if trigger.start < start and end <= trigger.end and _HIT.match(sentence, trigger.start):
                    # Inside the event's own words: "struck Lviv with cruise missiles".
                    how = "object"
                elif 0 <= start - trigger.end <= _MAX_OBJECT_GAP and _OBJECT_GAP.match(sentence[trigger.end : start]):
                    how = "object"
                elif 0 <= start - trigger.end <= _MAX_OBJECT_GAP + 20 and _WHEN_GAP.fullmatch(sentence, trigger.end, start):
                    how = "object"  # "shelled throughout the whole day Hirske"
                elif (
                    0 <= start - trigger.end <= _MAX_OBJECT_GAP + 30
                    and (
                        _UNKNOWN_TARGET_GAP.match(sentence, trigger.end, start)
                        or (kind == "admin1" and _UNKNOWN_SETTLEMENT_GAP.match(sentence, trigger.end, start))
                    )
                    and not any(trigger.end <= s < start for s, *_ in spans)
                ):
                    # "shelled Zavody, Kharkiv", "shelled Zavody (Izium, Kharkiv)": the target is a
                    # village the data lacks; its region or its district's town says where
                    how = "object"
                elif 0 <= start - trigger.end <= _MAX_INSTRUMENT_GAP and _instrument_first(
                    sentence[trigger.end : start], sentence[trigger.start : trigger.end]
                ):
                    how = "object"
                elif not of_only and 0 <= trigger.start - end <= _MAX_SUBJECT_GAP + 20 and _SUBJECT_GAP.match(sentence[end : trigger.start]):
                    how = "subject"
                bare_groups[role.group] = how
            how = bare_groups[role.group]
            if how is not None:
                found.append((mention, replace(role, kind="locative"), how))
    if any(how != "subject" for _, _, how in found):
        # "Kyiv launched drones at Moscow": a subject is the place only when
        # nothing else in the clause says where.
        found = [item for item in found if item[2] != "subject"]
    return found


#: "in his (southern) region": the region of the official the sentence names.
_HIS_REGION = re.compile(r"\bin\s+(?:his|her|their)\s+(?:[a-z]+\s+)?(?:region|oblast|province|state)\b")
#: A regional official after or before the region's name: "Kherson governor", "governor of Kherson".
_OFFICIAL_AFTER = re.compile(r"\s+(?:regional\s+)?(?:governor|administration\s+head|military\s+administration)\b", re.IGNORECASE)
_OFFICIAL_BEFORE = re.compile(r"\b(?:governor|head\s+of\s+the\s+military\s+administration)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _official_region(sentence: str, statements: list[_Statement], mentions, spans) -> None:
    """"Kherson governor X said Russia shelled the village of Y in his southern region": Kherson Oblast.

    A statement with no place of its own, in a clause that says "in his region", is in
    the region of the governor the sentence names (the village itself being one the
    data lacks).
    """
    for statement in statements:
        if statement.places:
            continue
        if not _HIS_REGION.search(sentence, statement.trigger.start, statement.clause[1]):
            continue
        for mention, (start, end, demonym, _kind) in zip(mentions, spans):
            if demonym or not (_OFFICIAL_AFTER.match(sentence, end) or _OFFICIAL_BEFORE.search(sentence, max(0, start - 50), start)):
                continue
            place = mention.place
            region = place if place.kind == "admin1" else next(
                (alt for alt in mention.alternatives if alt.kind == "admin1" and alt.name == place.admin1), None
            )
            if region is not None:
                statement.places.append((replace(mention, place=region), Role("locative", 1, "in", start, -1), "locative"))
                break


def _roundup_places(sentence: str, statements: list[_Statement], mentions, spans, roles) -> None:
    """Carry a statement's places on through the clauses of a roundup that report no event of their own.

    "сбиты 16 беспилотников над Брянской областью, 14 над Воронежской областью, 14 над
    Краснодарским краем": the clause splitter cuts at each comma; the places after it
    are more places of the same event, each with its count.
    """
    busy = [s.clause for s in statements]
    for statement in statements:
        if not statement.places:
            continue
        last = max(statement.places, key=lambda item: item[1].at)
        end = last[1].at + len(last[0].text)
        have = {id(item[0]) for item in statement.places}
        for mention, (start, stop, _demonym, kind), role in zip(mentions, spans, roles):
            if start < end or id(mention) in have or kind == "country":
                continue
            if any(a <= start < b for a, b in busy if (a, b) != statement.clause):
                break  # another event's clause
            if role.kind != "locative" or not _chains(sentence[end:start]):
                break
            statement.places.append((mention, role, "roundup"))
            end = stop


def _fallback_places(statements: list[_Statement], clauses, mentions, spans, roles) -> None:
    busy = {s.clause for s in statements}
    spare = [c for c in clauses if c not in busy]
    for statement in statements:
        if statement.places:
            continue
        for mention, (start, *_), role in zip(mentions, spans, roles):
            if not any(a <= start < b for a, b in spare):
                continue
            if role.kind == "locative" or (role.kind == "to" and statement.trigger.rule.movement):
                statement.places.append((mention, role, "fallback"))


#: "the city", "the region": a place named before, by its kind.
_DEFINITE = re.compile(
    r"\bthe\s+(?:(?P<town>city|town|village|port|settlement)|(?P<region>region|oblast|province|krai|state))\b(?!\s+of\b)"
    # "у місті", "в городе", "в області", "в регионе" with no name after them
    r"|(?<!\w)(?:у|в|по)\s+(?:(?P<town_>місті|місту|селі|селищі|городе|городу|селе|поселке|пос[её]лке)|(?P<region_>області|регіоні|области|регионе))(?!\s+(?-i:[А-ЯІЇЄҐA-Z]))(?!\w)",
    re.IGNORECASE,
)


def _definite_places(sentence: str, statements: list[_Statement], mentions, roles, sent: Sentence | None = None) -> None:
    """Resolve "the city" to the city the sentence names as a speaker or owner.

    "Kharkiv's mayor said a drone struck a building in the city": Kharkiv is not
    a location by its position (who reported), but "the city" in the event's
    clause points back to it. Only names in those roles, of the kind the words
    say (a city for "the city", a region for "the region"), are taken. A region
    word with no such name in the sentence points back to the region where the
    sentence before placed its event ("... in Zamfara State. In another part of
    the state, bandits killed a man").
    """
    for statement in statements:
        if statement.places:
            continue
        clause = sentence[statement.clause[0] : statement.clause[1]]
        definite = _DEFINITE.search(clause)
        if definite is None:
            definite = _DEFINITE.search(sentence, 0, statement.clause[0])  # "In another part of the state, ..."
            if definite is None or not (definite.group("region") or definite.group("region_")):
                continue
        kinds = ("city", "other") if definite.group("town") or definite.group("town_") else ("admin1",)
        for mention, role in zip(mentions, roles):
            if role.kind in ("possessive", "reporter") and mention.place.kind in kinds:
                statement.places.append((mention, replace(role, kind="locative"), "definite"))
                break
        else:
            if kinds == ("admin1",) and sent is not None and sent.previous is not None:
                before = sent.previous
                for mention, role in zip(reversed(before.mentions), reversed(before.roles)):
                    if role.kind == "locative" and mention.place.kind == "admin1":
                        statement.places.append((mention, Role("locative", 1), "definite"))
                        break


def _drop_containers(places: list[tuple[Any, Role, str]]) -> list[tuple[Any, Role, str]]:
    """Drop a country or region when a place inside it is named too; one per place."""
    out: list[tuple[Any, Role, str]] = []
    seen: set[str] = set()
    for item in places:
        place = item[0].place
        if place.id in seen:
            continue
        inner = [o[0].place for o in places if o[0].place.id != place.id]
        if getattr(item[0], "reason", None) == "qualifier-region" and inner:
            continue  # "Sevastopol, Crimea": the region the town before it lies in, never a place of its own
        if place.kind == "country" and any(p.country == place.country and p.kind != "country" for p in inner):
            continue
        if place.kind == "admin1" and any(
            p.kind not in ("country", "admin1") and p.country == place.country and same_region(p.admin1, place.name)
            for p in inner
        ):
            continue
        seen.add(place.id)
        out.append(item)
    return out


def _nearest_group(places: list[tuple[Any, Role, str]], trigger: Trigger, sentence: str = "") -> list[tuple[Any, Role, str]]:
    """The places of the clause that belong to the event: the nearest list of them.

    "Patients arriving in Kyiv described weeks of shelling near Pokrovsk": both
    names are locative, the shelling is near Pokrovsk. Names joined by a list
    (``near Ust-Luga and Novorossiysk``) share a ``group``; the group nearest to
    the event's words wins, with the groups a roundup chains to it: "left three
    victims in Kryvyi Rih and three in Synelnykove", "над Воронежской областью
    14, над Краснодарским краем 14" are one event in each place, as ACLED codes it.
    """
    if len(places) <= 1:
        return places
    groups: dict[int, list[tuple[Any, Role, str]]] = {}
    for item in places:
        groups.setdefault(item[1].group, []).append(item)
    if len(groups) == 1:
        return places

    def distance(items) -> int:
        return min(min(abs(r.at - trigger.start), abs(r.at - trigger.end)) for _, r, _ in items)

    ordered = sorted(groups.values(), key=lambda items: items[0][1].at)
    nearest = min(ordered, key=distance)
    k = ordered.index(nearest)
    chosen = list(nearest)
    if sentence:
        for step in (1, -1):  # chain roundup groups after it, then before it
            i = k
            while 0 <= i + step < len(ordered):
                a, b = (ordered[i], ordered[i + step]) if step == 1 else (ordered[i + step], ordered[i])
                if not _chains(sentence[_end_of(a) : b[0][1].at]):
                    break
                i += step
                chosen += ordered[i]
    chosen.sort(key=lambda item: item[1].at)
    return chosen


#: A list that goes on through names the gazetteer lacks: "по Днепрянам, Каховке, Корсунке и Таврийску".
_LIST_GAP = re.compile(
    r"^(?:\s*[,;]\s*|\s+(?:and|і|й|та|и)\s+)"
    r"(?:(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*(?:\s+(?-i:[A-ZА-ЯІЇЄҐ])[\w'’-]*)?(?:\s*[,;]\s*|\s+(?:and|і|й|та|и)\s+))*$",
    re.IGNORECASE,
)


def _end_of(items) -> int:
    mention, role, _ = items[-1]
    return role.at + len(mention.text)


def _chains(gap: str) -> bool:
    """Whether the text between two places goes on with the same roundup or list."""
    return bool(_ROUNDUP_GAP.match(gap) or _LIST_GAP.match(gap))


#: What stands between two places of a roundup: a conjunction or a comma, a count
#: or a few words ("three victims in X and three in Y"), and the preposition.
_ROUNDUP_GAP = re.compile(
    r"^\s*(?:(?:\d[\d,]*\s*)?[,;]\s*|(?:\d[\d,]*\s*)?(?:and|as well as|while|plus|і|й|та|и|а также|а)\s+)"
    r"(?:[\w-]+\s+|[\u2013\u2014]\s+){0,4}?"  # "11 — над Белгородской областью"
    r"(?:in|near|at|over|outside|у|в|на|над|біля|під|под|около|возле|поблизу)\s+$",
    re.IGNORECASE,
)


#: Feature codes of places whose point is one point of something long or wide: a river (its
#: point is its mouth: "the left bank of the Dnipro" is no point on it), a lake, a reservoir.
_LINE_FEATURES = frozenset({"STM"})
_WIDE_FEATURES = frozenset({"RSV", "LK"})


def _geo_precision(place: Place, role: Role) -> int:
    if place.kind == "sea" and place.feature_code in NARROW_WATERS:
        return 2  # "guarding the Kerch Strait": near its point
    if place.kind in ("country", "admin1", "sea") or (place.kind == "other" and place.feature_code in _LINE_FEATURES):
        return 3
    if place.kind == "other" and place.feature_code in _WIDE_FEATURES:
        return 2
    return 2 if role.precision >= 2 or place.approximate else 1


# --- counts and evidence --------------------------------------------------------------


def _assign_counts(items, statements: list[_Statement], sentence: str = "") -> None:
    """Give each count to the event whose words are nearest to it."""
    if not statements:
        return
    elliptic = _elliptic_counts(items, statements, sentence) if sentence else []
    owned = {(id(statement), position): index for statement, index, (*_, position) in elliptic}
    items = list(items) + [item for _statement, _index, item in elliptic]
    for kind, key, value, position in items:
        nearest = min(statements, key=lambda s: _distance(s.trigger, position))
        # "drones attacked Odesa and the Kyiv region, killing two": the two are
        # not two in each place; the count goes to the first place only, so
        # totals are never inflated (ACLED keeps the lowest figure). In a
        # roundup whose places each carry a count, each count goes to its place.
        targets = nearest.incidents[:1]
        if len(nearest.at) == len(nearest.incidents) > 1 and _counted_places(items, nearest.at):
            if (id(nearest), position) in owned:
                targets = [nearest.incidents[owned[(id(nearest), position)]]]
            elif position < nearest.at[0] and (id(nearest), _first_after(nearest, elliptic)) in owned:
                continue  # "60 drones: over Bryansk 16, over ...": the total of a roundup whose places have their own
            else:
                targets = [_place_of_count(sentence, nearest, position)]
        for incident in targets:
            if kind == "quantity":
                incident.quantities[key] = max(value, incident.quantities.get(key, 0))
            else:
                current = getattr(incident, kind)
                setattr(incident, kind, value if current is None else max(current, value))


#: A count and its noun before the place they happened in: "*one injured in* Bilozerka".
_COUNT_IN = re.compile(
    r"[\w,-]+(?:\s+[\w-]+){0,3}?\s+(?:in|at|near|outside|у|в|на|біля|під|под|около|возле)\s+(?:the\s+)?", re.IGNORECASE
)


def _place_of_count(sentence: str, statement: _Statement, position: int):
    """The incident of a roundup's place a count belongs to.

    The place right after the count and its noun ("left two dead in Kherson and *one
    injured in* Bilozerka"), else the nearest.
    """
    after = [(at, incident) for at, incident in zip(statement.at, statement.incidents) if at > position]
    if after and sentence and _COUNT_IN.fullmatch(sentence, position, min(after, key=lambda pair: pair[0])[0]):
        return min(after, key=lambda pair: pair[0])[1]
    return min(zip(statement.at, statement.incidents), key=lambda pair: abs(pair[0] - position))[1]


#: A bare number right before a roundup's place: "killed two in Kherson and *three in* Nikopol".
_ELLIPTIC = re.compile(
    r"(?<![\w-])(\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:in|at|near|over|над|у|в|на|по|біля|під|под)\s+$", re.IGNORECASE
)
#: ... or right after it, as Russian reports write them: "над Воронежской областью 14, над ...".
_ELLIPTIC_AFTER = re.compile(r"\s+(\d[\d,]*)(?=\s*(?:[,;.]|\s(?:и|і|та|й|and)\s|$))")


def _first_after(statement: _Statement, elliptic) -> int | None:
    """Position of the count right after the roundup's first place, if one stands there."""
    for owner, index, (*_, position) in elliptic:
        if owner is statement and index == 0:
            return position
    return None


def _elliptic_counts(items, statements: list[_Statement], sentence: str) -> list:
    """Counts a roundup leaves without their noun, of the kind its first count has.

    Returns ``(statement, index of its place, (kind, key, value, position))`` triples.
    """
    from geomap.analysis.counts import _word_number

    extra = []
    for statement in statements:
        if len(statement.at) < 2:
            continue
        first = [item for item in items if item[0] in ("fatalities", "injured", "quantity") and item[3] < statement.at[0]]
        if not first:
            continue
        kind, key = first[-1][0], first[-1][1]
        for index, at in enumerate(statement.at):
            after = _ELLIPTIC_AFTER.match(sentence, statement.ends[index]) if statement.ends else None
            if after is not None and not any(item[3] == after.start(1) for item in items):
                extra.append((statement, index, (kind, key, int(after.group(1).replace(",", "")), after.start(1))))
                continue
            if index == 0:
                continue
            match = _ELLIPTIC.search(sentence[max(0, at - 40) : at])
            if match is None:
                continue
            word = match.group(1).replace(",", "").lower()
            value = int(word) if word.isdigit() else _word_number(word)
            position = at - (len(sentence[max(0, at - 40) : at]) - match.start())
            if value is not None and not any(item[3] == position for item in items):
                # (not "wounded three in Bilozerka": a count of its own kind)
                extra.append((statement, index, (kind, key, value, position)))
    return extra


def _counted_places(items, places_at: list[int]) -> bool:
    """Whether counts stand between the places of a list: "three in X and three in Y"."""
    positions = sorted(places_at)
    spans = list(zip(positions, positions[1:]))
    counted = [any(a < p < b for *_, p in items) for a, b in spans]
    return bool(spans) and all(counted)


#: Event types whose follow-up sentences may give the toll: ACLED counts no
#: fatalities for strategic developments.
_TOLL_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})


#: Words of a running tally rather than one event's toll.
#: Many places counted, none named: "retook 12 villages in the Kursk region",
#: "129 shellings of 54 settlements", "обстріли 16 населених пунктів". Two are not many:
#: "air strikes near two towns in northeast Lebanon" is one event there.
_UNNAMED_MANY = re.compile(
    r"(?<!\w)(?:(?!2\b)\d[\d,]*|three|four|five|six|seven|eight|nine|ten|dozens of|several|multiple|numerous|many|"
    r"три|трьох|трех|чотири|четыре|п['\u2019\u02bc]?ять|пять|кілька|несколько|десятки|десятков)\s+"
    r"(?:[\w'\u2019-]+\s+)?(?:settlements|villages|towns|localities|communities|hromadas|"
    r"населен\w+ пункт\w*|сіл|сел|селищ|міст|городов|громад\w*)(?!\w)",
    re.IGNORECASE,
)


def _unnamed_many(statement: _Statement, sentence: str) -> bool:
    """A statement about many places it does not name, placed only at a region or country."""
    if any(mention.place.kind in POINT_KINDS for mention, _role, _how in statement.places):
        return False
    start, end = statement.clause
    return _UNNAMED_MANY.search(sentence, start, end) is not None


_TALLY = re.compile(
    r"\b(?:since|so far|in total|overall|to date|this year|this month|altogether|in all|cumulative|throughout|"
    r"(?:the|a) total of|war began|full-scale invasion|each (?:day|week|month)|every (?:day|week|month))\b",
    re.IGNORECASE,
)


#: "One of them later died", "один із чоловіків помер": a toll that points back to people
#: already counted, a few sentences on.
_ONE_OF_THEM = re.compile(
    r"\b(?:one|two|three) of (?:them|the (?:[\w-]+ )?(?:wounded|injured|men|women|victims|people|civilians|soldiers|children))\b"
    r"|(?<!\w)(?:один|одна|одного|одну|двоє|двое) (?:із|з|зі|из) (?:них|поранених|раненых|потерпілих|пострадавших|чоловіків|мужчин|жінок|женщин|людей)(?!\w)",
    re.IGNORECASE,
)
_ONE_OF_THEM_REACH = 4


#: A sentence that says where the event just told happened, naming no event of its own.
_WHERE_IT_HAPPENED = LazyPattern(
    r"\b(?:the|this|that)\s+(?:incident|attack|strike|explosion|blast|shelling|shooting|detonation|assault)\s+"
    r"(?:\w+\s+){0,2}?(?:occurred|happened|took place|was recorded)\b|\b(?:it|this)\s+(?:all\s+)?happened\b"
    r"|(?<!\w)(?:інцидент|подія|вибух|обстріл|атака|удар|це)\s+(?:\w+\s+)?(?:стал(?:ся|ася|ося)|відбул(?:ся|ася|ося)|трапил(?:ся|ася|ося))(?!\w)"
    r"|(?<!\w)(?:инцидент|происшествие|взрыв|обстрел|атака|удар|это)\s+(?:\w+\s+)?(?:произош(?:[её]л|ла|ло)|случил(?:ся|ась|ось))(?!\w)",
    re.IGNORECASE,
)


def _where_it_happened(incidents: list[Incident], sent: Sentence, eventful: set[int]) -> None:
    """Place the event just told of at the town a sentence of no event says it happened in.

    "In the Kherson region, a tractor hit a mine ... The incident occurred in a field
    between the villages of Kostyrka and Novovoznesenske": the event told at its region
    happened at the village, as ACLED codes it. Only an event placed at a region or
    country takes it, only a place inside that region or country, and only from the
    sentence right after (:func:`_apart`) that names no event itself.
    """
    if not incidents or not _WHERE_IT_HAPPENED.search(sent.text):
        return
    target = incidents[-1]
    if target.place.kind not in ("admin1", "country") or not 0 < _apart(target.last_sentence, sent.index, eventful) <= 1:
        return
    for mention, role in zip(sent.mentions, sent.roles):
        place = mention.place
        if role.kind != "locative" or mention.demonym or place.kind not in ("city", "other"):
            continue
        if place.country != target.place.country or (target.place.kind == "admin1" and place.admin1 != target.place.admin1):
            continue
        target.place, target.quarter = place, None
        target.geo_precision = _geo_precision(place, role)
        target.last_sentence = sent.index
        return


def _follow_up_counts(incidents: list[Incident], sent: Sentence, eventful: set[int] | None = None) -> None:
    """Give the killed and wounded of a sentence that reports no event to the one just told.

    Wire copy gives the toll in its own sentence: "A missile struck the port on
    Monday. Thirteen people were injured, local officials said." Only the last
    event that can have victims takes it, and only when no sentence since told of
    another (sentences of no event between, "It carried cluster munitions.", keep
    the story open, up to :data:`_STORY_REACH`); the toll of something told
    paragraphs earlier is too uncertain. Only killed or wounded: quantities stay
    with the words they were found next to. A placeless statement, unlike a toll,
    adds only to the event of the sentence right before (:func:`_attach_target`).
    """
    sentence, s_index = sent.text, sent.index
    if not incidents or not _has_victims(sentence):
        return
    # The event told last that can have victims: air defence told after an attack has none.
    target = next((i for i in reversed(incidents) if i.event_type in _TOLL_TYPES), None)
    if target is None:
        return
    one_of = _ONE_OF_THEM.search(sentence)
    reach = _ONE_OF_THEM_REACH if one_of else 1
    if not 0 < _apart(target.last_sentence, s_index, eventful) <= reach:
        return
    if sent.background or _TALLY.search(sentence):
        return  # "Since the war began, 12,000 civilians have been killed": a tally, not this toll
    day, precision, _ = sent.date
    if precision == 1 and day != target.event_date:
        return  # "attacks on Tuesday left 28 dead", after Monday's strike: another day's toll
    found = False
    for kind, _key, value, _position in sent.counts:
        if kind in ("fatalities", "injured"):
            current = getattr(target, kind)
            if one_of and kind == "fatalities" and target.injured and target.injured >= value:
                # "One of the wounded men later died": one more dead, one fewer wounded.
                target.injured -= value
                setattr(target, kind, value if current is None else current + value)
            else:
                setattr(target, kind, value if current is None else max(current, value))
            found = True
    if found:
        _add_evidence(target, sent.evidence)
        target.last_sentence = s_index


def _distance(trigger: Trigger, position: int) -> int:
    if trigger.start <= position < trigger.end:
        return 0
    return min(abs(position - trigger.start), abs(position - trigger.end))


def _add_evidence(incident: Incident, evidence: dict[str, Any]) -> None:
    if evidence not in incident.evidence:
        incident.evidence.append(dict(evidence))


# --- merging within an article ------------------------------------------------------------

class _CountryNames:
    """Country names by ISO2 from the gazetteer, cached."""

    def __init__(self, gazetteer: Any) -> None:
        self._gazetteer = gazetteer
        self._names: dict[str, str | None] = {}

    def name(self, iso: str | None) -> str | None:
        if not iso:
            return None
        if iso not in self._names:
            place = self._gazetteer.get(f"country:{iso}") if hasattr(self._gazetteer, "get") else None
            self._names[iso] = place.name if place is not None else None
        return self._names[iso]


def _dates_close(a: Incident, b: Incident) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    if a.time_precision == 1 and b.time_precision == 1:
        # Both days stated: rallies "on July 22" and "on Wednesday" (the 23rd) are two.
        return a.event_date == b.event_date
    if abs((a.event_date - b.event_date).days) <= MERGE_DAYS:
        return True
    # A lede without a day ("a family was murdered in Volnovakha", dated by publication)
    # and the day the article later gives it ("on October 27"): one event, told twice.
    vague, exact = (a, b) if (a.time_precision or 9) > (b.time_precision or 9) else (b, a)
    return exact.time_precision == 1 and 0 <= (vague.event_date - exact.event_date).days <= ARTICLE_LEDE_DAYS


def _two_settlements(a: Place, b: Place) -> bool:
    """Two populated places of their own, neither a section of a city (GeoNames ``PPLX``) nor a site by a town."""
    return a.kind == b.kind == "city" and "PPLX" not in (a.feature_code, b.feature_code)


def _same_place(a: Incident, b: Incident, gazetteer: Any) -> bool:
    if a.quarter and b.quarter and a.quarter != b.quarter:
        return False  # "strikes in southern Lebanon" and "near two towns in northeast Lebanon": two places
    if a.place.id == b.place.id:
        return True
    if a.place.kind in POINT_KINDS and b.place.kind in POINT_KINDS:
        if a.district != b.district:
            # "a strike on the Zaporizhzhia raion ... a drone hit Malokaterynivka": the village is in it
            return km(a.place, b.place) <= DISTRICT_RADIUS_KM
        if _two_settlements(a.place, b.place):
            return False  # "in Nova Kakhovka ... strikes on Dnipryany": the article names two towns
        return km(a.place, b.place) <= ARTICLE_MERGE_KM
    if a.sub_event_type == "Other":
        # ACLED's catch-all: a deployment to Russia and a transfer near Moscow
        # are different developments even though Moscow is in Russia.
        return False
    return contains(a.place, b.place, gazetteer, radius_km=REGION_RADIUS_KM) or contains(
        b.place, a.place, gazetteer, radius_km=REGION_RADIUS_KM
    )


def _merge(incidents: Sequence[Incident], gazetteer: Any) -> list[Incident]:
    """One article's statements of one event become one incident.

    Sentences of one article add detail to each other ("drones attacked the Odesa
    region overnight ... in Odesa, a port building burned"): the same sub-type,
    compatible dates, the same place or one inside the other's region.
    """
    out: list[Incident] = []
    for incident in incidents:
        for kept in out:
            if (
                kept.first_sentence == incident.first_sentence >= 0
                and kept.place.id != incident.place.id
                and kept.place.kind in POINT_KINDS
                and incident.place.kind in POINT_KINDS
            ):
                continue  # one sentence naming two towns ("near Shakhove, Rodynske and ...") tells of two
            if (
                kept.event_type == incident.event_type
                and (kept.sub_event_type == incident.sub_event_type or kept.vague or incident.vague)
                and _dates_close(kept, incident)
                and _same_place(kept, incident, gazetteer)
            ):
                if kept.vague and not incident.vague:
                    # "Russia attacked the raion ... an FPV drone struck X": the weapon named types it
                    kept.sub_event_type, kept.vague = incident.sub_event_type, False
                absorb(kept, incident, same_article=True)
                break
        else:
            out.append(incident)
    return out
