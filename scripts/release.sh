#!/usr/bin/env bash
# Usage: scripts/release.sh
#
# Builds the release archive from this checkout: `sendout` in release mode with the Swift standard library,
# Foundation and libdispatch linked in (--static-swift-stdlib), stamped with the commit it is built from
# (`sendout --version`), stripped, and packed with README.md, CHANGELOG.md, LICENSE (when the tree has one) and
# Scenarios/ into
#   dist/sendout-<version>-linux-<arch>.tar.gz   (one folder sendout-<version>-linux-<arch>/ inside)
#   dist/sendout-<version>-linux-<arch>.tar.gz.sha256   (`sha256sum -c` checks it, from dist/)
# The version is SendoutVersion.number (Sources/sendout/Version/SendoutVersion.swift); <arch> is `uname -m`.
# The binary still needs from the system what docs/distribution.md lists (glibc, libcurl4, ca-certificates):
# FoundationNetworking's libcurl stays a shared library. Linking needs libcurl's development files; as root
# this installs Debian's libcurl4-openssl-dev when they are missing.
# Build products go to .build-release (SENDOUT_RELEASE_SCRATCH overrides it), so the debug build in .build is
# left alone and a second run only relinks what changed. Prints the archive's path last.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${SENDOUT_RELEASE_SCRATCH:-.build-release}"
version=$(sed -n 's/^ *static let number = "\([^"]*\)".*/\1/p' Sources/sendout/Version/SendoutVersion.swift)
[ -n "$version" ] || { echo "release: no version in Sources/sendout/Version/SendoutVersion.swift" >&2; exit 1; }
arch=$(uname -m)
name="sendout-$version-linux-$arch"

if ! [ -e /usr/lib/"$arch"-linux-gnu/libcurl.so ] && ! [ -e /usr/lib64/libcurl.so ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "release: installing libcurl4-openssl-dev (FoundationNetworking links libcurl)" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev >/dev/null
  else
    echo "release: libcurl's development files are missing (the link fails with 'cannot find -lcurl');" \
      "install libcurl4-openssl-dev (Debian, Ubuntu) or libcurl-devel (Fedora)" >&2
    exit 1
  fi
fi

# The commit, with -dirty when tracked files differ from it; SENDOUT_COMMIT when set (a Docker build context has no
# .git); else "unknown" outside a git checkout.
commit="${SENDOUT_COMMIT:-unknown}"
if [ -z "${SENDOUT_COMMIT:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  commit=$(git rev-parse --short=12 HEAD)
  git diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
fi
[[ "$commit" =~ ^[0-9A-Za-z._-]+$ ]] ||
  { echo "release: SENDOUT_COMMIT '$commit' is not a commit name (letters, digits, '.', '_', '-')" >&2; exit 1; }
stamp=Sources/sendout/Version/BuildStamp.generated.swift
printf '%s\n' "// Written by scripts/release.sh; git-ignored. Compiled only with -DSENDOUT_STAMPED." \
  "#if SENDOUT_STAMPED" "  /// The commit this release binary was built from." "  enum BuildStamp {" \
  "    /// \`git rev-parse --short=12 HEAD\`, with -dirty when the tree had changes." \
  "    static let commit = \"$commit\"" "  }" "#endif" >"$stamp.tmp"
cmp -s "$stamp.tmp" "$stamp" 2>/dev/null && rm "$stamp.tmp" || mv "$stamp.tmp" "$stamp"

swift build -c release --product sendout --static-swift-stdlib -Xswiftc -DSENDOUT_STAMPED --scratch-path "$scratch"
bin="$scratch/release/sendout"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
strip -o "$stage/$name/sendout" "$bin"
cp README.md CHANGELOG.md "$stage/$name/"
if [ -e LICENSE ]; then cp LICENSE "$stage/$name/"; else echo "release: warning: no LICENSE file to ship" >&2; fi
cp -R Scenarios "$stage/$name/Scenarios"
"$stage/$name/sendout" --version | grep -qF "sendout $version (commit $commit)" ||
  { echo "release: the binary does not report 'sendout $version (commit $commit)'" >&2; exit 1; }

# The tar adds nothing that varies: sorted names, numeric root owner, the commit's time on every file, no gzip
# timestamp.
mtime=$(git log -1 --format=%ct 2>/dev/null || echo 0)
mkdir -p dist
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$stage" -cf - "$name" |
  gzip -n >"dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "release: $(du -h "dist/$name.tar.gz" | cut -f1) archive, $(du -h "$stage/$name/sendout" | cut -f1) binary" \
  "(unstripped: $scratch/release/sendout)" >&2
echo "dist/$name.tar.gz"
