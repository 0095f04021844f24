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
# of the template itself (the example row is recognised and skipped).
check "template imports (dry run)" 0 "$BIN" import households "$T/tpl.xlsx" --db "$DB" --dry-run --json
expect_eq "template example row" "$(json "$T/out" 'd["rows_read"], d["added"], d["skipped"], d["committed"]')" "1 0 1 False"

# The untouched template of every kind, imported: its example row (row 2) is
# skipped and said so, neither added nor refused; no table changes (the
# households import still audits that an import took place).
cat > "$T/counts.py" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ts = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'import%' AND name NOT LIKE 'sqlite%' AND name != 'audit_log' ORDER BY name")]
print(" ".join("%s=%d" % (t, c.execute('SELECT COUNT(*) FROM "%s"' % t).fetchone()[0]) for t in ts))
PY
for k in households key_persons passages follow_ups purchases listings labourers cooperatives poverty_register; do
  for how in "--db $DB" ""; do
    check "template $k $how" 0 "$BIN" template $k "$T/t-$k.xlsx" $how
    before=$(python3 "$T/counts.py" "$DB")
    check "untouched template $k ($how) imports" 0 "$BIN" import $k "$T/t-$k.xlsx" --db "$DB" --json
    expect_eq "template $k ($how): example skipped" "$(json "$T/out" 'd["rows_read"], d["added"], d["refused"], d["skipped"], [r["row"] for r in d["skipped_rows"]]')" "1 0 0 1 [2]"
    expect_in "template $k ($how): reason" "$T/out" "第2行是模板示例行，已跳过"
    expect_not_in "template $k ($how): its explanation sheet is not data" "$T/out" "未导入"
    expect_eq "template $k ($how): nothing written" "$(python3 "$T/counts.py" "$DB")" "$before"
  done
done
check "template example skipped (text, English)" 0 "$BIN" --lang en import purchases "$T/t-purchases.xlsx" --db "$DB"
expect_in "said in the summary" "$T/out" "row 2 is the template's example row; skipped"

VILLAGE=$("$BIN" regions --json | python3 -c "
import json,sys
print(next(r['code'] for r in json.load(sys.stdin) if r['level']=='village'))")

# A register kept as a printed form (GB18030, as WPS saves it): a title and a
# line of who filled it in above the header, a total and the signatures below
# the data are skipped and said so.
{
  echo "官庄镇建档立卡贫困户花名册,,,,"
  echo "填报单位：官庄镇,,,填报日期：2020年2月12日,"
  echo "户编号,行政区划代码,姓名,公民身份号码,与户主关系"
  echo "TTL001,$VILLAGE,张三,$(idn 19700101017),本人"
  echo "合计：1户1人,,,,"
  echo "填表人：李四,,审核人：王五,,"
} | iconv -f UTF-8 -t GB18030 > "$T/titled.csv"
check "titled register (dry run)" 0 "$BIN" import households "$T/titled.csv" --db "$DB" --dry-run
expect_in "titled: summary" "$T/out" "读取1行：新增1人，更新0人，未变0人，退回0行（未写入任何数据，试运行）"
expect_in "titled: title row said" "$T/out" "第1行是表格标题（表头在第3行），已跳过"
expect_in "titled: second title row said" "$T/out" "第2行是表格标题（表头在第3行），已跳过"
expect_in "titled: the total below the data said" "$T/out" "第5行是表尾（合计、填表人等），已跳过"
expect_in "titled: who filled it in said" "$T/out" "第6行是表尾（合计、填表人等），已跳过"
check "titled register (English, JSON)" 0 "$BIN" --lang en import households "$T/titled.csv" --db "$DB" --dry-run --json
expect_eq "titled: JSON" "$(json "$T/out" 'd["rows_read"], d["added"], d["skipped"], [r["reason"] for r in d["skipped_rows"]][0]')" "1 1 4 row 1 is a title above the header (row 3); skipped"

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
# The sheet's measures carry their unit in its language (counts none).
xlsx_text() { python3 -c "
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
t = ' '.join(z.read(n).decode() for n in z.namelist() if n.endswith('.xml'))
print('|'.join(re.findall(r'<t[^>]*>([^<]*)</t>', t)))" "$1"; }
check "bulletin xlsx (English)" 0 "$BIN" --lang en bulletin --db "$DB" --date 2020-02-12 --xlsx "$T/bulletin-en.xlsx"
xlsx_text "$T/bulletin-en.xlsx" > "$T/bulletin-en.txt"
xlsx_text "$T/bulletin.xlsx" > "$T/bulletin-zh.txt"
expect_in "bulletin xlsx en: jin" "$T/bulletin-en.txt" "Produce bought today (jin)"
expect_in "bulletin xlsx en: yuan" "$T/bulletin-en.txt" "Paid to poor households in all (yuan)"
expect_in "bulletin xlsx en: fertilizer in t" "$T/bulletin-en.txt" "Spring-farming supplies distributed: fertilizer (t)"
expect_in "bulletin xlsx zh: fertilizer in 吨" "$T/bulletin-zh.txt" "已发放春耕物资：化肥（吨）"
check "import missing file" 1 "$BIN" import households "$T/nope.csv" --db "$DB"
check "import old xls" 1 "$BIN" import households "$T/old.xls" --db "$DB"
expect_in "xls hint" "$T/err" ".xlsx"
check "import bad mode" 1 "$BIN" import households "$T/fill.csv" --db "$DB" --mode some

lz_done import_test
