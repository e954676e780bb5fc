#!/usr/bin/env bash
# Usage: scripts/action-test.sh [ARCHIVE]   (default: the newest dist/sendout-*-linux-*.tar.gz of scripts/release.sh)
#
# Runs action.yml's steps locally (scripts/action/local-runner.py plays the runner) with the archive and its .sha256
# served on loopback as the base-url: installs it, runs Scenarios/spring-discounts.json with --junit, and checks the
# PATH, the JUnit report and the audit log. Then the same install with a wrong checksum must fail. Needs python3 with
# venv and PyPI (PyYAML). Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/sdk-venv.sh
sdk_venv "PyYAML==6.0.2"

archive="${1:-$(ls -t dist/sendout-*-linux-*.tar.gz | head -n 1)}"
name=$(basename "$archive" .tar.gz)
version=$(sed 's/^sendout-\(.*\)-linux-.*$/\1/' <<<"$name")
work="$(mktemp -d)"
server=""
cleanup() {
  [ -z "$server" ] || { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL $*" >&2; exit 1; }

mkdir "$work/releases" "$work/ok" "$work/tampered"
cp "$archive" "$archive.sha256" "$work/releases/"
"$venv/bin/python" -u -m http.server 0 --bind 127.0.0.1 --directory "$work/releases" >"$work/http.txt" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q 'port [0-9]' "$work/http.txt" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/http.txt" | head -n 1)
[ -n "$port" ] || fail "the archive server did not start: $(cat "$work/http.txt")"

scenario="$PWD/Scenarios/spring-discounts.json"
outputs=$("$venv/bin/python" scripts/action/local-runner.py action.yml "$work/ok" "version=$version" \
  "scenario=$scenario" "base-url=http://127.0.0.1:$port" "junit=report.xml" 2>"$work/steps.log") ||
  fail "the action's steps failed: $(cat "$work/steps.log")"
bin_dir=$("$venv/bin/python" -c 'import json, sys; print(json.loads(sys.argv[1])["path"])' "$outputs")
[ "$(cat "$work/ok/github-path")" = "$bin_dir" ] || fail "GITHUB_PATH is not the installed folder $bin_dir"
"$bin_dir/sendout" --version | grep -q "^sendout $version (commit " || fail "the installed sendout is not $version"
echo "ok   installed $("$bin_dir/sendout" --version) into $bin_dir, on GITHUB_PATH"
grep -q '<testsuite' "$work/ok/report.xml" && ! grep -q '<failure' "$work/ok/report.xml" ||
  fail "report.xml is not a passing JUnit report"
echo "ok   the scenario ran: report.xml has $(grep -c '<testcase' "$work/ok/report.xml") test cases, none failed"
[ -s "$work/ok/sendout-audit.jsonl" ] || fail "no audit log"
echo "ok   audit log sendout-audit.jsonl, $(wc -l <"$work/ok/sendout-audit.jsonl") records"

echo "0000000000000000000000000000000000000000000000000000000000000000  $name.tar.gz" >"$work/releases/$name.tar.gz.sha256"
if "$venv/bin/python" scripts/action/local-runner.py action.yml "$work/tampered" "version=$version" \
  "base-url=http://127.0.0.1:$port" >/dev/null 2>"$work/tampered.err"; then
  fail "the install step accepted an archive whose checksum does not match"
fi
grep -q 'FAILED' "$work/tampered.err" || fail "the checksum failure is not sha256sum's: $(cat "$work/tampered.err")"
echo "ok   a checksum mismatch fails the install step"
url=$(SENDOUT_VERSION=1.2.3 GITHUB_ACTION_PATH=/home/runner/work/_actions/acme/sendout/v1.2.3 scripts/action/release-url.sh)
[ "$url" = https://github.com/acme/sendout/releases/download/v1.2.3 ] || fail "the default base-url is $url"
echo "ok   without base-url, the archives come from the action's own GitHub releases ($url)"
echo "action-test: action.yml's steps installed $name and ran a scenario with --junit"
