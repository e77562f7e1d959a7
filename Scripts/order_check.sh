#!/usr/bin/env bash
# Checks that the graph does not depend on the order articles arrive in (issue 17).
#
#   Scripts/order_check.sh [SEEDS] [CORPUS...]
#
# Builds the articles of the corpora (default: ../shared/corpus/{test,dev,train}) into fresh stores,
# once in sorted order, once in reverse sorted order and once per seed in a seeded random order
# (SEEDS: how many, default 3; seeds 1..SEEDS), then in seed 1's order by `build` calls of 50
# files each ("chunked") and by three `build` calls at once into one store ("concurrent"), exports
# each store as JSON, sorts its lines and prints the number of `diff` lines against the sorted
# order's export. For the first corpus alone and for all corpora together. It compares store
# behaviour only: no gold, no scoring.
# Uses the release binary (NEWSGRAPH, default .build/release/newsgraph); build it first with
#   NEWSGRAPH_WITHOUT_NETWORK=1 swift build -c release -Xswiftc -enforce-exclusivity=unchecked --product newsgraph
# The exports stay in $ORDER_CHECK_DIR (default a temporary folder) for a closer look.
# Exit status 1 when any order differs.
set -uo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-3}
shift || true
corpora=("$@")
[ ${#corpora[@]} -eq 0 ] && corpora=(../shared/corpus/test ../shared/corpus/dev ../shared/corpus/train)
newsgraph=${NEWSGRAPH:-.build/release/newsgraph}
work=${ORDER_CHECK_DIR:-$(mktemp -d)}
mkdir -p "$work"
[ -x "$newsgraph" ] || { echo "order_check: no binary at $newsgraph" >&2; exit 2; }

# Prints the files of the given folders, one a line, in the order named by $1.
order() {
  local how=$1
  shift
  find "$@" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -path '*/articles/*' | LC_ALL=C sort |
    python3 -c '
import random, sys
files = [line.rstrip("\n") for line in sys.stdin]
how = sys.argv[1]
if how == "reverse":
    files.reverse()
elif how.startswith("seed"):
    random.Random(int(how[4:])).shuffle(files)
elif how in ("chunked", "concurrent"):
    random.Random(1).shuffle(files)
print("\n".join(files))
' "$how"
}

# Builds the files of `order` into a new store and writes its sorted JSON export.
build() {
  local name=$1 how=$2
  shift 2
  local store=$work/$name-$how.sqlite
  rm -f "$store" "$store-wal" "$store-shm"
  local files=()
  mapfile -t files < <(order "$how" "$@")
  local failed=0
  case $how in
    chunked)
      for ((start = 0; start < ${#files[@]}; start += 50)); do
        "$newsgraph" build --quiet --store "$store" "${files[@]:start:50}" >/dev/null || failed=1
      done
      ;;
    concurrent)
      local third=$(((${#files[@]} + 2) / 3)) pids=()
      for start in 0 "$third" $((2 * third)); do
        "$newsgraph" build --quiet --store "$store" "${files[@]:start:third}" >/dev/null &
        pids+=($!)
      done
      for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
      ;;
    *) "$newsgraph" build --quiet --store "$store" "${files[@]}" >/dev/null || failed=1 ;;
  esac
  [ $failed -eq 0 ] || { echo "order_check: build failed ($name, $how)" >&2; exit 2; }
  "$newsgraph" export --format json --store "$store" | LC_ALL=C sort >"$work/$name-$how.sorted.json"
}

status=0
check() {
  local name=$1
  shift
  local orders=(reverse)
  for seed in $(seq 1 "$seeds"); do orders+=("seed$seed"); done
  orders+=(chunked concurrent)
  build "$name" sorted "$@"
  local line="$name:"
  for how in "${orders[@]}"; do
    build "$name" "$how" "$@"
    local lines
    lines=$(diff "$work/$name-sorted.sorted.json" "$work/$name-$how.sorted.json" | grep -c '^[<>]')
    line+=" $how $lines"
    [ "$lines" -eq 0 ] || status=1
  done
  echo "$line"
}

check "$(basename "${corpora[0]}")" "${corpora[0]}"
[ ${#corpora[@]} -gt 1 ] && check all "${corpora[@]}"
echo "exports in $work"
exit $status
