"""Places supplied by the user (``--places-file``): front-line villages, bases, ports.

Two formats, picked by suffix:

* CSV (``.csv``, UTF-8, header row): ``name``, ``lat``, ``lon`` required;
  ``kind``, ``country``, ``admin1``, ``alt_names`` (``|``-separated), ``id``,
  ``population`` optional.
* GeoJSON (``.geojson``/``.json``): a FeatureCollection of Point features whose
  ``properties`` hold the same fields (``lat``/``lon`` come from the geometry).

Every place gets the id ``user:<id>`` (``id`` column, else a slug of its name).
A malformed file raises :class:`gazetteer.errors.PlacesFileError` naming the file
and the line (CSV) or feature number (GeoJSON).

Examples
--------
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "extra.csv"
>>> _ = path.write_text("name,lat,lon,country,alt_names\\nKrynky,46.73,33.08,UA,Krinki|Крынки\\n")
>>> [(p.id, p.name, names) for p, names in load_places_file(path)]
[('user:krynky', 'Krynky', ['Krynky', 'Krinki', 'Крынки'])]
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

from gazetteer.errors import PlacesFileError
from gazetteer.model import PLACE_KINDS, Place

__all__ = ["load_places_file", "load_places_files"]

_FIELDS = ("name", "lat", "lon", "kind", "country", "admin1", "alt_names", "id", "population")


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.strip().lower()).strip("-") or "place"


def _place(row: dict, where: str) -> tuple[Place, list[str]]:
    """Build one place from a mapping of the documented fields."""
    name = str(row.get("name") or "").strip()
    if not name:
        raise PlacesFileError(f"{where}: missing name")
    try:
        lat = float(row.get("lat"))
        lon = float(row.get("lon"))
    except (TypeError, ValueError) as err:
        raise PlacesFileError(f"{where}: lat/lon must be numbers (got {row.get('lat')!r}, {row.get('lon')!r})") from err
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise PlacesFileError(f"{where}: lat/lon out of range ({lat}, {lon})")
    kind = str(row.get("kind") or "city").strip().lower()
    if kind not in PLACE_KINDS:
        raise PlacesFileError(f"{where}: kind must be one of {', '.join(PLACE_KINDS)} (got {kind!r})")
    country = str(row.get("country") or "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise PlacesFileError(f"{where}: country must be an ISO 3166-1 alpha-2 code (got {country!r})")
    population = row.get("population") or 0
    try:
        population = int(float(population))
    except (TypeError, ValueError) as err:
        raise PlacesFileError(f"{where}: population must be a number (got {population!r})") from err
    alt = row.get("alt_names") or []
    if isinstance(alt, str):
        alt = alt.split("|")
    names = [name] + [a.strip() for a in alt if str(a).strip() and a.strip() != name]
    ident = str(row.get("id") or "").strip() or _slug(name)
    place = Place(
        id=f"user:{ident}",
        name=name,
        kind=kind,
        country=country,
        admin1=str(row.get("admin1") or "").strip() or None,
        lat=lat,
        lon=lon,
        population=population,
    )
    return place, names


def _read_csv(path: Path) -> list[tuple[Place, list[str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [f for f in ("name", "lat", "lon") if f not in header]
            if missing:
                raise PlacesFileError(f"{path}: line 1: missing column(s) {', '.join(missing)}")
            out = []
            for row in reader:
                if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                    continue  # blank line
                out.append(_place(row, f"{path}: line {reader.line_num}"))
            return out
    except UnicodeDecodeError as err:
        raise PlacesFileError(f"{path}: not UTF-8 text") from err
    except csv.Error as err:
        raise PlacesFileError(f"{path}: {err}") from err


def _read_geojson(path: Path) -> list[tuple[Place, list[str]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as err:
        raise PlacesFileError(f"{path}: not UTF-8 text") from err
    except json.JSONDecodeError as err:
        raise PlacesFileError(f"{path}: line {err.lineno}: invalid JSON ({err.msg})") from err
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
    else:
        raise PlacesFileError(f"{path}: expected a GeoJSON FeatureCollection")
    if not isinstance(features, list):
        raise PlacesFileError(f"{path}: 'features' must be a list")
    out = []
    for number, feature in enumerate(features, 1):
        where = f"{path}: feature {number}"
        if not isinstance(feature, dict):
            raise PlacesFileError(f"{where}: not a GeoJSON feature")
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
            raise PlacesFileError(f"{where}: geometry must be a Point")
        props = dict(feature.get("properties") or {})
        # GeoJSON positions are (lon, lat): swap here, once.
        props["lon"], props["lat"] = coords[0], coords[1]
        if "id" not in props and feature.get("id") is not None:
            props["id"] = feature["id"]
        out.append(_place(props, where))
    return out


def load_places_file(path) -> list[tuple[Place, list[str]]]:
    """Read one places file.

    Parameters
    ----------
    path : path-like
        A ``.csv`` or ``.geojson``/``.json`` file.

    Returns
    -------
    list of (Place, list of str)
        Each place with its names (its name first, then alternate names).

    Raises
    ------
    PlacesFileError
        When the file is missing, unreadable or malformed.
    """
    path = Path(path)
    if not path.is_file():
        raise PlacesFileError(f"{path}: places file not found")
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _read_csv(path)
        if suffix in (".geojson", ".json"):
            return _read_geojson(path)
    except OSError as err:
        raise PlacesFileError(f"{path}: cannot read ({err.strerror or err})") from err
    raise PlacesFileError(f"{path}: unknown places file type (use .csv or .geojson)")


def load_places_files(paths) -> list[tuple[Place, list[str]]]:
    """Read several places files; a later file's place replaces an earlier one with the same id."""
    by_id: dict[str, tuple[Place, list[str]]] = {}
    for path in paths:
        for place, names in load_places_file(path):
            by_id[place.id] = (place, names)
    return list(by_id.values())
