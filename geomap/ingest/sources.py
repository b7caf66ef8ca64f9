"""Turning what the user typed (files, folders, globs, ``-``) into sources to read."""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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
    """

    name: str
    path: Path | None = None

    @property
    def suffix(self) -> str:
        """The file's lower-case suffix (``""`` for standard input)."""
        return self.path.suffix.lower() if self.path is not None else ""

    def open(self) -> BinaryIO:
        """Open the source for binary reading.

        Raises
        ------
        UnreadableInputError
            When the file cannot be opened.
        """
        if self.path is None:
            return _stdin()
        try:
            return open(self.path, "rb")
        except OSError as err:
            raise UnreadableInputError(f"{self.name}: {err.strerror or err}") from err

    def read_bytes(self) -> bytes:
        """The whole source as bytes.

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


_stdin_cache: tuple[object, io.BufferedReader] | None = None


def _stdin() -> BinaryIO:
    # Standard input can be read only once, but a source is opened twice (to sniff
    # its format, then to read it). One peekable buffer per stdin object serves
    # both; closing it is left to the interpreter.
    global _stdin_cache
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:
        raise UnreadableInputError(f"{STDIN}: standard input is not readable")
    if _stdin_cache is None or _stdin_cache[0] is not raw:
        stream = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
        _stdin_cache = (raw, stream)
    return _Unclosable(_stdin_cache[1])


class _Unclosable(io.RawIOBase):
    """A view of a buffered stream whose ``close`` leaves the stream open."""

    def __init__(self, stream: io.BufferedReader) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read1(len(buffer)) if len(buffer) else b""
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        # The base class would read one byte at a time.
        return self._stream.readline(-1 if size is None else size)

    def peek(self, size: int = 0) -> bytes:
        return self._stream.peek(size)


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
            found = False
            for file in _walk(path, wanted):
                found = True
                yield Source(str(file), file)
            if not found:
                yield name, InputError(f"{name}: folder holds no article files")
        elif path.exists():
            yield Source(name, path)
        elif _GLOB_CHARS & set(name):
            found = False
            for match in map(Path, sorted(glob.glob(name, recursive=True))):
                if match.is_dir():
                    files = list(_walk(match, wanted))
                else:
                    files = [match] if _wanted(match, wanted) and not _hidden(match) else []
                for file in files:
                    found = True
                    yield Source(str(file), file)
            if not found:
                yield name, InputError(f"{name}: no files match")
        else:
            yield name, UnreadableInputError(f"{name}: no such file or folder")


def _walk(folder: Path, wanted: frozenset[str]) -> Iterator[Path]:
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, n) for n in names if not n.startswith(".") and _wanted(Path(n), wanted))
    yield from sorted(files)


def _wanted(path: Path, wanted: frozenset[str]) -> bool:
    return not path.suffix or path.suffix.lower() in wanted


def _hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)
