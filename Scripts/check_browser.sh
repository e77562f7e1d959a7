#!/usr/bin/env bash
# The browser test of `newsgraph serve`: headless Chromium loads an entity page of a store built
# from Examples/articles and checks its DOM, types in the home page's search box until the
# suggestion appears, clicks a node of the entity's drawing and checks the page it opens, and
# screenshots both entity pages into .build/ (Scripts/check_browser.py). Skipped, with one line, where Debian's chromium is not installed
# (apt-get install chromium; .ci/run installs it). Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "(chromium not installed: the browser test is skipped; apt-get install chromium)"
  exit 0
fi
. Scripts/serve_common.sh
python3 Scripts/check_browser.py "$CHROMIUM" "$BASE" "${ENTITY:-antony-blinken}" .build
