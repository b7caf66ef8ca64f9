"""Column-wise helpers of the dataset readers (ACLED, GDELT): cells as text, numbers, per-distinct mapping.

A dataset reader builds each column of the incident frame from whole columns of
the table (numpy casts, one mapping per distinct value) rather than a Python
dict per row. What a reader used to do to one cell it still does to each
distinct value, so the values are the same; a bad cell still fails the file,
naming the first bad row (:class:`FirstProblem`).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import pandas as pd

__all__ = ["FirstProblem", "floats", "map_distinct", "paused_gc", "text_array", "texts", "whole"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a table's columns are built.

    Reading 100,000 rows allocates hundreds of thousands of lists and dicts (nested
    fields, evidence), none of them in a cycle; each allocation threshold crossed
    starts a collection that walks every young container, about a fifth of the
    reading time. Reference counting still frees everything; the collector runs again
    afterwards (and is left off if it was off before).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def is_text_dtype(series: pd.Series) -> bool:
    """True for a column of text held as text (pandas' string dtypes, Arrow strings)."""
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype):
        return True
    if isinstance(dtype, pd.ArrowDtype):
        import pyarrow as pa

        return pa.types.is_string(dtype.pyarrow_dtype) or pa.types.is_large_string(dtype.pyarrow_dtype)
    return False


def texts(table: pd.DataFrame, name: str) -> list[str | None]:
    """The cells of column ``name`` as stripped text, None when missing, NaN or blank (or no such column).

    Cells that are not text become ``str(value)``, as a record of the table would give them.
    """
    if name not in table.columns:
        return [None] * len(table)
    column = table[name]
    if column.dtype == object:
        values = column.to_numpy()
    elif _as_is(column):  # Arrow text with nothing to strip and nothing blank: the cells as they are
        return column.to_numpy(dtype=object, na_value=None).tolist()
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


def text_array(table: pd.DataFrame, name: str) -> object:
    """:func:`texts` of a column, kept as the table's own Arrow text array where that is what it gives.

    A CSV read by Arrow holds its cells as Arrow text; a column with nothing to strip
    and nothing blank goes into the incident frame as it is, without a round trip
    through a Python string per cell. Any other column is :func:`texts`' list.
    """
    if name in table.columns and _as_is(table[name]):
        return table[name].array
    return texts(table, name)


def _as_is(column: pd.Series) -> bool:
    """Whether ``column`` is Arrow text with no blank cell and no cell starting or ending with whitespace.

    Arrow's ``utf8_trim_whitespace`` trims exactly the characters ``str.strip()`` does
    (``tests/test_readers_columnwise.py`` checks every one of them).
    """
    if not (isinstance(column.dtype, pd.StringDtype) and column.dtype.storage == "pyarrow"):
        return False
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.array(column)
    changed = pc.or_(pc.equal(cells, ""), pc.not_equal(pc.utf8_trim_whitespace(cells), cells))
    return pc.any(changed).as_py() is False


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
    cells = _cells(values)
    known = np.not_equal(cells, None)
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
    known = np.not_equal(_cells(values), None)
    bad = known & ~np.isfinite(numbers)
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        problems.note(index, f"{name} {values[index]!r} is not a number")
    return np.trunc(numbers)


def _cells(values: Sequence[str | None]) -> np.ndarray:
    cells = np.empty(len(values), dtype=object)
    cells[:] = values  # (np.asarray would make a 2-d array of a list of equal-length tuples)
    return cells


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
