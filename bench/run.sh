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
#   BENCH_ONLY="cobertura junit"  measures only these inputs (names: cobertura junit jacoco coverage
#                                 trivy sarif manifests sample); the inputs are still generated whole
#   BENCH_PEERS=0                 skips the PyPI peers (pycobertura, sarif-tools, checkov): C floors,
#                                 Python floors (system python3) and homolog only, no network needed
#   BENCH_REPEAT=N                runs each tool N times in turn and keeps its fastest run (default 1)
#
# What it does:
#   1. generates the inputs with bench/generate.py into bench/data/ (kept until the sizes change);
#   2. builds homolog and homolog-bench in release mode, and the C floors of bench/floors/ with cc
#      (libxml2's SAX2 push parser counting elements, yajl's push parser counting keys);
#   3. installs the peers from PyPI into bench/.venv (pycobertura, sarif-tools, checkov);
#   4. runs each tool on each input under GNU time (`/usr/bin/time -v`: wall clock, user + system CPU
#      time and maximum resident set size) and prints, per format, wall seconds, MB/s, CPU seconds and
#      peak RSS for homolog, the C floor and each peer, then the ratios against the targets (wall clock;
#      for the C floors also CPU time, steadier when other processes share the cores):
#      issue 13: Cobertura/JaCoCo/JUnit ≥ 0.8× the C floor (libxml2), RSS < 64 MB; SARIF and Trivy
#      ≥ 5× json.load, RSS < 64 MB; also homolog ÷ C floor (yajl) for JSON, for the record;
#      issue 7: Cobertura ≥ 20× pycobertura, XML ≥ 3× Python iterparse; manifests ≥ 20× checkov;
#      the sample's evaluate < 0.2 s (median of 11 runs).
#
# homolog rows run `homolog inspect --json FILE` (start-up, content detection, reading; inspect prints
# no digest, so it does not hash the file); "reader only" rows run homolog-bench (detection and
# reading, no start-up of the CLI). Both count findings without keeping them (FindingMode.count: no fingerprint, location or
# text per finding), so their memory stays flat; `homolog evaluate` keeps every finding, so its memory
# grows with the number of findings (not with the document).
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
only=" ${BENCH_ONLY:-cobertura junit jacoco coverage trivy sarif manifests sample} "
peers="${BENCH_PEERS:-1}"
repeat="${BENCH_REPEAT:-1}"
wanted() { [[ "$only" == *" $1 "* ]]; }

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

echo "building the C floors (cc -O2)"
floors="$root/.build/bench-floors"
mkdir -p "$floors"
# shellcheck disable=SC2046 # pkg-config prints several flags
cc -O2 -o "$floors/xml_floor" "$root/bench/floors/xml_floor.c" $(pkg-config --cflags --libs libxml-2.0)
# shellcheck disable=SC2046
cc -O2 -o "$floors/json_floor" "$root/bench/floors/json_floor.c" $(pkg-config --cflags --libs yajl)
echo "floors: libxml2 $(pkg-config --modversion libxml-2.0), yajl $(pkg-config --modversion yajl), $(cc --version | head -1)"

if [ "$peers" = 1 ]; then
  if [ ! -x "$venv/bin/checkov" ] || [ ! -x "$venv/bin/pycobertura" ] || [ ! -x "$venv/bin/sarif" ]; then
    echo "installing the peers from PyPI into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q pycobertura sarif-tools checkov
  fi
  python="$venv/bin/python"
  versions="$("$venv/bin/pip" list 2>/dev/null | awk '$1 ~ /^(pycobertura|sarif-tools|checkov)$/ {printf "%s %s, ", $1, $2}')"
  echo "peers: ${versions%, }; $("$python" --version)"
else
  python="python3"
  echo "peers: skipped (BENCH_PEERS=0); $("$python" --version)"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1e6}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

# run_once COMMAND…: runs once under `/usr/bin/time -v`; sets $secs (wall seconds, or "timeout" /
# "failed(N)"), $cpu (user + system seconds, all threads) and $rss (peak resident set size, MB).
run_once() {
  local log status rss_kb
  log="$(mktemp)"
  set +e
  /usr/bin/time -v -o "$log" timeout "$timeout_s" "$@" >/dev/null 2>"$log.err"
  status=$?
  set -e
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35" and "Maximum resident set size (kbytes): 8120"
  secs="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$log")"
  cpu="$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$log")"
  rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")"
  [[ "$rss_kb" =~ ^[0-9]+$ ]] || rss_kb=0
  rss=$((rss_kb / 1024))
  # checkov exits 1 when a check fails, homolog 2 on unreadable input: both still measured.
  if [ "$status" = 124 ]; then secs="timeout"; elif [ "$status" -gt 2 ]; then secs="failed($status)"; head -3 "$log.err" >&2; fi
  rm -f "$log" "$log.err"
}

# measure COMMAND…: BENCH_REPEAT runs; keeps the fastest wall time, the least CPU time and the largest
# peak RSS in $secs, $cpu and $rss.
measure() {
  local best="" least="" most=0
  for _ in $(seq "$repeat"); do
    run_once "$@"
    [[ "$secs" =~ ^[0-9.]+$ ]] || { best="$secs"; least="$cpu"; most="$rss"; break; }
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$secs"; fi
    if [ -z "$least" ] || awk -v a="$cpu" -v b="$least" 'BEGIN { exit !(a < b) }'; then least="$cpu"; fi
    [ "$rss" -gt "$most" ] && most="$rss"
  done
  secs="$best"
  cpu="$least"
  rss="$most"
}

declare -A rate cpurate memory
row() { # row FORMAT TOOL MB
  local format="$1" tool="$2" megabytes="$3" speed="-"
  rate["$format/$tool"]="$secs"
  [[ "$cpu" =~ ^[0-9.]+$ ]] && cpurate["$format/$tool"]="$(awk -v s="$cpu" 'BEGIN { printf "%.6f", (s > 0) ? 1 / s : 0 }')"
  [[ "$secs" =~ ^[0-9.]+$ ]] && speed="$(awk -v mb="$megabytes" -v s="$secs" 'BEGIN { printf "%.1f", (s > 0) ? mb / s : 0 }')"
  [[ "$secs" =~ ^[0-9.]+$ ]] && rate["$format/$tool"]="$(awk -v s="$secs" 'BEGIN { printf "%.6f", (s > 0) ? 1 / s : 0 }')"
  memory["$format/$tool"]="$rss"
  printf '%-12s %-26s %9s %9s %9s %9s %9s\n' "$format" "$tool" "$megabytes" "$secs" "$speed" "$cpu" "$rss"
}
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }

printf '%-12s %-26s %9s %9s %9s %9s %9s\n' format tool MB seconds "MB/s" "CPU s" "RSS MB"
for name in cobertura.xml junit.xml jacoco.xml coverage.info trivy.json sarif.json; do
  file="$data/$name"
  format="${name%%.*}"
  [ -f "$file" ] && wanted "$format" || continue
  size_mb="$(mb "$file")"
  # The C floor first and right next to homolog, so both see the same machine load.
  case "$name" in
    *.xml) measure "$floors/xml_floor" "$file"; row "$format" "C floor (libxml2 SAX2)" "$size_mb" ;;
    *.json) measure "$floors/json_floor" "$file"; row "$format" "C floor (yajl)" "$size_mb" ;;
  esac
  measure "$bin/homolog" inspect --json "$file"; row "$format" homolog "$size_mb"
  measure "$bin/homolog-bench" "$file"; row "$format" "homolog (reader only)" "$size_mb"
  case "$name" in
    *.xml) measure "$python" "$root/bench/floors.py" xml "$file"; row "$format" "python iterparse" "$size_mb" ;;
    *.json) measure "$python" "$root/bench/floors.py" json "$file"; row "$format" "python json.load" "$size_mb" ;;
  esac
  [ "$peers" = 1 ] || continue
  case "$name" in
    cobertura.xml) measure "$venv/bin/pycobertura" show --format json "$file"; row "$format" pycobertura "$size_mb" ;;
    sarif.json) measure "$venv/bin/sarif" summary "$file"; row "$format" "sarif-tools summary" "$size_mb" ;;
  esac
done
if wanted manifests && [ -d "$data/manifests" ] && [ "$(ls "$data/manifests" | wc -l)" -gt 0 ]; then
  count="$(ls "$data/manifests" | wc -l)"
  size_mb="$(du -sb "$data/manifests" | awk '{printf "%.1f", $1 / 1e6}')"
  measure "$bin/homolog" inspect --json "$data/manifests"; row manifests homolog "$size_mb"
  if [ "$peers" = 1 ]; then
    measure "$venv/bin/checkov" -d "$data/manifests" --framework kubernetes --skip-download --quiet --compact -o json
    row manifests checkov "$size_mb"
  fi
  echo "(manifests: $count files)"
fi

# The sample project, start-up included: median wall time of 11 runs.
evaluate_s=""
if wanted sample; then
  out="$(mktemp -d)"
  times=()
  for _ in $(seq 11); do
    start=$(date +%s.%N)
    "$bin/homolog" evaluate --config "$root/samples/demo/homolog.yaml" --out "$out" --as-of 2026-11-22 --quiet 2>/dev/null || true
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  done
  rm -rf "$out"
  evaluate_s="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 6p | awk '{ printf "%.3f", $1 }')"
  printf '%-12s %-26s %9s %9s\n' sample "homolog evaluate (median)" - "$evaluate_s"
fi

echo
echo "ratios (throughput of the first ÷ the second, same input, so the inverse ratio of the times; target in brackets):"
ratio() { # ratio FORMAT TOOL PEER TARGET [cpu]: wall-clock throughput ratio, or CPU-time ratio with "cpu"
  local a="${rate[$1/$2]:-}" b="${rate[$1/$3]:-}"
  if [ "${5:-}" = cpu ]; then a="${cpurate[$1/$2]:-}"; b="${cpurate[$1/$3]:-}"; fi
  [ -n "$a" ] && [ -n "$b" ] || return 0
  if [[ "$a" =~ ^[0-9.]+$ ]] && [[ "$b" =~ ^[0-9.]+$ ]]; then
    awk -v a="$a" -v b="$b" -v t="$4" -v f="$1" -v h="$2" -v p="$3" -v c="${5:-}" \
      'BEGIN { r = b > 0 ? a / b : 0; printf "  %-10s %-22s vs %-22s %7.2fx  ", f, h, p, r;
               if (t == "-") print (c == "cpu" ? "(CPU time, for the record)" : "(for the record)");
               else printf "[>= %sx] %s\n", t, (r >= t ? "met" : "NOT MET") }'
  else
    printf '  %-10s %-22s vs %-22s  %s / %s\n' "$1" "$2" "$3" "$a" "$b"
  fi
}
echo " issue 13 (C floors), wall clock:"
for format in cobertura junit jacoco; do
  ratio "$format" homolog "C floor (libxml2 SAX2)" 0.8
  ratio "$format" "homolog (reader only)" "C floor (libxml2 SAX2)" 0.8
done
echo " issue 13 (C floors), CPU time (user + system: less sensitive to a shared machine):"
for format in cobertura junit jacoco; do
  ratio "$format" homolog "C floor (libxml2 SAX2)" 0.8 cpu
  ratio "$format" "homolog (reader only)" "C floor (libxml2 SAX2)" 0.8 cpu
done
for format in trivy sarif; do
  ratio "$format" homolog "python json.load" 5
  ratio "$format" homolog "C floor (yajl)" -
  ratio "$format" "homolog (reader only)" "C floor (yajl)" -
  ratio "$format" "homolog (reader only)" "C floor (yajl)" - cpu
done
echo " issue 7 (peers):"
ratio cobertura homolog pycobertura 20
for format in cobertura junit jacoco; do ratio "$format" homolog "python iterparse" 3; done
ratio sarif homolog "sarif-tools summary" 1
ratio manifests homolog checkov 20
echo "memory (peak RSS; the C floor in brackets):"
for format in cobertura junit jacoco coverage trivy sarif; do
  [ -n "${memory[$format/homolog]:-}" ] || continue
  floor="${memory[$format/C floor (libxml2 SAX2)]:-${memory[$format/C floor (yajl)]:-}}"
  for tool in homolog "homolog (reader only)"; do
    [ -n "${memory[$format/$tool]:-}" ] || continue
    awk -v m="${memory[$format/$tool]}" -v f="$format" -v t="$tool" -v c="${floor:--}" \
      'BEGIN { printf "  %-10s %-22s %5d MB (floor %s MB)  [< 64 MB] %s\n", f, t, m, c, (m < 64 ? "met" : "NOT MET") }'
  done
done
[ -z "$evaluate_s" ] || awk -v s="$evaluate_s" 'BEGIN { printf "  sample evaluate %.3f s  [< 0.2 s] %s\n", s, (s < 0.2 ? "met" : "NOT MET") }'
