#!/usr/bin/env bash
# The Swift tests, run from the built test bundle in five processes at once (make test-fast).
#
# Swift Testing runs a process's tests in parallel on the cooperative thread pool, one thread per
# core; the dozen tests that wait (for a server's time-out, a killed process, zbarimg) hold a
# thread while they wait, and on two cores the rest queue behind them. Five processes have five
# pools: the waiting overlaps with the work. The groups are complements, so every test runs once
# whatever new suite is added: the first group is everything outside AppTests and HTTPTests.
# Usage: Tests/run-swift-tests.sh BUNDLE
set -uo pipefail
bundle=${1:?the test bundle, e.g. .build/tests/release/PlusIKCPackageTests.xctest}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# About the same time in each group: the HTTP tests (a dozen wait for time-outs) alone, the
# Store tests with the small suites.
groups=(
  "--skip ^(AppTests|HTTPTests)\."
  "--filter ^HTTPTests\."
  "--filter ^AppTests\.[A-C]"
  "--filter ^AppTests\.[D-M]"
  "--filter ^AppTests\.[^A-M]"
)
# The tests' temporary files (every test's copy of a template database, its WAL and the fsyncs
# of closing it) in memory when /dev/shm is there (PLUSIKC_TEST_TMPDIR=DIR: in DIR instead):
# about half a second less of the kernel's CPU time per run than on a disk.
if [ -z "${PLUSIKC_TEST_TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then PLUSIKC_TEST_TMPDIR=/dev/shm; fi
run=$logs
if [ -n "${PLUSIKC_TEST_TMPDIR:-}" ] && scratch=$(mktemp -d "$PLUSIKC_TEST_TMPDIR/plusikc-tests-XXXXXX"); then
  trap 'rm -rf "$logs" "$scratch"' EXIT
  export TMPDIR=$scratch
  run=$scratch
fi
# One folder of template databases for the five: each kind is migrated and seeded once per run.
export PLUSIKC_TEST_TEMPLATES="$run/templates"
pids=()
for index in "${!groups[@]}"; do
  # shellcheck disable=SC2086  # each group is an option and its pattern
  "$bundle" --testing-library swift-testing ${groups[$index]} >"$logs/$index.log" 2>&1 &
  pids+=($!)
done
failed=()
for index in "${!pids[@]}"; do
  wait "${pids[$index]}" || failed+=("$index")
done
for index in "${!groups[@]}"; do
  echo "tests ${groups[$index]}: $(tail -n 1 "$logs/$index.log")"
done
for index in "${failed[@]}"; do
  # A failing group's whole log, less the lines of what started and passed.
  echo "--- tests ${groups[$index]}:"
  grep -v -E '^[^A-Za-z]*(◇|✔|↳)' "$logs/$index.log"
done
[ ${#failed[@]} -eq 0 ]
