package dev.dsw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import dev.dsw.model.MetricType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetInstanceMetrics (get-instance-metrics.md): {@code GET /api/v2/instance/{InstanceId}/metrics}.
 *
 * <p>With {@code --metrics FILE} (a JSON object: InstanceId → MetricType → list of {@code {Time,
 * Value}}, Time in epoch seconds or ISO-8601) the points of the file inside [StartTime, EndTime]
 * are served as one pod, whatever TimeStep asks; an instance of the fleet the file does not name
 * has no data. Without a file each instance has a deterministic profile: its {@code EmulatorUsage}
 * field, else one chosen from its ID (docs/emulator.md lists them): points every TimeStep (accept
 * {@code 15m} and {@code 15}; default 15m) while the instance is Running and after it was created;
 * after the culler's IdleTimeInMinutes the points are idle, as the culler says. GPU metrics of a
 * CPU instance are a pod with no points. A missing or unknown MetricType, a time that does not
 * parse, an end before the start or more than 1,440 points is a 400 ValidationError; an unknown
 * instance a 404.
 */
final class MetricsRoute {
  /** The path, after an optional /REGION prefix: the ID is one percent-encoded segment. */
  static final Pattern PATH =
      Pattern.compile("^(?:/([a-z0-9-]+))?/api/v2/instance/([^/]+)/metrics$");

  /** The field naming an instance's profile in a data file; else the ID picks one. */
  static final String FIELD = "EmulatorUsage";

  static final List<String> PROFILES = List.of("busy", "bursty", "idle", "nodata", "gaps", "pods");

  static final int MAX_POINTS = 1440;

  /** An unknown instance: a 404 in the DSW envelope. */
  static final class NotFound extends Exception {
    private static final long serialVersionUID = 1L;

    NotFound(String id) {
      super("The instance " + id + " does not exist.");
    }
  }

  /** The series of a --metrics file: instance → metric → time → value. */
  record Source(Map<String, Map<String, NavigableMap<Long, Double>>> series) {}

  private MetricsRoute() {}

  /** Reads a --metrics file; a file that is not that shape is an InvalidOptions naming it. */
  static Source load(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new EmulatorConfig.Invalid("--metrics " + file + ": not JSON" + Json.where(e));
    } catch (IOException e) {
      throw new EmulatorConfig.Invalid(
          "--metrics " + file + ": " + dev.dsw.model.Inert.unreadable(e));
    }
    String shape = "; expected an object: InstanceId → MetricType → [{\"Time\", \"Value\"}]";
    if (root == null || !root.isObject()) {
      throw new EmulatorConfig.Invalid("--metrics " + file + ": not an object" + shape);
    }
    Map<String, Map<String, NavigableMap<Long, Double>>> series = new HashMap<>();
    for (Map.Entry<String, JsonNode> instance : root.properties()) {
      if (!instance.getValue().isObject()) {
        throw new EmulatorConfig.Invalid(
            "--metrics " + file + ": " + instance.getKey() + " is not an object" + shape);
      }
      Map<String, NavigableMap<Long, Double>> metrics = new HashMap<>();
      for (Map.Entry<String, JsonNode> metric : instance.getValue().properties()) {
        String where = "--metrics " + file + ": " + instance.getKey() + "." + metric.getKey();
        if (MetricType.parse(metric.getKey())
            .map(m -> !m.name().equals(metric.getKey()))
            .orElse(true)) {
          throw new EmulatorConfig.Invalid(where + " is not a MetricType" + shape);
        }
        if (!metric.getValue().isArray()) {
          throw new EmulatorConfig.Invalid(where + " is not a list" + shape);
        }
        NavigableMap<Long, Double> points = new TreeMap<>();
        for (JsonNode p : metric.getValue()) {
          Long time = time(p.get("Time"));
          JsonNode value = p.get("Value");
          if (time == null || value == null || !value.isNumber()) {
            throw new EmulatorConfig.Invalid(
                where + " has a point without a Time and a numeric Value" + shape);
          }
          points.put(time, value.asDouble());
        }
        metrics.put(metric.getKey(), points);
      }
      series.put(instance.getKey(), metrics);
    }
    return new Source(series);
  }

  private static Long time(JsonNode t) {
    if (t == null) {
      return null;
    }
    if (t.canConvertToLong() && t.isIntegralNumber()) {
      return t.asLong();
    }
    if (t.isTextual()) {
      try {
        return Instant.parse(t.asText()).getEpochSecond();
      } catch (DateTimeParseException e) {
        return t.asText().matches("\\d{1,12}") ? Long.parseLong(t.asText()) : null;
      }
    }
    return null;
  }

  /** The instance ID of a metrics path, decoded, or null when the path is not one. */
  static Matcher match(String rawPath) {
    Matcher m = PATH.matcher(rawPath);
    return m.matches() ? m : null;
  }

  /**
   * The answer for one instance (its current state in {@code fleet}) and query, from the file or
   * the instance's profile; {@code now} ends the default window.
   */
  static ObjectNode answer(
      String requestId,
      String id,
      Map<String, String> query,
      List<ObjectNode> fleet,
      Source source,
      Instant now)
      throws ValidationError, NotFound {
    String type = query.getOrDefault("MetricType", "");
    MetricType metric = MetricType.parse(type).filter(m -> m.name().equals(type)).orElse(null);
    if (metric == null) {
      throw new ValidationError(
          type.isEmpty()
              ? "MetricType is mandatory for this action."
              : "MetricType " + type + " is not valid.");
    }
    Duration step = step(query.get("TimeStep"));
    Instant end = instant(query, "EndTime", now);
    Instant start = instant(query, "StartTime", end.minus(Duration.ofHours(1)));
    if (end.isBefore(start)) {
      throw new ValidationError("EndTime is before StartTime.");
    }
    if (Duration.between(start, end).dividedBy(step) > MAX_POINTS) {
      throw new ValidationError(
          "The time range holds more than " + MAX_POINTS + " points of TimeStep.");
    }
    ObjectNode instance = null;
    for (ObjectNode i : fleet) {
      if (id.equals(i.path("InstanceId").asText())) {
        instance = i;
        break;
      }
    }
    boolean inFile = source != null && source.series().containsKey(id);
    if (instance == null && !inFile) {
      throw new NotFound(id);
    }
    ObjectNode out = Gateway.success(requestId);
    out.put("InstanceId", id);
    ArrayNode pods = out.putArray("PodMetrics");
    if (source != null) {
      NavigableMap<Long, Double> points =
          inFile ? source.series().get(id).get(metric.name()) : null;
      if (points != null) {
        pod(pods, id + "-0")
            .addAll(
                points(points.subMap(start.getEpochSecond(), true, end.getEpochSecond(), true)));
      }
      return out;
    }
    Profiles.serve(pods, instance, metric, start, end, step, now);
    return out;
  }

  static ArrayNode pod(ArrayNode pods, String podId) {
    ObjectNode pod = pods.addObject();
    pod.put("PodId", podId);
    return pod.putArray("Metrics");
  }

  private static ArrayNode points(NavigableMap<Long, Double> points) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    points.forEach((t, v) -> out.addObject().put("Time", t).put("Value", v));
    return out;
  }

  /** TimeStep as {@code 15m} or {@code 15} (minutes); default 15m. */
  private static Duration step(String text) throws ValidationError {
    if (text == null || text.isEmpty()) {
      return Duration.ofMinutes(15);
    }
    Matcher m = Pattern.compile("(\\d{1,4})m?").matcher(text);
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw new ValidationError("TimeStep " + text + " is not valid.");
    }
    return Duration.ofMinutes(Integer.parseInt(m.group(1)));
  }

  private static Instant instant(Map<String, String> query, String name, Instant byDefault)
      throws ValidationError {
    String text = query.get(name);
    if (text == null || text.isEmpty()) {
      return byDefault;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ValidationError(name + " " + text + " is not valid.");
    }
  }

  /**
   * Serves one call: faults and latency as for ListInstances (a truncated body included), the V3
   * signature, then {@link #answer}; a 404 InstanceNotFound in the DSW envelope for an unknown ID.
   */
  static int serve(
      Gateway gateway,
      Gateway.Call call,
      String path,
      List<ObjectNode> fleet,
      Source metrics,
      Instant now,
      String id)
      throws java.io.IOException {
    Gateway.Fault faulted = gateway.admit(call, "GET", path, "GetInstanceMetrics");
    if (faulted.status() != null) {
      return faulted.status();
    }
    ObjectNode answer;
    try {
      answer = answer(call.requestId(), id, call.query(), fleet, metrics, now);
    } catch (ValidationError e) {
      return Gateway.invalid(call, e);
    } catch (NotFound e) {
      return Gateway.dswError(call, 404, "InstanceNotFound", e.getMessage());
    }
    return Gateway.send(
        call.ex(),
        200,
        Json.MAPPER.writeValueAsBytes(answer),
        call.requestId(),
        faulted.kind() == Faults.Kind.TRUNCATE);
  }
}
