package dev.dsw.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.auth.PercentEncoding;
import dev.dsw.http.ApiRequest;
import dev.dsw.http.HttpResponse;
import dev.dsw.model.MetricType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * GetInstanceMetrics (get-instance-metrics.md): {@code GET /api/v2/instance/{InstanceId}/metrics}
 * (singular "instance"), V3-signed, with MetricType, StartTime and EndTime (ISO-8601 UTC to the
 * second) and TimeStep ({@code <N>m}, the documented example's form) in the query. A window longer
 * than {@link #MAX_CALL} is asked for in pieces of at most that much, and their points joined by
 * pod and time, so a point on a boundary counts once.
 */
public final class InstanceMetrics {
  static final String ACTION = "GetInstanceMetrics";

  /** The most one call asks for (spec §4: at most 24 h, at most 1440 points a call). */
  public static final Duration MAX_CALL = Duration.ofHours(24);

  /** How far back dsw asks: the retention is not documented; CloudMonitor keeps 30 days. */
  public static final Duration MAX_WINDOW = Duration.ofDays(30);

  /** Steps dsw asks for, in minutes: the smallest that keeps a window at or under 300 points. */
  private static final int[] STEPS = {1, 5, 15, 30, 60, 180, 360, 720, 1440};

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  /** One metric of one instance over [start, end]: each pod's points, epoch second → value. */
  public record Series(
      String instanceId,
      MetricType type,
      Instant start,
      Instant end,
      Duration step,
      Map<String, NavigableMap<Long, Double>> pods) {}

  private InstanceMetrics() {}

  /** The step for a window: 1m for an hour, 5m for a day, 60m for a week. */
  public static Duration step(Duration window) {
    for (int m : STEPS) {
      if (window.toMinutes() <= 300L * m) {
        return Duration.ofMinutes(m);
      }
    }
    return Duration.ofMinutes(STEPS[STEPS.length - 1]);
  }

  /** The path of an instance's metrics, its ID percent-encoded as one segment (spec §2.1). */
  static String path(String instanceId) {
    return "/api/v2/instance/" + PercentEncoding.encode(instanceId) + "/metrics";
  }

  /** The calls that cover [start, end]: at most {@link #MAX_CALL} each, end to end. */
  static List<ApiRequest> requests(
      String baseUrl,
      String instanceId,
      MetricType type,
      Instant start,
      Instant end,
      Duration step) {
    List<ApiRequest> out = new ArrayList<>();
    Instant from = start.truncatedTo(ChronoUnit.SECONDS);
    Instant last = end.truncatedTo(ChronoUnit.SECONDS);
    do {
      Instant to = from.plus(MAX_CALL).isBefore(last) ? from.plus(MAX_CALL) : last;
      TreeMap<String, String> query = new TreeMap<>();
      query.put("MetricType", type.name());
      query.put("StartTime", ISO.format(from));
      query.put("EndTime", ISO.format(to));
      query.put("TimeStep", step.toMinutes() + "m");
      out.add(new ApiRequest(baseUrl, path(instanceId), ACTION, HttpDswClient.VERSION, query));
      from = to;
    } while (from.isBefore(last));
    return out;
  }

  /**
   * Adds one answer's points to {@code pods} (pod ID → time → value); a repeated point counts once.
   */
  static void decode(HttpResponse r, Map<String, NavigableMap<Long, Double>> pods) {
    JsonNode root = HttpDswClient.checkedRoot(r);
    String requestId = root.path("RequestId").asText(null);
    JsonNode list = root.get("PodMetrics");
    if (list == null || list.isNull()) {
      return; // no pod in the window: no data
    }
    if (!list.isArray()) {
      throw new MalformedResponseException(
          "PodMetrics in the response is not an array", requestId, null);
    }
    int k = 0;
    for (JsonNode pod : list) {
      JsonNode metrics = pod.get("Metrics");
      if (!pod.isObject() || (metrics != null && !metrics.isNull() && !metrics.isArray())) {
        throw new MalformedResponseException(
            "PodMetrics[" + k + "] is not a pod with a Metrics array", requestId, null);
      }
      String id = pod.path("PodId").asText("");
      NavigableMap<Long, Double> points = pods.computeIfAbsent(id, p -> new TreeMap<>());
      if (metrics != null) {
        for (JsonNode point : metrics) {
          JsonNode time = point.get("Time");
          JsonNode value = point.get("Value");
          if (time == null || !time.canConvertToLong() || value == null || !value.isNumber()) {
            throw new MalformedResponseException(
                "PodMetrics[" + k + "] has a point without a numeric Time and Value",
                requestId,
                null);
          }
          points.put(time.asLong(), value.asDouble());
        }
      }
      k++;
    }
  }

  /** An empty pod map, in the order pods were first seen. */
  static Map<String, NavigableMap<Long, Double>> pods() {
    return new LinkedHashMap<>();
  }
}
