package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.commands.GetCommand;
import dev.dsw.cli.commands.IdleCommand;
import dev.dsw.cli.commands.ListInstancesCommand;
import dev.dsw.cli.commands.SummaryCommand;
import dev.dsw.cli.run.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only the subcommand named is built; whatever the scan cannot see falls back to the whole tree.
 */
class LazyCommandLineTest {
  @TempDir Path home;

  @Test
  void findsTheSubcommandPastGlobalOptionsAndTheirValues() {
    assertThat(
            CommandFactory.Lazy.target(
                new String[] {"--region", "cn-hangzhou", "--debug", "ls", "-o", "json"}))
        .isEqualTo(ListInstancesCommand.class);
    assertThat(CommandFactory.Lazy.target(new String[] {"--profile=list", "summary"}))
        .isEqualTo(SummaryCommand.class);
    assertThat(CommandFactory.Lazy.target(new String[] {"--endpoint", "get", "describe", "x"}))
        .isEqualTo(GetCommand.class);
    assertThat(CommandFactory.Lazy.target(new String[] {"--help"})).isNull();
    assertThat(CommandFactory.Lazy.target(new String[] {"lst"})).isNull();
  }

  @Test
  void buildsOnlyTheNamedSubcommand() {
    try (Services services = new Services(new TestEnvironment(home))) {
      picocli.CommandLine cl =
          CommandFactory.commandLine(services, new String[] {"idle", "--for", "2h"});
      assertThat(cl.getSubcommands().get("idle").getCommandSpec().userObject())
          .isInstanceOf(IdleCommand.class);
      // no stand-ins either: each CommandLine registers picocli's built-in converters
      assertThat(cl.getSubcommands()).containsOnlyKeys("idle");
      assertThat(cl.getSubcommands().get("idle").getCommandSpec().findOption("--for")).isNotNull();
    }
  }

  @Test
  void aUsageErrorOfANamedCommandReadsAsTheWholeTreeSaysIt() {
    TestEnvironment lazy = new TestEnvironment(home);
    assertThat(lazy.run("list", "--stauts", "Running")).isEqualTo(2);
    TestEnvironment whole = new TestEnvironment(home);
    try (Services services = new Services(whole)) {
      assertThat(CommandFactory.commandLine(services).execute("list", "--stauts", "Running"))
          .isEqualTo(2);
    }
    assertThat(lazy.stderr()).startsWith("dsw: ").contains("--status").isEqualTo(whole.stderr());
  }

  @Test
  void anArgumentThatNamesAFileIsNeverReadAsArguments() throws Exception {
    // picocli's @argument files are off (issue #31): "@FILE" is a word like any other, so a file's
    // contents (a config with a secret, /proc/self/environ) never become arguments
    Path args = home.resolve("args");
    Files.writeString(args, "list --limit 2 -o csv --columns ID --no-headers\n");
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("--demo", "@" + args)).isEqualTo(2);
    assertThat(env.stdout()).isEmpty();
    assertThat(env.stderr()).startsWith("dsw: ").contains("@" + args).doesNotContain("--limit 2");
  }

  @Test
  void typosStillGetSuggestionsFromTheStandIns() {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("sumary")).isEqualTo(2);
    assertThat(env.stderr()).contains("did you mean summary");
  }
}
