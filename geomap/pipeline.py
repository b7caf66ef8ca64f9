"""``geomap.extract``: articles in, the incident GeoDataFrame out."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from geomap.article import Article
from geomap.errors import InputError, describe

if TYPE_CHECKING:
    import geopandas

__all__ = ["extract", "extract_article", "iter_incidents"]

log = logging.getLogger(__name__)


def _articles(
    inputs: Any,
    *,
    published: date | None,
    on_error: Callable[[str, Exception], None] | None,
) -> Iterator[Article]:
    """Articles from paths, globs, folders, ``-`` and ready :class:`Article` objects alike."""
    if isinstance(inputs, (str, os.PathLike, Article)):
        inputs = [inputs]
    paths: list[str] = []

    def flush() -> Iterator[Article]:
        if paths:
            from geomap.ingest import iter_articles

            yield from iter_articles(list(paths), published=published, on_error=on_error)
            paths.clear()

    for item in inputs:
        if isinstance(item, Article):
            yield from flush()
            if item.published is None and published is not None:
                item = replace(item, published=published)
            yield item
        elif isinstance(item, (str, os.PathLike)):
            paths.append(os.fspath(item))
        else:
            raise InputError(f"not an article or a path: {item!r}")
    yield from flush()


def iter_incidents(
    inputs_or_articles: Any,
    *,
    gazetteer: Any = None,
    published: date | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
    progress: Callable[[Article, int], None] | None = None,
):
    """Stream the incidents of each article, article by article (not merged across).

    Parameters are those of :func:`extract`. Yields lists of
    :class:`geomap.incidents.Incident`, one list per article; memory stays flat
    however many articles stream through.
    """
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    for article in _articles(inputs_or_articles, published=published, on_error=on_error):
        found = extract_article(article, gazetteer, on_error=on_error)
        if found is None:
            continue
        if progress is not None:
            progress(article, len(found))
        yield found


def extract_article(article: Article, gazetteer: Any, *, on_error: Callable[[str, Exception], None] | None):
    """The incidents of one article, or None when it failed and ``on_error`` was told.

    The one place an article's failure is judged, for :func:`iter_incidents` and
    for the worker processes of :mod:`geomap.parallel`: an :class:`InputError` is
    this article's fault; any other exception is a bug met on its text, which
    costs this article only when there is a reporter; gazetteer errors (missing
    data, a bad places file) concern every article and stop the run.
    """
    from gazetteer.errors import GazetteerError
    from geomap.incidents import incidents_from_article
    from geomap.ingest.sources import error_handler

    try:
        return incidents_from_article(article, gazetteer)
    except InputError as err:
        error_handler(on_error)(article.source, err)
        return None
    except Exception as err:
        if on_error is None or isinstance(err, GazetteerError):
            raise
        log.debug("%s: extraction failed", article.source, exc_info=True)
        on_error(article.source, InputError(f"{article.source}: extraction failed ({describe(err)})"))
        return None


def extract(
    inputs_or_articles: Any,
    *,
    gazetteer: Any = None,
    published: date | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
    progress: Callable[[Article, int], None] | None = None,
    merge: bool = True,
) -> geopandas.GeoDataFrame:
    """Extract the incidents news articles report, as a GeoDataFrame.

    Parameters
    ----------
    inputs_or_articles : str, path, Article or iterable of them
        Files, folders (recursive), globs, ``-`` for stdin (read by
        :func:`geomap.ingest.iter_articles`), or :class:`~geomap.article.Article`
        objects.
    gazetteer : gazetteer.Gazetteer, optional
        Place finder and resolver; a default ``Gazetteer()`` when None.
    published : datetime.date, optional
        Publication date for articles that have none (``--published``).
    on_error : callable, optional
        ``on_error(source, err)`` for an input or article that fails; the rest
        are processed. With None the first error is raised.
    progress : callable, optional
        ``progress(article, n_incidents)`` after each article.
    merge : bool
        Join the same incident told by several articles (:mod:`geomap.merge`);
        False keeps every article's incidents apart (``--no-merge``).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per incident (with ``merge``, the same incident from several
        articles is one row), schema in ``docs/schema.md``, CRS EPSG:4326.

    Examples
    --------
    >>> import geomap
    >>> gdf = geomap.extract("seeds/")  # doctest: +SKIP
    >>> gdf[["event_type", "location", "fatalities"]]  # doctest: +SKIP
    """
    from geomap.frame import to_frame
    from geomap.merge import merge_incidents

    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    found = []
    for incidents in iter_incidents(
        inputs_or_articles, gazetteer=gazetteer, published=published, on_error=on_error, progress=progress
    ):
        found.extend(incidents)
    return to_frame(merge_incidents(found, gazetteer=gazetteer) if merge else found)
