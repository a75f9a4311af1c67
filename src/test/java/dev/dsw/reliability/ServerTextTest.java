package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import dev.dsw.cli.terminal.Console;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-controlled text is safe to print (red team, issue #23): escape sequences and newlines in
 * Code, Message and RequestId are made visible, and a 1 MB message is cut to one line of at most
 * Console.MAX_LINE characters and a note.
 */
class ServerTextTest {
  @TempDir Path home;

  String stderrFor(String body) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(
          new MockResponse.Builder()
              .code(400)
              .addHeader("Content-Type", "application/json")
              .body(body)
              .build());
      server.start();
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tServerText00001")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "server-text-secret");
      assertThat(env.run("list", "--endpoint", server.url("/").toString(), "--retries", "0"))
          .isEqualTo(1);
      assertThat(env.stdout()).isEmpty();
      return env.stderr();
    }
  }

  @Test
  void controlCharactersInEveryFieldAreEscaped() throws Exception {
    String err =
        stderrFor(
            "{\"RequestId\":\"R\\u001b]0;pwned\\u0007\",\"Code\":\"Bad\\u001b[2J\","
                + "\"Message\":\"line one\\nline two\\r\\u009b31m\"}");
    assertThat(err).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
    assertThat(err).doesNotContain("\r");
    assertThat(err.lines().filter(l -> l.startsWith("dsw: ")).count()).isEqualTo(1);
    assertThat(err).contains("\\x1b[2J").contains("\\x1b]0;pwned\\x07");
  }

  @Test
  void aHugeMessageIsCutToOneLine() throws Exception {
    String err =
        stderrFor(
            "{\"RequestId\":\"R\",\"Code\":\"Big\",\"Message\":\"" + "x".repeat(1 << 20) + "\"}");
    String first = err.lines().findFirst().orElseThrow();
    assertThat(first.length()).isLessThanOrEqualTo(Console.MAX_LINE + 40);
    assertThat(first).endsWith(" more characters)");
    assertThat(err.length()).isLessThan(3 * Console.MAX_LINE);
  }
}
