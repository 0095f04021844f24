#!/usr/bin/env bash
# The epidemic front's import kinds through the binary (issue 8): templates
# for key_persons, passages and follow_ups; imports from CSV (UTF-8 and GBK)
# and the template's xlsx with every kind of row error named by row, column
# and reason (Chinese, --lang en), both modes, --dry-run, the report as
# xlsx, exit statuses; and the exports of these lists. Fixtures are made here
# from the demo county (its today is 2020-02-12).
# Usage: import_kinds_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init
LZ_SHOW=20

DB="$T/c.db"
# The demo county (its epidemic records are what these fixtures use; a later
# front's generator failing does not stop this test as long as they are there).
"$BIN" demo --db "$DB" --scale small --seed 1 >"$T/out" 2>"$T/err"
if [ "$(q "SELECT COUNT(*) FROM observation")" -gt 0 ] 2>/dev/null; then pass=$((pass+1)); else
  fail=$((fail+1)); echo "FAIL demo county without observations"; cat "$T/err"; fi

for k in key_persons passages follow_ups; do
  check "template $k" 0 "$BIN" template $k "$T/$k.xlsx"
  [ -s "$T/$k.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL template $k not written"; }
done
check "template unknown kind" 1 "$BIN" template cadres "$T/x.xlsx"
expect_in "template kinds listed" "$T/err" "key_persons"

# --- key persons ---------------------------------------------------------
# A registry person not yet listed, their real name, and a village.
IFS='|' read -r A_ID A_NAME A_REGION <<<"$(q "SELECT p.id_number, p.name, p.region_code FROM person p WHERE p.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM key_person k WHERE k.person_id = p.id) ORDER BY p.id LIMIT 1")"
IFS='|' read -r B_ID B_NAME <<<"$(q "SELECT p.id_number, p.name FROM person p WHERE p.household_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM key_person k WHERE k.person_id = p.id) ORDER BY p.id LIMIT 1 OFFSET 7")"
NEW=$(idn 19850101913)
{
  echo "姓名,身份证号（18位）,人员类别,来源,登记日期,返乡日期,从何地返回,交通方式,所在村（社区）,体温"
  echo "$A_NAME,$A_ID,湖北返乡,走访,2020/2/10,2020年2月1日,湖北省武汉市,高铁,,"     # 2 good
  echo "别人,$B_ID,发热,,2020-02-10,,,,,38.1"                                       # 3 name mismatch
  echo "$A_NAME,$A_ID,湖北返乡,,2020-02-11,2020-02-01,武汉,,,"                        # 4 duplicate in file
  echo "赵六,4.30281E+17,发热,,,,,,,"                                               # 5 scientific notation
  echo "钱七,$NEW,轻症,,,,,,$A_REGION,"                                             # 6 unknown category
  echo "孙八,$NEW,发热,,2020-03-01,,,,$A_REGION,"                                   # 7 date in the future
  echo "周九,$NEW,发热,,,,,,$A_REGION,52"                                           # 8 implausible temperature
  echo "吴十,$NEW,发热,,,,,,$A_REGION,37.9"                                         # 9 good: a person outside the households
} > "$T/kp.csv"
iconv -f UTF-8 -t GB18030 "$T/kp.csv" > "$T/kp-gbk.csv"
kp_before=$(q "SELECT COUNT(*) FROM key_person")
check "key persons all-or-nothing" 1 "$BIN" import key_persons "$T/kp-gbk.csv" --db "$DB" --json --report "$T/kp-report.xlsx"
expect_eq "key persons refused" "$(json "$T/out" 'd["format"], d["rows_read"], d["refused"], d["committed"]')" "csv (GB18030) 8 6 False"
refusals > "$T/r"
for want in "3 A key_person.name_mismatch" "4 B key_person.duplicate_in_file" "5 B id_number.scientific" \
            "6 C value.unknown" "7 E key_person.date_future" "8 J temperature.implausible"; do
  expect_in "key persons: $want" "$T/r" "$want"
done
[ -s "$T/kp-report.xlsx" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL report not written"; }
expect_eq "nothing written" "$(q "SELECT COUNT(*) FROM key_person")" "$kp_before"
check "key persons dry run" 1 "$BIN" import key_persons "$T/kp.csv" --db "$DB" --mode good-rows --dry-run --json
expect_eq "dry run counts" "$(json "$T/out" 'd["added"], d["persons_created"], d["committed"], d["dry_run"]')" "2 1 False True"
expect_eq "dry run wrote nothing" "$(q "SELECT COUNT(*) FROM key_person")" "$kp_before"
check "key persons good rows (English)" 1 "$BIN" --lang en import key_persons "$T/kp.csv" --db "$DB" --mode good-rows
expect_in "summary line" "$T/out" "8 rows read: 2 imported, 6 refused (written)"
expect_in "English reason by row and column" "$T/out" "row 5, column B (身份证号(18位)): The ID number"
expect_eq "two listed" "$(q "SELECT COUNT(*) FROM key_person")" "$((kp_before + 2))"
check "key persons again" 1 "$BIN" import key_persons "$T/kp.csv" --db "$DB" --mode good-rows --json
expect_in "already listed" "$T/out" "key_person.duplicate"

# --- passages --------------------------------------------------------------
IFS='|' read -r CP_ID CP_NAME <<<"$(q "SELECT id, name FROM checkpoint ORDER BY id LIMIT 1")"
{
  echo "卡点,通行时间,车牌号码,出发地,目的地,姓名,身份证号,体温（℃）"
  echo "$CP_NAME,2020-02-11 06:01,湘Ｂ９８７６５,株洲,本镇,$A_NAME,$A_ID,36.5"   # 2 \ one passage,
  echo "$CP_NAME,2020-02-11 06:01,湘Ｂ９８７６５,株洲,本镇,$B_NAME,$B_ID,38.0"   # 3 / a fever referred
  echo "$CP_ID,2020/2/11 6:02,湘B98764,株洲,,某人,,38.5"                         # 4 fever without ID number
  echo "$CP_ID,2020-02-11,湘B98763,株洲,,,,36.6"                                 # 5 no time of day
  echo "无名卡点,2020-02-11 06:03,湘B98762,株洲,,,,36.6"                         # 6 unknown checkpoint
  echo "$CP_ID,2020-02-11 06:04,XYZ,株洲,,,,36.6"                                # 7 bad plate
  echo "$CP_ID,2020-02-11 06:05,湘B98761,株洲,,,,高烧"                           # 8 bad temperature
  echo "$CP_ID,2020-02-11 06:06,湘B98760,株洲,,,,36.6"                           # 9 good
} > "$T/p.csv"
iconv -f UTF-8 -t GB18030 "$T/p.csv" > "$T/p-gbk.csv"
p_before=$(q "SELECT COUNT(*) FROM passage")
check "passages all-or-nothing" 1 "$BIN" import passages "$T/p-gbk.csv" --db "$DB" --json
refusals > "$T/r"
for want in "4 G passage.referral_identity_required" "5 B datetime.time_required" "6 A checkpoint.unknown" \
            "7 C passage.plate_invalid" "8 H temperature.format"; do
  expect_in "passages: $want" "$T/r" "$want"
done
expect_eq "no passage written" "$(q "SELECT COUNT(*) FROM passage")" "$p_before"
check "passages good rows" 1 "$BIN" import passages "$T/p.csv" --db "$DB" --mode good-rows --json
expect_eq "passages counts" "$(json "$T/out" 'd["added"], d["passages"], d["fevers"], d["key_persons_referred"]')" "3 2 1 1"
expect_eq "two passages" "$(q "SELECT COUNT(*) FROM passage")" "$((p_before + 2))"
check "passages again" 1 "$BIN" import passages "$T/p.csv" --db "$DB" --mode good-rows --json
expect_in "already recorded" "$T/out" "passage.duplicate"

# --- follow-ups ------------------------------------------------------------
# An observation running on 2020-02-12 with two due days D1 < D2 without a follow-up.
cat > "$T/pick.py" <<'PYEOF'
import sqlite3, datetime, sys
c = sqlite3.connect(sys.argv[1])
today = datetime.date(2020, 2, 12)
rows = c.execute("SELECT o.id, p.id_number, o.start_on, o.planned_end FROM observation o JOIN person p ON p.id = o.person_id "
                 "WHERE o.released_on IS NULL AND o.planned_end > '2020-02-12' ORDER BY o.id").fetchall()
for oid, idn, start, end in rows:
    done = {r[0] for r in c.execute("SELECT on_date FROM follow_up WHERE observation_id = ?", (oid,))}
    d, free = datetime.date.fromisoformat(start), []
    while d <= today and d < datetime.date.fromisoformat(end):
        if d.isoformat() not in done:
            free.append(d.isoformat())
        d += datetime.timedelta(days=1)
    if len(free) >= 2:
        print(oid, idn, free[0], free[1], sep="|")
        sys.exit(0)
# The demo follows everyone up every day: take back the last two days of the first one (a fixture).
oid, idn, start, end = rows[0]
c.execute("DELETE FROM follow_up WHERE observation_id = ? AND on_date IN ('2020-02-11', '2020-02-12')", (oid,))
c.commit()
print(oid, idn, "2020-02-11", "2020-02-12", sep="|")
PYEOF
IFS='|' read -r O_ID O_PERSON D1 D2 <<<"$(python3 "$T/pick.py" "$DB")"
if [ -z "$O_ID" ]; then echo "FAIL no observation to follow up in the demo county"; fail=$((fail+1)); fi
{
  echo "身份证号,随访日期,第几天,体温,主要症状,随访人员"
  echo "$O_PERSON,$D1,,36.5,无,李医生"           # 2 good
  echo "$O_PERSON,$D2,,37.6,干咳、乏力,李医生"    # 3 good, alert
  echo "$O_PERSON,$D1,,36.6,,李医生"              # 4 second for the same day
  echo "$O_PERSON,2019-12-01,,36.6,,李医生"              # 5 not a follow-up day
  echo "$NEW,2020-02-11,,36.6,,李医生"                   # 6 no observation
  echo "$O_PERSON,2020-02-12,,36.6,咳嗽不止,李医生"      # 7 unknown symptom
  echo "$O_PERSON,2020-02-12,,36.6,,"                    # 8 nobody named
} > "$T/f.csv"
check "follow-ups all-or-nothing" 1 "$BIN" import follow_ups "$T/f.csv" --db "$DB" --json
refusals > "$T/r"
for want in "4 B follow_up.duplicate_in_file" "5 B follow_up.day_not_due" "6 A observation.none" \
            "7 E symptoms.unknown" "8 F follow_up.by_required"; do
  expect_in "follow-ups: $want" "$T/r" "$want"
done
expect_in "names the earlier row" "$T/out" "第2行"
check "follow-ups good rows" 1 "$BIN" import follow_ups "$T/f.csv" --db "$DB" --mode good-rows --json
expect_eq "follow-ups counts" "$(json "$T/out" 'd["added"], d["alerts"], d["committed"]')" "2 1 True"
expect_eq "recorded" "$(q "SELECT COUNT(*) FROM follow_up WHERE observation_id = $O_ID AND on_date IN ('$D1','$D2')")" "2"

# --- a header without a required column: the file is refused ---------------
printf '姓名,体温,随访人\n张三,36.5,李医生\n' > "$T/h.csv"
check "header missing" 1 "$BIN" import follow_ups "$T/h.csv" --db "$DB"
expect_in "header reason" "$T/err" "观察编号"

# --- exports in the import formats: what was imported is recognised as already there
for k in key_persons passages follow_ups; do
  check "export $k" 0 "$BIN" export $k "$T/e-$k.csv" --db "$DB" --full-ids
  check "export $k xlsx masked" 0 "$BIN" export $k "$T/e-$k.xlsx" --db "$DB"
done
expect_eq "exported follow-ups" "$(($(wc -l < "$T/e-follow_ups.csv") - 1))" "$(q "SELECT COUNT(*) FROM follow_up")"
check "follow-ups export re-imported" 1 "$BIN" import follow_ups "$T/e-follow_ups.csv" --db "$DB" --dry-run --json
expect_eq "all already recorded" "$(json "$T/out" 'd["rows_read"] == d["refused"] > 0, {r["code"] for r in d["refusals"]}')" "True {'follow_up.duplicate'}"
check "key persons export re-imported" 1 "$BIN" import key_persons "$T/e-key_persons.csv" --db "$DB" --dry-run --json
expect_eq "all already listed" "$(json "$T/out" 'd["rows_read"] == d["refused"] > 0, d["added"]')" "True 0"
check "export masked" 0 "$BIN" export key_persons "$T/m.csv" --db "$DB"
expect_in "masked ID numbers" "$T/m.csv" "********"
check "export bad region" 1 "$BIN" export passages "$T/x.csv" --db "$DB" --region 999

lz_done import_kinds_test
