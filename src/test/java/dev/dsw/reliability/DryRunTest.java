package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --dry-run means no request, in every command and mode (red team, issue #23: `--dry-run --watch`
 * sent 18 requests in 5 s). Each run prints the request it would send, exits 0, and the server
 * counts none.
 */
class DryRunTest {
  @TempDir static Path home;
  static MockWebServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    Report.section(
        "22-dry-run",
        "## Dry run (`DryRunTest`)\n\n"
            + modes().count()
            + " dry runs (list in table, json, csv and jsonl forms, with --query and with"
            + " --sort-column, list --watch, get, summary, idle, and a list and a watch across two"
            + " regions): each printed its first request and exited 0, and "
            + server.getRequestCount()
            + " requests reached the server.");
    assertThat(server.getRequestCount()).as("requests sent by dry runs").isZero();
    server.close();
  }

  static Stream<List<String>> modes() {
    return Stream.of(
        List.of("list"),
        List.of("list", "--watch"),
        List.of("list", "--watch", "-o", "jsonl"),
        List.of("list", "--status", "Running", "-o", "json", "--sort-column", "GPU:desc"),
        List.of("list", "--limit", "5", "-o", "csv"),
        List.of("list", "--query", "[].InstanceId"),
        List.of("get", "dsw-abc"),
        List.of("summary", "--by", "status"),
        List.of("idle", "--for", "1h"),
        List.of("--region", "cn-hangzhou,cn-shanghai", "list"),
        List.of("--region", "cn-hangzhou,cn-shanghai", "list", "--watch"));
  }

  @Timeout(20) // a watch that did poll would never end
  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void printsTheRequestAndSendsNothing(List<String> args) {
    int before = server.getRequestCount();
    TestEnvironment env =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tDryRunKey000001")
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "dry-run-secret")
            .set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
    List<String> full = new ArrayList<>(List.of("--dry-run"));
    full.addAll(args);
    full.addAll(List.of("--endpoint", server.url("/").toString() + "{region}"));
    assertThat(env.run(full.toArray(String[]::new))).as(env.stderr()).isZero();
    assertThat(env.stdout()).startsWith("GET " + server.url("/")).contains("PageNumber=1");
    assertThat(server.getRequestCount() - before).as("requests sent").isZero();
  }
}
