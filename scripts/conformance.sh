#!/usr/bin/env bash
# Usage: scripts/conformance.sh [SENDOUT_BINARY]     (or SENDOUT_BIN=…; default: builds and uses the debug binary)
#
# schemathesis (PyPI, pinned, in a throwaway virtual environment) against a fresh `sendout serve` over every operation
# the mock simulates (the list comes from `sendout serve --coverage`), generating requests from the official spec
# (Spec/voucherify-api-openapi.json): its examples, then random requests, bounded by CONFORMANCE_SECONDS (default 150)
# and per operation by CONFORMANCE_EXAMPLES (default 5); CONFORMANCE_ONLY="op1 op2" narrows the run to those
# operations. scripts/conformance/verdict.py reads the run's events and fails on any 5xx other than 501, any request
# that timed out (10 s) or errored, and any answer that breaks its operation's response schema, except the spec
# defects listed in scripts/conformance/allowlist.txt (also where they sit deep inside a list or a oneOf: the verdict
# re-checks such an answer with those schemas relaxed). Prints the run's figures; for an operation that errored, the
# block of schemathesis's own output that says why.
# Needs python3 with venv and PyPI. Exit 0 when the run is clean.
set -euo pipefail
cd "$(dirname "$0")/.."

version="4.32.5"
venv="${SENDOUT_CONFORMANCE_VENV:-${TMPDIR:-/tmp}/sendout-conformance-venv}"
[ -x "$venv/bin/python" ] || { rm -rf "$venv" && python3 -m venv "$venv"; }
if ! grep -qxF "schemathesis==$version" <("$venv/bin/pip" freeze --disable-pip-version-check 2>/dev/null); then
  echo "installing schemathesis==$version into $venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi

bin="${1:-${SENDOUT_BIN:-}}"
if [ -z "$bin" ]; then
  swift build --product sendout >/dev/null
  bin="$PWD/.build/debug/sendout"
fi
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --port 0 --at 2024-03-13T13:45:00.000Z --seed 1 --app-id conformance-app --app-token conformance-token \
  --client-app-id conformance-client --client-token conformance-client-token --secret conformance-secret \
  --to http://127.0.0.1:9/webhooks --retry-schedule none --audit "$work/audit.jsonl" >"$work/serve.txt" 2>&1 &
pid="$!"
for _ in $(seq 1 200); do grep -q "on http://127.0.0.1:" "$work/serve.txt" && break; sleep 0.05; done
port=$(sed -n 's|.*on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/serve.txt" | head -n 1)
[ -n "$port" ] || { cat "$work/serve.txt" >&2; exit 1; }

# The simulated operations: the operationIds of the coverage's per-tag rows (method | path | operationId); the
# "answers 501 | why" tables are left out.
mapfile -t operations < <("$bin" serve --coverage | grep -E '^\| (GET|POST|PUT|PATCH|DELETE) \|' | grep -o '`[a-z][A-Za-z0-9-]*`' | tr -d '`' | awk '!seen[$0]++')
if [ -n "${CONFORMANCE_ONLY:-}" ]; then
  read -r -a wanted <<<"$CONFORMANCE_ONLY"
  for op in "${wanted[@]}"; do
    printf '%s\n' "${operations[@]}" | grep -xF "$op" >/dev/null || { echo "conformance: '$op' is not a simulated operation" >&2; exit 2; }
  done
  operations=("${wanted[@]}")
fi
include=()
for op in "${operations[@]}"; do include+=(--include-operation-id "$op"); done
echo "conformance: schemathesis $version, ${#operations[@]} simulated operations, sendout serve on port $port" >&2

seconds="${CONFORMANCE_SECONDS:-150}"
status=0
# schemathesis checks --max-time between operations, and generating one operation's cases from a large schema can take
# a minute on a busy 2-core machine: with 239 operations a run overshot 150 + 60 s once in CI (a local run of it: serve idle, schemathesis
# at 100 % CPU), so the hard bound leaves it 180 s past --max-time.
grace=180
(cd "$work" && timeout --kill-after=10 "$((seconds + grace))" "$venv/bin/schemathesis" run \
  "$OLDPWD/Spec/voucherify-api-openapi.json" --url "http://127.0.0.1:$port" "${include[@]}" \
  -H "X-App-Id: conformance-app" -H "X-App-Token: conformance-token" \
  -H "X-Client-Application-Id: conformance-client" -H "X-Client-Token: conformance-client-token" \
  -H "origin: http://shop.test" \
  --checks not_a_server_error,response_schema_conformance --phases examples,fuzzing \
  -n "${CONFORMANCE_EXAMPLES:-5}" --max-time "$seconds" --request-timeout 10 --seed 1 --workers 2 --no-shrink \
  --generation-database none --no-color --report ndjson --report-ndjson-path "$work/events.ndjson" \
  >"$work/schemathesis.txt" 2>&1) || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  tail -n 40 "$work/schemathesis.txt" >&2
  echo "conformance: schemathesis did not finish within $((seconds + grace)) s" >&2
  exit 1
fi
"$venv/bin/python" scripts/conformance/verdict.py "$work/events.ndjson" scripts/conformance/allowlist.txt \
  Spec/voucherify-api-openapi.json "$work/schemathesis.txt"
