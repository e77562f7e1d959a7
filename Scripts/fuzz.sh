#!/usr/bin/env bash
# Runs each libFuzzer target for a set time, one after another (see Fuzz/README.md).
#
#   Scripts/fuzz.sh SECONDS TARGET...      (make fuzz builds the targets first, then calls this)
#
# Each target starts from its seeds (Fuzz/Corpus/<target>) and the inputs earlier runs kept
# (.build/fuzz/corpus/<target>); a failing input is written to .build/fuzz/artifacts/<target>/ and
# the run's log to .build/fuzz/<target>.log. Prints one line per target: runs, executions per
# second, and what it found. Exit status 1 when any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=$1
shift
bin=.build/fuzz/release
# A failing check calls fatalError: libFuzzer's own handler saves the input at once, instead of
# Swift's backtracer holding the process for its report.
export SWIFT_BACKTRACE=enable=no
failed=0
for target in "$@"; do
  name=$(echo "$target" | tr '[:upper:]' '[:lower:]')
  corpus=.build/fuzz/corpus/$name
  artifacts=.build/fuzz/artifacts/$name
  log=.build/fuzz/$name.log
  mkdir -p "$corpus" "$artifacts"
  options=(-max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" -rss_limit_mb=2048)
  case $name in
    # Articles up to 16 KB, long enough for runs of sentences, names and quotes; each must take
    # under 10 s (a slow input is a finding: extraction is meant to be linear).
    extraction) options+=(-max_len=16384 -timeout=10 -dict=Fuzz/extraction.dict) ;;
    # Graphviz and fontconfig allocate caches on first use of a code path and keep them:
    # LeakSanitizer would report each as a leak of the input that reached it. The RSS limit still
    # catches memory that grows run after run.
    dot|svg) options+=(-max_len=2048 -timeout=10 -detect_leaks=0) ;;
    *) options+=(-max_len=2048 -timeout=10) ;;
  esac
  # The same for the sanitizer's own leak check at exit.
  case $name in dot|svg) leaks=0 ;; *) leaks=1 ;; esac
  echo "fuzz $name: ${seconds}s (log: $log)"
  ASAN_OPTIONS=detect_leaks=$leaks "$bin/Fuzz$target" "${options[@]}" "$corpus" "Fuzz/Corpus/$name" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(ls "$artifacts" 2>/dev/null | wc -l)
  if [ "$status" -eq 0 ]; then
    echo "fuzz $name: clean, ${runs:-?} runs (${rate:-?}/s), corpus $(ls "$corpus" | wc -l) inputs"
  else
    failed=1
    echo "fuzz $name: FAILED (status $status) after ${runs:-?} runs; $found input(s) in $artifacts/:"
    grep -m 3 -E "Fatal error|ERROR: |SUMMARY" "$log" | sed 's/^/    /'
    echo "    replay: SWIFT_BACKTRACE=enable=no $bin/Fuzz$target $artifacts/<file>"
  fi
done
exit $failed
