# NewsGraph: two commands on a fresh Debian machine.
#   make demo   installs Graphviz's library and zlib if missing, builds, graphs Examples/ into Graphs/
#   make test   runs every test, then scores the dev, train and test sets when ../shared is present
SWIFT ?= swift
BIN := .build/release/newsgraph
STORE := Graphs/examples.sqlite
EVAL := ../shared/eval/evaluate.sh
# Dev-set floors, just under the scores measured against the re-reviewed dev gold (entity 1.000,
# mission relations 0.866, affiliated_with 0.961): a regression fails `make test`.
MIN_ENTITY_F1 ?= 0.99
MIN_RELATION_F1 ?= 0.86
MIN_AFFILIATION_F1 ?= 0.95
# Entity floors on the train and test sets (scored only; the test set's errors are never read),
# just under the measured entity F1 (train 0.934, test 0.914).
MIN_TRAIN_ENTITY_F1 ?= 0.92
MIN_TEST_ENTITY_F1 ?= 0.90
ENTITY_FLOOR = python3 -c 'import json, sys; s = json.load(sys.stdin); f1 = s["entity_f1"]; \
	d = s["duplicate_entities"]; t = s["entity_type_confusions"]; \
	print(f"$(1) entity F1 {f1:.3f} (floor $(2)); duplicates {d}, type confusions {t}"); sys.exit(f1 < $(2))'
# Release builds skip the runtime exclusivity checks (about 3% of extraction time). Debug builds,
# which `swift test` runs, keep them, so an overlapping access still fails the tests.
RELEASE := -c release -Xswiftc -enforce-exclusivity=unchecked

.PHONY: demo test deps build release eval bench clean

deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! pkg-config --exists zlib 2>/dev/null || ! command -v xmllint >/dev/null; then \
	  echo "Installing libgraphviz-dev (Graphviz's C library), zlib1g-dev (gzip) and libxml2-utils (xmllint, for the export tests) with apt-get..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgraphviz-dev zlib1g-dev libxml2-utils pkg-config >/dev/null; \
	fi
	@# networkx reads the GraphML export in a test that runs only where it is installed.
	@if command -v python3 >/dev/null && ! python3 -c 'import networkx' 2>/dev/null; then \
	  python3 -m pip install --quiet networkx >/dev/null 2>&1 || echo "(networkx not installed: its GraphML test is skipped)"; \
	fi

release: deps
	$(SWIFT) build $(RELEASE) --product newsgraph

demo: release
	@rm -f $(STORE) $(STORE)-wal $(STORE)-shm
	$(BIN) build Examples/articles --store $(STORE)
	$(BIN) export --store $(STORE) --output Graphs/examples.dot
	$(BIN) export --store $(STORE) --output Graphs/examples.svg
	@echo
	$(BIN) neighbors "Antony Blinken" --store $(STORE)

test: deps
	$(SWIFT) test --no-parallel
	@if [ -x $(EVAL) ]; then \
	  $(SWIFT) build $(RELEASE) --product newsgraph && \
	  $(EVAL) -- --min-entity-f1 $(MIN_ENTITY_F1) --min-relation-f1 $(MIN_RELATION_F1) && \
	  $(EVAL) -- --json | python3 -c 'import json, sys; f1 = json.load(sys.stdin)["relations"]["affiliated_with"]["f1"]; \
	    print(f"affiliated_with F1 {f1:.3f} (floor $(MIN_AFFILIATION_F1))"); sys.exit(f1 < $(MIN_AFFILIATION_F1))' && \
	  $(EVAL) ../shared/corpus/train -- --json | $(call ENTITY_FLOOR,train,$(MIN_TRAIN_ENTITY_F1)) && \
	  $(EVAL) ../shared/corpus/test -- --json | $(call ENTITY_FLOOR,test,$(MIN_TEST_ENTITY_F1)); \
	else echo "(../shared not found: dev-set evaluation skipped)"; fi

eval: release
	$(EVAL) -- --verbose

# `--only ingest` times the newsgraph binary itself, so both are built.
bench: deps
	$(SWIFT) build $(RELEASE) --product newsgraph && $(SWIFT) build $(RELEASE) --product Benchmarks && stdbuf -oL .build/release/Benchmarks $(BENCH_ARGS)

clean:
	rm -rf .build
