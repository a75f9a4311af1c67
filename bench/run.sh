#!/usr/bin/env bash
# Rerunnable benchmarks for dsw. Needs a built target/ (mvn -q -DskipTests package) and hyperfine
# is not required: each figure is the median of N whole-process runs timed with date +%s%N.
# Usage: bench/run.sh [runs]   (default 10). Prints Markdown rows for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
dsw=./target/dsw
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemo0000emulator ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-a-real-key

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time_ms() { # time_ms CMD... : median wall time of $runs runs, in ms
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | median
}
start_emulator() { # start_emulator ARGS... → sets url and epid
  local f; f=$(mktemp)
  java -jar target/dsw.jar emulator --port 0 "$@" >"$f" 2>/dev/null &
  epid=$!
  for _ in $(seq 100); do [ -s "$f" ] && break; sleep 0.1; done
  url=$(head -1 "$f")
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
$dsw --version >/dev/null 2>&1 || true   # first run records the class-data archive

start_emulator --instances 100 --anchor 2026-11-01T00:00:00Z
q="$url/api/v2/instances?PageSize=10"
echo "| start-up | median ms ($runs runs) |"
echo "|---|---|"
echo "| curl, unsigned GET (reference) | $(time_ms curl -s "$q") |"
echo "| dsw --version | $(time_ms $dsw --version) |"
echo "| dsw --help | $(time_ms $dsw --help) |"
echo "| dsw list --page 1 (one signed request) | $(time_ms $dsw list --endpoint "$url" --page 1) |"
echo "| java -jar dsw.jar list --page 1 (no launcher flags) | $(time_ms java -jar target/dsw.jar list --endpoint "$url" --page 1) |"
kill "$epid"

start_emulator --instances 10000 --latency 50ms --anchor 2026-11-01T00:00:00Z
echo
echo "| 10,000 instances, pages of 100, 50 ms per request | median ms ($runs runs) | floor (1 + ceil(99/c)) x 50 ms |"
echo "|---|---|---|"
for c in 1 2 4 8 16; do
  floor=$(( (1 + (99 + c - 1) / c) * 50 ))
  echo "| --concurrency $c | $(time_ms $dsw list --endpoint "$url" --workspace ALL --resource-id ALL -o csv --columns ID --concurrency $c) | $floor |"
done
kill "$epid"
