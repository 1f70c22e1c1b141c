#!/usr/bin/env bash
# homolog judged by homolog: writes its own dossier into .ci/dossier/ from the evidence its CI produces, gathered
# into .ci/evidence/ (the project file is .ci/homolog.yaml):
#   tests/junit.xml          the log of the test run (TEST_LOG) as JUnit (scripts/xctest-junit.py)
#   coverage/homolog.lcov    line coverage of Sources/ (tests excluded), exported by the toolchain's llvm-cov from
#                            the profile of a run with --enable-code-coverage in BUILD_DIR (skipped, and said, without it)
#   manifests/homolog.yaml   the Helm chart rendered with ci/default-values.yaml and the tag of the image built from
#                            this commit (scripts/render-chart.py)
# The verdict is not the script's business: evaluate's exit 1 (a gate rule failed) is expected, 2 is an error.
#   scripts/self-dossier.sh TEST_LOG [BUILD_DIR]     e.g. scripts/self-dossier.sh test.log .build-cov/debug
# HOMOLOG_BINARY: the homolog to run (default: the release binary, built as scripts/install.sh builds it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: $0 TEST_LOG [BUILD_DIR]" >&2
  exit 2
fi
test_log="$1"
build_dir="${2:-}"
binary="${HOMOLOG_BINARY:-}"
if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --product homolog >&2
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/homolog"
fi

evidence=.ci/evidence
rm -rf "$evidence"
mkdir -p "$evidence/tests" "$evidence/coverage" "$evidence/manifests"

python3 scripts/xctest-junit.py "$test_log" Tests > "$evidence/tests/junit.xml"

profile="$build_dir/codecov/default.profdata"
if [ -n "$build_dir" ] && [ -f "$profile" ]; then
  # The toolchain's own llvm-cov (Debian's older one cannot read the profile). The test bundle holds the libraries;
  # the homolog executable the CLI tests run adds Sources/homolog (its profiles are merged into the same file).
  llvm_cov="$(dirname "$(readlink -f "$(command -v swift)")")/llvm-cov"
  "$llvm_cov" export -format=lcov -instr-profile "$profile" "$build_dir/homologPackageTests.xctest" \
    -object "$build_dir/homolog" -ignore-filename-regex='\.build|/Tests/' > "$evidence/coverage/homolog.lcov"
else
  echo "self-dossier.sh: no coverage profile (BUILD_DIR/codecov/default.profdata): coverage gets no evidence" >&2
fi

version="$("$binary" --version | awk '{ print $NF }')"
commit="$(git rev-parse --short=8 HEAD)"
git diff --quiet HEAD -- || commit="$commit-dirty"
python3 scripts/render-chart.py deploy/helm/homolog -f deploy/helm/homolog/ci/default-values.yaml \
  --set "image.tag=$version-$commit" > "$evidence/manifests/homolog.yaml"

set +e
"$binary" evaluate --config .ci/homolog.yaml --out .ci/dossier
status=$?
set -e
if [ "$status" -gt 1 ]; then
  echo "self-dossier.sh: homolog evaluate failed (exit $status)" >&2
  exit "$status"
fi
echo "self-dossier.sh: homolog's own dossier is in .ci/dossier/ (evaluate exit $status: $([ "$status" = 0 ] && echo 'gate passed' || echo 'gate failed, as the README says'))"
