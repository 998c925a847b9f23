#!/usr/bin/env bash
# libFuzzer targets for every parser of untrusted input (see README, "Fuzzing").
#   Tests/Fuzz/run.sh [target...]     FUZZ_SECONDS (default 60) per target, FUZZ_JOBS (default 2) at once
# Builds with swiftc directly into .build-fuzz/ (the normal .build is untouched): each module
# once as a static library with its harness (Tests/Fuzz/Harness), then one small binary per
# target. Runs each from the committed seeds in Tests/Fuzz/corpus/<target>/ (read-only; new
# inputs go to a temporary directory). A crash's input is copied into the corpus as
# regression-<hash>, where `swift test` replays it (HTTPTests/FuzzCorpusTests), and the run fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BUILD=$ROOT/.build-fuzz
SECONDS_EACH=${FUZZ_SECONDS:-60}
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)
# FUZZ_BUILD_LOCK: a lock file to hold while compiling (the machine's build lock, if any).
LOCK=()
if [ -n "${FUZZ_BUILD_LOCK:-}" ]; then LOCK=(flock "$FUZZ_BUILD_LOCK"); fi

# target:module:harness function
TARGETS=(
  http-request:HTTP:FuzzHTTP.requestParser
  multipart:HTTP:FuzzHTTP.multipart
  urlencoded-form:HTTP:FuzzHTTP.urlencodedForm
  csv:Domain:FuzzDomain.csv
  agreement-csv:Domain:FuzzDomain.agreementCSV
  area-csv:Domain:FuzzDomain.areaCSV
  dutch-number:Markup:FuzzMarkup.number
  dutch-money:Markup:FuzzMarkup.money
  dutch-date:Domain:FuzzDomain.date
)
WANTED=("$@")

mkdir -p "$BUILD"
cat > "$BUILD/CSystem.modulemap" <<MAP
module CSystem [system] {
  header "$ROOT/Sources/CSystem/include/CSystem.h"
  export *
}
MAP

build_module() {
  local module=$1
  local sources
  # HTTP's entry points are part of the module (Sources/HTTP/FuzzEntries.swift); Domain's and
  # Markup's are added here only.
  mapfile -t sources < <(find "Sources/$module" -name '*.swift' | sort; find Tests/Fuzz/Harness -name "${module}Harness.swift")
  local library=$BUILD/lib$module.a
  if [ -f "$library" ] && [ -z "$(find "${sources[@]}" -newer "$library" | head -1)" ]; then return; fi
  echo "fuzz: building $module"
  # -j: the module's files compiled on every core (swiftc compiles one batch at a time otherwise).
  "${LOCK[@]}" swiftc "${FLAGS[@]}" -j "$(nproc)" -module-name "$module" -emit-module -emit-module-path "$BUILD/$module.swiftmodule" \
    -emit-library -static -o "$library" -Xcc -fmodule-map-file="$BUILD/CSystem.modulemap" "${sources[@]}" \
    2> >(grep -v "Cannot export local symbol" >&2)
}

build_target() {
  local name=$1 module=$2 function=$3
  local entry=$BUILD/$name.swift binary=$BUILD/$name
  # Written to a new file and moved over the old one only when it changed, so an unchanged
  # target is not linked again.
  cat > "$entry.new" <<SWIFT
import $module

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    $function(size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : [])
    return 0
}
SWIFT
  if cmp -s "$entry.new" "$entry"; then rm "$entry.new"; else mv "$entry.new" "$entry"; fi
  if [ -f "$binary" ] && [ "$binary" -nt "$BUILD/lib$module.a" ] && [ "$binary" -nt "$entry" ]; then return; fi
  "${LOCK[@]}" swiftc "${FLAGS[@]}" -I "$BUILD" -L "$BUILD" -l"$module" -lFoundation -Xcc -fmodule-map-file="$BUILD/CSystem.modulemap" \
    "$entry" -o "$binary" 2> >(grep -v "Cannot export local symbol" >&2)
}

selected() {
  [ ${#WANTED[@]} -eq 0 ] && return 0
  local want
  for want in "${WANTED[@]}"; do [ "$want" = "$1" ] && return 0; done
  return 1
}

modules=()
for spec in "${TARGETS[@]}"; do
  IFS=: read -r name module function <<<"$spec"
  selected "$name" || continue
  [[ " ${modules[*]} " == *" $module "* ]] || { build_module "$module"; modules+=("$module"); }
  build_target "$name" "$module" "$function"
done

# Two targets at a time (FUZZ_JOBS; libFuzzer runs one process on one core), each for the same
# FUZZ_SECONDS as before: the same fuzzing per target in about half the wall time on two cores.
# Each target writes its line to its own file; the summary lists them in TARGETS' order.
JOBS=${FUZZ_JOBS:-2}
fuzz_target() {
  local name=$1
  local seeds=Tests/Fuzz/corpus/$name
  mkdir -p "$seeds"
  local work
  work=$(mktemp -d)
  mkdir -p "$work/corpus"
  local log=$BUILD/$name.log
  local status=0
  "$BUILD/$name" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$seeds" > "$log" 2>&1 || status=$?
  local cov ft runs speed line
  # (|| true: a target that dies before its first stats line still gets its line and status.)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  runs=$(awk '/stat::number_of_executed_units:/ { print $2 }' "$log")
  speed=$(awk '/stat::average_exec_per_sec:/ { print $2 }' "$log")
  line=$(printf '%-16s %4ss  runs %10s  exec/s %7s  cov %5s  ft %6s' "$name" "$SECONDS_EACH" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}")
  for artifact in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
    [ -e "$artifact" ] || continue
    base=$(basename "$artifact")
    cp "$artifact" "$seeds/regression-${base#*-}"
    line="$line  FOUND $base -> $seeds/regression-${base#*-}"
  done
  if [ "$status" -ne 0 ]; then
    line="$line  FAILED (exit $status, log $log)"
    grep -m 20 -E 'ERROR|Fatal error|precondition|SUMMARY|==[0-9]+==' "$log" >&2 || true
  fi
  rm -rf "$work"
  echo "$line"
  # The exit status, read back by the loop below: a background job's own status is lost to wait -n.
  echo "$line" > "$BUILD/$name.result"
  echo "$status" > "$BUILD/$name.status"
}

summary=$BUILD/summary.txt
: > "$summary"
running=0
for spec in "${TARGETS[@]}"; do
  IFS=: read -r name module function <<<"$spec"
  selected "$name" || continue
  rm -f "$BUILD/$name.result" "$BUILD/$name.status"
  if [ "$running" -ge "$JOBS" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_target "$name" &
  running=$((running + 1))
done
wait
failed=0
for spec in "${TARGETS[@]}"; do
  IFS=: read -r name module function <<<"$spec"
  selected "$name" || continue
  # A target whose runner died before writing its status failed too.
  status=$(cat "$BUILD/$name.status" 2>/dev/null || echo missing)
  [ "$status" = 0 ] || failed=1
  cat "$BUILD/$name.result" >> "$summary" 2>/dev/null || echo "$name  FAILED (no result)" >> "$summary"
done
exit $failed
