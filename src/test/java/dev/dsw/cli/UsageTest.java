package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.auth.Acs3Signer;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dsw top and dsw idle over a fleet and a metrics file written here, whose statistics are worked
 * out by hand in the comments (not read off dsw's output); the wire form of GetInstanceMetrics; a
 * window split into calls of a day; and what happens when metrics cannot be read.
 */
class UsageTest {
  @TempDir Path dir;
  EmulatorServer server;
  final List<String> log = new CopyOnWriteArrayList<>();

  static final Instant NOW = TestEnvironment.NOW; // 2026-11-27T12:00:00Z

  static final String FLEET =
      """
      [
       {"InstanceId":"dsw-g1","InstanceName":"low","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1","GPUType":"NVIDIA A10"}},
       {"InstanceId":"dsw-g2","InstanceName":"ramp","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"2","GPUType":"NVIDIA A10"},
        "IdleInstanceCuller":{"MaxIdleTimeInMinutes":480,"IdleTimeInMinutes":30}},
       {"InstanceId":"dsw-g3","InstanceName":"half","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1","GPUType":"NVIDIA H100"},
        "InstanceShutdownTimer":{"DueTime":"2026-12-01T00:00:00Z"}},
       {"InstanceId":"dsw-c1","InstanceName":"cpu","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"CPU":"4"}},
       {"InstanceId":"dsw-s1","InstanceName":"stopped","Status":"Stopped","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1","GPUType":"NVIDIA A10"}}
      ]
      """;

  /**
   * dsw-g1: a point a minute from 11:00 to 12:00 (61), GPU (k mod 3) + 1: 21 ones, 20 twos, 20
   * threes, so the average is 121/61 = 1.9836…, p95 the 58th smallest = 3, max 3; CPU 4 throughout;
   * and one more GPU point at 06:00, where a 30-hour window is cut in two.
   *
   * <p>dsw-g2: GPU k at 11:00 + 3k minutes, k = 1…20: average 10.5, p95 the 19th = 19, max 20; 20
   * points × 3 min cover the hour. No CPU series: no data.
   *
   * <p>dsw-g3: GPU 50 a minute from 11:00 to 11:29 (30 points: coverage 50 %), and 99 at 10:59 and
   * 12:01, outside the window.
   */
  static String metrics() {
    StringBuilder g1 = new StringBuilder();
    StringBuilder cpu = new StringBuilder();
    for (int k = 0; k <= 60; k++) {
      long t = NOW.minus(Duration.ofMinutes(60 - k)).getEpochSecond();
      g1.append(k == 0 ? "" : ",").append(point(t, k % 3 + 1));
      cpu.append(k == 0 ? "" : ",").append(point(t, 4));
    }
    g1.append(",").append(point(NOW.minus(Duration.ofHours(6)).getEpochSecond(), 1));
    StringBuilder g2 = new StringBuilder();
    for (int k = 1; k <= 20; k++) {
      g2.append(k == 1 ? "" : ",")
          .append(point(NOW.minus(Duration.ofMinutes(60 - 3 * k)).getEpochSecond(), k));
    }
    StringBuilder g3 = new StringBuilder();
    for (int k = 0; k < 30; k++) {
      g3.append(point(NOW.minus(Duration.ofMinutes(60 - k)).getEpochSecond(), 50)).append(",");
    }
    g3.append(point(NOW.minus(Duration.ofMinutes(61)).getEpochSecond(), 99))
        .append(",")
        .append(point(NOW.plus(Duration.ofMinutes(1)).getEpochSecond(), 99));
    return "{\"dsw-g1\":{\"GpuCoreUsage\":["
        + g1
        + "],\"CpuCoreUsage\":["
        + cpu
        + "]},\"dsw-g2\":{\"GpuCoreUsage\":["
        + g2
        + "]},\"dsw-g3\":{\"GpuCoreUsage\":["
        + g3
        + "]},\"dsw-s1\":{\"GpuCoreUsage\":["
        + point(NOW.minus(Duration.ofMinutes(5)).getEpochSecond(), 1)
        + "]}}";
  }

  static String point(long t, double v) {
    return "{\"Time\":" + t + ",\"Value\":" + v + "}";
  }

  @BeforeEach
  void start() throws Exception {
    Path metrics = dir.resolve("metrics.json");
    Files.writeString(metrics, metrics());
    server =
        EmulatorServer.start(
            TestEnvironment.fleet(dir, FLEET).toBuilder().log(log::add).metrics(metrics).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int run(TestEnvironment env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--endpoint", server.baseUrl(), "--workspace", "ALL", "--resource-id", "ALL"));
    return env.run(all.toArray(String[]::new));
  }

  JsonNode json(String... args) throws Exception {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    assertThat(run(env, args)).as(env.stderr()).isZero();
    return Json.MAPPER.readTree(env.stdout());
  }

  List<String> metricCalls() throws InterruptedException {
    Thread.sleep(200); // the emulator logs a request just after answering it
    return log.stream().filter(l -> l.contains("/metrics?")).toList();
  }

  @Test
  void topShowsAverageP95MaxAndCoverageLeastUsedGpuFirst() throws Exception {
    JsonNode rows = json("top", "-o", "json");
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.get("InstanceId").asText()));
    assertThat(ids).containsExactly("dsw-g1", "dsw-g2", "dsw-g3", "dsw-c1"); // Running only
    JsonNode g1 = rows.get(0).get("Usage").get("GpuCoreUsage");
    assertThat(g1.get("Average").asDouble())
        .isCloseTo(121.0 / 61, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(g1.get("P95").asDouble()).isEqualTo(3);
    assertThat(g1.get("Max").asDouble()).isEqualTo(3);
    assertThat(g1.get("Points").asInt()).isEqualTo(61);
    assertThat(g1.get("Coverage").asDouble()).isEqualTo(100);
    JsonNode g2 = rows.get(1).get("Usage");
    assertThat(g2.get("GpuCoreUsage").get("Average").asDouble()).isEqualTo(10.5);
    assertThat(g2.get("GpuCoreUsage").get("P95").asDouble()).isEqualTo(19);
    assertThat(g2.get("GpuCoreUsage").get("Max").asDouble()).isEqualTo(20);
    assertThat(g2.get("GpuCoreUsage").get("Coverage").asDouble()).isEqualTo(100);
    assertThat(g2.get("CpuCoreUsage").get("Points").asInt()).isZero();
    assertThat(g2.get("CpuCoreUsage").has("Average")).as("no data is not 0 %").isFalse();
    JsonNode g3 = rows.get(2).get("Usage").get("GpuCoreUsage");
    assertThat(g3.get("Max").asDouble()).as("points outside the window do not count").isEqualTo(50);
    assertThat(g3.get("Coverage").asDouble()).isEqualTo(50);
    assertThat(rows.get(3).get("Usage").has("GpuCoreUsage")).as("no GPU, no GPU metric").isFalse();
    // 3 GPU instances × 2 metrics + 1 CPU instance × CPU only; nothing for the Stopped one
    List<String> calls = metricCalls();
    assertThat(calls).hasSize(7);
    assertThat(calls).noneMatch(l -> l.contains("dsw-s1"));
    assertThat(calls).noneMatch(l -> l.contains("/dsw-c1/") && l.contains("GpuCoreUsage"));
  }

  @Test
  void theTableSaysNoDataAndNotMeasuredNeverZero() {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    assertThat(run(env, "top", "-o", "csv", "--columns", "ID,GPU_AVG,GPU_P95,CPU_AVG,COVERAGE"))
        .as(env.stderr())
        .isZero();
    assertThat(env.stdout().lines())
        .containsExactly(
            "ID,GPU_AVG,GPU_P95,CPU_AVG,COVERAGE",
            "dsw-g1,2.0%,3.0%,4.0%,100.0%",
            "dsw-g2,10.5%,19.0%,no data,0.0%",
            "dsw-g3,50.0%,50.0%,no data,0.0%",
            "dsw-c1,-,-,no data,0.0%");
  }

  @Test
  void whereSortAndLimitApplyToWhatWasMeasured() throws Exception {
    assertThat(ids(json("top", "-o", "json", "--where", "GPU_MAX<10"))).containsExactly("dsw-g1");
    assertThat(
            ids(json("top", "-o", "json", "--where", "GPU_AVG>=10", "--where", "Status=Running")))
        .containsExactly("dsw-g2", "dsw-g3");
    assertThat(ids(json("top", "-o", "json", "--sort-column", "GPU_AVG:desc", "--limit", "2")))
        .containsExactly("dsw-g3", "dsw-g2");
    assertThat(ids(json("top", "-o", "json", "--status", "Stopped"))).containsExactly("dsw-s1");
  }

  static List<String> ids(JsonNode rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.get("InstanceId").asText()));
    return ids;
  }

  @Test
  void aWindowLongerThanADayIsAskedForInPiecesJoinedWithoutDoublePoints() throws Exception {
    JsonNode rows = json("top", "-o", "json", "--window", "30h", "--metrics", "gpu");
    JsonNode g1 = rows.get(0).get("Usage").get("GpuCoreUsage");
    assertThat(g1.get("Points").asInt()).as("61 + the 06:00 point, once").isEqualTo(62);
    List<String> g1Calls = metricCalls().stream().filter(l -> l.contains("/dsw-g1/")).toList();
    assertThat(g1Calls).hasSize(2);
    assertThat(g1Calls)
        .anyMatch(
            l ->
                l.contains("StartTime=2026-11-26T06%3A00%3A00Z")
                    && l.contains("EndTime=2026-11-27T06%3A00%3A00Z"))
        .anyMatch(
            l ->
                l.contains("StartTime=2026-11-27T06%3A00%3A00Z")
                    && l.contains("EndTime=2026-11-27T12%3A00%3A00Z"));
    assertThat(g1Calls).allMatch(l -> l.contains("TimeStep=15m"));
  }

  @Test
  void idleFindsTheUnguardedByUsageAndSaysWhichEvidenceAndGuard() throws Exception {
    // over the last hour only dsw-g1 stays at or under 5 % with full coverage; no culler
    JsonNode rows = json("idle", "--window", "1h", "-o", "json");
    assertThat(ids(rows)).containsExactly("dsw-g1");
    assertThat(rows.get(0).get("Idle").get("Evidence").asText()).isEqualTo("usage");
    assertThat(rows.get(0).get("Idle").get("Guard").asText()).isEqualTo("none");
    assertThat(rows.get(0).get("Idle").get("Minutes").asInt()).isEqualTo(60);
    // at 20 %, dsw-g2 (max 20) is idle by usage too, and its culler (30 min) says so past --for 20m
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    assertThat(
            run(
                env,
                "idle",
                "--window",
                "1h",
                "--gpu-below",
                "20",
                "--for",
                "20m",
                "-o",
                "csv",
                "--columns",
                "ID,IDLE_FOR,WASTE,EVIDENCE,GUARD"))
        .as(env.stderr())
        .isZero();
    assertThat(env.stdout().lines())
        .containsExactly(
            "ID,IDLE_FOR,WASTE,EVIDENCE,GUARD",
            "dsw-g2,1h,2.0,both,culler",
            "dsw-g1,1h,1.0,usage,none");
  }

  @Test
  void idleOverADayNeedsCoverageAndNoUsageSendsNoMetricsCall() throws Exception {
    // the default 24 h window: dsw-g1's one hour of data is 4 % coverage, not enough to judge
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    assertThat(run(env, "idle")).as(env.stderr()).isZero();
    assertThat(env.stderr()).contains("no idle instances among 4 Running");
    assertThat(ids(json("idle", "--min-coverage", "4", "-o", "json"))).containsExactly("dsw-g1");
    metricCalls(); // the last run's requests are logged: let them land, then clear
    log.clear();
    assertThat(ids(json("idle", "--for", "20m", "--no-usage", "-o", "json")))
        .containsExactly("dsw-g2");
    assertThat(metricCalls()).isEmpty();
  }

  /**
   * A service whose ListInstances answers one page of these instances (JSON objects) and whose
   * other calls get what {@code metrics} says.
   */
  static MockWebServer service(
      String instances, java.util.function.Function<RecordedRequest, MockResponse> metrics)
      throws java.io.IOException {
    MockWebServer mock = new MockWebServer();
    int count = instances.isEmpty() ? 0 : instances.split("\\{\"InstanceId\"", -1).length - 1;
    mock.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            return r.getUrl().encodedPath().equals("/api/v2/instances")
                ? new MockResponse.Builder()
                    .body(
                        "{\"RequestId\":\"R\",\"TotalCount\":"
                            + count
                            + ",\"Instances\":["
                            + instances
                            + "]}")
                    .build()
                : metrics.apply(r);
          }
        });
    mock.start();
    return mock;
  }

  static final String GPU_INSTANCE = "\"Status\":\"Running\",\"RequestedResource\":{\"GPU\":\"1\"}";

  @Test
  void theWireFormIsTheRecordedOneAndThrottlingIsRetried() throws Exception {
    AtomicInteger metricsCalls = new AtomicInteger();
    try (MockWebServer mock =
        service(
            "{\"InstanceId\":\"dsw-g1\"," + GPU_INSTANCE + "}",
            r ->
                metricsCalls.incrementAndGet() == 1
                    ? new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "0")
                        .body("{\"Code\":\"Throttling.User\",\"Message\":\"slow down\"}")
                        .build()
                    : new MockResponse.Builder()
                        .body(
                            "{\"RequestId\":\"M\",\"Success\":true,\"InstanceId\":\"dsw-g1\",\"PodMetrics\":["
                                + "{\"PodId\":\"p1\",\"Metrics\":[{\"Time\":1795779000,\"Value\":25.901031}]}]}")
                        .build())) {
      TestEnvironment env = TestEnvironment.withDemoKeys(dir);
      int code =
          env.run("top", "--endpoint", mock.url("/").toString(), "--metrics", "gpu", "-o", "json");
      assertThat(code).as(env.stderr()).isZero();
      mock.takeRequest(); // the listing
      for (int attempt = 0; attempt < 2; attempt++) { // throttled once, then answered
        RecordedRequest r = mock.takeRequest();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v2/instance/dsw-g1/metrics");
        assertThat(r.getUrl().encodedQuery())
            .isEqualTo(
                "EndTime=2026-11-27T12%3A00%3A00Z&MetricType=GpuCoreUsage"
                    + "&StartTime=2026-11-27T11%3A00%3A00Z&TimeStep=1m");
        assertThat(r.getHeaders().get("x-acs-action")).isEqualTo("GetInstanceMetrics");
        assertThat(r.getHeaders().get("x-acs-version")).isEqualTo("2022-01-01");
        assertThat(r.getHeaders().get("Content-Type")).isNull();
        assertThat(r.getBody() == null ? 0 : r.getBody().size()).isZero();
        assertThat(r.getHeaders().get("x-acs-content-sha256"))
            .isEqualTo(Acs3Signer.sha256Hex(new byte[0]));
        assertThat(r.getHeaders().get("Authorization"))
            .startsWith("ACS3-HMAC-SHA256 Credential=" + EmulatorServer.DEMO_KEY_ID + ",");
      }
      JsonNode usage = Json.MAPPER.readTree(env.stdout()).get(0).get("Usage").get("GpuCoreUsage");
      assertThat(usage.get("Max").asDouble())
          .isCloseTo(25.901031, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void withoutAccessToMetricsIdleKeepsTheCullersAnswerAndExitsThree() throws Exception {
    try (MockWebServer mock =
        service(
            "{\"InstanceId\":\"dsw-k1\","
                + GPU_INSTANCE
                + ",\"IdleInstanceCuller\":{\"IdleTimeInMinutes\":300}},"
                + "{\"InstanceId\":\"dsw-k2\","
                + GPU_INSTANCE
                + "}",
            r ->
                new MockResponse.Builder()
                    .code(403)
                    .body("{\"Code\":\"Forbidden.RAM\",\"Message\":\"not authorized: secretish\"}")
                    .build())) {
      TestEnvironment env = TestEnvironment.withDemoKeys(dir);
      int code =
          env.run(
              "idle",
              "--endpoint",
              mock.url("/").toString(),
              "-o",
              "csv",
              "--columns",
              "ID,EVIDENCE");
      assertThat(code).isEqualTo(ExitCodes.INCOMPLETE);
      assertThat(env.stdout().lines()).containsExactly("ID,EVIDENCE", "dsw-k1,culler");
      assertThat(env.stderr())
          .contains("2 of 2 instances could not be measured")
          .contains("Forbidden.RAM")
          .contains("paidsw:GetInstanceMetrics")
          .doesNotContain("\tat ");
      TestEnvironment top = TestEnvironment.withDemoKeys(dir);
      assertThat(
              top.run(
                  "top",
                  "--endpoint",
                  mock.url("/").toString(),
                  "-o",
                  "csv",
                  "--columns",
                  "ID,GPU_AVG,COVERAGE"))
          .isEqualTo(ExitCodes.INCOMPLETE);
      assertThat(top.stdout().lines())
          .containsExactly(
              "ID,GPU_AVG,COVERAGE", "dsw-k1,unknown,unknown", "dsw-k2,unknown,unknown");
    }
  }

  @Test
  void watchMeasuresAgainEveryIntervalUntilCtrlC() {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir).onPause(n -> n >= 2);
    int code =
        run(env, "top", "--watch", "--interval", "30s", "-o", "csv", "--columns", "ID,GPU_MAX");
    assertThat(code).as(env.stderr()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(env.stdout().lines().filter(l -> l.equals("ID,GPU_MAX"))).hasSize(2);
    assertThat(env.stdout().lines().filter(l -> l.startsWith("dsw-g1,"))).hasSize(2);
    assertThat(env.pauses()).isEqualTo(2);
  }

  /**
   * Answers a metrics call may get that are not the spec's shape; none may leak into stderr raw.
   */
  @Test
  void hostileMetricsAnswersAreUnknownAndOneLineEach() throws Exception {
    String[] bodies = {
      "{\"PodMetrics\":\"all good\"}",
      "{\"PodMetrics\":[{\"PodId\":\"p\",\"Metrics\":[{\"Time\":\"soon\",\"Value\":\"1\"}]}]}",
      "<html>\u001b[31mgateway\u001b[0m</html>",
      "{\"Code\":\"Boom\u001b]8;;http://x\u0007\",\"Message\":\"\u202eevil\\n"
          + "line\",\"Success\":false}",
    };
    for (String body : bodies) {
      try (MockWebServer mock =
          service(
              "{\"InstanceId\":\"dsw-h1\"," + GPU_INSTANCE + "}",
              r ->
                  new MockResponse.Builder()
                      .code(body.startsWith("<") ? 502 : 200)
                      .body(body)
                      .build())) {
        TestEnvironment env = TestEnvironment.withDemoKeys(dir);
        int code =
            env.run(
                "top",
                "--endpoint",
                mock.url("/").toString(),
                "--retries",
                "0",
                "-o",
                "csv",
                "--columns",
                "ID,GPU_AVG,CPU_AVG");
        assertThat(code).as(body + "\n" + env.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(env.stdout().lines())
            .containsExactly("ID,GPU_AVG,CPU_AVG", "dsw-h1,unknown,unknown");
        assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw:"))).hasSize(1);
        assertThat(env.stderr())
            .contains("1 of 1 instances could not be measured")
            .doesNotContain("\tat ")
            .doesNotContain("\u001b")
            .doesNotContain("\u202e")
            .doesNotContain("\u0007");
      }
    }
  }

  @Test
  void progressGoesToAStderrTerminalOnlyAndIsErased() {
    TestEnvironment tty = TestEnvironment.withDemoKeys(dir).stderrTerminal();
    assertThat(run(tty, "top", "-o", "csv")).isZero();
    assertThat(tty.stderr()).contains("measuring 7/7…").endsWith("\r\u001b[K");
    TestEnvironment piped = TestEnvironment.withDemoKeys(dir);
    assertThat(run(piped, "top", "-o", "csv")).isZero();
    assertThat(piped.stderr()).isEmpty();
  }

  @Test
  void theEmulatorsFaultsReachMetricsCallsAndRetriesRideThemOut() throws Exception {
    List<String> faulted = new CopyOnWriteArrayList<>();
    try (EmulatorServer flaky =
        EmulatorServer.start(
            TestEnvironment.fleet(dir, FLEET).toBuilder()
                .log(faulted::add)
                .metrics(dir.resolve("metrics.json"))
                .throttleRate(0.2)
                .faultRate(0.2)
                .build())) {
      TestEnvironment env = TestEnvironment.withDemoKeys(dir);
      int code =
          env.run(
              "top",
              "--endpoint",
              flaky.baseUrl(),
              "--workspace",
              "ALL",
              "--resource-id",
              "ALL",
              "--retries",
              "8",
              "-o",
              "csv",
              "--columns",
              "ID,GPU_MAX");
      assertThat(code).as(env.stderr()).isZero();
      assertThat(env.stdout().lines())
          .containsExactly("ID,GPU_MAX", "dsw-g1,3.0%", "dsw-g2,20.0%", "dsw-g3,50.0%", "dsw-c1,-");
      Thread.sleep(200); // the last request's log line
      assertThat(faulted)
          .as("some metrics calls were throttled or failed, and were retried")
          .anyMatch(
              l ->
                  l.contains("/metrics?")
                      && (l.contains(" 429 ") || l.contains(" 500 ") || l.contains(" 503 ")));
    }
  }
}
