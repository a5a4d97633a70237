# The README's two commands are `make demo` and `make test`; .ci/run calls `make test`.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test frontend browser

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python frontend
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python frontend browser
	$(BIN)/pip install -q -e '.[test]'

# The web app's front end: npm packages from the lockfile, built into the package's static dir.
frontend:
	@if [ -f frontend/package.json ]; then cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build; fi

# Debian's Chromium for the end-to-end browser tests (skipped where already installed).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

demo: install
	$(BIN)/wirecoder demo

test: install-test
	$(BIN)/python -m pytest
	$(BIN)/wirecoder eval gate
