# Self-bootstrapping targets: each creates .venv and installs what it needs.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: run test eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dask]'  # dask: the LocalCluster tests run, never skip
	touch $(STAMP)

## run: the main job on the sample articles, writing maps/seeds.html
run: $(STAMP)
	$(BIN)/geomap map seeds/ -o maps/seeds.html

## test: the whole test suite (browser tests need /usr/bin/chromium; .ci/run installs it)
test: $(STAMP)
	$(BIN)/python -m pytest

## eval: accuracy against ../shared/eval and real ACLED notes in .cache/acled (not part of the test suite)
eval: $(STAMP)
	$(BIN)/python scripts/eval_seed_ingest.py
	$(BIN)/python scripts/eval_seed_places.py
	$(BIN)/python scripts/eval_seed_incidents.py
	$(BIN)/python scripts/eval_geoparsing.py
	$(BIN)/python scripts/eval_news_dev.py
	$(BIN)/python scripts/eval_acled_notes.py
	$(BIN)/python scripts/eval_acled_notes.py --set 2023

## bench: speed and memory figures
bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache
