#!/usr/bin/env bash
# Lints (default) or formats the Swift sources with the toolchain's bundled swift-format and the
# committed .swift-format configuration (2-space indent, 120 columns).
#
# Usage:
#   scripts/format.sh            # swift format lint --strict --recursive Sources Tests (CI uses this)
#   scripts/format.sh --fix      # swift format format --in-place, then lint
#   scripts/format.sh PATH...    # lint only the given files or folders
#
# Exit status: 0 clean, non-zero when lint finds anything (or swift-format is missing).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! swift format --version >/dev/null 2>&1; then
  echo "error: 'swift format' is not available in this toolchain (needs Swift 6+)" >&2
  exit 127
fi

fix=0
paths=()
for arg in "$@"; do
  case "$arg" in
    --fix) fix=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) paths+=("$arg") ;;
  esac
done
if [ "${#paths[@]}" -eq 0 ]; then paths=(Sources Tests); fi

if [ "$fix" -eq 1 ]; then
  swift format format --in-place --recursive --configuration .swift-format "${paths[@]}"
fi
swift format lint --strict --recursive --configuration .swift-format "${paths[@]}"
