"""Publication dates as inputs write them (ISO 8601, RFC 2822)."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: object) -> date | None:
    """The calendar date in ``value``, or None when it holds no complete date.

    The date is taken as written (the publisher's local day), not converted to UTC,
    so ``2024-03-15T00:30:00+02:00`` is 15 March. Partial dates (a year, a month)
    give None: a day is never invented.

    Parameters
    ----------
    value : str, datetime.date or None
        ``2024-03-15``, ``2024-03-15T08:00:00Z``, ``Fri, 15 Mar 2024 08:00:00 +0200``.

    Examples
    --------
    >>> parse_date("Fri, 15 Mar 2024 08:00:00 +0200")
    datetime.date(2024, 3, 15)
    >>> parse_date("March 2024") is None
    True
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
