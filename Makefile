# electiongraph — every setup step lives here, so a fresh clone needs only `make demo` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out/demo
# `make bench CORPUS=dir` (default: ../shared/corpus when present, else the bundled sample replicated)
CORPUS ?=
BENCH_ARGS ?=

.PHONY: help install browser demo test test-fast lint clean eval notebook bench

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

install: $(STAMP)  ## create .venv with the pinned packages and both spaCy models

browser:  ## make sure Debian's chromium is there for the browser tests (apt-get, as root)
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

demo: install  ## build the graph from the bundled sample corpus into out/demo
	$(BIN)/electiongraph build --out $(OUT)

# JUPYTER_PATH puts the venv's "python3" kernel first, so the notebooks run on .venv's python and ipykernel
# even when a user-wide "python3" kernel points at another interpreter.
test: install browser  ## run the whole test suite (models, RDF, browser) and every notebook (nbmake)
	JUPYTER_PATH=$(abspath $(VENV))/share/jupyter $(BIN)/python -m pytest --nbmake tests notebooks

test-fast: install  ## the suite and the notebooks, without the browser tests
	JUPYTER_PATH=$(abspath $(VENV))/share/jupyter $(BIN)/python -m pytest -m "not browser" --nbmake tests notebooks

notebook: install  ## open the analyst notebooks in Jupyter Lab, on the venv's kernel
	JUPYTER_PATH=$(abspath $(VENV))/share/jupyter $(BIN)/jupyter lab notebooks/

clean:  ## remove the virtualenv and outputs
	rm -rf $(VENV) out .pytest_cache

eval: install  ## precision/recall/F1 on the annotated development set, against spaCy alone
	$(BIN)/python -m evaluation.evaluate

bench: install  ## throughput against bare spaCy, --jobs 2, rebuild time, peak memory (JSON in benchmarks/results/)
	$(BIN)/python -m benchmarks.bench_build $(CORPUS) $(BENCH_ARGS)
