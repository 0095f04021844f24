#!/usr/bin/env bash
# Another county end to end: `liangzhan init` makes a database for 攸县
# (Hunan, 430223) from a small region file, refuses bad files (row and
# column named, nothing written) and an existing database with data (unless
# --force); households are imported there from CSV; stats, audit and
# bulletin report 攸县; a county admin made with `user add` (no --region)
# sees those households through `serve`; and nothing anywhere says 430281
# or 醴陵. The region rows follow the national statistical division list's
# layout (county 430223000000, towns 430223100000..., villages ...2xx).
# Usage: county_test.sh path/to/liangzhan
set -uo pipefail
. "$(dirname "$0")/lib.sh"
lz_bin "${1:-}"
lz_test_init
LZ_DIVISION=430223  # idn: 攸县's ID numbers
no_liling() {  # no_liling NAME FILE: neither Liling's code nor its name
  if grep -qE '430281|醴陵' "$2"; then fail=$((fail+1)); echo "FAIL $1: Liling in $2:"; grep -oE '.{0,40}(430281|醴陵).{0,40}' "$2" | head -3
  else pass=$((pass+1)); fi
}

cat > "$T/youxian.csv" <<'CSV'
code,name,level,parent
430223000000,攸县,county,
430223100000,网岭镇,township,430223000000
430223100201,罗家坪村,village,430223100000
430223100202,洞井村,village,430223100000
430223101000,丫江桥镇,township,430223000000
430223101201,丫江桥村,village,430223101000
CSV
DB="$T/youxian.db"

# --- init: help, bad files, the good file
check "init help" 0 "$BIN" init --help
expect_in "init help names --regions" "$T/out" "--regions"
expect_in "init help names --force" "$T/out" "--force"
{ head -3 "$T/youxian.csv"; echo "430223100202,洞井村,hamlet,430223100000"; echo "430281126232,瓦子坪村,village,430281126000"; } > "$T/bad.csv"
check "bad file refused" 1 "$BIN" init --db "$DB" --regions "$T/bad.csv"
expect_in "bad level: row and column" "$T/err" "第4行，level"
expect_in "outside the county: row and column" "$T/err" "第5行，code"
expect_in "outside the county: reason" "$T/err" "不在本县"
[ ! -e "$DB" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL a refused file created $DB"; }
check "bad file in English" 1 "$BIN" --lang en init --db "$DB" --regions "$T/bad.csv"
expect_in "English row" "$T/err" "row 4, level"
iconv -f UTF-8 -t GB18030 "$T/youxian.csv" > "$T/youxian-gbk.csv"
check "init (GB18030 file)" 0 "$BIN" init --db "$DB" --regions "$T/youxian-gbk.csv"
expect_in "init says the county" "$T/out" "攸县（430223000000），2个乡镇，3个村（社区）"
check "regions" 0 "$BIN" regions --db "$DB" --json
expect_eq "regions of the database" "$(json "$T/out" 'len(d), d[0]["code"], d[0]["name"]')" "6 430223 攸县"

# --- households imported into 攸县's villages
{
  echo "户编号,行政区划代码,姓名,公民身份号码,与户主关系,联系电话,出生日期"
  echo "YX001,430223100201,刘一,$(idn 19700101011),本人,13812345678,1970-01-01"
  echo "YX001,430223100201,陈二,$(idn 19720304022),配偶,,1972-03-04"
  echo "YX002,430223100202,周三,$(idn 19650505031),本人,,1965-05-05"
  echo "YX003,430223101201,吴四,$(idn 19800808041),本人,,1980-08-08"
} > "$T/households.csv"
check "import households" 0 "$BIN" import households "$T/households.csv" --db "$DB" --json
expect_eq "imported" "$(json "$T/out" 'd["added"], d["committed"]')" "4 True"
# A Liling village does not exist here.
{ echo "户编号,行政区划代码,姓名,公民身份号码,与户主关系"; echo "LL001,430281126232,张三,$(idn 19900101011),本人"; } > "$T/liling.csv"
check "a Liling village is refused" 1 "$BIN" import households "$T/liling.csv" --db "$DB" --json

# --- the demo (Liling's) is refused on 攸县's database
check "demo refused" 1 "$BIN" demo --db "$DB" --scale small
expect_in "demo refused: why" "$T/err" "攸县"

# --- init refuses a database with data; --force replaces it
check "init on data refused" 1 "$BIN" init --db "$DB" --regions "$T/youxian.csv"
expect_in "init on data: why" "$T/err" "--force"
check "stats still there" 0 "$BIN" stats --db "$DB" --json
expect_eq "households kept" "$(json "$T/out" 'd["county"]["households"]')" "3"

# --- stats, audit, bulletin: 攸县, never Liling
check "stats" 0 "$BIN" stats --db "$DB" --json
expect_eq "stats county" "$(json "$T/out" 'd["county"]["code"], d["county"]["name"], d["county"]["households"], d["county"]["persons"]')" "430223 攸县 3 4"
no_liling "stats" "$T/out"
check "audit" 0 "$BIN" audit --db "$DB" --json
no_liling "audit" "$T/out"
check "bulletin" 0 "$BIN" bulletin --db "$DB" --date 2020-02-12 --json
expect_eq "bulletin region" "$(json "$T/out" 'd["region"]["code"], d["region"]["name"]')" "430223 攸县"
no_liling "bulletin" "$T/out"
check "bulletin of a town" 0 "$BIN" bulletin --db "$DB" --date 2020-02-12 --region 430223100 --json
expect_eq "bulletin town" "$(json "$T/out" 'd["region"]["name"]')" "网岭镇"

# --- a county admin without --region: the database's county
echo 'Youxian-Admin-2020' > "$T/pw"
check "user add county admin" 0 "$BIN" user add --db "$DB" --login yxadmin --role county_admin --name 攸县管理员 --password-stdin < "$T/pw"
check "user list" 0 "$BIN" user list --db "$DB" --json
expect_eq "admin's region" "$(json "$T/out" '[a["region_code"] for a in d if a["login"]=="yxadmin"][0]')" "430223"
check "a Liling township officer is refused" 1 "$BIN" user add --db "$DB" --login ll3 --role township_officer --region 430281126 --password-stdin < "$T/pw"

# --- serve: the admin sees 攸县's households, regions, bulletin
lz_start --web "$T"
lz_login yxadmin Youxian-Admin-2020
get() { curl -s -o "$T/$1.json" -w '%{http_code}' "$URL/api/v1/$2" -H "Authorization: Bearer $TOKEN"; }
expect_eq "GET households" "$(get hh 'households?limit=50')" "200"
expect_eq "admin sees the 3 households" "$(json "$T/hh.json" 'd["total"], sorted(i["number"] for i in d["items"])')" "3 ['YX001', 'YX002', 'YX003']"
expect_in "place names from the database" "$T/hh.json" "攸县 网岭镇 罗家坪村"
no_liling "households" "$T/hh.json"
HID=$(json "$T/hh.json" '[i["id"] for i in d["items"] if i["number"]=="YX001"][0]')
expect_eq "GET one household" "$(get h1 "households/$HID")" "200"
expect_eq "its members" "$(json "$T/h1.json" 'len(d["members"]), d["region_name"]')" "2 攸县 网岭镇 罗家坪村"
expect_eq "GET regions" "$(get reg 'regions')" "200"
expect_eq "regions default to the county" "$(json "$T/reg.json" 'd["code"], d["name"], len(d["children"])')" "430223 攸县 2"
expect_eq "GET bulletin" "$(get bul 'bulletin?date=2020-02-12')" "200"
expect_eq "bulletin county" "$(json "$T/bul.json" 'd["region"]["code"]')" "430223"
no_liling "bulletin over HTTP" "$T/bul.json"
expect_eq "GET session" "$(get me 'session')" "200"
no_liling "session" "$T/me.json"
# A household created over HTTP in a 攸县 village (validated against the database's tree).
code=$(curl -s -o "$T/new.json" -w '%{http_code}' -X POST "$URL/api/v1/households" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"number\":\"YX004\",\"region_code\":\"430223101201\",\"members\":[{\"name\":\"郑五\",\"id_number\":\"$(idn 19900909051)\",\"relationship\":\"01\"}]}")
expect_eq "POST household in 攸县" "$code" "201"
code=$(curl -s -o "$T/new2.json" -w '%{http_code}' -X POST "$URL/api/v1/households" -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' \
  -d "{\"number\":\"LL002\",\"region_code\":\"430281126232\",\"members\":[{\"name\":\"王六\",\"id_number\":\"$(idn 19910101061)\",\"relationship\":\"01\"}]}")
expect_eq "POST household in a Liling village" "$code" "404"
expect_in "unknown region named" "$T/new2.json" "region_code"
kill -TERM "$PID"; wait "$PID" 2>/dev/null; PID=

# --- --force replaces the database
check "init --force" 0 "$BIN" init --db "$DB" --regions "$T/youxian.csv" --force
check "stats after --force" 0 "$BIN" stats --db "$DB" --json
expect_eq "empty again" "$(json "$T/out" 'd["county"]["code"], d["county"]["households"]')" "430223 0"

lz_done county_cli
