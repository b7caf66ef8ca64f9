"""The embedded gazetteer data (``gazetteer/data/``), loaded lazily.

:class:`Store` answers the questions the matcher and resolver ask, fast and
without loading what they do not need:

* which folded names start at a position of a folded text (:meth:`Store.keys_at`,
  a memory-mapped marisa-trie) and which places carry a name (:meth:`Store.entries`);
* the :class:`~gazetteer.model.Place` behind an index (:meth:`Store.place`; per-place
  numpy arrays read on first use);
* countries and first-level regions by code, demonyms, English word frequencies;
* region, country and sea polygons (:meth:`Store.geometry`, :meth:`Store.shapes`;
  WKB decompressed on first use).

Every name is stored under its key from :func:`gazetteer.normalize.fold`, with
bit flags saying what kind of name it is for that place (the NAME_* constants).
``gazetteer/build`` writes the files; its README describes them.

Examples
--------
>>> store = Store.load()
>>> [store.place(i).id for i, _ in store.entries("kharkov")][:1]
['gn:706483']
"""

from __future__ import annotations

import json
import zipfile
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import marisa_trie

from gazetteer.errors import DataError, UnknownKindError
from gazetteer.model import PLACE_KINDS, Place

if TYPE_CHECKING:
    import numpy as np
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "NAME_ABBREV",
    "NAME_ALT",
    "NAME_ASCII",
    "NAME_CYRILLIC",
    "NAME_MAIN",
    "NAME_QUALIFIED",
    "DEFAULT_DATA_DIR",
    "Store",
]

#: The place's main name (GeoNames ``name``; a country's or region's own name).
NAME_MAIN = 1
#: An alternate name written in ASCII in the source (usually a transliteration).
NAME_ASCII = 2
#: An alternate name (another spelling, language, or former name).
NAME_ALT = 4
#: A region name with its type word: "Kursk Oblast", "Kursk region", "Republic of Crimea".
NAME_QUALIFIED = 8
#: An abbreviation ("US", "U.S.", "UK"): its key may be a common word, so check the original case.
NAME_ABBREV = 16
#: Written in Cyrillic.
NAME_CYRILLIC = 32

FLAG_BITS = {
    "main": NAME_MAIN,
    "ascii": NAME_ASCII,
    "alt": NAME_ALT,
    "qualified": NAME_QUALIFIED,
    "abbrev": NAME_ABBREV,
    "cyrillic": NAME_CYRILLIC,
}

#: Kinds in the order of their codes in ``places.npz`` as the build writes them
#: (the loader reads the order from ``meta.json``).
KINDS = PLACE_KINDS
#: Cities at least this big (or national capitals) are the points of ``shapes("city")``.
CITY_SHAPE_POPULATION = 150_000
#: "No value" in the uint16 code columns.
NONE16 = 0xFFFF
#: Version of the data layout; bumped when the build writes something the loader must know.
FORMAT = 1

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"
#: How many keys' unpacked entries :meth:`Store.entries` keeps (then it starts afresh).
_CACHE_KEYS = 200_000
_REQUIRED = ("names.marisa", "meta.json", "places.npz", "zipf.marisa", "shapes.npz")


class Store:
    """Read-only access to the embedded gazetteer data.

    Use :meth:`load`; the constructor only wires loaded parts together. Only the
    name trie and a small JSON file are read at load time; everything else is
    read the first time it is needed.
    """

    def __init__(self, data_dir: Path, names: marisa_trie.RecordTrie, meta: dict) -> None:
        self.data_dir = data_dir
        self._names = names
        self._meta = meta
        self._special_ids: list[str] = meta["special_ids"]
        # Ukraine's settlements from KATOTTG follow the other special places; their ids
        # ("katottg:UA…") are built from codes kept in places.npz, not listed in meta.json.
        self._first_katottg = len(self._special_ids)
        self._first_city = self._first_katottg + int(meta.get("katottg_places", 0))
        self._katottg: np.ndarray | None = None
        self._n = int(meta["places"])
        self._arrays: dict[str, np.ndarray] | None = None
        self._name_offsets: Sequence[int] = ()
        self._name_bytes = b""
        self._by_id: dict[str, int] | None = None
        self._places: dict[int, Place] = {}
        self._entries: dict[str, tuple[tuple[int, int], ...]] = {}
        self._zipf: marisa_trie.RecordTrie | None = None
        self._shape_index: dict[int, tuple[int, int]] | None = None
        self._shape_blob: np.ndarray | None = None
        self._geoms: dict[int, BaseGeometry] = {}

    # loading ------------------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> Store:
        """Open the data in ``data_dir`` (default: the package's ``gazetteer/data``).

        Parameters
        ----------
        data_dir : str or Path, optional
            A directory written by ``python -m gazetteer.build``.

        Returns
        -------
        Store

        Raises
        ------
        gazetteer.errors.DataError
            If the directory or one of its files is missing, unreadable or of
            another format version.
        """
        path = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
        if not path.is_dir():
            raise DataError(f"gazetteer data directory not found: {path}")
        missing = [name for name in _REQUIRED if not (path / name).is_file()]
        if missing:
            raise DataError(f"gazetteer data in {path} is incomplete: missing {', '.join(missing)}")
        try:
            meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise DataError(f"cannot read {path / 'meta.json'}: {err}") from err
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise DataError(
                f"gazetteer data in {path} has format {meta.get('format') if isinstance(meta, dict) else '?'}"
                f", this version reads format {FORMAT}: rebuild it with python -m gazetteer.build"
            )
        names = marisa_trie.RecordTrie("<IB")
        try:
            names.mmap(str(path / "names.marisa"))
        except Exception as err:  # marisa raises bare RuntimeError/Exception subclasses
            raise DataError(f"cannot read {path / 'names.marisa'}: {err}") from err
        return cls(path, names, meta)

    def _array(self, name: str) -> np.ndarray:
        if self._arrays is None:
            import numpy as np  # first use, not import time: keeps the cold load light

            path = self.data_dir / "places.npz"
            try:
                with np.load(path) as npz:
                    arrays = {key: npz[key] for key in npz.files}
            except (OSError, ValueError, zipfile.BadZipFile) as err:
                raise DataError(f"cannot read {path}: {err}") from err
            names = arrays.pop("name_offsets", None)
            blob = arrays.pop("name_bytes", None)
            katottg = arrays.pop("katottg", np.zeros(0, dtype=np.uint64))
            if len(katottg) != self._first_city - self._first_katottg:
                raise DataError(f"{path} does not match meta.json: rebuild the gazetteer data")
            if names is None or blob is None or len(names) != self._n + 1:
                raise DataError(f"{path} has no place names: rebuild the gazetteer data")
            if any(len(a) != self._n for a in arrays.values()):
                raise DataError(f"{path} does not match meta.json: rebuild the gazetteer data")
            # An array of Python-int-valued items: indexed as fast as a list, made by one copy
            # (a list of 250,000 ints cost a tenth of a second's load).
            self._name_offsets = array("q", names.astype("=i8").tobytes())
            self._name_bytes = blob.tobytes()
            self._katottg = katottg
            self._arrays = arrays
        return self._arrays[name]

    def _name(self, idx: int) -> str:
        """Name of the place at ``idx`` (decoded from the names blob on demand)."""
        self._array("kind")
        return self._name_bytes[self._name_offsets[idx] : self._name_offsets[idx + 1]].decode("utf-8")

    # names --------------------------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of places."""
        return self._n

    def keys_at(self, folded_text: str, pos: int, max_len: int = 64) -> list[str]:
        """Every key that is a prefix of ``folded_text[pos:pos + max_len]``, shortest first.

        The caller checks word boundaries: ``"kursk"`` is returned at the start of
        ``"kurskaya"`` too.
        """
        return self._names.prefixes(folded_text[pos : pos + max_len])

    def has_prefix(self, prefix: str) -> bool:
        """Whether any folded name begins with ``prefix`` (lets the finder skip lookups)."""
        # iterkeys is lazy: one step tells (has_keys_with_prefix is deprecated).
        return next(self._names.iterkeys(prefix), None) is not None

    def entries(self, key: str) -> list[tuple[int, int]]:
        """``(place index, NAME_* flags)`` of every place named ``key``; ``[]`` if none."""
        # Unpacking trie records costs ~10 µs a key; news repeats its names, so
        # keep the unpacked records (as tuples: each caller gets its own list).
        found = self._entries.get(key)
        if found is None:
            try:
                found = tuple(self._names[key])
            except KeyError:
                found = ()
            if len(self._entries) >= _CACHE_KEYS:
                self._entries.clear()
            self._entries[key] = found
        return list(found)

    def demonym(self, key: str) -> str | None:
        """ISO2 of the country a folded demonym or adjective refers to (``"north korean"`` → ``"KP"``),
        or the place id of a continent or world region (``"european"`` → ``"gn:6255148"``)."""
        return self._meta["demonyms"].get(key)

    def demonyms(self) -> dict[str, str]:
        """All folded demonyms and adjectives, with their country's ISO2."""
        return dict(self._meta["demonyms"])

    def zipf(self, key: str) -> float:
        """English word frequency (wordfreq Zipf scale) of a folded one-word place name; 0.0 if not a word.

        Examples
        --------
        >>> store = Store.load()
        >>> store.zipf("echo") > 3 > store.zipf("novorossiysk")
        True
        """
        if self._zipf is None:
            trie = marisa_trie.RecordTrie("<H")
            try:
                trie.mmap(str(self.data_dir / "zipf.marisa"))
            except Exception as err:  # see load()
                raise DataError(f"cannot read {self.data_dir / 'zipf.marisa'}: {err}") from err
            self._zipf = trie
        found = self._zipf.get(key)
        return found[0][0] / 100 if found else 0.0

    # places -------------------------------------------------------------------------------------

    def place(self, idx: int) -> Place:
        """The :class:`~gazetteer.model.Place` at index ``idx`` (built once, then cached).

        Raises
        ------
        IndexError
            If ``idx`` is not a place index.
        """
        cached = self._places.get(idx)
        if cached is not None:
            return cached
        if not 0 <= idx < self._n:
            raise IndexError(f"no place with index {idx}")
        self._array("kind")
        col = self._arrays  # .item() gives Python scalars without numpy scalar objects
        meta = self._meta
        country = col["country"].item(idx)
        a1 = col["admin1"].item(idx)
        gid = col["geonameid"].item(idx)
        admin1_name = None
        if a1 != NONE16:
            a1_idx = self._ids().get("admin1:" + meta["admin1_codes"][a1])
            if a1_idx is not None:
                admin1_name = self._name(a1_idx)
        result = Place(
            id=self._id(idx, gid),
            name=self._name(idx),
            kind=meta["kinds"][col["kind"].item(idx)],
            country=meta["countries"][country] if country != NONE16 else None,
            admin1=admin1_name,
            lat=round(col["lat"].item(idx), 5),
            lon=round(col["lon"].item(idx), 5),
            population=col["population"].item(idx),
            geonameid=gid or None,
            feature_code=meta["feature_codes"][col["fcode"].item(idx)],
        )
        self._places[idx] = result
        return result

    def places(self, indices) -> list[Place]:
        """The :class:`~gazetteer.model.Place` at each of ``indices``, as :meth:`place` gives them.

        For many places at once (a map's towns layer: thousands): each column is read
        for all of them in one step instead of a value at a time, about three times
        faster than calling :meth:`place` for each. Places built once stay cached.

        Raises
        ------
        IndexError
            If an index is not a place index.
        """
        import numpy as np

        wanted = np.asarray(indices, dtype=np.int64).reshape(-1)
        if wanted.size and not (0 <= int(wanted.min()) and int(wanted.max()) < self._n):
            bad = next(int(i) for i in wanted if not 0 <= i < self._n)
            raise IndexError(f"no place with index {bad}")
        self._array("kind")
        col, meta = self._arrays, self._meta
        todo = [i for i in dict.fromkeys(wanted.tolist()) if i not in self._places]
        if todo:
            at = np.asarray(todo, dtype=np.int64)
            country_codes, admin1_codes = meta["countries"], meta["admin1_codes"]
            kinds, fcodes = meta["kinds"], meta["feature_codes"]
            offsets, blob = self._name_offsets, self._name_bytes
            region_names: dict[int, str | None] = {}
            columns = zip(todo, col["country"][at].tolist(), col["admin1"][at].tolist(), col["geonameid"][at].tolist(),
                          col["kind"][at].tolist(), col["lat"][at].tolist(), col["lon"][at].tolist(),
                          col["population"][at].tolist(), col["fcode"][at].tolist())  # fmt: skip
            for idx, country, a1, gid, kind, lat, lon, population, fcode in columns:
                if a1 == NONE16:
                    admin1_name = None
                elif a1 in region_names:
                    admin1_name = region_names[a1]
                else:
                    a1_idx = self._ids().get("admin1:" + admin1_codes[a1])
                    admin1_name = region_names[a1] = self._name(a1_idx) if a1_idx is not None else None
                self._places[idx] = Place(
                    id=self._id(idx, gid),
                    name=blob[offsets[idx] : offsets[idx + 1]].decode("utf-8"),
                    kind=kinds[kind],
                    country=country_codes[country] if country != NONE16 else None,
                    admin1=admin1_name,
                    lat=round(lat, 5),
                    lon=round(lon, 5),
                    population=population,
                    geonameid=gid or None,
                    feature_code=fcodes[fcode],
                )
        return [self._places[i] for i in wanted.tolist()]

    def _id(self, idx: int, gid: int) -> str:
        """The id of the place at ``idx`` (``gid``: its GeoNames id), as :class:`Place` gives it."""
        if idx < self._first_katottg:
            return self._special_ids[idx]
        if idx < self._first_city:
            return f"katottg:UA{int(self._katottg[idx - self._first_katottg]):017d}"
        return f"gn:{gid}"

    def _ids(self) -> dict[str, int]:
        """Index of every non-GeoNames-city id (countries, regions, seas)."""
        if self._by_id is None:
            self._by_id = {pid: i for i, pid in enumerate(self._special_ids)}
        return self._by_id

    def index_of(self, place_id: str) -> int | None:
        """Index of the place with id ``place_id`` (``gn:…``, ``country:…``, ``admin1:…``, ``sea:…``)."""
        if place_id.startswith("gn:"):
            try:
                gid = int(place_id[3:])
            except ValueError:
                return None
            import numpy as np

            gids = self._array("geonameid")
            start = self._first_city
            # Cities are stored sorted by geonameid after the special places.
            pos = start + int(np.searchsorted(gids[start:], gid))
            if pos < self._n and int(gids[pos]) == gid:
                return pos
            hits = np.flatnonzero(gids[:start] == gid)
            return int(hits[0]) if hits.size else None
        if place_id.startswith("katottg:UA"):
            try:
                code = int(place_id[10:])
            except ValueError:
                return None
            import numpy as np

            self._array("kind")
            codes = self._katottg  # stored sorted
            pos = int(np.searchsorted(codes, np.uint64(code)))
            return self._first_katottg + pos if pos < len(codes) and int(codes[pos]) == code else None
        return self._ids().get(place_id)

    def country(self, iso2: str) -> int | None:
        """Index of the country with ISO 3166-1 alpha-2 code ``iso2``."""
        return self._ids().get(f"country:{iso2.upper()}")

    def admin1(self, iso2: str, admin1_code: str) -> int | None:
        """Index of the first-level region with GeoNames code ``admin1_code`` in ``iso2`` (``("RU", "41")``)."""
        return self._ids().get(f"admin1:{iso2.upper()}.{admin1_code}")

    def admin1_code(self, idx: int) -> str | None:
        """GeoNames admin1 code (``"41"``) of any place with one: a region's own, a city's region's."""
        value = int(self._array("admin1")[idx])
        if value == NONE16:
            return None
        return self._meta["admin1_codes"][value].split(".", 1)[1]

    # geometry -----------------------------------------------------------------------------------

    def _load_shapes(self) -> None:
        import numpy as np

        path = self.data_dir / "shapes.npz"
        try:
            with np.load(path) as npz:
                index, offsets, blob = npz["index"], npz["offsets"], npz["wkb"]
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
            raise DataError(f"cannot read {path}: {err}") from err
        self._shape_blob = blob
        self._shape_index = {
            int(i): (int(offsets[k]), int(offsets[k + 1])) for k, i in enumerate(index.tolist())
        }

    def geometry(self, idx: int) -> BaseGeometry | None:
        """Polygon or MultiPolygon (lon, lat) of a country, region or sea; None for other places."""
        if self._shape_index is None:
            self._load_shapes()
        span = self._shape_index.get(idx)
        if span is None:
            return None
        geom = self._geoms.get(idx)
        if geom is None:
            import shapely

            geom = shapely.from_wkb(self._shape_blob[span[0] : span[1]].tobytes())
            self._geoms[idx] = geom
        return geom

    def shapes(self, kind: str) -> list[tuple[Place, BaseGeometry]]:
        """Every (place, shape) of a kind, in index order.

        ``"country"``, ``"admin1"`` and ``"sea"`` give polygons. ``"city"`` gives
        points of the big cities only (national capitals and places of at least
        :data:`CITY_SHAPE_POPULATION` people): a few thousand labels for a
        basemap, not all 235,000 populated places.

        Raises
        ------
        gazetteer.errors.UnknownKindError
            If ``kind`` is not one of :data:`KINDS`.
        """
        _check_kind(kind)
        if kind == "city":
            return self._city_points()
        if self._shape_index is None:
            self._load_shapes()
        if kind not in self._meta["kinds"]:
            return []
        code = self._meta["kinds"].index(kind)
        kinds = self._array("kind")
        indices = [idx for idx in sorted(self._shape_index) if kinds[idx] == code]
        self._decode_shapes(indices)
        return list(zip(self.places(indices), (self._geoms[idx] for idx in indices)))

    def _decode_shapes(self, indices: list[int]) -> None:
        """Decode the shapes of ``indices`` not decoded yet, in one call (a basemap asks for thousands)."""
        import shapely

        todo = [idx for idx in indices if idx not in self._geoms and idx in self._shape_index]
        if not todo:
            return
        blob, spans = self._shape_blob, self._shape_index
        geoms = shapely.from_wkb([blob[spans[idx][0] : spans[idx][1]].tobytes() for idx in todo])
        self._geoms.update(zip(todo, geoms.tolist()))

    def places_in(self, kind: str, bounds, *, min_population: int = 0) -> list[int]:
        """Indices of the places of ``kind`` whose point is inside ``bounds``, most populous first.

        Parameters
        ----------
        kind : str
            One of :data:`KINDS` (``"city"`` for populated places).
        bounds : tuple of float
            ``(south, west, north, east)`` in degrees; ``west > east`` crosses the antimeridian.
        min_population : int
            Leave out smaller places.

        Raises
        ------
        gazetteer.errors.UnknownKindError
            If ``kind`` is not one of :data:`KINDS`.
        """
        import numpy as np

        _check_kind(kind)
        if kind not in self._meta["kinds"]:
            return []
        south, west, north, east = (float(v) for v in bounds)
        lat, lon, pop = self._array("lat"), self._array("lon"), self._array("population")
        inside = (self._array("kind") == self._meta["kinds"].index(kind)) & (lat >= south) & (lat <= north)
        inside &= ((lon >= west) & (lon <= east)) if west <= east else ((lon >= west) | (lon <= east))
        if min_population > 0:
            inside &= pop >= min_population
        found = np.flatnonzero(inside)
        # Stable: equal populations keep index order, so the result is repeatable.
        return found[np.argsort(-pop[found].astype(np.int64), kind="stable")].tolist()

    def _city_points(self) -> list[tuple[Place, BaseGeometry]]:
        import numpy as np
        import shapely

        if "city" not in self._meta["kinds"]:
            return []
        wanted = self._array("population") >= CITY_SHAPE_POPULATION
        if "PPLC" in self._meta["feature_codes"]:
            wanted = wanted | (self._array("fcode") == self._meta["feature_codes"].index("PPLC"))
        big = wanted & (self._array("kind") == self._meta["kinds"].index("city"))
        places = self.places(np.flatnonzero(big))
        points = shapely.points([p.lon for p in places], [p.lat for p in places])
        return list(zip(places, points.tolist()))


def _check_kind(kind: str) -> None:
    """Raise :class:`~gazetteer.errors.UnknownKindError` unless ``kind`` is one of :data:`KINDS`."""
    if kind not in KINDS:
        raise UnknownKindError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
