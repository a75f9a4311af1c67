#!/usr/bin/env bash
# Peak RSS and wall time of `dsw list -o table` over a 100,000-instance emulator fleet, beside
# `dsw list -o csv` (which streams) in the same rounds, and optionally beside another build of dsw
# (the "before" of a change): bench/table-memory.sh [runs] [other-dsw-launcher]
# Needs a built target/ (mvn -q -DskipTests package) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
other=${2:-}
n=${N:-100000}
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemo0000emulator ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-a-real-key
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
java -jar target/dsw.jar emulator --port 0 --instances "$n" --anchor 2026-11-01T00:00:00Z >"$work/url" 2>/dev/null &
for _ in $(seq 600); do [ -s "$work/url" ] && break; sleep 0.1; done
all=(--endpoint "$(head -1 "$work/url")" --workspace ALL --resource-id ALL)
for _ in 1 2 3 4 5; do ./target/dsw list "${all[@]}" -o csv --columns ID >/dev/null; done # warm the emulator
run() { # run NAME DSW FORMAT
  local s e
  s=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/t" "$2" list "${all[@]}" -o "$3" >"$work/out"
  e=$(date +%s%N)
  [ "$(wc -l <"$work/out")" -eq $((n + 1)) ] || { echo "$1: wrong row count" >&2; exit 1; }
  echo $(((e - s) / 1000000)) >>"$work/$1.ms"
  cat "$work/t" >>"$work/$1.kb"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
for _ in $(seq "$runs"); do
  [ -n "$other" ] && run before "$other" table
  run table ./target/dsw table
  run csv ./target/dsw csv
done
echo "| $n instances, median of $runs | median s | peak RSS MiB |"
echo "|---|---|---|"
for k in before table csv; do
  [ -f "$work/$k.ms" ] || continue
  label=$k; [ $k = before ] && label="dsw list -o table, $other"
  [ $k = table ] && label="dsw list -o table (this build)"; [ $k = csv ] && label="dsw list -o csv (this build; streams)"
  echo "| $label | $(median <"$work/$k.ms" | awk '{printf "%.2f", $1 / 1000}') | $(median <"$work/$k.kb" | awk '{printf "%.0f", $1 / 1024}') |"
done
