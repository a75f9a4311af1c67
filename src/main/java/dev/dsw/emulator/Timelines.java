package dev.dsw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances whose status moves while the emulator runs. An instance of the fleet (generated, the
 * demo's, or one of a --data file) may carry {@code EmulatorTimeline}: a list of steps, each {@code
 * {"Status": "...", "ReasonCode": "...", "ReasonMessage": "...", "AtSeconds": n}}. Step k starts
 * {@code AtSeconds} after the emulator started, or, without it, k × --transition-step; the instance
 * shows its own Status before the first step. Fields whose names start with "Emulator" are the
 * emulator's own and are never served.
 */
final class Timelines {
  static final String FIELD = "EmulatorTimeline";

  private final Clock clock;
  private final Instant start;
  private final Duration step;

  /** The instance as served at each step, by the stored instance: identity stays stable. */
  private final Map<ObjectNode, Map<Integer, ObjectNode>> served = new IdentityHashMap<>();

  private List<ObjectNode> lastFleet;
  private List<Integer> lastSteps;
  private List<ObjectNode> lastServed;

  Timelines(Clock clock, Duration step) {
    this.clock = clock;
    this.start = clock.instant();
    this.step = step;
  }

  /**
   * The fleet as it stands now: each instance with a timeline at its current step. The same list
   * (by identity) while no step changes, so the emulator's selection cache still holds.
   */
  synchronized List<ObjectNode> now(List<ObjectNode> fleet) {
    long elapsedMs = Duration.between(start, clock.instant()).toMillis();
    List<Integer> steps = new ArrayList<>();
    boolean any = false;
    for (ObjectNode i : fleet) {
      JsonNode timeline = i.get(FIELD);
      int k = timeline == null || !timeline.isArray() ? -1 : current(timeline, elapsedMs);
      any |= timeline != null;
      steps.add(k);
    }
    if (!any) {
      return fleet;
    }
    if (fleet == lastFleet && steps.equals(lastSteps)) {
      return lastServed;
    }
    List<ObjectNode> out = new ArrayList<>(fleet.size());
    for (int n = 0; n < fleet.size(); n++) {
      ObjectNode i = fleet.get(n);
      int k = steps.get(n);
      out.add(
          k < 0
              ? i
              : served
                  .computeIfAbsent(i, x -> new java.util.HashMap<>())
                  .computeIfAbsent(k, x -> at(i, x)));
    }
    lastFleet = fleet;
    lastSteps = steps;
    lastServed = List.copyOf(out);
    return lastServed;
  }

  /** The index of the step in force after elapsedMs, or -1 before the first. */
  private int current(JsonNode timeline, long elapsedMs) {
    int k = -1;
    for (int s = 0; s < timeline.size(); s++) {
      JsonNode at = timeline.get(s).get("AtSeconds");
      long startsMs =
          at != null && at.canConvertToLong() ? at.asLong() * 1000 : (s + 1) * step.toMillis();
      if (elapsedMs >= startsMs) {
        k = s;
      }
    }
    return k;
  }

  private static ObjectNode at(ObjectNode i, int k) {
    ObjectNode copy = i.deepCopy();
    JsonNode s = i.get(FIELD).get(k);
    copy.put("Status", s.path("Status").asText(i.path("Status").asText()));
    copy.put("ReasonCode", s.path("ReasonCode").asText(""));
    copy.put("ReasonMessage", s.path("ReasonMessage").asText(""));
    return copy;
  }

  /** The instance without the emulator's own fields, as it is served. */
  static ObjectNode served(ObjectNode i) {
    boolean own = false;
    for (java.util.Iterator<String> it = i.fieldNames(); it.hasNext(); ) {
      own |= it.next().startsWith("Emulator");
    }
    if (!own) {
      return i;
    }
    ObjectNode copy = i.deepCopy();
    copy.properties().removeIf(e -> e.getKey().startsWith("Emulator"));
    return copy;
  }
}
