"""Plumbing for the hostile-input tests: the real ``geomap`` command in a process of its own.

Kept out of ``conftest.py`` so only the tests that need processes import it.
Some cases need what only a process has: its own stdin and stdout, signals, a
FIFO that blocks, or a user who cannot read a file. Root reads everything, so
cases about permissions run the command with the DAC capabilities dropped
(``setpriv``, util-linux, on every Debian machine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

#: The interpreter running the tests has geomap installed (``make test``).
GEOMAP = [sys.executable, "-m", "geomap"]

#: A short article that yields one dated incident at Kharkiv (gazetteer place gn:706483).
GOOD_ARTICLE = " date 2024-12-18\nA Russian missile strike on Kharkiv killed three people on Tuesday, officials said.\n"

#: Dropping these makes root obey file permissions like any user.
_NO_DAC = ["--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def unprivileged_prefix() -> list[str]:
    """Command prefix under which file permissions apply (empty when not root)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        message = "permission tests as root need setpriv (Debian package util-linux)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [setpriv, *_NO_DAC]


def run(args, *, cwd: Path, stdin=None, input: bytes | None = None, unprivileged=False, timeout=60, shell=False):
    """Run ``geomap ARGS`` (or a shell line) and return the completed process (bytes out and err)."""
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    if shell:
        command = ["bash", "-c", args]
    else:
        command = [*GEOMAP, *args]
    if unprivileged:
        command = [*unprivileged_prefix(), *command]
    return subprocess.run(
        command, cwd=cwd, stdin=stdin, input=input, capture_output=True, timeout=timeout, env=env, check=False
    )


def stderr_lines(proc) -> list[str]:
    return proc.stderr.decode("utf-8", errors="replace").splitlines()


def assert_no_traceback(proc) -> None:
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
