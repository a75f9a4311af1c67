#!/usr/bin/env bash
# Start-up of the archive (mvn -B -Pdist package) beside the official Node client, in the same
# interleaved rounds: one-page dsw list against a local emulator, run from a fresh unpack (its
# first run) and again (a later run), and the Node client; plus dsw --version. Whole-process wall
# time, median. Needs bench/node installed (bench/run.sh does that on first use).
# Usage: bench/dist.sh [runs] [ARCHIVE.tar.gz ...]     (default: target/dsw-*-linux-x64.tar.gz)
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
shift || true
archives=("$@")
[ ${#archives[@]} -gt 0 ] || archives=(target/dsw-*-linux-x64.tar.gz)
[ -d bench/node/node_modules ] || (cd bench/node && npm ci --silent)
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemo0000emulator ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-a-real-key
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; chmod -R u+w "$work"; rm -rf "$work"' EXIT
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
# No java on the PATH, no JAVA_HOME: the archive's own runtime or nothing.
jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")") # for the build's launcher (reference)
nojava=$(mktemp -d); export PATH="$nojava:/usr/bin:/bin"; unset JAVA_HOME
node=$(command -v node || echo /usr/local/bin/node)
for i in "${!archives[@]}"; do
  mkdir -p "$work/keep$i" && tar -xzf "${archives[$i]}" -C "$work/keep$i"
  kept[$i]=$(echo "$work/keep$i"/dsw-*/bin/dsw)
  for _ in $(seq 5); do HOME="$work/home" "${kept[$i]}" list --endpoint "$url" --page 1 >/dev/null; done
done
for r in $(seq "$runs"); do
  run node "$node" bench/node/list.js "$url"
  [ -x target/dsw ] && run build env HOME="$work/home" JAVA_HOME="$jdk" PATH="$jdk/bin:/usr/bin:/bin" target/dsw list --endpoint "$url" --page 1
  for i in "${!archives[@]}"; do
    fresh="$work/fresh$i-$r"; mkdir -p "$fresh" && tar -xzf "${archives[$i]}" -C "$fresh"
    run "first$i" env HOME="$work/home-$i-$r" "$fresh"/dsw-*/bin/dsw list --endpoint "$url" --page 1
    rm -rf "$fresh"
    run "later$i" env HOME="$work/home" "${kept[$i]}" list --endpoint "$url" --page 1
    run "version$i" "${kept[$i]}" --version
  done
done 2>/dev/null
ms() { median <"$work/$1.ms"; }
x() { awk -v a="$(ms "$1")" -v b="$(ms node)" 'BEGIN {printf "%.2f", a / b}'; }
echo "Machine: $(nproc) cores, node $("$node" --version), $(date -u +%Y-%m-%d); $runs interleaved rounds; load $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| start-up, median of $runs interleaved rounds | ms | × Node |"
echo "|---|---|---|"
echo "| official Node client, one signed page (reference) | $(ms node) | 1.00 |"
[ -s "$work/build.ms" ] && echo "| the build's launcher, target/dsw on the system JDK: list --page 1 | $(ms build) | $(x build) |"
for i in "${!archives[@]}"; do
  a=$(basename "${archives[$i]}"); rt=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$(dirname "${kept[$i]}")/../runtime/release")
  size=$(du -h "${archives[$i]}" | cut -f1)
  echo "| $a (runtime $rt, $size): list --page 1, first run of a fresh unpack | $(ms first$i) | $(x first$i) |"
  echo "| same archive: list --page 1, later run | $(ms later$i) | $(x later$i) |"
  echo "| same archive: --version | $(ms version$i) | $(x version$i) |"
done
