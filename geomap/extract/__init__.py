"""Rules that read events out of sentences: classification, counts, dates, actors.

Each module owns one question about a sentence:

* :mod:`.rules` — the classification rules (data an analyst can extend);
* :mod:`.text` — sentences and clauses with offsets;
* :mod:`.classify` — which ACLED event type a clause reports;
* :mod:`.places` — which place names say where it happened;
* :mod:`.counts` — killed, injured and other quantities;
* :mod:`.dates` — the event date against the publication date;
* :mod:`.actors` — ACLED-style actor names.

:mod:`geomap.incidents` puts them together.

Languages: English, Russian and Ukrainian, in the same modules and the same rules
table. A sentence with Cyrillic letters (:func:`.text.has_cyrillic`) is read with
the Russian/Ukrainian vocabulary as well (the ``CYRILLIC_`` tables of :mod:`.rules`);
English sentences never pay for it. ``docs/architecture.md`` ("Languages") lists
what each step reads.
"""

from __future__ import annotations

import sys
import types


class _CallableModule(types.ModuleType):
    """Lets ``geomap.extract(...)`` call :func:`geomap.pipeline.extract`.

    ``geomap.extract`` is both this package and the library's entry point. Once
    the package is imported, Python binds ``geomap.extract`` to it, which would
    hide the function; making the module callable keeps both working whatever
    was imported first.
    """

    def __call__(self, *args, **kwargs):
        from geomap.pipeline import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
