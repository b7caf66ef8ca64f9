"""Partitioned GeoParquet: one incident frame as a folder of parts (``extract -o out/ --format parquet``).

Each part is a GeoParquet file written by :func:`geomap.writers.write_incidents`
(``part-00000.parquet``, ``part-00001.parquet``…, in row order), so any GeoParquet
reader opens it alone, and a folder reader (``pyarrow.dataset``,
``dask_geopandas.read_parquet("out/")``, ``geopandas.read_parquet`` of each part) opens
them all. The rows were merged before they were split: the parts are one dataset,
marked by a hidden file :data:`MARKER` that :mod:`geomap.load` reads so that rows of two
parts of it never merge with each other again (as rows of one file never do).

The folder is written as a whole: the parts go to a temporary folder beside it,
which then replaces it, so a reader never sees the parts of two runs mixed.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import OutputError

if TYPE_CHECKING:
    import geopandas

__all__ = ["MARKER", "PART_ROWS", "dataset_of", "is_folder_target", "write_dataset"]

#: The hidden file that marks a folder as one geomap dataset (folder walks skip hidden files).
MARKER = ".geomap-dataset.json"
#: Rows per part.
PART_ROWS = 100_000


def is_folder_target(path: str | os.PathLike | None) -> bool:
    """Whether ``-o`` names a folder: an existing one, or a name ending in ``/``."""
    if path is None:
        return False
    text = os.fspath(path)
    return text.endswith(("/", os.sep)) or os.path.isdir(text)


def write_dataset(gdf: geopandas.GeoDataFrame, folder: str | os.PathLike, *, part_rows: int | None = None,
                  **options: Any) -> list[Path]:  # fmt: skip
    """Write ``gdf`` as GeoParquet parts in ``folder`` (replacing a dataset there).

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Incidents (``docs/schema.md``), already merged.
    folder : path-like
        Created if missing. An existing folder must be empty or a geomap dataset.
    part_rows : int, optional
        Rows per part (default :data:`PART_ROWS`; at least one part, empty when there are no rows).
    **options
        For :func:`geomap.writers.write_incidents` (``layout``, ``country_points``,
        ``areas``, ``gazetteer``).

    Returns
    -------
    list of pathlib.Path
        The parts, in row order.

    Raises
    ------
    OutputError
        When the folder holds other files, or cannot be written.
    """
    from geomap.writers import write_incidents

    target = Path(os.fspath(folder).rstrip("/" + os.sep) or os.sep)
    if target.exists():
        if not target.is_dir():
            raise OutputError(f"{target}: not a folder")
        if any(target.iterdir()) and not (target / MARKER).exists():
            raise OutputError(f"{target}: the folder holds other files (give an empty or new folder)")
    part_rows = max(PART_ROWS if part_rows is None else part_rows, 1)
    parts = max(1, math.ceil(len(gdf) / part_rows))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.geomap-tmp-", dir=target.parent))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)  # mkdtemp's 0700 is for the temporary, not for the dataset
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        names = []
        for k in range(parts):
            name = f"part-{k:05d}.parquet"
            write_incidents(gdf.iloc[k * part_rows:(k + 1) * part_rows], staging / name, format="parquet", **options)
            names.append(name)
        (staging / MARKER).write_text(json.dumps({"geomap_dataset": 1, "parts": names, "rows": len(gdf)}) + "\n")
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.geomap-old-{os.getpid()}")
            os.replace(target, old)
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [target / name for name in names]


def dataset_of(path: str | os.PathLike) -> str | None:
    """The dataset folder a file is a part of (its folder holds :data:`MARKER`), or None."""
    folder = Path(os.fspath(path)).parent
    return str(folder) if (folder / MARKER).is_file() else None
