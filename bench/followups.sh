#!/usr/bin/env bash
# Follow-up submissions over HTTP (issue 5): 500 concurrent clients each
# recording daily follow-ups (a new row per request: observation x day), every
# one committed (WAL) before the reply. Appended to the BENCHMARKS.md being
# written. Usage: bench/followups.sh BIN FULL_DB OUT_DIR MD_FILE
# Works on a copy of the full demo database with 60,000 bench observations
# (30 Jan - 11 Feb 2020) added by SQL, so the demo itself is untouched.
set -euo pipefail
BIN=$1 FULL=$2 OUT=$3 MD=$4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DUR=${LZ_BENCH_SECONDS:-10}
CONNS=${LZ_BENCH_FU_CONNS:-500}
DB=$OUT/followups.db
rm -f "$DB" "$DB-wal" "$DB-shm"
sqlite3 "$FULL" "VACUUM INTO '$DB'"
N=${LZ_BENCH_FU_OBS:-60000}
sqlite3 "$DB" <<SQL
INSERT INTO observation (person_id, region_code, kind, start_on, last_exposure, planned_end, created_at, created_by,
                         updated_at, updated_by, basis)
SELECT id, region_code, 'home', '2020-01-30', '2020-01-29', '2020-02-12', '2020-01-30T08:00:00', 'bench',
       '2020-01-30T08:00:00', 'bench', 'bench'
FROM person WHERE deleted_at IS NULL AND id NOT IN (SELECT person_id FROM observation) ORDER BY id LIMIT $N;
SQL
FIRST=$(sqlite3 "$DB" "SELECT MIN(id) FROM observation WHERE created_by = 'bench'")
LAST=$(sqlite3 "$DB" "SELECT MAX(id) FROM observation WHERE created_by = 'bench'")
[ $((LAST - FIRST + 1)) -eq $N ] || { echo "followups: bench observations not contiguous" >&2; exit 1; }
PW='Liang-Zhan-2020!'
"$BIN" user add --db "$DB" --login bench_fu --role county_admin --region 430281 --password-stdin <<< "$PW" >/dev/null
P=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"$BIN" serve --db "$DB" --listen 127.0.0.1:$P > "$OUT/serve-followups.log" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$P/api/v1/health" >/dev/null && break; sleep 0.1; done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$P/api/v1/session" -d "{\"login\":\"bench_fu\",\"password\":\"$PW\"}" |
  python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
BEFORE=$(sqlite3 "$DB" "SELECT COUNT(*) FROM follow_up")
LZ_TOKEN=$TOKEN LZ_OBS_FIRST=$FIRST LZ_OBS_COUNT=$N LZ_WRK_THREADS=2 \
  wrk -t2 -c"$CONNS" -d"${DUR}s" --latency -s "$ROOT/bench/followups.lua" "http://127.0.0.1:$P" \
  > "$OUT/wrk-followups.txt" 2>&1 || true
kill $SPID 2>/dev/null || true
wait $SPID 2>/dev/null || true
AFTER=$(sqlite3 "$DB" "SELECT COUNT(*) FROM follow_up")
rps=$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-followups.txt")
line=$(grep '^LZ ' "$OUT/wrk-followups.txt" || echo "LZ created=0 other=0 p99_ms=0 p50_ms=0")
created=$(sed 's/.*created=\([0-9]*\).*/\1/' <<< "$line")
other=$(sed 's/.*other=\([0-9]*\).*/\1/' <<< "$line")
p99=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<< "$line")
p50=$(sed 's/.*p50_ms=\([0-9.]*\).*/\1/' <<< "$line")
per_s=$(python3 -c "print(round($created / $DUR))")
{
  echo "### Follow-up submissions over HTTP (issue 5)"
  echo
  echo "| figure | value | goal |"
  echo "|---|---|---|"
  echo "| follow-ups recorded (201, each committed before the reply) | ${per_s}/s (${created} in ${DUR} s; wrk ${rps} req/s) | ≥ 5,000/s |"
  echo "| p99 / p50 latency at ${CONNS} connections | ${p99} ms / ${p50} ms | p99 < 100 ms |"
  echo "| other responses (not 201) | ${other} | 0 |"
  echo "| rows in follow_up afterwards minus before | $((AFTER - BEFORE)) | = recorded (+ those in flight when wrk stopped) |"
  echo
  echo "Command: \`bench/followups.sh\` — \`wrk -t2 -c${CONNS} -d${DUR}s -s bench/followups.lua\` against \`liangzhan serve\` on a copy"
  echo "of the full demo database with $N observations added (×13 days = $((N * 13)) distinct requests, more than the run can send); every request is a new (observation, day)."
  echo
} >> "$MD"
rm -f "$DB" "$DB-wal" "$DB-shm"
