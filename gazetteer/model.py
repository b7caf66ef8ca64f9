"""Value types of the gazetteer: :class:`Place` and :class:`Mention`.

Domain objects speak (lat, lon). Shapely and GeoJSON speak (lon, lat); the one
place that swaps is where geometries are built, and it says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Kinds of place the gazetteer holds. ``city`` is any GeoNames populated place
#: (feature class P), from a capital down to a village of 500 people.
PLACE_KINDS = ("country", "admin1", "city", "sea", "other")


@dataclass(frozen=True, slots=True)
class Place:
    """One real place.

    Parameters
    ----------
    id : str
        Stable identifier; its prefix says where the place comes from:

        - ``gn:<geonameid>``: a GeoNames populated place (kind ``city``) or continent
          (kind ``other``, feature code ``CONT``: ``gn:6255146`` Africa); in Ukraine also
          the villages of GeoNames' full dump that cities500 lacks (kind ``city``, with
          their feature code ``PPL``, ``PPLX``...) and its rivers, lakes, reservoirs,
          islands, bridges, ports, power plants and airfields (kind ``other``, feature
          code ``STM``, ``LK``, ``RSV``, ``ISL``, ``BDG``, ``PRT``, ``PS``, ``AIRB``...:
          ``gn:565896`` the Dnieper);
        - ``country:<ISO2>``: a country (``PCLI``);
        - ``admin1:<ISO2>.<GeoNames admin1 code>``: a first-level region (``ADM1``);
        - ``admin2:US.<FIPS>``: a US county or parish (kind ``other``, ``ADM2``,
          ``admin2:US.22079`` Rapides Parish);
        - ``ne:<Natural Earth adm1_code>``: a Natural Earth unit finer than the
          GeoNames region it lies in (kind ``other``, ``ADM2``: an English county,
          a French department, a Spanish province);
        - ``region:<slug>``: a world region or group of countries (kind ``other``,
          ``RGN``: Middle East, Donbas; European Union, Korean Peninsula, Gulf states
          and the UN subregions of Africa and Asia carry the union of their members'
          outlines);
        - ``airport:<OurAirports ident>``: an airport (kind ``other``, ``AIRP``) or air
          base (``AIRB``) from OurAirports: large and medium airports and military
          airfields (``airport:UKFI`` Saky Air Base); ``airport:<slug>`` for the few of
          the hand-made table (Heathrow, Belbek). An airfield named after a town has
          that town's population;
        - ``facility:<slug>``: a facility or feature wars are fought over, from a
          hand-kept table (nuclear plants ``PSN``, dams ``DAM``, bridges ``BDG``,
          Snake Island ``ISL``, the Kakhovka reservoir ``RSV``, Azovstal ``MFG``);
        - ``katottg:<KATOTTG code>``: a settlement of Ukraine that GeoNames lacks
          (neither cities500 nor its full Ukraine dump; kind ``city``, population 0), from
          the official codifier, placed at its hromada's centre (:attr:`approximate`);
        - ``sea:<slug>``: a sea, gulf, bay, strait or ocean (kind ``sea``; a few
          lakes and rivers of the marine layer are kind ``other``);
        - ``user:<id>``: a place from a user places file.
    name : str
        Preferred English name.
    kind : str
        One of :data:`PLACE_KINDS`.
    country : str or None
        ISO 3166-1 alpha-2 code (None for seas and other international features).
    admin1 : str or None
        Name of the first-level region the place lies in (for an admin1, its own name).
    lat, lon : float
        WGS84 coordinates of the place. For areas a representative point: a
        country's geographic centre, a region's Natural Earth label point, a
        county's label point, a point inside a sea.
    population : int
        GeoNames population, 0 when unknown.
    geonameid : int or None
        GeoNames id when the place comes from GeoNames.
    feature_code : str or None
        GeoNames feature code when known: PPLC (capital), PPLA/PPLA2/... (seats),
        PPL, ADM1, ADM2 (counties, finer Natural Earth units), PCLI (countries),
        CONT (continents), RGN (world regions), AIRP (airports), AIRB (air bases); for seas
        SEA, GULF, BAY, STRT, SD, CHN, OCN, ...; GeoNames' own code for what its Ukraine
        dump adds (PPL, PPLX, STM, RSV, LK, ISL, BDG, PRT, PS, ...). None for the places
        of cities500 (it carries no code) but capitals.
    """

    id: str
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    feature_code: str | None = None

    @property
    def approximate(self) -> bool:
        """Whether ``lat``/``lon`` are not the place's own point but a nearby one.

        True for the settlements placed at their community's centre
        (``katottg:``), which lies within about 25 km: an event there is "near"
        the point (ACLED's geo-precision 2), and two such places sharing a
        point are still two places.
        """
        return self.id.startswith("katottg:")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in a text and the place it resolves to.

    ``start``/``end`` are character offsets into the text given to
    :meth:`gazetteer.Gazetteer.find`; ``text[start:end] == mention.text``.
    A demonym or adjective (``Ukrainian``, ``North Korean``) refers to a country:
    it gives context but is not a location of anything, so ``demonym`` is True and
    :attr:`kind` says ``"demonym"``.
    """

    start: int
    end: int
    text: str
    place: Place
    confidence: float
    reason: str
    demonym: bool = False
    alternatives: tuple[Place, ...] = field(default=(), compare=False, repr=False)

    @property
    def kind(self) -> str:
        """``"demonym"`` for a demonym, else the place's kind."""
        return "demonym" if self.demonym else self.place.kind
