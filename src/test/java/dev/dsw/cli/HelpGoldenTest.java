package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every command's --help at 80 columns, as picocli prints it when stdout is not a terminal, kept in
 * src/test/resources/golden/help/. A change to an option, a description or an example shows up
 * here; regenerate with {@code mvn test -Dtest=HelpGoldenTest -Dgolden.update=true} and review the
 * diff.
 */
class HelpGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/help");

  @TempDir Path home;

  /** Every command with a help page of its own ("" is dsw itself). */
  static java.util.stream.Stream<String> commands() {
    return java.util.stream.Stream.of(
        "",
        "list",
        "get",
        "summary",
        "idle",
        "top",
        "audit",
        "wait",
        "version",
        "emulator",
        "completion",
        "config",
        "config show",
        "view",
        "view list",
        "view show");
  }

  @ParameterizedTest(name = "dsw {0} --help")
  @org.junit.jupiter.params.provider.MethodSource("commands")
  void everyHelpPageMatchesItsGoldenFile(String command) throws IOException {
    TestEnvironment env = new TestEnvironment(home);
    String[] words = command.isEmpty() ? new String[0] : command.split(" ");
    String[] args = java.util.Arrays.copyOf(words, words.length + 1);
    args[words.length] = "--help";
    assertThat(env.run(args)).as(env.stderr()).isZero();
    String page = env.stdout();
    assertThat(page).startsWith("Usage: dsw" + (command.isEmpty() ? "" : " " + command));
    for (String line : page.split("\n", -1)) {
      assertThat(line.length()).as("help line wider than 80: %s", line).isLessThanOrEqualTo(80);
    }
    Path file =
        GOLDEN.resolve((command.isEmpty() ? "dsw" : "dsw-" + command.replace(' ', '-')) + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(file, page);
    }
    assertThat(file)
        .as("a missing golden file fails: mvn test -Dtest=HelpGoldenTest -Dgolden.update=true")
        .exists();
    assertThat(page)
        .as("%s is stale: mvn test -Dtest=HelpGoldenTest -Dgolden.update=true", file)
        .isEqualTo(Files.readString(file));
  }
}
