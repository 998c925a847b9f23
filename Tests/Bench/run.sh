#!/usr/bin/env bash
# make bench: the release server on a temporary demo database, loaded with wrk on this machine.
# For each endpoint (/health, /static/css/site.css, /ikcs logged in) it runs 1, 64 and 256
# connections and prints req/s, p50 and p99, then the server's resident memory after the
# 256-connection runs. For side-by-side ratios against nginx and Hummingbird use
# shared/peers/run.sh --ours URL (see its README).
#
#   Tests/Bench/run.sh            DURATION=10 by default; BENCH_EMAIL / BENCH_PASSWORD override
#                                 the demo log-in read from the demo accounts file; NO_BUILD=1 and
#                                 PLUSIKC_BIN=path run an already built binary.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
duration=${DURATION:-10}
bin=${PLUSIKC_BIN:-.build/release/plusikc}

missing=()
for tool in wrk curl python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

[ "${NO_BUILD:-0}" = 1 ] || swift build -c release --product plusikc

work=$(mktemp -d /tmp/plusikc-bench.XXXXXX)
db=$work/bench.sqlite
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

"$bin" migrate --db "$db" >/dev/null
"$bin" seed-demo --db "$db" --ikcs 30 >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base=http://127.0.0.1:$port
# The access log goes to a file: a terminal would slow the server down.
"$bin" serve --db "$db" --port "$port" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -fsS -o /dev/null "$base/health" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $work/server.log" >&2; exit 1; }
  sleep 0.1
done

# Log in for /ikcs: GET /login for the CSRF token, POST email, password, csrf; keep the cookies.
cookie=""
jar=$work/cookies.txt
email=${BENCH_EMAIL:-}
password=${BENCH_PASSWORD:-}
accounts="$db.demo-accounts.txt"
if [ -z "$email" ] && [ -f "$accounts" ]; then
  line=$(grep -m1 -E '[^[:space:]]+@[^[:space:]]+' "$accounts" || true)
  email=$(grep -oE '[^[:space:]:,;/]+@[^[:space:]:,;/]+' <<<"$line" | head -1 || true)
  password=$(sed -E "s/.*${email//./\\.}//" <<<"$line" | sed -E 's/^[[:space:]:,;/|-]*((password|wachtwoord)[[:space:]:=]*)?//I' | awk '{print $1}')
fi
login_status=$(curl -s -o "$work/login.html" -w '%{http_code}' -c "$jar" -b "$jar" "$base/login" || echo 000)
note=""
if [ "$login_status" != 200 ]; then
  note="skipped /ikcs: GET /login answered $login_status (no log-in page yet)"
elif [ -z "$email" ]; then
  note="skipped /ikcs: no demo account found in $accounts (set BENCH_EMAIL and BENCH_PASSWORD)"
else
  csrf=$(grep -oE 'name="csrf"[^>]*value="[^"]*"|value="[^"]*"[^>]*name="csrf"' "$work/login.html" | head -1 |
         grep -oE 'value="[^"]*"' | sed -E 's/value="([^"]*)"/\1/' || true)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$password" \
       --data-urlencode "csrf=$csrf" "$base/login" || true
  cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  ikcs_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/ikcs" || echo 000)
  [ "$ikcs_status" = 200 ] || { note="skipped /ikcs: GET /ikcs answered $ikcs_status after logging in as $email"; cookie=""; }
fi

endpoints=(/health /static/css/site.css)
[ -n "$cookie" ] && endpoints+=(/ikcs)
rows=()
rss=""
for endpoint in "${endpoints[@]}"; do
  headers=()
  [ "$endpoint" = /ikcs ] && headers=(-H "Cookie: $cookie")
  wrk -t2 -c64 -d2s "${headers[@]}" "$base$endpoint" >/dev/null 2>&1 || true   # warm-up
  for connections in 1 64 256; do
    threads=2; [ "$connections" = 1 ] && threads=1
    out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "${headers[@]}" "$base$endpoint" 2>&1 || true)
    echo "$out" >"$work/wrk${endpoint//\//_}-c$connections.txt"
    reqs=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    rows+=("$(printf '%-24s %6s %12s %10s %10s %s' "$endpoint" "$connections" "${reqs:-?}" "${p50:-?}" "${p99:-?}" "${bad:+($bad non-2xx)}")")
    if [ "$connections" = 256 ]; then
      rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$server_pid/status" 2>/dev/null || echo "?")
      rows+=("$(printf '%-24s %6s %s' "" "" "server RSS after 256 connections: $rss")")
    fi
  done
done

echo
printf '%-24s %6s %12s %10s %10s\n' endpoint conns req/s p50 p99
printf '%s\n' "${rows[@]}"
[ -n "$note" ] && echo "$note"
echo "(wrk output and the server log are in $work)"
