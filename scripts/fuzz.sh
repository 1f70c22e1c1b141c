#!/usr/bin/env bash
# scripts/fuzz.sh FAMILY [SECONDS] — fuzzes one reader family with libFuzzer (see README, "Fuzzing").
#
# FAMILY: xml (Cobertura, JaCoCo, Clover, JUnit, Dependency-Check XML), json (Trivy, SARIF, Grype,
# CycloneDX, SPDX, Dependency-Check JSON, SonarQube, Gitleaks, Istanbul, Kubernetes JSON, OpenAPI),
# yaml (Kubernetes manifests, OpenAPI, the YAML tree builder), lines (LCOV, Go coverprofile),
# project (homolog.yaml, catalogue, attestations, derogations). Every input goes through content
# detection and through each reader of the family.
#
# Builds `homolog-fuzz` with `-sanitize=fuzzer,address` into .build-fuzz/ (the plain build is left
# alone), seeds a working corpus in .build-fuzz/corpus/FAMILY from Tests/Fixtures/real and
# Tests/Fixtures/hostile, runs for SECONDS (default 600) and writes crashing inputs to
# .build-fuzz/findings/FAMILY/. Copy a finding into Tests/Fixtures/hostile/fuzz/ once fixed:
# HostileInputTests replays every file there.
set -euo pipefail
family="${1:?usage: scripts/fuzz.sh xml|json|yaml|lines|project [SECONDS]}"
seconds="${2:-600}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DHOMOLOG_FUZZ \
  --product homolog-fuzz 2>&1 | grep -E "error|Compiling|Build" || true
fuzzer=".build-fuzz/release/homolog-fuzz"
corpus=".build-fuzz/corpus/$family"
findings=".build-fuzz/findings/$family"
mkdir -p "$corpus" "$findings"
case "$family" in
  xml) patterns='*.xml' ;;
  json) patterns='*.json *.sarif' ;;
  yaml) patterns='*.yaml *.yml' ;;
  lines) patterns='*.info *.lcov *.out' ;;
  project) patterns='homolog.yaml attestations.yaml derogations.yaml cct-*.yaml' ;;
  *) echo "unknown family $family" >&2; exit 2 ;;
esac
# Each seed is copied under its path with '/' as '_': same-named files (every homolog.yaml, …) all stay.
for pattern in $patterns; do
  find Tests/Fixtures/real Tests/Fixtures/hostile samples requirements -name "$pattern" -size -256k -print0 2>/dev/null |
    while IFS= read -r -d '' seed; do cp "$seed" "$corpus/$(printf '%s' "$seed" | tr '/' '_')"; done
done
echo "fuzzing the $family readers for $seconds s with $(ls "$corpus" | wc -l) seed files"
HOMOLOG_FUZZ_READER="$family" "$fuzzer" "$corpus" -max_total_time="$seconds" -max_len=32768 \
  -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$findings/" -print_final_stats=1
