#!/usr/bin/env bash
# Builds the web UI into web/dist: `npm ci` (or `npm install` without a lock),
# then `npm run build` (type check, bundle, and the size report).
# Idempotent: the install is skipped while node_modules matches package-lock.json
# (npm's own copy, node_modules/.package-lock.json, is newer than the lock).
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! command -v npm >/dev/null; then
  echo "build-web: npm is missing (scripts/install-deps.sh installs nodejs and npm)" >&2
  exit 1
fi

if [ -f package-lock.json ]; then
  if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] &&
     [ ! package.json -nt node_modules/.package-lock.json ]; then
    echo "build-web: node_modules is up to date"
  else
    npm ci --no-audit --no-fund
  fi
else
  npm install --no-audit --no-fund
fi

npm run build
