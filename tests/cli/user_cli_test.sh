#!/usr/bin/env bash
# `liangzhan user` as an administrator calls it: passwords on stdin, exit
# statuses, messages on stderr, the JSON of `user list`, the audit trail.
# Usage: user_cli_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init
LZ_STDIN=$T/in  # every check's stdin: the password written by password()
password() { printf '%s\n' "$1" >"$T/in"; }
DB="$T/u.db"
: >"$T/in"

check "user help" 0 "$BIN" user --help
expect_in "user help lists reset-password" "$T/out" "reset-password"
check "user add help" 0 "$BIN" user add --help
expect_in "add help names --password-stdin" "$T/out" "--password-stdin"
expect_in "add help lists roles" "$T/out" "township_officer"
check "user without subcommand" 1 "$BIN" user
check "user list on missing db" 1 "$BIN" user list --db "$T/missing.db"
expect_in "missing db message" "$T/err" "不存在"

check "demo small" 0 "$BIN" demo --db "$DB" --scale small --seed 3

password 'Liling-2020!'
check "add township officer" 0 "$BIN" user add --db "$DB" --login Zhang3 --role township_officer \
  --region 430281126 --name 张三 --password-stdin
expect_in "add says created" "$T/out" "zhang3"
check "add without --password-stdin" 1 "$BIN" user add --db "$DB" --login li4 --role county_admin
expect_in "add without --password-stdin says why" "$T/err" "--password-stdin"
password 'liling2020'
check "weak password refused" 1 "$BIN" user add --db "$DB" --login li4 --role county_admin --password-stdin
expect_in "weak password reason" "$T/err" "三类"
password 'Li4-county-2020'
check "password containing the login refused, English" 1 "$BIN" --lang en user add --db "$DB" \
  --login li4 --role county_admin --password-stdin
expect_in "contains login reason en" "$T/err" "must not contain the login"
: >"$T/in"
check "empty stdin refused" 1 "$BIN" user add --db "$DB" --login li4 --role county_admin --password-stdin
# A field error names the field as the user knows it, never by its key.
password 'Spring.Front#7'
check "bad login refused" 1 "$BIN" user add --db "$DB" --login tt --role county_admin --password-stdin
expect_eq "bad login: the message alone" "$(cat "$T/err")" \
  "错误: 登录名“tt”无效：应为3到32个字符，只能用小写字母、数字和 _ . -"
check "bad login refused, English" 1 "$BIN" --lang en user add --db "$DB" --login tt \
  --role county_admin --password-stdin
expect_eq "bad login: the message alone, English" "$(cat "$T/err")" \
  'error: The login "tt" is invalid: it must be 3 to 32 characters of lowercase letters, digits and _ . -'
check "village cadre on a township refused" 1 "$BIN" user add --db "$DB" --login wang6 \
  --role village_cadre --region 430281126 --password-stdin
expect_eq "region error labelled" "$(cat "$T/err")" \
  "错误: 行政区划代码: 角色village_cadre（村干部）的账号须绑定一个村（社区）（12位代码），“430281126”不是"
expect_not_in "no raw key" "$T/err" "region_code"
check "add county admin (default region)" 0 "$BIN" user add --db "$DB" --login li4 --role county_admin --password-stdin
check "duplicate login refused" 1 "$BIN" user add --db "$DB" --login ZHANG3 --role county_admin --password-stdin
expect_in "duplicate login message" "$T/err" "已被使用"
check "wrong region level refused" 1 "$BIN" user add --db "$DB" --login wang5 --role village_cadre \
  --region 430281126 --password-stdin
expect_in "region level message" "$T/err" "村（社区）"
check "unknown role refused" 1 "$BIN" --lang en user add --db "$DB" --login wang5 --role mayor --password-stdin
expect_in "unknown role lists roles" "$T/err" "audit_admin"
check "paired cadre without cadre refused" 1 "$BIN" user add --db "$DB" --login wang5 --role paired_cadre --password-stdin
check "paired cadre" 0 "$BIN" user add --db "$DB" --login wang5 --role paired_cadre --cadre 1 --password-stdin
check "system admin takes no region" 1 "$BIN" user add --db "$DB" --login root1 --role system_admin \
  --region 430281 --password-stdin

: >"$T/in"
check "list" 0 "$BIN" user list --db "$DB"
expect_in "list shows the account" "$T/out" "zhang3"
expect_in "list shows the role in Chinese" "$T/out" "乡镇干部"
# Columns padded to display width (a CJK character counts two columns).
expect_eq "list header aligned" "$(sed -n 1p "$T/out")" "id    登录名                角色                区划            姓名 / 状态"
expect_in "list row aligned" "$T/out" "zhang3                乡镇干部            430281126       张三 / 正常"
check "list json" 0 "$BIN" user list --db "$DB" --json
expect_not_in "no hash in list" "$T/out" "argon2"
python3 - "$T/out" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL list json shape"; }
import json, sys
a = {x["login"]: x for x in json.load(open(sys.argv[1]))}
assert set(a) == {"zhang3", "li4", "wang5"}, a
z = a["zhang3"]
assert z["role"] == "township_officer" and z["region_code"] == "430281126" and z["display_name"] == "张三", z
assert z["disabled"] is False and z["locked"] is False and z["failed_logins"] == 0, z
assert a["li4"]["region_code"] == "430281", a["li4"]
assert a["wang5"]["cadre_id"] == 1 and a["wang5"]["region_code"] == "430281", a["wang5"]
assert all("password_hash" not in x for x in a.values())
PY

check "disable" 0 "$BIN" user disable --db "$DB" --login zhang3
check "list json after disable" 0 "$BIN" user list --db "$DB" --json
python3 -c "import json; a={x['login']: x for x in json.load(open('$T/out'))}; assert a['zhang3']['disabled'] is True and a['li4']['disabled'] is False" \
  && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL disabled in json"; }
check "list shows disabled" 0 "$BIN" --lang en user list --db "$DB"
expect_in "disabled status" "$T/out" "disabled"
check "disable unknown login" 1 "$BIN" user disable --db "$DB" --login nobody
expect_in "unknown login message" "$T/err" "nobody"
check "enable" 0 "$BIN" user enable --db "$DB" --login zhang3
check "list json after enable" 0 "$BIN" user list --db "$DB" --json
python3 -c "import json; a={x['login']: x for x in json.load(open('$T/out'))}; assert a['zhang3']['disabled'] is False" \
  && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL enabled in json"; }

password 'New-Spring-2020'
check "reset-password" 0 "$BIN" user reset-password --db "$DB" --login zhang3 --password-stdin
check "reset-password without --password-stdin" 1 "$BIN" user reset-password --db "$DB" --login zhang3
password 'short'
check "reset-password weak refused" 1 "$BIN" user reset-password --db "$DB" --login zhang3 --password-stdin
expect_in "reset weak reason" "$T/err" "太短"
password 'New-Spring-2020'
check "reset-password unknown login" 1 "$BIN" user reset-password --db "$DB" --login nobody --password-stdin

# Every change is in the audit trail, with actor cli, and no hash anywhere.
python3 - "$DB" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit trail"; }
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("SELECT actor, action, entity_id, COALESCE(before,''), COALESCE(after,'') FROM audit_log "
                 "WHERE entity = 'account' ORDER BY id").fetchall()
actions = [r[1] for r in rows]
assert actions == ["create", "create", "create", "disable", "enable", "password_reset"], actions
assert all(r[0] == "cli" for r in rows), rows
assert all("argon2" not in r[3] + r[4] and "password_hash" not in r[3] + r[4] for r in rows)
PY

lz_done
