#!/usr/bin/env bash
# Counts the public API of the NewsGraph library product: the public symbols of the NewsGraph
# module and of the five modules it re-exports, read from their symbol graphs (what DocC and a
# client's compiler see). Fails when the count grows past CEILING, so a declaration made public
# by habit rather than decision shows up in `make test`; lower CEILING when the front shrinks,
# raise it only for a deliberate addition to the front (Sources/NewsGraph/Exports.swift).
#
#   Scripts/count_public_api.sh           per-module counts and the total, checked against CEILING
#   Scripts/count_public_api.sh --list    also every public symbol, one per line
#
# It also type-checks Examples/NeighborsExample as a client outside the package, which sees only
# the public front.
#
# It builds the NewsGraph target first with the caller's environment (so after `swift test` the
# build is already there; set NEWSGRAPH_WITHOUT_NETWORK=1 for a lean build of your own).
# Synthesized members (protocol default implementations, `!=` from Equatable) are not counted:
# they are not declarations of this package. A symbol re-exported into two graphs counts once.
set -euo pipefail
cd "$(dirname "$0")/.."

CEILING=${PUBLIC_API_CEILING:-305}
MODULES="KnowledgeGraph EntityRecognition RelationExtraction GraphStore GraphExport NewsGraph"
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# The build's output (and SwiftPM's notes about dependencies' stray files) only when it fails.
"$SWIFT" build --target NewsGraph >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
BIN=$("$SWIFT" build --show-bin-path 2>/dev/null)
TRIPLE=$("$SWIFT" -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')
for module in $MODULES; do
  mkdir "$OUT/$module"
  # The C modules the Swift modules import are found through their module maps: the package's
  # own (Graphviz, zlib, SQLite settings) and GRDB's SQLite.
  "$SWIFT" symbolgraph-extract -module-name "$module" -target "$TRIPLE" -I "$BIN/Modules" -I Sources/CGraphviz -I Sources/CZlib -I Sources/CSQLiteConfig -I .build/checkouts/GRDB.swift/Sources/GRDBSQLite \
    -minimum-access-level public -skip-synthesized-members -output-dir "$OUT/$module"
done

# The front must be enough for a client: the example program is type-checked as code outside the
# package would be (no -package-name, so `package` declarations are out of its sight).
"$SWIFTC" -typecheck -target "$TRIPLE" -I "$BIN/Modules" -I Sources/CGraphviz -I Sources/CZlib -I Sources/CSQLiteConfig \
  -I .build/checkouts/GRDB.swift/Sources/GRDBSQLite Examples/NeighborsExample/main.swift

python3 - "$OUT" "$CEILING" "${1:-}" $MODULES <<'EOF'
import glob, json, os, sys

out, ceiling, option, modules = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
seen = {}
for module in modules:
    count = 0
    for path in sorted(glob.glob(os.path.join(out, module, "*.symbols.json"))):
        for symbol in json.load(open(path))["symbols"]:
            identifier = symbol["identifier"]["precise"]
            if symbol["accessLevel"] not in ("public", "open") or identifier in seen:
                continue
            seen[identifier] = module + " " + ".".join(symbol["pathComponents"])
            count += 1
    print(f"{module:20} {count:4}")
print(f"{'total':20} {len(seen):4}  (ceiling {ceiling})")
if option == "--list":
    for line in sorted(seen.values()):
        print("  " + line)
if len(seen) > ceiling:
    print(f"the public API grew past its ceiling ({len(seen)} > {ceiling}): make the new declarations package "
          "or internal, or raise CEILING in Scripts/count_public_api.sh for a deliberate addition to the front",
          file=sys.stderr)
    sys.exit(1)
EOF
