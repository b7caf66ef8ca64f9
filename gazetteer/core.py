"""The :class:`Gazetteer`: places by name, places in text, region shapes. Offline.

Nothing is loaded when a :class:`Gazetteer` is built: the embedded data
(memory-mapped by :mod:`gazetteer.store`) and any user places files are read on
first use, so building one is free and a program that never looks a place up
never pays for it.
"""

from __future__ import annotations

import math
import os
import threading

from gazetteer.errors import UnknownCountryError
from gazetteer.model import Mention, Place

__all__ = ["Gazetteer"]


class Gazetteer:
    """Find, resolve and look up places, offline.

    Parameters
    ----------
    data_dir : path-like, optional
        Folder of the built gazetteer data; the data embedded in the package by default.
    places_files : iterable of path-like, optional
        User places files (CSV or GeoJSON, see :mod:`gazetteer.userplaces`), merged at
        load; their places win ties against the embedded data.
    focus : iterable of str, optional
        ISO 3166-1 alpha-2 codes of the countries the documents are about (a
        national paper, a feed on one conflict). Each weighs as if every document
        named it a few times: "London" in a Canadian paper is London, Ontario,
        unless the text says otherwise. Checked at first use
        (:class:`~gazetteer.errors.UnknownCountryError` for a code the data lacks).
    imports : bool or path-like
        Use the gazetteers imported with :func:`gazetteer.imports.import_file`
        (``geomap gazetteer import``): True for the user's data folder
        (:func:`gazetteer.imports.default_dir`), a folder, or False for none.
    online : gazetteer.online.OnlineGeocoder, optional
        Only when the user asks: names after a settlement word that the data lacks
        ("the village of Staromaiorske") are looked up with it (reason
        ``online:<service>``). None (the default) makes no request, ever.

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> [(m.text, m.place.name, m.reason) for m in gaz.find("Drones hit Kyiv and the Kursk region.")]
    [('Kyiv', 'Kyiv', 'capital'), ('Kursk region', 'Kursk Oblast', 'qualified-admin1')]
    >>> gaz.lookup("Kharkov")[0].name
    'Kharkiv'
    """

    def __init__(self, data_dir=None, *, places_files=(), focus=(), imports=True, online=None):
        self._data_dir = data_dir
        self.online = online  # a gazetteer.online.OnlineGeocoder, only when the user asks for one
        self._places_files = tuple(places_files)
        self._imports = imports
        self._focus = tuple(dict.fromkeys(code.strip().upper() for code in focus if code and code.strip()))
        self._focus_checked = False
        self._store = None
        self._user_by_key: dict[str, list] | None = None  # Place (the user's) or (Place, flags, code) (imported)
        self._user_by_id: dict[str, Place] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        state = "loaded" if self._store is not None else "not loaded"
        focus = f", focus={list(self._focus)!r}" if self._focus else ""
        return f"Gazetteer(data_dir={self._data_dir!r}, places_files={list(self._places_files)!r}{focus}) <{state}>"

    @property
    def settings(self) -> dict | None:
        """What another process needs to build the same gazetteer: ``Gazetteer(**settings)``.

        Paths are absolute (a worker may run in another folder). None when the
        gazetteer asks an online geocoder, whose rate limit and cache belong to
        one process (:mod:`geomap.parallel` then extracts in this one).

        Examples
        --------
        >>> Gazetteer(focus=["ca"]).settings["focus"]
        ('CA',)
        """
        if self.online is not None:
            return None

        def absolute(path):
            return os.path.abspath(os.fspath(path))

        imports = self._imports
        return {
            "data_dir": None if self._data_dir is None else absolute(self._data_dir),
            "places_files": tuple(absolute(p) for p in self._places_files),
            "focus": self._focus,
            "imports": imports if isinstance(imports, bool) or imports is None else absolute(imports),
        }

    # -- loading ---------------------------------------------------------------------------
    @property
    def store(self):
        """The underlying :class:`gazetteer.store.Store`, loaded on first access."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from gazetteer.store import Store

                    store = Store.load(self._data_dir)
                    self._load_user_places(store)
                    self._store = store
        return self._store

    def _load_user_places(self, store) -> None:
        from gazetteer.imports import load_imports
        from gazetteer.normalize import fold, script_of
        from gazetteer.store import NAME_ALT, NAME_CYRILLIC, NAME_MAIN
        from gazetteer.userplaces import load_places_files

        by_key: dict[str, list] = {}
        by_id: dict[str, Place] = {}
        for place, names in load_places_files(self._places_files):
            by_id[place.id] = place
            for name in names:
                key = fold(name)
                if key and place not in by_key.setdefault(key, []):
                    by_key[key].append(place)
        if self._imports is not False and self._imports is not None:
            folder = None if self._imports is True else self._imports
            for place, names, code in load_imports(folder):
                if place.id in by_id or store.index_of(place.id) is not None:
                    continue  # the user's own place, or one the embedded data has
                by_id[place.id] = place
                for i, name in enumerate(names):
                    key = fold(name)
                    if not key:
                        continue
                    flags = (NAME_MAIN if i == 0 else NAME_ALT) | (NAME_CYRILLIC if script_of(name) == "cyrillic" else 0)
                    options = by_key.setdefault(key, [])
                    if not any(not isinstance(o, Place) and o[0] is place for o in options):
                        options.append((place, flags, code))
        self._user_by_key = by_key
        self._user_by_id = by_id

    # -- text ------------------------------------------------------------------------------
    def find(self, text: str) -> list[Mention]:
        """Find the places ``text`` mentions and resolve each to one place.

        Parameters
        ----------
        text : str
            One document (an article); context is shared within it, so pass articles
            one at a time.

        Returns
        -------
        list of Mention
            In text order, with offsets into ``text``, a confidence and a reason
            (see :mod:`gazetteer.resolver`). Demonyms (``Ukrainian``) are included
            with ``demonym=True``.
        """
        from gazetteer.finder import find_candidates
        from gazetteer.resolver import resolve

        store = self.store
        if self._focus and not self._focus_checked:
            unknown = [code for code in self._focus if store.country(code) is None]
            if unknown:
                raise UnknownCountryError(f"focus: no country with ISO 3166-1 alpha-2 code {unknown[0]!r}")
            self._focus_checked = True
        candidates = find_candidates(store, text, user_names=self._user_by_key or None)
        mentions = resolve(store, text, candidates, self._focus)
        if self.online is not None:
            mentions = self.online.mentions(text, mentions)  # names the data lacks, looked up online
        return mentions

    # -- names -----------------------------------------------------------------------------
    def lookup(self, name: str, *, country: str | None = None, kind: str | None = None) -> list[Place]:
        """Places called ``name``, best first.

        Parameters
        ----------
        name : str
            Any spelling the data knows (case, diacritics, apostrophes, hyphens,
            transliterations and Cyrillic fold to the same key).
        country : str, optional
            Keep only places in this country (ISO 3166-1 alpha-2).
        kind : str, optional
            Keep only places of this kind (``country``, ``admin1``, ``city``, ``sea``, ``other``).

        Returns
        -------
        list of Place
            Ranked: user places first, then by kind, population, capitals and how
            well the name matched. Empty when nothing is called so.
        """
        from gazetteer.normalize import fold
        from gazetteer.resolver import rank_entries

        store = self.store
        key = fold(name)
        if not key:
            return []
        ranked: list[tuple[float, Place]] = []
        seen: set[str] = set()
        for option in (self._user_by_key or {}).get(key, ()):
            if isinstance(option, Place):
                ranked.append((100.0, option))  # the user's own places first
            else:
                place = option[0]  # imported data: ranked like a town of its size
                ranked.append((min(99.0, math.log10(max(place.population, 1) + 1)), place))
            seen.add(ranked[-1][1].id)
        for score, place in rank_entries(store, key, store.entries(key)):
            if place.id not in seen:
                seen.add(place.id)
                ranked.append((score, place))
        if country:
            ranked = [r for r in ranked if r[1].country == country.upper()]
        if kind:
            ranked = [r for r in ranked if r[1].kind == kind]
        ranked.sort(key=lambda r: (-r[0], -r[1].population, r[1].id))
        return [place for _score, place in ranked]

    def get(self, place_id: str) -> Place | None:
        """The place with this id (``gn:524901``, ``admin1:RU.41``, ``country:RU``, ``user:…``), or None."""
        store = self.store
        if place_id in self._user_by_id:
            return self._user_by_id[place_id]
        idx = store.index_of(place_id)
        if idx is None:
            return None
        place = store.place(idx)
        return place if place.id == place_id else None

    def geometry(self, place_or_id):
        """The polygon of a country, region or sea (shapely, lon/lat), or None for points."""
        place_id = place_or_id.id if isinstance(place_or_id, Place) else str(place_or_id)
        store = self.store
        if place_id in self._user_by_id:
            return None
        idx = store.index_of(place_id)
        if idx is None or store.place(idx).id != place_id:
            return None
        return store.geometry(idx)

    def shapes(self, kind: str) -> list[tuple[Place, object]]:
        """Every ``(place, shape)`` of one kind, for basemaps.

        ``country``, ``admin1`` and ``sea`` give polygons; ``city`` gives points of
        national capitals and cities of at least 150,000 people.
        """
        return self.store.shapes(kind)

    def places_in(self, bounds, *, kind: str = "city", min_population: int = 0) -> list[Place]:
        """Places of one kind whose point lies inside ``bounds``, most populous first.

        For context layers of maps: the towns and villages of a window (the embedded
        data holds about 235,000 populated places, most with their population).
        Places from ``places_files`` and imported gazetteers are not included.

        Parameters
        ----------
        bounds : tuple of float
            ``(south, west, north, east)`` in degrees.
        kind : str
            ``city`` (populated places, the default), ``admin1``, ``country``, ``sea``, ``other``.
        min_population : int
            Leave out smaller places.

        Returns
        -------
        list of Place

        Raises
        ------
        gazetteer.errors.UnknownKindError
            For an unknown ``kind``.

        Examples
        --------
        >>> towns = Gazetteer().places_in((48.5, 37.5, 48.7, 37.9), min_population=5000)
        >>> "Druzhkivka" in [t.name for t in towns]
        True
        """
        store = self.store
        return store.places(store.places_in(kind, bounds, min_population=min_population))

