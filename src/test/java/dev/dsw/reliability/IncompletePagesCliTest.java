package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dsw.cli.TestEnvironment;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line over a service whose page 2 is short by 50 while TotalCount stays 250 (red team,
 * issue #23: 200 listed with exit 0). Every format exits 3 and keeps only what it can validly hold;
 * summary and idle total nothing; a run that fails before any data leaves stdout empty.
 */
class IncompletePagesCliTest {
  @TempDir Path home;

  static String page(int from, int to) {
    StringBuilder b = new StringBuilder("{\"RequestId\":\"R\",\"TotalCount\":250,\"Instances\":[");
    for (int i = from; i < to; i++) {
      b.append(i > from ? "," : "")
          .append("{\"InstanceId\":\"dsw-")
          .append(i)
          .append("\",\"InstanceName\":\"n")
          .append(i)
          .append("\",\"Status\":\"Running\"}");
    }
    return b.append("]}").toString();
  }

  static MockWebServer shortPageTwo() throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String n = r.getUrl().queryParameter("PageNumber");
            String body =
                switch (n == null ? "1" : n) {
                  case "1" -> page(0, 100);
                  case "2" -> page(100, 150);
                  default -> page(200, 250);
                };
            return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
    server.start();
    return server;
  }

  TestEnvironment run(MockWebServer server, int exit, String... args) {
    TestEnvironment env =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tIncomplete00001")
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "incomplete-secret");
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--endpoint";
    full[args.length + 1] = server.url("/").toString();
    full[args.length + 2] = "--retries";
    full[args.length + 3] = "0";
    assertThat(env.run(full)).as(env.stderr()).isEqualTo(exit);
    return env;
  }

  @Test
  void jsonIsACompleteArrayOfWhatWasFetchedAndExitThree() throws Exception {
    try (MockWebServer server = shortPageTwo()) {
      TestEnvironment env = run(server, 3, "list", "-o", "json");
      JsonNode array = new ObjectMapper().readTree(env.stdout());
      assertThat(array.isArray()).isTrue();
      assertThat(array.size()).isEqualTo(200);
      assertThat(env.stderr())
          .startsWith(
              "dsw: output is incomplete: the pages held 200 distinct instances but TotalCount is"
                  + " 250 (50 missing)");
    }
  }

  @Test
  void csvAndJsonlKeepTheRowsFetched() throws Exception {
    try (MockWebServer server = shortPageTwo()) {
      assertThat(run(server, 3, "list", "-o", "csv").stdout().lines().count()).isEqualTo(201);
      assertThat(run(server, 3, "list", "-o", "jsonl").stdout().lines().count()).isEqualTo(200);
      assertThat(run(server, 3, "list").stdout()).as("the table is not drawn").isEmpty();
    }
  }

  @Test
  void summaryAndIdleRefuseToTotalAnIncompleteSet() throws Exception {
    try (MockWebServer server = shortPageTwo()) {
      assertThat(run(server, 3, "summary").stdout()).isEmpty();
      assertThat(run(server, 3, "summary", "-o", "json").stdout()).isEmpty();
      assertThat(run(server, 3, "idle").stdout()).isEmpty();
    }
  }

  @Test
  void aRunThatFailsBeforeAnyDataLeavesStdoutEmptyInEveryFormat() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
              return new MockResponse.Builder()
                  .code(400)
                  .addHeader("Content-Type", "application/json")
                  .body("{\"RequestId\":\"R\",\"Code\":\"InvalidParameter\",\"Message\":\"no\"}")
                  .build();
            }
          });
      server.start();
      for (String format : new String[] {"table", "wide", "json", "jsonl", "yaml", "csv", "tsv"}) {
        TestEnvironment env = run(server, 1, "list", "-o", format);
        assertThat(env.stdout()).as(format).isEmpty();
      }
    }
  }
}
