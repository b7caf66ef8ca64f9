"""Analysis of one article: the steps that annotate its document (sentences, places, dates, counts, sides, events).

Each module owns one question about a sentence:

* :mod:`.rules` — the classification rules (data an analyst can extend);
* :mod:`.text` — sentences and clauses with offsets;
* :mod:`.classify` — which ACLED event type a clause reports;
* :mod:`.places` — which place names say where it happened;
* :mod:`.counts` — killed, injured and other quantities;
* :mod:`.dates` — the event date against the publication date;
* :mod:`.actors` — ACLED-style actor names.

:class:`geomap.document.Document` holds what they find for one article, computed
once; :mod:`geomap.incidents` builds the events from it.

Languages: English, Russian and Ukrainian, in the same modules and the same rules
table. A sentence with Cyrillic letters (:func:`.text.has_cyrillic`) is read with
the Russian/Ukrainian vocabulary as well (the ``CYRILLIC_`` tables of :mod:`.rules`);
English sentences never pay for it. ``docs/architecture.md`` ("Languages") lists
what each step reads.
"""

from __future__ import annotations
