# FactCheck — common tasks. `make test` is what CI runs.
SWIFT ?= swift
FACTCHECK_HOME ?= $(CURDIR)/.factcheck
export FACTCHECK_HOME
DEBUG_BIN := .build/debug/factcheck
RELEASE_BIN := .build/release/factcheck

.PHONY: build release setup test bench-engine fixtures clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product factcheck

## Install the default models into $(FACTCHECK_HOME) (idempotent).
setup: build
	$(DEBUG_BIN) setup

## Build everything, install models if needed, run all tests.
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Engine benchmark against PyTorch: writes bench/engine.json (needs python/requirements.txt installed).
bench-engine: release
	$(RELEASE_BIN) setup
	python3 bench/engine_bench.py --factcheck $(RELEASE_BIN) --out bench/engine.json

## Regenerate test fixtures from the Python references (needs python/requirements.txt).
fixtures:
	python3 scripts/make_engine_fixtures.py
	python3 scripts/make_tokenizer_fixtures.py
	python3 scripts/make_minilm_reference.py

clean:
	rm -rf .build
