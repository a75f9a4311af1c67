package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.run.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeated 'dsw ... --help' prints the page the first one kept, byte for byte what picocli
 * printed.
 */
class HelpPagesTest {
  @TempDir Path home;

  private TestEnvironment env(String build) {
    return new TestEnvironment(home)
        .set("XDG_CACHE_HOME", home.resolve("cache").toString())
        .build(build);
  }

  private Path pages() {
    return home.resolve("cache/dsw/help");
  }

  private List<String> kept() throws Exception {
    if (!Files.isDirectory(pages())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pages())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Every command path of the whole tree, aliases included: "", "list", "ls", "config", "config
   * show"…
   */
  private List<String> commandPaths() {
    List<String> paths = new ArrayList<>(List.of(""));
    try (Services services = new Services(new TestEnvironment(home))) {
      picocli.CommandLine root = CommandFactory.commandLine(services);
      root.getSubcommands()
          .forEach(
              (name, sub) -> {
                if (name.equals("help")) {
                  return; // dsw help --help is picocli's page of its help command, headed by its
                  // header
                }
                paths.add(name);
                sub.getSubcommands().keySet().forEach(subName -> paths.add(name + " " + subName));
              });
    }
    return paths;
  }

  private static String[] args(String path, String flag) {
    List<String> a = new ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
    a.add(flag);
    return a.toArray(String[]::new);
  }

  @Test
  void everyKeptPageIsWhatPicocliPrintsWithoutACache() throws Exception {
    List<String> paths = commandPaths();
    assertThat(paths).contains("", "list", "ls", "config show").hasSizeGreaterThan(9);
    for (String path : paths) {
      for (String flag : new String[] {"--help", "-h"}) {
        for (int columns : new int[] {0, 120}) {
          String[] a = args(path, flag);
          TestEnvironment plain =
              new TestEnvironment(home); // no build identity: nothing is kept or read
          TestEnvironment first = env("b1");
          TestEnvironment second = env("b1");
          if (columns > 0) {
            plain.terminal(columns);
            first.terminal(columns);
            second.terminal(columns);
          }
          String what = "dsw " + String.join(" ", a) + " at " + columns + " columns";
          assertThat(plain.run(a)).as(what).isZero();
          assertThat(first.run(a)).as(what).isZero();
          assertThat(second.run(a)).as(what).isZero();
          assertThat(plain.stdout()).as(what).startsWith("Usage: dsw");
          assertThat(first.stdout()).as(what).isEqualTo(plain.stdout());
          assertThat(second.stdout()).as(what).isEqualTo(plain.stdout());
          assertThat(first.stderr() + second.stderr()).as(what).isEmpty();
        }
      }
    }
    // one page per command word line and width (-h and --help share it); none left half-written
    assertThat(kept())
        .hasSize(paths.size() * 2)
        .contains("dsw.80.txt", "dsw-list.80.txt", "dsw-ls.120.txt", "dsw-config-show.120.txt")
        .noneMatch(n -> n.endsWith(".tmp"));
  }

  @Test
  void aKeptPageIsPrintedWithoutBuildingTheCommandLine() throws Exception {
    assertThat(env("b1").run("list", "--help")).isZero();
    Path page = pages().resolve("dsw-list.80.txt");
    String header = Files.readAllLines(page).get(0);
    assertThat(header).isEqualTo("dsw help page, build b1");
    Files.writeString(page, header + "\nthe kept page\n");

    TestEnvironment again = env("b1");
    assertThat(again.run("list", "-h")).isZero();
    assertThat(again.stdout()).isEqualTo("the kept page\n");
  }

  @Test
  void anotherBuildPrintsAfreshAndReplacesThePage() throws Exception {
    assertThat(env("b1").run("summary", "--help")).isZero();
    Path page = pages().resolve("dsw-summary.80.txt");
    Files.writeString(page, "dsw help page, build b1\nstale\n");

    TestEnvironment next = env("b2");
    assertThat(next.run("summary", "--help")).isZero();
    assertThat(next.stdout()).startsWith("Usage: dsw summary").doesNotContain("stale");
    assertThat(Files.readString(page, StandardCharsets.UTF_8))
        .isEqualTo("dsw help page, build b2\n" + next.stdout());
  }

  @Test
  void pagesAreKeptPerWidth() throws Exception {
    TestEnvironment wide = env("b1").terminal(140);
    TestEnvironment piped = env("b1");
    assertThat(wide.run("list", "--help")).isZero();
    assertThat(piped.run("list", "--help")).isZero();
    assertThat(kept()).containsExactly("dsw-list.140.txt", "dsw-list.80.txt");
    assertThat(wide.stdout()).isNotEqualTo(piped.stdout());
    assertThat(Files.readString(pages().resolve("dsw-list.140.txt"))).endsWith(wide.stdout());
  }

  /**
   * picocli colours help by its own test (picocli.ansi, the terminal, NO_COLOR…); the page follows
   * it.
   */
  @Test
  void colouredAndPlainPagesAreKeptApart() throws Exception {
    TestEnvironment plain = env("b1");
    assertThat(plain.run("list", "--help")).isZero();
    assertThat(plain.stdout()).doesNotContain("\u001b[");
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", "true");
    try {
      TestEnvironment fresh = new TestEnvironment(home);
      TestEnvironment first = env("b1");
      TestEnvironment second = env("b1");
      assertThat(fresh.run("list", "--help")).isZero();
      assertThat(first.run("list", "--help")).isZero();
      assertThat(second.run("list", "--help")).isZero();
      assertThat(fresh.stdout()).contains("\u001b[");
      assertThat(first.stdout()).isEqualTo(fresh.stdout());
      assertThat(second.stdout()).isEqualTo(fresh.stdout());
    } finally {
      if (before == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", before);
      }
    }
    assertThat(kept()).containsExactly("dsw-list.80.ansi", "dsw-list.80.txt");
  }

  @Test
  void onlyLinesOfCommandWordsThenHelpAreKept() throws Exception {
    TestEnvironment id = env("b1");
    assertThat(id.run("get", "dsw-123", "--help"))
        .isZero(); // help is printed, but dsw-123 is not a command
    assertThat(id.stdout()).startsWith("Usage: dsw get");
    TestEnvironment typo = env("b1");
    assertThat(typo.run("lsit", "--help"))
        .isZero(); // picocli prints the root's help for a word it does not know
    assertThat(typo.stdout()).startsWith("Usage: dsw [");
    assertThat(env("b1").run("--demo", "--help")).isZero();
    assertThat(env("b1").run("list", "--help", "--demo")).isZero();
    assertThat(kept()).isEmpty();

    assertThat(env(null).run("list", "--help"))
        .isZero(); // a build that cannot be told from others keeps nothing
    assertThat(kept()).isEmpty();
  }

  @Test
  void aCacheThatCannotBeWrittenIsNoError() throws Exception {
    Path notADir = home.resolve("file");
    Files.writeString(notADir, "x");
    TestEnvironment env =
        new TestEnvironment(home).set("XDG_CACHE_HOME", notADir.toString()).build("b1");
    assertThat(env.run("idle", "--help")).isZero();
    assertThat(env.stdout()).startsWith("Usage: dsw idle");
    assertThat(env.stderr()).isEmpty();
  }
}
