# Two commands a newcomer runs: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint imports types unit docs notebook bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[notebook]'
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The main job, offline: scan an example app, compare offers for its workload, write the report.
demo: $(VENV)/.installed
	$(BIN)/llmswitch plan examples/support_bot --out build/plan

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench

# Layers and no import circles (contracts in pyproject.toml; docs/architecture.md).
imports: $(VENV)/.installed-dev
	$(BIN)/lint-imports --no-cache

types: $(VENV)/.installed-dev
	$(BIN)/mypy src

unit: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

# The docs site from docs/ and the docstrings, into build/site; --strict: a broken link or an
# unreadable docstring fails the build (and `make test`).
docs: $(VENV)/.installed-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

test: lint imports types docs unit

# Run examples/compare_offers.ipynb and commit it with its outputs (a test checks they are current).
notebook: $(VENV)/.installed-dev
	$(BIN)/python tests/docs/nbrun.py

bench: $(VENV)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache
