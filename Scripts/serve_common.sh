# Shared by the server's end-to-end checks (check_api.sh, check_browser.sh): builds a store from
# Examples/articles with the built newsgraph and starts newsgraph serve on a free port, stopped
# when the calling script exits. Sets STORE_DIR, SERVER_PID and BASE (http://127.0.0.1:PORT).
# BIN_DIR is the folder of the built binaries (default .build/debug, which `swift test` builds).
BIN_DIR=${BIN_DIR:-.build/debug}
for binary in newsgraph newsgraph-server; do
  if [ ! -x "$BIN_DIR/$binary" ]; then
    echo "$0: no $BIN_DIR/$binary; build it first (swift build --product $binary)" >&2
    exit 1
  fi
done
STORE_DIR=$(mktemp -d)
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill -INT "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$STORE_DIR"
}
trap stop_server EXIT
"$BIN_DIR/newsgraph" build Examples/articles --store "$STORE_DIR/examples.sqlite" --quiet
# `newsgraph serve` execs the server binary beside it: this checks that hand-over too.
"$BIN_DIR/newsgraph" serve --store "$STORE_DIR/examples.sqlite" --port 0 > "$STORE_DIR/server.out" 2>&1 &
SERVER_PID=$!
BASE=
for _ in $(seq 1 100); do
  BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$STORE_DIR/server.out" 2>/dev/null || true)
  [ -n "$BASE" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$BASE" ]; then
  echo "$0: the server did not start:" >&2
  cat "$STORE_DIR/server.out" >&2
  exit 1
fi
