"""Online geocoders, only when asked: names the embedded data lacks, through geopy.

The embedded gazetteer holds GeoNames' towns of 500 people and more; many front-line
villages are smaller. A user who opts in (``geomap extract --geocoder nominatim``,
or ``Gazetteer(online=OnlineGeocoder("nominatim"))``) has the names the text puts
after a settlement word ("the village of Staromaiorske", "в селе Урожайное",
"поблизу села Новодарівка") and the data lacks looked up with a geopy geocoder:

* through :class:`geopy.extra.rate_limiter.RateLimiter` (one request a second by
  default: Nominatim's usage policy), with a user agent and a timeout;
* with an on-disk cache (JSON, in the user cache folder by platformdirs), so that a
  name is asked once, ever, and a later run needs no network for it;
* a service that cannot be reached is one warning; the run carries on offline
  (no further request is made);
* every place found says where it came from: id ``online:<service>:<id>``, reason
  ``online:<service>``; :meth:`OnlineGeocoder.save_places_file` keeps them as a
  ``--places-file`` CSV for later offline runs.

Nothing here runs unless asked: :class:`gazetteer.Gazetteer` makes no request
without an ``online`` geocoder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import warnings
from collections.abc import Callable
from pathlib import Path

from gazetteer.files import write_text_atomically
from gazetteer.model import Mention, Place
from gazetteer.normalize import fold

__all__ = ["OnlineGeocoder", "default_cache_dir", "unknown_settlements"]

#: Sent with every request (Nominatim's policy asks for an identifying user agent).
DEFAULT_USER_AGENT = "geomap-offline-incident-mapper (opt-in lookup of places missing from its gazetteer)"

#: Nominatim/Photon place types that are populated places (kind ``city``).
_SETTLEMENT_TYPES = frozenset(
    "city town village hamlet suburb neighbourhood quarter isolated_dwelling locality municipality".split()
)


def default_cache_dir() -> Path:
    """``<user cache dir>/geomap/geocoded`` (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap")) / "geocoded"


class OnlineGeocoder:
    """A geopy geocoder with a rate limit, a timeout, an on-disk cache and one warning.

    Parameters
    ----------
    service : str
        A geopy service name (``nominatim``, ``photon``, ``arcgis``, ...; see
        :func:`geopy.geocoders.get_geocoder_for_service`).
    user_agent : str
        Identifies the client to the service.
    timeout : float
        Seconds per request.
    min_delay_seconds : float
        Least time between two requests (:class:`~geopy.extra.rate_limiter.RateLimiter`).
    cache_dir : path, optional
        Where answers are kept (default :func:`default_cache_dir`); ``False`` for none.
    warn : callable, optional
        Called once with a one-line message when the service cannot be reached
        (default :func:`warnings.warn`).
    **options
        Passed to the geopy geocoder (``domain="nominatim.example.org"``,
        ``scheme="http"`` for a self-hosted server, ``api_key=...``).
    """

    def __init__(
        self,
        service: str = "nominatim",
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = 10.0,
        min_delay_seconds: float = 1.0,
        cache_dir: str | os.PathLike | bool | None = None,
        warn: Callable[[str], None] | None = None,
        **options,
    ) -> None:
        from geopy.exc import GeocoderNotFound
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import get_geocoder_for_service

        self.service = service.lower()
        try:
            cls = get_geocoder_for_service(self.service)
        except GeocoderNotFound as err:
            raise ValueError(f"unknown geocoder {service!r} (geopy knows nominatim, photon, arcgis, ...)") from err
        self._geocoder = cls(user_agent=user_agent, timeout=timeout, **options)
        self._geocode = RateLimiter(self._geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=0,
                                    swallow_exceptions=False)
        self._warn = warn or (lambda message: warnings.warn(message, stacklevel=3))
        where = options.get("domain") or ""
        self._cache_path = None
        if cache_dir is not False:
            folder = Path(cache_dir) if cache_dir not in (None, True) else default_cache_dir()
            tag = self.service + (f"-{hashlib.sha256(where.encode()).hexdigest()[:8]}" if where else "")
            self._cache_path = folder / f"{tag}.json"
        self._cache: dict[str, dict | None] = self._read_cache()
        self.unavailable: str | None = None  # the reason, once the service failed
        self.found: dict[str, Place] = {}  # place id -> place, found (or cached) in this run

    def __repr__(self) -> str:
        return f"OnlineGeocoder({self.service!r}, cache={str(self._cache_path)!r})"

    # -- the cache ---------------------------------------------------------------------------
    def _read_cache(self) -> dict:
        if self._cache_path is None or not self._cache_path.is_file():
            return {}
        try:
            data = json.loads(self._cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # a damaged cache is no reason to stop: it is rebuilt
        return data if isinstance(data, dict) else {}

    def _write_cache(self) -> None:
        if self._cache_path is None:
            return
        try:
            self._cache_path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomically(self._cache_path, json.dumps(self._cache, ensure_ascii=False, sort_keys=True))
        except OSError as err:
            self._warn(f"geocoder cache {self._cache_path}: cannot write ({err.strerror or err}); going on without it")
            self._cache_path = None

    # -- lookups -----------------------------------------------------------------------------
    def place(self, name: str, country: str | None = None) -> Place | None:
        """The place ``name`` names (in ``country``, an ISO2 code, if given), or None.

        Answers come from the cache when the name was asked before (found or not);
        else from the service, unless it has failed in this run.
        """
        key = f"{(country or '').upper()}|{fold(name)}"
        if key in self._cache:
            record = self._cache[key]
        elif self.unavailable is not None:
            return None
        else:
            record = self._ask(name, country)
            if self.unavailable is not None:
                return None
            self._cache[key] = record
            self._write_cache()
        if not record:
            return None
        place = Place(
            id=record["id"], name=record["name"], kind=record["kind"], country=record.get("country"),
            admin1=record.get("admin1"), lat=float(record["lat"]), lon=float(record["lon"]),
        )  # fmt: skip
        self.found[place.id] = place
        return place

    def _ask(self, name: str, country: str | None) -> dict | None:
        from geopy.exc import GeopyError

        kwargs: dict = {"exactly_one": True}
        if self.service == "nominatim":
            kwargs["addressdetails"] = True
            if country:
                kwargs["country_codes"] = [country.lower()]
        try:
            location = self._geocode(name, **kwargs)
        except (GeopyError, OSError, ValueError) as err:
            reason = str(err).splitlines()[0] if str(err) else type(err).__name__
            if "Errno" in reason:  # urllib3's long retry text: keep the system's reason
                reason = re.sub(r".*\[Errno[^\]]*\]\s*([^\"')]*).*", r"\1", reason) or reason
            reason = reason if len(reason) <= 120 else reason[:119] + "…"
            self.unavailable = reason
            self._warn(f"geocoder {self.service} cannot be reached ({reason}); going on offline")
            return None
        if location is None:
            return None
        return _record(self.service, name, location, country)

    def mentions(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with the names after settlement words that they miss, looked up.

        The country searched is the one the document's places name most often.
        """
        country = _main_country(mentions)
        added = []
        for start, end, name in unknown_settlements(text, mentions):
            place = self.place(name, country)
            if place is None:
                continue
            added.append(Mention(start, end, text[start:end], place, 0.6, f"online:{self.service}"))
        if not added:
            return mentions
        return sorted([*mentions, *added], key=lambda m: m.start)

    # -- keeping what was found --------------------------------------------------------------
    def save_places_file(self, path: str | os.PathLike) -> int:
        """Write the places found in this run as a ``--places-file`` CSV (atomically); return how many."""
        rows = sorted(self.found.values(), key=lambda p: (p.country or "", p.name))
        handle = io.StringIO()
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "lat", "lon", "kind", "country", "admin1", "id"])
        for p in rows:
            writer.writerow([p.name, f"{p.lat:.6f}", f"{p.lon:.6f}", p.kind, p.country or "", p.admin1 or "",
                             p.id.replace(":", "-")])
        write_text_atomically(Path(path), handle.getvalue())
        return len(rows)


def _record(service: str, name: str, location, country: str | None) -> dict | None:
    """What the cache keeps of a geopy :class:`~geopy.location.Location`."""
    raw = location.raw if isinstance(location.raw, dict) else {}
    address = raw.get("address") or raw.get("properties") or {}
    code = (address.get("country_code") or address.get("countrycode") or "").upper() or None
    if country and code and code != country.upper():
        return None
    kind_word = raw.get("addresstype") or raw.get("type") or address.get("type") or ""
    osm = raw.get("osm_id") or address.get("osm_id")
    ident = f"{(raw.get('osm_type') or address.get('osm_type') or 'x')[:1].lower()}{osm}" if osm else (
        hashlib.sha256(f"{location.latitude:.5f},{location.longitude:.5f}".encode()).hexdigest()[:12])
    admin1 = address.get("state") or None
    return {
        "id": f"online:{service}:{ident}", "name": name, "lat": round(float(location.latitude), 6),
        "lon": round(float(location.longitude), 6), "kind": "city" if kind_word in _SETTLEMENT_TYPES else "other",
        "country": code, "admin1": admin1, "address": str(location.address or "")[:300],
    }  # fmt: skip


def _main_country(mentions: list[Mention]) -> str | None:
    counts: dict[str, int] = {}
    for m in mentions:
        if m.place.country:
            counts[m.place.country] = counts.get(m.place.country, 0) + (1 if m.demonym else 2)
    return max(sorted(counts), key=counts.get) if counts else None


#: A settlement word and the capitalised name after it (one to three words): "the
#: village of Staromaiorske", "the town of New Hope", "селе Урожайное", "села Новодарівка",
#: "поселка Октябрьский", "смт Велика Новосілка", "с. Кринки".
_SETTLEMENT_NAME = re.compile(
    r"(?i:\b(?:village|town|hamlet|settlement|township)\s+of\s+"
    r"|(?<![\w])(?:сел[оаеуіи]|селом|селищ[еау]|селищі|поселк[аеу]|посёлк[аеу]|поселок|посёлок|"
    r"деревн[яеию]|хутор[аеу]?|смт|пгт|с\.)\s+)"
    r"(?P<name>[A-ZА-ЯІЇЄҐ][\w'’\-]+(?:\s+[A-ZА-ЯІЇЄҐ][\w'’\-]+){0,2})"
)


def unknown_settlements(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of names after a settlement word that no mention covers.

    >>> unknown_settlements("Shelling hit the village of Staromaiorske on Monday.", [])
    [(27, 40, 'Staromaiorske')]
    """
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for m in _SETTLEMENT_NAME.finditer(text):
        start, end = m.span("name")
        if not any(s < end and e > start for s, e in taken):
            out.append((start, end, m.group("name")))
    return out
