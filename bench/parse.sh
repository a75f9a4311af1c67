#!/usr/bin/env bash
# JMH micro-benchmarks of the per-page work of a long listing (src/jmh/java, dev.dsw.cli.PageParse),
# in forks with the launcher's JIT and GC flags, beside Jackson's bare tokenising as the reference.
# Usage: bench/parse.sh [JMH options]   default -f 1 -wi 5 -w 1s -i 5 -r 1s; e.g. bench/parse.sh -f 2 -i 10
#        DSW_JMH_JVM="-XX:+UseSerialGC" bench/parse.sh   (other JVM flags for the forks: C2 here)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh.classpath >/dev/null
cp="target/test-classes:target/classes:$(cat target/jmh.classpath)"
jvm=${DSW_JMH_JVM:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn48m}
[ $# -gt 0 ] || set -- -f 1 -wi 5 -w 1s -i 5 -r 1s # JMH options given replace these
exec java -cp "$cp" org.openjdk.jmh.Main 'dev.dsw.cli.PageParse' -jvmArgs "$jvm" "$@"
