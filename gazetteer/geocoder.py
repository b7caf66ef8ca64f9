"""A geopy geocoder backed by the embedded gazetteer: no network, ever.

Drops into any geopy workflow (``geopy.extra.rate_limiter.RateLimiter``,
``geopandas.tools.geocode(names, provider=GazetteerGeocoder)``)::

    >>> from gazetteer import GazetteerGeocoder
    >>> loc = GazetteerGeocoder().geocode("Kharkov")
    >>> loc.raw["name"], round(loc.latitude, 1), round(loc.longitude, 1)
    ('Kharkiv', 50.0, 36.3)
"""

from __future__ import annotations

import dataclasses

from geopy.geocoders.base import Geocoder
from geopy.location import Location

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """geopy :class:`~geopy.geocoders.base.Geocoder` answering from a :class:`gazetteer.Gazetteer`.

    Parameters
    ----------
    gazetteer : gazetteer.Gazetteer, optional
        The gazetteer to answer from (a default one, loaded on first query, if omitted).
    data_dir, places_files
        Passed to :class:`gazetteer.Gazetteer` when ``gazetteer`` is omitted.

    Notes
    -----
    ``geocode("Paris, Texas")`` reads the parts after the first comma as
    qualifiers (a region or a country) and keeps only places inside them.
    """

    def __init__(self, gazetteer=None, *, data_dir=None, places_files=()):
        # The base class only stores connection settings; no request is ever made.
        super().__init__()
        if gazetteer is None:
            from gazetteer.core import Gazetteer

            gazetteer = Gazetteer(data_dir, places_files=places_files)
        self.gazetteer = gazetteer

    @staticmethod
    def _location(place) -> Location:
        parts = [place.name]
        if place.admin1 and place.admin1 != place.name:
            parts.append(place.admin1)
        if place.country and place.kind != "country":
            parts.append(place.country)
        return Location(", ".join(parts), (place.lat, place.lon), dataclasses.asdict(place))

    def _candidates(self, query: str, country_codes):
        gaz = self.gazetteer
        places = gaz.lookup(query)
        if not places and "," in query:
            head, *qualifiers = [part.strip() for part in query.split(",")]
            places = gaz.lookup(head)
            for qualifier in qualifiers:
                regions = [p for p in gaz.lookup(qualifier) if p.kind in ("admin1", "country")]
                if not regions:
                    continue
                inside = [
                    p
                    for p in places
                    if any(
                        (r.kind == "country" and p.country == r.country)
                        or (r.kind == "admin1" and p.country == r.country and p.admin1 == r.name)
                        for r in regions
                    )
                ]
                places = inside
        if country_codes:
            codes = {country_codes.upper()} if isinstance(country_codes, str) else {c.upper() for c in country_codes}
            places = [p for p in places if p.country in codes]
        return places

    def geocode(self, query, *, exactly_one=True, timeout=None, country_codes=None):
        """Places called ``query``.

        Parameters
        ----------
        query : str
            A place name, optionally qualified: ``"Springfield, Illinois"``.
        exactly_one : bool
            Return the best match only (default) or a ranked list.
        timeout
            Accepted for geopy compatibility; nothing here waits on a network.
        country_codes : str or list of str, optional
            ISO 3166-1 alpha-2 codes to restrict the search to.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            None (not an empty list) when nothing matches; ``.raw`` holds the
            :class:`~gazetteer.model.Place` fields.
        """
        places = self._candidates(str(query), country_codes)
        if not places:
            return None
        if exactly_one:
            return self._location(places[0])
        return [self._location(p) for p in places]

    def reverse(self, query, *, exactly_one=True, timeout=None):
        """Not offered: the gazetteer answers names, not coordinates."""
        raise NotImplementedError("GazetteerGeocoder does not reverse-geocode")
