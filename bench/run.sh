#!/usr/bin/env bash
# bench/run.sh — homolog side by side with the tools a user would otherwise run, on generated inputs.
#
#   bench/run.sh            full run: 300 MB Cobertura, 300 MB JUnit, 100 MB JaCoCo, 100 MB LCOV,
#                           200 MB Trivy JSON, 200 MB SARIF, 5,000 Kubernetes manifests
#   BENCH_QUICK=1 bench/run.sh   a tenth of those sizes (500 manifests), a few minutes
#
# Sizes can also be set one by one (MB, 0 skips): BENCH_COBERTURA_MB, BENCH_JUNIT_MB, BENCH_JACOCO_MB,
# BENCH_LCOV_MB, BENCH_TRIVY_MB, BENCH_SARIF_MB, and BENCH_MANIFESTS (files). BENCH_PEER_TIMEOUT
# (seconds, default 1800) stops a peer that takes too long; its row then says so.
#
# What it does:
#   1. generates the inputs with bench/generate.py into bench/data/ (kept until the sizes change);
#   2. builds homolog and homolog-bench in release mode;
#   3. installs the peers from PyPI into bench/.venv (pycobertura, sarif-tools, checkov);
#   4. runs each tool once per input under GNU time and prints, per format, wall seconds, MB/s and
#      peak RSS for homolog and each peer, then the ratios against the targets of issue 7:
#      Cobertura/JaCoCo/JUnit ≥ 20× pycobertura (Cobertura) and ≥ 3× Python iterparse, RSS < 100 MB;
#      JSON ≥ json.load, RSS < 3× the file; manifests ≥ 20× checkov; the sample's evaluate < 0.2 s.
#
# homolog rows run `homolog inspect --json FILE` (start-up, content detection, reading, SHA-256 of
# the file), i.e. what `homolog evaluate` does per evidence file; "reader only" rows run
# homolog-bench (detection and reading, no hashing, no start-up of the CLI).
# Needs python3 (3.9+), GNU time (installed with apt-get when missing and root) and network access
# to PyPI the first time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/bench/data"
venv="$root/bench/.venv"
scale=1
[ "${BENCH_QUICK:-0}" = 1 ] && scale=0.1
size() { awk -v v="${!1:-$2}" -v s="$scale" -v set="${!1:+1}" 'BEGIN { printf "%g", set ? v : v * s }'; }
export BENCH_COBERTURA_MB="$(size BENCH_COBERTURA_MB 300)" BENCH_JUNIT_MB="$(size BENCH_JUNIT_MB 300)"
export BENCH_JACOCO_MB="$(size BENCH_JACOCO_MB 100)" BENCH_LCOV_MB="$(size BENCH_LCOV_MB 100)"
export BENCH_TRIVY_MB="$(size BENCH_TRIVY_MB 200)" BENCH_SARIF_MB="$(size BENCH_SARIF_MB 200)"
export BENCH_MANIFESTS="$(size BENCH_MANIFESTS 5000)"
timeout_s="${BENCH_PEER_TIMEOUT:-1800}"

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null; else
    echo "bench/run.sh: GNU time is missing: apt-get install time" >&2; exit 2; fi
fi

sizes="$BENCH_COBERTURA_MB $BENCH_JUNIT_MB $BENCH_JACOCO_MB $BENCH_LCOV_MB $BENCH_TRIVY_MB $BENCH_SARIF_MB $BENCH_MANIFESTS"
if [ "$(cat "$data/.sizes" 2>/dev/null)" != "$sizes" ]; then
  echo "generating inputs into $data"
  python3 "$root/bench/generate.py" "$data"
  echo "$sizes" >"$data/.sizes"
fi

echo "building homolog and homolog-bench (release)"
(cd "$root" && swift build -c release --product homolog 2>&1 | grep -E "error|warning:" || true)
(cd "$root" && swift build -c release --product homolog-bench 2>&1 | grep -E "error|warning:" || true)
bin="$(cd "$root" && swift build -c release --show-bin-path)"

if [ ! -x "$venv/bin/checkov" ] || [ ! -x "$venv/bin/pycobertura" ] || [ ! -x "$venv/bin/sarif" ]; then
  echo "installing the peers from PyPI into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q pycobertura sarif-tools checkov
fi
python="$venv/bin/python"
versions="$("$venv/bin/pip" list 2>/dev/null | awk '$1 ~ /^(pycobertura|sarif-tools|checkov)$/ {printf "%s %s, ", $1, $2}')"
echo "peers: ${versions%, }; $("$python" --version)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1e6}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

# measure NAME MB COMMAND…: runs once, records seconds and peak RSS (MB) in $secs and $rss; "timeout" on timeout.
measure() {
  local log status
  log="$(mktemp)"
  set +e
  /usr/bin/time -f "%e %M" -o "$log" timeout "$timeout_s" "$@" >/dev/null 2>"$log.err"
  status=$?
  set -e
  read -r secs rss_kb < <(tail -n 1 "$log") || true
  [[ "$rss_kb" =~ ^[0-9]+$ ]] || rss_kb=0
  rss=$((rss_kb / 1024))
  # checkov exits 1 when a check fails, homolog 2 on unreadable input: both still measured.
  if [ "$status" = 124 ]; then secs="timeout"; elif [ "$status" -gt 2 ]; then secs="failed($status)"; head -3 "$log.err" >&2; fi
  rm -f "$log" "$log.err"
}

declare -A rate memory
row() { # row FORMAT TOOL MB
  local format="$1" tool="$2" megabytes="$3" speed="-"
  rate["$format/$tool"]="$secs"
  [[ "$secs" =~ ^[0-9.]+$ ]] && speed="$(awk -v mb="$megabytes" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0) ? mb / s : 0 }')"
  [[ "$secs" =~ ^[0-9.]+$ ]] && rate["$format/$tool"]="$(awk -v s="$secs" 'BEGIN { printf "%.6f", (s > 0) ? 1 / s : 0 }')"
  memory["$format/$tool"]="$rss"
  printf '%-12s %-26s %9s %9s %9s %9s\n' "$format" "$tool" "$megabytes" "$secs" "$speed" "$rss"
}
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }

printf '%-12s %-26s %9s %9s %9s %9s\n' format tool MB seconds "MB/s" "RSS MB"
for name in cobertura.xml junit.xml jacoco.xml coverage.info trivy.json sarif.json; do
  file="$data/$name"
  [ -f "$file" ] || continue
  format="${name%%.*}"
  size_mb="$(mb "$file")"
  measure "$bin/homolog" inspect --json "$file"; row "$format" homolog "$size_mb"
  measure "$bin/homolog-bench" "$file"; row "$format" "homolog (reader only)" "$size_mb"
  case "$name" in
    *.xml) measure "$python" "$root/bench/floors.py" xml "$file"; row "$format" "python iterparse" "$size_mb" ;;
    *.json) measure "$python" "$root/bench/floors.py" json "$file"; row "$format" "python json.load" "$size_mb" ;;
  esac
  case "$name" in
    cobertura.xml) measure "$venv/bin/pycobertura" show --format json "$file"; row "$format" pycobertura "$size_mb" ;;
    sarif.json) measure "$venv/bin/sarif" summary "$file"; row "$format" "sarif-tools summary" "$size_mb" ;;
  esac
done
if [ -d "$data/manifests" ] && [ "$(ls "$data/manifests" | wc -l)" -gt 0 ]; then
  count="$(ls "$data/manifests" | wc -l)"
  size_mb="$(du -sb "$data/manifests" | awk '{printf "%.1f", $1 / 1e6}')"
  measure "$bin/homolog" inspect --json "$data/manifests"; row manifests homolog "$size_mb"
  measure "$venv/bin/checkov" -d "$data/manifests" --framework kubernetes --skip-download --quiet --compact -o json
  row manifests checkov "$size_mb"
  echo "(manifests: $count files)"
fi

# The sample project, start-up included: median wall time of 11 runs.
out="$(mktemp -d)"
times=()
for _ in $(seq 11); do
  start=$(date +%s.%N)
  "$bin/homolog" evaluate --config "$root/samples/demo/homolog.yaml" --out "$out" --as-of 2026-11-22 --quiet 2>/dev/null || true
  times+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
rm -rf "$out"
evaluate_s="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 6p)"
printf '%-12s %-26s %9s %9s\n' sample "homolog evaluate (median)" - "$evaluate_s"

echo
echo "ratios (homolog ÷ peer, throughput; target in brackets):"
ratio() { # ratio FORMAT PEER TARGET (same input, so the throughput ratio is the inverse ratio of the times)
  local a="${rate[$1/homolog]:-}" b="${rate[$1/$2]:-}"
  [ -n "$a" ] && [ -n "$b" ] || return 0
  if [[ "$a" =~ ^[0-9.]+$ ]] && [[ "$b" =~ ^[0-9.]+$ ]]; then
    awk -v a="$a" -v b="$b" -v t="$3" -v f="$1" -v p="$2" \
      'BEGIN { r = b > 0 ? a / b : 0; printf "  %-10s vs %-22s %7.1fx  [>= %sx] %s\n", f, p, r, t, (r >= t ? "met" : "NOT MET") }'
  else
    printf '  %-10s vs %-22s  peer %s\n' "$1" "$2" "$b"
  fi
}
ratio cobertura pycobertura 20
for format in cobertura junit jacoco; do ratio "$format" "python iterparse" 3; done
for format in trivy sarif; do ratio "$format" "python json.load" 1; done
ratio sarif "sarif-tools summary" 1
ratio manifests checkov 20
echo "memory (peak RSS of homolog inspect):"
for format in cobertura junit jacoco coverage; do
  [ -n "${memory[$format/homolog]:-}" ] || continue
  awk -v m="${memory[$format/homolog]}" -v f="$format" 'BEGIN { printf "  %-10s %5d MB  [< 100 MB] %s\n", f, m, (m < 100 ? "met" : "NOT MET") }'
done
for name in trivy sarif; do
  [ -n "${memory[$name/homolog]:-}" ] || continue
  bytes="$(stat -c %s "$data/$name.json")"
  awk -v m="${memory[$name/homolog]}" -v f="$name" -v b="$bytes" \
    'BEGIN { r = m * 1048576 / b; printf "  %-10s %5d MB = %.2fx the file  [< 3x] %s\n", f, m, r, (r < 3 ? "met" : "NOT MET") }'
done
awk -v s="$evaluate_s" 'BEGIN { printf "  sample evaluate %.3f s  [< 0.2 s] %s\n", s, (s < 0.2 ? "met" : "NOT MET") }'
