package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --help never breaks a word (issue #33): picocli wrapped with the JDK's line-break rules, which
 * split "e.g." into "e." and "g." and "[?Status==…" after "[?", so a copied example broke. A page
 * at 80, 100 and 120 columns holds exactly the words of the same page unwrapped (500 columns):
 * every line break is at a space.
 */
class HelpWrapTest {
  @TempDir Path home;

  private String page(String command, int width) {
    TestEnvironment env = new TestEnvironment(home).terminal(width);
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");
    assertThat(env.run(args.toArray(String[]::new))).as(env.stderr()).isZero();
    return env.stdout();
  }

  @ParameterizedTest(name = "dsw {0} --help")
  @MethodSource("dev.dsw.cli.HelpGoldenTest#commands")
  void everyLineBreaksAtASpace(String command) {
    List<String> whole = List.of(page(command, 500).split("\\s+"));
    assertThat(page(command, 500).lines().mapToInt(String::length).max().orElse(0))
        .as("the unwrapped page is not wrapped")
        .isLessThan(500);
    for (int width : new int[] {80, 100, 120}) {
      String wrapped = page(command, width);
      assertThat(List.of(wrapped.split("\\s+")))
          .as("dsw %s --help at %d columns breaks only at spaces", command, width)
          .containsExactlyElementsOf(whole);
    }
  }
}
