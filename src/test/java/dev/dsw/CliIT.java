package dev.dsw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built artifact end to end: target/dsw.jar and the launcher against a separately started
 * emulator process.
 */
class CliIT {
  static final Path TARGET = Path.of(System.getProperty("dsw.home", "target"));
  static final String KEY_ID = "LTAI5tIntegration0001";
  static final String SECRET = "it-secret-must-never-print";
  static Process emulator;
  static String url;

  @TempDir static Path home;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void startEmulator() throws IOException {
    assertThat(TARGET.resolve("dsw.jar")).as("run 'mvn verify' so the jar is built first").exists();
    ProcessBuilder pb =
        new ProcessBuilder(
            java(),
            "-jar",
            TARGET.resolve("dsw.jar").toString(),
            "emulator",
            "--port",
            "0",
            "--instances",
            "300",
            "--seed",
            "9",
            "--anchor",
            "2026-11-01T00:00:00Z",
            "--access-key-id",
            KEY_ID);
    pb.environment().put("DSW_EMULATOR_ACCESS_KEY_SECRET", SECRET);
    emulator = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
    url = r.readLine();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @AfterAll
  static void stopEmulator() throws InterruptedException {
    emulator.destroy(); // SIGTERM
    assertThat(emulator.waitFor(10, TimeUnit.SECONDS)).as("emulator stops on SIGTERM").isTrue();
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Result run(Map<String, String> env, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(List.of(java(), "-jar", TARGET.resolve("dsw.jar").toString()));
    cmd.addAll(List.of(args));
    return exec(cmd, env);
  }

  static Result exec(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv("PATH"));
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("dsw finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Map<String, String> creds() {
    Map<String, String> env = new HashMap<>();
    env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID);
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
    return env;
  }

  /**
   * Under LC_ALL=C (or POSIX) the JVM would decode a non-ASCII argument as U+FFFD (red team, issue
   * #23); the launcher reads arguments as UTF-8 whatever the locale. The bytes of 실험 are made by
   * printf, so the test does not depend on the locale of the JVM running it.
   */
  @Test
  void nonAsciiArgumentsSurviveTheCLocale() throws Exception {
    for (String locale : List.of("C", "POSIX")) {
      Result r =
          exec(
              List.of(
                  "bash",
                  "-c",
                  "exec \"$0\" --demo list --name \"$(printf '\\xec\\x8b\\xa4\\xed\\x97\\x98')\""
                      + " --dry-run",
                  TARGET.resolve("dsw").toString()),
              Map.of("LC_ALL", locale));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out() + r.err())
          .as(locale)
          .contains("InstanceName=%EC%8B%A4%ED%97%98")
          .doesNotContain("%EF%BF%BD");
    }
  }

  @Test
  void listsTheWholeFleetAsCsvIds() throws Exception {
    Result r =
        run(
            creds(),
            "list",
            "--endpoint",
            url,
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "-o",
            "csv",
            "--columns",
            "InstanceId",
            "--no-headers");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> ids = r.out().lines().toList();
    assertThat(ids).hasSize(300).doesNotHaveDuplicates().allMatch(id -> id.startsWith("dsw-"));
  }

  @Test
  void jsonOutputReplaysThroughTheEmulatorFieldForField(@TempDir Path dir) throws Exception {
    Result r =
        run(
            creds(),
            "list",
            "--endpoint",
            url,
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "-o",
            "json",
            "--show-secrets");
    assertThat(r.code()).as(r.err()).isZero();
    Path saved = dir.resolve("saved.json");
    Files.writeString(saved, r.out());
    JsonNode first = Json.MAPPER.readTree(r.out());
    assertThat(first).hasSize(300);
    ProcessBuilder pb =
        new ProcessBuilder(
            java(),
            "-jar",
            TARGET.resolve("dsw.jar").toString(),
            "emulator",
            "--port",
            "0",
            "--data",
            saved.toString(),
            "--access-key-id",
            KEY_ID);
    pb.environment().put("DSW_EMULATOR_ACCESS_KEY_SECRET", SECRET);
    Process replay = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String replayUrl =
          new BufferedReader(new InputStreamReader(replay.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      Result again =
          run(
              creds(),
              "list",
              "--endpoint",
              replayUrl,
              "--workspace",
              "ALL",
              "--resource-id",
              "ALL",
              "-o",
              "json",
              "--show-secrets");
      assertThat(Json.MAPPER.readTree(again.out())).isEqualTo(first);
    } finally {
      replay.destroy();
      replay.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theEmulatorsHelpExampleWorksAsWrittenInBash(@TempDir Path bin) throws Exception {
    Files.createSymbolicLink(bin.resolve("dsw"), TARGET.resolve("dsw").toAbsolutePath());
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("XDG_CACHE_HOME", bin.resolve("cache").toString());
    Result help = exec(List.of(bin.resolve("dsw").toString(), "emulator", "--help"), env);
    assertThat(help.code()).isZero();
    List<String> lines = help.out().lines().toList();
    int at =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("Example")).findFirst().orElseThrow());
    List<String> example =
        lines.subList(at + 1, lines.size()).stream()
            .takeWhile(l -> l.startsWith("  "))
            .map(String::trim)
            .toList();
    assertThat(example)
        .hasSizeGreaterThanOrEqualTo(3)
        .first()
        .asString()
        .startsWith("dsw emulator");
    // run the session exactly as printed, in a real bash, with dsw on the PATH
    Result r = exec(List.of("bash", "-c", String.join("\n", example)), env);
    assertThat(r.code()).as(r.err()).isZero();
    List<String> out = r.out().lines().toList();
    assertThat(out).first().isEqualTo("http://127.0.0.1:8080"); // the emulator's first line
    assertThat(out.get(1)).startsWith("ID ").contains("STATUS");
    assertThat(out.size()).as(r.out()).isGreaterThan(10);
  }

  @Test
  void homeComesFromTheEnvironmentForConfigProfilesAndCaches(@TempDir Path otherHome)
      throws Exception {
    Files.createDirectories(otherHome.resolve(".aliyun"));
    Path config = otherHome.resolve(".aliyun/config.json");
    Files.writeString(
        config,
        "{\"current\":\"ops\",\"profiles\":[{\"name\":\"ops\",\"mode\":\"AK\","
            + "\"access_key_id\":\"LTAI5tHomeKey00042\",\"access_key_secret\":\"home-secret\","
            + "\"region_id\":\"cn-shanghai\"},{\"name\":\"dev\",\"mode\":\"AK\"}]}");
    Files.setPosixFilePermissions(
        config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    Map<String, String> env = new HashMap<>();
    env.put(
        "HOME",
        otherHome.toString()); // not the JVM's user.home, which comes from the password database
    Result shown = exec(List.of(TARGET.resolve("dsw").toString(), "config", "show"), env);
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(shown.out())
        .contains("profile:     ops (AK) in " + config)
        .contains("region:      cn-shanghai (from region_id of profile 'ops' in " + config + ")")
        .contains("endpoint:    https://pai-dsw.cn-shanghai.aliyuncs.com (built from the region)")
        .contains("key id:      LTAI****0042")
        .doesNotContain("home-secret");
    Result missing =
        exec(List.of(TARGET.resolve("dsw").toString(), "config", "show", "--profile", "x"), env);
    assertThat(missing.code()).isEqualTo(4);
    assertThat(missing.err().lines().toList())
        .first()
        .isEqualTo("dsw: no profile 'x' in " + config + " (profiles: ops, dev)");
    Result listed =
        exec(List.of(TARGET.resolve("dsw").toString(), "--demo", "list", "--limit", "1"), env);
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(otherHome.resolve(".cache/dsw/complete"))
        .isDirectory(); // the caches follow $HOME too
  }

  @Test
  void onJdk22AndLaterTheLauncherGrantsNativeAccessSoNoWarningIsPrinted(@TempDir Path dir)
      throws Exception {
    // a stand-in JDK whose java prints the arguments it is given
    for (String version : List.of("17.0.15", "25.0.3")) {
      Path jdk = dir.resolve("jdk-" + version);
      Files.createDirectories(jdk.resolve("bin"));
      Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
      Path java = jdk.resolve("bin/java");
      Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
      java.toFile().setExecutable(true);
      Map<String, String> env = new HashMap<>();
      env.put("JAVA_HOME", jdk.toString());
      env.put("DSW_NO_CDS", "1");
      Result r = exec(List.of(TARGET.resolve("dsw").toString(), "--version"), env);
      assertThat(r.code()).as(r.err()).isZero();
      if (version.startsWith("25")) {
        assertThat(r.out()).contains("--enable-native-access=ALL-UNNAMED");
      } else {
        assertThat(r.out()).doesNotContain("--enable-native-access"); // JDK 17 warns about nothing
      }
    }
    // java -jar without the launcher: the manifest grants it
    try (java.util.jar.JarFile jar =
        new java.util.jar.JarFile(TARGET.resolve("dsw.jar").toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access"))
          .isEqualTo("ALL-UNNAMED");
    }
  }

  @Test
  void launcherRunsTheDemoThroughASymlinkFromAnywhere(@TempDir Path bin) throws Exception {
    Path link = bin.resolve("dsw");
    Files.createSymbolicLink(link, TARGET.resolve("dsw").toAbsolutePath());
    Map<String, String> env = new HashMap<>();
    env.put("XDG_CACHE_HOME", bin.resolve("cache").toString());
    Result r =
        exec(
            List.of(
                link.toString(),
                "--demo",
                "list",
                "--limit",
                "5",
                "-o",
                "csv",
                "--columns",
                "ID,STATUS"),
            env);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).hasSize(6).first().isEqualTo("ID,STATUS");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void withoutTheBuildsArchiveTheLauncherTrainsOneOnceAndPrintsOnlyData(@TempDir Path dir)
      throws Exception {
    // A copy of the launcher and jar has no archive beside it (as with another JDK than the
    // build's):
    // the first run trains one into the cache, quietly; both runs print exactly the data.
    Files.copy(TARGET.resolve("dsw"), dir.resolve("dsw"));
    Files.copy(TARGET.resolve("dsw.jar"), dir.resolve("dsw.jar"));
    dir.resolve("dsw").toFile().setExecutable(true);
    Map<String, String> env = new HashMap<>();
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    // what an older build of dsw left: its archive and the help pages it kept
    Path old = dir.resolve("cache/dsw/dsw-0.0.1-20200101000000-jdk17.0.15.jsa");
    Files.createDirectories(dir.resolve("cache/dsw/help"));
    Files.writeString(old, "an older build's archive");
    Files.writeString(dir.resolve("cache/dsw/help/dsw.80.txt"), "dsw help page, build old\n");
    for (int i = 0; i < 2; i++) {
      Result r =
          exec(
              List.of(
                  dir.resolve("dsw").toString(), "--demo", "list", "--limit", "3", "-o", "json"),
              env);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(Json.MAPPER.readTree(r.out())).hasSize(3);
      assertThat(r.err()).isEmpty();
      // the first run trains it in the background: wait for it to land, whole
      long until = System.currentTimeMillis() + 60_000;
      while (archives(dir.resolve("cache/dsw")).isEmpty() && System.currentTimeMillis() < until) {
        Thread.sleep(100);
      }
      assertThat(archives(dir.resolve("cache/dsw"))).hasSize(1).noneMatch(n -> n.contains("0.0.1"));
      assertThat(old).as("another build's archive is removed").doesNotExist();
      assertThat(dir.resolve("cache/dsw/help/dsw.80.txt")).as("and its help pages").doesNotExist();
      Thread.sleep(200);
      try (var files = Files.list(dir.resolve("cache/dsw"))) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }
    }
  }

  static List<String> archives(Path cache) throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (var files = Files.list(cache)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("dsw-.*-jdk.*\\.(jsa|aot)"))
          .toList();
    }
  }

  @Test
  void aSecondHelpPrintsThePageTheFirstKeptUntilTheJarChanges(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("dsw.jar");
    Files.copy(TARGET.resolve("dsw.jar"), jar);
    Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
    List<String> help = List.of(java(), "-jar", jar.toString(), "list", "--help");
    Result first = exec(help, env);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("Usage: dsw list ");
    Path page = dir.resolve("cache/dsw/help/dsw-list.80.txt");
    assertThat(Files.readAllLines(page).get(0))
        .startsWith("dsw help page, build " + Files.size(jar) + "@");
    assertThat(exec(help, env)).isEqualTo(first);

    // The second run printed the kept page: a changed one shows, until the jar is another build.
    String header = Files.readAllLines(page).get(0);
    Files.writeString(page, header + "\nkept\n");
    assertThat(exec(help, env).out()).isEqualTo("kept\n");
    Files.setLastModifiedTime(
        jar,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(jar).toMillis() + 1000));
    assertThat(exec(help, env)).isEqualTo(first);
    assertThat(Files.readAllLines(page).get(0)).isNotEqualTo(header);
  }

  /**
   * A real pipe whose reader exits after one line: the JVM's write fails with EPIPE, and dsw stops
   * the listing with exit 0 and nothing on stderr but, under --debug, the line saying why.
   */
  @Test
  void aListingPipedIntoHeadStopsWhenHeadExits(@TempDir Path dir) throws Exception {
    Path err = dir.resolve("dsw.err");
    String pipeline =
        "set -o pipefail; \"$0\" -jar \"$1\" list --endpoint \"$2\" --workspace ALL --resource-id"
            + " ALL -o jsonl $3 2>\"$4\" | head -1 >/dev/null";
    for (String debug : new String[] {"--no-color", "--debug"}) {
      Result r =
          exec(
              List.of(
                  "bash",
                  "-c",
                  pipeline,
                  java(),
                  TARGET.resolve("dsw.jar").toString(),
                  url,
                  debug,
                  err.toString()),
              creds());
      assertThat(r.code()).as(Files.readString(err)).isZero();
      if (debug.equals("--debug")) {
        assertThat(Files.readString(err))
            .contains("stdout was closed by its reader (Broken pipe); stopped");
      } else {
        assertThat(Files.readString(err)).isEmpty();
      }
    }
  }

  @Test
  void versionNamesTheReleaseAndCommit() throws Exception {
    Result r = run(Map.of(), "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("dsw \\d+\\.\\d+\\.\\d+ \\(commit [0-9a-f]{7,}|unknown\\)");
  }

  @Test
  void missingCredentialsExitWith4AndListSources() throws Exception {
    Result r = run(Map.of(), "list", "--endpoint", url);
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err())
        .startsWith("dsw: no credentials found; tried: environment")
        .contains("config.json")
        .contains("hint: set ALIBABA_CLOUD_ACCESS_KEY_ID")
        .doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void wrongSecretExitsWith4WithTheRequestId() throws Exception {
    Map<String, String> env = creds();
    env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret");
    Result r = run(env, "list", "--endpoint", url);
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err())
        .containsPattern(
            "dsw: SignatureDoesNotMatch \\(HTTP 400\\): .*\\[RequestId [0-9A-F-]{36}\\]");
    assertThat(r.err()).doesNotContain("not-the-secret").doesNotContain("\tat ");
  }

  @Test
  void unreachableEndpointExitsWith1() throws Exception {
    Result r = run(creds(), "list", "--endpoint", "http://127.0.0.1:1", "--retries", "0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("dsw: cannot connect to 127.0.0.1:1").doesNotContain("\tat ");
  }

  @Test
  void debugAndDryRunNeverShowTheSecretAndMaskTheKeyId() throws Exception {
    Result debug = run(creds(), "list", "--endpoint", url, "--debug", "--limit", "1");
    Result dry = run(creds(), "list", "--endpoint", url, "--dry-run");
    assertThat(debug.code()).isZero();
    assertThat(dry.code()).isZero();
    assertThat(dry.out())
        .startsWith("GET " + url + "/api/v2/instances?PageNumber=1&PageSize=100")
        .contains("Signature=***");
    for (Result r : List.of(debug, dry)) {
      assertThat(r.out() + r.err())
          .doesNotContain(SECRET)
          .doesNotContain(KEY_ID)
          .contains("LTAI****0001");
    }
  }

  @Test
  void configShowTellsTheSourceWithoutSecrets() throws Exception {
    Result r = run(creds(), "config", "show", "--endpoint", url);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("endpoint:    " + url)
        .contains("environment (ALIBABA_CLOUD_ACCESS_KEY_ID)")
        .contains("LTAI****0001")
        .doesNotContain(SECRET);
  }

  @Test
  void noRegionAnywhereIsAUsageErrorNamingWhereItLooked() throws Exception {
    Result r = run(creds(), "list");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("no region: --region not given, ALIBABA_CLOUD_REGION_ID not set")
        .contains("hint: pass --region");
  }

  @Test
  void ctrlCEndsAListingWith130AndKeepsTheRowsFetched(@TempDir Path dir) throws Exception {
    Process slow =
        new ProcessBuilder(
                java(),
                "-jar",
                TARGET.resolve("dsw.jar").toString(),
                "emulator",
                "--port",
                "0",
                "--instances",
                "3000",
                "--latency",
                "300ms")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String slowUrl =
          new BufferedReader(new InputStreamReader(slow.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      Path csv = dir.resolve("out.csv");
      List<String> cmd =
          List.of(
              dev.dsw.cli.CompletionTest.which("python3"),
              "-c",
              "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
                  + " os.execv(sys.argv[1], sys.argv[1:])",
              java(),
              "-jar",
              TARGET.resolve("dsw.jar").toString(),
              "list",
              "--endpoint",
              slowUrl,
              "--workspace",
              "ALL",
              "--resource-id",
              "ALL",
              "-o",
              "csv",
              "--concurrency",
              "1",
              "--page-size",
              "50");
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .redirectOutput(csv.toFile())
              .redirectError(dir.resolve("err").toFile());
      pb.environment()
          .put("ALIBABA_CLOUD_ACCESS_KEY_ID", dev.dsw.emulator.EmulatorServer.DEMO_KEY_ID);
      pb.environment()
          .put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", dev.dsw.emulator.EmulatorServer.DEMO_KEY_SECRET);
      Process p = pb.start();
      // a few pages of 50 at 300 ms each (60 pages in all): wait until rows have been written, up
      // to 30 s on a loaded machine, rather than for a fixed time
      for (int i = 0; i < 300 && Files.size(csv) == 0; i++) {
        Thread.sleep(100);
      }
      Thread.sleep(500);
      assertThat(p.isAlive())
          .as("still listing: %s", Files.readString(dir.resolve("err")))
          .isTrue();
      assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor())
          .isZero();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("dsw stops on Ctrl-C").isTrue();
      assertThat(p.exitValue()).isEqualTo(130);
      String out = Files.readString(csv);
      List<String> lines = out.lines().toList();
      assertThat(lines.size()).as("the rows fetched before Ctrl-C are kept").isBetween(51, 3000);
      assertThat(lines.get(0)).startsWith("ID,NAME,STATUS");
      assertThat(out).endsWith("\n"); // whole rows only
    } finally {
      slow.destroy();
    }
  }

  /**
   * A build copied or moved elsewhere cannot use its class-data archive (it names the folder it was
   * made in); the JVM's warning about that is not for the user (issue #33).
   */
  @Test
  void aMovedBuildPrintsNoArchiveWarning(@TempDir Path moved) throws Exception {
    for (Path f : Files.list(TARGET).toList()) {
      String name = f.getFileName().toString();
      if (name.equals("dsw") || name.equals("dsw.jar") || name.endsWith(".jsa")) {
        Files.copy(f, moved.resolve(name), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Result r =
        exec(
            List.of(moved.resolve("dsw").toString(), "--demo", "list", "--limit", "1"),
            Map.of("XDG_CACHE_HOME", moved.resolve("cache").toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("dsw-");
  }

  /**
   * SIGQUIT makes a JVM dump its threads to its console, which is stdout: the launcher sends the
   * JVM's own output nowhere, so a script reading -o json through a pipe never gets a thread dump
   * in the middle of it (issue #31).
   */
  @Test
  void aSigquitDumpNeverLandsInStdout() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(TARGET.resolve("dsw").toString(), "emulator", "--port", "0");
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertThat(r.readLine()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start().waitFor())
        .isZero();
    Thread.sleep(1000); // a dump takes a few milliseconds; give it every chance to appear
    assertThat(p.isAlive()).as("SIGQUIT does not end it").isTrue();
    assertThat(r.ready()).as("nothing on stdout after the URL").isFalse();
    assertThat(p.getInputStream().available()).as("nothing on stdout after the URL").isZero();
    p.destroy();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void watchEndsWithExit130OnCtrlC() throws Exception {
    // A shell's background jobs start with SIGINT ignored, and children inherit that; python
    // restores
    // the default before exec, so the signal reaches dsw as a terminal's Ctrl-C would.
    List<String> cmd =
        new ArrayList<>(
            List.of(
                dev.dsw.cli.CompletionTest.which("python3"),
                "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
                    + " os.execv(sys.argv[1], sys.argv[1:])",
                java(),
                "-jar",
                TARGET.resolve("dsw.jar").toString(),
                "list",
                "--watch",
                "--interval",
                "1s",
                "-o",
                "jsonl",
                "--endpoint",
                url,
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(creds());
    Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    java.util.concurrent.BlockingQueue<String> lines =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () ->
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .lines()
                    .forEach(lines::add)); // drained all along, so dsw never blocks on a full pipe
    reader.start();
    List<String> firstPoll = new ArrayList<>();
    while (firstPoll.size() < 300) {
      String line = lines.poll(30, TimeUnit.SECONDS);
      assertThat(line).as("event %d of the first poll", firstPoll.size() + 1).isNotNull();
      firstPoll.add(line);
    }
    assertThat(firstPoll).allMatch(l -> l.contains("\"Event\":\"ADDED\""));
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor())
        .isZero();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("dsw stops on Ctrl-C").isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    reader.join(5000);
    assertThat(lines).as("no change happened, so no further events").isEmpty();
  }
}
