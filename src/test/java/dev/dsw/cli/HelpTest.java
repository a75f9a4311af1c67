package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers -h/--help with its usage on stdout and exit 0, and needs no credentials for it. */
class HelpTest {
  @TempDir
  Path home;

  @ParameterizedTest(name = "dsw {0} --help")
  @ValueSource(strings = {"list", "ls", "get", "summary", "idle", "emulator", "completion", "config", "config show"})
  void everyCommandHasHelp(String command) {
    for (String flag : new String[] {"--help", "-h"}) {
      TestEnvironment env = new TestEnvironment(home);
      String[] args = (command + " " + flag).split(" ");
      assertThat(env.run(args)).as(env.stderr()).isZero();
      String name = command.equals("ls") ? "list" : command;
      assertThat(env.stdout()).startsWith("Usage: dsw " + name + " ").contains("Exit codes:");
      assertThat(env.stderr()).isEmpty();
    }
  }
}
