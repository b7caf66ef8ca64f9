"""Incidents from a mix of inputs: the caller that tells articles from incident files.

:func:`load_incidents` is the library entry point of ``geomap extract`` and
``geomap map``. It expands files, folders, globs and ``-`` once, opens each
input once and looks at its first bytes: an incident file (geomap's own, an
ACLED export, a GDELT event file; :func:`geomap.readers.sniff`) goes to
:mod:`geomap.readers`, anything else is articles and goes to extraction
(:mod:`geomap.pipeline`). The readers never see extraction, and extraction never
sees incident files. Everything ends in one frame, duplicates across inputs
merged by :func:`geomap.merge.merge_frame`. One bad input is reported through
``on_error`` and the rest are loaded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from geomap.errors import InputError
from geomap.ingest.formats import SUFFIX_TO_FORMAT
from geomap.ingest.sources import Source, as_input_list, error_handler, expand_inputs

if TYPE_CHECKING:
    import geopandas

    from geomap.article import Article
    from geomap.readers import IncidentFormat, IncidentReader

__all__ = ["Batch", "ProcessedArticle", "incident_format", "iter_batches", "load_incidents"]

OnError = Callable[[str, Exception], None]


def incident_format(source: Source, head: bytes) -> IncidentFormat | None:
    """What an input holds: an incident format (:func:`geomap.readers.sniff`), or None for articles.

    Files named as articles (``.txt``, ``.html``, ``.jsonl``, feeds…) are
    articles; a ``.json`` file is incidents only when it holds a GeoJSON
    FeatureCollection. Anything else, standard input included, is told by its
    content.

    Examples
    --------
    >>> incident_format(Source("-"), b'{"type": "FeatureCollection", "features": []}')
    IncidentFormat(reader=None, table='geojson')
    >>> incident_format(Source("-"), b"Shelling in Kharkiv.") is None
    True
    """
    from geomap.readers import sniff

    suffix = source.suffix
    if suffix in SUFFIX_TO_FORMAT:
        if suffix != ".json":
            return None
        found = sniff(head, suffix)
        return found if found is not None and found.table == "geojson" else None
    return sniff(head, suffix)


def load_incidents(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    gazetteer: Any = None,
    published: date | None = None,
    on_error: OnError | None = None,
    progress: Callable[[Any, int], None] | None = None,
    merge: bool = True,
    articles: bool = True,
    jobs: int | None = 1,
    scheduler: Any = None,
    nested: str = "objects",
) -> geopandas.GeoDataFrame:
    """One incident frame from incident files and articles alike.

    Parameters
    ----------
    inputs : iterable of str or path-like, or one of them
        Files, folders (searched recursively for articles and incident files),
        globs, or ``-`` (standard input: incidents or articles, told by content).
    gazetteer : gazetteer.Gazetteer, optional
        For extracting articles and for region polygons when merging; a default
        ``Gazetteer()`` when None.
    published : datetime.date, optional
        Publication date for articles that carry none.
    on_error : callable, optional
        ``on_error(source, err)`` for each input, record or article that cannot be
        read (an :class:`~geomap.errors.InputError`); the rest are loaded. With
        None the first such error is raised.
    progress : callable, optional
        ``progress(article, n_incidents)`` after each extracted article.
    merge : bool
        Join the same incident told by several inputs (:mod:`geomap.merge`).
    articles : bool
        False: only incident files are wanted (``geomap stats``); an input holding
        articles is an error of that input.
    jobs : int or None
        Processes extracting articles (:func:`iter_batches`); the frame is the same.
    scheduler : str or distributed.Client, optional
        A Dask scheduler to extract on (:func:`iter_batches`).
    nested : str
        ``"objects"``: nested columns parsed (``docs/schema.md``). ``"text"``: an incident
        file's nested columns held as JSON text stay that text, checked, for a caller
        that only shows them (``geomap map``: a million evidence lists are about 0.8 GB of
        Python objects); parsed all the same where rows merge
        (:data:`geomap.readers.NESTED`).

    Returns
    -------
    geopandas.GeoDataFrame
        Incident files' rows in input order, then the incidents of all articles
        (extracted together, so one incident several articles report is one row);
        with ``merge``, an incident both a file and an article report is one row
        keeping every source. Schema of ``docs/schema.md``, CRS EPSG:4326. No rows
        when nothing could be read.

    Raises
    ------
    InputError
        Only when ``on_error`` is None: the first input that cannot be read.

    Examples
    --------
    >>> gdf = load_incidents(["acled_ukraine.csv", "incidents.geojson", "news/"])  # doctest: +SKIP
    """
    batch = next(iter_batches(inputs, gazetteer=gazetteer, published=published, on_error=on_error,
                              progress=progress, merge=merge, articles=articles, jobs=jobs,
                              scheduler=scheduler, nested=nested))  # fmt: skip
    return batch.frame


@dataclass
class Batch:
    """Incidents loaded together (:func:`iter_batches`) and the articles they came from.

    Attributes
    ----------
    frame : geopandas.GeoDataFrame
        The incidents, merged among themselves (unless ``merge=False``).
    articles : list of ProcessedArticle
        Each article extracted (successfully) for this batch, in order.
    skipped : int
        Articles not extracted because ``skip`` held their content hash.
    """

    frame: geopandas.GeoDataFrame
    articles: list[ProcessedArticle] = field(default_factory=list)
    skipped: int = 0


@dataclass(frozen=True)
class ProcessedArticle:
    """One article extraction has read: its content hash (:func:`geomap.incidents.content_hash`),
    its identity (:func:`geomap.incidents.article_key`), where it came from and how many
    incidents it gave."""

    hash: str
    article_key: str
    source: str
    incidents: int


def iter_batches(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    gazetteer: Any = None,
    published: date | None = None,
    on_error: OnError | None = None,
    progress: Callable[[Any, int], None] | None = None,
    merge: bool = True,
    articles: bool = True,
    skip: Container[str] = (),
    every: float | None = None,
    jobs: int | None = 1,
    scheduler: Any = None,
    nested: str = "objects",
) -> Iterator[Batch]:
    """:func:`load_incidents` in batches, for work that must not be lost (:mod:`geomap.store`).

    Parameters are those of :func:`load_incidents`, and:

    skip : container of str
        Content hashes (:func:`geomap.incidents.content_hash`) of articles not to
        extract again; they are counted in :attr:`Batch.skipped`.
    every : float, optional
        Seconds: a batch ends after the first article extracted this long after
        the batch began. None: one batch of everything.
    jobs : int or None
        Processes extracting articles: 1 (the default) extracts here; more run
        :mod:`geomap.parallel`'s worker processes; None takes the cores available
        (and stays here for small inputs). The result is the same either way.
    scheduler : str or distributed.Client, optional
        A Dask scheduler's address (``tcp://HOST:PORT``): extraction runs on that
        cluster (``jobs`` is then not used). The merge always runs here.
    nested : str
        As :func:`load_incidents`'s (incident files read in worker processes come parsed).

    Yields
    ------
    Batch
        At least one (empty when nothing could be read). Incidents of different
        batches are not merged with each other: the caller does that.
    """
    from geomap.incidents import article_key, content_hash
    from geomap.pipeline import iter_incidents
    from geomap.readers import SUFFIXES

    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    if jobs != 1 or scheduler is not None:
        yield from _parallel_batches(inputs, gazetteer=gazetteer, published=published, on_error=on_error,
                                     progress=progress, merge=merge, articles=articles, skip=skip, every=every,
                                     jobs=jobs, scheduler=scheduler, nested=nested)  # fmt: skip
        return
    fail = error_handler(on_error)
    pending = _Pending(every, nested)

    def read_all() -> Iterator[Article]:
        for item in expand_inputs(as_input_list(inputs), suffixes={*SUFFIX_TO_FORMAT, *SUFFIXES}):
            if isinstance(item, tuple):
                fail(*item)
                continue
            for article in _read_input(item, pending.tables, published=published, fail=fail, articles=articles,
                                       nested=nested):  # fmt: skip
                if skip and content_hash(article) in skip:
                    pending.skipped += 1
                    continue
                yield article

    def record(article: Article, n_incidents: int) -> None:
        pending.done.append(ProcessedArticle(content_hash(article), article_key(article), article.source, n_incidents))
        if progress is not None:
            progress(article, n_incidents)

    for batch in iter_incidents(read_all(), gazetteer=gazetteer, on_error=on_error, progress=record):
        pending.found.extend(batch)
        if pending.due():
            yield pending.take(gazetteer=gazetteer, merge=merge)
    yield pending.take(gazetteer=gazetteer, merge=merge)


def _parallel_batches(inputs, *, gazetteer, published, on_error, progress, merge, articles, skip, every, jobs,
                      scheduler, nested) -> Iterator[Batch]:  # fmt: skip
    """:func:`iter_batches` with extraction in worker processes or on a cluster (:mod:`geomap.parallel`).

    The workers' events are replayed here in input order, so errors, progress,
    batches and the merge are those of the serial loop above. ``progress`` receives
    each article's :class:`ProcessedArticle` (the article itself stayed in its worker).
    """
    from geomap.parallel import extraction_events

    fail = error_handler(on_error)
    pending = _Pending(every, nested)
    events = extraction_events(as_input_list(inputs), gazetteer=gazetteer, published=published, articles=articles,
                               skip=skip, strict=on_error is None, jobs=jobs, scheduler=scheduler)  # fmt: skip
    for event in events:
        kind = event[0]
        if kind == "error":
            fail(event[1], event[2])
        elif kind == "table":
            pending.tables.append((event[1], event[2]))
        elif kind == "skipped":
            pending.skipped += 1
        else:
            processed, incidents = event[1], event[2]
            pending.done.append(processed)
            if progress is not None:
                progress(processed, processed.incidents)
            pending.found.extend(incidents)
            if pending.due():
                yield pending.take(gazetteer=gazetteer, merge=merge)
    yield pending.take(gazetteer=gazetteer, merge=merge)


class _Pending:
    """What the next :class:`Batch` holds until it is handed out (serial and parallel loops alike).

    Incident files' tables, extracted incidents, the articles done and those skipped;
    :meth:`due` says when ``every`` seconds have passed since the batch began.
    """

    def __init__(self, every: float | None, nested: str = "objects") -> None:
        self.every = every
        self.nested = nested
        self.tables: list[tuple[geopandas.GeoDataFrame, list[str]]] = []
        self.found: list = []
        self.done: list[ProcessedArticle] = []
        self.skipped = 0
        self.began = time.monotonic()

    def due(self) -> bool:
        return self.every is not None and time.monotonic() - self.began >= self.every

    def take(self, *, gazetteer: Any, merge: bool) -> Batch:
        """The batch, merged; the next one begins empty (the tables list is the same object, emptied)."""
        frame = _frame(self.tables, self.found, gazetteer=gazetteer, merge=merge, nested=self.nested)
        batch = Batch(frame, list(self.done), self.skipped)
        self.tables.clear()
        self.done.clear()
        self.found, self.skipped, self.began = [], 0, time.monotonic()
        return batch


def _frame(tables: list, found: list, *, gazetteer: Any, merge: bool, nested: str = "objects") -> geopandas.GeoDataFrame:
    """One frame of incident files' rows and extracted incidents, merged (:func:`load_incidents`)."""
    import geopandas
    import pandas as pd

    from geomap.frame import empty_frame, to_frame
    from geomap.merge import dedupe, merge_frame, merge_incidents
    from geomap.readers import conform_incidents

    tables = [(frame, keys) for frame, keys in tables if len(frame)]
    if not tables:
        return to_frame(merge_incidents(found, gazetteer=gazetteer) if merge else found) if found else empty_frame()
    if merge:
        found = dedupe(found)
    frames = [frame for frame, _ in tables]
    keys = [key for _, frame_keys in tables for key in frame_keys]
    if found:
        frames.append(to_frame(found))
        keys += [incident.article_key for incident in found]
    combined = geopandas.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326")
    if not merge:
        return conform_incidents(combined, source="inputs", nested=nested)
    extracted: list = [None] * (len(combined) - len(found)) + list(found)
    return merge_frame(combined, keys=keys, incidents=extracted, gazetteer=gazetteer, nested=nested)


def _read_input(
    item: Source,
    tables: list,
    *,
    published: date | None,
    fail: Callable[[str, InputError], None],
    articles: bool = True,
    nested: str = "objects",
) -> Iterator[Article]:
    """The articles of one input; an incident file's frame goes to ``tables`` with its rows' merge keys."""
    from geomap.ingest import read_articles
    from geomap.readers import read_source

    try:
        with item.opened() as (opened, head):
            found = incident_format(opened, head)
            if found is None and not articles:
                raise InputError(
                    f"{item.name}: articles, not incidents (make incidents with: geomap extract ARTICLES -o FILE)"
                )
            if found is None:
                yield from read_articles(opened, head=head, published=published, on_error=fail)
                return
            frame, reader = read_source(opened, head, found, nested=nested)
    except InputError as err:
        fail(item.name, err)
        return
    tables.append((frame, merge_keys(frame, reader, item.name)))


def merge_keys(frame: geopandas.GeoDataFrame, reader: IncidentReader, name: str) -> list[str]:
    """Each row's "article" for merging, by the reader's ``merge_scope`` (:mod:`geomap.readers.base`)."""
    if reader.merge_scope == "dataset":
        return [f"dataset:{reader.name}"] * len(frame)
    if reader.merge_scope == "url":
        return [f"url:{url}" if isinstance(url, str) else f"row:{event_id}"
                for url, event_id in zip(frame["url"], frame["event_id"])]  # fmt: skip
    from geomap.dataset import dataset_of

    # The parts of one partitioned dataset (geomap.dataset) are one file for merging.
    folder = dataset_of(name) if name != "-" else None
    return [f"file:{folder or name}"] * len(frame)
