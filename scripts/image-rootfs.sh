#!/usr/bin/env bash
# Lays out the root filesystem of homolog's image in ROOTFS: the binary (stripped) as /usr/local/bin/homolog, exactly the
# shared libraries `ldd` lists for it (at the paths the dynamic loader resolved) and the loader itself, plus an
# empty world-writable /tmp. Nothing else: no shell, no package manager, no passwd entry (the platform assigns a
# random uid).
#   scripts/image-rootfs.sh BINARY ROOTFS
# Used by scripts/build-image.sh (buildah, from scratch) and by the Containerfile's build stage.
set -euo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: $0 BINARY ROOTFS" >&2
  exit 2
fi
binary="$1"
rootfs="$2"
# Stripped of its symbol table and debug information (binutils' strip, which the Swift toolchain needs anyway):
# 89 MB become 64 MB; the code is the same.
install -D -m 0755 --strip "$binary" "$rootfs/usr/local/bin/homolog"
# ldd prints "libx.so.1 => /path/libx.so.1 (0x…)" per library and "/lib64/ld-linux-x86-64.so.2 (0x…)" for the
# loader; the vDSO has no file. A library it cannot find is an error: the image would not start.
if ldd "$binary" | grep -q 'not found'; then
  ldd "$binary" >&2
  echo "$0: a shared library of $binary is missing (see above)" >&2
  exit 1
fi
libraries="$(ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u)"
if [ -z "$libraries" ]; then
  echo "$0: ldd lists no shared library for $binary (a static binary needs no loader: adapt this script)" >&2
  exit 1
fi
for library in $libraries; do
  # The file a symbolic link such as libyaml-0.so.2 points to, copied under the name the loader asks for.
  install -D -m 0755 "$(readlink -f "$library")" "$rootfs$library"
done
install -d -m 1777 "$rootfs/tmp"
echo "$libraries"
