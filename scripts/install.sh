#!/usr/bin/env bash
# Builds homolog in release mode with the Swift runtime and Foundation linked into the binary
# (--static-swift-stdlib), then installs it as PREFIX/bin/homolog.
#   scripts/install.sh            installs /usr/local/bin/homolog
#   PREFIX=$HOME/.local scripts/install.sh
# The binary then needs no Swift toolchain: only the runtime libraries of libyaml, libxml2, yajl and
# OpenSSL's libcrypto (Debian 12: libyaml-0-2, libxml2, libyajl2, libssl3), as `ldd` shows.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
prefix="${PREFIX:-/usr/local}"
swift build -c release --static-swift-stdlib --product homolog
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
install -d "$prefix/bin"
install -m 0755 "$bin/homolog" "$prefix/bin/homolog"
echo "installed $prefix/bin/homolog ($("$prefix/bin/homolog" --version))"
