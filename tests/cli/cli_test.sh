#!/usr/bin/env bash
# The CLI as a user calls it: exit statuses, messages on stderr, JSON contracts.
# Usage: cli_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init

check "help" 0 "$BIN" --help
expect_in "help lists demo" "$T/out" "demo"
check "demo help" 0 "$BIN" demo --help
expect_in "demo help names --scale" "$T/out" "--scale"
check "no subcommand" 1 "$BIN"
check "unknown option" 1 "$BIN" stats --db x --bogus
expect_in "unknown option named in Chinese" "$T/err" "无法识别的参数：--bogus"
check "bad scale" 1 "$BIN" demo --db "$T/x.db" --scale huge
expect_in "bad scale in Chinese, with the choices" "$T/err" "参数 --scale 的值“huge”无效"
check "missing --db" 1 "$BIN" stats
expect_in "missing --db in Chinese" "$T/err" "缺少必填参数 --db"
expect_in "usage hint in Chinese" "$T/err" "查看用法"
check "missing --db, English" 1 "$BIN" --lang en stats
expect_in "missing --db in English" "$T/err" "--db is required"
check "missing subcommand, Chinese" 1 "$BIN"
expect_in "missing subcommand in Chinese" "$T/err" "缺少子命令"
check "bad number" 1 "$BIN" demo --db "$T/x.db" --seed abc
expect_in "bad number in Chinese" "$T/err" "参数 --seed"
check "stats on missing db" 1 "$BIN" stats --db "$T/missing.db"
expect_in "missing db message" "$T/err" "不存在"
check "stats on missing db, English" 1 "$BIN" --lang en stats --db "$T/missing.db"
expect_in "missing db message en" "$T/err" "does not exist"
[ ! -e "$T/missing.db" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL stats created a database"; }

check "demo small" 0 "$BIN" demo --db "$T/d.db" --scale small --seed 5
check "demo refuses existing county" 1 "$BIN" demo --db "$T/d.db"
expect_in "demo refusal says why" "$T/err" "已有"
check "demo --force" 0 "$BIN" demo --db "$T/d.db" --seed 5 --force
check "stats json" 0 "$BIN" stats --db "$T/d.db" --json
python3 - "$T/out" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL stats json shape"; }
import json, sys
j = json.load(open(sys.argv[1]))
c = j["county"]
assert c["code"] == "430281" and c["name"] == "醴陵市", c
assert c["poor_households"] == 112 and c["poor_persons"] == 372, c
assert c["persons"] == 10600, c
assert c["cadres"]["village_stationed"] == 4 and c["cadres"]["paired"] == 47, c
t = {x["code"]: x for x in j["townships"]}
assert t["430281126"]["name"] == "官庄镇", t["430281126"]
assert sum(x["persons"] for x in j["townships"]) == c["persons"]
assert sum(x["poor_households"] for x in j["townships"]) == 112
assert all(set(x) >= {"code","name","households","persons","poor_households","poor_persons"} for x in j["townships"])
PY
check "stats table" 0 "$BIN" stats --db "$T/d.db"
expect_in "stats table names a township" "$T/out" "官庄镇"

check "regions" 0 "$BIN" regions --region 430281126
expect_in "regions lists 瓦子坪村" "$T/out" "瓦子坪村"
check "regions bad code" 1 "$BIN" regions --region 43028112x
check "regions json statistical form" 0 "$BIN" regions --region 430281126000 --json
expect_in "division code" "$T/out" '"division_code": "430281126000"'

check "id valid" 0 "$BIN" id "11010519491231002X"
expect_in "id valid output" "$T/out" "1949-12-31"
check "id lowercase x, full-width" 0 "$BIN" id "１１０１０５１９４９１２３１００２x"
check "id invalid checksum" 1 "$BIN" id 110105194912310021
expect_in "id checksum message" "$T/err" "校验码"
check "id json" 1 "$BIN" id --json 110105194912310021 11010519491231002X
python3 -c "import json,sys; a=json.load(open('$T/out')); assert [x['valid'] for x in a]==[False,True] and a[0]['code']=='id_number.checksum'" \
  && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL id json"; }

# The poverty check over the demo county.
check "audit json" 0 "$BIN" audit --db "$T/d.db" --json
python3 - "$T/out" "$T/d.db" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit json shape"; }
import json, sys, sqlite3
j = json.load(open(sys.argv[1]))
n = sqlite3.connect(sys.argv[2]).execute("SELECT COUNT(*) FROM poverty_household").fetchone()[0]
assert j["households"] == n, (j["households"], n)
assert len(j["rules"]) >= 14 and all(r["pass"] + r["gap"] + r["unknown"] == n for r in j["rules"]), j["rules"]
assert sum(j["classes"].values()) == n and all(v > 0 for v in j["classes"].values()), j["classes"]
assert sum(t["households"] for t in j["townships"]) == n
assert 0 < sum(r["gap"] for r in j["rules"]) < n * len(j["rules"]) / 4
PY
check "audit table" 0 "$BIN" audit --db "$T/d.db" --region 430281126
# Rules by their Chinese names (English with --lang en); the ids only in --json.
expect_in "audit names a rule" "$T/out" "人均纯收入超过贫困线"
expect_in "audit names a policy rule" "$T/out" "残疾人补贴落实"
expect_not_in "audit shows no rule id" "$T/out" "income.above_line"
expect_not_in "audit shows no policy id" "$T/out" "policy.disability_subsidy"
# Columns line up whatever the width of the names (CJK characters are two columns).
python3 - "$T/out" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit table aligned"; }
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rules = [l for l in lines[1:19]]
assert len({w(l) for l in rules}) == 1, [(w(l), l) for l in rules]
PY
check "audit table en" 0 "$BIN" --lang en audit --db "$T/d.db" --region 430281126
expect_in "audit names a rule in English" "$T/out" "Income above the poverty line"
expect_not_in "audit en shows no rule id" "$T/out" "income.above_line"
check "audit json keeps ids" 0 "$BIN" audit --db "$T/d.db" --region 430281126 --json
expect_in "audit json rule id" "$T/out" '"income.above_line"'
check "audit bad region" 1 "$BIN" audit --db "$T/d.db" --region 12x
check "audit bad date" 1 "$BIN" audit --db "$T/d.db" --as-of 2020/02/12
# The demo county's tasks: opened by the check of 20 January, some fixed since
# (a few sent back), the overdue ones among them; the check of its date added the rest.
python3 - "$T/d.db" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL demo gap tasks"; }
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
st = dict(db.execute("SELECT state, COUNT(*) FROM gap_task GROUP BY state").fetchall())
assert st.get("open", 0) > 0 and st.get("fixed", 0) > 0, st
assert db.execute("SELECT MIN(opened_on) FROM gap_task").fetchone()[0] == "2020-01-20"
assert db.execute("SELECT COUNT(*) FROM gap_task WHERE state IN ('open','fixed','returned') AND deadline < '2020-02-12'").fetchone()[0] > 0
PY
check "audit apply on the demo" 0 "$BIN" audit --db "$T/d.db" --apply --json
python3 -c "import json;j=json.load(open('$T/out'));assert j['tasks']=={'opened':0,'closed':0,'reopened':0}, j['tasks']" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL the demo's tasks match its gaps"; }
# A new gap (a household's housing now grade D) opens a task on the next apply.
sqlite3 "$T/d.db" "UPDATE poverty_condition SET housing_grade='D' WHERE household_id=(SELECT household_id FROM poverty_condition WHERE housing_grade IN ('A','B') AND household_id NOT IN (SELECT household_id FROM gap_task WHERE rule_id='housing.safe') LIMIT 1)"
check "audit apply" 0 "$BIN" audit --db "$T/d.db" --apply --json
python3 -c "import json;j=json.load(open('$T/out'));assert j['tasks']['opened']==1, j['tasks']" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit apply opens tasks"; }
check "audit apply twice" 0 "$BIN" audit --db "$T/d.db" --apply --json
python3 -c "import json;j=json.load(open('$T/out'));assert j['tasks']=={'opened':0,'closed':0,'reopened':0}, j['tasks']" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL second apply changes nothing"; }

# The daily bulletin of the seed's date.
check "bulletin json" 0 "$BIN" bulletin --db "$T/d.db" --date 2020-02-12 --json
python3 - "$T/out" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL bulletin json"; }
import json, sys
j = json.load(open(sys.argv[1]))
e, p = j["epidemic"], j["poverty"]
assert j["date"] == "2020-02-12" and j["region"] == {"code": "430281", "name": "醴陵市"}, j["region"]
assert e["confirmed_total"] == 8 and e["discharged_total"] == 6 and e["in_hospital"] == 2, e
assert e["confirmed_new"] == 0 and e["days_without_new_case"] > 10, e
assert e["under_observation"] == e["observation_home"] + e["observation_centralized"], e
assert sum(e["key_persons_by_category"].values()) >= e["key_persons_total"] > 0, e
assert e["follow_ups_done"] <= e["follow_ups_due"], e
assert p["registered_households"] == 112 and p["registered_persons"] == 372 and p["registered_persons_infected"] == 0, p
assert j["cadres"] == {"village_stationed": 4, "paired": 47}, j["cadres"]
PY
check "bulletin before the first case" 0 "$BIN" bulletin --db "$T/d.db" --date 2020-01-10 --json
python3 -c "import json;e=json.load(open('$T/out'))['epidemic'];assert e['confirmed_total']==0 and e['days_without_new_case'] is None, e" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL early bulletin"; }
check "bulletin of a township" 0 "$BIN" bulletin --db "$T/d.db" --date 2020-02-12 --region 430281122 --json
python3 -c "import json;j=json.load(open('$T/out'));assert j['region']['name']=='石亭镇' and j['poverty']['registered_households']<112" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL township bulletin"; }
check "bulletin table" 0 "$BIN" bulletin --db "$T/d.db" --date 2020-02-12
expect_in "bulletin text" "$T/out" "连续无新增确诊"
# Spring-farming supplies in the bulletin's language: 吨, not the unit id (tonne).
check "bulletin json for supplies" 0 "$BIN" bulletin --db "$T/d.db" --date 2020-02-12 --json
cp "$T/out" "$T/b.json"
check "bulletin text with supplies" 0 "$BIN" bulletin --db "$T/d.db" --date 2020-02-12
want=$(python3 - "$T/b.json" zh <<'PY'
import json, sys
names = {"seed": ("种子", "斤"), "fertilizer": ("化肥", "吨"), "sprayer": ("喷雾器", "台"),
         "plastic_film": ("农膜", "公斤"), "pesticide": ("农药", "公斤")}
def n(q):
    s = f"{q:.3f}".rstrip("0").rstrip(".")
    return s
sd = json.load(open(sys.argv[1]))["livelihood"]["supplies_distributed"]
print("春耕物资：已发放" + "，".join(names[k][0] + n(v["quantity"]) + names[k][1] for k, v in sd.items()))
PY
)
expect_eq "bulletin supplies line" "$(grep '^春耕物资' "$T/out")" "$want"
expect_not_in "no unit id in the text" "$T/out" "tonne"
check "bulletin text in English" 0 "$BIN" --lang en bulletin --db "$T/d.db" --date 2020-02-12
expect_in "English supplies line" "$T/out" "Spring-farming supplies distributed: fertilizer "
expect_not_in "no unit id in English" "$T/out" "tonne"
check "bulletin bad date" 1 "$BIN" bulletin --db "$T/d.db" --date 2020-2-12
check "bulletin unknown region" 1 "$BIN" bulletin --db "$T/d.db" --date 2020-02-12 --region 430281999

lz_done
