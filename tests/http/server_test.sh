#!/usr/bin/env bash
# The real server as a process on a free port: keep-alive, gzip, body limit,
# the web UI with MIME types and client-route fallback, 401/200 over HTTP,
# the first admin, and a graceful stop on SIGTERM (in-flight requests finish,
# the database is left consistent).
# Usage: server_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/../cli/lib.sh"
lz_bin "${1:-}"
lz_test_init

# A fake built UI: index.html, a hashed asset, a big CSS file to gzip.
mkdir -p "$T/web/assets"
echo '<!doctype html><title>两战</title><div id=app></div>' > "$T/web/index.html"
echo 'console.log("app")' > "$T/web/assets/index-abc123.js"
python3 -c "print('body{color:red}\n'*200)" > "$T/web/assets/app.css"

"$BIN" demo --db "$T/s.db" --seed 3 >/dev/null || { echo "demo failed"; exit 1; }
DB="$T/s.db"
lz_start --web "$T/web" --first-admin
PW=$(sed -n 's/.*password: \([^ ]*\).*/\1/p' "$T/serve.log")
[ -n "$PW" ] && ok || ko "first admin password not printed: $(cat "$T/serve.log")"
# Where it listens, in Chinese by default (it was English whatever the language).
expect_in "listening, in Chinese" "$T/serve.log" "两战已启动：http://127.0.0.1:$port（按Ctrl+C停止）"

code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/households")
[ "$code" = 401 ] && ok || ko "no token: $code"
resp=$(curl -s -D "$T/h" -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PW\"}")
TOKEN=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["token"])' "$resp" 2>/dev/null)
[ -n "$TOKEN" ] && ok || ko "login: $resp"
grep -qi '^set-cookie: lz_session=.*HttpOnly.*SameSite=Strict' "$T/h" && ok || ko "cookie flags: $(cat "$T/h")"
code=$(curl -s -o "$T/list.json" -w '%{http_code}' "$URL/api/v1/households?limit=5" -H "Authorization: Bearer $TOKEN")
[ "$code" = 200 ] && ok || ko "list: $code"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert len(j["items"])==5 and j["total"]>3000' "$T/list.json" && ok || ko "list shape"

# Status lines carry the right reason phrase: 202 Accepted for an import upload.
printf 'a,b\n1,2\n' > "$T/tiny.csv"
curl -s -D "$T/imp" -o /dev/null -X POST "$URL/api/v1/imports?kind=households&dry_run=true" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' --data-binary @"$T/tiny.csv"
head -1 "$T/imp" | grep -q '^HTTP/1.1 202 Accepted' && ok || ko "import status line: $(head -1 "$T/imp")"

# Point reads answered on the I/O thread (cached session) see a logout at once.
resp=$(curl -s -X POST "$URL/api/v1/session" -d "{\"login\":\"admin\",\"password\":\"$PW\"}")
T2=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["token"])' "$resp" 2>/dev/null)
HID=$(sqlite3 "$T/s.db" "SELECT MIN(id) FROM household WHERE deleted_at IS NULL")
codes=$(for i in 1 2 3; do curl -s -o /dev/null -w '%{http_code} ' "$URL/api/v1/households/$HID" -H "Authorization: Bearer $T2"; done)
[ "$codes" = "200 200 200 " ] && ok || ko "household reads: $codes"
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$URL/api/v1/session" -H "Authorization: Bearer $T2")
[ "$code" = 204 ] && ok || ko "logout: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/v1/households/$HID" -H "Authorization: Bearer $T2")
[ "$code" = 401 ] && ok || ko "read right after logout: $code"

# gzip on a large JSON response, and the same content once decompressed.
curl -s -D "$T/gz" -o /dev/null -H 'Accept-Encoding: gzip' "$URL/api/v1/openapi.json"
grep -qi '^content-encoding: gzip' "$T/gz" && ok || ko "openapi not gzipped"
curl -s --compressed "$URL/api/v1/openapi.json" | python3 -c 'import json,sys; assert json.load(sys.stdin)["openapi"].startswith("3.")' && ok || ko "gzip body"

# Keep-alive: two requests on one connection.
n=$(curl -s -v "$URL/api/v1/health" "$URL/api/v1/health" 2>&1 | grep -c 'Re-using existing connection\|Reusing existing connection')
[ "$n" -ge 1 ] && ok || ko "keep-alive not used"

# Body limit: 20 MiB is refused (the server closes or answers 413), small bodies pass.
head -c $((20*1024*1024)) /dev/zero | tr '\0' 'a' > "$T/big"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/api/v1/households" -H "Authorization: Bearer $TOKEN" --data-binary @"$T/big")
[ "$code" != 200 ] && [ "$code" != 201 ] && [ "$code" != 422 ] && ok || ko "oversized body accepted: $code"

# The web UI: MIME types, caching, fallback to index.html for client routes, gzip for big CSS.
ct=$(curl -s -o /dev/null -w '%{content_type}' "$URL/")
[[ "$ct" == text/html* ]] && ok || ko "index content type $ct"
ct=$(curl -s -o /dev/null -w '%{content_type}' "$URL/assets/index-abc123.js")
[[ "$ct" == text/javascript* ]] && ok || ko "js content type $ct"
curl -s "$URL/households/42" | grep -q '<div id=app>' && ok || ko "client route fallback"
code=$(curl -s -o /dev/null -w '%{http_code}' "$URL/missing.png")
[ "$code" = 404 ] && ok || ko "missing file: $code"
curl -s -D "$T/css" -o /dev/null -H 'Accept-Encoding: gzip' "$URL/assets/app.css"
grep -qi '^content-encoding: gzip' "$T/css" && ok || ko "css not gzipped"
grep -qi '^cache-control: public, max-age=31536000' "$T/css" && ok || ko "assets not cacheable"

# Follow-ups take the write lane (group commit): 40 concurrent POSTs, each
# (observation, day) twice: exactly one of each pair is 201, the other 409,
# and the database holds exactly the 201s, each with its audit entry.
OBS=$(sqlite3 "$T/s.db" "SELECT id FROM observation WHERE start_on <= '2020-02-01' ORDER BY id LIMIT 1")
sqlite3 "$T/s.db" "DELETE FROM follow_up WHERE observation_id = $OBS AND on_date BETWEEN '2020-02-01' AND '2020-02-10'"
sqlite3 "$T/s.db" "UPDATE observation SET planned_end = '2020-02-20', released_on = NULL WHERE id = $OBS"
rows_before=$(sqlite3 "$T/s.db" "SELECT COUNT(*) FROM follow_up")
audit_before=$(sqlite3 "$T/s.db" "SELECT COUNT(*) FROM audit_log WHERE action = 'follow_up.create'")
for rep in 1 2; do
  pids=()
  for day in 01 02 03 04 05 06 07 08 09 10; do
    for dup in a b; do
      curl -s -o /dev/null -w '%{http_code}\n' -X POST "$URL/api/v1/observations/$OBS/follow-ups" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"day\":\"2020-02-$day\",\"temperature\":36.6,\"at\":\"2020-02-12T08:00\"}" >> "$T/fu.$rep" &
      pids+=($!)
    done
  done
  wait "${pids[@]}"
done
created=$(cat "$T/fu.1" "$T/fu.2" | grep -c '^201$')
dups=$(cat "$T/fu.1" "$T/fu.2" | grep -c '^409$')
[ "$created" = 10 ] && [ "$dups" = 30 ] && ok || ko "follow-ups through the lane: $(sort "$T/fu.1" "$T/fu.2" | uniq -c)"
rows=$(( $(sqlite3 "$T/s.db" "SELECT COUNT(*) FROM follow_up") - rows_before ))
audits=$(( $(sqlite3 "$T/s.db" "SELECT COUNT(*) FROM audit_log WHERE action = 'follow_up.create'") - audit_before ))
[ "$rows" = 10 ] && [ "$audits" = 10 ] && ok || ko "follow-up rows $rows, audit entries $audits (want 10, 10)"

# Graceful stop: requests in flight during SIGTERM still get answers.
for i in $(seq 20); do
  curl -s -o /dev/null -w '%{http_code}\n' "$URL/api/v1/households?limit=200&offset=$((i*10))" -H "Authorization: Bearer $TOKEN" >> "$T/inflight" &
done
sleep 0.05
kill -TERM "$PID"
wait "$PID"; rc=$?
PID=
wait
[ "$rc" = 0 ] && ok || ko "exit status after SIGTERM: $rc"
grep -q "stopped cleanly" "$T/serve.log" && ok || ko "no clean stop: $(tail -3 "$T/serve.log")"
bad=$(grep -v -E '^(200|503|000)$' "$T/inflight" | wc -l)
[ "$bad" = 0 ] && ok || ko "in-flight answers: $(sort "$T/inflight" | uniq -c)"
# The database is consistent and closed (no WAL left behind to replay).
[ "$(sqlite3 "$T/s.db" 'PRAGMA integrity_check')" = ok ] && ok || ko "integrity"

lz_done
