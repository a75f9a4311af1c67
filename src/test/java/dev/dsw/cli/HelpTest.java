package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command answers -h/--help with its usage on stdout and exit 0, and needs no credentials for
 * it.
 */
class HelpTest {
  @TempDir Path home;

  @ParameterizedTest(name = "dsw {0} --help")
  @ValueSource(
      strings = {
        "list",
        "ls",
        "get",
        "summary",
        "idle",
        "top",
        "emulator",
        "completion",
        "config",
        "config show",
        "view list",
        "view show"
      })
  void everyCommandHasHelp(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      TestEnvironment env = new TestEnvironment(home);
      String[] args = (command + " " + flag).split(" ");
      assertThat(env.run(args)).as(env.stderr()).isZero();
      String name = command.equals("ls") ? "list" : command;
      // the exit codes are listed once, on dsw --help (HelpLayoutTest)
      assertThat(env.stdout()).startsWith("Usage: dsw " + name + " ").doesNotContain("Exit codes:");
      assertThat(env.stderr()).isEmpty();
    }
  }

  /** What help says a missing ID exits with is what dsw get does exit with. */
  @org.junit.jupiter.api.Test
  void getHelpNamesTheExitCodeGetUses() {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("get", "--help")).isZero();
    assertThat(env.stdout().replaceAll("\\s+", " "))
        .contains("the exit code is " + ExitCodes.NOT_FOUND + ";");
  }

  @org.junit.jupiter.api.Test
  void helpFitsTheTerminalConsoleMeasured() {
    TestEnvironment wide = new TestEnvironment(home).terminal(140);
    assertThat(wide.run("list", "--help")).isZero();
    int widest = wide.stdout().lines().mapToInt(String::length).max().orElse(0);
    assertThat(widest).isGreaterThan(80).isLessThanOrEqualTo(140);

    TestEnvironment narrow = new TestEnvironment(home).terminal(30); // picocli's floor is 55
    assertThat(narrow.run("list", "--help")).isZero();
    // everything but the examples, which are never wrapped (a wrapped command line cannot be
    // pasted)
    assertThat(
            narrow
                .stdout()
                .lines()
                .filter(l -> !l.startsWith("  dsw "))
                .mapToInt(String::length)
                .max()
                .orElse(0))
        .isLessThanOrEqualTo(55);

    TestEnvironment piped = new TestEnvironment(home);
    assertThat(piped.run("list", "--help")).isZero();
    assertThat(piped.stdout().lines().mapToInt(String::length).max().orElse(0))
        .isLessThanOrEqualTo(80);
  }

  /**
   * picocli's usageHelpAutoWidth measures the terminal by running stty in a child process and
   * polling it every 25 ms, on every run at a terminal (even --version): no command may turn it on.
   */
  @org.junit.jupiter.api.Test
  void noCommandAsksPicocliToRunStty() {
    try (Services services = new Services(new TestEnvironment(home))) {
      java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>();
      java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>();
      todo.add(CommandFactory.commandLine(services));
      while (!todo.isEmpty()) {
        picocli.CommandLine c = todo.poll();
        all.add(c);
        todo.addAll(c.getSubcommands().values());
      }
      assertThat(all)
          .hasSizeGreaterThan(7)
          .allSatisfy(
              c ->
                  assertThat(c.getCommandSpec().usageMessage().autoWidth())
                      .as(c.getCommandName())
                      .isFalse());
    }
  }
}
