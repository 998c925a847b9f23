#!/usr/bin/env bash
# make bench: the release server on a temporary demo database (30 IKCs), loaded with wrk on
# this machine beside nginx (and Hummingbird when ../shared/peers/run.sh has built it), all
# serving the same bytes from a bench-only public folder: /health, the peers' 5 KB stylesheet
# (/static/site.css), a 200 KB file (/static/scan.pdf) and, logged in, /ikcs. compare.py runs
# ROUNDS alternating rounds of DURATION-second cells and prints per server the median req/s,
# its spread, the median p99 and the ratio to nginx, with how busy the rest of the machine was,
# and the resident memory after 256 connections. Then: 1,000 idle keep-alive connections, the
# p50 of sequential requests for the heavier pages against their goals (the largest agreement,
# the compare page, the funding overview, the report draft of the plain demo), and the write
# path (write.sh: the targets grid saved over HTTP at 1 and 16 clients against the raw
# transaction through our SQLite layer).
#
#   Tests/Bench/run.sh            DURATION=4 seconds a cell, ROUNDS=3; PEERS_DIR=../shared/peers; BENCH_EMAIL / BENCH_PASSWORD override
#                                 the demo log-in read from the demo accounts file; NO_BUILD=1 and
#                                 PLUSIKC_BIN=path run an already built binary; PAGE_REQUESTS=200
#                                 sequential requests per page.
#   Tests/Bench/run.sh --compare  only the comparison with nginx (and Hummingbird).
#   Tests/Bench/run.sh --write    only the write path (write.sh; WRITE_ROUNDS=3 rounds of WRITE_SECONDS=5 each).
#   Tests/Bench/run.sh --report   (make bench-report) only the report draft at 9, 30, 100 and
#                                 300 IKCs (plain demo and `seed-demo --ikcs N`), to show how it
#                                 scales; REPORT_REQUESTS=30 sequential requests per size.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
here=Tests/Bench
mode=${1:-all}
duration=${DURATION:-4}
rounds=${ROUNDS:-3}
peers=${PEERS_DIR:-../shared/peers}
page_requests=${PAGE_REQUESTS:-200}
bin=${PLUSIKC_BIN:-.build/release/plusikc}

missing=()
for tool in wrk curl python3 nginx; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

[ "${NO_BUILD:-0}" = 1 ] || swift build -c release --product plusikc

work=$(mktemp -d /tmp/plusikc-bench.XXXXXX)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT INT TERM

# make_db NAME [IKCS]: a migrated demo database (plain demo without IKCS) at $work/NAME.sqlite.
make_db() {
  local db=$work/$1.sqlite
  "$bin" migrate --db "$db" >/dev/null
  if [ -n "${2:-}" ]; then "$bin" seed-demo --db "$db" --ikcs "$2" >/dev/null; else "$bin" seed-demo --db "$db" >/dev/null; fi
  echo "$db"
}

# start_server DB [SERVE OPTIONS]: the server on a free loopback port; sets base, port and server_pid.
start_server() {
  local db=$1 name
  shift
  name=$(basename "$db" .sqlite)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  base=http://127.0.0.1:$port
  # The access log goes to a file: a terminal would slow the server down.
  "$bin" serve --db "$db" --port "$port" "$@" >"$work/server-$name.out" 2>"$work/server-$name.log" &
  server_pid=$!
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$base/health" 2>/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $work/server-$name.log" >&2; exit 1; }
    sleep 0.1
  done
}

# log_in DB: logs in as the first demo account (or BENCH_EMAIL); sets cookie ("" on failure) and note.
log_in() {
  local db=$1 jar=$work/cookies.txt email=${BENCH_EMAIL:-} password=${BENCH_PASSWORD:-}
  local accounts="$db.demo-accounts.txt" line csrf login_status ikcs_status
  rm -f "$jar"
  cookie=""
  note=""
  if [ -z "$email" ] && [ -f "$accounts" ]; then
    line=$(grep -m1 -E '[^[:space:]]+@[^[:space:]]+' "$accounts" || true)
    email=$(grep -oE '[^[:space:]:,;/]+@[^[:space:]:,;/]+' <<<"$line" | head -1 || true)
    password=$(sed -E "s/.*${email//./\\.}//" <<<"$line" | sed -E 's/^[[:space:]:,;/|-]*((password|wachtwoord)[[:space:]:=]*)?//I' | awk '{print $1}')
  fi
  login_status=$(curl -s -o "$work/login.html" -w '%{http_code}' -c "$jar" -b "$jar" "$base/login" || echo 000)
  if [ "$login_status" != 200 ]; then
    note="skipped the logged-in pages: GET /login answered $login_status (no log-in page yet)"
  elif [ -z "$email" ]; then
    note="skipped the logged-in pages: no demo account found in $accounts (set BENCH_EMAIL and BENCH_PASSWORD)"
  else
    csrf=$(form_value csrf "$work/login.html")
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
         --data-urlencode "csrf=$csrf" "$base/login" || true
    cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
    ikcs_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/ikcs" || echo 000)
    [ "$ikcs_status" = 200 ] || { note="skipped the logged-in pages: GET /ikcs answered $ikcs_status after logging in as $email"; cookie=""; }
  fi
}

# form_value NAME FILE: the value of the first input named NAME in an HTML file.
form_value() {
  grep -oE "name=\"$1\"[^>]*value=\"[^\"]*\"|value=\"[^\"]*\"[^>]*name=\"$1\"" "$2" | head -1 |
    grep -oE 'value="[^"]*"' | sed -E 's/value="([^"]*)"/\1/' || true
}

# sql DB QUERY: one value from the database (python3's sqlite3, no CLI needed).
sql() {
  python3 -c 'import sqlite3, sys; r = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r and r[0] is not None else "")' "$1" "$2"
}

# report_table TITLE: prints "$@"-style rows collected in the array rows_out.
check_goal() {  # check_goal P50_MS GOAL_MS -> "ok" or "OVER"
  python3 -c 'import sys; print("ok" if float(sys.argv[1]) < float(sys.argv[2]) else "OVER")' "$1" "$2"
}

if [ "$mode" = --report ]; then
  # ---- make bench-report: the report draft at 9, 30, 100, 300 IKCs -------------------------
  report_requests=${REPORT_REQUESTS:-30}
  year=${REPORT_YEAR:-2024}
  lines=()
  indicator_lines=()
  for size in ${REPORT_SIZES:-9 30 100 300}; do
    if [ "$size" = 9 ]; then db=$(make_db report-9); else db=$(make_db "report-$size" "$size"); fi
    ikcs=$(sql "$db" "SELECT COUNT(*) FROM ikcs WHERE kind = 'plus'")
    # The newest version of each IKC's agreement: its results and their yearly targets.
    per_ikc=$(sql "$db" "WITH newest AS (SELECT v.id FROM agreement_versions v JOIN agreements a ON a.id = v.agreement_id
                          WHERE v.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id))
                          SELECT printf('%.1f results, %.1f target years per result',
                            (SELECT COUNT(*) FROM agreement_results WHERE version_id IN newest) * 1.0 / (SELECT COUNT(*) FROM newest),
                            (SELECT COUNT(*) FROM result_targets t JOIN agreement_results r ON r.id = t.result_id WHERE r.version_id IN newest) * 1.0 /
                            (SELECT COUNT(*) FROM agreement_results WHERE version_id IN newest))")
    plans=$(sql "$db" "SELECT COUNT(*) FROM year_plans WHERE year = $year")
    start_server "$db"
    log_in "$db"
    [ -n "$cookie" ] || { echo "$note" >&2; exit 1; }
    read -r _ p50 p90 status bytes < <("$here/latency.py" "$base" "$cookie" "$report_requests" "/reports/$year")
    # The programme view of one library indicator (issue 18): goal under 100 ms at 300 IKCs.
    read -r _ ip50 ip90 istatus ibytes < <("$here/latency.py" "$base" "$cookie" "$report_requests" "/indicators/1")
    stop_server
    indicator_lines+=("$(printf '%6s %10s %10s %9s %6s' "$size" "$ip50" "$ip90" "$ibytes" "$istatus")")
    lines+=("$(printf '%6s %6s %8s %10s %10s %9s  %s' "$size" "$ikcs" "$plans" "$p50" "$p90" "$bytes" "$per_ikc")")
    eval "p50_$size=$p50"
  done
  echo
  echo "The report draft /reports/$year, p50 of $report_requests sequential requests (ms):"
  printf '%6s %6s %8s %10s %10s %9s  %s\n' IKCs plus "plans" p50 p90 bytes "data per IKC"
  printf '%s\n' "${lines[@]}"
  echo "The indicator page /indicators/1, p50 of $report_requests sequential requests (ms):"
  printf '%6s %10s %10s %9s %6s\n' IKCs p50 p90 bytes status
  printf '%s\n' "${indicator_lines[@]}"
  python3 - "$p50_9" "$p50_30" "$p50_100" "$p50_300" <<'PY'
import sys
t = dict(zip([9, 30, 100, 300], map(float, sys.argv[1:])))
print("per IKC (ms):", ", ".join(f"{n}: {t[n] / n:.3f}" for n in t))
print(f"300 vs 100 IKCs: {t[300] / t[100]:.2f}x the time for 3x the IKCs "
      f"({'no faster than linear' if t[300] / t[100] <= 3.3 else 'FASTER THAN LINEAR'}); "
      f"goal at 300 IKCs < 500 ms: {'ok' if t[300] < 500 else 'OVER'}")
PY
  echo "(server logs in $work)"
  exit 0
fi

if [ "$mode" = --write ]; then
  # ---- Only the write path (write.sh), on its own 30-IKC database and server ----
  db=$(make_db write 30)
  start_server "$db"
  "$here/write.sh" "$bin" "$db" "$base" "$work"
  echo "(server logs in $work)"
  exit 0
fi

# ---- Ours beside nginx (and Hummingbird when built) on the same bytes, in alternating rounds ----
# A bench-only public folder: our own files plus the peers' 5 KB stylesheet (/static/site.css)
# and a 200 KB file (/static/scan.pdf, a signed-agreement scan's size class), served by both.
public=$work/public
mkdir -p "$public"
cp -R Public/. "$public/"
cp "$peers/public/site.css" "$public/site.css"
python3 -c 'import random, sys; random.seed(24); sys.stdout.buffer.write(bytes(random.getrandbits(8) for _ in range(200 * 1024)))' >"$public/scan.pdf"
chmod -R a+rX "$work"   # nginx's workers run as an unprivileged user

db=$(make_db bench 30)
start_server "$db" --public "$public"
log_in "$db"

nginx_pid="" hb_pid=""
stop_peers() {
  for pid in $nginx_pid $hb_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $nginx_pid $hb_pid; do wait "$pid" 2>/dev/null || true; done
  nginx_pid="" hb_pid=""
}
trap 'stop_peers; stop_server' EXIT INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_health() { for _ in $(seq 100); do curl -fsS -o /dev/null "$1/health" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
servers=()
if command -v nginx >/dev/null; then
  # The peers' nginx.conf (2 workers, sendfile, `return 200 ok`), pointed at the bench folder.
  nginx_port=$(free_port)
  mkdir -p "$work/nginx"
  sed -e "s|listen 127.0.0.1:[0-9]*;|listen 127.0.0.1:$nginx_port;|" -e "s|/tmp/peers-nginx|$work/nginx|g" \
      -e "s|alias public/;|alias $public/;|" -e "s|text/html html;|text/html html; application/pdf pdf;|" \
      "$peers/nginx.conf" >"$work/nginx/nginx.conf"
  nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" >"$work/nginx.log" 2>&1 &
  nginx_pid=$!
  wait_health "http://127.0.0.1:$nginx_port" && servers+=(--server nginx "http://127.0.0.1:$nginx_port" "$nginx_pid" /health,/static/site.css,/static/scan.pdf)
fi
ours_endpoints=/health,/static/site.css,/static/scan.pdf
[ -n "$cookie" ] && ours_endpoints+=,/ikcs
servers+=(--server ours "$base" "$server_pid" "$ours_endpoints")
# Hummingbird only when ../shared/peers/run.sh has built it (its build needs its packages).
hb_bin=${HB_BIN:-/tmp/peers-build/hummingbird-peer/release/HummingbirdPeer}
hb_note="Hummingbird: not built ($hb_bin missing; ../shared/peers/run.sh builds it), not in this run"
if [ -x "$hb_bin" ]; then
  python3 "$peers/make_db.py" "$work/hb.sqlite" >/dev/null
  hb_port=$(free_port)
  "$hb_bin" --port "$hb_port" --db "$work/hb.sqlite" --public "$public" >"$work/hb.log" 2>&1 &
  hb_pid=$!
  if wait_health "http://127.0.0.1:$hb_port"; then
    servers+=(--server hummingbird "http://127.0.0.1:$hb_port" "$hb_pid" /health,/static/site.css,/static/scan.pdf,/ikcs)
    hb_note=""
  fi
fi
# The same request bytes for every server: our session cookie goes to the peers too (a browser
# sends it with every request to the site, stylesheets included); they ignore it.
if [ -n "$cookie" ]; then
  for name in nginx ours hummingbird; do servers+=(--cookie "$name" "$cookie"); done
fi
cells=()
for cell in "/health 1" "/health 64" "/health 256" "/static/site.css 64" "/static/site.css 256" \
            "/static/scan.pdf 64" "/static/scan.pdf 256" "/ikcs 64" "/ikcs 256"; do
  read -r endpoint connections <<<"$cell"
  [ "$endpoint" = /ikcs ] && [ -z "$cookie" ] && continue
  cells+=(--cell "$endpoint" "$connections")
done
for endpoint in /health /static/site.css /static/scan.pdf; do   # warm-up
  wrk -t2 -c64 -d1s "$base$endpoint" >/dev/null 2>&1 || true
done
"$here/compare.py" --rounds "$rounds" --duration "$duration" "${servers[@]}" "${cells[@]}" | tee "$work/compare.txt"
stop_peers
# The validators survive: the stylesheet again with its ETag answers 304 without a body.
etag=$(curl -sI "$base/static/site.css" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
revalidated=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "If-None-Match: $etag" "$base/static/site.css")
echo "GET /static/site.css with If-None-Match: $etag -> $revalidated (status, body bytes)"
[ "$mode" = --compare ] && { [ -n "$hb_note" ] && echo "$hb_note"; echo "(wrk output and the server logs are in $work)"; exit 0; }

# ---- 1,000 idle keep-alive connections held open while /health and /ikcs are loaded again ----
idle_rows=()
ulimit -n 8192 2>/dev/null || true
idle_endpoints=(/health)
[ -n "$cookie" ] && idle_endpoints+=(/ikcs)
# Three pairs (without, with) in turn per endpoint: one 4 s cell moves by ±15 % on its own.
for endpoint in "${idle_endpoints[@]}"; do
  headers=()
  [ "$endpoint" = /ikcs ] && headers=(-H "Cookie: $cookie")
  idle_duration=$(( duration < 10 ? duration : 10 ))
  pairs=()
  for _ in 1 2 3; do
    before=$(wrk -t2 -c64 -d"${idle_duration}s" "${headers[@]}" "$base$endpoint" 2>&1 | awk '/Requests\/sec/ {print $2}')
    "$here/idle.py" 127.0.0.1 "$port" 1000 >"$work/idle.out" 2>&1 &
    idle_pid=$!
    for _ in $(seq 200); do grep -q ready "$work/idle.out" 2>/dev/null && break; sleep 0.1; done
    with_idle=$(wrk -t2 -c64 -d"${idle_duration}s" "${headers[@]}" "$base$endpoint" 2>&1 | awk '/Requests\/sec/ {print $2}')
    idle_rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$server_pid/status" 2>/dev/null || echo "?")
    held=$(head -1 "$work/idle.out")
    kill "$idle_pid" 2>/dev/null || true
    wait "$idle_pid" 2>/dev/null || true
    pairs+=("${before:-0}:${with_idle:-0}")
  done
  summary=$(python3 -c '
import statistics, sys
pairs = [tuple(float(x) for x in p.split(":")) for p in sys.argv[1:]]
changes = [(b - a) / a * 100 for a, b in pairs if a]
rate = lambda i: statistics.median(p[i] for p in pairs)
print(f"{rate(0):12.0f} {rate(1):12.0f} {statistics.median(changes):+7.1f}%   (pairs: " + ", ".join(f"{c:+.0f} %" for c in changes) + ")" if changes else "? ? ?")
' "${pairs[@]}")
  idle_rows+=("$(printf '%-24s %s; %s held: %s; server RSS %s' "$endpoint" "$summary" "1000 idle" "$held" "$idle_rss")")
done


# ---- The write path: the targets grid over HTTP at 1 and 16 clients against the raw transaction ----
write_report=""
if [ "${SKIP_WRITE:-0}" != 1 ]; then
  write_report=$("$here/write.sh" "$bin" "$db" "$base" "$work" 2>"$work/write.err" || echo "write benchmark failed: $(tail -3 "$work/write.err")")
fi

# ---- The heavier pages: p50 of sequential requests at one connection, against their goals ----
pages=()
if [ -n "$cookie" ]; then
  # The largest agreement: the most results, yearly targets and contributions in its newest version.
  agreement=$(sql "$db" "SELECT a.id FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
                         AND v.number = (SELECT MAX(number) FROM agreement_versions WHERE agreement_id = a.id)
                         ORDER BY (SELECT COUNT(*) FROM agreement_results r JOIN result_targets t ON t.result_id = r.id WHERE r.version_id = v.id)
                                + (SELECT COUNT(*) FROM contributions c WHERE c.version_id = v.id) DESC, a.id LIMIT 1")
  read -r _ agreement_p50 _ agreement_status _ < <("$here/latency.py" "$base" "$cookie" "$page_requests" "/agreements/$agreement")
  # A second version to compare with: an amendment started through the form, as a user would.
  to=$(sql "$db" "SELECT MAX(v.number) FROM agreement_versions v WHERE v.agreement_id = $agreement")
  if [ "$to" = 1 ] && [ "$(sql "$db" "SELECT status FROM agreement_versions WHERE agreement_id = $agreement")" = vastgesteld ]; then
    curl -s -o "$work/amend.html" -H "Cookie: $cookie" "$base/agreements/$agreement/amend"
    curl -s -o /dev/null -H "Cookie: $cookie" --data-urlencode "csrf=$(form_value csrf "$work/amend.html")" \
         --data-urlencode "lock_version=$(form_value lock_version "$work/amend.html")" \
         --data-urlencode "reason=Benchmark: een bijstelling om te vergelijken" "$base/agreements/$agreement/amend" || true
    to=$(sql "$db" "SELECT MAX(v.number) FROM agreement_versions v WHERE v.agreement_id = $agreement")
  fi
  compare_path="/agreements/$agreement/compare?from=1&to=$to"
  read -r _ compare_p50 _ compare_status _ < <("$here/latency.py" "$base" "$cookie" "$page_requests" "$compare_path")
  read -r _ funding_p50 _ funding_status _ < <("$here/latency.py" "$base" "$cookie" "$page_requests" /funding)
  stop_server
  # The report draft of the plain demo (9 IKCs).
  demo_db=$(make_db demo)
  start_server "$demo_db"
  log_in "$demo_db"
  read -r _ report_p50 _ report_status _ < <("$here/latency.py" "$base" "$cookie" "$page_requests" /reports/2024)
  stop_server
  page_row() {  # label path p50 status goal
    if [ "$3" = - ] || [ -z "$3" ]; then
      pages+=("$(printf '%-44s %10s %8s  %s' "$1 $2" "HTTP ${4:-?}" "< $5" "not measured")")
    else
      pages+=("$(printf '%-44s %10s %8s  %s' "$1 $2" "$3" "< $5" "$(check_goal "$3" "$5")")")
    fi
  }
  page_row "agreement" "/agreements/$agreement" "$agreement_p50" "$agreement_status" 5
  page_row "compare" "versions 1 and $to" "$compare_p50" "$compare_status" 20
  page_row "funding overview (30 IKCs)" "/funding" "$funding_p50" "$funding_status" 10
  page_row "report draft (9 IKCs)" "/reports/2024" "$report_p50" "$report_status" 20
fi

echo
cat "$work/compare.txt"
[ -n "$hb_note" ] && echo "$hb_note"
echo
echo "With 1,000 idle keep-alive connections held open (req/s at 64 connections, medians of 3 pairs in turn; the change is the median of the pairs' changes; goal: less than 10 % lower):"
printf '%-24s %12s %12s %8s\n' endpoint without with change
printf '%s\n' "${idle_rows[@]}"
if [ ${#pages[@]} -gt 0 ]; then
  echo
  echo "Pages, p50 of $page_requests sequential requests at 1 connection (ms):"
  printf '%-44s %10s %8s\n' page p50 goal
  printf '%s\n' "${pages[@]}"
fi
if [ -n "$write_report" ]; then echo; echo "$write_report"; cat "$work/write.err"; fi
[ -n "$note" ] && echo "$note"
echo "(wrk output and the server logs are in $work)"
