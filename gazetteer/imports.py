"""Imported gazetteers: place data the embedded set lacks, kept in the user's data folder.

Front-line villages are the heart of conflict reporting and many are missing
from GeoNames' cities500 (the embedded data). A user who has GeoNames' own dump
of a country (``UA.txt`` or ``UA.zip``; ``allCountries.zip`` with ``--country``)
or an OSM-style place list (GeoJSON points or CSV with ``name``/``lat``/``lon``)
imports it once; every later :class:`gazetteer.Gazetteer` uses it:

>>> from gazetteer.imports import import_file          # doctest: +SKIP
>>> import_file("UA.zip")                              # doctest: +SKIP
Import(name='UA', places=31046, ...)

Imported places are data, not the user's own list: unlike ``--places-file``
places they win no ties, and compete with the embedded places by kind,
population and context. A place the embedded data already holds (same GeoNames
id) is skipped. Each import is one file ``<name>.csv`` in :func:`default_dir`
(``<user data dir>/geomap/gazetteer``, by platformdirs), listed in
``imports.json`` with its source, sha256, date and counts.

GeoNames dumps are tab-separated with 19 columns (geonameid, name, asciiname,
alternatenames, latitude, longitude, feature class, feature code, country code,
cc2, admin1 .. admin4 codes, population, elevation, dem, timezone, modification
date). Kept by default (:data:`FEATURES`): populated places (class P), districts
(ADM2-ADM4), and the features wars are fought over: rivers, reservoirs and lakes,
air bases and airports, ports, power plants, refineries, bridges, dams and
military bases, islands.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from gazetteer.errors import PlacesFileError
from gazetteer.files import write_text_atomically
from gazetteer.model import Place
from gazetteer.normalize import fold, script_of

__all__ = ["FEATURES", "Import", "default_dir", "import_file", "list_imports", "load_imports", "remove_import"]

#: GeoNames feature classes and codes kept by default (None: every code of the class).
FEATURES: dict[str, frozenset[str] | None] = {
    "P": None,
    "A": frozenset({"ADM2", "ADM3", "ADM4", "ADMD"}),
    "H": frozenset({"STM", "STMX", "RSV", "LK", "LKI", "CNL", "BAY", "STRT"}),
    "S": frozenset({"AIRB", "AIRF", "AIRP", "PRT", "PS", "PSN", "PSH", "OILR", "OILT", "BDG", "DAM", "MILB", "RSTN",
                    "INSM", "NVB", "CMP", "CMPRF"}),
    "T": frozenset({"ISL", "ISLS", "PEN", "SPIT"}),
}  # fmt: skip

#: Columns of an import file (the ``--places-file`` CSV columns and three more).
COLUMNS = ("id", "name", "lat", "lon", "kind", "country", "admin1", "admin1_code", "population", "feature_code",
           "geonameid", "alt_names")  # fmt: skip

_MANIFEST = "imports.json"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class Import:
    """One imported gazetteer, as :func:`list_imports` reports it."""

    name: str
    places: int
    source: str
    sha256: str
    imported: str
    skipped_known: int = 0
    countries: tuple[str, ...] = ()


def default_dir() -> Path:
    """Where imports are kept: ``<user data dir>/geomap/gazetteer`` (platformdirs)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("geomap", appauthor=False)) / "gazetteer"


# --- reading sources ----------------------------------------------------------------------------


def _geonames_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, 19 columns) of a GeoNames dump, plain or zipped."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as err:
            raise PlacesFileError(f"{path}: not a zip file ({err})") from err
        with archive:
            members = [m for m in archive.namelist() if m.lower().endswith(".txt") and not m.lower().startswith("readme")]
            if len(members) != 1:
                raise PlacesFileError(f"{path}: expected one GeoNames .txt file inside, found {len(members)}")
            with archive.open(members[0]) as raw:
                yield from _tsv(io.TextIOWrapper(raw, encoding="utf-8", errors="replace"), path)
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from _tsv(handle, path)


def _tsv(handle, path: Path) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(handle, 1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        if len(columns) != 19:
            raise PlacesFileError(f"{path}: line {number}: a GeoNames dump has 19 tab-separated columns, not {len(columns)}")
        yield number, columns


def _kind(feature_class: str, code: str) -> str:
    if feature_class == "P":
        return "city"
    if code in ("BAY", "STRT"):
        return "sea"
    return "other"


def _usable(name: str) -> bool:
    """Latin or Cyrillic names without digits, not machine romanisations or codes."""
    if len(name) < 3 or any(c.isdigit() for c in name) or re.fullmatch(r"[A-Z]{1,4}", name):
        return False
    script = script_of(name)
    return script in ("latin", "cyrillic") and not (script == "latin" and name == name.lower())


def _from_geonames(path: Path, countries: frozenset[str], features: dict) -> Iterator[dict]:
    for number, c in _geonames_rows(path):
        feature_class, code, country = c[6], c[7], c[8]
        if countries and country not in countries:
            continue
        wanted = features.get(feature_class, False)
        if wanted is False or (wanted is not None and code not in wanted):
            continue
        try:
            gid, lat, lon = int(c[0]), float(c[4]), float(c[5])
            population = int(c[14] or 0)
        except ValueError as err:
            raise PlacesFileError(f"{path}: line {number}: bad number ({err})") from err
        names = [n for n in dict.fromkeys([c[1], c[2], *c[3].split(",")]) if n and _usable(n)]
        if not names:
            continue
        yield {
            "id": f"gn:{gid}", "name": c[1], "lat": lat, "lon": lon, "kind": _kind(feature_class, code),
            "country": country or "", "admin1": "", "admin1_code": c[10], "population": population,
            "feature_code": code, "geonameid": gid, "alt_names": "|".join(n for n in names if n != c[1]),
        }  # fmt: skip


def _from_place_list(path: Path) -> Iterator[dict]:
    """OSM-style place lists: GeoJSON points or CSV, with the ``--places-file`` fields."""
    from gazetteer.userplaces import load_places_file

    for place, names in load_places_file(path):
        yield {
            "id": place.id.replace("user:", "import:", 1), "name": place.name, "lat": place.lat, "lon": place.lon,
            "kind": place.kind, "country": place.country or "", "admin1": place.admin1 or "", "admin1_code": "",
            "population": place.population, "feature_code": place.feature_code or "", "geonameid": "",
            "alt_names": "|".join(names[1:]),
        }  # fmt: skip


def _is_geonames(path: Path) -> bool:
    if path.suffix.lower() == ".zip":
        return True
    if path.suffix.lower() in (".geojson", ".json", ".csv"):
        return False
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return first.count("\t") == 18


# --- the store of imports -------------------------------------------------------------------------


def import_file(
    path: str | os.PathLike,
    *,
    name: str | None = None,
    countries: Iterable[str] = (),
    features: dict | None = None,
    folder: str | os.PathLike | None = None,
    known=None,
) -> Import:
    """Import a GeoNames dump or a place list into the user gazetteer.

    Parameters
    ----------
    path : path-like
        ``UA.txt``/``UA.zip``/``allCountries.zip`` (GeoNames dump format), or a
        ``.geojson``/``.csv`` place list (fields of ``--places-file``).
    name : str, optional
        The import's name (default: the file's stem, ``UA``); importing the same
        name again replaces it.
    countries : iterable of str
        ISO 3166-1 alpha-2 codes to keep (needed for ``allCountries``).
    features : dict, optional
        Feature classes and codes to keep (default :data:`FEATURES`).
    folder : path-like, optional
        Where imports are kept (default :func:`default_dir`).
    known : callable, optional
        ``known(place_id) -> bool``: places the embedded data already has are skipped.

    Returns
    -------
    Import

    Raises
    ------
    PlacesFileError
        When the file is missing, not in a known format, or malformed.
    """
    source = Path(path)
    if not source.is_file():
        raise PlacesFileError(f"{source}: no such file")
    stem = source.name.split(".")[0]
    name = name or stem
    if not _NAME.match(name):
        raise PlacesFileError(f"{name!r}: an import's name is letters, digits, '.', '_' or '-'")
    wanted = frozenset(c.strip().upper() for c in countries if c and c.strip())
    if stem.lower() == "allcountries" and not wanted:
        raise PlacesFileError(f"{source}: give --country for allCountries (every country is too many places to load each run)")
    rows = _from_geonames(source, wanted, features or FEATURES) if _is_geonames(source) else _from_place_list(source)
    folder = Path(folder) if folder is not None else default_dir()
    folder.mkdir(parents=True, exist_ok=True)
    kept = skipped = 0
    seen_countries: set[str] = set()
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".csv.tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
            for row in rows:
                if known is not None and known(row["id"]):
                    skipped += 1
                    continue
                writer.writerow(row)
                kept += 1
                if row["country"]:
                    seen_countries.add(row["country"])
        os.replace(tmp, folder / f"{name}.csv")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    record = Import(
        name=name,
        places=kept,
        source=str(source.resolve()),
        sha256=_sha256(source),
        imported=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        skipped_known=skipped,
        countries=tuple(sorted(seen_countries)),
    )
    manifest = _manifest(folder)
    manifest[name] = asdict(record)
    _write_manifest(folder, manifest)
    return record


def list_imports(folder: str | os.PathLike | None = None) -> list[Import]:
    """The imports kept in ``folder`` (default :func:`default_dir`), by name."""
    folder = Path(folder) if folder is not None else default_dir()
    return [Import(**{**v, "countries": tuple(v.get("countries", ()))}) for _, v in sorted(_manifest(folder).items())]


def remove_import(name: str, folder: str | os.PathLike | None = None) -> Import:
    """Remove the import ``name``; returns what it was.

    Raises
    ------
    PlacesFileError
        When there is no such import.
    """
    folder = Path(folder) if folder is not None else default_dir()
    manifest = _manifest(folder)
    if name not in manifest:
        known = ", ".join(sorted(manifest)) or "none"
        raise PlacesFileError(f"no import named {name!r} (imports: {known})")
    record = manifest.pop(name)
    (folder / f"{name}.csv").unlink(missing_ok=True)
    _write_manifest(folder, manifest)
    return Import(**{**record, "countries": tuple(record.get("countries", ()))})


def load_imports(folder: str | os.PathLike | None = None) -> Iterator[tuple[Place, list[str], str | None]]:
    """Every imported place with its names and GeoNames admin1 code, for :class:`gazetteer.Gazetteer`."""
    folder = Path(folder) if folder is not None else default_dir()
    for name in sorted(_manifest(folder)):
        path = folder / f"{name}.csv"
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    lat, lon = float(row["lat"]), float(row["lon"])
                    if not (math.isfinite(lat) and math.isfinite(lon)):
                        continue
                    gid = int(row["geonameid"]) if row.get("geonameid") else None
                    place = Place(
                        id=row["id"], name=row["name"], kind=row["kind"] or "city", country=row["country"] or None,
                        admin1=row["admin1"] or None, lat=lat, lon=lon, population=int(row["population"] or 0),
                        geonameid=gid, feature_code=row["feature_code"] or None,
                    )  # fmt: skip
                    names = [row["name"], *[n for n in row["alt_names"].split("|") if n]]
                    yield place, names, row.get("admin1_code") or None
        except (OSError, ValueError, KeyError, csv.Error) as err:
            raise PlacesFileError(f"{path}: imported gazetteer unreadable ({err}); remove it and import again") from err


def keys_of(names: list[str]) -> list[str]:
    """The folded lookup keys of a place's names, without repeats."""
    return list(dict.fromkeys(k for k in (fold(n) for n in names) if k))


def _manifest(folder: Path) -> dict:
    path = folder / _MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise PlacesFileError(f"{path}: unreadable ({err})") from err
    return data if isinstance(data, dict) else {}


def _write_manifest(folder: Path, manifest: dict) -> None:
    write_text_atomically(folder / _MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
