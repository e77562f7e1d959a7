# NewsGraph: two commands on a fresh Debian machine.
#   make demo   installs Graphviz's library and zlib if missing, builds, graphs Examples/ into Graphs/
#   make test   checks the data files and the formatting, runs every test, then scores the dev, train
#               and test sets when ../shared is present
#   make server builds newsgraph-server, which `newsgraph serve` starts (Hummingbird: a few minutes
#               the first time; make demo and make release never build it)
#   make full   builds newsgraph with the shared PostgreSQL store (--store postgres://…; postgres-nio:
#               a few minutes the first time; make demo and make release leave it out)
#   make serve  builds it if needed and serves the examples' graph at http://127.0.0.1:8080/
#   make docs   builds the documentation (Sources/NewsGraph/NewsGraph.docc: architecture, getting
#               started, command-line reference) with swift-docc-plugin
#   make format / make lint   format / check the Swift files listed in FORMATTED with swift-format
#   make sanitize   runs the tests of the modules with unsafe code under AddressSanitizer (CI runs it)
SWIFT ?= swift
BIN := .build/release/newsgraph
STORE := Graphs/examples.sqlite
EVAL := ../shared/eval/evaluate.sh
# Floors, just under the scores measured with the committed relation model (Scripts/check_scores.py
# prints them). The model is trained on train and dev, so those two are in-sample; the test set is
# only ever scored (its errors are never read) and is the check on unseen news.
#   dev   entity 1.000, mission 0.716, affiliated_with 0.942
#   train entity 0.965, mission 0.691, affiliated_with 0.790
#   test  entity 0.923, mission 0.451, affiliated_with 0.752
DEV_FLOORS ?= --entity 0.99 --mission 0.71 --affiliation 0.94
TRAIN_FLOORS ?= --entity 0.96 --mission 0.68 --affiliation 0.78
TEST_FLOORS ?= --entity 0.92 --mission 0.44 --affiliation 0.75
# Release builds skip the runtime exclusivity checks (about 3% of extraction time). Debug builds,
# which `swift test` runs, keep them, so an overlapping access still fails the tests.
RELEASE := -c release -Xswiftc -enforce-exclusivity=unchecked

.PHONY: demo test score deps build release full server serve eval bench fuzz clean train-relations docs format lint sanitize

# The Swift files kept in swift-format's style (.swift-format: 4 spaces, 140 columns). The rest of
# the code predates it: its hand-aligned continuation lines are not swift-format's, and other
# branches have those files open. Add a module or file here when it is reformatted, in a commit of
# its own (`make format`), so no one's merge carries a whole-file reformat.
FORMATTED := Package.swift Tests/TestSupport \
  Sources/KnowledgeGraph/RelationType.swift Sources/KnowledgeGraph/GraphFilter.swift \
  Sources/GraphExport/ExportFormat.swift Sources/GraphExport/ExportError.swift \
  Sources/NewsGraph/QueryGraphs.swift Sources/NewsGraph/Exports.swift \
  Tests/GraphExportTests/ExportFormatTests.swift Tests/KnowledgeGraphTests/RelationPropertiesTests.swift \
  Tests/NewsGraphTests/DocumentationExampleTests.swift \
  Sources/GraphStore/GraphStore+Schema.swift Sources/GraphStore/StoreRecords.swift \
  Sources/EntityRecognition/UnsafeBuffers.swift Tests/EntityRecognitionTests/FastPathTests.swift \
  Sources/EntityRecognition/LexiconSnapshot.swift Sources/EntityRecognition/LexiconCache.swift \
  Sources/EntityRecognition/SnapshotCoding.swift Sources/EntityRecognition/Lexicon+Comparison.swift \
  Tests/EntityRecognitionTests/LexiconSnapshotTests.swift \
  Sources/RelationExtraction/CueLexiconSnapshot.swift Tests/RelationExtractionTests/CueLexiconSnapshotTests.swift \
  Tests/GraphStoreTests/StoreMigrationTests.swift \
  Sources/RelationExtraction/Patterns Tests/RelationExtractionTests/Patterns \
  Tests/RelationExtractionTests/ClauseTests.swift Tests/RelationExtractionTests/JudgementWordTests.swift \
  Tests/RelationExtractionTests/NameRowTests.swift Tests/RelationExtractionTests/SpeakerSideTests.swift \
  Sources/EntityRecognition/Analysis+Identity.swift Tests/EntityRecognitionTests/SharedBodyKeyTests.swift \
  Tests/GraphStoreTests/SharedBodyIdentityTests.swift Tests/GraphStoreTests/SpellingOrderTests.swift Tests/GraphStoreTests/TwoStoredNodesTests.swift Tests/GraphStoreTests/AliasJoinOrderTests.swift \
  Sources/GraphServer Sources/newsgraph-server Tests/GraphServerTests Sources/GraphStore/GraphStore+Browsing.swift \
  Sources/newsgraph/Serve.swift Tests/EntityRecognitionTests/RegionTests.swift Tests/EntityRecognitionTests/BodyInPassingTests.swift \
  Tests/EntityRecognitionTests/PersonSignTests.swift \
  Tests/EntityRecognitionTests/PatronymicTests.swift Tests/EntityRecognitionTests/MediumAndDeskTests.swift \
  Tests/EntityRecognitionTests/OwnSentenceCountryTests.swift \
  Tests/EntityRecognitionTests/NameBoundaryTests.swift \
  Tests/EntityRecognitionTests/NameSignTests.swift Tests/EntityRecognitionTests/NumberedNameTests.swift \
  Tests/EntityRecognitionTests/CapitalsAndPostTests.swift \
  Tests/EntityRecognitionTests/SourceCueTests.swift \
  Tests/EntityRecognitionTests/ShortFormOrderTests.swift \
  Tests/EntityRecognitionTests/DefinedAcronymTests.swift Tests/EntityRecognitionTests/BoardOfDirectorsTests.swift \
  Tests/EntityRecognitionTests/PresidencyTests.swift Tests/EntityRecognitionTests/UnlistedPersonTests.swift \
  Tests/EntityRecognitionTests/BodyVariantTests.swift Tests/EntityRecognitionTests/PartyOrganTests.swift \
  Sources/EntityRecognition/MentionBuilder+PartyNames.swift Tests/EntityRecognitionTests/UnseenNameSignTests.swift \
  Sources/RelationExtraction/Scoring/DelegationFinder.swift Tests/RelationExtractionTests/DelegationTests.swift \
  Tests/RelationExtractionTests/BodyWithinNameTests.swift Tests/RelationExtractionTests/UnnamedHolderTests.swift \
  Tests/RelationExtractionTests/BulletListTests.swift Tests/RelationExtractionTests/ListOwnerTests.swift \
  Sources/RelationExtraction/Scoring/MeetingFrame.swift Tests/RelationExtractionTests/MeetingFrameTests.swift \
  Sources/RelationExtraction/Scoring/MeetingEvent.swift Tests/RelationExtractionTests/MeetingEventTests.swift \
  Sources/RelationExtraction/Scoring/SanctionEvent.swift Tests/RelationExtractionTests/SanctionEventTests.swift \
  Tests/RelationExtractionTests/PurposeInfinitiveTests.swift Tests/RelationExtractionTests/OfficeHolderCandidateTests.swift Tests/RelationExtractionTests/OfficeAppositionTests.swift \
  Sources/RelationExtraction/Scoring/ScoringFastPaths.swift Tests/RelationExtractionTests/ScoringFastPathTests.swift \
  Tests/KnowledgeGraphTests/LatinFoldingTests.swift \
  Sources/RelationExtraction/Scoring/QuotationSpans.swift Tests/RelationExtractionTests/QuotationSpanTests.swift \
  Tests/RelationExtractionTests/CarriedSourceTests.swift \
  Sources/GraphStore/StoreReplica.swift Sources/GraphStorePostgres Tests/GraphStorePostgresTests \
  Tests/GraphStoreTests/WriterShortcutTests.swift \
  Sources/GraphStore/SQLiteSettings.swift Tests/GraphStoreTests/SQLiteSettingsTests.swift \
  Sources/GraphStore/WriterFastPaths.swift Tests/GraphStoreTests/WriterFastPathTests.swift \
  Tests/GraphStoreTests/BoundStringTests.swift \
  Sources/GraphStore/SurnameNeighbours.swift Tests/GraphStoreTests/SurnameNeighbourTests.swift \
  Sources/GraphStore/GraphStore+LongerNames.swift Tests/GraphStoreTests/LongerNameTests.swift \
  Tests/GraphStoreTests/PendingCountryTests.swift \
  Sources/RelationExtraction/Scoring/ReportedSpeech.swift Tests/RelationExtractionTests/ReportedSpeechTests.swift \
  Tests/RelationExtractionTests/AppositionSpeakerTests.swift \
  Tests/RelationExtractionTests/KnownCountrySideTests.swift

deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! pkg-config --exists zlib 2>/dev/null || ! pkg-config --exists sqlite3 2>/dev/null || ! command -v xmllint >/dev/null; then \
	  echo "Installing libgraphviz-dev (Graphviz's C library), zlib1g-dev (gzip), libsqlite3-dev (SQLite's header, for the store) and libxml2-utils (xmllint, for the export tests) with apt-get..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libgraphviz-dev zlib1g-dev libsqlite3-dev libxml2-utils pkg-config >/dev/null; \
	fi
	@# networkx reads the GraphML export in a test that runs only where it is installed.
	@if command -v python3 >/dev/null && ! python3 -c 'import networkx' 2>/dev/null; then \
	  python3 -m pip install --quiet networkx >/dev/null 2>&1 || echo "(networkx not installed: its GraphML test is skipped)"; \
	fi

# NEWSGRAPH_WITHOUT_NETWORK leaves the packages that talk over the network (Hummingbird for the
# server, postgres-nio for shared stores, and swift-nio under both) out of the package graph: make
# demo neither compiles nor fetches them (Package.swift). Its older name, NEWSGRAPH_WITHOUT_SERVER,
# still works.
WITHOUT_SERVER := NEWSGRAPH_WITHOUT_NETWORK=1

release: deps
	$(WITHOUT_SERVER) $(SWIFT) build $(RELEASE) --product newsgraph

# newsgraph with shared PostgreSQL stores (`--store postgres://user@host:port/db`, README "Shared
# store"), in .build/release like the lean one it replaces. postgres-nio and swift-nio take a few
# minutes to compile the first time.
full: deps
	$(SWIFT) build $(RELEASE) --product newsgraph

# The browser and JSON server of `newsgraph serve`, built beside newsgraph (.build/release), where
# `newsgraph serve` looks for it. A product of its own: Hummingbird and swift-nio take 2.5 to 4.5
# minutes to compile on a 2-core machine, which make demo should not spend.
server: release
	$(SWIFT) build $(RELEASE) --product newsgraph-server

# Explore the examples' graph in a browser at http://127.0.0.1:8080/ until Ctrl-C (the store of
# make demo, built first if missing). `newsgraph serve --store FILE` serves any store.
serve: server
	@[ -f $(STORE) ] || $(BIN) build Examples/articles --store $(STORE) --quiet
	$(BIN) serve --store $(STORE)

demo: release
	@rm -f $(STORE) $(STORE)-wal $(STORE)-shm
	$(BIN) build Examples/articles --store $(STORE)
	$(BIN) export --store $(STORE) --output Graphs/examples.dot
	$(BIN) export --store $(STORE) --output Graphs/examples.svg
	@echo
	$(BIN) neighbors "Antony Blinken" --store $(STORE)

# After the Swift tests, the library's public symbol count against its ceiling
# (Scripts/count_public_api.sh); then the server's end-to-end checks on the debug binaries `swift test` built:
# schemathesis against /openapi.json and headless Chromium on an entity page, each skipped with
# one line where its tool is missing (.ci/run installs both); then the shared PostgreSQL store's,
# skipped with one line unless NEWSGRAPH_TEST_POSTGRES names a server (.ci/run starts one).
test: deps lint
	python3 Scripts/validate_lexicons.py
	@# Without a server the shared store's suites are left out with one line: Swift Testing would
	@# print a skip line for each of their tests.
	@if [ -z "$$NEWSGRAPH_TEST_POSTGRES" ]; then \
	  echo "(NEWSGRAPH_TEST_POSTGRES not set: the shared PostgreSQL store's suites are skipped)"; \
	  $(SWIFT) test --no-parallel --skip '\.PostgresStoreTests|\.PostgresOpeningTests'; \
	else $(SWIFT) test --no-parallel; fi
	Scripts/count_public_api.sh
	Scripts/check_api.sh
	Scripts/check_browser.sh
	Scripts/check_postgres.sh
	@$(MAKE) --no-print-directory score

# Scores the dev, train and test sets per relation type against the floors above, with the lean
# release build (scoring needs no shared store, and postgres-nio's release build takes minutes).
score: deps
	@if [ -x $(EVAL) ]; then \
	  $(WITHOUT_SERVER) $(SWIFT) build $(RELEASE) --product newsgraph && \
	  $(EVAL) -- --json | python3 Scripts/check_scores.py dev $(DEV_FLOORS) && \
	  $(EVAL) ../shared/corpus/train -- --json | python3 Scripts/check_scores.py train $(TRAIN_FLOORS) && \
	  $(EVAL) ../shared/corpus/test -- --json | python3 Scripts/check_scores.py test $(TEST_FLOORS); \
	else echo "(../shared not found: evaluation skipped)"; fi

# Retrains the relation scorer on the train and dev sets and rewrites its weights
# (Sources/RelationExtraction/Resources/relation-model.tsv); prints cross-validated scores.
train-relations: deps
	$(SWIFT) build $(RELEASE) --product train-relations
	(.build/release/train-relations --sentences ../shared/corpus/train/articles && \
	 .build/release/train-relations --sentences ../shared/corpus/dev/articles) > .build/relation-candidates.jsonl
	python3 Scripts/train_relations.py --candidates .build/relation-candidates.jsonl \
	  --gold ../shared/corpus/train/gold ../shared/corpus/dev/gold --lexical 3 \
	  --output Sources/RelationExtraction/Resources/relation-model.tsv

eval: release
	$(EVAL) -- --verbose

# `--only ingest` times the newsgraph binary itself, so both are built.
bench: deps
	$(SWIFT) build $(RELEASE) --product newsgraph && $(SWIFT) build $(RELEASE) --product Benchmarks && stdbuf -oL .build/release/Benchmarks $(BENCH_ARGS)

# libFuzzer targets (Fuzz/README.md), built with the address sanitizer into .build/fuzz and run
# one after another for FUZZ_SECONDS each. lld links them: gold fails on the sanitizer's objects.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= Extraction DOT SVG GraphML JSON
FUZZ_BUILD := NEWSGRAPH_FUZZ=1 NEWSGRAPH_WITHOUT_NETWORK=1 $(SWIFT) build --build-path .build/fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld

fuzz: deps
	@for target in $(FUZZ_TARGETS); do $(FUZZ_BUILD) --product Fuzz$$target || exit 1; done
	Scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The tests of the modules with unsafe code (eight-byte loads, hand-managed buffers, C buffers:
# EntityRecognition, KnowledgeGraph, RelationExtraction, GraphExport) under AddressSanitizer, in a
# build folder of their own so the ordinary debug build is kept; lld links them, as for `make fuzz`.
# Leak checking is off: Graphviz, fontconfig and the Swift runtime keep allocations until exit,
# which LeakSanitizer reports as leaks. From scratch on a shared 2-core machine it took 8.8 minutes
# (4.3 CPU minutes): the sanitized build about 6.5, these 307 tests 2.3. `make sanitize
# SANITIZE_FILTER=` runs every test instead: the store's and the end-to-end suites add about 15.
# The server and its tests are left out (WITHOUT_SERVER): they hold no unsafe code, and building
# Hummingbird and swift-nio under the sanitizer would add minutes.
SANITIZE_FILTER ?= EntityRecognitionTests|KnowledgeGraphTests|RelationExtractionTests|GraphExportTests

sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(WITHOUT_SERVER) $(SWIFT) test --no-parallel --sanitize=address --build-path .build/asan -Xswiftc -use-ld=lld \
	  $(if $(SANITIZE_FILTER),--filter '$(SANITIZE_FILTER)')

# swift-format ships with the toolchain (`swift format`); lint fails on any difference.
format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

# The DocC archive lands in .build/plugins/Swift-DocC/outputs/NewsGraph.doccarchive.
docs:
	$(SWIFT) package generate-documentation --target NewsGraph --warnings-as-errors

clean:
	rm -rf .build
