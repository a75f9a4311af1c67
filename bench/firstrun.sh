#!/usr/bin/env bash
# First and later runs of the launcher on each JDK: the first run of a fresh cache (no archive
# trained for that JDK yet: the launcher trains one in the background) against later runs that
# use it. The build's own archive beside dsw.jar is left out (a copy of the launcher and jar
# without it), so every JDK is measured the same way. Needs a built target/.
# Usage: bench/firstrun.sh [runs] [JDK_HOME...]   default: the java on PATH and Temurin 25
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; shift || true
jdks=("$@")
[ ${#jdks[@]} -gt 0 ] || jdks=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/temurin-25-jdk-amd64)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "${DSW_TARGET:-target}/dsw" "${DSW_TARGET:-target}/dsw.jar" "$work/" # DSW_TARGET: another build's target/
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
wait_archive() { for _ in $(seq 300); do ls "$1"/dsw/*.jsa "$1"/dsw/*.aot >/dev/null 2>&1 && return; sleep 0.1; done; }
echo "Machine: $(nproc) cores, $(date -u +%Y-%m-%d); $runs rounds; command: dsw --demo list --limit 3"
echo
echo "| JDK | first run of a fresh cache, ms (median) | later runs, ms (median) | first − later |"
echo "|---|---|---|---|"
for jdk in "${jdks[@]}"; do
  ver=$("$jdk/bin/java" -version 2>&1 | head -1)
  : >"$work/first"; : >"$work/later"
  for r in $(seq "$runs"); do
    cache="$work/cache-$r"
    JAVA_HOME=$jdk XDG_CACHE_HOME=$cache ms "$work/dsw" --demo list --limit 3 >>"$work/first"
    wait_archive "$cache"
    sleep 1 # the training JVM has exited
    JAVA_HOME=$jdk XDG_CACHE_HOME=$cache ms "$work/dsw" --demo list --limit 3 >>"$work/later"
  done
  f=$(median <"$work/first"); l=$(median <"$work/later")
  echo "| $ver | $f | $l | $((f - l)) |"
done
