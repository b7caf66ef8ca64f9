"""Column-wise helpers of the dataset readers (ACLED, GDELT): cells as text, numbers, per-distinct mapping.

A dataset reader builds each column of the incident frame from whole columns of
the table (numpy casts, one mapping per distinct value) rather than a Python
dict per row. What a reader used to do to one cell it still does to each
distinct value, so the values are the same; a bad cell still fails the file,
naming the first bad row (:class:`FirstProblem`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["FirstProblem", "floats", "map_distinct", "texts", "whole"]


def texts(table: pd.DataFrame, name: str) -> list[str | None]:
    """The cells of column ``name`` as stripped text, None when missing, NaN or blank (or no such column).

    Cells that are not text become ``str(value)``, as a record of the table would give them.
    """
    if name not in table.columns:
        return [None] * len(table)
    column = table[name]
    if column.dtype == object:
        values = column.to_numpy()
    else:  # as a record of the row gives them: Python values, a missing one None (or NaN, NaT)
        values = column.to_frame().astype(object).to_dict("list")[name]
    if set(map(type, values)) <= {str, type(None)}:
        # A CSV's cells: text or missing (the common case, without the checks below).
        return [None if v is None else (v.strip() or None) for v in values]
    out: list[str | None] = []
    for v in values:
        if v is None or (isinstance(v, float) and v != v):
            out.append(None)
        else:
            out.append(str(v).strip() or None)
    return out


def map_distinct(values: Sequence, func: Callable, problems: FirstProblem | None = None, what: str = "") -> list:
    """``func`` of each value, called once per distinct (hashable) value.

    When ``func`` raises ValueError and ``problems`` is given, the first row holding a
    failing value is noted there (``f"{what} {error}"``) and that value maps to None.
    """
    done: dict = {}
    failed = False
    for value in dict.fromkeys(values):  # first-appearance order: the first failing value is in the first bad row
        try:
            done[value] = func(value)
        except ValueError as err:
            if problems is None:
                raise
            done[value] = None
            if not failed:
                failed = True
                problems.note(list(values).index(value), f"{what} {err}".strip())
    return [done[v] for v in values]


def floats(values: Sequence[str | None], name: str, problems: FirstProblem) -> np.ndarray:
    """``float(text)`` of each cell (NaN where missing), column-wise; a cell float() refuses is noted."""
    cells = np.asarray(values, dtype=object)
    known = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    out = np.full(len(cells), np.nan)
    try:
        out[known] = cells[known].astype("float64")  # numpy calls float() on each text
    except (ValueError, TypeError):
        for index in np.flatnonzero(known):
            try:
                out[index] = float(cells[index])
            except ValueError:
                problems.note(int(index), f"{name} {cells[index]!r} is not a number")
                break
    return out


def whole(numbers: np.ndarray, values: Sequence[str | None], name: str, problems: FirstProblem) -> np.ndarray:
    """``int(float(text))`` of each known cell as a float array (truncated; NaN where missing).

    A known cell that is NaN or infinite has no whole number: the first is noted.
    """
    known = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    bad = known & ~np.isfinite(numbers)
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        problems.note(index, f"{name} {values[index]!r} is not a number")
    return np.trunc(numbers)


class FirstProblem:
    """The first bad cell of a file, as reading it row by row would have met it.

    Checks run column by column, in the order a row's cells used to be read; each
    notes the first bad row it finds, and the earlier check wins a tie.
    """

    def __init__(self) -> None:
        self.found: tuple[int, int, str] | None = None
        self._order = 0

    def note(self, index: int, message: str) -> None:
        self._order += 1
        key = (index, self._order, message)
        if self.found is None or key[:2] < self.found[:2]:
            self.found = key
