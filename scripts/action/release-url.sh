#!/usr/bin/env bash
# Used by scripts/action/install.sh: prints where the release archives of $SENDOUT_VERSION are. $SENDOUT_BASE_URL when
# set; else this action's GitHub releases, https://github.com/OWNER/REPO/releases/download/v$SENDOUT_VERSION, with
# OWNER/REPO from $SENDOUT_REPOSITORY (github.action_repository) or, since GitHub leaves that empty inside composite
# actions (actions/runner#2525), from $GITHUB_ACTION_PATH, which is …/_actions/OWNER/REPO/REF on a runner.
set -euo pipefail
if [ -n "${SENDOUT_BASE_URL:-}" ]; then echo "$SENDOUT_BASE_URL"; exit 0; fi
repository="${SENDOUT_REPOSITORY:-}"
if [ -z "$repository" ] && [[ "${GITHUB_ACTION_PATH:-}" =~ /_actions/([^/]+/[^/]+)/[^/]+/?$ ]]; then
  repository="${BASH_REMATCH[1]}"
fi
[ -n "$repository" ] || {
  echo "sendout: cannot tell which repository's releases to download from; set the base-url input" >&2
  exit 1
}
echo "https://github.com/$repository/releases/download/v${SENDOUT_VERSION:?}"
