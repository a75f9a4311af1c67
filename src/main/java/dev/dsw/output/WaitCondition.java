package dev.dsw.output;

import dev.dsw.model.Instance;
import dev.dsw.model.InstanceStatus;
import dev.dsw.model.Spelling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What dsw wait waits for, and what ends it early: {@code --for Status=A[,B]} (the instance is in
 * one of these statuses) or {@code --for deleted} (it is no longer listed); for all the instances
 * (default) or any one ({@code --any}). A terminal failure (Failed, SaveFailed, the arrears states
 * ArrearStopping and Arrearge, or a --fail-on status) ends the wait at once, unless the condition
 * asks for that very status.
 */
public final class WaitCondition {
  /** The statuses no instance leaves by itself on the way to Running. */
  public static final Set<String> TERMINAL =
      Set.of("Failed", "SaveFailed", "ArrearStopping", "Arrearge");

  /** A --for value that is not one of the forms. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  private final Set<String> statuses;
  private final boolean deleted;
  private final boolean any;
  private final Set<String> failures;

  private WaitCondition(Set<String> statuses, boolean deleted, boolean any, Set<String> failures) {
    this.statuses = statuses;
    this.deleted = deleted;
    this.any = any;
    this.failures = failures;
  }

  /** Reads --for (and --fail-on); an unknown field or status is {@link Invalid}. */
  public static WaitCondition parse(String forValue, boolean any, List<String> failOn) {
    String v = forValue.trim();
    Set<String> failures = new LinkedHashSet<>(TERMINAL);
    for (String s : failOn) {
      failures.add(status("--fail-on", s));
    }
    if (v.equalsIgnoreCase("deleted") || v.equalsIgnoreCase("delete")) {
      return new WaitCondition(Set.of(), true, any, failures);
    }
    int eq = v.indexOf('=');
    if (eq < 0) {
      throw new Invalid(
          "--for " + v + ": expected Status=STATUS[,STATUS] or deleted, e.g. --for Status=Running");
    }
    String field = v.substring(0, eq).trim();
    if (!field.equalsIgnoreCase("Status")) {
      throw new Invalid(
          "--for " + v + ": dsw waits on Status (or for deleted), not on '" + field + "'");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String s : v.substring(eq + 1).replaceFirst("^=", "").split(",", -1)) {
      wanted.add(status("--for", s));
    }
    failures.removeAll(wanted); // waiting for Failed: reaching it is the goal, not a failure
    return new WaitCondition(wanted, false, any, failures);
  }

  /** Every status an instance can show: the API's 15 and the two arrears states. */
  private static final List<String> KNOWN = known();

  private static List<String> known() {
    List<String> all = new ArrayList<>();
    Arrays.stream(InstanceStatus.values()).map(Enum::name).forEach(all::add);
    all.addAll(List.of("ArrearStopping", "Arrearge"));
    return List.copyOf(all);
  }

  private static String status(String flag, String s) {
    String t = s.trim();
    for (String k : KNOWN) {
      if (k.equalsIgnoreCase(t)) {
        return k;
      }
    }
    throw new Invalid(
        flag
            + ": unknown status '"
            + dev.dsw.model.Inert.printableShort(t)
            + "'"
            + Spelling.nearest(t, KNOWN).map(n -> "; did you mean " + n + "?").orElse(""));
  }

  /** Whether one instance (null: not listed) meets the condition. */
  public boolean met(Instance i) {
    if (deleted) {
      return i == null;
    }
    return i != null && statuses.contains(i.text("Status"));
  }

  /** Whether this instance has failed for good. */
  public boolean failed(Instance i) {
    return i != null && failures.contains(i.text("Status"));
  }

  /**
   * Whether the set is done: every instance meets the condition (at least one is expected), or with
   * --any one of them does. {@code byId}: the instances asked for, null for those not listed.
   */
  public boolean done(Map<String, Instance> byId) {
    if (byId.isEmpty()) {
      return deleted; // nothing matches: deleted is met, anything else has nothing to wait on yet
    }
    long met = byId.values().stream().filter(this::met).count();
    return any ? met > 0 : met == byId.size();
  }

  /** The condition in words, e.g. "Status=Running", "deleted". */
  @Override
  public String toString() {
    return (deleted ? "deleted" : "Status=" + String.join(",", statuses)) + (any ? " (any)" : "");
  }

  /** "dsw-1 Running, dsw-2 EnvPreparing, dsw-3 not found": where each instance stands. */
  public static String state(Map<String, Instance> byId) {
    List<String> parts = new ArrayList<>();
    byId.forEach((id, i) -> parts.add(id + " " + (i == null ? "not found" : i.text("Status"))));
    return String.join(", ", parts);
  }
}
