"""Cold start (issue #13): what a command loads and compiles, checked by structure, never by time.

Each check that depends on what a fresh interpreter has imported or compiled runs in a
subprocess: this process has long since imported and compiled everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).resolve().parent / "data"


def run_python(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object last."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


#: Extracts one article in a fresh interpreter, then reports what was imported and compiled.
EXTRACT_ONE = """
import json, sys
from pathlib import Path
from gazetteer import Gazetteer
from geomap.analysis import actors, counts, dates, places
from geomap.analysis.classify import compiled_rules, is_cyrillic_rule
from geomap.analysis.text import LazyPattern
from geomap.pipeline import iter_incidents

incidents = [i for batch in iter_incidents([Path({path!r})], gazetteer=Gazetteer()) for i in batch]
lazy = [value for module in (actors, counts, dates, places) for value in vars(module).values()
        if isinstance(value, LazyPattern)]
lazy += [p for module in (actors, dates) for value in vars(module).values() if isinstance(value, tuple)
         for item in value if isinstance(item, tuple) for p in item if isinstance(p, LazyPattern)]
rules = compiled_rules()
compiled = [i for i in range(len(rules)) if rules._compiled[i] is not None]
print(json.dumps({{
    "incidents": len(incidents),
    "frame_libraries": sorted(m for m in ("pandas", "geopandas", "pyogrio", "folium") if m in sys.modules),
    "lazy": len(lazy),
    "lazy_compiled": sum(p.is_compiled for p in lazy),
    "rules": len(rules),
    "rules_compiled": len(compiled),
    "cyrillic_rules_compiled": sum(is_cyrillic_rule(rules.rules[i]) for i in compiled),
}}))
"""


def test_english_extraction_compiles_no_cyrillic_pattern_and_imports_no_frame_library():
    found = run_python(EXTRACT_ONE.format(path=str(DATA / "articles" / "ammo_depot.txt")))
    assert found["incidents"] >= 1
    # Extraction itself needs no frame: pandas/geopandas come with the frame and the writers.
    assert found["frame_libraries"] == []
    assert found["lazy"] >= 10 and found["lazy_compiled"] == 0
    # Only the rules the gate let through were compiled, and never a Cyrillic one.
    assert 0 < found["rules_compiled"] < found["rules"]
    assert found["cyrillic_rules_compiled"] == 0


def test_cyrillic_extraction_compiles_the_patterns_it_needs():
    found = run_python(EXTRACT_ONE.format(path=str(DATA / "cyrillic" / "uk_kharkiv_drones.txt")))
    assert found["incidents"] >= 1
    assert found["lazy_compiled"] > 0
    assert found["cyrillic_rules_compiled"] > 0


def test_checking_layout_imports_no_frame_library():
    found = run_python(
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "from geomap.cli import cli\n"
        "result = CliRunner().invoke(cli, ['extract', 'seeds/', '--layout', 'nope', '-o', 'x.geojson'])\n"
        "print(json.dumps({'exit': result.exit_code, 'output': result.output,\n"
        "                  'loaded': sorted(m for m in ('pandas', 'geopandas') if m in sys.modules)}))\n"
    )
    assert found["exit"] == 2 and "unknown layout 'nope'" in found["output"]
    assert found["loaded"] == []


def test_finder_character_tables_are_pythons():
    from gazetteer.finder import _alnum_table, _upper_table

    code_points = range(0x10000)
    assert np.array_equal(_alnum_table(), np.array([chr(c).isalnum() for c in code_points] + [False]))
    assert np.array_equal(_upper_table(), np.array([chr(c).isupper() for c in code_points] + [False]))


@pytest.mark.parametrize("kind", ["sea", "country", "admin1", "city"])
def test_bulk_places_and_shapes_are_those_built_one_by_one(kind):
    from gazetteer.store import Store

    bulk, single = Store.load(), Store.load()
    shapes = bulk.shapes(kind)
    assert shapes
    if kind == "city":  # GeoNames ids are unique
        indices = [single.index_of(place.id) for place, _ in shapes]
    else:  # as shapes() took them one by one before (a few seas share an id)
        single.geometry(0)
        code = single._meta["kinds"].index(kind)
        indices = [i for i in sorted(single._shape_index) if single._array("kind")[i] == code]
        assert [geom.wkb for _, geom in shapes] == [single.geometry(i).wkb for i in indices]
    assert [place for place, _ in shapes] == [single.place(i) for i in indices]
    towns = bulk.places_in("city", (47.0, 35.0, 49.0, 39.0))
    assert len(towns) > 100
    assert bulk.places(towns) == [single.place(i) for i in towns]
    with pytest.raises(IndexError):
        bulk.places([0, len(bulk)])
