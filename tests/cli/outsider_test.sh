#!/usr/bin/env bash
# The product as someone from outside uses it, with data it has not seen:
# a made-up county (青岚县, 431130) whose region file is GB18030 with Chinese
# headers, a full-width code and padded names; messy household rows; a masked
# export imported again; the other kinds' summaries; the bulletin's text. Each
# check here failed once (qa's pass of 2026-12):
#   - a masked export re-imported said "第7位应为数字" and "联系电话无效"
#     instead of saying the number is masked (id_number.masked, phone.masked);
#   - the summary of key_persons/passages/follow_ups/purchases printed the
#     JSON keys (persons_created: 1, amount_fen: 26025) in the Chinese output;
#   - the bulletin said "连续无新增确诊：-天" with no case, and counted
#     checkpoint passages (vehicles or groups) in 人次;
#   - a register in Traditional had every coded cell refused (戶主, 漢族, 小學),
#     key persons too (湖北返鄉, 卡點, 自駕);
#   - a missing --db pointed to `liangzhan demo` only, a missing file said
#     "No such file or directory" in the Chinese message;
#   - `template` wrote Liling's example row (430281...) whatever the county;
#   - a passage already recorded was named at "2020-02-12T08:30";
#   - a county made with init could not enter its poverty register at all
#     (import poverty_register, PUT /households/{id}/poverty/status).
# Usage: outsider_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init
LZ_DIVISION=431130
DB="$T/q.db"

# --- before init: the messages point to init and speak Chinese
check "no database yet" 1 "$BIN" stats --db "$DB"
expect_in "points to init" "$T/err" "liangzhan init --regions"
touch "$T/empty.db"
check "no such file" 1 "$BIN" import households "$T/none.csv" --db "$T/empty.db"
expect_in "missing file in Chinese" "$T/err" "无法打开文件“$T/none.csv”：文件不存在"
expect_not_in "no English reason" "$T/err" "No such file"

# --- init from a GB18030 file: Chinese headers, 县/镇/村, a full-width code
printf '代码,名称,级别,上级代码\n431130000000,青岚县,县,\n431130100000, 青岚镇 ,镇,431130000000\n431130100201,东山村,村,431130100000\n４３１１３０１０１０００,白沙乡,乡,431130000000\n431130101201,白沙村,村,431130101000\n' \
  | iconv -f UTF-8 -t GB18030 > "$T/regions.csv"
check "init" 0 "$BIN" init --db "$DB" --regions "$T/regions.csv"
check "regions" 0 "$BIN" regions --db "$DB"
expect_in "full-width code read" "$T/out" "431130101 白沙乡"
expect_in "padded name trimmed" "$T/out" "431130100 青岚镇"

# --- the template's example row in this county (--db), not in Liling
check "template --db" 0 "$BIN" template households "$T/tpl.xlsx" --db "$DB"
check "template example skipped here" 0 "$BIN" import households "$T/tpl.xlsx" --db "$DB" --dry-run --json
expect_eq "this county's example row recognised" "$(json "$T/out" 'd["added"], d["refused"], d["skipped"]')" "0 0 1"
# The example row is this county's data: the template's two rows as a CSV with
# the example twice; row 2 is skipped, row 3 (the same) is a valid household here.
python3 - "$T/tpl.xlsx" > "$T/tpl-twice.csv" <<'PY'
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml"))
rows = []
for row in root.iterfind(".//s:sheetData/s:row", ns):
    cells = {}
    for c in row.iterfind("s:c", ns):
        col = re.match(r"[A-Z]+", c.get("r")).group()
        cells[sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(col))) - 1] = "".join(t.text or "" for t in c.iter("{%s}t" % ns["s"])) or (c.findtext("s:v", "", ns))
    rows.append([cells.get(i, "") for i in range(max(cells) + 1)])
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerows([rows[0], rows[1], rows[1]])
PY
check "the example is valid here" 0 "$BIN" import households "$T/tpl-twice.csv" --db "$DB" --dry-run --json
expect_eq "example row 3 added here" "$(json "$T/out" 'd["households_added"], d["refused"], d["skipped"]')" "1 0 1"
check "template without --db" 0 "$BIN" template households "$T/tpl-liling.xlsx"
check "Liling's example skipped here too" 0 "$BIN" import households "$T/tpl-liling.xlsx" --db "$DB" --dry-run --json
expect_eq "Liling's example row recognised" "$(json "$T/out" 'd["added"], d["refused"], d["skipped"]')" "0 0 1"
check "template help" 0 "$BIN" template --help
expect_in "template help names --db" "$T/out" "--db"

# --- households: BOM, units in the header, dates three ways, a trailing column
H1=$(idn 19650312011) W1=$(idn 19680506022) H2=$(idn 19700101031) H3=$(idn 19800229071)
printf '\xef\xbb\xbf户编号,行政区划代码,家庭住址,姓名,公民身份号码（18位）,出生日期,与户主关系,联系电话,备用列\n' > "$T/hh.csv"
{ echo "QL0001,431130100201,东山村1组,王大山,$H1,1965/3/12,户主,13800000001,x"
  echo "QL0001,431130100201,东山村1组,李秀英,$W1,1968年5月6日,妻,,"
  echo ""
  echo "QL0002,431130101201,白沙村,陳國強,$H2,25569,01,13900000002,"
  echo "QL0003,431130101201,白沙村,赵四,$H3,,本人,,"; } >> "$T/hh.csv"
check "households imported" 0 "$BIN" import households "$T/hh.csv" --db "$DB"
expect_eq "persons" "$(q 'SELECT count(*) FROM person')" "4"
expect_eq "Traditional name simplified, serial date read" "$(q "SELECT name, birth_date FROM person WHERE id_number = '$H2'")" "陈国强|1970-01-01"

# --- a register kept in Traditional: headers, names and the coded cells
T1=$(idn 19600101201) T2=$(idn 20100101211)
{ echo "戶編號,所在村,姓名,身份證號,與戶主關係,民族,文化程度,健康狀況,勞動技能,在校生狀況"
  echo "TW01,白沙村,陳大文,$T1,戶主,漢族,初中,長期慢性病,弱勞動力或半勞動力,"
  echo "TW01,白沙村,陳小文,$T2,長子,漢族,小學,健康,無勞動力,小學"; } > "$T/tw.csv"
check "Traditional register" 0 "$BIN" import households "$T/tw.csv" --db "$DB" --dry-run --json
expect_eq "Traditional labels read" "$(json "$T/out" 'd["added"], d["refused"]')" "2 0"

# --- a masked export imported again: the number is said to be masked
check "export masked" 0 "$BIN" export households "$T/masked.csv" --db "$DB"
check "masked re-import refused" 1 "$BIN" import households "$T/masked.csv" --db "$DB" --dry-run --json
expect_in "masked ID number code" "$T/out" '"id_number.masked"'
expect_in "masked phone code" "$T/out" '"phone.masked"'
expect_not_in "not 'not a digit'" "$T/out" "应为数字"
check "masked, text" 1 "$BIN" import households "$T/masked.csv" --db "$DB" --dry-run
expect_in "masked: says so, row and column" "$T/out" "第2行 F列（公民身份号码）：公民身份号码“431130********"
expect_in "masked: the way out" "$T/out" "--full-ids"
check "full export" 0 "$BIN" export households "$T/full.csv" --db "$DB" --full-ids
check "full re-import unchanged" 0 "$BIN" import households "$T/full.csv" --db "$DB" --dry-run --json
expect_eq "round trip" "$(json "$T/out" 'd["unchanged"], d["refused"]')" "4 0"

# --- the kinds' counts in words and units, in the user's language
N1=$(idn 19950505001)
{ echo "姓名,公民身份号码,类别,来源,登记日期,返乡日期,从何地返回,行政区划代码"
  echo "王大山,$H1,湖北返乡,卡点,2020/2/10,2020年2月8日,湖北武汉,"
  echo "张新人,$N1,疑似,医院,2020-02-11,,,431130101201"; } > "$T/kp.csv"
check "key persons" 0 "$BIN" import key_persons "$T/kp.csv" --db "$DB"
expect_in "persons created, in Chinese" "$T/out" "新建人员（不在户内）：1人"
expect_not_in "no JSON key" "$T/out" "persons_created"
check "key persons json keeps the key" 1 "$BIN" import key_persons "$T/kp.csv" --db "$DB" --dry-run --json
expect_in "json key" "$T/out" '"persons_created"'
check "key persons, English" 1 "$BIN" --lang en import key_persons "$T/kp.csv" --db "$DB" --dry-run
expect_in "persons created, in English" "$T/out" "persons created (in no household): 0 persons"

# key persons in Traditional (GB18030): 類別, 來源, 交通方式 read as Simplified
{ echo "姓名,公民身份號碼,類別,來源,登記日期,返鄉日期,從何地返回,交通方式"
  echo "李秀英,$W1,湖北返鄉,卡點,2020-02-11,2020-02-09,湖北孝感,自駕"; } | iconv -f UTF-8 -t GB18030 > "$T/kp-tw.csv"
check "key persons in Traditional" 0 "$BIN" import key_persons "$T/kp-tw.csv" --db "$DB" --dry-run --json
expect_eq "Traditional category, source, travel mode" "$(json "$T/out" 'd["added"], d["refused"]')" "1 0"

# --- the poverty register: households already imported put in it
{ echo "户编号,户主公民身份号码,户主姓名,贫困户属性,识别年度,脱贫年度"
  echo "QL0001,,王大山,建档立卡贫困户,2014年,"
  echo ",$H2,陈国强,已脱贫户,2015,2018"
  echo "QL0003,,赵四,边缘户,,"
  echo "QL0001,,王大山,已脱贫户,2014,2013"
  echo "QL9999,,,贫困户,2014,"; } > "$T/reg.csv"
check "register, all-or-nothing" 1 "$BIN" import poverty_register "$T/reg.csv" --db "$DB" --json
refusals > "$T/r"
expect_in "lifted before registered" "$T/r" "5 F lifted_year.before_registered"
expect_in "unknown household" "$T/r" "6 A household.unknown"
expect_eq "nothing written" "$(q "SELECT COUNT(*) FROM poverty_household")" "0"
check "register, good rows" 1 "$BIN" import poverty_register "$T/reg.csv" --db "$DB" --mode good-rows
expect_in "counted in words" "$T/out" "已脱贫户：1户"
expect_eq "statuses" "$(q "SELECT group_concat(status || ':' || IFNULL(registered_year,'') || ':' || IFNULL(lifted_year,''), ' ') FROM (SELECT * FROM poverty_household ORDER BY household_id)")" "registered_poor:2014: lifted:2015:2018 marginal::"
check "stats count the register" 0 "$BIN" stats --db "$DB" --json
expect_eq "poor households (registered and lifted)" "$(json "$T/out" 'd["county"]["poor_households"]')" "2"
# The register exported (csv and xlsx, masked or not) imports back unchanged: no write, no audit entry.
reg_state() { q "SELECT group_concat(household_id || ':' || status || ':' || IFNULL(registered_year,'') || ':' || IFNULL(lifted_year,'') || ':' || version, ' ') FROM (SELECT * FROM poverty_household ORDER BY household_id)"; }
audits() { q "SELECT COUNT(*) FROM audit_log"; }
before_reg=$(reg_state) before_audits=$(audits)
check "register export csv" 0 "$BIN" export poverty_register "$T/reg-out.csv" --db "$DB"
expect_eq "register csv rows" "$(($(wc -l < "$T/reg-out.csv") - 1))" "3"
expect_in "register csv header" "$T/reg-out.csv" "户编号,户主公民身份号码,户主姓名,贫困户属性,识别年度,脱贫年度"
expect_in "register csv status in words" "$T/reg-out.csv" "已脱贫户,2015,2018"
expect_not_in "register csv masked" "$T/reg-out.csv" "$H2"
check "register export xlsx, full ids" 0 "$BIN" export poverty_register "$T/reg-out.xlsx" --db "$DB" --full-ids
check "register export of a township" 0 "$BIN" export poverty_register "$T/reg-town.csv" --db "$DB" --region 431130101
expect_eq "register export of a township: its households only" "$(($(wc -l < "$T/reg-town.csv") - 1))" \
  "$(q "SELECT COUNT(*) FROM poverty_household ph JOIN household h ON h.id = ph.household_id WHERE h.region_code LIKE '431130101%'")"
for f in reg-out.csv reg-out.xlsx; do
  check "register round trip $f" 0 "$BIN" import poverty_register "$T/$f" --db "$DB" --json
  expect_eq "register round trip $f: refused, updated, added, unchanged" "$(json "$T/out" 'd["refused"], d["updated"], d["added"], d["unchanged"]')" "0 0 0 3"
  expect_eq "register round trip $f: data unchanged" "$(reg_state)" "$before_reg"
  expect_eq "register round trip $f: nothing audited" "$(audits)" "$before_audits"
done
# One row changed: that household updated, the others unchanged; then back.
sed 's/已脱贫户,2015,2018/已脱贫户,2015,2019/' "$T/reg-out.csv" > "$T/reg-change.csv"
check "register, one row changed" 0 "$BIN" import poverty_register "$T/reg-change.csv" --db "$DB" --json
expect_eq "register, one row changed: added, updated, unchanged" "$(json "$T/out" 'd["added"], d["updated"], d["unchanged"]')" "0 1 2"
check "register, changed back" 0 "$BIN" import poverty_register "$T/reg-out.csv" --db "$DB" --json
expect_eq "register, changed back: updated" "$(json "$T/out" 'd["updated"]')" "1"
# The check runs on the county's today (not the demo's 2020-02-12) and for its year.
check "audit on the county's day" 0 "$BIN" audit --db "$DB" --json
expect_eq "audit as of today" "$(json "$T/out" 'd["as_of"], d["year"]')" "$(date -u +%F) $(date -u +%Y)"

# --- the bulletin's text: no case yet; passages are vehicles or groups
check "bulletin" 0 "$BIN" bulletin --db "$DB" --date 2020-02-12
expect_in "no case yet" "$T/out" "连续无新增确诊：尚无确诊病例"
expect_not_in "no '-天'" "$T/out" "-天"
expect_in "passages in 车次/批" "$T/out" "通行0车次/批"
check "bulletin, English" 0 "$BIN" --lang en bulletin --db "$DB" --date 2020-02-12
expect_in "no case yet, English" "$T/out" "no case confirmed yet"

# --- the API: a township officer sees their township only; a checkpoint's
# ledger imported twice names the passage's time as people write it
PW='Qinglan#2020x'
echo "$PW" > "$T/pw"
check "user add admin" 0 "$BIN" user add --db "$DB" --login boss --role county_admin --password-stdin < "$T/pw"
check "user add officer" 0 "$BIN" user add --db "$DB" --login baisha --role township_officer --region 431130101 --password-stdin < "$T/pw"
lz_serve
CP=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/v1/checkpoints" -d '{"name":"青岚收费站","region_code":"431130100"}' | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
lz_login baisha "$PW"
curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/v1/households?limit=100" > "$T/hh.json"
expect_eq "officer sees 白沙乡 only" "$(json "$T/hh.json" 'd["total"], sorted(i["number"] for i in d["items"])')" "2 ['QL0002', 'QL0003']"
{ echo "卡点,时间,车牌号,来自,体温"; echo "$CP,2020/2/12 8:30,湘B12345,长沙,36.6"; } > "$T/pa.csv"
check "passages" 0 "$BIN" import passages "$T/pa.csv" --db "$DB"
expect_in "passages counted" "$T/out" "通行：1车次/批"
check "passages again" 1 "$BIN" import passages "$T/pa.csv" --db "$DB"
expect_in "duplicate: the time as written" "$T/out" "在2020-02-12 08:30已有车牌“湘B12345”"

lz_done outsider
