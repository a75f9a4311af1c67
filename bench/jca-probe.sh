#!/usr/bin/env bash
# What a cold JVM pays for the first SHA-256, HmacSHA256 and UUID (bench/probe/JcaProbe.java), with
# the launcher's JIT and GC flags and a class-data archive of the probe, as dsw runs.
# Usage: bench/jca-probe.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work/classes" bench/probe/JcaProbe.java
jar cf "$work/probe.jar" -C "$work/classes" . # a class-data archive takes jars only
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable"
java $flags -XX:ArchiveClassesAtExit="$work/probe.jsa" -cp "$work/probe.jar" JcaProbe >/dev/null
for _ in $(seq "${1:-5}"); do java $flags -XX:SharedArchiveFile="$work/probe.jsa" -cp "$work/probe.jar" JcaProbe; done
