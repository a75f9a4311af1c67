#!/usr/bin/env bash
# Rerunnable benchmarks for dsw, each beside a reference measured in the same run (this machine is
# shared and noisy: compare ratios, not absolute numbers). Needs a built target/ (mvn -q -DskipTests
# package), curl, jq, GNU time (/usr/bin/time), script(1) from util-linux and Node.js with npm (the official Alibaba Cloud Node
# client is installed into bench/node on first use).
# Usage: bench/run.sh [runs] [sections]   runs: default 10 (volume: a third of it, at least 3)
#                                         sections: any of startup,paging,volume,metrics (default: all)
# Prints Markdown for docs/benchmarks.md. Every figure is the median of the runs, taken in rounds
# so that each contender sees the same moments of machine load.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
sections=${2:-startup,paging,volume,metrics}
dsw=./target/dsw
export ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIdemo0000emulator ALIBABA_CLOUD_ACCESS_KEY_SECRET=demo-secret-not-a-real-key
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

[ -x /usr/bin/time ] || { echo "bench/run.sh needs GNU time: apt-get install -y time" >&2; exit 1; }
[ -d bench/node/node_modules ] || (cd bench/node && npm ci --no-audit --no-fund >/dev/null 2>&1)

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
# run NAME CMD... : one timed run; appends wall ms and peak RSS KiB to $work/NAME.{ms,kb}
run() {
  local name=$1; shift
  local s e
  s=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >>"$work/$name.ms"
  cat "$work/t" >>"$work/$name.kb"
}
ms() { median <"$work/$1.ms"; }
mib() { median <"$work/$1.kb" | awk '{printf "%.0f", $1 / 1024}'; }
start_emulator() { # start_emulator ARGS... → sets url
  local f="$work/emulator.url"; : >"$f"
  java -jar target/dsw.jar emulator --port 0 --anchor 2026-11-01T00:00:00Z "$@" >"$f" 2>/dev/null &
  epid=$!
  for _ in $(seq 600); do [ -s "$f" ] && break; sleep 0.1; done
  url=$(head -1 "$f")
}
# warm_emulator RUNS ARGS... : untimed listings, so that the emulator (a JVM with C2) is compiled
# and warm before anything is timed against it, as a real service is; its first listings of a
# 100,000-instance fleet took it two to five times the CPU of later ones.
warm_emulator() { local n=$1; shift; for _ in $(seq "$n"); do $dsw list "$@" -o csv --columns ID >/dev/null; done; }
stop_emulator() { kill "$epid" 2>/dev/null || true; wait "$epid" 2>/dev/null || true; }

echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(node --version 2>/dev/null) node, $(jq --version), $(date -u +%Y-%m-%d)."
echo "Command: bench/run.sh $runs $sections"
$dsw --version >/dev/null 2>&1 # the launcher trains its class-data archive here if the build did not

if [[ $sections == *startup* ]]; then
  start_emulator --instances 100
  warm_emulator 20 --endpoint "$url"
  $dsw --help >/dev/null; script -qec "$dsw --help" /dev/null >/dev/null # keep the help pages (dsw's cache)
  for i in $(seq "$runs"); do
    run curl curl -s "$url/api/v2/instances?PageSize=100"
    run node node bench/node/list.js "$url"
    run list $dsw list --endpoint "$url" --page 1
    run plain java -jar target/dsw.jar list --endpoint "$url" --page 1
    run help $dsw --help
    run coldhelp env XDG_CACHE_HOME="$work/cold$i" $dsw --help # no kept page: the first --help of a build
    run version $dsw --version
    run ttyhelp script -qec "$dsw --help" /dev/null # stdout a terminal, as a user at a shell has it
    run ttynone script -qec true /dev/null            # what script(1) and its pty cost by themselves
  done
  stop_emulator
  echo
  echo "| start-up: one signed ListInstances page (100 instances) from a local emulator | median ms | peak RSS MiB | × Node client |"
  echo "|---|---|---|---|"
  node_ms=$(ms node)
  for n in "curl:curl, unsigned GET (reference)" "node:official Node client (@alicloud/openapi-client), signed GET" \
      "list:dsw list --page 1" "plain:java -jar dsw.jar list --page 1 (no launcher: no archive, default JIT and GC)" \
      "help:dsw --help (the page kept by an earlier run)" "coldhelp:dsw --help, first run of this build (no kept page)" \
      "version:dsw --version" "ttyhelp:dsw --help at a terminal (script -qec, pty included)" \
      "ttynone:script -qec true (the pty alone, reference)"; do
    k=${n%%:*}; label=${n#*:}
    echo "| $label | $(ms "$k") | $(mib "$k") | $(awk -v a="$(ms "$k")" -v b="$node_ms" 'BEGIN {printf "%.2f", a / b}') |"
  done
fi

if [[ $sections == *paging* ]]; then
  start_emulator --instances 10000 --latency 50ms
  warm_emulator 3 --endpoint "$url" --workspace ALL --resource-id ALL
  for _ in $(seq "$runs"); do
    for c in 1 8 16; do
      run "c$c" $dsw list --endpoint "$url" --workspace ALL --resource-id ALL -o csv --columns ID --concurrency $c
    done
    run node8 node bench/node/page.js "$url" 8 # the official Node client paging the same way (reference)
  done
  stop_emulator
  echo
  echo "| 10,000 instances in pages of 100, emulator adding 50 ms per request | median ms | × sequential | floor (1 + ⌈99/c⌉) × 50 ms | × floor |"
  echo "|---|---|---|---|---|"
  seq_ms=$(ms c1)
  for c in 1 8 16; do
    floor=$(( (1 + (99 + c - 1) / c) * 50 ))
    label="--concurrency $c"; [ $c = 1 ] && label="--concurrency 1 (sequential, as the official SDK and aliyun CLI page)"
    [ $c = 8 ] && label="--concurrency 8 (dsw's default)"
    echo "| $label | $(ms "c$c") | $(awk -v a="$(ms "c$c")" -v b="$seq_ms" 'BEGIN {printf "%.2f", a / b}') | $floor | $(awk -v a="$(ms "c$c")" -v b="$floor" 'BEGIN {printf "%.2f", a / b}') |"
  done
  echo "| official Node client, page 1 then 8 in flight (bench/node/page.js; reference) | $(ms node8) | $(awk -v a="$(ms node8)" -v b="$seq_ms" 'BEGIN {printf "%.2f", a / b}') | 700 | $(awk -v a="$(ms node8)" 'BEGIN {printf "%.2f", a / 700}') |"
fi

if [[ $sections == *volume* ]]; then
  vruns=$(( runs / 3 )); [ "$vruns" -lt 3 ] && vruns=3
  cols='[.InstanceId, .InstanceName, .Status, (.WorkspaceName // .WorkspaceId), .RequestedResource.GPU, .RequestedResource.CPU, .RequestedResource.Memory, .ImageName, (.UserName // .UserId), .GmtCreateTime] | @csv'
  echo
  echo "| volume: every instance from the emulator | instances | median s | peak RSS MiB | × jq |"
  echo "|---|---|---|---|---|"
  for n in 10000 100000; do
    start_emulator --instances $n
    all=(--endpoint "$url" --workspace ALL --resource-id ALL)
    $dsw list "${all[@]}" -o json --show-secrets >"$work/fleet.json" # the same data, saved, for jq
    warm_emulator 5 "${all[@]}"
    for _ in $(seq "$vruns"); do
      run "jq$n" jq -r ".[] | $cols" "$work/fleet.json"
      run "csv$n" $dsw list "${all[@]}" -o csv
      run "jsonl$n" $dsw list "${all[@]}" -o jsonl
      run "table$n" $dsw list "${all[@]}" -o table
      run "node$n" node bench/node/page.js "$url" 8 # reads and parses every page, prints nothing (reference)
      run "head$n" bash -c '"$0" list --endpoint "$1" --workspace ALL --resource-id ALL -o csv | head -1' "$dsw" "$url"
    done
    stop_emulator
    jq_ms=$(ms "jq$n")
    for f in "jq:jq -r '.[] | [10 fields] | @csv' on the saved JSON ($(du -m "$work/fleet.json" | cut -f1) MB)" \
        "csv:dsw list -o csv" "jsonl:dsw list -o jsonl" "table:dsw list -o table (sizes columns from the first 10,000 rows, then streams)" \
        "node:official Node client, page 1 then 8 in flight, parsing every page and printing nothing (reference)" \
        "head:dsw list -o csv | head -1 (dsw stops when head exits)"; do
      k=${f%%:*}; label=${f#*:}; label=${label//|/\\|} # a | inside a Markdown table cell
      echo "| $label | $n | $(awk -v a="$(ms "$k$n")" 'BEGIN {printf "%.2f", a / 1000}') | $(mib "$k$n") | $(awk -v a="$(ms "$k$n")" -v b="$jq_ms" 'BEGIN {printf "%.2f", a / b}') |"
    done
  done
fi

if [[ $sections == *metrics* ]]; then
  # dsw top on 200 Running GPU instances: 2 pages, then 2 metrics each (400 GetInstanceMetrics
  # calls), the emulator adding 50 ms to every request; the floor is the pages' round trips plus
  # ⌈400 / 8⌉ rounds of 50 ms.
  jq -n '[range(200) | {InstanceId: "dsw-bench\(.)", InstanceName: "bench_\(.)", Status: "Running",
    WorkspaceId: "40823", PaymentType: "PayAsYouGo", GmtCreateTime: "2026-01-01T00:00:00Z",
    RequestedResource: {GPU: "1", GPUType: "NVIDIA A10", CPU: "8", Memory: "32"}, EmulatorUsage: "busy"}]' >"$work/gpus.json"
  start_emulator --data "$work/gpus.json" --latency 50ms
  warm_emulator 3 --endpoint "$url" --workspace ALL
  $dsw top --endpoint "$url" --workspace ALL -o csv >/dev/null # the emulator's metrics route warm too
  for _ in $(seq "$runs"); do
    run top8 $dsw top --endpoint "$url" --workspace ALL -o csv --concurrency 8
    run nodetop node bench/node/metrics.js "$url" 8
  done
  stop_emulator
  floor=$(( 2 * 50 + (400 + 7) / 8 * 50 ))
  echo
  echo "| dsw top: 200 Running GPU instances × 2 metrics, emulator adding 50 ms per request | median ms | peak RSS MiB | floor (2 pages + ⌈400/8⌉ rounds) × 50 ms | × floor |"
  echo "|---|---|---|---|---|"
  echo "| dsw top --concurrency 8 (the default) | $(ms top8) | $(mib top8) | $floor | $(awk -v a="$(ms top8)" -v b="$floor" 'BEGIN {printf "%.2f", a / b}') |"
  echo "| official Node client: the same listing and 400 calls, 8 in flight (bench/node/metrics.js; reference) | $(ms nodetop) | $(mib nodetop) | $floor | $(awk -v a="$(ms nodetop)" -v b="$floor" 'BEGIN {printf "%.2f", a / b}') |"
fi
