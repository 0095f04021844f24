#!/usr/bin/env bash
# Dashboard first load (issue 7), appended to the BENCHMARKS.md being written.
# Usage: bench/dashboard.sh BIN FULL_DB OUT_DIR MD_FILE
# Serves web/dist from the full-scale database on a free loopback port, runs
# bench/dashboard.mjs (headless Chromium: 5 cold and 5 warm loads of the HQ
# dashboard to every chart drawn, and the JS/CSS sizes), stops the server.
# Skipped (with a line in the file) when the web UI is not built or Chromium is
# missing.
set -euo pipefail
BIN=$1 DB=$2 OUT=$3 MD=$4
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=$ROOT/web/dist
RUNS=${LZ_BENCH_DASHBOARD_RUNS:-5}
{
  echo "## Dashboard first load (issue 7)"
  echo
} >> "$MD"
if [ ! -f "$DIST/.vite/manifest.json" ] || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d "$ROOT/web/node_modules/playwright-core" ]; then
  echo "Skipped: needs the built web UI (scripts/build-web.sh) and Chromium." >> "$MD"
  echo >> "$MD"
  exit 0
fi
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
P=$(port)
export LZ_BENCH_DASHBOARD_PW='Liang-Zhan-2020!'
"$BIN" user list --db "$DB" --json | grep -q '"bench.hq"' ||
  "$BIN" user add --db "$DB" --login bench.hq --role county_admin --name 指挥部 --password-stdin <<< "$LZ_BENCH_DASHBOARD_PW" >/dev/null
"$BIN" serve --db "$DB" --listen 127.0.0.1:$P --web "$DIST" > "$OUT/serve-dashboard.log" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true; wait $SPID 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$P/api/v1/health" >/dev/null && break; sleep 0.1; done

node "$ROOT/bench/dashboard.mjs" --base "http://127.0.0.1:$P" --login bench.hq --password-env LZ_BENCH_DASHBOARD_PW \
  --dist "$DIST" --runs "$RUNS" --json "$OUT/dashboard.json" --markdown --server-pid $SPID > "$OUT/dashboard.md"
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
kill $SPID 2>/dev/null || true
wait $SPID 2>/dev/null || true
trap - EXIT
{
  cat "$OUT/dashboard.md"
  echo
  echo "Command: \`bench/dashboard.sh\`: \`liangzhan serve --db full.db --web web/dist\` on loopback (default workers), then"
  echo "\`node bench/dashboard.mjs --runs $RUNS\`: headless Chromium at 1366×900, signed in by \`POST /api/v1/session\` (its"
  echo "cookie put in the browser), \`/dashboard\` of a county admin on the full county; cold = a new browser context per"
  echo "load (empty HTTP cache), warm = the same context reloading (assets from the cache, the API asked again). Times"
  echo "from navigation start (\`performance.now()\` written by each chart on its first rendered frame; ranges are"
  echo "min–max). Sizes from web/dist's Vite manifest; the server sends the files gzipped (level 6) with"
  echo "\`immutable\` caching for /assets/. Load average at the end of the section: $LOAD."
  echo
} >> "$MD"
