# Sourced by scripts/interop.sh and scripts/release-check.sh. The official Voucherify Python SDK (PyPI `voucherify`,
# pinned: its releases have changed models under us) in a throwaway virtual environment, with whatever else the caller
# needs from PyPI. Needs python3 with venv.

sdk_version="6.1.1"

# sdk_venv PACKAGE==VERSION…: sets $venv to a virtual environment (SENDOUT_INTEROP_VENV, default
# $TMPDIR/sendout-interop-venv) holding the pinned SDK and the given packages, installing what is missing.
sdk_venv() {
  venv="${SENDOUT_INTEROP_VENV:-${TMPDIR:-/tmp}/sendout-interop-venv}"
  local wanted=("voucherify==$sdk_version" "$@") missing=() package
  [ -x "$venv/bin/python" ] || { rm -rf "$venv" && python3 -m venv "$venv"; }
  for package in "${wanted[@]}"; do
    grep -qxF "$package" <("$venv/bin/pip" freeze --disable-pip-version-check 2>/dev/null) || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]} into $venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}"
  fi
}
