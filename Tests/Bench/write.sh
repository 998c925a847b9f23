#!/usr/bin/env bash
# The write path (run.sh calls it; it also runs alone against a server it is given):
#   Tests/Bench/write.sh BIN DB BASE_URL WORK_DIR      (the server at BASE_URL serves DB)
# 1. `plusikc bench-write prepare 16`: 16 project leaders, each with an agreement in concept.
# 2. The limit: `plusikc bench-write raw` saves one of those targets grids with the Store verb
#    (claim + 42 targets + the closed-year check + audit row, one immediate transaction, no
#    HTTP) on a copy of DB; every cell of the open years changes, those of closed years stay.
# 3. write.py: the real form POSTed over HTTP (session, CSRF token, lock_version) by 1 and then
#    16 clients, WRITE_SECONDS (default 5) each.
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
raw=$("$bin" bench-write raw "$seconds" "$first" --db "$work/raw.sqlite")

declare -A before
while read -r _ _ agreement; do before[$agreement]=$(state "$agreement"); done <"$accounts"
http1=$("$here/write.py" "$base" "$accounts" 1 "$seconds")
http16=$("$here/write.py" "$base" "$accounts" 16 "$seconds")

# Saves per agreement over both runs, against what the database shows.
declare -A saves
while read -r agreement count; do saves[$agreement]=$(( ${saves[$agreement]:-0} + count )); done \
  < <(cat "$accounts.saves-1" "$accounts.saves-16")
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

python3 - "$raw" "$http1" "$http16" "$bad" "${#before[@]}" <<'PY'
import re, sys
raw, h1, h16, bad, agreements = sys.argv[1:]
num = lambda text, key: float(re.search(key + r" ([\d.]+)", text).group(1))
r, one, sixteen = num(raw, "raw"), num(h1, "clients:"), num(h16, "clients:")
p99 = num(h16, "p99")
print("The write path: the targets grid (6 results x 7 years) saved through the optimistic lock with its audit row")
print(f"  {raw}")
print(f"  {h1}   ({one / r:.2f}x raw; goal >= 0.5x)")
print(f"  {h16}   ({sixteen / one:.2f}x 1 client; goal >= 1.0x; p99 goal < 20 ms: {'ok' if p99 < 20 else 'OVER'})")
print(f"  check after the run: {agreements} agreements, {bad} with lost or duplicated rows "
      f"({'ok' if bad == '0' else 'FAILED'}): audit rows and lock_version moved by exactly the saves answered 303, 42 targets each")
PY
