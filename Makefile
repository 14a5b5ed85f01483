# The two entry points a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8080

.PHONY: run test openapi bench evaluate clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

# Local development: auth is switched off explicitly here (never in the image); the service warns about it.
run: $(VENV)/.installed
	CLEARANCE_AUTH_DISABLED=true $(BIN)/gunicorn --config gunicorn.conf.py --bind 127.0.0.1:$(PORT) 'service:create_app()'

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# Regenerate openapi.yaml from the marshmallow schemas (a test fails when it drifts).
openapi: $(VENV)/.installed
	$(BIN)/python -m service.openapi > openapi.yaml

evaluate: $(VENV)/.installed
	$(BIN)/python bench/evaluate.py ../shared/corpus/metadata/manifest.jsonl

bench: $(VENV)/.installed
	$(BIN)/python bench/extract_bench.py ../shared/corpus/metadata/manifest.jsonl

clean:
	rm -rf $(VENV) .pytest_cache
