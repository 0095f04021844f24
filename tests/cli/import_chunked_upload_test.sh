#!/usr/bin/env bash
# Chunked uploads against the real server (issue 8): a ~30 MB households CSV
# (300,000 member rows) sent in 4 MiB slices (PUT /api/v1/imports/uploads/
# {id}?offset=N), the server killed (SIGKILL) half way and started again: the
# upload resumes from the bytes it reports; a slice past them is 409 with the
# offset to send; the import then gives the same summary and the same persons
# as `liangzhan import` of the same file into a copy of the database. The
# server's peak RSS (VmHWM) while it receives the file stays far below the
# file's size (no request holds the file). Prints the figures.
# Usage: import_chunked_upload_test.sh path/to/liangzhan [ROWS]
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
ROWS=${2:-300000}
lz_test_init
DB="$T/c.db" CSV="$T/households.csv"
PW='Chunked-Upload-2020!'

: > "$DB"
echo "$PW" | "$BIN" user add --db "$DB" --login boss --role county_admin --region 430281 --password-stdin >/dev/null \
  || { echo "user add failed"; exit 1; }
"$BIN" regions --json > "$T/regions.json"
lz_households_csv "$T/regions.json" "$CSV" "$ROWS" 7  # one bad row: the refusal must be the same too
SIZE=$(stat -c %s "$CSV")
cp "$DB" "$T/cli.db"

start() { lz_serve --workers 2; }
hwm() { awk '/VmHWM/ {print $2}' "/proc/$PID/status"; }  # KiB
# send FROM TO: the slices of the file from byte FROM up to TO (4 MiB each, at their offsets).
send() {
  python3 - "$URL" "$TOKEN" "$ID" "$CSV" "$1" "$2" "$CHUNK" <<'PY'
import sys, urllib.request
url, token, uid, path, at, to, chunk = sys.argv[1:8]
at, to, chunk = int(at), int(to), int(chunk)
with open(path, "rb") as f:
    while at < to:
        f.seek(at)
        data = f.read(min(chunk, to - at))
        req = urllib.request.Request(f"{url}/api/v1/imports/uploads/{uid}?offset={at}", data=data, method="PUT",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/octet-stream"})
        urllib.request.urlopen(req).read()
        at += len(data)
PY
}
api() { curl -s -X "$1" "$URL$2" -H "Authorization: Bearer $TOKEN" "${@:3}"; }
field() { python3 -c "import json,sys; d=json.loads(sys.stdin.read()); print($1)"; }

start
base_kb=$(hwm)
resp=$(api POST /api/v1/imports/uploads -H 'Content-Type: application/json' \
  -d "{\"kind\":\"households\",\"mode\":\"good-rows\",\"file_name\":\"households.csv\",\"size\":$SIZE}")
ID=$(echo "$resp" | field 'd["id"]') CHUNK=$(echo "$resp" | field 'd["chunk_size"]')
[ -n "$ID" ] && [ "$CHUNK" = 4194304 ] && ok || ko "begin: $resp"
half=$(( (SIZE / CHUNK / 2) * CHUNK ))
t0=$(date +%s.%N)
send 0 "$half" && ok || ko "first half"
# Killed half way; started again: the upload is still there, resumable from what it says.
kill -9 "$PID"; wait "$PID" 2>/dev/null; PID=
start
got=$(api GET "/api/v1/imports/uploads/$ID" | field 'd["state"], d["received_bytes"]')
[ "$got" = "uploading $half" ] && ok || ko "after restart: $got (expected uploading $half)"
# A slice past the bytes received: 409 naming the offset to send.
code=$(curl -s -o "$T/gap.json" -w '%{http_code}' -X PUT "$URL/api/v1/imports/uploads/$ID?offset=$((half + CHUNK))" \
  -H "Authorization: Bearer $TOKEN" --data-binary 'x')
[ "$code" = 409 ] && [ "$(field 'd["expected_offset"]' < "$T/gap.json")" = "$half" ] && ok || ko "gap: $code $(cat "$T/gap.json")"
# Start before the end: 409.
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/api/v1/imports/uploads/$ID/start" -H "Authorization: Bearer $TOKEN")
[ "$code" = 409 ] && ok || ko "start before complete: $code"
send "$half" "$SIZE" && ok || ko "second half"
t1=$(date +%s.%N)
upload_kb=$(hwm)
[ "$(api GET "/api/v1/imports/uploads/$ID" | field 'd["received_bytes"]')" = "$SIZE" ] && ok || ko "not all received"
cmp -s "$CSV" "$DB-uploads/$ID.part" && ok || ko "the bytes on disk differ from the file"
code=$(api POST "/api/v1/imports/uploads/$ID/start" -o /dev/null -w '%{http_code}')
[ "$code" = 202 ] && ok || ko "start: $code"
for _ in $(seq 1200); do
  state=$(api GET "/api/v1/imports/$ID" | field 'd["state"]')
  [ "$state" = done ] || [ "$state" = failed ] && break
  sleep 0.25
done
t2=$(date +%s.%N)
import_kb=$(hwm)
api GET "/api/v1/imports/$ID" > "$T/api.json"
[ "$state" = done ] && ok || ko "import: $(head -c 600 "$T/api.json")"
# Peak RSS while receiving: the slices, never the file (30 MB); bounded while importing.
grow=$(( (upload_kb - base_kb) / 1024 ))
[ "$grow" -lt 20 ] && ok || ko "peak RSS grew by $grow MiB while receiving a $((SIZE >> 20)) MiB file"
# The import's own bound (a sanitizer build's quarantine and shadow memory make it meaningless there).
if [ "${LZ_SANITIZED:-0}" = 1 ]; then ok; else
  [ "$((import_kb / 1024))" -lt 200 ] && ok || ko "peak RSS $((import_kb / 1024)) MiB after the import"
fi
# The same as the command line's import of the same file.
"$BIN" import households "$CSV" --db "$T/cli.db" --mode good-rows --json > "$T/cli.json"
python3 - "$T/api.json" "$T/cli.json" <<'PY' && ok || ko "summary differs from the CLI's"
import json, sys
a = json.load(open(sys.argv[1]))["summary"]; c = json.load(open(sys.argv[2]))
keys = ["rows_read", "added", "updated", "unchanged", "refused", "households_added", "committed"]
if [a.get(k) for k in keys] != [c.get(k) for k in keys] or \
   [(r["row"], r["code"]) for r in a["refusals"]] != [(r["row"], r["code"]) for r in c["refusals"]]:
    print("api", [a.get(k) for k in keys], "cli", [c.get(k) for k in keys]); sys.exit(1)
PY
kill "$PID"; wait "$PID" 2>/dev/null; PID=
q="SELECT COUNT(*), SUM(length(name)), SUM(CAST(substr(id_number, 15, 3) AS INTEGER)), group_concat(DISTINCT region_code) FROM (SELECT * FROM person ORDER BY id_number)"
a=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())" "$DB" "$q")
c=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())" "$T/cli.db" "$q")
[ "$a" = "$c" ] && ok || ko "persons differ: ${a:0:80} vs ${c:0:80}"
[ ! -e "$DB-uploads/$ID.part" ] && [ ! -e "$DB-uploads/$ID.csv" ] && ok || ko "upload file left on disk"

printf 'chunked upload: %s bytes (%d MiB, %s rows) in %s-byte slices: upload %.1f s, import %.1f s; server VmHWM %d MiB at start, %d MiB after receiving, %d MiB after the import; load %s\n' \
  "$SIZE" "$((SIZE >> 20))" "$ROWS" "$CHUNK" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" \
  "$((base_kb / 1024))" "$((upload_kb / 1024))" "$((import_kb / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
lz_done import_chunked_upload_test
