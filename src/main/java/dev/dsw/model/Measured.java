package dev.dsw.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * What dsw top and dsw idle add to an instance they measured, as JSON beside the API's fields so
 * that every format carries it: {@code Usage} (the window, and per metric Average, P95, Max,
 * Coverage and Points, or Error) and, from dsw idle, {@code Idle} (Evidence, Guard, Minutes). The
 * API's own fields are left as they came.
 */
public final class Measured {
  public static final String USAGE = "Usage";
  public static final String IDLE = "Idle";

  private Measured() {}

  /** A copy of the instance with an empty Usage object for this window and step. */
  public static Instance withWindow(Instance i, Instant start, Instant end, Duration step) {
    ObjectNode copy = i.raw().deepCopy();
    ObjectNode usage = copy.putObject(USAGE);
    usage.put("Start", start.toString());
    usage.put("End", end.toString());
    usage.put("Step", Times.format(step));
    return new Instance(copy);
  }

  /** Records one metric's statistics on an instance made by {@link #withWindow}. */
  public static void put(Instance i, MetricType m, Utilisation u) {
    ObjectNode n = usage(i).putObject(m.name());
    n.put("Points", u.points());
    n.put("Coverage", u.coverage());
    if (u.hasData()) {
      n.put("Average", u.average());
      n.put("P95", u.p95());
      n.put("Max", u.max());
    }
  }

  /** Records that one metric could not be read, and why (one line, no secret). */
  public static void failed(Instance i, MetricType m, String why) {
    usage(i).putObject(m.name()).put("Error", why);
  }

  /** Records why dsw idle lists an instance, what guards it and for how long it has been idle. */
  public static void idle(Instance i, String evidence, String guard, Duration idleFor) {
    ObjectNode n = i.raw().putObject(IDLE);
    n.put("Evidence", evidence);
    n.put("Guard", guard);
    n.put("Minutes", idleFor.toMinutes());
  }

  /** One metric's node on an instance, or null when it was not measured. */
  public static JsonNode of(Instance i, MetricType m) {
    JsonNode usage = i.raw().get(USAGE);
    return usage == null ? null : usage.get(m.name());
  }

  private static ObjectNode usage(Instance i) {
    JsonNode usage = i.raw().get(USAGE);
    if (!(usage instanceof ObjectNode o)) {
      throw new IllegalStateException("the instance has no Usage window yet");
    }
    return o;
  }
}
