#!/usr/bin/env bash
# Usage: scripts/release-check.sh [ARCHIVE]   (default: the newest dist/sendout-*-linux-*.tar.gz of scripts/release.sh)
#
# Proves the release archive works with no Swift toolchain in sight (CI runs it after scripts/release.sh):
#   1. the checksum, and the binary's shared libraries and glibc version against docs/distribution.md's list;
#   2. a Debian 12 root with exactly the Dockerfile's runtime packages and user (scripts/lib/rootfs.sh: debootstrap,
#      cached in /var/cache/sendout-rootfs), where no toolchain exists (a toolchain-linked debug build, when there is
#      one, must fail to start there); in it, as that user: `sendout --version`,
#      `fire` to the built-in listener (signature valid), `run Scenarios/spring-discounts.json`, and `serve` (the
#      Dockerfile's CMD with --port 0 --json) driven from outside by the official Python SDK (scripts/interop/
#      checkout.py), its webhooks signed, and the Dockerfile's HEALTHCHECK passing against it;
#   3. the recipes against the archive's binary: examples/python (pytest), examples/node (node --test),
#      examples/php/receiver.php (php-cli) taking a valid signature and refusing a wrong one, and
#      examples/docker-compose.yml checked against the Dockerfile, then its two services run without Docker (the
#      PHP app on the host, the sendout command in the root) and a call with the app's keys reaching the app;
#   4. action.yml's steps (scripts/action-test.sh).
# Needs root (debootstrap, chroot, a mount namespace), Debian's archive (debootstrap, php-cli and binutils are
# installed when missing, with one apt-get update) and PyPI. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "release-check: needs root (debootstrap, chroot, mount namespaces)" >&2; exit 1; }
source scripts/lib/rootfs.sh
source scripts/lib/sdk-venv.sh
tools=()
command -v debootstrap >/dev/null || tools+=(debootstrap)
command -v php >/dev/null || tools+=(php-cli)
command -v readelf >/dev/null && command -v objdump >/dev/null || tools+=(binutils)
if [ "${#tools[@]}" -gt 0 ]; then
  echo "release-check: installing ${tools[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tools[@]}" >/dev/null 2>&1
fi

archive="${1:-$(ls -t dist/sendout-*-linux-*.tar.gz | head -n 1)}"
name=$(basename "$archive" .tar.gz)
version=$(sed 's/^sendout-\(.*\)-linux-.*$/\1/' <<<"$name")
work="$(mktemp -d)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  [ -z "${root:-}" ] || rm -rf "${root:?}${home:-/nonexistent}/release"
}
trap cleanup EXIT
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }
started=$SECONDS

# --- 1. the archive ----------------------------------------------------------------------------------
(cd "$(dirname "$archive")" && sha256sum -c --quiet "$name.tar.gz.sha256") || fail "$archive.sha256 does not match"
tar -xzf "$archive" -C "$work"
dir="$work/$name"
for file in sendout README.md CHANGELOG.md Scenarios/spring-discounts.json; do
  [ -e "$dir/$file" ] || fail "the archive has no $name/$file"
done
ok "$name.tar.gz: checksum, binary, README, CHANGELOG, Scenarios"

# The documented needs: docs/distribution.md's rows "| `libX.so.N` | package |" and "glibc 2.NN or newer".
documented=$(sed -n 's/^| `\([^`]*\.so[^`]*\)` |.*/\1/p' docs/distribution.md | sort | tr '\n' ' ')
needed=$(readelf -d "$dir/sendout" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort | tr '\n' ' ')
[ "$documented" = "$needed" ] || fail "the binary needs '$needed', docs/distribution.md lists '$documented'"
glibc=$(objdump -T "$dir/sendout" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n 1)
glibcxx=$(objdump -T "$dir/sendout" | grep -o 'GLIBCXX_[0-9.]*' | sed 's/GLIBCXX_//' | sort -V | tail -n 1)
grep -q "glibc $glibc or newer" docs/distribution.md && grep -q "\`GLIBCXX_$glibcxx\`" docs/distribution.md ||
  fail "the binary needs glibc $glibc and GLIBCXX_$glibcxx; docs/distribution.md says otherwise"
ok "shared libraries as documented: $needed(glibc $glibc, GLIBCXX_$glibcxx or newer)"

# --- 2. in a Debian 12 root with the Dockerfile's runtime packages, no toolchain -----------------------
root=$(rootfs_path)
user=$(sed -n 's/^USER \(.*\)$/\1/p' Dockerfile)
home=$(awk -F: -v u="$user" '$1 == u { print $6 }' "$root/etc/passwd")
for path in /opt/swift /usr/lib/swift /usr/bin/swift; do [ ! -e "$root$path" ] || fail "$root$path exists"; done
rm -rf "${root:?}$home/release" && cp -R "$dir" "$root$home/release"
chroot "$root" chown -R "$user:$user" "$home/release"
libs=$( (in_root "$root" "$user" ldd release/sendout) 2>&1) || fail "ldd in the root: $libs"
! grep -qE 'not found|swift' <<<"$libs" || fail "in the root the binary misses libraries: $libs"
ok "Debian 12 root $root ($(dockerfile_arg RUNTIME_PACKAGES), user $user): no toolchain, every library found"
# The control: a build that loads the Swift runtime from the toolchain (the debug build scripts/interop.sh made, when
# there is one) must fail in the root, or the root would not be hiding the toolchain.
if [ -x .build/debug/sendout ]; then
  cp .build/debug/sendout "$root$home/release/toolchain-linked"
  ! out=$( (in_root "$root" "$user" release/toolchain-linked --version) 2>&1) && grep -q 'libswift' <<<"$out" ||
    fail "the toolchain-linked debug build ran in the root: $out"
  rm "$root$home/release/toolchain-linked"
  ok "control: the toolchain-linked debug build fails there ($(head -c 90 <<<"$out")…)"
fi

# in_release COMMAND…: runs COMMAND in the root's copy of the archive's folder, as the Dockerfile's user.
in_release() { in_root "$root" "$user" sh -c 'cd release && exec "$@"' sh "$@"; }
out=$( (in_release ./sendout --version) 2>&1) || fail "sendout --version: $out"
[[ "$out" == "sendout $version (commit "* ]] || fail "sendout --version printed '$out'"
ok "$out"
out=$( (in_release ./sendout fire customer.publication.succeeded) 2>&1) || fail "fire: $out"
grep -q 'signature valid' <<<"$out" && grep -q 'SUCCESS' <<<"$out" || fail "fire: $out"
ok "fire customer.publication.succeeded: delivered to the built-in listener, signature valid"
out=$( (in_release ./sendout run Scenarios/spring-discounts.json) 2>&1) || fail "run: $out"
valid=$(grep -c 'signature valid' <<<"$out" || true)
[ "$valid" -gt 0 ] && ! grep -qi 'signature invalid' <<<"$out" || fail "run: $out"
ok "run Scenarios/spring-discounts.json: exit 0, $valid webhooks with a valid signature"

# serve as the Dockerfile's CMD starts it (--host 0.0.0.0), on a free port, with the JSON line.
mapfile -t cmd < <(sed -n 's/^CMD \(\[.*\]\)$/\1/p' Dockerfile | python3 -c 'import json, sys; print("\n".join(json.load(sys.stdin)))')
[ "${cmd[0]:-}" = serve ] || fail "the Dockerfile's CMD is not serve: ${cmd[*]}"
port_index=$(printf '%s\n' "${cmd[@]}" | grep -n -x -- '--port' | cut -d: -f1)
[ -n "$port_index" ] || fail "the Dockerfile's CMD has no --port"
container_port=${cmd[$port_index]}
cmd[$port_index]=0
sdk_venv
# start_serve OUT ARGS…: `sendout serve ARGS… --json` in the root, its output in OUT; sets info (its first line, the
# JSON one) and api_port, and adds it to pids.
start_serve() {
  local out="$1" url
  shift
  in_release ./sendout "$@" --json --audit serve-audit.jsonl >"$out" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 200); do [ -s "$out" ] && break; sleep 0.05; done
  info=$(head -n 1 "$out")
  url=$(field url) || fail "serve's first line is not its JSON line: $(cat "$out")"
  api_port=${url##*:}
}
field() { "$venv/bin/python" -c 'import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$info" "$1"; }
start_serve "$work/serve.txt" "${cmd[@]}"
VOUCHERIFY_BASE_URL="http://127.0.0.1:$api_port" VOUCHERIFY_APP_ID=$(field app_id) \
  VOUCHERIFY_APP_TOKEN=$(field app_token) VOUCHERIFY_CLIENT_APP_ID=$(field client_app_id) \
  VOUCHERIFY_CLIENT_TOKEN=$(field client_token) "$venv/bin/python" scripts/interop/checkout.py >"$work/sdk.txt" ||
  fail "the official SDK against serve in the root: $(cat "$work/sdk.txt")"
for _ in $(seq 1 200); do grep -q 'redemption.rollback.succeeded.*signature valid' "$work/serve.txt" && break; sleep 0.05; done
valid=$(grep -c 'listener ←.*signature valid' "$work/serve.txt" || true)
[ "$valid" -gt 3 ] && ! grep -q 'signature invalid' "$work/serve.txt" || fail "serve's webhooks: $(cat "$work/serve.txt")"
ok "serve ${cmd[*]} in the root: $(grep -c '^ok' "$work/sdk.txt") official-SDK checks passed, $valid webhooks signed"
mapfile -t health < <(sed -n 's/^ \+CMD \(\[.*\]\)$/\1/p' Dockerfile | head -n 1 |
  python3 -c 'import json, sys; print("\n".join(json.load(sys.stdin)))')
[ "${health[0]:-}" = bash ] || fail "no HEALTHCHECK CMD in the Dockerfile"
health[2]=${health[2]//$container_port/$api_port}
(in_root "$root" "$user" "${health[@]}") || fail "the Dockerfile's HEALTHCHECK failed against serve"
ok "the Dockerfile's HEALTHCHECK passes against serve (its port $container_port is $api_port here)"
kill "${pids[0]}" && wait "${pids[0]}" 2>/dev/null || true
pids=()
echo "release-check: the archive's binary ran fire, run and serve in a Debian 12 root without a toolchain" \
  "($((SECONDS - started)) s so far)"

# --- 3. the recipes against the archive's binary ---------------------------------------------------------
mapfile -t requirements <examples/python/requirements.txt
sdk_venv "${requirements[@]}"
SENDOUT_BIN="$dir/sendout" "$venv/bin/python" -m pytest -q -p no:cacheprovider examples/python ||
  fail "examples/python (pytest)"
ok "examples/python: pytest passed"
SENDOUT_BIN="$dir/sendout" node --test --test-reporter=dot examples/node/ || fail "examples/node (node --test)"
ok "examples/node: node --test passed"
sdk_venv "PyYAML==6.0.2"
compose() { "$venv/bin/python" scripts/compose-check.py examples/docker-compose.yml Dockerfile "$@"; }
compose || fail "examples/docker-compose.yml"
secret=$(compose --app-env VOUCHERIFY_WEBHOOK_SECRET)
php_port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
VOUCHERIFY_WEBHOOK_SECRET="$secret" php -S "127.0.0.1:$php_port" examples/php/receiver.php >"$work/php.txt" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$php_port") 2>/dev/null && break; sleep 0.05; done
fire_php() { "$dir/sendout" fire customer.created --to "http://127.0.0.1:$php_port/webhooks" --secret "$1" \
  --retry-schedule none --audit "$work/php-audit.jsonl"; }
fire_php "$secret" >"$work/php-fire.txt" 2>&1 || fail "examples/php accepted nothing: $(cat "$work/php-fire.txt" "$work/php.txt")"
! fire_php wrong-secret >"$work/php-fire.txt" 2>&1 && grep -q 'HTTP 401' "$work/php-fire.txt" ||
  fail "examples/php did not refuse a wrong signature with 401: $(cat "$work/php-fire.txt")"
ok "examples/php/receiver.php: 200 for a valid signature, 401 for a wrong one"
# The compose file's two services without Docker: its app (the PHP receiver, with the app's secret) on the host, its
# sendout command in the Debian root, with free ports for theirs and 127.0.0.1 for the service name `app`.
mapfile -t compose_serve < <(compose --serve-args "http://127.0.0.1:$php_port/webhooks")
start_serve "$work/compose.txt" "${compose_serve[@]}"
before=$(grep -c 'customer.created' "$work/php.txt" || true) # the fires above sent one
curl -fsS -o /dev/null -H "X-App-Id: $(compose --app-env VOUCHERIFY_APP_ID)" \
  -H "X-App-Token: $(compose --app-env VOUCHERIFY_SECRET_KEY)" "http://127.0.0.1:$api_port/v1/customers" \
  -d '{"source_id":"compose-check"}' || fail "the compose app's keys were refused: $(cat "$work/compose.txt")"
arrived() { [ "$(grep -c 'customer.created' "$work/php.txt" || true)" -gt "$before" ]; }
for _ in $(seq 1 200); do arrived && break; sleep 0.05; done
arrived || fail "no customer.created at the compose app: $(cat "$work/php.txt" "$work/compose.txt")"
ok "examples/docker-compose.yml's services without Docker: a call with the app's keys sent the PHP app a verified customer.created"

# --- 4. the GitHub Action -------------------------------------------------------------------------------
scripts/action-test.sh "$archive"
echo "release-check: every check passed in $((SECONDS - started)) s"
