"""The store: one GeoPackage that accumulates incidents across runs (``geomap extract --store``).

A store is a GeoPackage 1.3 written by :func:`geomap.writers.write_incidents`
(QGIS opens it as it is: Date fields, JSON subtype, spatial index, attribution),
with two attribute tables beside the ``incidents`` layer:

===================== ==================================================================
table                 holds
===================== ==================================================================
``incidents``         one row per incident (``docs/schema.md``), the layer every reader
                      of GeoPackage reads (``geomap map store.gpkg`` works from it)
``processed_articles`` one row per article extracted into the store: ``hash`` (its
                      content hash, :func:`geomap.incidents.content_hash`),
                      ``article_key``, ``source``, ``incidents``, ``processed_at``
``store_members``     ``member_id`` → ``event_id``: every event id the store has taken
                      in, and the row holding it now
===================== ==================================================================

Appending a batch (:func:`append_to_store`):

* a batch row whose ``event_id`` the store has taken in before (a row's id or a
  member's) is that row told again: it is folded into it (sources added), so
  feeding the same ACLED export or the same articles twice changes nothing;
* other rows merge with stored rows by the rules of :mod:`geomap.merge` (stored rows
  dated within a day of the batch's are the candidates); stored rows never merge
  with each other, nor batch rows with each other (the batch was merged when it was
  loaded); a merged row's id is the smallest of its members';
* the rest are appended after the stored rows, whose order never changes.

When nothing changes the file is not written at all. Otherwise the whole store is
written to a temporary file beside it and moved over it (:func:`geomap.fileio.atomic_write`,
``os.replace``), under a lock file (``.<name>.lock``) that keeps two runs from
appending at once: a run killed at any moment leaves the previous store, complete.
That costs a full rewrite per append (reading and writing every row; see
``bench/bench_store.py``), which :func:`extract_to_store` amortises by appending every
:data:`COMMIT_SECONDS` of extraction rather than after each article.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import InputError, OutputError

if TYPE_CHECKING:
    import geopandas

    from geomap.load import ProcessedArticle

__all__ = [
    "COMMIT_SECONDS",
    "Store",
    "StoreUpdate",
    "append_to_store",
    "extract_to_store",
    "processed_hashes",
    "read_store",
]

#: The incidents layer (the name :mod:`geomap.writers` gives it).
LAYER = "incidents"
#: Articles already extracted into the store, by content hash.
PROCESSED_TABLE = "processed_articles"
#: Every event id taken in → the id of the row holding it.
MEMBERS_TABLE = "store_members"

#: Seconds of extraction between two appends of :func:`extract_to_store` (work lost to a kill at most).
COMMIT_SECONDS = 60.0

_APPLICATION_ID = 0x47504B47  # "GPKG"

_TABLES = {
    PROCESSED_TABLE: (
        "articles geomap has extracted into this store, by content hash",
        'CREATE TABLE "processed_articles" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
        'hash TEXT NOT NULL UNIQUE, article_key TEXT, source TEXT, incidents INTEGER, processed_at DATETIME)',
    ),
    MEMBERS_TABLE: (
        "every event id merged into the store, and the incidents row holding it",
        'CREATE TABLE "store_members" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
        'member_id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL)',
    ),
}


@dataclass(frozen=True)
class StoreUpdate:
    """What one append did.

    Attributes
    ----------
    added : int
        New rows.
    merged : int
        Batch rows folded into stored rows (the same event told again).
    total : int
        Rows in the store afterwards.
    articles : int
        Articles newly recorded as processed.
    written : bool
        False when nothing changed and the file was left as it was.
    """

    added: int
    merged: int
    total: int
    articles: int
    written: bool


class Store:
    """A GeoPackage of incidents that grows run after run (the module docstring says how).

    Nothing is read when it is made; a missing file is an empty store, created by
    the first :meth:`append`.

    Parameters
    ----------
    path : path-like
        The ``.gpkg`` file.

    Examples
    --------
    >>> store = Store("incidents.gpkg")  # doctest: +SKIP
    >>> store.append(geomap.load.load_incidents("acled_ukraine.csv"))  # doctest: +SKIP
    StoreUpdate(added=5290, merged=0, total=5290, articles=0, written=True)
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(os.fspath(path))

    def __repr__(self) -> str:
        return f"Store({os.fspath(self.path)!r})"

    @property
    def exists(self) -> bool:
        return self.path.exists()

    # --- reading ----------------------------------------------------------------------------

    def read(self) -> geopandas.GeoDataFrame:
        """The stored incidents (no rows for a missing store).

        Raises
        ------
        InputError
            When the file is not a geomap store.
        """
        from geomap.frame import empty_frame
        from geomap.readers import read_incidents

        if not self.exists:
            return empty_frame()
        self._check()
        return read_incidents(self.path)

    def processed(self) -> dict[str, str]:
        """Content hash → source of every article extracted into the store."""
        return dict(self._query(PROCESSED_TABLE, "hash, source"))

    def members(self) -> dict[str, str]:
        """Every event id the store has taken in → the id of the row that holds it."""
        return dict(self._query(MEMBERS_TABLE, "member_id, event_id"))

    def _connect(self) -> sqlite3.Connection:
        from urllib.parse import quote

        try:
            return sqlite3.connect(f"file:{quote(os.fspath(self.path.resolve()))}?mode=ro", uri=True)
        except sqlite3.Error as err:
            raise InputError(f"{self.path}: cannot open the store ({err})") from err

    def _check(self) -> None:
        """Raise :class:`InputError` unless the file is a GeoPackage with an ``incidents`` layer."""
        con = self._connect()
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            layers = {row[0] for row in con.execute("SELECT table_name FROM gpkg_contents")}
        except sqlite3.Error as err:
            raise InputError(f"{self.path}: not a geomap store (not a GeoPackage: {err})") from err
        finally:
            con.close()
        if app_id != _APPLICATION_ID:
            raise InputError(f"{self.path}: not a geomap store (not a GeoPackage)")
        if LAYER not in layers:
            raise InputError(f"{self.path}: not a geomap store (no {LAYER!r} layer)")

    def _query(self, table: str, columns: str) -> list[tuple]:
        if not self.exists:
            return []
        self._check()
        con = self._connect()
        try:
            if not con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
                return []  # a GeoPackage geomap wrote with -o: a store with no history yet
            return con.execute(f'SELECT {columns} FROM "{table}" ORDER BY fid').fetchall()
        except sqlite3.Error as err:
            raise InputError(f"{self.path}: cannot read table {table} ({err})") from err
        finally:
            con.close()

    # --- appending --------------------------------------------------------------------------

    def append(
        self,
        gdf: geopandas.GeoDataFrame,
        *,
        articles: Iterable[ProcessedArticle] = (),
        gazetteer: Any = None,
    ) -> StoreUpdate:
        """Add a batch of incidents (merged among themselves), atomically.

        Parameters
        ----------
        gdf : geopandas.GeoDataFrame
            Incidents (``docs/schema.md``), e.g. a :func:`geomap.load.load_incidents` frame.
        articles : iterable of ProcessedArticle
            The articles the batch was extracted from, recorded as processed.
        gazetteer : gazetteer.Gazetteer, optional
            For region polygons when merging and country points when writing.

        Returns
        -------
        StoreUpdate

        Raises
        ------
        InputError
            When the file exists and is not a geomap store.
        OutputError
            When it cannot be written (the previous store is kept).
        """
        from geomap.readers import conform_incidents

        batch = conform_incidents(gdf, source="batch") if len(gdf) else None
        with self._locked():
            self._remove_stale()
            stored = self.read()
            members = self.members()
            processed = self._query(PROCESSED_TABLE, "hash, article_key, source, incidents, processed_at")
            known = {row[0] for row in processed}
            now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            fresh = []
            for article in articles:
                if article.hash not in known:
                    known.add(article.hash)
                    fresh.append((article.hash, article.article_key, article.source, article.incidents, now))
            for event_id in stored["event_id"]:
                members.setdefault(event_id, event_id)
            if batch is None:
                frame, added, merged, changed = stored, 0, 0, False
            else:
                frame, added, merged, changed = _merge_batch(stored, batch, members, gazetteer)
            if not changed and not fresh:
                return StoreUpdate(0, merged, len(stored), 0, written=False)
            self._write(frame, processed + fresh, members, gazetteer)
        return StoreUpdate(added, merged, len(frame), len(fresh), written=True)

    def _remove_stale(self) -> None:
        """Remove temporary files a killed append left beside the store (only the lock holder writes them)."""
        from geomap.fileio import TMP_MARKER

        name = self.path.name
        for pattern in (f".{name}{TMP_MARKER}*", f"..{name}{TMP_MARKER}*"):
            for stale in self.path.parent.glob(pattern):
                try:
                    stale.unlink()
                except OSError:
                    pass  # not ours to fight over; it does not touch the store

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold ``.<name>.lock`` beside the store: one append at a time."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no lock
            yield
            return
        lock = self.path.with_name(f".{self.path.name}.lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise OutputError(f"cannot write {self.path}: {err.strerror or err}") from err
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    def _write(self, frame, processed: list[tuple], members: dict[str, str], gazetteer: Any) -> None:
        from geomap.fileio import atomic_write
        from geomap.writers import write_incidents

        def write(tmp: Path) -> None:
            write_incidents(frame, tmp, format="gpkg", gazetteer=gazetteer)
            con = sqlite3.connect(tmp)
            try:
                with con:
                    for table, (description, create) in _TABLES.items():
                        con.execute(create)
                        con.execute(
                            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                            "VALUES (?, 'attributes', ?, ?)",
                            (table, table, description),
                        )
                    con.executemany(
                        f"INSERT INTO {PROCESSED_TABLE} (hash, article_key, source, incidents, processed_at) "
                        "VALUES (?, ?, ?, ?, ?)",
                        processed,
                    )
                    con.executemany(
                        f"INSERT INTO {MEMBERS_TABLE} (member_id, event_id) VALUES (?, ?)", sorted(members.items())
                    )
            except sqlite3.Error as err:
                raise OutputError(f"cannot write {self.path}: {err}") from err
            finally:
                con.close()
            # The rows must be on disk before the rename makes them the store.
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())

        atomic_write(self.path, write)


def _merge_batch(stored, batch, members: dict[str, str], gazetteer: Any):
    """The stored frame with ``batch`` merged in; ``members`` is updated in place.

    Returns ``(frame, added, merged, changed)``.
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from geomap.merge import MERGE_DAYS, merge_frame
    from geomap.readers import conform_incidents

    original_ids = [str(i) for i in batch["event_id"]]
    batch = batch.copy()
    # A row the store has taken in before is that row again: merge_frame folds equal ids.
    batch["event_id"] = [members.get(i, i) for i in original_ids]

    days = {d.date() for d in batch["event_date"].dropna()}
    window = {d + timedelta(days=k) for d in days for k in range(-MERGE_DAYS, MERGE_DAYS + 1)}
    stored_days = stored["event_date"].dt.date
    candidate = stored["event_id"].isin(set(batch["event_id"])) | stored_days.isin(window).fillna(False)
    positions = [int(p) for p in candidate.to_numpy().nonzero()[0]]
    n_stored = len(positions)

    combined = pd.concat([stored.iloc[positions], batch], ignore_index=True)
    combined = gpd.GeoDataFrame(combined, geometry=combined.geometry.name, crs="EPSG:4326")
    keys = ["store"] * n_stored + ["batch"] * len(batch)
    groups: list[list[int]] = []
    merged_frame = merge_frame(combined, keys=keys, gazetteer=gazetteer, groups=groups)

    held: dict[str, list[str]] = {}
    for member, holder in members.items():
        held.setdefault(holder, []).append(member)
    ids = [str(i) for i in stored["event_id"]]
    replaced: dict[int, int] = {}  # stored position -> output row
    appended: list[int] = []
    merged = 0
    for row, group in enumerate(groups):
        new_id = str(merged_frame["event_id"].iloc[row])
        taken = {original_ids[p - n_stored] for p in group if p >= n_stored}
        mine = [positions[p] for p in group if p < n_stored]
        if mine:
            replaced[mine[0]] = row
            old_id = ids[mine[0]]
            taken.update(held.get(old_id, [old_id]))
            merged += len(group) - 1
        else:
            appended.append(row)
        for member in taken:
            members[member] = new_id

    changed = bool(appended)
    if replaced:
        before = stored.iloc[list(replaced)].reset_index(drop=True)
        after = merged_frame.iloc[list(replaced.values())].reset_index(drop=True)
        changed = changed or not _same_rows(before, after)
    if not changed:
        return stored, 0, merged, False
    # Stored rows keep their places (a merged one takes its stored row's); new rows go last.
    kept = [p for p in range(len(stored)) if p not in replaced]
    out = pd.concat([stored.iloc[kept], merged_frame.iloc[list(replaced.values()) + appended]], ignore_index=True)
    places = kept + list(replaced) + [len(stored) + k for k in range(len(appended))]
    out = out.iloc[np.argsort(places, kind="stable")].reset_index(drop=True)
    out = conform_incidents(gpd.GeoDataFrame(out, geometry=out.geometry.name, crs="EPSG:4326"), source="store")
    return out, len(appended), merged, True


def _same_rows(before, after) -> bool:
    """Whether two frames of incidents hold the same values (column order aside)."""
    import pandas as pd

    if set(before.columns) != set(after.columns):
        # A column the batch brings with nothing in it changes nothing.
        extra = set(after.columns) - set(before.columns)
        if set(before.columns) - set(after.columns) or any(after[c].notna().any() for c in extra):
            return False
        after = after[list(before.columns)]
    after = after[list(before.columns)]
    for column in before.columns:
        a, b = before[column].reset_index(drop=True), after[column].reset_index(drop=True)
        if column == before.geometry.name:
            import shapely

            x, y = a.to_numpy(), b.to_numpy()
            if not (shapely.equals_exact(x, y, 0) | (shapely.is_empty(x) & shapely.is_empty(y))).all():
                return False
            continue
        if a.equals(b):  # column-wise (missing equal to missing); else value by value, as below
            continue
        for x, y in zip(a, b):
            if _missing(x) and _missing(y):
                continue
            if _missing(x) or _missing(y):
                return False
            if isinstance(x, pd.Timestamp) or isinstance(y, pd.Timestamp):
                if pd.Timestamp(x) != pd.Timestamp(y):
                    return False
            elif x != y:
                return False
    return True


def _missing(value: object) -> bool:
    import pandas as pd

    if isinstance(value, (list, dict)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# --- library entry points ----------------------------------------------------------------------


def read_store(path: str | os.PathLike) -> geopandas.GeoDataFrame:
    """The incidents of a store (``docs/schema.md``); no rows when it does not exist yet."""
    return Store(path).read()


def processed_hashes(path: str | os.PathLike) -> set[str]:
    """Content hashes (:func:`geomap.incidents.content_hash`) of the articles a store holds."""
    return set(Store(path).processed())


def append_to_store(
    path: str | os.PathLike,
    gdf: geopandas.GeoDataFrame,
    *,
    articles: Iterable[ProcessedArticle] = (),
    gazetteer: Any = None,
) -> StoreUpdate:
    """Merge a batch of incidents into the store at ``path`` (:meth:`Store.append`)."""
    return Store(path).append(gdf, articles=articles, gazetteer=gazetteer)


def extract_to_store(
    path: str | os.PathLike,
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    gazetteer: Any = None,
    published: date | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
    progress: Callable[[Any, int], None] | None = None,
    merge: bool = True,
    select: Callable[[geopandas.GeoDataFrame], geopandas.GeoDataFrame] | None = None,
    every: float | None = COMMIT_SECONDS,
    jobs: int | None = 1,
    scheduler: Any = None,
) -> tuple[geopandas.GeoDataFrame, StoreTotals]:
    """Load ``inputs`` (articles and incident files) into the store at ``path``, resumably.

    Articles whose content hash the store holds are not extracted again; the rest
    are appended every ``every`` seconds of extraction, so a run that is stopped
    keeps what it had appended and the next run goes on from there.

    Parameters
    ----------
    path : path-like
        The store.
    inputs
        As :func:`geomap.load.load_incidents`.
    gazetteer, published, on_error, progress, merge
        As :func:`geomap.load.load_incidents`.
    select : callable, optional
        ``select(frame) -> frame`` applied to each batch before it is stored
        (``--type``, ``--since``, ``--country``…).
    every : float or None
        Seconds between appends; None appends once, at the end.
    jobs, scheduler
        As :func:`geomap.load.iter_batches`: articles extracted in worker processes or
        on a Dask cluster; skipping, appending and merging stay here.

    Returns
    -------
    (geopandas.GeoDataFrame, StoreTotals)
        This run's incidents (each batch as it was appended) and what the run did.

    Examples
    --------
    >>> gdf, totals = extract_to_store("incidents.gpkg", ["news/"])  # doctest: +SKIP
    """
    import geopandas as gpd
    import pandas as pd

    from geomap.frame import empty_frame
    from geomap.load import iter_batches

    store = Store(path)
    if store.exists:
        store._check()  # before any input is read
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    totals = StoreTotals()
    frames = []
    for batch in iter_batches(inputs, gazetteer=gazetteer, published=published, on_error=on_error,
                              progress=progress, merge=merge, skip=store.processed(), every=every,
                              jobs=jobs, scheduler=scheduler):  # fmt: skip
        frame = select(batch.frame) if select is not None else batch.frame
        update = store.append(frame, articles=batch.articles, gazetteer=gazetteer)
        totals.add(batch, update)
        if len(frame):
            frames.append(frame)
    if not frames:
        return empty_frame(), totals
    run = pd.concat(frames, ignore_index=True)
    return gpd.GeoDataFrame(run, geometry=frames[0].geometry.name, crs="EPSG:4326"), totals


@dataclass
class StoreTotals:
    """What :func:`extract_to_store` did, summed over its appends."""

    extracted: int = 0  # articles extracted
    skipped: int = 0  # articles the store already held
    added: int = 0
    merged: int = 0
    total: int = 0

    def add(self, batch, update: StoreUpdate) -> None:
        self.extracted += len(batch.articles)
        self.skipped += batch.skipped
        self.added += update.added
        self.merged += update.merged
        self.total = update.total
