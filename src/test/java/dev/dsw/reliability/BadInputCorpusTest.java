package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (src/test/resources/reliability/bad-input.tsv), at least 250 invalid
 * invocations grouped by family: each exits 2 with one "dsw:" line naming the problem (a "hint:"
 * line may follow), no stack trace, nothing on stdout, and no request sent.
 */
class BadInputCorpusTest {
  @TempDir static Path home;

  static MockWebServer server;
  static final Map<String, Integer> FAMILIES = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    assertThat(server.getRequestCount()).as("requests sent by invalid invocations").isZero();
    // in the file's order of families
    StringBuilder table = new StringBuilder("| family | invocations |\n|---|---|\n");
    int total = 0;
    try {
      for (String family : corpus().map(a -> (String) a.get()[0]).distinct().toList()) {
        table.append("| ").append(family).append(" | ").append(FAMILIES.get(family)).append(" |\n");
        total += FAMILIES.getOrDefault(family, 0);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Report.section(
        "20-bad-input",
        "## Bad input (`BadInputCorpusTest`)\n\n"
            + total
            + " invalid invocations from `src/test/resources/reliability/bad-input.tsv`, by family,"
            + " each run twice, with keys in the environment and with no credentials anywhere:"
            + " every run exited 2 with one `dsw:` line naming the problem, no stack trace, nothing"
            + " on stdout, and "
            + server.getRequestCount()
            + " requests reached the server.\n\n"
            + table);
    server.close();
  }

  static final Path CORPUS = Path.of("src/test/resources/reliability/bad-input.tsv");

  /** The corpus, one invocation per line: its family, then its arguments (see the file's head). */
  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      List<String> args = new ArrayList<>();
      for (int i = 1; i < fields.length; i++) {
        args.add(unescape(fields[i]));
      }
      all.add(Arguments.of(fields[0], args));
    }
    return all.stream();
  }

  /** "" is an empty argument; \\t \\n \\\\ \\uXXXX are escapes; C{*N} is C repeated N times. */
  static String unescape(String field) {
    if (field.equals("\"\"")) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char ch = field.charAt(i);
      if (ch == '\\') {
        char next = field.charAt(++i);
        switch (next) {
          case 't' -> b.append('\t');
          case 'n' -> b.append('\n');
          case '\\' -> b.append('\\');
          case 'u' -> {
            b.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape in corpus: " + field);
        }
      } else if (field.startsWith("{*", i + 1)) {
        int close = field.indexOf('}', i);
        b.append(String.valueOf(ch).repeat(Integer.parseInt(field.substring(i + 3, close))));
        i = close;
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  @org.junit.jupiter.api.Test
  void theCorpusHoldsAtLeast250InvocationsInFamilies() throws IOException {
    List<Arguments> all = corpus().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(250);
    assertThat(all.stream().map(a -> (String) a.get()[0]).distinct().count())
        .isGreaterThanOrEqualTo(20);
    assertThat(unescape("a\\tb\\u0001x{*3}\\\\")).isEqualTo("a\tb\u0001xxx\\");
    assertThat(unescape("\"\"")).isEmpty();
  }

  // an invocation that is wrongly accepted must fail, not hang (the emulator would serve forever)
  @org.junit.jupiter.api.Timeout(30)
  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @MethodSource("corpus")
  void exitsTwoWithOneLineAndSendsNothing(String category, List<String> args) {
    FAMILIES.merge(category, 1, Integer::sum);
    TestEnvironment env =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tCorpusKey000001")
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "corpus-secret")
            .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
    check(env, category, args);
  }

  /**
   * A usage error is a usage error before anything else is looked at: with no credentials anywhere
   * the same invocations still exit 2, not 4 (a bad --endpoint used to report the missing keys).
   */
  @org.junit.jupiter.api.Timeout(30)
  @ParameterizedTest(name = "[{index}] no credentials, {0}: {1}")
  @MethodSource("corpus")
  void exitsTwoWithoutCredentialsToo(String category, List<String> args) {
    check(new TestEnvironment(home).set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou"), category, args);
  }

  private static void check(TestEnvironment env, String category, List<String> args) {
    List<String> full = new ArrayList<>(args);
    boolean endpointGiven = args.contains("--endpoint");
    if (!endpointGiven
        && !args.get(0).equals("emulator")
        && !args.get(0).equals("completion")
        && !args.get(0).equals("config")) {
      full.addAll(List.of("--endpoint", server.url("/").toString()));
    }
    int code = env.run(full.toArray(String[]::new));
    String err = env.stderr();
    assertThat(code).as(category + " " + args + "\n" + err).isEqualTo(2);
    List<String> lines = err.lines().toList();
    assertThat(lines).as(err).isNotEmpty();
    assertThat(lines.get(0)).startsWith("dsw: ");
    assertThat(lines.stream().filter(l -> l.startsWith("dsw: ")).count()).as(err).isEqualTo(1);
    assertThat(lines).as(err).allMatch(l -> l.startsWith("dsw: ") || l.startsWith("hint: "));
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(env.stdout()).isEmpty();
  }
}
