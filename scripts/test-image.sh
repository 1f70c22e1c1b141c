#!/usr/bin/env bash
# Proves homolog's image: builds it (scripts/build-image.sh), then checks that
#   - it holds only the binary, its shared libraries and the loader (no shell), runs as a numeric non-root user and
#     is tagged VERSION-COMMIT, not latest;
#   - its binary, run by buildah under a random uid of OpenShift's range (group 0, no passwd entry), writes the
#     demo sample's dossier byte for byte as the release binary run natively does (same --as-of);
#   - its GitLab variant (HOMOLOG_IMAGE_SHELL=1, busybox as /bin/sh) runs the `.homolog:evaluate` script of
#     ci/gitlab/homolog.yml as a GitLab job would, and writes the same dossier (needs busybox-static, python3-yaml).
#   scripts/test-image.sh                     builds the release binary if needed, then the image
#   HOMOLOG_BINARY=.build/release/homolog scripts/test-image.sh
# Where buildah cannot run (not installed, no storage, no way to run a container), the test is skipped with its
# reason (exit 0); .ci/run installs buildah, so there it runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export STORAGE_DRIVER="${STORAGE_DRIVER:-vfs}"
export BUILDAH_ISOLATION="${BUILDAH_ISOLATION:-chroot}"
if ! command -v buildah >/dev/null; then
  echo "test-image.sh: SKIPPED: buildah is not installed (apt-get install buildah)" >&2
  exit 0
fi
if ! reason="$(buildah info 2>&1 >/dev/null)"; then
  echo "test-image.sh: SKIPPED: buildah cannot run here: $reason" >&2
  exit 0
fi
binary="${HOMOLOG_BINARY:-}"
if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --product homolog >&2
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/homolog"
fi
binary="$(readlink -f "$binary")"
export HOMOLOG_BINARY="$binary"

work="$(mktemp -d)"
container=""
cleanup() {
  if [ -n "$container" ]; then buildah rm "$container" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "test-image.sh: FAILED: $*" >&2
  exit 1
}

# Can buildah run a container here at all? A scratch container holding only `true` and its libraries tells, so
# that a broken image of homolog is never mistaken for an environment that cannot run containers.
mkdir "$work/probe"
scripts/image-rootfs.sh "$(type -P true)" "$work/probe" >/dev/null
if ! container="$(buildah from scratch 2>"$work/probe.stderr")" \
  || ! buildah copy --quiet "$container" "$work/probe" / >/dev/null 2>>"$work/probe.stderr" \
  || ! buildah run "$container" -- /usr/local/bin/homolog 2>>"$work/probe.stderr"; then
  echo "test-image.sh: SKIPPED: buildah cannot run a container here: $(tail -n 3 "$work/probe.stderr")" >&2
  exit 0
fi
buildah rm "$container" >/dev/null
container=""

image="$(scripts/build-image.sh)"
echo "test-image.sh: built $image"
case "$image" in
  *:latest) fail "the image is tagged latest" ;;
esac
version="$("$binary" --version | awk '{ print $NF }')"
[[ "$image" == *":$version-$(git rev-parse --short=8 HEAD)"* ]] || fail "$image is not tagged VERSION-COMMIT"
[ "$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$image")" = "65532:65532" ] \
  || fail "the image's user is not 65532:65532"

# The image's files: exactly the binary, what ldd lists and the empty /tmp.
container="$(buildah from "$image")"
mount="$(buildah mount "$container")"
(cd "$mount" && find . -type f | sed 's|^\.||' | sort) > "$work/image-files"
{
  echo /usr/local/bin/homolog
  ldd "$binary" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
} | sort -u > "$work/expected-files"
buildah umount "$container" >/dev/null
diff -u "$work/expected-files" "$work/image-files" || fail "the image holds other files than the binary and its libraries"

# The same sample, run natively and in the image, from a copy of its folder at the same place in both.
mkdir -p "$work/native/sample" "$work/image/sample"
cp -R samples/demo/. "$work/native/sample/"
cp -R samples/demo/. "$work/image/sample/"
chmod -R a+rwX "$work/image"
set +e
(cd "$work/native" && "$binary" evaluate --config sample/homolog.yaml --out out --as-of 2026-11-22 --quiet) \
  2> "$work/native.stderr"
native_status=$?
buildah run --user 1000680000:0 --volume "$work/image:/work" --workingdir /work "$container" -- \
  /usr/local/bin/homolog evaluate --config sample/homolog.yaml --out out --as-of 2026-11-22 --quiet \
  2> "$work/image.stderr"
image_status=$?
set -e
# The demo is éliminatoire on purpose: both runs end with exit code 1 (gate failed, dossier written).
[ "$native_status" = 1 ] || fail "the native run ended with $native_status, not 1: $(cat "$work/native.stderr")"
[ "$image_status" = 1 ] || fail "the image's run ended with $image_status, not 1: $(cat "$work/image.stderr")"
diff -r "$work/native/out" "$work/image/out" || fail "the image's dossier differs from the native one"
echo "test-image.sh: passed: $image writes the demo dossier byte for byte as the native binary" \
  "($(ls -A "$work/image/out" | wc -l) files, run as uid 1000680000)"

# The GitLab variant: the script of ci/gitlab/homolog.yml's evaluate job, run by its shell in the image.
if ! command -v busybox >/dev/null || ! python3 -c "import yaml" 2>/dev/null; then
  echo "test-image.sh: GitLab variant SKIPPED: needs busybox-static and python3-yaml" >&2
  exit 0
fi
buildah rm "$container" >/dev/null
container=""
ci_image="$(HOMOLOG_IMAGE_SHELL=1 scripts/build-image.sh)"
[[ "$ci_image" == *":$version-$(git rev-parse --short=8 HEAD)"*"-ci" ]] || fail "$ci_image is not tagged VERSION-COMMIT-ci"
python3 -c '
import sys, yaml
job = yaml.safe_load(open("ci/gitlab/homolog.yml"))[".homolog:evaluate"]
print("\n".join(job["script"]))
' > "$work/evaluate.sh"
container="$(buildah from "$ci_image")"
set +e
buildah run --user 1000680000:0 --volume "$work/image:/work" --workingdir /work/sample \
  --env HOMOLOG_CONFIG=homolog.yaml --env HOMOLOG_OUT=../ci-out --env HOMOLOG_FAIL_ON=eliminatory \
  --env HOMOLOG_LANG=fr --env "HOMOLOG_ARGS=--as-of 2026-11-22 --quiet" \
  "$container" -- /bin/sh -c "$(cat "$work/evaluate.sh")" 2> "$work/ci.stderr"
ci_status=$?
set -e
# The job succeeds with the dossier written; the gate rule that failed (exit 1) is kept for the gate job.
[ "$ci_status" = 0 ] || fail "the GitLab job's script ended with $ci_status, not 0: $(cat "$work/ci.stderr")"
[ "$(cat "$work/image/sample/homolog-gate/status")" = 1 ] || fail "the GitLab job did not keep the gate's exit code 1"
diff -r "$work/native/out" "$work/image/ci-out" || fail "the GitLab job's dossier differs from the native one"
python3 -c '
import sys, yaml
job = yaml.safe_load(open("ci/gitlab/homolog.yml"))[".homolog:gate"]
print("\n".join(job["script"]))
' > "$work/gate.sh"
set +e
buildah run --user 1000680000:0 --volume "$work/image:/work" --workingdir /work/sample "$container" -- \
  /bin/sh -c "$(cat "$work/gate.sh")" 2> "$work/gate.stderr"
gate_status=$?
set -e
[ "$gate_status" = 1 ] || fail "the GitLab gate job ended with $gate_status, not 1: $(cat "$work/gate.stderr")"
echo "test-image.sh: passed: $ci_image runs the GitLab evaluate job's script (same dossier, exit 0) and its gate" \
  "job's script (exit 1: the demo is éliminatoire)"
