# The commands people type. Each is a thin call of the rjguide command line.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RJ := $(BIN)/rjguide
STAMP := $(VENV)/.installed

.PHONY: all build html pdf packs glossary po stats check review bench serve test lint prereqs clean
.DEFAULT_GOAL := all

all: build

build: $(STAMP)
	$(RJ) build

prereqs:
	@$(PYTHON) rjguide/prereqs.py

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) rjguide/prereqs.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

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

review: $(STAMP)
	$(RJ) review $(if $(SINCE),--since $(SINCE))

po: $(STAMP)
	$(RJ) po

serve: $(STAMP)
	$(RJ) serve

lint: $(STAMP)
	$(BIN)/ruff check rjguide tests conf.py

test: $(STAMP) node_modules/.installed
	$(BIN)/ruff check rjguide tests conf.py
	$(RJ) check
	$(RJ) stats
	$(BIN)/pytest -n 2 --dist loadgroup

clean:
	rm -rf exports/site exports/.cache exports/reports
