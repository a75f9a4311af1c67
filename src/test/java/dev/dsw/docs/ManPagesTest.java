package dev.dsw.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.CommandFactory;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.cli.run.Services;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages as the dist build writes them ({@link ManPages}), rendered by man-db's {@code man
 * -l} as a user's man would: one page per command, and every option of the command on its page.
 * Needs man (man-db), which .ci/run installs; fails, not skips, without it.
 */
class ManPagesTest {
  @TempDir static Path dir;
  static List<Path> pages;

  @BeforeAll
  static void generate() throws IOException {
    pages = ManPages.write(dir);
  }

  /** Every command of the tree by its page name (dsw, dsw-list, dsw-config-show, ...). */
  private static Map<String, CommandLine> commands() throws IOException {
    Map<String, CommandLine> all = new LinkedHashMap<>();
    try (Services services =
        new Services(new TestEnvironment(Files.createTempDirectory(dir, "home")))) {
      collect("dsw", CommandFactory.commandLine(services), all);
    }
    return all;
  }

  private static void collect(String name, CommandLine cl, Map<String, CommandLine> all) {
    all.put(name, cl);
    cl.getSubcommands()
        .forEach(
            (sub, c) -> {
              if (c.getCommandName().equals(sub)) { // not an alias
                collect(name + "-" + sub, c, all);
              }
            });
  }

  @Test
  void onePagePerCommand() throws IOException {
    List<String> names = new ArrayList<>();
    for (Path p : pages) {
      names.add(p.getFileName().toString().replaceFirst("\\.1$", ""));
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(commands().keySet());
  }

  @Test
  void manRendersEveryOptionOfTheCommand() throws Exception {
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      Path page = dir.resolve("man1").resolve(e.getKey() + ".1");
      String text = render(page);
      assertThat(text)
          .as(page.toString())
          .contains(e.getKey().toUpperCase(java.util.Locale.ROOT) + "(1)");
      for (OptionSpec o : e.getValue().getCommandSpec().options()) {
        if (o.hidden()) {
          continue;
        }
        for (String name : o.names()) {
          assertThat(text).as("%s on the page of %s", name, e.getKey()).contains(name);
        }
      }
      assertThat(text).as(page.toString()).doesNotContain("\u001b");
    }
  }

  @Test
  void theListPageCarriesTheHelpTextsAndExamples() throws Exception {
    String text = render(dir.resolve("man1/dsw-list.1"));
    assertThat(text)
        .contains("dsw-list - List DSW instances")
        .contains("dsw list --status Running --gpu-type A10 --created-after 7d");
    // the command's own options first, the global ones after them, as in --help
    assertThat(text.indexOf("--status")).isPositive().isLessThan(text.indexOf("--region"));
    assertThat(text.indexOf("--where")).isLessThan(text.indexOf("--profile"));
  }

  /**
   * A man page at 80 columns never breaks a word (issue #33): every page holds exactly the words it
   * holds at 200 columns, so no example is hyphenated or split inside a token.
   */
  @Test
  void pagesBreakLinesOnlyAtSpaces() throws Exception {
    for (Path page : pages) {
      List<String> wide = List.of(render(page, 200).strip().split("\\s+"));
      List<String> narrow = List.of(render(page, 80).strip().split("\\s+"));
      // man's footer line is spread over the width; compare the words of the page above it
      assertThat(narrow.subList(0, narrow.size() - 4))
          .as("%s at 80 columns breaks only at spaces", page.getFileName())
          .containsExactlyElementsOf(wide.subList(0, wide.size() - 4));
    }
  }

  /**
   * The page as man -l prints it to a pipe, 200 columns wide so that no option name is hyphenated.
   */
  private static String render(Path page) throws Exception {
    return render(page, 200);
  }

  private static String render(Path page, int width) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("man", "-l", page.toString());
    pb.environment().put("MANWIDTH", Integer.toString(width));
    pb.environment().put("MANPAGER", "cat");
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.redirectErrorStream(true);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError("man (man-db) is needed; .ci/run installs it: " + e.getMessage(), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
