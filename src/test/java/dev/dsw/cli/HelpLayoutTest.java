package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.run.Services;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Help reads like gh's: commands, own options, then global options; exit codes once; help COMMAND.
 */
class HelpLayoutTest {
  @TempDir Path home;

  String help(int columns, String... args) {
    TestEnvironment env =
        columns > 0 ? new TestEnvironment(home).terminal(columns) : new TestEnvironment(home);
    assertThat(env.run(args)).as(env.stderr()).isZero();
    return env.stdout();
  }

  @ParameterizedTest(name = "dsw {0} --help")
  @ValueSource(strings = {"list", "get", "summary", "idle", "emulator"})
  void aCommandsOwnOptionsComeFirstAndTheGlobalOnesFollowUnderTheirHeading(String command) {
    String page = help(0, command, "--help");
    int own = page.indexOf("\nOptions:\n");
    int global = page.indexOf("\nGlobal options:\n");
    assertThat(own).isPositive();
    assertThat(global).isGreaterThan(own);
    assertThat(page.indexOf("--region=")).isGreaterThan(global);
    assertThat(page.indexOf("--help")).isGreaterThan(global);
    assertThat(page.substring(own, global)).doesNotContain("--region=").doesNotContain("--debug");
    assertThat(page).doesNotContain("Exit codes:");
  }

  @Test
  void theRootPageShowsTheCommandsBeforeTheOptionsAndTheExitCodesOnce() {
    String page = help(0, "--help");
    assertThat(page.indexOf("\nCommands:\n"))
        .isPositive()
        .isLessThan(page.indexOf("\nGlobal options:\n"));
    assertThat(page).contains("Exit codes:").contains("130");
    assertThat(page.split("Exit codes:", -1)).hasSize(2);
  }

  @ParameterizedTest(name = "dsw help {0}")
  @ValueSource(strings = {"list", "get", "summary", "idle", "emulator", "completion", "config"})
  void helpCommandPrintsTheCommandsPage(String command) {
    assertThat(help(0, "help", command)).isEqualTo(help(0, command, "--help"));
  }

  @Test
  void examplesAreNeverWrappedAtAnyWidth() {
    try (Services services = new Services(new TestEnvironment(home))) {
      CommandLine root = CommandFactory.commandLine(services);
      for (CommandLine cl :
          List.of(
              root.getSubcommands().get("list"),
              root.getSubcommands().get("completion"),
              root.getSubcommands().get("emulator"),
              root)) {
        for (int width : new int[] {55, 80, 120}) {
          String words = cl.getCommandSpec().qualifiedName().replaceFirst("^dsw ?", "");
          String[] args =
              words.isEmpty() ? new String[] {"--help"} : new String[] {words, "--help"};
          String page = help(width, args);
          for (String line : cl.getCommandSpec().usageMessage().footer()) {
            String shown = String.format(line); // footers are format strings: %% is a percent sign
            assertThat(page.lines()).as("width %d: %s", width, shown).contains(shown);
          }
        }
      }
    }
  }

  @Test
  void noCommandOffersWhatItThenRefuses() {
    String idle = help(0, "idle", "--help");
    assertThat(idle).doesNotContain("--status="); // idle lists Running instances only
    String summary = help(0, "summary", "--help");
    String formats = summary.substring(summary.indexOf("--output=<format>"));
    assertThat(formats.substring(0, formats.indexOf("Default:")))
        .contains("tsv")
        .doesNotContain("detail");
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("summary", "-o", "detail")).isEqualTo(2);
    assertThat(env.stderr()).contains("-o detail shows instances");
  }
}
