#!/usr/bin/env bash
# bench/run.sh — throughput and peak memory of homolog's XML and line-based readers on large inputs.
#
# What it does:
#   1. generates large synthetic inputs with bench/generate.py into bench/data/ (kept out of git),
#      unless they already exist with the requested sizes (delete bench/data/ to regenerate);
#   2. builds the `homolog-bench` product in release mode;
#   3. reads each file once through content detection + the detected reader, under
#      /usr/bin/time -v, and prints format, size, seconds, MB/s and peak RSS per file.
#
# Sizes, in MB (1 MB = 10^6 bytes; 0 skips a format):
#   BENCH_COBERTURA_MB=200  BENCH_JUNIT_MB=200  BENCH_JACOCO_MB=100  BENCH_LCOV_MB=100
# Example, modest sizes:  BENCH_COBERTURA_MB=50 BENCH_JUNIT_MB=50 BENCH_JACOCO_MB=25 BENCH_LCOV_MB=25 bench/run.sh
#
# Needs python3 and GNU time (installed with apt-get when /usr/bin/time is missing and we are root).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/bench/data"
export BENCH_COBERTURA_MB="${BENCH_COBERTURA_MB:-200}" BENCH_JUNIT_MB="${BENCH_JUNIT_MB:-200}"
export BENCH_JACOCO_MB="${BENCH_JACOCO_MB:-100}" BENCH_LCOV_MB="${BENCH_LCOV_MB:-100}"

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq time >/dev/null
  else
    echo "bench/run.sh: /usr/bin/time (GNU time) is missing: apt-get install time" >&2
    exit 2
  fi
fi

sizes="cobertura=$BENCH_COBERTURA_MB junit=$BENCH_JUNIT_MB jacoco=$BENCH_JACOCO_MB lcov=$BENCH_LCOV_MB"
if [ "$(cat "$data/.sizes" 2>/dev/null)" != "$sizes" ]; then
  echo "generating inputs ($sizes) in $data"
  python3 "$root/bench/generate.py" "$data"
  echo "$sizes" >"$data/.sizes"
fi

echo "building homolog-bench (release)"
(cd "$root" && swift build -c release --product homolog-bench 2>&1 | grep -E "error|warning:" || true)
bench="$(cd "$root" && swift build -c release --show-bin-path)/homolog-bench"

# One row per run: wall-clock MB/s, MB/s of CPU time (user + system: steadier when other jobs share
# the cores), peak RSS. XML files get a second row through the SAX parser alone (a handler that does
# nothing), the ceiling a reader can reach.
printf '%-14s %-26s %8s %8s %8s %10s %9s  %s\n' file format MB seconds MB/s "MB/s CPU" "peak RSS" "read"
run() {
  local name="$1" mode="$2" log out
  log="$(mktemp)"
  out="$(mktemp)"
  /usr/bin/time -v "$bench" $mode "$data/$name" >"$out" 2>"$log"
  IFS=$'\t' read -r _ format megabytes seconds rate summary <"$out"
  local rss_kb user system
  rss_kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")"
  user="$(awk -F': ' '/User time/ {print $2}' "$log")"
  system="$(awk -F': ' '/System time/ {print $2}' "$log")"
  local cpu_rate
  cpu_rate="$(awk -v mb="${megabytes% MB}" -v u="$user" -v s="$system" 'BEGIN { printf "%.1f", (u + s > 0) ? mb / (u + s) : 0 }')"
  [ -n "$mode" ] && format="$format (SAX only)"
  printf '%-14s %-26s %8s %8s %8s %10s %6d MB  %s\n' "$name" "$format" "${megabytes% MB}" "${seconds% s}" \
    "${rate% MB/s}" "$cpu_rate" "$((rss_kb / 1024))" "$summary"
  rm -f "$log" "$out"
}
for name in cobertura.xml junit.xml jacoco.xml coverage.info; do
  [ -f "$data/$name" ] || continue
  run "$name" ""
  case "$name" in *.xml) run "$name" --parse-only ;; esac
done
