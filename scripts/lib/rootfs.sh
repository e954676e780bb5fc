# Sourced by scripts/release-check.sh. A Debian 12 root standing in for the Dockerfile's runtime stage: debootstrap's
# minbase with exactly the Dockerfile's RUNTIME_PACKAGES and its `useradd` line, and no Swift toolchain. Needs root and
# debootstrap.
# Cached in SENDOUT_ROOTFS_CACHE (default /var/cache/sendout-rootfs), one folder per package list, built when absent.

# dockerfile_arg NAME: the default value of `ARG NAME="…"` in the Dockerfile.
dockerfile_arg() { sed -n "s/^ARG $1=\"\(.*\)\"\$/\1/p" Dockerfile; }

# rootfs_path: prints the cached root for the Dockerfile's runtime packages, building it first when absent.
rootfs_path() {
  local packages useradd key root
  packages=$(dockerfile_arg RUNTIME_PACKAGES)
  useradd=$(sed -n 's/^RUN \(useradd .*\)$/\1/p' Dockerfile)
  [ -n "$packages" ] && [ -n "$useradd" ] || { echo "rootfs: no RUNTIME_PACKAGES or useradd line in the Dockerfile" >&2; return 1; }
  key=$(printf '%s\n%s\n' "$packages" "$useradd" | sha256sum | cut -c1-12)
  root="${SENDOUT_ROOTFS_CACHE:-/var/cache/sendout-rootfs}/bookworm-$key"
  if ! [ -e "$root/.complete" ]; then
    echo "rootfs: debootstrap --variant=minbase bookworm with $packages into $root" >&2
    rm -rf "$root.tmp"
    mkdir -p "$(dirname "$root")"
    debootstrap --variant=minbase --include="${packages// /,}" bookworm "$root.tmp" \
      >"$root.log" 2>&1 || { tail -n 20 "$root.log" >&2; return 1; }
    # shellcheck disable=SC2086 # the Dockerfile's line, word for word
    chroot "$root.tmp" $useradd
    rm -rf "$root.tmp/var/cache/apt/archives"/*.deb "$root.tmp/var/lib/apt/lists"/*
    touch "$root.tmp/.complete"
    rm -rf "$root"
    mv "$root.tmp" "$root"
  fi
  echo "$root"
}

# in_root ROOT USER COMMAND…: runs COMMAND in ROOT as USER (a name from the root's /etc/passwd), in a private mount
# namespace with the root's own /proc, a clean environment and the user's home as working directory. Exec's into
# the command: call it as `( in_root … )` or `in_root … &` (then $! is the command's own pid).
in_root() {
  local root="$1" user="$2"
  shift 2
  local home
  home=$(awk -F: -v u="$user" '$1 == u { print $6 }' "$root/etc/passwd")
  exec unshare --mount --propagation private -- sh -c '
    root="$1"; user="$2"; home="$3"; shift 3
    mount -t proc proc "$root/proc" || exit 70
    exec chroot --userspec="$user:$user" "$root" env -i HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin \
      sh -c "cd \"\$HOME\" && exec \"\$@\"" sh "$@"' sh "$root" "$user" "$home" "$@"
}
