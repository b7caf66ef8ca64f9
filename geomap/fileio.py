"""Writing outputs safely: atomically to files, as a stream to anything else.

* A regular file (or a new one) is written to a temporary file beside it and
  moved into place with ``os.replace``: an interrupted run never leaves half a
  file, and the previous file survives any error.
* A symbolic link is followed: its target is replaced atomically, the link stays.
* A character device (``/dev/null``, a terminal), a FIFO or ``-`` (standard
  output) is never replaced by a file: the output is built in a private
  temporary folder and then streamed to it.

Temporary files are named ``.<name>.geomap-tmp-<random><suffix>`` (see
:data:`TMP_MARKER`): hidden, so folder inputs skip them, and recognisable when
a killed run (``kill -9``) leaves one behind. On any exception, including the
``SystemExit`` the CLI raises for SIGTERM and SIGHUP, they are removed together
with the journals SQLite writers (GeoPackage) keep beside them.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from geomap.errors import OutputError

#: Part of every temporary file's name.
TMP_MARKER = ".geomap-tmp-"

#: Files SQLite (GeoPackage) may create beside the one it writes.
_SIDE_FILES = ("-journal", "-wal", "-shm")

#: Name that stands for standard output.
STDOUT = "-"


def is_stream_target(path: str | os.PathLike) -> bool:
    """True when ``path`` is ``-`` or an existing character device, FIFO or socket.

    Such targets are written as a stream, never replaced by a file.

    Examples
    --------
    >>> is_stream_target("-"), is_stream_target("/dev/null"), is_stream_target("out.geojson")
    (True, True, False)
    """
    if os.fspath(path) == STDOUT:
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def atomic_write(path: str | os.PathLike, write: Callable[[Path], None], *, sidecars: Sequence[str] = ()) -> Path:
    """Call ``write(tmp_path)`` then put the result at ``path`` (see the module docstring).

    The temporary file keeps the target's suffix (drivers such as GDAL's pick the
    format from it) and does not exist when ``write`` is called (GDAL refuses to
    overwrite).

    Parameters
    ----------
    path : path-like
        Final destination: a file (missing parent folders are created), a link
        to one, ``-`` for standard output, or a device or FIFO.
    write : callable
        Receives the temporary path and writes the whole output to it.
    sidecars : sequence of str
        Suffixes of files ``write`` puts beside the temporary one (a CSV's
        ``.csvt`` and ``.prj``): each replaces the target's file of that suffix,
        before the main file does, so a finished main file has its sidecars.
        Written to a stream, only the main file is.

    Returns
    -------
    pathlib.Path
        The destination (the link's target for a link).

    Raises
    ------
    OutputError
        When the folder cannot be created or the output cannot be written or moved.
    """
    name = os.fspath(path)
    if is_stream_target(name):
        return _write_stream(name, write)  # sidecars are left in the private folder
    target = Path(name)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARKER}", suffix=target.suffix, dir=target.parent)
        os.close(fd)
    except OSError as err:
        raise OutputError(f"cannot write {name}: {err.strerror or err}") from err
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # let writers that refuse to overwrite (GDAL) create it afresh
        write(tmp)
        _keep_mode(target, tmp)
        for suffix in sidecars:
            side = tmp.with_suffix(suffix)
            if side.exists():
                os.replace(side, target.with_suffix(suffix))
        os.replace(tmp, target)
    except OutputError:
        _remove(tmp)
        raise
    except UnicodeEncodeError as err:
        _remove(tmp)
        raise OutputError(f"cannot write {name}: text UTF-8 cannot hold ({err.reason})") from err
    except OSError as err:
        _remove(tmp)
        raise OutputError(f"cannot write {name}: {err.strerror or err}") from err
    except BaseException:
        _remove(tmp)
        raise
    finally:
        _remove_side_files(tmp)
        for suffix in sidecars:
            _remove(tmp.with_suffix(suffix))
    return target


def atomic_write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` safely (see :func:`atomic_write`)."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding=encoding))


def write_stdout(text: str) -> None:
    """Write ``text`` to standard output, as one of the command's outputs.

    Raises
    ------
    BrokenPipeError
        When the reader went away (``| head``): not an error of ours, the CLI exits 0.
    OutputError
        When standard output cannot take it (``> /dev/full``, a full disk).
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        _drop_stdout()
        raise OutputError(f"cannot write to standard output: {err.strerror or err}") from err


def _write_stream(name: str, write: Callable[[Path], None]) -> Path:
    """Build the output in a private temporary folder, then stream it to ``name``."""
    with tempfile.TemporaryDirectory(prefix="geomap-") as folder:
        tmp = Path(folder, "output" + Path(name).suffix)
        try:
            write(tmp)
        except OutputError:
            raise
        except OSError as err:
            raise OutputError(f"cannot write {name}: {err.strerror or err}") from err
        try:
            with open(tmp, "rb") as source:
                if name == STDOUT:
                    sys.stdout.flush()
                    shutil.copyfileobj(source, sys.stdout.buffer)
                    sys.stdout.buffer.flush()
                else:
                    with open(name, "wb") as sink:
                        shutil.copyfileobj(source, sink)
        except BrokenPipeError:
            raise
        except OSError as err:
            if name == STDOUT:
                _drop_stdout()
            raise OutputError(f"cannot write {name if name != STDOUT else 'to standard output'}: "
                              f"{err.strerror or err}") from err
    return Path(name)


def _drop_stdout() -> None:
    # What is still buffered would fail again when the interpreter flushes it at
    # exit, with a second message; point the descriptor at /dev/null instead.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _keep_mode(target: Path, tmp: Path) -> None:
    # A replaced file keeps its permissions (a new one has the writer's default).
    try:
        os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
    except FileNotFoundError:
        pass


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass


def _remove_side_files(tmp: Path) -> None:
    for side in _SIDE_FILES:
        _remove(tmp.with_name(tmp.name + side))
