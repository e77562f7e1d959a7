#!/usr/bin/env bash
# The shared PostgreSQL store end to end, through the newsgraph binary, on the server named by
# NEWSGRAPH_TEST_POSTGRES (a URL of a database this may create databases from; .ci/run starts one):
#   1. the dev articles built into PostgreSQL export the JSON graph the SQLite store exports, byte
#      for byte;
#   2. two builds at once, each of half the articles, give the graph of one build of all of them in
#      the order the two builders' batches were committed (the graph depends on the order articles
#      come in, on either backend: two halves built one after the other differ from the whole);
#   3. a build killed with SIGKILL in the middle leaves a store every command reads, and the next
#      build completes it: the same graph again;
#   4. sslmode: require and verify-full (given NEWSGRAPH_TEST_POSTGRES_ROOTCERT) read the store over
#      TLS when the server has ssl on, disable in the clear; require against a server that offers no
#      TLS, a bad sslmode and a server that is down each give one line and exit status 1.
# Articles: ../shared/corpus/dev (1) and train (2, 3) when present, else Examples/articles.
# Skipped, with one line, without NEWSGRAPH_TEST_POSTGRES. Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${NEWSGRAPH_TEST_POSTGRES:-}" ]; then
  echo "(NEWSGRAPH_TEST_POSTGRES not set: the shared store's end-to-end check is skipped)"
  exit 0
fi
BIN=${NEWSGRAPH_BIN:-.build/debug/newsgraph}
SMALL=../shared/corpus/dev/articles
LARGE=../shared/corpus/train/articles
[ -d "$SMALL" ] || SMALL=Examples/articles
[ -d "$LARGE" ] || LARGE=Examples/articles
WORK=$(mktemp -d /tmp/newsgraph-check-postgres.XXXXXX)
DATABASES=()
cleanup() {
  for db in "${DATABASES[@]}"; do psql -q "$NEWSGRAPH_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
# A new database; prints its URL.
new_database() {
  local name="newsgraph_check_$1_$$"
  psql -q "$NEWSGRAPH_TEST_POSTGRES" -c "CREATE DATABASE $name" >/dev/null
  DATABASES+=("$name")
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' \
    "$NEWSGRAPH_TEST_POSTGRES" "$name"
}
# The graph JSON in an order that does not depend on which article was stored first.
canonical() {
  python3 -c '
import json, sys
graph = json.load(open(sys.argv[1]))
for entity in graph["entities"]:
    entity["aliases"] = sorted(entity.get("aliases", []))
for relation in graph["relations"]:
    relation["evidence"] = sorted(relation.get("evidence", []), key=lambda e: json.dumps(e, sort_keys=True))
graph["entities"].sort(key=lambda e: e["id"])
graph["relations"].sort(key=lambda r: (r["source"], r["type"], r["target"]))
print(json.dumps(graph, sort_keys=True, indent=1))' "$1"
}

echo "1. $SMALL into SQLite and into PostgreSQL"
"$BIN" build "$SMALL" --store "$WORK/small.sqlite" --quiet
URL=$(new_database small)
"$BIN" build "$SMALL" --store "$URL" --quiet
"$BIN" export --store "$WORK/small.sqlite" --format json --output "$WORK/small-sqlite.json"
"$BIN" export --store "$URL" --format json --output "$WORK/small-postgres.json"
cmp "$WORK/small-sqlite.json" "$WORK/small-postgres.json"
"$BIN" build "$SMALL" --store "$URL" --quiet
"$BIN" export --store "$URL" --format json --output "$WORK/small-again.json"
cmp "$WORK/small-sqlite.json" "$WORK/small-again.json"
echo "   same JSON export ($(wc -c < "$WORK/small-postgres.json") bytes), unchanged by a second build"

echo "2. two builds at once, each of half of $LARGE"
mkdir -p "$WORK/first" "$WORK/second"
index=0
for file in "$LARGE"/*; do
  if [ $((index % 2)) -eq 0 ]; then ln -s "$(realpath "$file")" "$WORK/first/"; else ln -s "$(realpath "$file")" "$WORK/second/"; fi
  index=$((index + 1))
done
"$BIN" build "$LARGE" --store "$WORK/large.sqlite" --quiet
"$BIN" export --store "$WORK/large.sqlite" --format json --output "$WORK/large-sqlite.json"
canonical "$WORK/large-sqlite.json" > "$WORK/large-sqlite.canonical"
URL=$(new_database halves)
"$BIN" build "$WORK/first" --store "$URL" --quiet &
first=$!
"$BIN" build "$WORK/second" --store "$URL" --quiet &
second=$!
wait $first
wait $second
"$BIN" export --store "$URL" --format json --output "$WORK/halves.json"
canonical "$WORK/halves.json" > "$WORK/halves.canonical"
# The articles in the order they were stored (row ids are given in commit order), built in one go.
mapfile -t order < <(psql -tA "$URL" -c "SELECT path FROM articles ORDER BY id")
[ "${#order[@]}" -eq "$index" ] || { echo "${#order[@]} articles stored of $index"; exit 1; }
"$BIN" build "${order[@]}" --store "$WORK/replay.sqlite" --quiet
"$BIN" export --store "$WORK/replay.sqlite" --format json --output "$WORK/replay.json"
canonical "$WORK/replay.json" > "$WORK/replay.canonical"
diff -q "$WORK/replay.canonical" "$WORK/halves.canonical"
turns=$(printf '%s\n' "${order[@]}" | awk -F/ '{ folder = $(NF - 1) } NR > 1 && folder != last { n++ } { last = folder } END { print n + 0 }')
echo "   all $index articles stored once, the two builders' articles alternating $turns times in the store;"
echo "   the same graph as one build of them in the order they were committed"

echo "3. a build killed with SIGKILL, then built again"
URL=$(new_database killed)
"$BIN" build "$LARGE" --store "$URL" --quiet &
builder=$!
# Until the first batches are in, then at once.
for _ in $(seq 1 600); do
  stored=$(psql -tA "$URL" -c "SELECT CASE WHEN to_regclass('articles') IS NULL THEN 0 ELSE (SELECT count(*) FROM articles) END" 2>/dev/null || echo 0)
  [ "${stored:-0}" -gt 0 ] && break
  sleep 0.1
done
kill -9 $builder 2>/dev/null || true
wait $builder 2>/dev/null || true
stored=$(psql -tA "$URL" -c "SELECT count(*) FROM articles")
"$BIN" stats --store "$URL" > /dev/null
# Every piece of evidence has its article's appearances: no batch was half written.
orphans=$(psql -tA "$URL" -c "SELECT count(*) FROM evidence v WHERE NOT EXISTS (SELECT 1 FROM appearances p WHERE p.article = v.article)")
[ "$orphans" = 0 ] || { echo "evidence of $orphans half-written articles"; exit 1; }
"$BIN" build "$LARGE" --store "$URL" --quiet
"$BIN" export --store "$URL" --format json --output "$WORK/killed.json"
canonical "$WORK/killed.json" > "$WORK/killed.canonical"
diff -q "$WORK/large-sqlite.canonical" "$WORK/killed.canonical"
echo "   killed with $stored of $index articles stored; the next build completed it: the same graph"
echo "4. sslmode, and what cannot be connected to"
# Runs a command that must fail: one line on standard error, nothing on standard output, status 1.
fails_in_one_line() {
  local status=0
  "$@" >"$WORK/out" 2>"$WORK/err" || status=$?
  if [ "$status" -ne 1 ] || [ -s "$WORK/out" ] || [ "$(wc -l < "$WORK/err")" -ne 1 ]; then
    echo "expected one line and status 1, got status $status from: $*"; cat "$WORK/out" "$WORK/err"; exit 1
  fi
  echo "   $(cut -c1-150 "$WORK/err")"
}
# The URL with more query parameters.
with_parameters() {
  case "$1" in *\?*) echo "$1&$2" ;; *) echo "$1?$2" ;; esac
}
if [ "$(psql -tA "$NEWSGRAPH_TEST_POSTGRES" -c "SHOW ssl")" = on ]; then
  "$BIN" stats --store "$(with_parameters "$URL" sslmode=require)" > "$WORK/stats-tls"
  "$BIN" stats --store "$(with_parameters "$URL" sslmode=disable)" > "$WORK/stats-clear"
  cmp "$WORK/stats-tls" "$WORK/stats-clear"
  if [ -n "${NEWSGRAPH_TEST_POSTGRES_ROOTCERT:-}" ]; then
    "$BIN" stats --store "$(with_parameters "$URL" "sslmode=verify-full&sslrootcert=$NEWSGRAPH_TEST_POSTGRES_ROOTCERT")" > "$WORK/stats-verified"
    cmp "$WORK/stats-tls" "$WORK/stats-verified"
    fails_in_one_line env -u PGSSLROOTCERT "$BIN" stats --store "$(with_parameters "$URL" sslmode=verify-full)"
    echo "   the same statistics over sslmode=require, disable and verify-full"
  else
    echo "   the same statistics over sslmode=require and disable (no NEWSGRAPH_TEST_POSTGRES_ROOTCERT: verify-full not checked)"
  fi
else
  echo "   (the server has ssl off: TLS to it is not checked)"
fi
# A server that answers the client's request for TLS with "N", as one with ssl off does.
python3 - "$WORK/port" <<'PYTHON' &
import socket, sys
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
listener.settimeout(30)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(listener.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
client, _ = listener.accept()
client.recv(8)
client.sendall(b"N")
client.settimeout(10)
try:
    while client.recv(512):
        pass
except OSError:
    pass
PYTHON
for _ in $(seq 1 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
fails_in_one_line "$BIN" stats --store "postgres://postgres@127.0.0.1:$(cat "$WORK/port")/newsgraph?sslmode=require&connect_timeout=5"
wait
fails_in_one_line "$BIN" stats --store "$(with_parameters "$URL" sslmode=sometimes)"
fails_in_one_line "$BIN" stats --store "postgres://postgres@127.0.0.1:1/newsgraph?connect_timeout=2"
echo "postgres check: 4 passed, 0 failed"
