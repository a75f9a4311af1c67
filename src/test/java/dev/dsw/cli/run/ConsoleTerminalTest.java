package dev.dsw.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.api.NetworkException;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.cli.terminal.ColorMode;
import dev.dsw.cli.terminal.Console;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing room's events, as the console says them: a poll that is tried again names its
 * interval as a wait says it (30s, 5m; top --watch used to say "0m" for 30 s) and the failure in
 * Failure's words; a failed scope names it as several regions or profiles do.
 */
class ConsoleTerminalTest {
  @TempDir Path home;

  @Test
  void aRetriedPollSaysItsIntervalAndTheFailureInOneLine() {
    TestEnvironment env = new TestEnvironment(home);
    ConsoleTerminal t =
        new ConsoleTerminal(new Console(env, ColorMode.never, false, false), env, () -> "ctx");
    NetworkException down = new NetworkException("connection refused", null);
    t.retrying("measuring", Duration.ofSeconds(30), down);
    t.retrying("poll", Duration.ofMinutes(5), down);
    t.retrying("poll", null, down);
    assertThat(env.stderr().lines())
        .containsExactly(
            "dsw: warning: measuring failed, trying again in 30s: "
                + Failure.describe(down).message(),
            "dsw: warning: poll failed, trying again in 5m: " + Failure.describe(down).message(),
            "dsw: warning: poll failed, trying again: " + Failure.describe(down).message());
    assertThat(env.stderr()).doesNotContain("0m:").contains("connection refused");
  }
}
