#!/usr/bin/env bash
# make bench: runs every benchmark the issues name and rewrites BENCHMARKS.md.
# Usage: bench/run.sh BUILD_DIR
# Each figure is written with the command that produced it, the data size and
# the date. The machine is shared and noisy: compare ratios within one run.
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${LZ_BENCH_OUT:-$ROOT/bench/out}
mkdir -p "$OUT"
BIN=$ROOT/$BUILD/liangzhan
MD=$OUT/BENCHMARKS.md.new
DATE=$(date -u +%Y-%m-%d)
CPU=$(lscpu | sed -n 's/^Model name: *//p' | head -1)

{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (bench/run.sh) on $DATE, $(nproc) cores ($CPU), $(free -g | awk '/Mem/{print $2}') GiB."
  echo "The machine is shared: read ratios within one run rather than absolute figures across runs."
  echo
} > "$MD"

# ---------------------------------------------------------------- demo county (issue 2)
FULL=$OUT/full.db
rm -f "$FULL" "$FULL-wal" "$FULL-shm"
/usr/bin/time -f "%e %M" -o "$OUT/demo.time" "$BIN" demo --db "$FULL" --scale full >/dev/null
read -r secs rss_kb < "$OUT/demo.time"
"$BIN" stats --db "$FULL" --json > "$OUT/stats.json"
persons=$(python3 -c "import json;print(json.load(open('$OUT/stats.json'))['county']['persons'])")
households=$(python3 -c "import json;print(json.load(open('$OUT/stats.json'))['county']['households'])")
{
  echo "## Demo county at full scale (issue 2)"
  echo
  echo "| figure | value | goal |"
  echo "|---|---|---|"
  echo "| \`liangzhan demo --scale full\` wall time | ${secs} s | < 30 s |"
  echo "| peak RSS | $((rss_kb / 1024)) MiB | < 1 GiB |"
  echo "| data | $persons persons, $households households, $(du -m "$FULL" | cut -f1) MiB SQLite file | |"
  echo
  echo "Command: \`/usr/bin/time -f '%e %M' liangzhan demo --db full.db --scale full\`"
  echo
} >> "$MD"

# ---------------------------------------------------------------- registry reads (issue 2)
LZ_BENCH_DB=$FULL "$ROOT/$BUILD/bench/lz_bench_registry" --benchmark_format=json --benchmark_min_time=1 \
  > "$OUT/registry.json" 2>/dev/null
{
  echo "## Registry reads at full scale (issue 2)"
  echo
  echo "| benchmark | time per op | notes |"
  echo "|---|---|---|"
  python3 - "$OUT/registry.json" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    extra = ", ".join(f"{k} {v:.1f}" for k, v in b.items() if k in ("members_per_read", "avg_village_households"))
    print(f"| {b['name']} | {b['real_time']:.1f} µs | {extra} |")
PY
  echo
  echo "Command: \`LZ_BENCH_DB=full.db build/bench/lz_bench_registry --benchmark_min_time=1\` (Google Benchmark;"
  echo "one SQLite connection, warm cache; BM_ListVillagePage is the second page of 50 of a village, with the total count)."
  echo
} >> "$MD"

# ---------------------------------------------------------------- HTTP (issue 3)
bash "$ROOT/bench/http.sh" "$BIN" "$FULL" "$OUT" "$MD"

mv "$MD" "$ROOT/BENCHMARKS.md"
echo "bench: wrote BENCHMARKS.md"
