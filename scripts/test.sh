#!/usr/bin/env bash
# Usage: scripts/test.sh [extra `swift test` arguments, e.g. --filter JSONWriter]
# Builds every target (the CLI tests run the real `sendout` binary) and runs the whole suite.
# Needs only the Swift toolchain. Loopback networking only; no wall-clock sleeps in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build "$@"
