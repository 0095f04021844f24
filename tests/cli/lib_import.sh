# Shared by the import tests against the real server (import_chunked_upload_test.sh,
# import_upload_restart_test.sh) and bench/import.sh: a test's scratch folder,
# counters and port; starting the server and logging in; the generated
# households CSV (3 member rows a household, valid ID numbers). Source it:
#   . "$(dirname "$0")/lib_import.sh"      (functions only; nothing runs)

# lz_test_init: T (a scratch folder removed on exit with the server PID),
# pass/fail counters with ok/ko, a free port and URL.
lz_test_init() {
  T=$(mktemp -d)
  PID=
  trap 'lz_cleanup' EXIT
  pass=0 fail=0
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  URL=http://127.0.0.1:$port
}
lz_cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$T"; }
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL $*"; }

# lz_serve [ARGS...]: `$BIN serve` on $DB and $port (PID, log in $T/serve.log),
# once it answers, the login boss / $PW (TOKEN).
lz_serve() {
  "$BIN" serve --db "$DB" --listen 127.0.0.1:$port "$@" > "$T/serve.log" 2>&1 &
  PID=$!
  for _ in $(seq 100); do curl -s "$URL/api/v1/health" >/dev/null && break; sleep 0.1; done
  local resp
  resp=$(curl -s -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d "{\"login\":\"boss\",\"password\":\"$PW\"}")
  TOKEN=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["token"])' "$resp" 2>/dev/null)
  [ -n "$TOKEN" ] && ok || ko "login: $resp"
}

# lz_households_csv REGIONS_JSON OUT ROWS [BAD_ROW]: ROWS member rows (3 a
# household over the villages of `liangzhan regions --json`, 11 columns, CRLF);
# row BAD_ROW (0-based) gets an ID number damaged into scientific notation.
lz_households_csv() {
  python3 - "$1" "$2" "$3" "${4:--1}" <<'PY'
import json, sys, datetime
villages = [r["code"] for r in json.load(open(sys.argv[1])) if r["level"] == "village"]
n, bad = int(sys.argv[3]), int(sys.argv[4])
w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
base = datetime.date(1950, 1, 1)
rel = ["本人", "配偶", "子"]
with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
    f.write("户编号,行政区划代码,家庭住址,姓名,公民身份号码,出生日期,与户主关系,民族,文化程度,健康状况,联系电话\r\n")
    for i in range(n):
        h = i // 3
        d = base + datetime.timedelta(days=i // 800)
        s = "430281" + d.strftime("%Y%m%d") + str(100 + i % 800)
        idn = s + "10X98765432"[sum(int(a) * b for a, b in zip(s, w)) % 11]
        if i == bad: idn = "4.30281E+17"
        v = villages[h % len(villages)]
        phone = "138%08d" % i if i % 3 == 0 else ""
        f.write(f"B{h:07d},{v},{h % 20 + 1}组,姓名{i},{idn},{d.year}/{d.month}/{d.day},{rel[i % 3]},汉族,初中,健康,{phone}\r\n")
PY
}
