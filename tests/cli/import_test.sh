#!/usr/bin/env bash
# Excel and CSV through the binary: template -> fill -> import (dry run,
# both modes, report, JSON) -> export (masked, full, region scope) -> the
# export imports back unchanged; bulletin --xlsx. Fixtures are made here.
# Usage: import_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init

DB="$T/c.db"
check "demo" 0 "$BIN" demo --db "$DB" --scale small --seed 1
check "template" 0 "$BIN" template households "$T/tpl.xlsx"
[ -s "$T/tpl.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL template not written"; }
check "template unknown kind" 1 "$BIN" template cadres "$T/x.xlsx"
expect_in "template kind message" "$T/err" "households"

# Fill the template: read its header row back through an import dry run
# of the template itself (the example row imports as one household).
check "template imports (dry run)" 0 "$BIN" import households "$T/tpl.xlsx" --db "$DB" --dry-run --json
expect_eq "template example row" "$(json "$T/out" 'd["rows_read"], d["added"], d["committed"]')" "1 1 False"

VILLAGE=$("$BIN" regions --json | python3 -c "
import json,sys
print(next(r['code'] for r in json.load(sys.stdin) if r['level']=='village'))")

# Valid ID numbers (check digit computed here).
A=$(idn 19700101011); B=$(idn 19720304022); C=$(idn 19600101041)
{
  echo "户编号,行政区划代码,姓名,公民身份号码,与户主关系,联系电话,出生日期"
  echo "IMP001,$VILLAGE,张三,$A,本人,13812345678,1970/1/1"
  echo "IMP001,$VILLAGE,李四,$B,配偶,,1972年3月4日"
  echo "IMP002,$VILLAGE,王五,$C,01,,"
  echo "IMP003,$VILLAGE,赵六,4.30281E+17,01,,"
  echo "IMP004,$VILLAGE,钱七,$(idn 19800101051),01,999,"
} > "$T/fill.csv"
iconv -f UTF-8 -t GB18030 "$T/fill.csv" > "$T/fill-gbk.csv"

before=$("$BIN" stats --db "$DB" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['county']['persons'])")
check "all-or-nothing refuses" 1 "$BIN" import households "$T/fill-gbk.csv" --db "$DB" --json --report "$T/report.xlsx"
expect_eq "refusals" "$(json "$T/out" 'd["refused"], d["committed"], len(d["refusals"])')" "2 False 2"
expect_eq "scientific row/column" "$(json "$T/out" 'd["refusals"][0]["row"], d["refusals"][0]["column"]')" "5 D"
expect_in "scientific reason" "$T/out" "科学计数法"
expect_in "phone reason" "$T/out" "999"
[ -s "$T/report.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL report not written"; }
after=$("$BIN" stats --db "$DB" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['county']['persons'])")
expect_eq "nothing written" "$after" "$before"

check "english messages" 1 "$BIN" --lang en import households "$T/fill.csv" --db "$DB"
expect_in "english row and column" "$T/out" "row 5, column D"

check "dry run good rows" 1 "$BIN" import households "$T/fill.csv" --db "$DB" --mode good-rows --dry-run --json
expect_eq "dry run counts" "$(json "$T/out" 'd["added"], d["refused"], d["committed"]')" "3 2 False"
check "good rows" 1 "$BIN" import households "$T/fill.csv" --db "$DB" --mode good-rows --json
expect_eq "good rows counts" "$(json "$T/out" 'd["added"], d["refused"], d["committed"]')" "3 2 True"
after=$("$BIN" stats --db "$DB" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['county']['persons'])")
expect_eq "three added" "$after" "$((before + 3))"
sed -n 1,4p "$T/fill.csv" > "$T/again.csv"
check "again: unchanged" 0 "$BIN" import households "$T/again.csv" --db "$DB" --json
expect_eq "dedupe" "$(json "$T/out" 'd["added"], d["unchanged"]')" "0 3"

# Export: masked by default, full with --full-ids, scoped by region.
check "export masked" 0 "$BIN" export households "$T/out.csv" --db "$DB" --region "$VILLAGE"
expect_in "masked id" "$T/out.csv" "${A:0:6}********${A:14:4}"
check "export full" 0 "$BIN" export households "$T/full.xlsx" --db "$DB" --region "$VILLAGE" --full-ids
check "export persons csv" 0 "$BIN" export persons "$T/persons.csv" --db "$DB" --full-ids
expect_in "persons has A" "$T/persons.csv" "$A"
check "export bad region" 1 "$BIN" export households "$T/x.csv" --db "$DB" --region 430281999999
check "export bad kind" 1 "$BIN" export cadres "$T/x.csv" --db "$DB"

# Round trip: the full export imports back with nothing added or changed.
rows=$(($(wc -l < "$T/out.csv") - 1))
check "round trip" 0 "$BIN" import households "$T/full.xlsx" --db "$DB" --json
expect_eq "round trip equal" "$(json "$T/out" 'd["rows_read"], d["added"], d["updated"], d["unchanged"], d["refused"]')" "$rows 0 0 $rows 0"

check "bulletin xlsx" 0 "$BIN" bulletin --db "$DB" --date 2020-02-12 --xlsx "$T/bulletin.xlsx"
[ -s "$T/bulletin.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL bulletin.xlsx not written"; }
check "import missing file" 1 "$BIN" import households "$T/nope.csv" --db "$DB"
check "import old xls" 1 "$BIN" import households "$T/old.xls" --db "$DB"
expect_in "xls hint" "$T/err" ".xlsx"
check "import bad mode" 1 "$BIN" import households "$T/fill.csv" --db "$DB" --mode some

lz_done import_test
