"""gazetteer: an embedded, offline gazetteer that finds and resolves places in text.

Usable on its own, without geomap::

    >>> from gazetteer import Gazetteer
    >>> gaz = Gazetteer()                       # loads nothing yet
    >>> [m.place.name for m in gaz.find("Explosions were heard in Kharkov.")]
    ['Kharkiv']

Names are exported lazily (PEP 562) so ``import gazetteer`` stays cheap and loads
no data; see :class:`Gazetteer`, :class:`Place`, :class:`Mention`,
:class:`GazetteerGeocoder` and the errors in :mod:`gazetteer.errors`.
"""

from __future__ import annotations

import importlib

__all__ = [
    "DataError",
    "Gazetteer",
    "GazetteerError",
    "GazetteerGeocoder",
    "Mention",
    "Place",
    "PlacesFileError",
    "UnknownCountryError",
    "UnknownKindError",
    "errors",
]

#: exported name → module that defines it.
_EXPORTS = {
    "Gazetteer": "gazetteer.core",
    "Place": "gazetteer.model",
    "Mention": "gazetteer.model",
    "GazetteerGeocoder": "gazetteer.geocoder",
    "GazetteerError": "gazetteer.errors",
    "DataError": "gazetteer.errors",
    "PlacesFileError": "gazetteer.errors",
    "UnknownCountryError": "gazetteer.errors",
    "UnknownKindError": "gazetteer.errors",
}


def __getattr__(name: str):
    if name == "errors":
        return importlib.import_module("gazetteer.errors")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
