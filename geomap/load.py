"""Incidents from a mix of inputs: incident files read back, articles extracted.

:func:`load_incidents` is what ``geomap map`` (and any caller holding both
``geomap extract`` output and fresh articles) needs: it expands files, folders,
globs and ``-`` once, reads every incident file with
:func:`geomap.export.read_incidents`, extracts the articles with
:func:`geomap.pipeline.extract`, and returns one frame. One bad input is
reported through ``on_error`` and the rest are loaded.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import InputError
from geomap.export import SUFFIX_TO_DRIVER
from geomap.ingest.formats import SUFFIX_TO_FORMAT
from geomap.ingest.sources import (
    STDIN,
    Source,
    as_input_list,
    error_handler,
    expand_inputs,
)

if TYPE_CHECKING:
    import geopandas

__all__ = ["is_incident_file", "load_incidents"]

#: Bytes read to tell a GeoJSON FeatureCollection from an article in JSON.
SNIFF_BYTES = 4096

OnError = Callable[[str, Exception], None]


def is_incident_file(path: str | os.PathLike) -> bool:
    """True when ``path`` looks like ``geomap extract`` output.

    ``.geojson``, ``.gpkg`` and ``.csv`` are incident files (the suffixes
    :data:`geomap.export.SUFFIX_TO_DRIVER` reads); a ``.json`` file is one when it
    holds a GeoJSON FeatureCollection, since articles come as JSON too.

    Examples
    --------
    >>> is_incident_file("incidents.gpkg")
    True
    >>> is_incident_file("article.txt")
    False
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_TO_DRIVER:
        return False
    if suffix != ".json":
        return True
    if not path.is_file():
        return False  # a FIFO cannot be sniffed without losing what is read: an article stream
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False  # left to the article reader, which reports why it cannot read it
    # A FeatureCollection says so near its start; an article record does not.
    return b'"FeatureCollection"' in head


def load_incidents(
    inputs: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    gazetteer: Any = None,
    published: date | None = None,
    on_error: OnError | None = None,
    progress: Callable[[Any, int], None] | None = None,
    merge: bool = True,
) -> geopandas.GeoDataFrame:
    """One incident frame from incident files and articles alike.

    Parameters
    ----------
    inputs : iterable of str or path-like, or one of them
        Files, folders (searched recursively for articles and incident files),
        globs, or ``-`` (articles on standard input). A file is an incident file
        when :func:`is_incident_file` says so, else an article.
    gazetteer : gazetteer.Gazetteer, optional
        For extracting articles; a default ``Gazetteer()`` when None and there
        are articles.
    published : datetime.date, optional
        Publication date for articles that carry none.
    on_error : callable, optional
        ``on_error(source, err)`` for each input, record or article that cannot be
        read (an :class:`~geomap.errors.InputError`); the rest are loaded. With
        None the first such error is raised.
    progress : callable, optional
        ``progress(article, n_incidents)`` after each extracted article.
    merge : bool
        Join the same incident told by several articles (see :func:`geomap.extract`).

    Returns
    -------
    geopandas.GeoDataFrame
        Incident files' rows in input order, then the incidents of all articles
        (extracted together, so one incident several articles report is one row);
        schema of ``docs/schema.md``, CRS EPSG:4326. No rows when nothing could be
        read.

    Raises
    ------
    InputError
        Only when ``on_error`` is None: the first input that cannot be read.

    Examples
    --------
    >>> gdf = load_incidents(["incidents.geojson", "news/"])  # doctest: +SKIP
    """
    import geopandas
    import pandas as pd

    from geomap.export import read_incidents
    from geomap.frame import empty_frame

    inputs = as_input_list(inputs)
    fail = error_handler(on_error)

    frames = []
    articles: list[str] = []
    suffixes = {**SUFFIX_TO_FORMAT, **SUFFIX_TO_DRIVER}
    for item in expand_inputs(inputs, suffixes=suffixes):
        if isinstance(item, tuple):
            fail(*item)
        elif _is_incident_source(item):
            try:
                frames.append(read_incidents(item.path))
            except InputError as err:
                fail(item.name, err)
        else:
            articles.append(item.name)
    if articles:
        from geomap.pipeline import extract

        frames.append(
            extract(
                articles, gazetteer=gazetteer, published=published, on_error=on_error, progress=progress, merge=merge
            )
        )
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return empty_frame()
    if len(frames) == 1:
        return frames[0]
    return geopandas.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs="EPSG:4326")


def _is_incident_source(source: Source) -> bool:
    return source.name != STDIN and source.path is not None and is_incident_file(source.path)
