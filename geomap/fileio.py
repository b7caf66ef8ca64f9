"""Writing outputs atomically, so an interrupted run never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from geomap.errors import OutputError


def atomic_write(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` then move the temporary file onto ``path``.

    The temporary file sits in the target's folder (same filesystem, so the final
    ``os.replace`` is atomic) and keeps the target's suffix (drivers such as GDAL's
    pick the format from it). On any error the temporary file is removed and the
    previous ``path``, if any, is left untouched.

    Parameters
    ----------
    path : path-like
        Final destination. Missing parent folders are created.
    write : callable
        Receives the temporary path and writes the whole output to it.

    Returns
    -------
    pathlib.Path
        The destination path.

    Raises
    ------
    OutputError
        When the folder cannot be created or the file cannot be written or moved.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
        os.close(fd)
    except OSError as err:
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # let writers that refuse to overwrite (GDAL) create it afresh
        write(tmp)
        os.replace(tmp, target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {err.strerror or err}") from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write`)."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding=encoding))
