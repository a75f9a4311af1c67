package dev.dsw;

import dev.dsw.cli.CommandFactory;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The training run for dsw's class-data archive: the build (and the launcher, for another JDK) runs
 * it once under -XX:ArchiveClassesAtExit (or -XX:AOTCacheOutput on JDK 25+), so the classes of the
 * everyday paths (help, a listing in every format, summaries, TLS set-up, credentials from the
 * environment) load from the archive afterwards. Everything goes to a null stream against the
 * built-in demo emulator.
 */
public final class Train {
  private static final List<List<String>> RUNS =
      List.of(
          List.of("--help"),
          List.of("--help"),
          List.of("--version"),
          List.of("list", "--help"),
          List.of("--demo", "list"),
          List.of("--demo", "list", "-o", "wide"),
          List.of("--demo", "list", "-o", "json"),
          List.of("--demo", "list", "-o", "jsonl"),
          List.of("--demo", "list", "-o", "csv"),
          List.of("--demo", "list", "-o", "tsv", "--where", "Status=Running"),
          List.of("--demo", "list", "--page", "1"),
          List.of("--demo", "list", "--dry-run"),
          List.of("--demo", "summary", "--by", "status,gpu-type"),
          List.of("--demo", "idle"),
          List.of("--demo", "top"),
          List.of("--demo", "list", "--limit", "1", "-o", "detail"));

  private Train() {}

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("dsw-train");
    // At a terminal, help asks jansi for the width; load its classes here too (stdout is not one
    // now).
    dev.dsw.cli.terminal.SystemEnvironment.current().terminalWidth();
    try {
      javax.net.ssl.SSLContext.getDefault()
          .createSSLEngine("pai-dsw.cn-hangzhou.aliyuncs.com", 443)
          .beginHandshake();
    } catch (Exception e) {
      // warming up TLS classes only; nothing to report
    }
    try (EmulatorServer server = EmulatorServer.start(EmulatorConfig.defaults())) {
      for (List<String> run : RUNS) {
        CommandFactory.run(new Quiet(home, Map.of()), run.toArray(String[]::new));
      }
      // A listing as a user runs it: keys from the environment through the credential chain.
      Map<String, String> keys =
          Map.of(
              "ALIBABA_CLOUD_ACCESS_KEY_ID",
              EmulatorServer.DEMO_KEY_ID,
              "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
              EmulatorServer.DEMO_KEY_SECRET);
      CommandFactory.run(
          new Quiet(home, keys), "list", "--endpoint", server.baseUrl(), "--page", "1");
    } finally {
      try (java.util.stream.Stream<Path> files = Files.walk(home)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * An environment with these variables only, a throw-away home (and so cache: the second --help
   * prints the page the first one kept there), and output going nowhere.
   */
  private record Quiet(Path home, Map<String, String> variables) implements Environment {
    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public PrintStream out() {
      return NULL;
    }

    @Override
    public PrintStream err() {
      return NULL;
    }

    @Override
    public boolean stdoutIsTerminal() {
      return false;
    }

    @Override
    public int terminalWidth() {
      return 0;
    }

    @Override
    public String buildId() {
      return "training";
    }

    @Override
    public boolean pause(Duration d) {
      return true;
    }
  }
}
