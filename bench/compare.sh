#!/usr/bin/env bash
# Start-up of this checkout's build against another checkout's build, in the same rounds, beside
# the official Node client: every round runs each contender once, in turn, so that both see the
# same moments of machine load. Needs both built (mvn -q -DskipTests package in each) and
# bench/node installed (bench/run.sh does that on first use).
# Usage: bench/compare.sh OTHER_CHECKOUT [runs]     e.g. git worktree add /tmp/base 4a4359b
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
other=$1
runs=${2:-21}
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemo0000emulator ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-a-real-key
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
run() { # run NAME CMD...
  local name=$1; shift
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>"$work/err" || { echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >>"$work/$name.ms"
}
java -jar target/dsw.jar emulator --port 0 --anchor 2026-11-01T00:00:00Z --instances 100 >"$work/url" 2>/dev/null &
for _ in $(seq 600); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
# Each build keeps its help page in a cache of its own: a kept page names the build that printed it,
# so two builds sharing ~/.cache/dsw would replace each other's page on every run.
this() { XDG_CACHE_HOME="$work/cache-this" ./target/dsw "$@"; }
that() { XDG_CACHE_HOME="$work/cache-other" "$other/target/dsw" "$@"; }
for d in this that; do # warm the emulator, train any archive, keep the help pages
  for _ in $(seq 10); do $d list --endpoint "$url" --page 1 >/dev/null; done
  $d --help >/dev/null
done
for _ in $(seq "$runs"); do
  run node node bench/node/list.js "$url"
  run other_list that list --endpoint "$url" --page 1
  run this_list this list --endpoint "$url" --page 1
  run other_help that --help
  run this_help this --help
done 2>/dev/null
ms() { median <"$work/$1.ms"; }
x() { awk -v a="$(ms "$1")" -v b="$(ms node)" 'BEGIN {printf "%.2f", a / b}'; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), node $(node --version), $(date -u +%Y-%m-%d); $runs interleaved rounds."
echo "This: $(git rev-parse --short HEAD). Other: $(git -C "$other" rev-parse --short HEAD)."
echo
echo "| start-up, median of $runs interleaved rounds | other ms | this ms | other × Node | this × Node | this / other |"
echo "|---|---|---|---|---|---|"
echo "| official Node client, one signed page (reference) | $(ms node) | $(ms node) | 1.00 | 1.00 | |"
for k in list:"dsw list --page 1 (100 instances, local emulator)" help:"dsw --help (kept page)"; do
  n=${k%%:*}; label=${k#*:}
  echo "| $label | $(ms other_$n) | $(ms this_$n) | $(x other_$n) | $(x this_$n) | $(awk -v a="$(ms this_$n)" -v b="$(ms other_$n)" 'BEGIN {printf "%.2f", a / b}') |"
done
