#!/usr/bin/env bash
# The livelihood front's import kinds through the binary (issue 8): templates
# for purchases, labourers and cooperatives; imports from CSV (UTF-8 and GBK)
# with every kind of row error named by row, column and reason (Chinese,
# --lang en); the purchase rules as over the API (capacity, listing, amount
# rounding, business income credited, the household re-checked); both
# modes, --dry-run writing nothing, a purchase ledger imported twice not
# credited twice, a weight column in kg; exports imported back (round trip).
# Fixtures are made here from the demo county (its today is 2020-02-12).
# Usage: import_livelihood_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init
LZ_SHOW=30

DB="$T/c.db"
"$BIN" demo --db "$DB" --scale small --seed 1 >"$T/out" 2>"$T/err"
if [ "$(q "SELECT COUNT(*) FROM purchase_point")" -gt 0 ] 2>/dev/null; then pass=$((pass+1)); else
  fail=$((fail+1)); echo "FAIL demo county without purchase points"; cat "$T/err"; fi

for k in purchases listings labourers cooperatives; do
  check "template $k" 0 "$BIN" template $k "$T/$k.xlsx"
  [ -s "$T/$k.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL template $k not written"; }
done

# --- purchases ---------------------------------------------------------------
IFS='|' read -r P_ID P_NAME P_CAP <<<"$(q "SELECT id, name, capacity_grams FROM purchase_point ORDER BY id LIMIT 1")"
# H1: a household in the poverty register (re-checked); H2: one outside it.
IFS='|' read -r H1 H1_NUM H1_HEAD <<<"$(q "SELECT h.id, h.number, p.name FROM household h JOIN person p ON p.id = h.head_person_id JOIN poverty_household ph ON ph.household_id = h.id WHERE ph.status = 'lifted' ORDER BY h.id LIMIT 1")"
IFS='|' read -r H2 H2_HEAD_ID <<<"$(q "SELECT h.id, p.id_number FROM household h JOIN person p ON p.id = h.head_person_id WHERE NOT EXISTS (SELECT 1 FROM poverty_household ph WHERE ph.household_id = h.id) ORDER BY h.id LIMIT 1")"
biz() { q "SELECT COALESCE(business_fen, -1) FROM poverty_income WHERE household_id = $1 AND year = 2020"; }
B1=$(biz "$H1"); B2=$(biz "$H2")
checked() { q "SELECT COALESCE(MAX(checked_at), 'never') FROM household_class WHERE household_id = $1"; }
C1=$(checked "$H1")
{
  echo "收购日期,收购点,户编号,户主身份证号,户主姓名,品种,重量（斤）,单价（元/斤）,金额（元）,备注"
  echo "2020-02-12,$P_NAME,$H1_NUM,,$H1_HEAD,白菜,37.5,1.33,49.88,"           # 2 good: 49.875 rounds up to 49.88
  echo "2020/2/12,$P_ID,,$H2_HEAD_ID,,萝卜,5.5,0.80,,早市"                     # 3 good by ID number, amount computed
  echo "2020-02-12,$P_NAME,$H1_NUM,,,白菜,10,1.20,12.50,"                      # 4 amount does not match
  echo "2020-02-12,无名收购点,$H1_NUM,,,白菜,10,1.20,,"                        # 5 unknown point
  echo "2020-02-12,$P_NAME,X999,,,白菜,10,1.20,,"                              # 6 unknown household
  echo "2020-02-12,$P_NAME,$H1_NUM,,别人,白菜,10,1.20,,"                       # 7 not the householder
  echo "2020-02-12,$P_NAME,$H1_NUM,,,榴莲,10,1.20,,"                           # 8 unknown kind
  echo "2020-02-12,$P_NAME,$H1_NUM,,,白菜,100000,1.20,,"                       # 9 over the day's capacity
  echo "2020-03-01,$P_NAME,$H1_NUM,,,白菜,10,1.20,,"                           # 10 in the future
  echo "2020-02-12,$P_NAME,,4.30281E+17,,白菜,10,1.20,,"                       # 11 damaged ID number
  echo "2020-02-12,$P_NAME,$H1_NUM,,,白菜,十斤,1.20,,"                         # 12 not a number
  echo "2020-02-12,$P_NAME,,,,白菜,10,1.20,,"                                  # 13 no household
} > "$T/pu.csv"
iconv -f UTF-8 -t GB18030 "$T/pu.csv" > "$T/pu-gbk.csv"
pu_before=$(q "SELECT COUNT(*) FROM produce_purchase")
check "purchases all-or-nothing" 1 "$BIN" import purchases "$T/pu-gbk.csv" --db "$DB" --json --report "$T/pu-report.xlsx"
expect_eq "purchases refused" "$(json "$T/out" 'd["format"], d["rows_read"], d["refused"], d["committed"]')" "csv (GB18030) 12 10 False"
refusals > "$T/r"
for want in "4 I purchase.amount_mismatch" "5 B purchase_point.unknown" "6 C household.unknown" \
            "7 E purchase.name_mismatch" "8 F produce.kind_unknown" "9 G purchase.exceeds_capacity" \
            "10 A purchase.date_future" "11 D id_number.scientific" "12 G number.format" \
            "13 C purchase.household_required"; do
  expect_in "purchases: $want" "$T/r" "$want"
done
expect_in "reason in Chinese names the right amount" "$T/out" "金额应为12.00元"
[ -s "$T/pu-report.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL report not written"; }
expect_eq "all-or-nothing wrote nothing" "$(q "SELECT COUNT(*) FROM produce_purchase")" "$pu_before"
expect_eq "no income credited" "$(biz "$H1")" "$B1"
check "purchases dry run" 1 "$BIN" import purchases "$T/pu.csv" --db "$DB" --mode good-rows --dry-run --json
expect_eq "dry run counts" "$(json "$T/out" 'd["added"], d["amount_fen"], d["households_credited"], d["households_rechecked"], d["committed"], d["dry_run"]')" "2 5428 2 1 False True"
expect_eq "dry run wrote nothing" "$(q "SELECT COUNT(*) FROM produce_purchase")" "$pu_before"
expect_eq "dry run credited nothing" "$(biz "$H1")|$(biz "$H2")|$(checked "$H1")" "$B1|$B2|$C1"
check "purchases good rows (English)" 1 "$BIN" --lang en import purchases "$T/pu.csv" --db "$DB" --mode good-rows
expect_in "summary line" "$T/out" "12 rows read: 2 imported, 10 refused (written)"
expect_in "English reason by row and column" "$T/out" "row 9, column G"
expect_eq "two purchases" "$(q "SELECT COUNT(*) FROM produce_purchase")" "$((pu_before + 2))"
expect_eq "amount rounded half up" "$(q "SELECT amount_fen, poor FROM produce_purchase WHERE household_id = $H1 ORDER BY id DESC LIMIT 1")" "4988|1"
expect_eq "business income credited" "$(biz "$H1")|$(biz "$H2")" "$(( (B1 < 0 ? 0 : B1) + 4988 ))|$(( (B2 < 0 ? 0 : B2) + 440 ))"
expect_eq "audited" "$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'purchase.create' AND actor = 'import'")" "2"
expect_eq "register household re-checked" "$([ "$(checked "$H1")" != "$C1" ] && echo yes)" "yes"
check "purchases again: already recorded" 1 "$BIN" import purchases "$T/pu.csv" --db "$DB" --mode good-rows --json
expect_eq "both recorded ones refused" "$(json "$T/out" 'd["added"], sorted(r["row"] for r in d["refusals"] if r["code"] == "purchase.duplicate")')" "0 [2, 3]"
# The same purchase again with a note saying it is another one; a weight in kg.
{
  echo "收购日期,收购点,户编号,品种,重量(公斤),单价(元/斤),金额(元),备注"
  echo "2020-02-12,$P_NAME,$H1_NUM,白菜,18.75,1.33,49.88,第二车"    # 18.75 kg = 37.5 jin
} > "$T/kg.csv"
check "kg and a second purchase with a note" 0 "$BIN" import purchases "$T/kg.csv" --db "$DB" --json
expect_eq "kg converted" "$(q "SELECT grams, amount_fen FROM produce_purchase ORDER BY id DESC LIMIT 1")" "18750|4988"
# A variety written in Traditional (白蘿蔔): converted like names, then sold as its kind (萝卜).
printf '收购日期,收购点,户编号,品种,重量（斤）,单价（元/斤）\n2020-02-12,%s,%s,白蘿蔔,4,0.50\n' "$P_NAME" "$H1_NUM" > "$T/trad.csv"
check "Traditional variety" 0 "$BIN" import purchases "$T/trad.csv" --db "$DB" --json
expect_eq "白蘿蔔 bought as radish" "$(q "SELECT kind, grams FROM produce_purchase ORDER BY id DESC LIMIT 1")" "radish|2000"
# The day's capacity across the rows of one file (the import keeps a running
# total per point and day): row 3 would pass alone but not after row 2; row 4
# is written, then refused (amount) and undone, so row 5 still fits exactly.
LEFT=$(q "SELECT ($P_CAP - COALESCE(SUM(grams), 0)) / 500 FROM produce_purchase WHERE point_id = $P_ID AND on_date = '2020-02-12'")
HALF=$((LEFT / 2)) REST=$((LEFT - LEFT / 2))
{
  echo "收购日期,收购点,户编号,户主身份证号,户主姓名,品种,重量（斤）,单价（元/斤）,金额（元）,备注"
  echo "2020-02-12,$P_ID,,$H2_HEAD_ID,,萝卜,$HALF,0.80,,容量1"
  echo "2020-02-12,$P_ID,,$H2_HEAD_ID,,萝卜,$((REST + 1)),0.80,,容量2"
  echo "2020-02-12,$P_ID,,$H2_HEAD_ID,,萝卜,$REST,0.80,0.01,容量3"
  echo "2020-02-12,$P_ID,,$H2_HEAD_ID,,萝卜,$REST,0.80,,容量4"
} > "$T/cap.csv"
check "capacity across rows" 1 "$BIN" import purchases "$T/cap.csv" --db "$DB" --mode good-rows --json
expect_eq "second row over the day's capacity" "$(json "$T/out" 'd["added"], [(r["row"], r["code"]) for r in d["refusals"]]')" "2 [(3, 'purchase.exceeds_capacity'), (4, 'purchase.amount_mismatch')]"
expect_eq "point full for the day" "$(q "SELECT ($P_CAP - SUM(grams)) / 500 FROM produce_purchase WHERE point_id = $P_ID AND on_date = '2020-02-12'")" "0"
printf '收购点,户编号,品种,重量,单价(元/公斤)\n%s,%s,白菜,1,2\n' "$P_NAME" "$H1_NUM" > "$T/kgprice.csv"
check "price per kg refused as a header" 1 "$BIN" import purchases "$T/kgprice.csv" --db "$DB"
expect_in "header reason" "$T/err" "元/斤"
printf '收购点,品种,重量\n%s,白菜,1\n' "$P_NAME" > "$T/nohh.csv"
check "no household column" 1 "$BIN" import purchases "$T/nohh.csv" --db "$DB"
expect_in "header names both" "$T/err" "户编号"

# Round trip: the export (masked or full) imports back as already recorded.
check "export purchases" 0 "$BIN" export purchases "$T/e-pu.csv" --db "$DB" --full-ids --region 430281122
check "export purchases xlsx masked" 0 "$BIN" export purchases "$T/e-pu.xlsx" --db "$DB" --region 430281122
expect_eq "exported every point purchase" "$(($(wc -l < "$T/e-pu.csv") - 1))" "$(q "SELECT COUNT(*) FROM produce_purchase WHERE point_id IS NOT NULL AND region_code LIKE '430281122%'")"
check "purchases export re-imported" 1 "$BIN" import purchases "$T/e-pu.csv" --db "$DB" --dry-run --json
expect_eq "all already recorded" "$(json "$T/out" 'd["rows_read"] == d["refused"] > 0, {r["code"] for r in d["refusals"]}')" "True {'purchase.duplicate'}"
check "masked xlsx export re-imported" 1 "$BIN" import purchases "$T/e-pu.xlsx" --db "$DB" --dry-run --json
expect_eq "xlsx: all already recorded" "$(json "$T/out" 'd["format"], d["rows_read"] == d["refused"] > 0, {r["code"] for r in d["refusals"]}')" "xlsx True {'purchase.duplicate'}"

# --- listings (households' unsold produce) ------------------------------------------
{
  echo "登记日期,户编号,户主姓名,品种,待售数量（公斤）,期望价格（元/斤）,最晚销售日期,备注"
  echo "2020-02-10,$H1_NUM,$H1_HEAD,白菜,400,1.2,2020-02-20,"     # 2 good: 400 kg = 800 jin
  echo "2020-02-10,$H1_NUM,,萝卜,100,,2020-02-05,"                 # 3 sell-by before listing
  echo "2020-02-10,$H1_NUM,,萝卜,100,,,"                           # 4 no sell-by date
  echo "2020-02-10,X999,,萝卜,100,,2020-02-20,"                    # 5 unknown household
  echo "2020-03-01,$H1_NUM,,萝卜,100,,2020-03-05,"                 # 6 listed in the future
} > "$T/li.csv"
li_before=$(q "SELECT COUNT(*) FROM produce_listing")
check "listings all-or-nothing" 1 "$BIN" import listings "$T/li.csv" --db "$DB" --json
refusals > "$T/r"
for want in "3 G listing.sell_by_before_listed" "4 G listing.sell_by_required" "5 B household.unknown" \
            "6 A listing.date_future"; do
  expect_in "listings: $want" "$T/r" "$want"
done
expect_eq "listings nothing written" "$(q "SELECT COUNT(*) FROM produce_listing")" "$li_before"
check "listings good rows" 1 "$BIN" import listings "$T/li.csv" --db "$DB" --mode good-rows --json
expect_eq "listing written in jin" "$(q "SELECT grams, remaining_grams, expected_fen_per_jin, status FROM produce_listing ORDER BY id DESC LIMIT 1")" "400000|400000|120|open"
check "listings again" 1 "$BIN" import listings "$T/li.csv" --db "$DB" --mode good-rows --json
expect_in "already listed" "$T/out" "listing.duplicate"
check "export listings" 0 "$BIN" export listings "$T/e-li.xlsx" --db "$DB"
check "listings export re-imported" 1 "$BIN" import listings "$T/e-li.xlsx" --db "$DB" --dry-run --json
expect_eq "all already listed" "$(json "$T/out" 'd["rows_read"] == d["refused"] > 0, {r["code"] for r in d["refusals"]}')" "True {'listing.duplicate'}"

# --- labourers -------------------------------------------------------------------
# L1: a working-age member of a lifted household, not registered; L2: someone outside the register;
# L3: a registered labourer.
IFS='|' read -r L1_ID L1_NAME <<<"$(q "SELECT p.id_number, p.name FROM person p JOIN poverty_household ph ON ph.household_id = p.household_id WHERE ph.status IN ('lifted','registered_poor') AND p.labour IN ('ordinary','skilled') AND p.birth_date BETWEEN '1965-01-01' AND '2000-01-01' AND NOT EXISTS (SELECT 1 FROM labourer l WHERE l.person_id = p.id) ORDER BY p.id LIMIT 1")"
IFS='|' read -r L2_ID L2_NAME <<<"$(q "SELECT p.id_number, p.name FROM person p WHERE p.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM poverty_household ph WHERE ph.household_id = p.household_id) AND p.birth_date BETWEEN '1965-01-01' AND '2000-01-01' ORDER BY p.id LIMIT 1")"
L4_ID=$(q "SELECT p.id_number FROM person p WHERE p.household_id IS NOT NULL ORDER BY p.id DESC LIMIT 1")
IFS='|' read -r L3_ID L3_NAME L3_LID <<<"$(q "SELECT p.id_number, p.name, l.id FROM labourer l JOIN person p ON p.id = l.person_id WHERE l.status = 'available' ORDER BY l.id LIMIT 1")"
{
  echo "姓名,身份证号,技能特长,可上岗日期,全职/兼职,原务工地,意向工种,意向地点,状态,备注"
  echo "$L1_NAME,$L1_ID,电焊、驾驶,2020年2月15日,全职,广东东莞,制造,本县(市),待岗,"   # 2 new
  echo "$L2_NAME,$L2_ID,,,,,,,,"                                                        # 3 not eligible
  echo "$L3_NAME,$L3_ID,,,,,,,,防疫期间可到镇上"                                         # 4 update: the note
  echo "别人,$L1_ID,,,,,,,,"                                                            # 5 twice in the file
  echo "别人,$L4_ID,,,,,,,,"                                                            # 6 not their name
  echo "$L1_NAME,430281199001011230,,,,,,,,"                                            # 7 bad check digit
  echo "$L1_NAME,$L1_ID,,,半天,,,,,"                                                    # 8 duplicate in file
} > "$T/lab.csv"
iconv -f UTF-8 -t GB18030 "$T/lab.csv" > "$T/lab-gbk.csv"
lab_before=$(q "SELECT COUNT(*) FROM labourer")
check "labourers all-or-nothing" 1 "$BIN" import labourers "$T/lab-gbk.csv" --db "$DB" --json
refusals > "$T/r"
for want in "3 B labourer.not_eligible" "5 B labourer.duplicate_in_file" "6 A labourer.name_mismatch" \
            "7 B id_number.checksum" "8 B labourer.duplicate_in_file"; do
  expect_in "labourers: $want" "$T/r" "$want"
done
expect_eq "labourers nothing written" "$(q "SELECT COUNT(*) FROM labourer")|$(q "SELECT note FROM labourer WHERE id = $L3_LID")" "$lab_before|$(q "SELECT note FROM labourer WHERE id = $L3_LID")"
check "labourers good rows" 1 "$BIN" import labourers "$T/lab.csv" --db "$DB" --mode good-rows --json
expect_eq "labourers counts" "$(json "$T/out" 'd["added"], d["updated"], d["refused"], d["committed"]')" "1 1 5 True"
expect_eq "registered with the file's values" "$(q "SELECT l.skills, l.available_from, l.hours, l.wanted_kind, l.wanted_place FROM labourer l JOIN person p ON p.id = l.person_id WHERE p.id_number = '$L1_ID'")" "电焊,驾驶|2020-02-15|full_time|manufacturing|county"
expect_eq "updated the note only" "$(q "SELECT note, status FROM labourer WHERE id = $L3_LID")" "防疫期间可到镇上|available"
check "export labourers" 0 "$BIN" export labourers "$T/e-lab.csv" --db "$DB" --full-ids
check "labourers export re-imported" 0 "$BIN" import labourers "$T/e-lab.csv" --db "$DB" --json
expect_eq "all unchanged" "$(json "$T/out" 'd["rows_read"] == d["unchanged"] > 0, d["added"], d["updated"], d["refused"]')" "True 0 0 0"

# --- cooperatives ------------------------------------------------------------------
IFS='|' read -r V_CODE V_NAME <<<"$(q "SELECT code, name FROM region WHERE length(code) = 12 AND name NOT IN (SELECT name FROM region WHERE length(code) = 12 GROUP BY name HAVING COUNT(*) > 1) ORDER BY code LIMIT 1")"
{
  echo "合作社名称,所在村（社区）,理事长,联系电话,成员数,主营产品"
  echo "醴陵市导入测试蔬菜专业合作社,$V_NAME,李四,13812345678,35,蔬菜"        # 2 good
  echo "醴陵市导入测试茶叶专业合作社,没有这个村,李四,13812345678,12,茶叶"    # 3 unknown village
  echo "醴陵市导入测试水果专业合作社,$V_CODE,王五,12345,8,水果"              # 4 bad phone
  echo "醴陵市导入测试蔬菜专业合作社,$V_NAME,李四,13812345678,35,蔬菜"        # 5 twice in the file
  echo "醴陵市导入测试油茶专业合作社,$V_CODE,赵六,,三十,油茶"                 # 6 members not a number
  echo ",$V_CODE,赵六,,3,油茶"                                                # 7 no name
} > "$T/co.csv"
co_before=$(q "SELECT COUNT(*) FROM cooperative")
check "cooperatives good rows" 1 "$BIN" import cooperatives "$T/co.csv" --db "$DB" --mode good-rows --json
refusals > "$T/r"
for want in "3 B village.unknown" "4 D cooperative.phone" "5 A cooperative.duplicate_in_file" \
            "6 E number.format" "7 A cooperative.name_required"; do
  expect_in "cooperatives: $want" "$T/r" "$want"
done
expect_eq "one cooperative" "$(q "SELECT COUNT(*) FROM cooperative")" "$((co_before + 1))"
expect_eq "in its village" "$(q "SELECT region_code, members, produce FROM cooperative ORDER BY id DESC LIMIT 1")" "$V_CODE|35|蔬菜"
check "export cooperatives" 0 "$BIN" export cooperatives "$T/e-co.xlsx" --db "$DB" --full-ids --region "$V_CODE"
check "cooperatives export re-imported" 1 "$BIN" import cooperatives "$T/e-co.xlsx" --db "$DB" --json
expect_eq "already registered" "$(json "$T/out" 'd["rows_read"] == d["refused"] > 0, {r["code"] for r in d["refusals"]}')" "True {'cooperative.duplicate'}"

lz_done import_livelihood_test
