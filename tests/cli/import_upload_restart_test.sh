#!/usr/bin/env bash
# Uploads survive the server (issue 8): a large purchases ledger uploaded to
# the real server, the server killed (SIGKILL) while the import runs, started
# again: the upload is listed as failed (import.interrupted), nothing of the
# file was written (no purchase, no income), its file is gone from
# <db>-uploads/; a finished upload is still there with its summary and
# report after the restart.
# Usage: import_upload_restart_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init
DB="$T/c.db"
PW='Import-Restart-2020!'

"$BIN" demo --db "$DB" --scale small --seed 1 >/dev/null 2>&1 || { echo "demo failed"; exit 1; }
echo "$PW" | "$BIN" user add --db "$DB" --login boss --role county_admin --password-stdin >/dev/null || { echo "user add failed"; exit 1; }
# A purchase point that takes anything, and a ledger of 120,000 purchases over the demo's households.
python3 - "$DB" "$T/big.csv" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO purchase_point (name, region_code, capacity_grams, created_at, created_by) "
          "VALUES ('重启测试收购点', '430281122', 1000000000000, '2020-02-01T00:00:00Z', 'test')")
c.commit()
nums = [r[0] for r in c.execute("SELECT number FROM household WHERE deleted_at IS NULL ORDER BY id LIMIT 2000")]
with open(sys.argv[2], "w") as f:
    f.write("收购日期,收购点,户编号,品种,重量(斤),单价(元/斤)\n")
    for i in range(120000):
        f.write(f"2020-02-{1 + i % 12:02d},重启测试收购点,{nums[i % len(nums)]},白菜,{10 + i % 50}.5,1.{10 + i % 80}\n")
EOF
printf '收购日期,收购点,户编号,品种,重量(斤),单价(元/斤)\n2020-02-10,重启测试收购点,%s,萝卜,12,0.90\n' \
  "$(q "SELECT number FROM household ORDER BY id LIMIT 1")" > "$T/small.csv"
purchases=$(q "SELECT COUNT(*) FROM produce_purchase")
income=$(q "SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income")

start() { lz_serve; }
get() { curl -s "$URL$1" -H "Authorization: Bearer $TOKEN"; }
field() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print($1)"; }

start
# A small upload that finishes before the restart.
small=$(curl -s -X POST "$URL/api/v1/imports?kind=purchases&file_name=small.csv" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv' --data-binary @"$T/small.csv" | field 'd["id"]')
for _ in $(seq 100); do [ "$(get "/api/v1/imports/$small" | field 'd["state"]')" = done ] && break; sleep 0.1; done
[ "$(get "/api/v1/imports/$small" | field 'd["summary"]["added"]')" = 1 ] && ok || ko "small upload: $(get "/api/v1/imports/$small")"
purchases=$((purchases + 1))
# The big one: killed while it runs.
big=$(curl -s -X POST "$URL/api/v1/imports?kind=purchases&file_name=big.csv" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: text/csv' --data-binary @"$T/big.csv" | field 'd["id"]')
[ -n "$big" ] && ok || ko "big upload not accepted"
[ -s "$DB-uploads/$big.csv" ] && ok || ko "uploaded file not on disk next to the database"
state= rows=0
for _ in $(seq 300); do
  read -r state rows <<<"$(get "/api/v1/imports/$big" | field 'd["state"], d["rows_read"]')"
  [ "$state" = running ] && [ "$rows" -gt 1000 ] && break
  sleep 0.05
done
[ "$state" = running ] && ok || ko "the big import was not seen running (state $state, rows $rows)"
kill -9 "$PID"; wait "$PID" 2>/dev/null; PID=
[ "$(q "SELECT state FROM import_upload WHERE id = $big")" = running ] && ok || ko "record not left running by the kill"
[ "$(q "SELECT COUNT(*) FROM produce_purchase")" = "$purchases" ] && ok || ko "purchases written by the killed import"

start
u=$(get "/api/v1/imports/$big")
[ "$(echo "$u" | field 'd["state"], d["error"]["code"], d["file_name"]')" = "failed import.interrupted big.csv" ] && ok || ko "after restart: $u"
echo "$u" | field 'd["error"]["message"]' | grep -q "数据未作任何改动" && ok || ko "reason in Chinese: $u"
[ "$(q "SELECT COUNT(*) FROM produce_purchase")" = "$purchases" ] && ok || ko "purchases after restart"
[ "$(q "SELECT COALESCE(SUM(business_fen), 0) FROM poverty_income")" = "$((income + 1080))" ] && ok || ko "income changed beyond the small upload"
[ ! -e "$DB-uploads/$big.csv" ] && ok || ko "interrupted upload's file left on disk"
list=$(get "/api/v1/imports")
[ "$(echo "$list" | field 'd["total"], [(x["file_name"], x["state"]) for x in d["items"]]')" = "2 [('big.csv', 'failed'), ('small.csv', 'done')]" ] && ok || ko "list after restart: $list"
code=$(curl -s -o "$T/r.xlsx" -w '%{http_code}' "$URL/api/v1/imports/$small/report.xlsx" -H "Authorization: Bearer $TOKEN")
[ "$code" = 200 ] && [ "$(head -c 2 "$T/r.xlsx")" = PK ] && ok || ko "report after restart: $code"
kill "$PID"; wait "$PID" 2>/dev/null; PID=

lz_done import_upload_restart_test
