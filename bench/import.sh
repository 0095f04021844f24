#!/usr/bin/env bash
# Import/export benchmark (issue 8): 1,000,000 member rows (~333,000
# households) from a generated CSV and from an xlsx, each into a fresh
# database, against `sqlite3 .import` of the same CSV into a bare table;
# the export of the same rows to xlsx. Wall time, rows/s and peak RSS
# (/usr/bin/time -f %M) and CPU time (user + sys: steadier than wall time on
# a shared machine) per step; appends a section to the BENCHMARKS.md.
# Usage: bench/import.sh BIN OUT_DIR MD_FILE [ROWS]
set -euo pipefail
BIN=${1:?binary} OUT=${2:?out dir} MD=${3:?markdown} ROWS=${4:-1000000}
mkdir -p "$OUT"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
CSV=$OUT/import.csv XLSX=$OUT/import.xlsx
"$BIN" regions --json > "$OUT/regions.json"
. "$(dirname "$0")/../tests/cli/lib.sh"
lz_households_csv "$OUT/regions.json" "$CSV" "$ROWS"
fresh() { rm -f "$1" "$1-wal" "$1-shm"; : > "$1"; }
timed() {  # timed NAME COMMAND... -> "secs rss_kb user_s sys_s" in $OUT/NAME.time
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2>"$OUT/$name.err" || {
    local rc=$?; [ "$rc" = 1 ] || { echo "bench/import.sh: $name failed ($rc)"; cat "$OUT/$name.err"; exit 1; }; }
}
fresh "$OUT/imp-csv.db"
timed import_csv "$BIN" import households "$CSV" --db "$OUT/imp-csv.db" --json
timed export_xlsx "$BIN" export households "$XLSX" --db "$OUT/imp-csv.db" --full-ids
fresh "$OUT/imp-xlsx.db"
timed import_xlsx "$BIN" import households "$XLSX" --db "$OUT/imp-xlsx.db" --json
rm -f "$OUT/bare.db"
timed sqlite_import sqlite3 "$OUT/bare.db" ".mode csv" ".import $CSV bare"
# What an xlsx costs before any row: inflating its sheet (zlib, with the
# zip's CRC check) to count the XML bytes, the same for every reader.
timed inflate_xlsx python3 -c "import sys, zipfile; f = zipfile.ZipFile(sys.argv[1]).open('xl/worksheets/sheet1.xml'); print(sum(iter(lambda: len(f.read(1 << 20)), 0)))" "$XLSX"
# The floor: the same households and members inserted by SQL from the bare
# table into the registry's schema (its indexes, foreign keys and checks),
# with no parsing, validation, dedupe or audit, done the way the import does
# it (prepare_bulk): the household_facts triggers on person and household
# dropped and the non-unique indexes not led by household_id built after the
# rows, all in the one transaction.
fresh "$OUT/floor.db"
head -1 "$CSV" > "$OUT/header.csv"
"$BIN" import households "$OUT/header.csv" --db "$OUT/floor.db" > /dev/null
sqlite3 "$OUT/floor.db" "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('person', 'household') AND name LIKE 'household_facts%'" > "$OUT/floor.triggers"
sqlite3 "$OUT/floor.db" "SELECT m.name, m.sql FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name IN ('person', 'household') AND m.sql IS NOT NULL AND m.sql NOT LIKE 'CREATE UNIQUE%' AND (SELECT name FROM pragma_index_info(m.name) WHERE seqno = 0) <> 'household_id'" > "$OUT/floor.indexes"
{
  echo "PRAGMA foreign_keys=ON;"
  echo "ATTACH '$OUT/bare.db' AS b;"
  echo "BEGIN;"
  sed 's/.*/DROP TRIGGER "&";/' "$OUT/floor.triggers"
  cut -d'|' -f1 "$OUT/floor.indexes" | sed 's/.*/DROP INDEX "&";/'
  echo "INSERT INTO household (id, number, region_code, address, phone, version, created_at, created_by, updated_at, updated_by)
   SELECT DISTINCT CAST(substr(户编号, 2) AS INTEGER), 户编号, 行政区划代码, 家庭住址, '', 1, 'x', 'sql', 'x', 'sql' FROM b.bare;"
  echo "INSERT INTO person (household_id, name, id_number, sex, birth_date, relationship, ethnicity, phone, region_code,
   version, created_at, created_by, updated_at, updated_by)
   SELECT CAST(substr(户编号, 2) AS INTEGER), 姓名, 公民身份号码, 'male', 出生日期, '01', '01', 联系电话, 行政区划代码,
   1, 'x', 'sql', 'x', 'sql' FROM b.bare;"
  echo "PRAGMA threads=2;"
  cut -d'|' -f2- "$OUT/floor.indexes" | sed 's/$/;/'
  sqlite3 "$OUT/floor.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('person', 'household') AND name LIKE 'household_facts%'"
  echo "COMMIT;"
} > "$OUT/floor.sql"
timed sql_floor sqlite3 "$OUT/floor.db" ".read $OUT/floor.sql"
# The host's speed changes within seconds: three more rounds of the CSV
# import, `sqlite3 .import` and the floor back to back, each into a new
# database; the table gives each round's ratios and their median.
for r in 1 2 3; do
  fresh "$OUT/imp-csv.db"
  timed "import_csv_$r" "$BIN" import households "$CSV" --db "$OUT/imp-csv.db" --json
  rm -f "$OUT/bare.db"
  timed "sqlite_import_$r" sqlite3 "$OUT/bare.db" ".mode csv" ".import $CSV bare"
  fresh "$OUT/floor.db"
  "$BIN" import households "$OUT/header.csv" --db "$OUT/floor.db" > /dev/null
  timed "sql_floor_$r" sqlite3 "$OUT/floor.db" ".read $OUT/floor.sql"
done
python3 - "$OUT" "$MD" "$ROWS" "$(du -m "$CSV" | cut -f1)" "$(du -m "$XLSX" | cut -f1)" "$LOAD0" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
out, md, rows, csv_mb, xlsx_mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
load0, load1 = sys.argv[6], sys.argv[7]
def t(name):
    secs, kb, user, sys_ = open(f"{out}/{name}.time").read().split()[-4:]
    return float(secs), int(kb) // 1024
def cpu(name):
    user, sys_ = open(f"{out}/{name}.time").read().split()[-2:]
    return float(user) + float(sys_)
def summary(name):
    try:
        j = json.load(open(f"{out}/{name}.out"))
        return f"{j['added']:,} added, {j['refused']:,} refused, {j['households_added']:,} households"
    except Exception:
        return ""
bare = t("sqlite_import")[0]
bare_cpu = cpu("sqlite_import")
floor = t("sql_floor")[0]
lines = [f"## Import and export, {rows:,} member rows (issue 8)", "",
         f"{rows:,} member rows (3 per household, 11 columns) generated as CSV ({csv_mb} MiB) into a new database;",
         f"the xlsx ({xlsx_mb} MiB) is the export of that database, imported into another new one.",
         f"Load average (1, 5, 15 min) {load0} before, {load1} after: on a busy machine compare CPU, not wall time.", "",
         "| step | wall time | rows/s | peak RSS | vs `sqlite3 .import` | vs SQL floor | CPU (user+sys) | CPU vs `sqlite3 .import` | result |",
         "|---|---|---|---|---|---|---|---|---|"]
for name, label in [("import_csv", "`liangzhan import households FILE.csv`"),
                    ("import_xlsx", "`liangzhan import households FILE.xlsx`"),
                    ("export_xlsx", "`liangzhan export households FILE.xlsx --full-ids`"),
                    ("sqlite_import", "`sqlite3 bare.db .import FILE.csv` (bare table, no checks)"),
                    ("sql_floor", "SQL floor: `INSERT … SELECT` from the bare table into the registry schema")]:
    s, mb = t(name)
    c = cpu(name)
    lines.append(f"| {label} | {s:.1f} s | {rows / s:,.0f} | {mb} MiB | {s / bare:.1f} × | {s / floor:.2f} × | {c:.1f} s | {c / bare_cpu:.1f} × | {summary(name)} |")
lines += ["", "Rounds back to back (CSV import, `sqlite3 .import`, SQL floor, each into a new database):", "",
          "| round | CSV import | `sqlite3 .import` | SQL floor | import ÷ `.import` | import ÷ floor | CPU ÷ `.import` CPU |",
          "|---|---|---|---|---|---|---|"]
ratios, floor_ratios, cpu_ratios = [], [], []
for r in (1, 2, 3):
    i, b, f = t(f"import_csv_{r}")[0], t(f"sqlite_import_{r}")[0], t(f"sql_floor_{r}")[0]
    ci, cb = cpu(f"import_csv_{r}"), cpu(f"sqlite_import_{r}")
    ratios.append(i / b); floor_ratios.append(i / f); cpu_ratios.append(ci / cb)
    lines.append(f"| {r} | {i:.1f} s | {b:.1f} s | {f:.1f} s | {i / b:.2f} × | {i / f:.2f} × | {ci / cb:.2f} × |")
med = lambda xs: sorted(xs)[len(xs) // 2]
lines.append(f"| **median** | | | | **{med(ratios):.2f} ×** | **{med(floor_ratios):.2f} ×** | **{med(cpu_ratios):.2f} ×** |")
xml_bytes = int(open(f"{out}/inflate_xlsx.out").read().split()[0])
inflate_s, _ = t("inflate_xlsx")
lines += ["", f"The xlsx (our export: 15 columns, inline strings) holds {xml_bytes / 1048576:,.0f} MiB of sheet XML against the",
          f"CSV's {csv_mb} MiB; inflating it alone (Python's zipfile, zlib with the CRC check) took {inflate_s:.1f} s, "
          f"{inflate_s / bare:.1f} × `sqlite3 .import`'s time."]
lines += ["", "An import validates every row (ID check digit, enums, phones, dates), de-duplicates each person by ID",
          "number against the database, writes households, members and one audit entry for the import in one",
          "transaction (into an empty registry the indexes it never reads are built once, before the COMMIT).",
          "It runs as a pipeline: one thread reads and checks the rows (for an xlsx, another inflates and parses",
          "the sheet ahead of it), this one writes them (the households created 64 rows to a statement),",
          "joined by bounded queues; the file's SHA-256 for the audit entry is computed on a third. Memory stays bounded: the",
          "readers hold one 64 KiB piece of the file, the queues a few hundred households, the dedupe a set of",
          "64-bit hashes of the ID numbers (16 bytes a person); the xlsx writer runs in constant-memory mode. Goal of the issue: ≤ 2 × `sqlite3 .import`. The SQL floor is what the",
          "registry's schema alone costs (4 indexes on person, 2 on household, foreign keys, checks), loaded",
          "as the import loads it (facts triggers paused, 3 indexes built after the rows): no import into",
          "that schema can be faster than it.", ""]
open(md, "a").write("\n".join(lines) + "\n")
PY
rm -f "$CSV" "$XLSX" "$OUT"/imp-*.db* "$OUT/bare.db" "$OUT"/floor.db* "$OUT/header.csv" "$OUT"/floor.sql "$OUT"/floor.triggers "$OUT"/floor.indexes
