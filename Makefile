# The README's two commands: `make generate` and `make test`. Both set up what they need
# (.venv from pyproject.toml, node_modules from package-lock.json) and skip that when it is
# already up to date.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: generate test lint unit setup clean help

help:
	@echo "make generate  rebuild every spec (and client) from the sources under specs/"
	@echo "make test      lint the toolkit and run every test"

$(VENV_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --disable-pip-version-check --editable '.[dev]'
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV_STAMP) $(NODE_STAMP)

generate: $(VENV_STAMP)
	$(BIN)/python -m generator normalize --quiet

lint: $(VENV_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

unit: $(VENV_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n 2 -q

test: lint unit

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
