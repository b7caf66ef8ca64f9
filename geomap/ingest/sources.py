"""Turning what the user typed (files, folders, globs, ``-``) into sources to read."""

from __future__ import annotations

import errno
import glob
import io
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from geomap.errors import InputError, UnreadableInputError

#: Name that stands for standard input.
STDIN = "-"

#: Bytes read ahead to sniff a source's format.
SNIFF_BYTES = 4096

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file, or standard input.

    Parameters
    ----------
    name : str
        The input as the user gave it (for a file found in a folder or by a glob,
        its path), used as :attr:`geomap.article.Article.source`.
    path : pathlib.Path or None
        The file, None for standard input.
    stream : binary stream, optional
        The input already opened (by :meth:`opened`); :meth:`open` and
        :meth:`read_bytes` then read from it, so every input is opened and read
        once: pipes, FIFOs and ``/dev/stdin`` cannot be read twice.
    """

    name: str
    path: Path | None = None
    stream: BinaryIO | None = field(default=None, compare=False, repr=False)

    @property
    def suffix(self) -> str:
        """The file's lower-case suffix (``""`` for standard input)."""
        return self.path.suffix.lower() if self.path is not None else ""

    def open(self) -> BinaryIO:
        """Open the source for binary reading (the stream of :meth:`opened`, when there is one).

        Raises
        ------
        UnreadableInputError
            When the file cannot be opened.
        """
        if self.stream is not None:
            return _Unclosable(self.stream)
        if self.path is None:
            return _stdin()
        try:
            return open(self.path, "rb")
        except OSError as err:
            raise UnreadableInputError(f"{self.name}: {err.strerror or err}") from err

    def read_bytes(self) -> bytes:
        """The whole source (the rest of it, after :meth:`opened`) as bytes.

        Raises
        ------
        UnreadableInputError
            When the file cannot be read.
        """
        with self.open() as stream:
            try:
                return stream.read()
            except OSError as err:
                raise UnreadableInputError(f"{self.name}: {err.strerror or err}") from err

    @contextmanager
    def opened(self) -> Iterator[tuple[Source, bytes]]:
        """Open the source once: a copy reading from that stream, and its first bytes.

        The first :data:`SNIFF_BYTES` bytes (fewer at the end of the input) are read
        for sniffing the format and then read again by the reader, from memory.

        Yields
        ------
        (Source, bytes)

        Raises
        ------
        UnreadableInputError
            When the input cannot be opened or read.
        """
        with self.open() as raw:
            try:
                head = raw.read(SNIFF_BYTES) or b""
            except OSError as err:
                raise UnreadableInputError(f"{self.name}: {err.strerror or err}") from err
            yield replace(self, stream=io.BufferedReader(_Prefixed(head, raw))), head


class _Prefixed(io.RawIOBase):
    """A stream that gives ``head`` first, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if len(self._head):
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        return _read_into(self._stream, buffer)


def _read_into(stream: BinaryIO, buffer) -> int:
    """Fill ``buffer`` with what one read of ``stream`` gives (``read1`` where it has one)."""
    size = len(buffer)
    if not size:
        return 0
    read1 = getattr(stream, "read1", None)
    data = read1(size) if read1 is not None else stream.read(size)
    buffer[: len(data)] = data
    return len(data)


def _stdin() -> BinaryIO:
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:
        raise UnreadableInputError(f"{STDIN}: standard input is not readable")
    return _Unclosable(raw)


class _Unclosable(io.RawIOBase):
    """A view of a stream whose ``close`` leaves the stream open (standard input, an opened source)."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        return _read_into(self._stream, buffer)

    def read(self, size: int = -1) -> bytes:
        # The base class would read in small chunks.
        return self._stream.read(size)

    def readline(self, size: int | None = -1) -> bytes:
        # The base class would read one byte at a time.
        return self._stream.readline(-1 if size is None else size)


def as_input_list(inputs: Iterable[str | os.PathLike] | str | os.PathLike) -> list[str]:
    """One path or many, as a list of strings (a lone path is not iterated by character)."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    return [os.fspath(i) for i in inputs]


def error_handler(on_error: Callable[[str, InputError], None] | None) -> Callable[[str, InputError], None]:
    """The ``on_error`` policy of every reader: report and go on, or raise when None."""

    def fail(name: str, err: InputError) -> None:
        if on_error is None:
            raise err
        on_error(name, err)

    return fail


def expand_inputs(inputs: Iterable[str], *, suffixes: Iterable[str]) -> Iterator[Source | tuple[str, InputError]]:
    """The sources named by ``inputs``, in order; a bad input yields its error.

    A folder is searched recursively, in sorted order, for non-hidden files whose
    suffix is in ``suffixes`` (or that have none); hidden files and folders (name
    starting with ``.``) are skipped. A name with ``*``, ``?`` or ``[`` that is not
    an existing path is a glob (``**`` recurses). A file named explicitly is read
    whatever its suffix.

    Parameters
    ----------
    inputs : iterable of str
        Paths, folders, globs, or ``-`` for standard input.
    suffixes : iterable of str
        Lower-case suffixes (with the dot) of files to take from folders and globs.

    Yields
    ------
    Source or (str, InputError)
        A source to read, or an input that names nothing readable with its error
        (yielded, not raised, so the caller decides whether to go on).
    """
    wanted = frozenset(suffixes)
    for name in inputs:
        if name == STDIN:
            yield Source(STDIN)
            continue
        path = Path(name)
        if path.is_dir():
            found = failed = False
            for item in _walk(path, wanted):
                if isinstance(item, tuple):
                    failed = True
                else:
                    found = True
                yield item
            if not found and not failed:
                yield name, InputError(f"{name}: folder holds no article files")
        elif path.exists():
            yield Source(name, path)
        elif path.is_symlink():
            yield name, UnreadableInputError(f"{name}: {_link_problem(path)}")
        elif _GLOB_CHARS & set(name):
            found = False
            for match in map(Path, sorted(glob.glob(name, recursive=True))):
                if _hidden(match):
                    continue
                items = _walk(match, wanted) if match.is_dir() else [_checked(match)] if _wanted(match, wanted) else []
                for item in items:
                    found = True
                    yield item
            if not found:
                yield name, InputError(f"{name}: no files match")
        else:
            yield name, UnreadableInputError(f"{name}: no such file or folder")


#: File types met in folders that are never opened (opening a FIFO blocks; a device never ends).
_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _walk(folder: Path, wanted: frozenset[str]) -> Iterator[Source | tuple[str, InputError]]:
    """The files of ``folder``, sorted; what cannot be read (a subfolder, a FIFO, a broken link) as an error."""
    found: list[tuple[str, Source | tuple[str, InputError]]] = []

    def unreadable(err: OSError) -> None:
        name = err.filename or str(folder)
        found.append((str(name), (str(name), UnreadableInputError(f"{name}: {err.strerror or err}"))))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in names:
            if not n.startswith(".") and _wanted(Path(n), wanted):
                file = Path(root, n)
                found.append((str(file), _checked(file)))
    found.sort(key=lambda pair: pair[0])
    for _key, item in found:
        yield item


def _checked(file: Path) -> Source | tuple[str, InputError]:
    """A source for a regular file found in a folder or by a glob; an error for anything else."""
    name = str(file)
    try:
        mode = file.stat().st_mode
    except OSError:
        return name, UnreadableInputError(f"{name}: {_link_problem(file)}")
    for test, what in _SPECIAL:
        if test(mode):
            return name, InputError(f"{name}: skipped, {what} is not a file (name it on its own to read it)")
    return Source(name, file)


def _link_problem(path: Path) -> str:
    """Why ``path`` (which cannot be stat'ed) cannot be read: a broken link, a link loop, or else."""
    try:
        path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if path.is_symlink() and err.errno == errno.ENOENT:
            return f"broken symbolic link (to {os.readlink(path)})"
        return err.strerror or str(err)
    return "cannot be read"


def _wanted(path: Path, wanted: frozenset[str]) -> bool:
    return not path.suffix or path.suffix.lower() in wanted


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)
