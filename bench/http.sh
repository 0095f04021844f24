#!/usr/bin/env bash
# HTTP benchmarks (issue 3), appended to the BENCHMARKS.md being written.
# Usage: bench/http.sh BIN FULL_DB OUT_DIR MD_FILE
# Loopback only; every load is bounded in time.
set -euo pipefail
BIN=$1 DB=$2 OUT=$3 MD=$4
DUR=${LZ_BENCH_SECONDS:-10}
CONNS=${LZ_BENCH_CONNECTIONS:-256}
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
P=$(port) NP=$(port)
PW='Liang-Zhan-2020!'
"$BIN" user list --db "$DB" --json | grep -q "\"bench\"" || "$BIN" user add --db "$DB" --login bench --role county_admin --region 430281 --password-stdin <<< "$PW" >/dev/null
"$BIN" serve --db "$DB" --listen 127.0.0.1:$P > "$OUT/serve.log" 2>&1 &
SPID=$!
NGINX_DIR=$OUT/nginx
cleanup() { kill $SPID 2>/dev/null || true; [ -f "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$P/api/v1/health" >/dev/null && break; sleep 0.1; done

# Login latency: 20 sign-ins (argon2id verification dominates).
for i in $(seq 20); do
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$P/api/v1/session" -d "{\"login\":\"bench\",\"password\":\"$PW\"}"
done | sort -n > "$OUT/login.txt"
login_p50=$(awk '{a[NR]=$1} END{printf "%.1f", a[int(NR/2)+1]*1000}' "$OUT/login.txt")
login_max=$(awk '{a[NR]=$1} END{printf "%.1f", a[NR]*1000}' "$OUT/login.txt")
TOKEN=$(curl -s -X POST "http://127.0.0.1:$P/api/v1/session" -d "{\"login\":\"bench\",\"password\":\"$PW\"}" | python3 -c 'import json,sys;print(json.load(sys.stdin)["token"])')
HID=$(( $(sqlite3 "$DB" 'SELECT COUNT(*) FROM household') / 2 ))
VILLAGE=$(sqlite3 "$DB" "SELECT substr(region_code,1,12) FROM household WHERE id = $HID")
# The body as wrk gets it: wrk sends no Accept-Encoding, so neither side compresses.
curl -s "http://127.0.0.1:$P/api/v1/households/$HID" -H "Authorization: Bearer $TOKEN" > "$OUT/household.json"
SIZE=$(stat -c %s "$OUT/household.json")

# nginx serving a static JSON file of the same size.
mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/tmp"
cp "$OUT/household.json" "$NGINX_DIR/www/household.json"
cat > "$NGINX_DIR/nginx.conf" <<NG
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/tmp; proxy_temp_path $NGINX_DIR/tmp; fastcgi_temp_path $NGINX_DIR/tmp;
  uwsgi_temp_path $NGINX_DIR/tmp; scgi_temp_path $NGINX_DIR/tmp;
  default_type application/json;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$NP; root $NGINX_DIR/www; }
}
NG
nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR"
for _ in $(seq 50); do curl -s "http://127.0.0.1:$NP/household.json" >/dev/null && break; sleep 0.1; done
NSIZE=$(curl -s "http://127.0.0.1:$NP/household.json" | wc -c)
[ "$NSIZE" = "$SIZE" ] || { echo "bench/http.sh: nginx serves $NSIZE bytes, the API $SIZE" >&2; exit 1; }

# wrk: rps and p99 (ms) from its --latency report.
run_wrk() {  # name conns url [header]
  local name=$1 c=$2 url=$3; shift 3
  wrk -t1 -c"$c" -d"${DUR}s" --latency "$@" "$url" > "$OUT/wrk-$name.txt" 2>&1 || true
  local rps p99
  rps=$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-$name.txt")
  p99=$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}' "$OUT/wrk-$name.txt")
  local non2xx
  non2xx=$(awk '/Non-2xx/{print $4}' "$OUT/wrk-$name.txt")
  echo "$rps ${p99:-?} ${non2xx:-0}"
}
# CPU seconds (user + system) a process has used so far; the steadier figure on a shared machine.
cpu_s() { awk -v t="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/t}' "/proc/$1/stat"; }
NWORKER=$(pgrep -P "$(cat "$NGINX_DIR/nginx.pid")" | head -1)
requests() { awk '/requests in/{print $1}' "$OUT/wrk-$1.txt"; }
us_per() { python3 -c "print(f'{($2-$1)/$3*1e6:.1f}')" 2>/dev/null || echo "?"; }  # cpu0 cpu1 requests
# Same wrk threads, connections, duration and request headers for both.
c0=$(cpu_s $SPID)
read -r h_rps h_p99 h_bad <<< "$(run_wrk household "$CONNS" "http://127.0.0.1:$P/api/v1/households/$HID" -H "Authorization: Bearer $TOKEN")"
h_cpu=$(us_per "$c0" "$(cpu_s $SPID)" "$(requests household)")
c0=$(cpu_s "$NWORKER")
read -r n_rps n_p99 n_bad <<< "$(run_wrk nginx "$CONNS" "http://127.0.0.1:$NP/household.json" -H "Authorization: Bearer $TOKEN")"
n_cpu=$(us_per "$c0" "$(cpu_s "$NWORKER")" "$(requests nginx)")
read -r l_rps l_p99 l_bad <<< "$(run_wrk list 64 "http://127.0.0.1:$P/api/v1/households?region=$VILLAGE&limit=50&offset=50" -H "Authorization: Bearer $TOKEN")"
ratio=$(python3 -c "print(f'{float(\"$h_rps\")/float(\"$n_rps\"):.2f}')" 2>/dev/null || echo "?")
# Closed loop: each connection waits for its answer, so mean latency = connections / throughput.
h_mean=$(python3 -c "print(f'{$CONNS/float(\"$h_rps\")*1000:.1f}')" 2>/dev/null || echo "?")
n_mean=$(python3 -c "print(f'{$CONNS/float(\"$n_rps\")*1000:.1f}')" 2>/dev/null || echo "?")
need=$(python3 -c "print(f'{$CONNS/0.010:,.0f}')")
{
  echo "## HTTP API (issue 3)"
  echo
  echo "Server: \`liangzhan serve\` (2 RESTinio I/O threads, which answer point reads of cached sessions themselves, + $(( $(nproc) > 2 ? $(nproc) : 2 )) database workers), full-scale database; nginx 1.22"
  echo "(Debian nginx-light, 1 worker, access log off) serving a static file of the same size (${SIZE} bytes)."
  echo "Load: \`wrk -t1 -c$CONNS -d${DUR}s --latency\` with the same headers (a bearer token, no Accept-Encoding: neither"
  echo "side compresses) from the same 2-core machine, same run, API first and nginx right after."
  echo
  echo "| target | connections | requests/s | p99 | non-2xx | goal |"
  echo "|---|---|---|---|---|---|"
  echo "| \`GET /api/v1/households/{id}\` (authenticated) | $CONNS | $h_rps | ${h_p99} ms | $h_bad | ≥ 0.5 × nginx, p99 < 10 ms |"
  echo "| nginx, static JSON of the same size | $CONNS | $n_rps | ${n_p99} ms | $n_bad | reference |"
  echo "| **ratio API / nginx** | | **$ratio** | | | ≥ 0.5 |"
  echo "| \`GET /api/v1/households?region=VILLAGE&limit=50&offset=50\` | 64 | $l_rps | ${l_p99} ms | $l_bad | page with total |"
  echo
  echo "wrk keeps every connection busy (closed loop), so mean latency = connections ÷ throughput: ${h_mean} ms for"
  echo "the API and ${n_mean} ms for nginx here. A p99 under 10 ms at $CONNS connections therefore needs more than"
  echo "$need requests/s, whatever the server does with its time."
  echo
  echo "Server CPU per request (user + system time of the process ÷ requests, steadier than requests/s when other"
  echo "work shares the machine; load $(cut -d' ' -f1 /proc/loadavg)): API ${h_cpu} µs, nginx ${n_cpu} µs."
  echo
  echo "Login latency (\`POST /api/v1/session\`, argon2id INTERACTIVE, 20 sequential sign-ins): median ${login_p50} ms, max ${login_max} ms."
  echo
} >> "$MD"
