# Two commands: `make run` (demo store + dashboard) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
DEMO_STORE := data/store/demo
PORT ?= 8501

.PHONY: run demo test test-fast lint bench eval browser clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m pipeline build data/demo/articles --reference data/demo/reference --replace-reference --out $(DEMO_STORE)

run: demo
	$(VENV)/bin/streamlit run dashboard.py --server.headless true --server.port $(PORT)

# Debian's chromium for the browser tests (never a downloaded browser).
browser:
	@test -x /usr/bin/chromium || (apt-get install -y -q chromium >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null)) || echo "chromium not installed: browser tests will be skipped"

test: $(STAMP) browser
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

eval: $(STAMP)
	$(PY) -m pipeline eval

bench: $(STAMP)
	$(PY) -m pipeline bench

clean:
	rm -rf $(DEMO_STORE) .pytest_cache
