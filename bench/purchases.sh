#!/usr/bin/env bash
# Purchases over HTTP (issue 6): 200 concurrent clients recording produce
# purchases at a purchase point (POST /api/v1/purchases), each one priced from
# the point's price list, credited to the household's business income and,
# for a household in the poverty register, re-checked — all committed (WAL)
# before the reply. Appended to the BENCHMARKS.md being written.
# Usage: bench/purchases.sh BIN FULL_DB OUT_DIR MD_FILE
# Works on a copy of the full demo database with a bench purchase point (no
# capacity limit within the run) and its prices for the demo date added by
# SQL, so the demo itself is untouched. Binds 127.0.0.1 only.
set -euo pipefail
BIN=$1 FULL=$2 OUT=$3 MD=$4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DUR=${LZ_BENCH_SECONDS:-10}
CONNS=${LZ_BENCH_PURCHASE_CONNS:-200}
DB=$OUT/purchases.db
rm -f "$DB" "$DB-wal" "$DB-shm"
sqlite3 "$FULL" "VACUUM INTO '$DB'"
DAY=$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'demo.as_of'" 2>/dev/null || echo 2020-02-12)
[ -n "$DAY" ] || DAY=2020-02-12
sqlite3 "$DB" <<SQL
INSERT INTO purchase_point (name, place, region_code, operator_name, capacity_grams, created_at, created_by)
VALUES ('压测收购点', 'bench', '430281', 'bench', 1000000000000000, '2020-02-12T08:00:00', 'bench');
INSERT INTO purchase_price (point_id, on_date, kind, fen_per_jin)
SELECT (SELECT MAX(id) FROM purchase_point), '$DAY', k, 120 FROM (SELECT 'cabbage' AS k UNION ALL SELECT 'radish'
  UNION ALL SELECT 'greens' UNION ALL SELECT 'potato');
SQL
POINT=$(sqlite3 "$DB" "SELECT MAX(id) FROM purchase_point")
FIRST=$(sqlite3 "$DB" "SELECT MIN(id) FROM household WHERE deleted_at IS NULL")
LAST=$(sqlite3 "$DB" "SELECT MAX(id) FROM household WHERE deleted_at IS NULL")
COUNT=$(sqlite3 "$DB" "SELECT COUNT(*) FROM household WHERE deleted_at IS NULL")
[ $((LAST - FIRST + 1)) -eq "$COUNT" ] || { echo "purchases: household ids not contiguous" >&2; exit 1; }
PW='Liang-Zhan-2020!'
"$BIN" user add --db "$DB" --login bench_pp --role county_admin --region 430281 --password-stdin <<< "$PW" >/dev/null
P=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --listen 127.0.0.1:$P > "$OUT/serve-purchases.log" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$P/api/v1/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$P/api/v1/session" -d "{\"login\":\"bench_pp\",\"password\":\"$PW\"}" |
  python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM produce_purchase")
INCOME_BEFORE=$(sqlite3 "$DB" "SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income")
LZ_TOKEN=$TOKEN LZ_POINT=$POINT LZ_HH_FIRST=$FIRST LZ_HH_COUNT=$COUNT \
  timeout $((DUR + 30)) wrk -t2 -c"$CONNS" -d"${DUR}s" --latency -s "$ROOT/bench/purchases.lua" "http://127.0.0.1:$P" \
  > "$OUT/wrk-purchases.txt" 2>&1 || true
kill $SPID 2>/dev/null || true
wait $SPID 2>/dev/null || true
AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM produce_purchase")
PAID=$(sqlite3 "$DB" "SELECT COALESCE(SUM(amount_fen), 0) FROM produce_purchase WHERE point_id = $POINT")
INCOME_AFTER=$(sqlite3 "$DB" "SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income")
POOR=$(sqlite3 "$DB" "SELECT COUNT(*) FROM produce_purchase WHERE point_id = $POINT AND household_id IN (SELECT household_id FROM poverty_household)")
rps=$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-purchases.txt")
line=$(grep '^LZ ' "$OUT/wrk-purchases.txt" || echo "LZ created=0 other=0 p99_ms=0 p50_ms=0")
created=$(sed 's/.*created=\([0-9]*\).*/\1/' <<< "$line")
other=$(sed 's/.*other=\([0-9]*\).*/\1/' <<< "$line")
p99=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<< "$line")
p50=$(sed 's/.*p50_ms=\([0-9.]*\).*/\1/' <<< "$line")
per_s=$(python3 -c "print(round($created / $DUR))")
{
  echo "### Purchases over HTTP (issue 6)"
  echo
  echo "| figure | value | goal |"
  echo "|---|---|---|"
  echo "| purchases recorded (201: priced, credited to income, re-checked, committed before the reply) | ${per_s}/s (${created} in ${DUR} s; wrk ${rps} req/s) | |"
  echo "| p99 / p50 latency at ${CONNS} connections | ${p99} ms / ${p50} ms | p99 < 100 ms |"
  echo "| other responses (not 201) | ${other} | 0 |"
  echo "| rows in produce_purchase afterwards minus before | $((AFTER - BEFORE)) | = recorded (+ those in flight when wrk stopped) |"
  echo "| business income credited minus paid (fen) | $((INCOME_AFTER - INCOME_BEFORE - PAID)) | 0 |"
  echo "| of which from households in the poverty register (re-checked) | ${POOR} | |"
  echo
  echo "Command: \`bench/purchases.sh\` — \`wrk -t2 -c${CONNS} -d${DUR}s -s bench/purchases.lua\` against \`liangzhan serve\` on a"
  echo "copy of the full demo database with a bench purchase point added; each request buys from a different household."
  echo
} >> "$MD"
rm -f "$DB" "$DB-wal" "$DB-shm"
