#!/usr/bin/env bash
# Step 2 of action.yml (when the scenario input is set): sendout run "$SENDOUT_SCENARIO" --junit "$SENDOUT_JUNIT"
# --audit "$SENDOUT_AUDIT" [--to "$SENDOUT_TO"]; its exit status is the step's (1 when a sendout or expectation failed).
set -euo pipefail
args=(run "${SENDOUT_SCENARIO:?}" --junit "${SENDOUT_JUNIT:?}" --audit "${SENDOUT_AUDIT:?}")
[ -z "${SENDOUT_TO:-}" ] || args+=(--to "$SENDOUT_TO")
exec sendout "${args[@]}"
