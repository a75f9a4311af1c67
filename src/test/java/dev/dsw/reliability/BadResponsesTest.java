package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole CLI against malformed server replies: each gives exit 1, one "dsw:" line that says what
 * was wrong and carries the RequestId when the reply had one, no stack trace, no stdout; and output
 * already streamed before a fatal error is followed by exit 3 and "output is incomplete".
 */
class BadResponsesTest {
  @TempDir static Path home;

  static final List<String> RESULTS = new ArrayList<>();

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .setHeader("x-acs-request-id", "HDR-7E57-REQ")
        .body(body)
        .build();
  }

  static Stream<Arguments> replies() {
    byte[] badUtf8 =
        "{\"RequestId\":\"R-UTF\",\"TotalCount\":1,\"Instances\":[{\"InstanceId\":\"dsw-\u00e9\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    badUtf8[badUtf8.length - 5] = (byte) 0xFF; // not UTF-8 at all
    long huge = 65L * 1024 * 1024;
    return Stream.of(
        Arguments.of(
            "HTML error page (502)",
            new MockResponse.Builder()
                .code(502)
                .setHeader("Content-Type", "text/html")
                .setHeader("x-acs-request-id", "HDR-7E57-REQ")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>")
                .build(),
            "HTTP 502",
            "HDR-7E57-REQ"),
        Arguments.of(
            "HTML page with 200",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<!doctype html><title>Login</title>")
                .build(),
            "not valid JSON",
            null),
        Arguments.of("empty body", json(200, ""), "empty body", "HDR-7E57-REQ"),
        Arguments.of(
            "truncated JSON",
            json(200, "{\"RequestId\":\"R-TRUNC\",\"Instances\":[{\"Instan"),
            "it ends too early",
            "HDR-7E57-REQ"),
        Arguments.of("JSON array", json(200, "[1,2,3]"), "not an object", "HDR-7E57-REQ"),
        Arguments.of(
            "missing Instances",
            json(200, "{\"RequestId\":\"R-MISS\",\"TotalCount\":3}"),
            "no Instances",
            "R-MISS"),
        Arguments.of(
            "Instances is an object",
            json(200, "{\"RequestId\":\"R-OBJ\",\"TotalCount\":1,\"Instances\":{}}"),
            "not an array",
            "R-OBJ"),
        Arguments.of(
            "TotalCount is text",
            json(200, "{\"RequestId\":\"R-TC\",\"TotalCount\":\"lots\",\"Instances\":[]}"),
            "not a whole number",
            "R-TC"),
        Arguments.of(
            "instance is a number",
            json(200, "{\"RequestId\":\"R-NUM\",\"TotalCount\":1,\"Instances\":[7]}"),
            "is not an object",
            "R-NUM"),
        Arguments.of(
            "InstanceId is a number",
            json(
                200,
                "{\"RequestId\":\"R-ID\",\"TotalCount\":1,\"Instances\":[{\"InstanceId\":7}]}"),
            "InstanceId",
            "R-ID"),
        Arguments.of(
            "invalid UTF-8",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(new Buffer().write(badUtf8))
                .build(),
            "not UTF-8",
            null),
        Arguments.of(
            "huge declared body",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(new Buffer().write(new byte[(int) huge]))
                .build(),
            "64 MiB",
            null),
        Arguments.of(
            "slowloris trickle past --read-timeout",
            new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"RequestId\":\"R-SLOW\",\"TotalCount\":0,\"Instances\":[]}")
                .throttleBody(4, 1500, TimeUnit.MILLISECONDS)
                .build(),
            "timed out",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replies")
  void eachMalformedReplyIsExitOneWithAClearLine(
      String what, MockResponse reply, String says, String requestId) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              return reply;
            }
          });
      server.start();
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tBadReplies00001")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "bad-replies-secret");
      int code =
          env.run(
              "list",
              "--endpoint",
              server.url("/").toString(),
              "--retries",
              "1",
              "--read-timeout",
              "1s",
              "--timeout",
              "20s");
      String err = env.stderr();
      assertThat(code).as(what + "\n" + err).isEqualTo(1);
      assertThat(err.lines().filter(l -> l.startsWith("dsw: ")).count()).as(err).isEqualTo(1);
      assertThat(err)
          .startsWith("dsw: ")
          .contains(says)
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
      if (requestId != null) {
        assertThat(err).contains("RequestId " + requestId);
      }
      assertThat(env.stdout()).isEmpty();
      synchronized (RESULTS) {
        RESULTS.add(
            "| "
                + what
                + " | "
                + code
                + " | `"
                + err.lines().findFirst().orElseThrow().replace("|", "\\|")
                + "` |");
      }
    }
  }

  static String page(int number, int size, int total) {
    ObjectNode root =
        Json.MAPPER
            .createObjectNode()
            .put("RequestId", "R-PAGE-" + number)
            .put("TotalCount", total);
    ArrayNode items = root.putArray("Instances");
    for (int i = 0; i < size; i++) {
      items.addObject().put("InstanceId", "dsw-p" + number + "-" + i).put("InstanceName", "n" + i);
    }
    return root.toString();
  }

  @Test
  void streamedOutputThenAFatalErrorIsExitThreeAndSaysIncomplete() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String target = request.getTarget();
              if (target.contains("PageNumber=2")) {
                return json(
                    503,
                    "{\"RequestId\":\"R-DOWN\",\"Code\":\"ServiceUnavailable\",\"Message\":\"down\"}");
              }
              int number = target.contains("PageNumber=3") ? 3 : 1;
              return json(200, page(number, 100, 300));
            }
          });
      server.start();
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tBadReplies00001")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "bad-replies-secret");
      int code =
          env.run(
              "list",
              "--endpoint",
              server.url("/").toString(),
              "--retries",
              "1",
              "--concurrency",
              "1",
              "-o",
              "jsonl");
      assertThat(code).as(env.stderr()).isEqualTo(3);
      List<String> lines = env.stdout().lines().toList();
      assertThat(lines).hasSize(100).allMatch(l -> l.startsWith("{\"InstanceId\":\"dsw-p1-"));
      assertThat(env.stderr())
          .startsWith("dsw: output is incomplete: page 2 of 3 failed after retries")
          .contains("RequestId R-DOWN")
          .contains("only 100 instances were listed");
      synchronized (RESULTS) {
        RESULTS.add(
            "| page 2 of 3 keeps answering 503 after page 1 was printed (-o jsonl) | "
                + code
                + " | `"
                + env.stderr().lines().findFirst().orElseThrow().replace("|", "\\|")
                + "` |");
      }
      // csv too: the rows written before the failure are printed, under their header.
      TestEnvironment csv =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tBadReplies00001")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "bad-replies-secret");
      assertThat(
              csv.run(
                  "list",
                  "--endpoint",
                  server.url("/").toString(),
                  "--retries",
                  "1",
                  "--concurrency",
                  "1",
                  "-o",
                  "csv",
                  "--columns",
                  "ID"))
          .as(csv.stderr())
          .isEqualTo(3);
      List<String> rows = csv.stdout().lines().toList();
      assertThat(rows).hasSize(101);
      assertThat(rows.get(0)).isEqualTo("ID");
      assertThat(rows.subList(1, 101)).allMatch(l -> l.startsWith("dsw-p1-"));
    }
  }

  @AfterAll
  static void report() {
    Report.section(
        "30-bad-responses",
        "## Bad responses (`BadResponsesTest`)\n\n"
            + "`dsw list --retries 1 --read-timeout 1s` against MockWebServer serving each reply;"
            + " the first stderr line of each run:\n\n"
            + "| reply | exit | stderr |\n"
            + "|---|---|---|\n"
            + String.join("\n", RESULTS.stream().sorted().toList()));
  }
}
