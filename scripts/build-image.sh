#!/usr/bin/env bash
# Builds homolog's rootless image without a registry: buildah, from scratch, holding only the release binary
# (built as scripts/install.sh builds it: --static-swift-stdlib) and the shared libraries ldd lists for it, with
# the loader (scripts/image-rootfs.sh). No base image is pulled. Non-root numeric user 65532:65532 (the platform
# replaces it by a random uid, which the image does not depend on). Tagged VERSION-COMMIT, never latest. PATH is
# set to /usr/local/bin:/bin: a scratch image has none, and the GitLab variant's job finds `sh` and `homolog`
# through it rather than through whatever default the runtime supplies.
#   scripts/build-image.sh                    builds localhost/homolog:0.1.0-<commit> and prints its name
#   IMAGE=harbor.apps.c6.numerique-interieur.com/<project>/homolog scripts/build-image.sh
#   HOMOLOG_BINARY=.build/release/homolog scripts/build-image.sh      reuses a release binary already built
#   HOMOLOG_IMAGE_SHELL=1 scripts/build-image.sh   the variant for GitLab jobs (ci/gitlab/homolog.yml), tagged
#                                                  VERSION-COMMIT-ci: the same files plus Debian's statically linked
#                                                  busybox (busybox-static) as /bin/sh, since a job's image needs a shell
# Needs buildah (Debian: apt-get install buildah) and root, or a user with subordinate ids. Storage defaults to
# the vfs driver (works in containers without overlay); STORAGE_DRIVER overrides it. The Containerfile builds the
# same image with a registry (podman/buildah build -f Containerfile).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}"
binary="${HOMOLOG_BINARY:-}"
if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --product homolog >&2
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/homolog"
fi
version="$("$binary" --version | awk '{ print $NF }')"
commit="$(git rev-parse --short=8 HEAD)"
# A tag names one build: a tree with uncommitted changes to tracked files is not that commit.
git diff --quiet HEAD -- || commit="$commit-dirty"
suffix=""
[ "${HOMOLOG_IMAGE_SHELL:-0}" = 1 ] && suffix="-ci"
image="${IMAGE:-localhost/homolog}:$version-$commit$suffix"

rootfs="$(mktemp -d)"
container=""
cleanup() {
  rm -rf "$rootfs"
  if [ -n "$container" ]; then buildah rm "$container" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
scripts/image-rootfs.sh "$binary" "$rootfs" >/dev/null
if [ -n "$suffix" ]; then
  busybox="$(command -v busybox || true)"
  if [ -z "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then
    echo "build-image.sh: the GitLab variant needs a statically linked busybox (apt-get install busybox-static)" >&2
    exit 2
  fi
  install -D -m 0755 "$busybox" "$rootfs/bin/busybox"
  for applet in $("$busybox" --list); do
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
  done
fi

container="$(buildah from scratch)"
buildah copy --quiet "$container" "$rootfs" / >/dev/null
buildah config \
  --user 65532:65532 \
  --entrypoint '["/usr/local/bin/homolog"]' \
  --cmd '["--help"]' \
  --workingdir /tmp \
  --env HOME=/tmp \
  --env PATH=/usr/local/bin:/bin \
  --label org.opencontainers.image.title=homolog \
  --label org.opencontainers.image.version="$version" \
  --label org.opencontainers.image.revision="$(git rev-parse HEAD)" \
  --label org.opencontainers.image.description="Compliance dossiers for the CCT référentiel on Cloud Pi Native" \
  "$container"
buildah commit --quiet --rm "$container" "$image" >/dev/null
container=""
echo "$image"
