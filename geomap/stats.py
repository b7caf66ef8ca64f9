"""Summaries of incident frames (``geomap stats``): counts, dates, fatalities, sources.

:func:`incident_stats` computes everything as plain JSON-ready values;
:func:`format_stats` lays them out as aligned text tables.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COUNTED", "format_stats", "incident_stats"]

#: Columns counted, with the heading each gets.
COUNTED = {
    "event_type": "event type",
    "sub_event_type": "sub-event type",
    "country": "country",
    "admin1": "admin1",
    "month": "month",
}

#: Heading of values that are missing.
NONE = "(none)"


def incident_stats(gdf: pd.DataFrame) -> dict[str, Any]:
    """Counts by type, sub-type, country, admin1 and month; dates; fatalities; sources.

    Parameters
    ----------
    gdf : pandas.DataFrame
        Incidents (``docs/schema.md``).

    Returns
    -------
    dict
        ``incidents``; ``dates`` (``first``, ``last`` as ISO dates or None,
        ``undated``); ``fatalities`` (``total``, ``by_event_type``); one mapping per
        :data:`COUNTED` column, value → count, most frequent first (ties by value);
        ``sources`` (``distinct``, ``top``: source → incidents citing it). Months are
        ``YYYY-MM`` in date order (undated rows are left out of them).

    Examples
    --------
    >>> from geomap.frame import empty_frame
    >>> incident_stats(empty_frame())["incidents"]
    0
    """
    import pandas as pd

    dates = pd.to_datetime(gdf["event_date"], errors="coerce")
    dated = dates.dropna()
    month = dates.dt.strftime("%Y-%m")
    fatalities = pd.to_numeric(gdf["fatalities"], errors="coerce").fillna(0).astype("int64")
    stats: dict[str, Any] = {
        "incidents": int(len(gdf)),
        "dates": {
            "first": dated.min().date().isoformat() if len(dated) else None,
            "last": dated.max().date().isoformat() if len(dated) else None,
            "undated": int(len(dates) - len(dated)),
        },
        "fatalities": {
            "total": int(fatalities.sum()),
            "by_event_type": _ranked(
                {key: int(value) for key, value in fatalities.groupby(_labels(gdf["event_type"])).sum().items()}
            ),
        },
    }
    for column in COUNTED:
        values = month if column == "month" else gdf[column] if column in gdf.columns else pd.Series([None] * len(gdf))
        counts = Counter(_labels(values))
        if column == "month":  # undated rows are counted under "dates"
            counts.pop(NONE, None)
        stats[column] = dict(sorted(counts.items())) if column == "month" else _ranked(counts)
    sources: Counter = Counter()
    for value in gdf["source"]:
        for source in dict.fromkeys(_split(value)):
            sources[source] += 1
    stats["sources"] = {"distinct": len(sources), "top": _ranked(sources)}
    return stats


def format_stats(stats: dict[str, Any], *, top: int | None = 10) -> str:
    """Text tables of :func:`incident_stats`, each list cut to ``top`` rows (None: all).

    Examples
    --------
    >>> from geomap.frame import empty_frame
    >>> print(format_stats(incident_stats(empty_frame())).splitlines()[0])
    incidents   0
    """
    dates = stats["dates"]
    span = f"{dates['first']} to {dates['last']}" if dates["first"] else "none"
    lines = _table([
        ("incidents", stats["incidents"]),
        ("dates", span),
        ("undated", dates["undated"]),
        ("fatalities", stats["fatalities"]["total"]),
        ("sources", stats["sources"]["distinct"]),
    ])  # fmt: skip
    sections = [(heading, stats[column]) for column, heading in COUNTED.items()]
    sections.insert(1, ("fatalities by event type", stats["fatalities"]["by_event_type"]))
    sections.append(("top sources", stats["sources"]["top"]))
    for heading, counts in sections:
        rows = list(counts.items())
        shown = rows if top is None or heading == "month" else rows[:top]
        lines += ["", heading, "-" * len(heading)]
        lines += _table(shown) if shown else ["(none)"]
        if len(shown) < len(rows):
            lines.append(f"... {len(rows) - len(shown)} more")
    return "\n".join(lines) + "\n"


def _table(rows: list[tuple[str, object]]) -> list[str]:
    """Rows as ``name  value``, names padded, numbers right-aligned."""
    width = max(len(str(name)) for name, _ in rows)
    numbers = [str(value) for _, value in rows if isinstance(value, int)]
    right = max((len(n) for n in numbers), default=0)
    return [
        f"{str(name):<{width}}  {str(value):>{right}}" if isinstance(value, int) else f"{str(name):<{width}}  {value}"
        for name, value in rows
    ]


def _labels(values) -> list[str]:
    return [NONE if _missing(value) else str(value) for value in values]


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _missing(value: object) -> bool:
    import pandas as pd

    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return (isinstance(value, float) and value != value) or value == ""


def _split(value: object) -> list[str]:
    return [] if _missing(value) else [part.strip() for part in str(value).split("; ") if part.strip()]
