#!/usr/bin/env bash
# The write path (run.sh calls it; it also runs alone against a server it is given):
#   Tests/Bench/write.sh BIN DB BASE_URL WORK_DIR      (the server at BASE_URL serves DB)
# 1. `plusikc bench-write prepare 16`: 16 project leaders, each with an agreement in concept.
# 2. The limit: `plusikc bench-write raw` saves one of those targets grids with the Store verb
#    (read on a snapshot, then claim + 42 targets + the closed-year check + audit row in one immediate transaction, no
#    HTTP) on a copy of DB; every cell of the open years changes, those of closed years stay.
# 3. write.py: the real form POSTed over HTTP (session, CSRF token, lock_version) by 1 and then
#    16 clients, WRITE_SECONDS (default 5) each.
#    Steps 2 and 3 run WRITE_ROUNDS (default 3) times in turn, so that a slow spell of the machine
#    falls on the limit and the HTTP figures alike; the summary shows the medians, the ratios
#    per round (median and range) and the rounds themselves.
# 4. The check: per agreement, audit rows and lock_version moved by exactly the saves that
#    answered 303, and the concept version holds exactly 42 targets.
set -euo pipefail
bin=$1 db=$2 base=$3 work=$4
here=$(dirname "${BASH_SOURCE[0]}")
seconds=${WRITE_SECONDS:-5}

sql() {  # sql DB QUERY: one value
  python3 -c 'import sqlite3, sys; r = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r and r[0] is not None else "")' "$1" "$2"
}
state() {  # state AGREEMENT: "audit-rows lock-version target-count" of its concept version
  local v
  v=$(sql "$db" "SELECT id FROM agreement_versions WHERE agreement_id = $1 AND status = 'concept'")
  echo "$(sql "$db" "SELECT COUNT(*) FROM audit_log WHERE record_type = 'agreement' AND record_id = $1 AND action = 'update'")" \
       "$(sql "$db" "SELECT lock_version FROM agreement_versions WHERE id = $v")" \
       "$(sql "$db" "SELECT COUNT(*) FROM result_targets t JOIN agreement_results r ON r.id = t.result_id WHERE r.version_id = $v")"
}

accounts=$work/write-accounts.txt
"$bin" bench-write prepare 16 --db "$db" >"$accounts"
first=$(awk 'NR == 1 {print $3}' "$accounts")

"$bin" backup "$work/raw.sqlite" --db "$db" >/dev/null
rounds=${WRITE_ROUNDS:-3}

declare -A before
while read -r _ _ agreement; do before[$agreement]=$(state "$agreement"); done <"$accounts"
runs=()
for round in $(seq "$rounds"); do
  raw=$("$bin" bench-write raw "$seconds" "$first" --db "$work/raw.sqlite")
  http1=$("$here/write.py" "$base" "$accounts" 1 "$seconds")
  mv "$accounts.saves-1" "$accounts.saves-1.$round"
  http16=$("$here/write.py" "$base" "$accounts" 16 "$seconds")
  mv "$accounts.saves-16" "$accounts.saves-16.$round"
  runs+=("$raw|$http1|$http16")
done

# Saves per agreement over every run, against what the database shows.
declare -A saves
while read -r agreement count; do saves[$agreement]=$(( ${saves[$agreement]:-0} + count )); done \
  < <(cat "$accounts".saves-*)
bad=0
for agreement in "${!before[@]}"; do
  read -r audit0 lock0 _ <<<"${before[$agreement]}"
  read -r audit1 lock1 targets <<<"$(state "$agreement")"
  n=${saves[$agreement]:-0}
  if [ $((audit1 - audit0)) != "$n" ] || [ $((lock1 - lock0)) != "$n" ] || [ "$targets" != 42 ]; then
    echo "agreement $agreement: $n saves answered 303, but audit rows +$((audit1 - audit0)), lock_version +$((lock1 - lock0)), $targets targets" >&2
    bad=$((bad + 1))
  fi
done

python3 - "$bad" "${#before[@]}" "${runs[@]}" <<'PY'
import re, statistics, sys
bad, agreements, runs = sys.argv[1], sys.argv[2], [r.split("|") for r in sys.argv[3:]]
num = lambda text, key: float(re.search(key + r" ([\d.]+)", text).group(1))
rows = [(num(r, "raw"), num(o, "clients:"), num(s, "clients:"), num(o, "p50"), num(s, "p50"), num(s, "p99")) for r, o, s in runs]
med = lambda values: statistics.median(values)
spread = lambda values: f"±{(max(values) - min(values)) / 2 / med(values) * 100:.0f} %"
raw, one, sixteen = [x[0] for x in rows], [x[1] for x in rows], [x[2] for x in rows]
ratio1 = [o / r for r, o, *_ in rows]
ratio16 = [s / o for _, o, s, *_ in rows]
p99 = med([x[5] for x in rows])
print(f"The write path: the targets grid (6 results x 7 years) saved through the optimistic lock with its audit row; "
      f"{len(rows)} rounds of raw, 1 and 16 clients in turn, medians ± half the spread, ratios per round")
print(f"  raw (the Store verb, no HTTP)  {med(raw):,.0f} saves/s {spread(raw)}")
print(f"  http 1 client                  {med(one):,.0f} saves/s {spread(one)}, p50 {med([x[3] for x in rows]):.2f} ms   "
      f"{med(ratio1):.2f}x raw [{min(ratio1):.2f}-{max(ratio1):.2f}]; goal >= 0.5x")
print(f"  http 16 clients                {med(sixteen):,.0f} saves/s {spread(sixteen)}, p50 {med([x[4] for x in rows]):.2f} ms, "
      f"p99 {p99:.2f} ms   {med(ratio16):.2f}x 1 client [{min(ratio16):.2f}-{max(ratio16):.2f}]; goal >= 1.0x; "
      f"p99 goal < 20 ms: {'ok' if p99 < 20 else 'OVER'}")
for index, (r, o, s) in enumerate(runs, 1):
    print(f"  round {index}: {r} | {o} | {s}")
print(f"  check after the run: {agreements} agreements, {bad} with lost or duplicated rows "
      f"({'ok' if bad == '0' else 'FAILED'}): audit rows and lock_version moved by exactly the saves answered 303, 42 targets each")
PY
