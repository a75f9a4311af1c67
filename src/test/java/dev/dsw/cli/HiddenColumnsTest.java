package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table that gives up columns to fit the terminal says so once on stderr, with how to see them
 * (red team, issue #23: COLUMNS=5 showed only the ID column without a word; issue #33: the default
 * table at 80 columns hid IMAGE and OWNER without a word too).
 */
class HiddenColumnsTest {
  @TempDir Path dir;

  private TestEnvironment list(int width, String... args) {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir).terminal(width);
    String[] full =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--demo", "list", "--color", "never"),
                java.util.Arrays.stream(args))
            .toArray(String[]::new);
    assertThat(env.run(full)).as(env.stderr()).isZero();
    return env;
  }

  @Test
  void aTerminalWithRoomForTheIdAloneNamesEveryHiddenColumn() {
    TestEnvironment env = list(5);
    assertThat(env.stdout().lines().findFirst().orElseThrow().strip()).isEqualTo("ID");
    List<String> err = env.stderr().lines().toList();
    assertThat(err).hasSize(1);
    assertThat(err.get(0))
        .startsWith("dsw: warning: NAME, STATUS, WORKSPACE, GPU, CPU, MEMORY, IMAGE, OWNER, AGE")
        .contains("hidden to fit 5 terminal columns")
        .contains("-o wide");
  }

  @Test
  void columnsTheUserNamedAreNamedWhenHidden() {
    TestEnvironment env = list(40, "--columns", "ID,NAME,IMAGE,OWNER");
    String header = env.stdout().lines().findFirst().orElseThrow();
    assertThat(header).doesNotContain("IMAGE");
    assertThat(env.stderr()).startsWith("dsw: warning: IMAGE").contains("hidden to fit 40");
  }

  @Test
  void theDefaultTableAtAnOrdinaryTerminalSaysOnceWhatItGaveUp() {
    TestEnvironment env = list(80);
    assertThat(env.stdout().lines().findFirst().orElseThrow()).doesNotContain("IMAGE");
    List<String> err = env.stderr().lines().toList();
    assertThat(err).hasSize(1);
    assertThat(err.get(0))
        .startsWith("dsw: warning: ")
        .contains("IMAGE")
        .contains("hidden to fit 80 terminal columns")
        .contains("-o wide")
        .contains("--columns");
  }

  @Test
  void quietSilencesTheNotice() {
    assertThat(list(5, "-q").stderr()).isEmpty();
  }

  @Test
  void wideAndPipedTablesHideNothingAndSayNothing() {
    assertThat(list(5, "-o", "wide").stderr()).isEmpty();
    TestEnvironment piped = TestEnvironment.withDemoKeys(dir);
    assertThat(piped.run("--demo", "list")).isZero();
    assertThat(piped.stdout()).contains("IMAGE");
    assertThat(piped.stderr()).isEmpty();
  }
}
