#!/usr/bin/env bash
# Step 1 of action.yml: downloads sendout-$SENDOUT_VERSION-linux-<arch>.tar.gz and its .sha256 from where
# release-url.sh says (the base-url input, else this action's GitHub releases), checks the checksum, unpacks it
# under $RUNNER_TEMP and appends the folder to $GITHUB_PATH (and to $GITHUB_OUTPUT as path=…). Needs curl, tar, sha256sum.
set -euo pipefail
: "${SENDOUT_VERSION:?is required (the version input)}"
release='^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$'
[[ "$SENDOUT_VERSION" =~ $release ]] ||
  { echo "sendout: version '$SENDOUT_VERSION' is not a release number such as 0.1.0" >&2; exit 1; }
base=$("$(dirname "$0")/release-url.sh")
name="sendout-$SENDOUT_VERSION-linux-$(uname -m)"
dest="${RUNNER_TEMP:?}/sendout-$SENDOUT_VERSION"
rm -rf "$dest" && mkdir -p "$dest"
curl -fsSL --retry 3 -o "$dest/$name.tar.gz" "$base/$name.tar.gz"
curl -fsSL --retry 3 -o "$dest/$name.tar.gz.sha256" "$base/$name.tar.gz.sha256"
(cd "$dest" && sha256sum -c --quiet "$name.tar.gz.sha256")
tar -xzf "$dest/$name.tar.gz" -C "$dest"
"$dest/$name/sendout" --version
echo "$dest/$name" >>"$GITHUB_PATH"
echo "path=$dest/$name" >>"${GITHUB_OUTPUT:-/dev/null}"
