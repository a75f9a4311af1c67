package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.http.ApiRequest;
import dev.dsw.http.HttpResponse;
import dev.dsw.http.Transport;
import dev.dsw.model.Json;
import dev.dsw.model.MetricType;
import dev.dsw.model.Utilisation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetInstanceMetrics (get-instance-metrics.md): the path and the pieces of a window, reading an
 * answer, the statistics over several pods, and the emulator's route with its errors and profiles.
 */
class InstanceMetricsTest {
  @TempDir Path dir;

  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void theIdIsOnePercentEncodedSegmentOfTheSingularPath() {
    // the spec's recorded request (§2.4): dsw-abc 1/2 → dsw-abc%201%2F2
    assertThat(InstanceMetrics.path("dsw-abc 1/2"))
        .isEqualTo("/api/v2/instance/dsw-abc%201%2F2/metrics");
    assertThat(InstanceMetrics.path("dsw-730abc")).isEqualTo("/api/v2/instance/dsw-730abc/metrics");
  }

  @Test
  void aWindowIsCutIntoCallsOfAtMostADayEndToEnd() {
    List<ApiRequest> calls =
        InstanceMetrics.requests(
            "http://h",
            "dsw-1",
            MetricType.CpuCoreUsage,
            NOW.minus(Duration.ofHours(50)),
            NOW,
            Duration.ofMinutes(15));
    assertThat(calls).hasSize(3);
    assertThat(calls.stream().map(c -> c.query().get("StartTime") + "/" + c.query().get("EndTime")))
        .containsExactly(
            "2026-11-25T10:00:00Z/2026-11-26T10:00:00Z",
            "2026-11-26T10:00:00Z/2026-11-27T10:00:00Z",
            "2026-11-27T10:00:00Z/2026-11-27T12:00:00Z");
    assertThat(calls.get(0).query())
        .containsEntry("MetricType", "CpuCoreUsage")
        .containsEntry("TimeStep", "15m");
    assertThat(calls.get(0).action()).isEqualTo("GetInstanceMetrics");
    assertThat(calls.get(0).method()).isEqualTo("GET");
    assertThat(calls.get(0).body()).isNull();
    assertThat(
            InstanceMetrics.requests(
                "http://h",
                "dsw-1",
                MetricType.GpuCoreUsage,
                NOW.minus(Duration.ofHours(24)),
                NOW,
                Duration.ofMinutes(5)))
        .hasSize(1);
  }

  @Test
  void theStepKeepsAWindowAtThreeHundredPointsOrFewer() {
    assertThat(InstanceMetrics.step(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(InstanceMetrics.step(Duration.ofHours(5))).isEqualTo(Duration.ofMinutes(1));
    assertThat(InstanceMetrics.step(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(5));
    assertThat(InstanceMetrics.step(Duration.ofDays(7))).isEqualTo(Duration.ofMinutes(60));
    assertThat(InstanceMetrics.step(Duration.ofDays(30))).isEqualTo(Duration.ofMinutes(180));
  }

  static HttpResponse answer(String body) {
    return new HttpResponse(200, "application/json", "R", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void answersJoinByPodAndTimeAndABadAnswerIsMalformed() {
    Map<String, NavigableMap<Long, Double>> pods = InstanceMetrics.pods();
    InstanceMetrics.decode(
        answer(
            "{\"RequestId\":\"A\",\"PodMetrics\":[{\"PodId\":\"p1\",\"Metrics\":[{\"Time\":100,\"Value\":1.5},{\"Time\":160,\"Value\":2}]}]}"),
        pods);
    InstanceMetrics.decode( // the next piece repeats the boundary point, and a new pod appears
        answer(
            "{\"RequestId\":\"B\",\"PodMetrics\":[{\"PodId\":\"p1\",\"Metrics\":[{\"Time\":160,\"Value\":2}]},"
                + "{\"PodId\":\"p2\",\"Metrics\":[{\"Time\":220,\"Value\":7}]}]}"),
        pods);
    assertThat(pods.get("p1")).containsExactly(Map.entry(100L, 1.5), Map.entry(160L, 2.0));
    assertThat(pods.get("p2")).containsExactly(Map.entry(220L, 7.0));
    InstanceMetrics.decode(answer("{\"RequestId\":\"C\",\"PodMetrics\":[]}"), pods); // no data
    assertThatThrownBy(
            () -> InstanceMetrics.decode(answer("{\"RequestId\":\"D\",\"PodMetrics\":{}}"), pods))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("not an array");
    assertThatThrownBy(
            () ->
                InstanceMetrics.decode(
                    answer(
                        "{\"PodMetrics\":[{\"PodId\":\"p\",\"Metrics\":[{\"Time\":\"x\",\"Value\":1}]}]}"),
                    pods))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(
            () ->
                InstanceMetrics.decode(
                    new HttpResponse(
                        400,
                        "application/json",
                        "R",
                        "{\"Code\":\"ValidationError\",\"Message\":\"MetricType\"}"
                            .getBytes(StandardCharsets.UTF_8)),
                    pods))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("ValidationError");
  }

  static NavigableMap<Long, Double> series(long... timeValue) {
    NavigableMap<Long, Double> m = new TreeMap<>();
    for (int k = 0; k < timeValue.length; k += 2) {
      m.put(timeValue[k], (double) timeValue[k + 1]);
    }
    return m;
  }

  @Test
  void podsMergeByTimeTheBusiestWinsAndCoverageCountsTheWindow() {
    Instant start = Instant.ofEpochSecond(0);
    Instant end = Instant.ofEpochSecond(600); // ten minutes, a point a minute asked for
    Duration step = Duration.ofMinutes(1);
    // a restart: pod a has 0–240, pod b 300–600; both have 240 (a: 10, b: 30 → 30 counts)
    Utilisation u =
        Utilisation.of(
            List.of(
                series(0, 10, 60, 10, 120, 10, 180, 10, 240, 10),
                series(240, 30, 300, 30, 360, 30, 420, 30, 480, 30, 540, 30, 600, 30)),
            start,
            end,
            step);
    assertThat(u.points()).isEqualTo(11);
    assertThat(u.max()).isEqualTo(30);
    assertThat(u.average()).isEqualTo((4 * 10 + 7 * 30) / 11.0);
    assertThat(u.p95()).isEqualTo(30);
    assertThat(u.coverage()).isEqualTo(100);
    // half the minutes missing: 5 points a minute apart over 10 minutes is 50 %
    Utilisation gaps =
        Utilisation.of(List.of(series(0, 1, 60, 1, 120, 1, 180, 1, 240, 1)), start, end, step);
    assertThat(gaps.coverage()).isEqualTo(50);
    // an answer at a coarser step than asked (every 5 minutes): 3 points cover the 10 minutes
    Utilisation coarse = Utilisation.of(List.of(series(0, 1, 300, 2, 600, 3)), start, end, step);
    assertThat(coarse.coverage()).isEqualTo(100);
    assertThat(coarse.p95()).isEqualTo(3);
    // finer than asked (every 10 s, as a --metrics file may be): the first half of the window
    NavigableMap<Long, Double> fine = new TreeMap<>();
    for (long t = 0; t < 300; t += 10) {
      fine.put(t, 1.0);
    }
    assertThat(Utilisation.of(List.of(fine), start, end, step).coverage()).isEqualTo(50);
    // a stretch without data (minutes 3 to 7) leaves the usual spacing a minute: 6 of 10 minutes
    Utilisation outage =
        Utilisation.of(
            List.of(series(0, 1, 60, 1, 120, 1, 480, 1, 540, 1, 600, 1)), start, end, step);
    assertThat(outage.coverage()).isEqualTo(60);
    // p95 by nearest rank: of 1..100, the 95th smallest
    NavigableMap<Long, Double> hundred = new TreeMap<>();
    for (int k = 1; k <= 100; k++) {
      hundred.put((long) k, (double) k);
    }
    assertThat(Utilisation.of(List.of(hundred), start, end, Duration.ofSeconds(1)).p95())
        .isEqualTo(95);
    Utilisation none = Utilisation.of(List.of(new TreeMap<>()), start, end, step);
    assertThat(none.hasData()).isFalse();
    assertThat(none.average()).isNull();
    assertThat(none.coverage()).isZero();
  }

  EmulatorServer emulator(String fleet) throws Exception {
    Path data = dir.resolve("fleet.json");
    Files.writeString(data, fleet);
    return Emulators.start(
        EmulatorConfig.defaults().toBuilder()
            .data(data)
            .build()); // the transport signs on the real clock
  }

  static HttpResponse raw(EmulatorServer server, String id, Map<String, String> query)
      throws Exception {
    try (Transport t = Emulators.transport(0)) {
      return t.send(
          new ApiRequest(
              server.baseUrl(),
              InstanceMetrics.path(id),
              InstanceMetrics.ACTION,
              HttpDswClient.VERSION,
              new TreeMap<>(query)));
    }
  }

  static Map<String, String> bareStep(Map<String, String> window) {
    Map<String, String> q = new TreeMap<>(window);
    q.put("TimeStep", "15");
    return q;
  }

  static final String FLEET =
      """
      [{"InstanceId":"dsw-busy","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1"},"EmulatorUsage":"busy"},
       {"InstanceId":"dsw-cpu","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"CPU":"4"},"EmulatorUsage":"idle"},
       {"InstanceId":"dsw-none","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1"},"EmulatorUsage":"nodata"},
       {"InstanceId":"dsw-pods","Status":"Running","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1"},"EmulatorUsage":"pods"},
       {"InstanceId":"dsw-off","Status":"Stopped","GmtCreateTime":"2026-01-01T00:00:00Z",
        "RequestedResource":{"GPU":"1"},"EmulatorUsage":"busy"}]
      """;

  @Test
  void theEmulatorServesTheSpecsShapeFromEachProfile() throws Exception {
    try (EmulatorServer server = emulator(FLEET)) {
      Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      Map<String, String> window = new TreeMap<>();
      window.put("MetricType", "GpuCoreUsage");
      window.put("TimeStep", "15m");
      window.put("StartTime", hour.minus(Duration.ofHours(1)).toString());
      window.put("EndTime", hour.toString());
      JsonNode busy = Json.MAPPER.readTree(raw(server, "dsw-busy", window).body());
      assertThat(busy.get("Success").asBoolean()).isTrue();
      assertThat(busy.get("InstanceId").asText()).isEqualTo("dsw-busy");
      JsonNode points = busy.get("PodMetrics").get(0).get("Metrics");
      // the hour before the last full hour, every 15 minutes, both ends: 5 points
      assertThat(points).hasSize(5);
      assertThat(points.get(0).get("Time").asLong())
          .isEqualTo(hour.minus(Duration.ofHours(1)).getEpochSecond());
      points.forEach(p -> assertThat(p.get("Value").asDouble()).isBetween(60.0, 95.0));
      // TimeStep as a bare number of minutes reads the same
      assertThat(
              Json.MAPPER
                  .readTree(raw(server, "dsw-busy", bareStep(window)).body())
                  .get("PodMetrics")
                  .get(0)
                  .get("Metrics"))
          .isEqualTo(points);
      JsonNode cpuGpu =
          Json.MAPPER.readTree(raw(server, "dsw-cpu", Map.of("MetricType", "GpuCoreUsage")).body());
      assertThat(cpuGpu.get("PodMetrics")).hasSize(1);
      assertThat(cpuGpu.get("PodMetrics").get(0).get("Metrics")).isEmpty();
      JsonNode cpu =
          Json.MAPPER.readTree(raw(server, "dsw-cpu", Map.of("MetricType", "CpuCoreUsage")).body());
      cpu.get("PodMetrics")
          .get(0)
          .get("Metrics")
          .forEach(p -> assertThat(p.get("Value").asDouble()).isLessThan(5));
      assertThat(
              Json.MAPPER
                  .readTree(raw(server, "dsw-none", Map.of("MetricType", "CpuCoreUsage")).body())
                  .get("PodMetrics"))
          .isEmpty();
      JsonNode pods =
          Json.MAPPER.readTree(
              raw(server, "dsw-pods", Map.of("MetricType", "CpuCoreUsage")).body());
      assertThat(pods.get("PodMetrics")).hasSize(2);
      assertThat(pods.get("PodMetrics").get(0).get("PodId").asText())
          .isNotEqualTo(pods.get("PodMetrics").get(1).get("PodId").asText());
      assertThat(
              Json.MAPPER
                  .readTree(raw(server, "dsw-off", Map.of("MetricType", "CpuCoreUsage")).body())
                  .get("PodMetrics")
                  .get(0)
                  .get("Metrics"))
          .as("no points while Stopped")
          .isEmpty();
    }
  }

  @Test
  void theEmulatorRefusesWhatTheSpecSaysItRefuses() throws Exception {
    try (EmulatorServer server = emulator(FLEET)) {
      HttpResponse missing = raw(server, "dsw-busy", Map.of());
      assertThat(missing.status()).isEqualTo(400);
      JsonNode error = Json.MAPPER.readTree(missing.body());
      assertThat(error.get("Code").asText()).isEqualTo("ValidationError");
      assertThat(error.get("Success").asBoolean()).isFalse();
      assertThat(error.get("HttpStatusCode").asInt()).isEqualTo(400);
      assertThat(raw(server, "dsw-busy", Map.of("MetricType", "GpuTemperature")).status())
          .isEqualTo(400);
      assertThat(
              raw(
                      server,
                      "dsw-busy",
                      Map.of("MetricType", "CpuCoreUsage", "StartTime", "yesterday"))
                  .status())
          .isEqualTo(400);
      assertThat(
              raw(
                      server,
                      "dsw-busy",
                      Map.of(
                          "MetricType",
                          "CpuCoreUsage",
                          "StartTime",
                          "2026-11-20T00:00:00Z",
                          "TimeStep",
                          "1m"))
                  .status())
          .as("more than 1,440 points")
          .isEqualTo(400);
      HttpResponse unknown = raw(server, "dsw-nothere", Map.of("MetricType", "CpuCoreUsage"));
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(Json.MAPPER.readTree(unknown.body()).get("HttpStatusCode").asInt()).isEqualTo(404);
      // dsw's client turns them into the typed errors
      try (HttpDswClient client = Emulators.client(server, 0)) {
        assertThatThrownBy(
                () ->
                    client.instanceMetrics(
                        "dsw-nothere",
                        MetricType.CpuCoreUsage,
                        NOW.minus(Duration.ofHours(1)),
                        NOW,
                        Duration.ofMinutes(1)))
            .isInstanceOf(ApiException.class)
            .hasMessageContaining("404");
      }
    }
  }
}
