#!/usr/bin/env bash
# JMH micro-benchmarks of the per-page work of a long listing (src/jmh/java, dev.dsw.bench.PageParse),
# in forks with the launcher's JIT and GC flags, beside Jackson's bare tokenising as the reference.
# Usage: bench/parse.sh [JMH options]   e.g. bench/parse.sh -f 2 -wi 5 -i 10
#        DSW_JMH_JVM="-XX:+UseSerialGC" bench/parse.sh   (other JVM flags for the forks: C2 here)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh.classpath >/dev/null
cp="target/test-classes:target/classes:$(cat target/jmh.classpath)"
jvm=${DSW_JMH_JVM:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn48m}
exec java -cp "$cp" org.openjdk.jmh.Main 'dev.dsw.bench.PageParse' -f 1 -wi 5 -w 1s -i 5 -r 1s -jvmArgs "$jvm" "$@"
