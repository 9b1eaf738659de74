# The commands people type. Each is a thin call of the rjguide command line.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RJ := $(BIN)/rjguide
STAMP := $(VENV)/.installed

.PHONY: all build html pdf packs glossary po stats check review review-server bench serve test lint prereqs lock clean
.DEFAULT_GOAL := all

all: build

build: $(STAMP)
	$(RJ) build

prereqs:
	@$(PYTHON) rjguide/prereqs.py

# requirements.lock has hashes, so pip checks every file it installs against them; pip
# itself and the package (-e .) are installed by commands of their own.
$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) rjguide/prereqs.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Regenerates requirements.lock from pyproject.toml (the test extra, and the build-system
# requirements, since the package is installed without build isolation): resolved by uv for
# every platform and the oldest Python of requires-python, with hashes. Versions already in
# the lock are kept where they still fit; `make lock UPGRADE=1` takes the newest.
LOCK_VENV := .venv-lock
UV_VERSION := 0.13.9
LOCK_COMMAND = uv pip compile pyproject.toml - --extra test --universal --generate-hashes \
	--python-version $(shell $(PYTHON) rjguide/prereqs.py --oldest-python) -o requirements.lock
lock:
	test -x $(LOCK_VENV)/bin/uv || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/pip install --quiet uv==$(UV_VERSION); }
	$(PYTHON) rjguide/prereqs.py --build-requires | $(LOCK_VENV)/bin/$(LOCK_COMMAND) \
	  $(if $(UPGRADE),--upgrade) --custom-compile-command \
	  "make lock, that is: python3 rjguide/prereqs.py --build-requires | $(LOCK_COMMAND) (uv $(UV_VERSION))"

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

html: $(STAMP)
	$(RJ) build --stage html

pdf: $(STAMP)
	$(RJ) build --stage pdf

packs: $(STAMP)
	$(RJ) build --stage packs

glossary: $(STAMP)
	$(RJ) glossary

check: $(STAMP)
	$(RJ) check

stats: $(STAMP)
	$(RJ) stats

bench: $(STAMP)
	$(RJ) bench $(if $(QUICK),--quick)
	$(RJ) bench --review $(if $(QUICK),--quick)

review: $(STAMP)
	$(RJ) review $(if $(SINCE),--since $(SINCE))

po: $(STAMP)
	$(RJ) po

serve: $(STAMP)
	$(RJ) serve

review-server: $(STAMP)
	$(RJ) review-server

lint: $(STAMP)
	$(BIN)/ruff check rjguide tests conf.py

test: $(STAMP) node_modules/.installed
	$(BIN)/ruff check rjguide tests conf.py
	$(RJ) check
	$(RJ) stats
	$(BIN)/pytest -n 2 --dist loadgroup
	$(if $(RJGUIDE_TEST_POSTGRES_URL),RJGUIDE_REVIEW_DATABASE_URL=$(RJGUIDE_TEST_POSTGRES_URL) \
	  $(BIN)/pytest -n 0 tests/test_review_server.py)

clean:
	rm -rf exports/site exports/.cache exports/reports
