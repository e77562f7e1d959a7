#!/usr/bin/env bash
# Fuzzes the JSON API of `newsgraph serve` with schemathesis against its own /openapi.json, over a
# store built from Examples/articles: no input may get a 500, every answer must match the document
# (status, content type, schema), and invalid input must be refused. Skipped, with one line, where
# schemathesis is not installed (pip install schemathesis). Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import schemathesis' 2>/dev/null; then
  echo "(schemathesis not installed: the API fuzz test is skipped; pip install schemathesis)"
  exit 0
fi
. Scripts/serve_common.sh
echo "schemathesis against $BASE/openapi.json"
# A fixed seed and a bounded number of cases keep the run repeatable and under a minute.
# Run from the temporary folder: schemathesis keeps its state in the working directory.
(cd "$STORE_DIR" && python3 -m schemathesis.cli run "$BASE/openapi.json" --checks all --max-examples "${API_EXAMPLES:-60}" \
  --seed 15 --workers 1 --request-timeout 20 --no-color --generation-database none --report-dir "$STORE_DIR/report")
