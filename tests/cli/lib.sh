# What the shell tests (tests/cli/*_test.sh, tests/http/server_test.sh) and
# bench/import.sh share: the binary, a scratch folder removed on exit (with
# the server, if one runs), pass/fail counters and the checks, a server on a
# free port and a login, and the generated households CSV (3 member rows a
# household, valid ID numbers). Source it; it defines functions and LZ_ROOT,
# nothing runs:
#   . "$(dirname "$0")/lib.sh"            (from tests/cli; ../cli/lib.sh elsewhere)

LZ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# lz_bin [PATH]: BIN = PATH, else $LZ_BIN, else build/liangzhan of this
# checkout; stops the test (status 1) when there is no such program.
lz_bin() {
  BIN=${1:-${LZ_BIN:-$LZ_ROOT/build/liangzhan}}
  [ -x "$BIN" ] || { echo "usage: $0 path/to/liangzhan (no program at $BIN)" >&2; exit 1; }
}

# lz_test_init: T (a scratch folder removed on exit, with the server PID
# killed), pass/fail counters, a free port and its URL.
lz_test_init() {
  T=$(mktemp -d)
  PID=
  trap 'lz_cleanup' EXIT
  pass=0 fail=0
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  URL=http://127.0.0.1:$port
}
lz_cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$T"; }

# lz_done NAME: the counts line ("NAME: P passed, F failed"; no NAME: just
# the counts); its status is the test's (0 when nothing failed).
lz_done() {
  echo "${1:+$1: }$pass passed, $fail failed"
  [ "$fail" = 0 ]
}

# The checks. Each counts a pass or prints "FAIL ..." and counts a failure;
# a failed check shows the first $LZ_SHOW (default 5) lines of what it saw.
ok() { pass=$((pass+1)); }
ko() { fail=$((fail+1)); echo "FAIL $*"; }
# check NAME EXPECTED_STATUS COMMAND...: stdout in $T/out, stderr in $T/err
# (stdin from $LZ_STDIN when set).
check() {
  local name=$1 want=$2; shift 2
  if [ -n "${LZ_STDIN:-}" ]; then "$@" <"$LZ_STDIN" >"$T/out" 2>"$T/err"; else "$@" >"$T/out" 2>"$T/err"; fi
  local got=$?
  if [ "$got" = "$want" ]; then ok; else
    ko "$name: exit $got, wanted $want"; head -"${LZ_SHOW:-5}" "$T/out" "$T/err"; fi
}
expect_in() {  # expect_in NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then ok; else ko "$1: '$3' not in $2:"; head -"${LZ_SHOW:-5}" "$2"; fi
}
expect_not_in() {  # expect_not_in NAME FILE TEXT
  if ! grep -qF -- "$3" "$2"; then ok; else ko "$1: '$3' in $2"; fi
}
expect_eq() {  # expect_eq NAME GOT WANT
  if [ "$2" = "$3" ]; then ok; else ko "$1: got '$2', wanted '$3'"; fi
}

# json FILE EXPR: EXPR (Python) over the JSON in FILE as d.
json() { python3 -c "import json,sys; d=json.load(open('$1')); print($2)"; }
# q SQL: the first row of SQL on $DB, its columns joined by |.
q() { python3 -c "import sqlite3,sys; c=sqlite3.connect('$DB'); r=c.execute(sys.argv[1]).fetchone(); print('|'.join(str(x) for x in r) if r else '')" "$1"; }
# refusals: an import report's refusals ($T/out, --json) as "row column code" lines.
refusals() { python3 -c "
import json; d=json.load(open('$T/out'))
for r in d['refusals']: print(r['row'], r['column'] or '-', r['code'])"; }
# idn DIGITS: a valid ID number: division $LZ_DIVISION (default 430281),
# then DIGITS (birth date and sequence), then the check character.
idn() { python3 -c "
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; s='${LZ_DIVISION:-430281}$1'
print(s+'10X98765432'[sum(int(a)*b for a,b in zip(s,w))%11])"; }

# lz_start [ARGS...]: `$BIN serve` on $DB and $port (PID; its log in
# $T/serve.log), back once it answers /api/v1/health.
lz_start() {
  "$BIN" serve --db "$DB" --listen 127.0.0.1:$port "$@" > "$T/serve.log" 2>&1 &
  PID=$!
  for _ in $(seq 100); do curl -s "$URL/api/v1/health" >/dev/null && break; sleep 0.1; done
}
# lz_login LOGIN PASSWORD: TOKEN of a new session (a check: "login" fails
# with the answer and the end of the server's log).
lz_login() {
  local resp
  resp=$(curl -s -X POST "$URL/api/v1/session" -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"$2\"}")
  TOKEN=$(python3 -c 'import json,sys;print(json.loads(sys.argv[1])["token"])' "$resp" 2>/dev/null)
  [ -n "$TOKEN" ] && ok || ko "login: $resp $(tail -3 "$T/serve.log")"
}
# lz_serve [ARGS...]: lz_start, then the login boss / $PW.
lz_serve() { lz_start "$@"; lz_login boss "$PW"; }

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
