"""Shared test fixtures and policies.

* Tests never touch the network; a test that needs it is marked ``network`` and
  skipped unless ``--run-network`` is given.
* Tests that read outputs with GDAL's ``ogrinfo`` skip without it on a developer
  machine and **fail** in CI, where ``.ci/run`` installs Debian's ``gdal-bin``.
* Browser tests (marked ``browser``) use Debian's chromium through Playwright. When
  the browser is missing they are skipped on a developer machine (with the reason
  shown by ``-ra``) but **fail** in CI (``CI`` set), where ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"
# The same default (and GEOMAP_CHROMIUM override) as geomap.render.snapshot.CHROMIUM,
# read here without importing geomap so collection stays light.
CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")


def pytest_configure(config):
    # Imported gazetteers live in the user's data folder (platformdirs): tests use
    # an empty one of their own, never the developer's (subprocesses inherit it).
    import tempfile

    config._geomap_data_home = os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="geomap-test-data-")


def pytest_unconfigure(config):
    import shutil

    home = getattr(config, "_geomap_data_home", None)
    if home:
        shutil.rmtree(home, ignore_errors=True)


def pytest_addoption(parser):
    parser.addoption("--run-network", action="store_true", help="run tests that need the internet")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-network"):
        return
    skip = pytest.mark.skip(reason="needs the internet (use --run-network)")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


def _missing(message: str):
    """Skip (developer) or fail (CI: .ci/run installs everything) a test whose tool is missing."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def require_chromium() -> str:
    """Path of the chromium binary, or skip (developer) / fail (CI) when missing."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    _missing(f"browser test needs {CHROMIUM} (Debian package 'chromium'; .ci/run installs it)")


def require_tool(name: str, package: str) -> str:
    """Path of the command ``name``, or skip (developer) / fail (CI) when missing."""
    found = shutil.which(name)
    if found:
        return found
    _missing(f"test needs {name} (Debian package {package!r}; .ci/run installs it)")


def require_ogrinfo() -> str:
    """GDAL's ``ogrinfo``, as QGIS users have it."""
    return require_tool("ogrinfo", "gdal-bin")


def require_pdftocairo() -> str:
    """Poppler's ``pdftocairo`` (``geomap map --svg``)."""
    return require_tool("pdftocairo", "poppler-utils")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def real_gazetteer():
    """The embedded gazetteer, loaded once for the whole run (the data is committed: no skip)."""
    from gazetteer import Gazetteer

    gazetteer = Gazetteer()
    gazetteer.find("Kharkiv")  # load now: a broken data folder fails here, once
    return gazetteer

