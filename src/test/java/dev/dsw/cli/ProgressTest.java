package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line follows stderr, not stdout: it shows when stderr is a terminal whatever stdout
 * is, and no control character reaches a stderr that is not one (nor under -q or TERM=dumb).
 */
class ProgressTest {
  @TempDir static Path dir;
  static EmulatorServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(250)
                .seed(9)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestEnvironment env() {
    return TestEnvironment.withDemoKeys(dir);
  }

  static TestEnvironment list(TestEnvironment env, String... args) {
    List<String> full =
        new ArrayList<>(
            List.of(
                "list",
                "--endpoint",
                server.baseUrl(),
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL",
                "--page-size",
                "50"));
    full.addAll(List.of(args));
    assertThat(env.run(full.toArray(String[]::new))).as(env.stderr()).isZero();
    return env;
  }

  static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c == '\r' || c == 0x1b);
  }

  @Test
  void aTerminalStderrShowsProgressWhileStdoutGoesToAFile() {
    TestEnvironment env = list(env().stderrTerminal(), "-o", "csv");
    assertThat(env.stderr()).contains("fetching page").contains("/5").endsWith("\r\u001b[K");
    assertThat(hasControl(env.stdout())).isFalse();
    assertThat(env.stdout().lines()).hasSize(251);
  }

  @Test
  void aStderrThatIsNotATerminalGetsNoControlCharactersEvenWhenStdoutIsOne() {
    TestEnvironment env = list(env().terminal(120), "-o", "table");
    assertThat(hasControl(env.stderr())).as(env.stderr()).isFalse();
    TestEnvironment failed = env().terminal(120); // stdout in colour, stderr piped
    assertThat(failed.run("list", "--endpoint", server.baseUrl(), "--where", "Status"))
        .isEqualTo(2);
    assertThat(failed.stderr()).startsWith("dsw: --where 'Status'");
    assertThat(hasControl(failed.stderr())).as("a piped stderr gets plain lines").isFalse();
  }

  @Test
  void quietAndDumbTerminalsGetNoProgressLine() {
    assertThat(list(env().stderrTerminal(), "-o", "csv", "-q").stderr()).isEmpty();
    assertThat(list(env().stderrTerminal().set("TERM", "dumb"), "-o", "csv").stderr()).isEmpty();
  }

  @Test
  void rowsStreamingToTheSameTerminalAreNotInterleavedWithProgress() {
    TestEnvironment env = list(env().terminal(120).stderrTerminal(), "-o", "csv");
    assertThat(env.stderr()).isEmpty();
    TestEnvironment table = list(env().terminal(120).stderrTerminal(), "-o", "table");
    assertThat(table.stderr()).contains("fetching page"); // a table prints only at the end
  }

  @Test
  void aLongTableStopsTheProgressLineWhenItStartsPrinting() throws Exception {
    // the table holds its first 10,000 rows to size the columns, then prints the rest as they come
    try (EmulatorServer big =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(10_050)
                .seed(9)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build())) {
      TestEnvironment env = env().terminal(120).stderrTerminal();
      assertThat(
              env.run(
                  "list",
                  "--endpoint",
                  big.baseUrl(),
                  "--workspace",
                  "ALL",
                  "--resource-id",
                  "ALL",
                  "--page-size",
                  "100",
                  "--columns",
                  "ID"))
          .as(env.stderr())
          .isZero();
      assertThat(env.stdout().lines()).hasSize(10_051);
      // page 100 brings row 10,000: the line is erased then and never drawn again
      assertThat(env.stderr()).contains("fetching page 99/101").endsWith("\r\u001b[K");
      assertThat(env.stderr()).doesNotContain("100/101").doesNotContain("101/101");
    }
  }
}
