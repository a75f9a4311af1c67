package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.MetricType;
import java.time.Duration;
import java.time.Instant;

/**
 * The usage profiles of generated and demo instances (docs/emulator.md): deterministic series from
 * the instance ID, the metric and the time, so two runs see the same numbers.
 *
 * <ul>
 *   <li>busy: 60–95 % GPU (CPU 40–80 %);
 *   <li>bursty: mostly 2–15 %, one point in four 70–100 %;
 *   <li>idle: 0–3 % GPU, 0.5–4 % CPU, memory still held (10–35 %);
 *   <li>nodata: no pod at all;
 *   <li>gaps: busy, with about 40 % of the points missing;
 *   <li>pods: restarted half way through the window: two pods, each with half the points.
 * </ul>
 *
 * Points exist only while the instance is Running and after it was created; once
 * IdleInstanceCuller's IdleTimeInMinutes began, they are idle, as the culler says.
 */
final class Profiles {
  private Profiles() {}

  /** The profile of an instance: its EmulatorUsage field, else one picked by its ID. */
  static String of(ObjectNode instance) {
    String named = instance.path(MetricsRoute.FIELD).asText("");
    if (MetricsRoute.PROFILES.contains(named)) {
      return named;
    }
    int h = Math.floorMod(instance.path("InstanceId").asText().hashCode(), 20);
    // 7 busy, 4 bursty, 4 idle, 2 nodata, 2 gaps, 1 pods in 20
    return h < 7
        ? "busy"
        : h < 11 ? "bursty" : h < 15 ? "idle" : h < 17 ? "nodata" : h < 19 ? "gaps" : "pods";
  }

  /** Adds the instance's pods and points for this metric and window to {@code pods}. */
  static void serve(
      ArrayNode pods,
      ObjectNode instance,
      MetricType metric,
      Instant start,
      Instant end,
      Duration step,
      Instant now) {
    String id = instance.path("InstanceId").asText();
    String profile = of(instance);
    boolean gpu =
        dev.dsw.model.Metrics.number(instance.path("RequestedResource").path("GPU").asText(""))
                .signum()
            > 0;
    String podBase = id + "-" + Integer.toHexString(id.hashCode() & 0xfffff) + "-";
    if (profile.equals("nodata")) {
      return;
    }
    if (metric.gpuOnly() && !gpu) {
      MetricsRoute.pod(pods, podBase + "a");
      return;
    }
    ArrayNode first = MetricsRoute.pod(pods, podBase + "a");
    ArrayNode second = profile.equals("pods") ? MetricsRoute.pod(pods, podBase + "b") : null;
    if (!instance.path("Status").asText().equals("Running")) {
      return;
    }
    Instant created = created(instance);
    long minutes = instance.path("IdleInstanceCuller").path("IdleTimeInMinutes").asLong(-1);
    long idleSince =
        minutes >= 0 ? now.minus(Duration.ofMinutes(minutes)).getEpochSecond() : Long.MAX_VALUE;
    long s = step.toSeconds();
    long mid = (start.getEpochSecond() + end.getEpochSecond()) / 2;
    for (long t = ceil(start.getEpochSecond(), s); t <= end.getEpochSecond(); t += s) {
      if (t < created.getEpochSecond() || t > now.getEpochSecond()) {
        continue;
      }
      double r = unit(id, metric, t);
      if (profile.equals("gaps") && unit(id, null, t) < 0.4) {
        continue;
      }
      String shape = t >= idleSince ? "idle" : profile;
      double v = value(shape, metric, r, t / s);
      (second != null && t >= mid ? second : first).addObject().put("Time", t).put("Value", v);
    }
  }

  private static double value(String shape, MetricType m, double r, long k) {
    boolean memory = m == MetricType.GpuMemoryUsage || m == MetricType.MemoryUsage;
    double percent =
        switch (shape) {
          case "idle" ->
              memory ? 10 + 25 * r : m == MetricType.CpuCoreUsage ? 0.5 + 3.5 * r : 3 * r;
          case "bursty" -> Math.floorMod(k, 4) == 0 ? 70 + 30 * r : 2 + 13 * r;
          default -> m.gpuOnly() || memory ? 60 + 35 * r : 40 + 40 * r;
        };
    double value = m.percent() ? percent : percent * 200_000; // rates: bytes a second
    return Math.round(value * 1000) / 1000.0;
  }

  /** A number in [0, 1) from the ID, metric and time: the same on every run. */
  private static double unit(String id, MetricType m, long t) {
    long h =
        id.hashCode() * 0x9E3779B97F4A7C15L
            + (m == null ? 7 : m.ordinal() + 11) * 0xBF58476D1CE4E5B9L
            + t;
    h ^= h >>> 31;
    h *= 0x94D049BB133111EBL;
    h ^= h >>> 29;
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long ceil(long t, long step) {
    return Math.floorDiv(t + step - 1, step) * step;
  }

  private static Instant created(ObjectNode instance) {
    try {
      return Instant.parse(instance.path("GmtCreateTime").asText());
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
