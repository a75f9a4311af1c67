package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Narrow terminals keep what matters (issue #33): at 60 columns list keeps ID, NAME and STATUS (it
 * kept GPU and dropped STATUS), idle keeps ID, IDLE_FOR and WASTE (it dropped both), and at 80 idle
 * keeps OWNER. What was hidden is said once on stderr with how to see it. The demo's tables at 60,
 * 80, 100, 120 and 200 columns are golden files (-Dgolden.update=true rewrites them).
 */
class NarrowTerminalTest {
  @TempDir Path dir;

  private TestEnvironment run(int width, String command) {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir).terminal(width);
    assertThat(env.run("--demo", command, "--color", "never")).as(env.stderr()).isZero();
    return env;
  }

  private static List<String> header(TestEnvironment env) {
    return List.of(env.stdout().lines().findFirst().orElseThrow().strip().split("\\s{3,}"));
  }

  @ParameterizedTest(name = "list at {0} columns")
  @ValueSource(ints = {60, 80, 100, 120, 200})
  void listKeepsIdNameAndStatus(int width) throws Exception {
    TestEnvironment env = run(width, "list");
    dev.dsw.output.FormatterGoldenTest.golden("narrow/list-" + width + ".txt", env.stdout());
    assertThat(header(env)).startsWith("ID", "NAME", "STATUS");
    env.stdout().lines().forEach(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
    if (width == 60) {
      assertThat(header(env)).containsExactly("ID", "NAME", "STATUS");
    }
    saysOnceWhatIsHidden(env, width);
  }

  @ParameterizedTest(name = "idle at {0} columns")
  @ValueSource(ints = {60, 80, 100, 120, 200})
  void idleKeepsIdIdleForWasteAndOwner(int width) throws Exception {
    TestEnvironment env = run(width, "idle");
    dev.dsw.output.FormatterGoldenTest.golden("narrow/idle-" + width + ".txt", env.stdout());
    assertThat(header(env)).contains("ID", "IDLE_FOR", "WASTE");
    if (width >= 80) {
      assertThat(header(env)).contains("OWNER");
    }
    saysOnceWhatIsHidden(env, width);
  }

  private static void saysOnceWhatIsHidden(TestEnvironment env, int width) {
    List<String> notices = env.stderr().lines().filter(l -> l.contains("hidden to fit")).toList();
    if (width == 200) {
      assertThat(notices).isEmpty();
      return;
    }
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0)).contains("-o wide").contains("--columns");
    for (String hidden :
        notices.get(0).replaceFirst("^dsw: warning: ", "").split(" hidden")[0].split(", ")) {
      assertThat(header(env)).as("said hidden, and not shown").doesNotContain(hidden);
    }
  }
}
