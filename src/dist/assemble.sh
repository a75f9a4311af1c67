#!/usr/bin/env bash
# Assembles target/dsw-<version>-linux-x64.tar.gz, the archive that runs with no Java installed
# (mvn -B -Pdist package runs it; -Ddist.jdk=DIR picks the JDK whose runtime goes in, default the
# one running Maven). Layout of dsw-<version>-linux-x64/:
#   bin/dsw               the launcher (src/main/launcher/dsw), which finds runtime/ and lib/ beside it
#   runtime/              a jlinked runtime: the modules jdeps finds in dsw.jar, plus jdk.crypto.ec
#   lib/dsw.jar           dsw and its libraries
#   lib/dsw.aot|dsw.jsa   the AOT cache (JDK 25+) or class-data archive (JDK 17-24) trained for
#                         that runtime here, at build time, so a user's first run is as fast as later ones
#   completions/          dsw.bash and _dsw (zsh)
#   man/man1/             one page per command, from the picocli model (dev.dsw.docs.ManPages)
#   LICENSE, INSTALL.md
# Usage: assemble.sh TARGET_DIR DIST_JDK VERSION TEST_CLASSPATH
set -euo pipefail
target=$1 jdk=$2 version=$3 test_classpath=$4
project=$(cd "$(dirname "$0")/../.." && pwd)
name="dsw-$version-linux-x64"
stage="$target/dist/$name"
rm -rf "$target/dist" "$target/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/lib" "$stage/completions" "$stage/man"

[ -x "$jdk/bin/jlink" ] || { echo "dist: no jlink in $jdk (set -Ddist.jdk to a JDK 17 or newer)" >&2; exit 1; }

# The jar's modification time in whole seconds: a JDK 17 class-data archive checks it, and tar
# keeps only seconds.
cp "$target/dsw.jar" "$stage/lib/dsw.jar"
touch -d "@$(stat -c %Y "$stage/lib/dsw.jar")" "$stage/lib/dsw.jar"
install -m 755 "$target/dsw" "$stage/bin/dsw"

# Modules: what jdeps finds in the classes, plus one it cannot see. jdk.crypto.ec provides the
# elliptic-curve key exchange and signatures TLS servers negotiate; it is a security provider,
# found through a service, not a class reference (JDK 22+ has it in java.base and keeps an empty
# module of that name).
modules=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$stage/lib/dsw.jar")
if "$jdk/bin/java" --list-modules | grep -q '^jdk\.crypto\.ec@'; then
  modules="$modules,jdk.crypto.ec"
fi
echo "dist: jlink $modules from $jdk"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$stage/runtime" >/dev/null

# The runtime's java.security names the security providers of the whole JDK; seven of them live in
# modules this runtime does not hold (SunJGSS, SunSASL, XMLDSig, SunPCSC, JdkLDAP, JdkSASL,
# SunPKCS11), and every run that lists the providers looks for each in vain: okhttp does at start,
# about 5 ms. Keep the entries the runtime itself reports as loadable, in their order, renumbered;
# an entry that is not a plain provider name is kept as it is. Unchanged if the runtime reports none.
security="$stage/runtime/conf/security/java.security"
present=$("$stage/runtime/bin/java" -XshowSettings:security:providers -version 2>&1 | sed -n 's/^ *Provider name: //p')
if [ -n "$present" ]; then
  awk -v present="$(echo $present)" '
    BEGIN { n = split(present, names, " "); for (i = 1; i <= n; i++) keep[names[i]] = 1 }
    /^security\.provider\.[0-9]+=/ {
      entry = substr($0, index($0, "=") + 1)
      if (entry ~ /^[A-Za-z0-9]+$/ && !(entry in keep)) next
      print "security.provider." (++k) "=" entry
      next
    }
    { print }' "$security" >"$security.new"
  chmod --reference="$security" "$security.new"
  mv "$security.new" "$security"
fi
echo "dist: security providers $(grep -c '^security\.provider\.' "$security") ($(echo $present))"

# Train the archive for this runtime, with the launcher's JVM flags (bin/dsw; DistIT checks that
# the launcher's run accepts it). The class path is the jar through /dev/fd/9, as the launcher
# passes it, so that the archive names no folder: a JDK 17 archive is refused when the class
# path differs from the one it was trained with, and the archive must work wherever it is unpacked.
java="$stage/runtime/bin/java"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$stage/runtime/release")
# the launcher's own line of flags, read from it rather than copied
read -r -a opts <<<"$(sed -n 's/^opts="\(-XX:[^"$]*\)"$/\1/p' "$project/src/main/launcher/dsw")"
[ ${#opts[@]} -gt 0 ] || { echo "dist: no opts= line in src/main/launcher/dsw" >&2; exit 1; }
if [ "$major" -ge 22 ]; then opts+=(--enable-native-access=ALL-UNNAMED); fi
train() { "$java" "${opts[@]}" -Xlog:disable "$@" -Ddsw.jar="$stage/lib/dsw.jar" -cp /dev/fd/9 dev.dsw.Train 9<"$stage/lib/dsw.jar" >/dev/null; }
echo "dist: training the class-data archive on JDK $major"
if [ "$major" -ge 25 ]; then
  # in two steps: the one-step -XX:AOTCacheOutput assembles in a child JVM, which has no fd 9
  train -XX:AOTMode=record -XX:AOTConfiguration="$target/dist/dsw.aotconf"
  train -XX:AOTMode=create -XX:AOTConfiguration="$target/dist/dsw.aotconf" -XX:AOTCache="$stage/lib/dsw.aot"
  rm -f "$target/dist/dsw.aotconf"
else
  train -XX:ArchiveClassesAtExit="$stage/lib/dsw.jsa"
fi
[ -f "$stage/lib/dsw.aot" ] || [ -f "$stage/lib/dsw.jsa" ] || { echo "dist: training wrote no archive" >&2; exit 1; }

cp "$project/completions/dsw.bash" "$project/completions/_dsw" "$stage/completions/"
java -cp "$test_classpath" dev.dsw.docs.ManPages "$stage/man" 2>&1 >/dev/null | { grep -v "^Generating man page" >&2 || true; }
rm -rf "$stage/man/adoc"
cp "$project/LICENSE" "$project/src/dist/INSTALL.md" "$stage/"

# Owner and group are nobody's in particular; modes and times are kept (the archive needs the
# jar's time).
tar -C "$target/dist" --owner=0 --group=0 --numeric-owner -czf "$target/$name.tar.gz" "$name"
echo "dist: $target/$name.tar.gz ($(du -h "$target/$name.tar.gz" | cut -f1); unpacked $(du -sh "$stage" | cut -f1))"
