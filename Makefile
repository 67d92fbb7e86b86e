# One command to run the app, one to run the tests; both create .venv and install pinned packages.
# Packages are installed once per change of requirements*.txt (a stamp file in .venv), not on every command.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := data/culture.duckdb
PORT ?= 8501

.PHONY: run test check build install install-dev browser-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# uv installs the same pinned wheels as pip, about ten times faster; where uv cannot reach the package index
# (a pip-only mirror setting, say), pip does the install as before. `make run INSTALLER=pip` skips uv.
INSTALLER ?= uv
UV_VERSION := 0.13.9
ifeq ($(INSTALLER),uv)
INSTALL = $(BIN)/pip install -q uv==$(UV_VERSION) && $(BIN)/uv pip install -q --python $(BIN)/python -r $(1) \
	|| $(BIN)/pip install -q -r $(1)
else
INSTALL = $(BIN)/pip install -q -r $(1)
endif

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(call INSTALL,requirements.txt)
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(call INSTALL,requirements-dev.txt)
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

build: install
	$(BIN)/python -m etl build --source data/articles --db $(DB)

# make run PORT=8600 serves on another port. The database is built (when missing or older than an article; only
# new articles are parsed) in the background while the server starts; a page opened meanwhile waits for that
# build (etl/lock.py).
run: install
	$(BIN)/python -m etl build --if-stale --source data/articles --db $(DB) & \
	$(BIN)/streamlit run app.py --server.port $(PORT)

check: install-dev
	$(BIN)/ruff check etl culturedash tests app.py views benchmarks
	$(BIN)/ruff format --check etl culturedash tests app.py views benchmarks
	$(BIN)/mypy etl culturedash

# Debian's Chromium for the real-browser page tests (Playwright drives it; no browser is ever downloaded).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

test: install-dev browser-deps
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache screenshots
