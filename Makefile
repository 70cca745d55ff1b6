# Two commands for a fresh machine (Python 3.11+):
#   make demo   - set up .venv from the lock file and build the sample dataset into release/
#   make test   - set up .venv and run lint, type checks and the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck pytest lock bench hostile clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/attackgraph build data/documents --out release/

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# pytest exits 5 when it collects no tests: treat that as a failure, like any other.
pytest: $(STAMP)
	$(BIN)/pytest; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; \
	exit $$status

lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		-o requirements.lock requirements.in

# 1,000 hostile documents (tests/hostile_corpus.py) through a real build, with every check
hostile: $(STAMP)
	$(BIN)/python tests/hostile_corpus.py --count 1000 --seed 12

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) release bench/out .pytest_cache .mypy_cache .ruff_cache
