# cryptoreg developer tasks. `make test` is the one test command (CI runs it too).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help venv demo test bench neo4j-start neo4j-stop neo4j-status lint typecheck check audit browser-deps

help:
	@echo "make venv          create .venv and install cryptoreg with its dev tools"
	@echo "make demo          ingest examples/ and serve the API on http://127.0.0.1:8000"
	@echo "make test          start Neo4j if needed, run pytest, stop Neo4j if this run started it"
	@echo "make neo4j-start   fetch (once) and start the project's Neo4j 5.26 server"
	@echo "make bench         benchmarks at SIZES=1000,10000,100000 articles into docs/BENCHMARKS.md"
	@echo "make neo4j-stop    stop it"
	@echo "make lint          ruff check and ruff format --check"
	@echo "make typecheck     mypy --strict on the source, the tests and the benchmarks"
	@echo "make check         lint + typecheck (CI runs it before the tests)"
	@echo "make audit         pip-audit: known vulnerabilities in the installed dependencies"
	@echo "make browser-deps  install Debian chromium for the browser tests"

venv: $(STAMP)

# Reinstalls only when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

demo: venv
	$(BIN)/cryptoreg ingest examples/
	@echo "cryptoreg API on http://127.0.0.1:8000 (Ctrl-C stops it):"
	@echo "  API docs: http://127.0.0.1:8000/docs"
	@echo "  UI:       http://127.0.0.1:8000/ui"
	@echo "  Health:   http://127.0.0.1:8000/health"
	$(BIN)/cryptoreg serve

# Neo4j is stopped afterwards, whatever pytest said, if this run started it; a server
# that was already running (another developer's, say) is left alone. Exit code: pytest's.
test: venv browser-deps
	@started=0; \
	cleanup() { if [ $$started = 1 ]; then $(BIN)/cryptoreg neo4j stop || true; fi; }; \
	trap cleanup EXIT; trap 'exit 130' INT TERM; \
	if ! $(BIN)/cryptoreg neo4j status >/dev/null; then \
	  started=1; $(BIN)/cryptoreg neo4j start || exit 1; \
	fi; \
	rc=0; $(BIN)/pytest -q || rc=$$?; \
	exit $$rc

neo4j-start: venv
	$(BIN)/cryptoreg neo4j start

neo4j-stop: venv
	$(BIN)/cryptoreg neo4j stop

neo4j-status: venv
	$(BIN)/cryptoreg neo4j status

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv
	$(BIN)/mypy graph ingest api queries tests bench

check: lint typecheck

# Needs PyPI's vulnerability data (network); CI runs it through .ci/run, which also says
# plainly when the service could not be reached.
audit: venv
	$(BIN)/pip-audit --skip-editable --progress-spinner off

# Debian's chromium, driven by the browser tests through executable_path=/usr/bin/chromium;
# no browser is ever downloaded by Playwright.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-liberation; \
	fi

# The benchmark (bench/run_all.py): corpus, extraction, both ingests, API load, export, each
# against a same-run baseline, into docs/BENCHMARKS.md and docs/bench/*.png. It WIPES the
# project's Neo4j database (started here if it is not running, and stopped again after).
SIZES ?= 1000,10000,100000
BENCH_ARGS ?=
bench: venv
	@started=0; \
	cleanup() { if [ $$started = 1 ]; then $(BIN)/cryptoreg neo4j stop || true; fi; }; \
	trap cleanup EXIT; trap 'exit 130' INT TERM; \
	if ! $(BIN)/cryptoreg neo4j status >/dev/null; then \
	  started=1; $(BIN)/cryptoreg neo4j start || exit 1; \
	fi; \
	$(BIN)/python bench/run_all.py --sizes $(SIZES) $(BENCH_ARGS)
