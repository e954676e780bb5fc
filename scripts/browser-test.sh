#!/usr/bin/env bash
# Usage: scripts/browser-test.sh [NAME ...]
#
# Tests Sendout's web pages in a real browser: headless Chromium and its driver from Debian's packages
# (`chromium`, `chromium-driver`, installed with apt-get when missing and possible) driven by Selenium from PyPI
# in a throwaway virtual environment. Runs every scripts/browser/test_*.py (or the NAMEs given, e.g. `sendouts`
# for test_sendouts.py), each against the debug `sendout` binary, and saves screenshots in docs/screenshots/ (or in
# SENDOUT_SHOTS: CI keeps them out of the tree, so the release it builds next is not stamped `-dirty`).
# Skips with a clear message, exit 0, only where Chromium cannot be installed; otherwise exits 1 when a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

selenium_version="4.27.1"
venv="${SENDOUT_BROWSER_VENV:-${TMPDIR:-/tmp}/sendout-browser-venv}"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium and chromium-driver from Debian's packages" >&2
    apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2 || true
  fi
fi
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "SKIPPED: browser tests: chromium and chromedriver are not installed and could not be installed here" >&2
  echo "(as root on Debian: apt-get install chromium chromium-driver)" >&2
  exit 0
fi
if ! "$venv/bin/python" -c "import selenium, sys; sys.exit(selenium.__version__ != '$selenium_version')" 2>/dev/null; then
  echo "installing selenium $selenium_version into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==$selenium_version"
fi

# The build goes through the shared build lock when the machine has one (several worktrees build at once).
if [ -e /tmp/swift-build.lock ] && command -v flock >/dev/null; then
  flock -o /tmp/swift-build.lock swift build --product sendout >/dev/null
else
  swift build --product sendout >/dev/null
fi
export SENDOUT_BIN="$PWD/.build/debug/sendout"
export SENDOUT_SHOTS="${SENDOUT_SHOTS:-$PWD/docs/screenshots}"
mkdir -p "$SENDOUT_SHOTS"

tests=()
if [ "$#" -gt 0 ]; then
  for name in "$@"; do tests+=("scripts/browser/test_$name.py"); done
else
  for file in scripts/browser/test_*.py; do [ -e "$file" ] && tests+=("$file"); done
fi
passed=0
failed=0
for test in "${tests[@]}"; do
  echo "== $test" >&2
  if PYTHONPATH=scripts/browser timeout 300 "$venv/bin/python" "$test"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $test" >&2
  fi
done
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
