# Two set-up commands: `make run` and `make test`. Both create .venv and install the project first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test install assets bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Front-end assets (Leaflet & plugins) fetched from the npm registry into a git-ignored folder.
assets: $(STAMP)
	@if [ -x scripts/fetch_assets.sh ]; then scripts/fetch_assets.sh; fi

run: install assets
	$(VENV)/bin/streamlit run app.py --server.headless true --browser.gatherUsageStats false

test: install assets
	$(PY) -m pytest -q

bench: install assets
	$(PY) benchmarks/bench_scale.py
	$(PY) benchmarks/bench_growth.py
	$(PY) benchmarks/bench_access.py
	$(PY) benchmarks/bench_visitors.py
	$(PY) benchmarks/bench_sweep.py
	$(PY) benchmarks/bench_app.py
	$(PY) benchmarks/bench_report.py

clean:
	rm -rf $(VENV) .pytest_cache
