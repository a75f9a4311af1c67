package dev.dsw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.reliability.SelfSignedServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive of mvn -Pdist package (src/dist/assemble.sh), unpacked as a user would: its layout,
 * and bin/dsw run with no java on the PATH and no JAVA_HOME, through a symlink, from an install
 * folder it never writes to, against the demo, the emulator it carries and an HTTPS server trusted
 * through --ca-bundle. Runs in the dist profile only (.ci/run), where the archive has been built.
 */
class DistIT {
  static final Path TARGET = Path.of(System.getProperty("dsw.home", "target"));
  static final String VERSION = System.getProperty("dsw.version", "0.1.0");
  @TempDir static Path tmp;
  static Path root; // the unpacked dsw-<version>-linux-x64
  static Path bin; // a PATH of the few tools the launcher uses, and the dsw symlink; no java

  @BeforeAll
  static void unpack() throws Exception {
    root = unpackInto(Files.createDirectories(tmp.resolve("opt")));
    bin = Files.createDirectories(tmp.resolve("bin"));
    // the launcher runs only shell builtins, and readlink when started through a symlink
    for (String tool : List.of("sh", "readlink")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(
          bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
    Files.createSymbolicLink(bin.resolve("dsw"), root.resolve("bin/dsw"));
    assertThat(run(Map.of("PATH", bin.toString()), "sh", "-c", "command -v java").code)
        .as("the test PATH must hold no java")
        .isNotZero();
  }

  /** The archive unpacked into a folder, as a user would: its dsw-<version>-linux-x64. */
  static Path unpackInto(Path dir) throws Exception {
    Path archive = TARGET.resolve("dsw-" + VERSION + "-linux-x64.tar.gz");
    assertThat(archive).as("build it with mvn -B -Pdist package").isRegularFile();
    Result tar = run(Map.of(), "tar", "-xzf", archive.toString(), "-C", dir.toString());
    assertThat(tar.code).as(tar.err).isZero();
    return dir.resolve("dsw-" + VERSION + "-linux-x64");
  }

  public record Result(int code, String out, String err) {}

  static Result run(Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (env.containsKey("PATH")) {
      pb.environment().clear(); // nothing of the test JVM's: no JAVA_HOME, no java on the PATH
    }
    pb.environment().putAll(env);
    Path out = Files.createTempFile("dsw-it", ".out");
    Path err = Files.createTempFile("dsw-it", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
    try {
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  /** bin/dsw by its symlink, in exactly this environment (give PATH: the test's is cleared). */
  static Result runArgs(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(bin.resolve("dsw").toString()));
    cmd.addAll(List.of(args));
    return run(env, cmd.toArray(String[]::new));
  }

  /** The JVM flag that makes a run fail unless it takes the archive's trained class data. */
  static String cds() {
    return Files.exists(root.resolve("lib/dsw.aot")) ? "-XX:AOTMode=on" : "-Xshare:on";
  }

  /** Every file under a folder with its size and modification time. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        files.put(
            dir.relativize(p).toString(),
            Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  @Test
  void theArchiveHoldsTheRuntimeTheJarTheArchiveCompletionsManPagesAndLicense() throws Exception {
    for (String f :
        List.of(
            "bin/dsw",
            "runtime/bin/java",
            "runtime/release",
            "lib/dsw.jar",
            "completions/dsw.bash",
            "completions/_dsw",
            "man/man1/dsw.1",
            "man/man1/dsw-list.1",
            "LICENSE",
            "INSTALL.md")) {
      assertThat(root.resolve(f)).as(f).exists();
    }
    assertThat(
            Files.exists(root.resolve("lib/dsw.aot")) || Files.exists(root.resolve("lib/dsw.jsa")))
        .as("a trained AOT cache or class-data archive")
        .isTrue();
    assertThat(Files.isExecutable(root.resolve("bin/dsw"))).isTrue();
  }

  @Test
  void theRuntimesJavaSecurityNamesOnlyTheProvidersItHolds() throws Exception {
    List<String> configured =
        Files.readAllLines(root.resolve("runtime/conf/security/java.security")).stream()
            .filter(l -> l.startsWith("security.provider."))
            .toList();
    Result shown =
        run(
            Map.of(),
            root.resolve("runtime/bin/java").toString(),
            "-XshowSettings:security:providers",
            "-version");
    List<String> loaded =
        shown
            .err
            .lines()
            .map(String::strip)
            .filter(l -> l.startsWith("Provider name: "))
            .map(l -> l.substring("Provider name: ".length()))
            .toList();
    // the providers TLS and the signer need are all there, and nothing the runtime cannot load
    assertThat(loaded).contains("SUN", "SunRsaSign", "SunEC", "SunJSSE", "SunJCE");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < loaded.size(); i++) {
      expected.add("security.provider." + (i + 1) + "=" + loaded.get(i));
    }
    assertThat(configured).containsExactlyElementsOf(expected);
  }

  @Test
  void theRuntimeHoldsTheModulesJdepsFindsAndNoOthers() throws Exception {
    String release = Files.readString(root.resolve("runtime/release"));
    String modules =
        release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
    List<String> linked = List.of(modules.substring(9, modules.length() - 1).split(" "));
    Result jdeps =
        run(
            Map.of(),
            Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
            "--multi-release",
            "17",
            "--ignore-missing-deps",
            "--print-module-deps",
            root.resolve("lib/dsw.jar").toString());
    assertThat(jdeps.code).as(jdeps.err).isZero();
    List<String> needed = new ArrayList<>(List.of(jdeps.out.trim().split(",")));
    needed.add("jdk.crypto.ec");
    // jlink adds what those modules require in turn (java.sql requires java.logging and java.xml)
    assertThat(linked).containsAll(needed);
    assertThat(linked).doesNotContain("java.compiler", "jdk.jshell", "jdk.jfr", "java.management");
    assertThat(linked.size()).isLessThan(15);
  }

  /**
   * The launcher's start-up flags as the JVM took them (docs/benchmarks.md measures each): one C1
   * compiler thread, and the heap in huge pages exactly when the kernel's THP mode is "madvise".
   */
  @Test
  void theJvmRunsWithOneCompilerThreadAndHugePagesWhenTheKernelGivesThemOnRequest()
      throws Exception {
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean onRequest = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
    Result r =
        runArgs(
            Map.of(
                "PATH",
                bin.toString(),
                // the launcher keeps the JVM's own console output off stdout: turn it back on
                "DSW_JAVA_OPTS",
                "-XX:+DisplayVMOutput -XX:+PrintFlagsFinal"),
            "--version");
    assertThat(r.code).as(r.err).isZero();
    Map<String, String> flags = new HashMap<>();
    for (String line : r.out.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[2].equals("=")) {
        flags.put(f[1], f[3]);
      }
    }
    assertThat(flags).containsEntry("CICompilerCount", "1").containsEntry("TieredStopAtLevel", "1");
    assertThat(flags).containsEntry("UseTransparentHugePages", String.valueOf(onRequest));
    assertThat(r.out).contains("dsw " + VERSION);
  }

  @Test
  void demoListRunsWithNoJavaThroughASymlinkAndWritesNothingToTheInstall() throws Exception {
    Map<String, String> before = snapshot(root);
    String cds = cds();
    Path first = tmp.resolve("home-first");
    // the trained archive is taken: with -Xshare:on / AOTMode=on the JVM refuses to start otherwise
    Result r =
        runArgs(
            Map.of("PATH", bin.toString(), "HOME", first.toString(), "DSW_JAVA_OPTS", cds),
            "--demo",
            "list");
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out.lines().count()).isGreaterThan(5);
    assertThat(r.out).contains("dsw-7a3c91e0b2f4d561");
    assertThat(r.err).isEmpty();
    Map<String, String> afterFirst = snapshot(first);
    Path later = tmp.resolve("home-later");
    for (int i = 0; i < 2; i++) {
      Result again =
          runArgs(Map.of("PATH", bin.toString(), "HOME", later.toString()), "--demo", "list");
      assertThat(again.code).as(again.err).isZero();
    }
    assertThat(snapshot(first).keySet())
        .as("a first run writes no more than later runs do")
        .isEqualTo(snapshot(later).keySet());
    assertThat(afterFirst.keySet()).noneMatch(f -> f.endsWith(".jsa") || f.endsWith(".aot"));
    assertThat(snapshot(root)).as("the install folder is never written").isEqualTo(before);
  }

  /**
   * An install folder nobody may write to, as under /opt: unpacked, made read-only, and run by a
   * user who cannot write there (root writes anywhere, so as root the run drops to nobody).
   */
  @Test
  void demoListRunsFromAnInstallFolderThatCannotBeWritten() throws Exception {
    boolean superuser = "0".equals(run(Map.of(), "id", "-u").out.trim());
    Path top = Files.createTempDirectory(Path.of("/tmp"), "dsw-readonly");
    try {
      Files.setPosixFilePermissions(top, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path install = unpackInto(top);
      Path home = Files.createDirectory(top.resolve("home"));
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
      assertThat(run(Map.of(), "chmod", "-R", "a-w", install.toString()).code).isZero();
      List<String> as =
          superuser
              ? List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
              : List.of();
      List<String> touch = new ArrayList<>(as);
      touch.addAll(List.of("/usr/bin/touch", install.resolve("lib/x").toString()));
      assertThat(run(Map.of("PATH", bin.toString()), touch.toArray(String[]::new)).code)
          .as("the folder must really be read-only for this user")
          .isNotZero();
      Map<String, String> before = snapshot(install);
      List<String> cmd = new ArrayList<>(as);
      cmd.addAll(List.of(install.resolve("bin/dsw").toString(), "--demo", "list"));
      Result r =
          run(
              Map.of("PATH", bin.toString(), "HOME", home.toString(), "DSW_JAVA_OPTS", cds()),
              cmd.toArray(String[]::new));
      // the trained archive is still taken: with -Xshare:on / AOTMode=on the JVM refuses otherwise
      assertThat(r.code).as(r.err).isZero();
      assertThat(r.out).contains("dsw-7a3c91e0b2f4d561");
      assertThat(r.err).isEmpty();
      assertThat(snapshot(install)).isEqualTo(before);
    } finally {
      run(Map.of(), "chmod", "-R", "u+w", top.toString());
      run(Map.of(), "rm", "-rf", top.toString());
    }
  }

  @Test
  void theEmulatorItCarriesServesAListing() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home-emulator"));
    ProcessBuilder pb =
        new ProcessBuilder(
            bin.resolve("dsw").toString(), "emulator", "--port", "0", "--instances", "30");
    pb.environment().clear();
    pb.environment().putAll(Map.of("PATH", bin.toString(), "HOME", home.toString()));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process emulator = pb.start();
    try {
      String url =
          new BufferedReader(
                  new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(url).startsWith("http://127.0.0.1:");
      Result r =
          runArgs(
              Map.of(
                  "PATH",
                  bin.toString(),
                  "HOME",
                  home.toString(),
                  "ALIBABA_CLOUD_ACCESS_KEY_ID",
                  "LTAIdemo0000emulator",
                  "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                  "demo-secret-not-a-real-key"),
              "list",
              "--endpoint",
              url,
              "--workspace",
              "ALL",
              "--resource-id",
              "ALL",
              "-o",
              "jsonl");
      assertThat(r.code).as(r.err).isZero();
      assertThat(r.out.lines().count()).isEqualTo(30);
    } finally {
      emulator.destroy();
      emulator.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void tlsWorksFromTheTrimmedRuntimeWithACaBundle() throws Exception {
    Path certs = Files.createDirectories(tmp.resolve("tls"));
    try (SelfSignedServer server = SelfSignedServer.start(certs)) {
      Map<String, String> env =
          Map.of(
              "PATH",
              bin.toString(),
              "HOME",
              tmp.resolve("home-tls").toString(),
              "ALIBABA_CLOUD_ACCESS_KEY_ID",
              "LTAI5tDistTls0000001",
              "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
              "dist-tls-secret");
      Result refused = runArgs(env, "list", "--endpoint", server.url(), "--retries", "0");
      assertThat(refused.code).as(refused.err).isEqualTo(1);
      assertThat(refused.err).startsWith("dsw: TLS failure with 127.0.0.1:");
      Map<String, String> trusting = new HashMap<>(env);
      trusting.put("DSW_CA_BUNDLE", server.pem().toString());
      Result r =
          runArgs(
              trusting,
              "list",
              "--endpoint",
              server.url(),
              "--retries",
              "0",
              "-o",
              "csv",
              "--columns",
              "ID,NAME");
      assertThat(r.code).as(r.err).isZero();
      assertThat(r.out).isEqualTo("ID,NAME\ndsw-tls0001,over-tls\n");
      assertThat(server.served()).hasValue(1);
    }
  }

  @Test
  void manRendersThePagesOfTheArchive() throws Exception {
    Result man =
        run(
            Map.of("MANWIDTH", "120", "MANPAGER", "cat"),
            "man",
            "-l",
            root.resolve("man/man1/dsw-list.1").toString());
    assertThat(man.code).as(man.err).isZero();
    assertThat(man.out).contains("dsw-list - List DSW instances").contains("--gpu-type");
  }
}
