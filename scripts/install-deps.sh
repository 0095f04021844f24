#!/usr/bin/env bash
# Installs every Debian package Liangzhan needs to build, test and benchmark.
# Idempotent and non-interactive: packages already present are skipped, and
# `apt-get update` runs at most once per call (and only when something is missing).
set -euo pipefail

PKGS=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # core libraries
  libsqlite3-dev sqlite3 libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev
  # Excel and CSV (issue 8): xlsx writer, zip + XML for reading xlsx, Traditional -> Simplified
  libxlsxwriter-dev libminizip-dev libexpat1-dev libopencc-dev libopencc-data
  # door plates: QR codes
  libqrencode-dev
  # server
  librestinio-dev libasio-dev libsodium-dev zlib1g-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # benchmark references and tools
  wrk nginx-light time curl python3
)
if [ "${LIANGZHAN_WEB:-1}" = 1 ]; then
  # The web UI: Node.js (>= 20.19; the machines come with it), Chromium and CJK
  # fonts for the browser tests and screenshots.
  PKGS+=(nodejs npm chromium fonts-noto-cjk)
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# node/npm may come from outside Debian on some machines: accept any working binary.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
