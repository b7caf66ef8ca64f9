"""Extraction in worker processes or on a Dask cluster; the merge stays in this process.

Extraction reads one article at a time and needs nothing of the others, so it is
**partitioned**. The merge (:mod:`geomap.merge`) compares the incidents of every
article with each other and is **global**: it runs here, in the calling process, on
everything the partitions give back, exactly as after a serial run. Nothing here
decides anything about incidents: the workers run the serial code
(:func:`geomap.load._read_input`, :func:`geomap.pipeline.extract_article`) and this
module only moves work out and results back, in order.

How a run goes (:func:`extraction_events`, called by :func:`geomap.load.iter_batches`):

1. **Plan** (here, :func:`plan_partitions`). The inputs are expanded as in a serial
   run (folder walks, globs). A regular file of at most :data:`READ_HERE_BYTES` goes
   to a partition by its path: the worker opens, sniffs, reads and extracts it, so
   parsing HTML is spread too (on a cluster the workers must see the same files:
   mounted storage). Standard input and larger files (JSON Lines archives, big incident
   files) are read here; their articles go out in partitions of their own. What fails
   here (an input naming nothing, a file that cannot be opened) and the frames of
   incident files read here are kept, in their place between the partitions.
2. **Extract** (a worker, :func:`extract_partition`). It returns *events* in input
   order: ``("error", source, err)``, ``("table", frame, merge_keys)``,
   ``("skipped",)`` (an article the store holds) and ``("article", ProcessedArticle,
   incidents)``. Each worker builds its gazetteer once from
   :attr:`gazetteer.Gazetteer.settings` and keeps it for every partition it runs.
3. **Replay** (here, :func:`replay`). Partitions are consumed in the order they were
   planned, with a bounded number in flight; their events are handed on in that
   order. So errors are reported, progress told and incidents gathered in the order
   one process gives, and the merge sees the same incidents in the same order: the
   same rows, ids and order as ``--jobs 1``.

Executors: the standard library's :class:`concurrent.futures.ProcessPoolExecutor`
(``jobs``) or a Dask ``distributed`` client (``scheduler``, the ``geomap[dask]``
extra). With ``jobs=None`` (the CLI's default) the first :data:`AUTO_INLINE_BYTES`
are extracted in this process and the pool starts only for more: two articles are
not worth starting processes and loading the gazetteer again in each.

What crosses a process boundary is our own objects (sources by path, :class:`Article`,
:class:`~geomap.incidents.Incident`, frames, :class:`~geomap.errors.InputError`),
pickled by the executor; article text is only ever a string in them.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from geomap.article import Article
from geomap.errors import ConfigurationError

__all__ = [
    "AUTO_INLINE_BYTES",
    "Partition",
    "READ_HERE_BYTES",
    "WorkerContext",
    "available_cores",
    "check_scheduler",
    "extract_partition",
    "extraction_events",
    "plan_partitions",
    "replay",
]

#: Files larger than this (and standard input) are read in the calling process and their
#: articles sent out in partitions: one JSON Lines archive then keeps every worker busy.
READ_HERE_BYTES = 1 << 20
#: A partition for a local worker process closes at this many bytes of input or items.
POOL_PARTITION_BYTES = 64 << 10
POOL_PARTITION_ITEMS = 16
#: ... and for a Dask task (a task costs the scheduler about a millisecond: fewer, bigger).
DASK_PARTITION_BYTES = 1 << 20
DASK_PARTITION_ITEMS = 256
#: Partitions in flight per worker: enough to keep workers busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 4
#: With ``jobs=None``, input bytes extracted in this process before worker processes start.
AUTO_INLINE_BYTES = 2 << 20

Event = tuple


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count).

    Examples
    --------
    >>> available_cores() >= 1
    True
    """
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return count() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_jobs(value: int | None) -> None:
    """Raise :class:`ConfigurationError` unless ``value`` is None or a positive count."""
    if value is not None and (not isinstance(value, int) or value < 1):
        raise ConfigurationError(f"--jobs: {value!r} is not a positive number of processes")


def check_scheduler(address: str) -> None:
    """Raise :class:`ConfigurationError` for a ``--scheduler`` that cannot be used.

    Checked before any input is read: Dask's ``distributed`` must be installed
    (``pip install 'geomap[dask]'``) and the address must name a protocol and a host
    (``tcp://10.0.0.5:8786``).

    Examples
    --------
    >>> check_scheduler("localhost:8786")
    Traceback (most recent call last):
    ...
    geomap.errors.ConfigurationError: 'localhost:8786' is not a scheduler address (tcp://HOST:PORT)
    """
    protocol, sep, rest = str(address).partition("://")
    if not sep or not protocol or not rest:
        raise ConfigurationError(f"{address!r} is not a scheduler address (tcp://HOST:PORT)")
    try:
        import distributed  # noqa: F401
    except ImportError as err:
        raise ConfigurationError("needs Dask's distributed: pip install 'geomap[dask]'") from err


@dataclass(frozen=True)
class WorkerContext:
    """What every partition of a run shares; sent to each worker once.

    Attributes
    ----------
    settings : dict or None
        :attr:`gazetteer.Gazetteer.settings`: each worker builds its gazetteer from them.
    published : datetime.date or None
        ``--published``, for articles that carry no date.
    skip : frozenset of str
        Content hashes of articles not to extract (the store's processed articles).
    articles : bool
        False: an input holding articles is an error (as :func:`geomap.load.load_incidents`).
    strict : bool
        No error reporter: a bug met on an article's text is raised, not reported.
    """

    settings: dict | None
    published: date | None = None
    skip: frozenset = frozenset()
    articles: bool = True
    strict: bool = False


@dataclass(frozen=True)
class Partition:
    """Items one worker task extracts: sources to open (by path) and articles read here."""

    items: tuple
    size: int


# --- the worker side ---------------------------------------------------------------------------

_LOCAL = threading.local()
_POOL_CONTEXT: WorkerContext | None = None


def _worker_gazetteer(settings: dict) -> Any:
    """The gazetteer of ``settings``, built once per worker thread and kept for its later tasks."""
    cache = getattr(_LOCAL, "gazetteers", None)
    if cache is None:
        cache = _LOCAL.gazetteers = {}
    key = repr(sorted(settings.items()))
    gazetteer = cache.get(key)
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = cache[key] = Gazetteer(**settings)
    return gazetteer


def extract_partition(items: Iterable, context: WorkerContext, gazetteer: Any = None) -> list[Event]:
    """Read and extract one partition; its events, in input order (the module docstring lists them).

    Parameters
    ----------
    items : iterable of Source or Article
        Sources are opened and read here (incident files too: their frame is an event);
        articles were read by the planner.
    context : WorkerContext
    gazetteer : gazetteer.Gazetteer, optional
        Given when the partition runs in the calling process; else built from
        ``context.settings`` once per worker.
    """
    from geomap.incidents import article_key, content_hash
    from geomap.load import ProcessedArticle, _read_input
    from geomap.pipeline import extract_article

    if gazetteer is None:
        gazetteer = _worker_gazetteer(context.settings)
    events: list[Event] = []

    def fail(name: str, err: Exception) -> None:
        events.append(("error", name, err))

    on_error = None if context.strict else fail
    for item in items:
        tables: list = []
        if isinstance(item, Article):
            articles: Iterable[Article] = (item,)
        else:
            articles = _read_input(item, tables, published=context.published, fail=fail, articles=context.articles)
        for article in articles:
            digest = content_hash(article)
            if digest in context.skip:
                events.append(("skipped",))
                continue
            found = extract_article(article, gazetteer, on_error=on_error)
            if found is not None:
                events.append(("article", ProcessedArticle(digest, article_key(article), article.source, len(found)),
                               found))  # fmt: skip
        events.extend(("table", frame, keys) for frame, keys in tables)
    return events


def _init_pool_worker(context: WorkerContext) -> None:
    global _POOL_CONTEXT
    _POOL_CONTEXT = context


def _pool_partition(items: tuple) -> list[Event]:
    return extract_partition(items, _POOL_CONTEXT)


# --- the calling side --------------------------------------------------------------------------


def plan_partitions(
    inputs: Iterable[str],
    *,
    published: date | None = None,
    articles: bool = True,
    max_bytes: int = POOL_PARTITION_BYTES,
    max_items: int = POOL_PARTITION_ITEMS,
) -> Iterator[Partition | list[Event]]:
    """The run's work in input order: partitions to send out, and lists of events made here.

    Streams: a folder is walked whole (as in a serial run), a large file is read an
    article at a time and its partitions come out as they fill.
    """
    from geomap.ingest.formats import SUFFIX_TO_FORMAT
    from geomap.ingest.sources import Source, expand_inputs
    from geomap.load import _read_input
    from geomap.readers import SUFFIXES

    ready: deque = deque()
    items: list = []
    size = 0

    def close() -> None:
        nonlocal items, size
        if items:
            ready.append(Partition(tuple(items), size))
            items, size = [], 0

    def add(item: Any, n: int) -> None:
        nonlocal size
        items.append(item)
        size += n
        if size >= max_bytes or len(items) >= max_items:
            close()

    def here(event: Event) -> None:
        close()  # what came before it first
        ready.append([event])

    for item in expand_inputs(inputs, suffixes={*SUFFIX_TO_FORMAT, *SUFFIXES}):
        if isinstance(item, tuple):
            here(("error", *item))
        else:
            n = _regular_size(item)
            if n is not None and n <= READ_HERE_BYTES:
                # By absolute path (a worker may run elsewhere), named as the user named it.
                add(Source(item.name, Path(os.path.abspath(item.path))), max(n, 1))
            else:
                tables: list = []
                fail = lambda name, err: here(("error", name, err))  # noqa: E731
                for article in _read_input(item, tables, published=published, fail=fail, articles=articles):
                    add(article, len(article.text) + len(article.title or ""))
                    while ready:
                        yield ready.popleft()
                for frame, keys in tables:
                    here(("table", frame, keys))
        while ready:
            yield ready.popleft()
    close()
    while ready:
        yield ready.popleft()


def _regular_size(source: Any) -> int | None:
    """A regular file's size; None for standard input, FIFOs, devices and what cannot be stat'ed."""
    if source.path is None:
        return None
    try:
        info = os.stat(source.path)
    except OSError:
        return None  # read here, where opening it reports the error as a serial run does
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def replay(work: Iterable[Partition | list[Event]], submit: Callable[[Partition], Any], *,
           in_flight: int) -> Iterator[Event]:  # fmt: skip
    """The events of ``work`` in its order, at most ``in_flight`` partitions submitted and not yet consumed.

    ``submit(partition)`` returns a list of events (run inline) or a future
    (``result()``, ``cancel()``). Futures not consumed are cancelled when the
    caller stops early or an error is raised.
    """
    pending: deque = deque()
    waiting = 0

    def take() -> list[Event]:
        nonlocal waiting
        head = pending.popleft()
        if isinstance(head, list):
            return head
        waiting -= 1
        return head.result()

    try:
        for part in work:
            if isinstance(part, list):
                pending.append(part)
                continue
            done = submit(part)
            pending.append(done)
            waiting += not isinstance(done, list)
            # Ready results go on at once (streaming, as one process does); a full window waits.
            while pending and (isinstance(pending[0], list) or waiting > in_flight or pending[0].done()):
                yield from take()
        while pending:
            yield from take()
    finally:
        for left in pending:
            if not isinstance(left, list):
                left.cancel()


def extraction_events(
    inputs: Iterable[str],
    *,
    gazetteer: Any,
    published: date | None = None,
    articles: bool = True,
    skip: Container[str] = (),
    strict: bool = False,
    jobs: int | None = None,
    scheduler: Any = None,
) -> Iterator[Event]:
    """The events of extracting ``inputs`` in parallel, in input order (the module docstring).

    Parameters
    ----------
    inputs : iterable of str
        As :func:`geomap.load.load_incidents` (already a list of strings).
    gazetteer : gazetteer.Gazetteer
        This process's; workers build theirs from its ``settings``. A gazetteer with
        no settings (one asking an online geocoder, or another kind of object) is used
        here and the partitions are extracted in this process.
    published, articles, skip, strict
        As :class:`WorkerContext`.
    jobs : int or None
        Worker processes; None: :func:`available_cores`, starting them only after
        :data:`AUTO_INLINE_BYTES` of input.
    scheduler : str or distributed.Client, optional
        A Dask scheduler's address (``tcp://HOST:PORT``) or a client: partitions run
        on that cluster instead of local processes.
    """
    settings = getattr(gazetteer, "settings", None)
    if not isinstance(settings, dict):
        settings = None
    if scheduler is not None and settings is None:
        raise ConfigurationError("--scheduler: the online geocoder (--geocoder) runs in one process only")
    context = WorkerContext(settings, published, frozenset(skip or ()), articles, strict)
    if scheduler is not None:
        work = plan_partitions(inputs, published=published, articles=articles,
                               max_bytes=DASK_PARTITION_BYTES, max_items=DASK_PARTITION_ITEMS)  # fmt: skip
        with _dask_submitter(scheduler, context) as (submit, workers):
            yield from replay(work, submit, in_flight=IN_FLIGHT_PER_WORKER * workers)
        return
    work = plan_partitions(inputs, published=published, articles=articles)
    count = available_cores() if jobs is None else jobs
    pool = _LazyPool(context, gazetteer, count if settings is not None else 1, inline_bytes=AUTO_INLINE_BYTES if jobs is None else 0)  # fmt: skip
    try:
        yield from replay(work, pool.submit, in_flight=IN_FLIGHT_PER_WORKER * max(count, 1))
    finally:
        pool.close()


class _LazyPool:
    """Worker processes started on first need; partitions before that (or with one job) run here."""

    def __init__(self, context: WorkerContext, gazetteer: Any, jobs: int, *, inline_bytes: int) -> None:
        self.context = context
        self.gazetteer = gazetteer
        self.jobs = jobs
        self.inline_left = inline_bytes
        self.pool = None

    def submit(self, part: Partition):
        if self.pool is None and (self.jobs < 2 or self.inline_left > 0):
            self.inline_left -= part.size
            return extract_partition(part.items, self.context, self.gazetteer)
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: workers start from a clean process (no threads or open files of
            # this one), importing geomap once in the server rather than once per worker.
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            ctx = multiprocessing.get_context(method)
            if method == "forkserver":
                ctx.set_forkserver_preload(["geomap.parallel", "geomap.load", "geomap.pipeline", "geomap.incidents"])
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_init_pool_worker,
                                            initargs=(self.context,))  # fmt: skip
        return self.pool.submit(_pool_partition, part.items)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


@contextmanager
def _dask_submitter(scheduler: Any, context: WorkerContext) -> Iterator[tuple[Callable, int]]:
    """``submit(partition)`` on a Dask cluster, and how many worker threads it has."""
    try:
        from distributed import Client
    except ImportError as err:
        raise ConfigurationError("--scheduler needs Dask's distributed: pip install 'geomap[dask]'") from err
    own = not hasattr(scheduler, "submit")
    try:
        client = Client(scheduler, set_as_default=False) if own else scheduler
    except (OSError, TimeoutError, ValueError) as err:
        raise ConfigurationError(f"--scheduler: cannot reach {scheduler} ({err})") from err
    try:
        # Sent to every worker once (the store's hashes may be many), not with each task.
        shared = client.scatter(context, broadcast=True, hash=False)
        workers = max(sum(client.nthreads().values()), 1)

        def submit(part: Partition):
            return client.submit(extract_partition, part.items, shared, pure=False)

        yield submit, workers
    finally:
        if own:
            client.close()
