package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.run.Services;
import dev.dsw.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every example is a test: each "$ dsw …" line of README.md and each " dsw …" line of every
 * command's --help examples runs against the built-in demo (the part before any pipe or redirect,
 * with --demo added) and must exit 0 and show at least one data row. The emulator's own example is
 * a shell session, run as written by CliIT.
 */
public class ExamplesTest {
  @TempDir Path home;

  static Stream<Arguments> examples() throws IOException {
    List<Arguments> out = new ArrayList<>();
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    for (int k = 0; k < readme.size(); k++) {
      if (readme.get(k).startsWith("$ dsw ") && emptyAnswerShown(readme, k) == null) {
        out.add(Arguments.of("README.md", readme.get(k).substring(2)));
      }
    }
    try (Services services = new Services(new TestEnvironment(Path.of("/nonexistent")))) {
      collect(CommandFactory.commandLine(services), out);
    }
    return out.stream();
  }

  private static void collect(CommandLine cl, List<Arguments> out) {
    for (String line : cl.getCommandSpec().usageMessage().footer()) {
      if (line.startsWith("  dsw ") && !cl.getCommandName().equals("emulator")) {
        out.add(Arguments.of(cl.getCommandSpec().qualifiedName() + " --help", line.trim()));
      }
    }
    cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
  }

  /**
   * The empty answer the README shows under the example at line {@code k}, in the same code block
   * ("no instances match …"), or null: such an example must print exactly that, and ReadmeIT checks
   * it instead of rows.
   */
  public static String emptyAnswerShown(List<String> readme, int k) {
    for (int n = k + 1; n < readme.size() && !readme.get(n).startsWith("```"); n++) {
      if (readme.get(n).startsWith("no instances match")) {
        return readme.get(n);
      }
    }
    return null;
  }

  /** The words of a command line as a shell would pass them, up to the first pipe or redirect. */
  public static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
    while (m.find()) {
      String bare = m.group(3);
      if (bare != null && (bare.equals("|") || bare.startsWith(">"))) {
        break;
      }
      words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : bare);
    }
    return words;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void everyExampleShowsDataFromTheDemo(String where, String line) throws IOException {
    List<String> words = words(line);
    assertThat(words.get(0)).isEqualTo("dsw");
    List<String> args = new ArrayList<>(List.of("--demo"));
    args.addAll(words.subList(1, words.size()));
    TestEnvironment env =
        new TestEnvironment(home).onPause(n -> true); // --watch: one poll, then Ctrl-C
    // a watch ends only on Ctrl-C; the demo has high findings, so audit's CI gate answers 6
    int expected =
        words.contains("--watch")
            ? 130
            : words.contains("--fail-on") && words.contains("audit") ? 6 : 0;
    assertThat(env.run(args.toArray(String[]::new))).as(env.stderr()).isEqualTo(expected);
    assertThat(dataRows(env.stdout())).as("data rows of: %s%n%s", line, env.stdout()).isPositive();
  }

  /** Rows of data: JSON array elements, JSON lines, or the lines after a header. */
  public static int dataRows(String out) throws IOException {
    String text = out.strip();
    if (text.startsWith("[")) {
      JsonNode array = Json.MAPPER.readTree(text);
      return array.size();
    }
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (!lines.isEmpty() && lines.get(0).startsWith("{")) {
      return lines.size();
    }
    return lines.size() - 1; // a header, then rows (get's detail: a title line, then sections)
  }
}
