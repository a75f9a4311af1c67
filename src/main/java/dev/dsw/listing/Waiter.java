package dev.dsw.listing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.api.Fleet;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import dev.dsw.model.JsonText;
import dev.dsw.output.Format;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.Progress;
import dev.dsw.output.WaitCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * dsw wait: polls the instances named (or those the filters select) every interval until the
 * condition holds (exit 0), one of them fails for good (exit 8, naming it, its status and reason)
 * or the timeout passes (exit 7, naming every instance that missed). On a terminal a line of
 * progress is kept on stderr; -o jsonl prints one event per change as it happens; any other format
 * prints the instances as they ended. The time waited is the clock's, and at least the sum of the
 * pauses, so a wait always ends.
 */
public final class Waiter {
  private final Session services;
  private final Terminal terminal;

  public Waiter(Session services) {
    this.services = services;
    this.terminal = services.terminal();
  }

  /** The settings of one wait. {@code ids}: the instances named; empty, the filters decide. */
  public record Plan(List<String> ids, WaitCondition condition, Duration timeout, Duration every) {}

  public Listing.Ended run(Request r, Plan plan) {
    Listing listing = new Listing(services);
    Narrowing narrowed = services.narrow(r);
    dev.dsw.listing.Plan listed = listing.plan(narrowed, Report.PRINT);
    Predicate<Instance> where = listed.read();
    r = narrowed.request();
    if (services.dryRun(listed.firstPage())) {
      return Listing.Ended.DONE;
    }
    Progress progress = terminal.progress(true); // the line is kept whatever stdout is
    boolean events = r.output().format() == Format.jsonl;
    terminal.catchInterrupts();
    Instant start = services.clock().instant();
    Duration paused = Duration.ZERO;
    Map<String, Instance> previous = null;
    while (true) {
      Map<String, Instance> now;
      try {
        now = poll(listing, r, plan.ids(), where);
      } catch (RuntimeException e) {
        if (previous == null || !Listing.pollMayFail(e)) {
          throw e;
        }
        terminal.retrying("poll", null, e);
        now = previous;
      }
      if (events) {
        changes(previous, now);
      }
      failIfAnyFailed(r, now, plan, events, progress);
      if (plan.condition().done(now)) {
        progress.clear();
        end(r, now, "MET", plan, events);
        return Listing.Ended.DONE;
      }
      Duration waited = Duration.between(start, services.clock().instant());
      waited = waited.compareTo(paused) > 0 ? waited : paused;
      if (waited.compareTo(plan.timeout()) >= 0) {
        progress.clear();
        end(r, now, "TIMEOUT", plan, events);
        throw new Verdict(
            "timed out after "
                + dev.dsw.model.Times.interval(plan.timeout())
                + " waiting for "
                + plan.condition()
                + ": "
                + (now.isEmpty() ? "no instance matched the filters" : WaitCondition.state(now)),
            "raise --timeout, or check the instances with 'dsw get'",
            Verdict.Kind.WAIT_TIMEOUT);
      }
      progress.say(
          "waiting for "
              + plan.condition()
              + ": "
              + (now.isEmpty() ? "no instance matches yet" : WaitCondition.state(now))
              + " ("
              + dev.dsw.model.Times.interval(waited)
              + " of "
              + dev.dsw.model.Times.interval(plan.timeout())
              + ")");
      Duration left = plan.timeout().minus(waited);
      Duration pause = left.compareTo(plan.every()) < 0 ? left : plan.every();
      if (terminal.pause(pause)) {
        progress.clear();
        return Listing.Ended.INTERRUPTED;
      }
      paused = paused.plus(pause);
      previous = now;
    }
  }

  /** Ends the wait (WAIT_FAILED) when an instance reached a failed status, or a --fail-on one. */
  private void failIfAnyFailed(
      Request r, Map<String, Instance> now, Plan plan, boolean events, Progress progress) {
    for (Map.Entry<String, Instance> e : now.entrySet()) {
      if (plan.condition().failed(e.getValue())) {
        progress.clear();
        end(r, now, "FAILED", plan, events);
        Instance i = e.getValue();
        String reason = either(i.text("ReasonMessage"), i.text("ReasonCode"));
        throw new Verdict(
            e.getKey()
                + " is "
                + i.text("Status")
                + (reason.isEmpty() ? "" : ": " + reason)
                + " (waiting for "
                + plan.condition()
                + ")",
            "'dsw get " + e.getKey() + "' shows it in full",
            Verdict.Kind.WAIT_FAILED);
      }
    }
  }

  /** One poll: the named instances (null where not listed), or those the filters select. */
  private static Map<String, Instance> poll(
      Listing listing, Request r, List<String> ids, Predicate<Instance> where) {
    Map<String, Instance> now = new LinkedHashMap<>();
    ids.forEach(id -> now.put(id, null));
    Fleet fleet = listing.fleet(Progress.OFF, Fleet.Projection.ALL);
    fleet.all(r.query(), r.paging(), where, i -> now.put(i.id(), i));
    fleet.complete();
    return now;
  }

  /** -o jsonl: one line per instance that appeared, changed status or went away. */
  private void changes(Map<String, Instance> before, Map<String, Instance> now) {
    Instant time = services.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    for (Map.Entry<String, Instance> e : now.entrySet()) {
      Instance was = before == null ? null : before.get(e.getKey());
      Instance is = e.getValue();
      String from = was == null ? null : was.text("Status");
      String to = is == null ? null : is.text("Status");
      if (before != null && java.util.Objects.equals(from, to)) {
        continue;
      }
      ObjectNode event = JsonText.NODES.objectNode();
      event.put("Time", time.toString());
      event.put("Event", is == null ? (was == null ? "NOT_FOUND" : "REMOVED") : "STATUS");
      event.put("InstanceId", e.getKey());
      if (is != null) {
        event.put("Status", to);
        event.put("ReasonCode", is.text("ReasonCode"));
        event.put("ReasonMessage", is.text("ReasonMessage"));
      }
      if (from != null) {
        event.put("PreviousStatus", from);
      }
      terminal.out().println(JsonText.toString(event));
    }
    terminal.out().flush();
  }

  /** The end: a last jsonl event, or the instances as they ended in the format asked. */
  private void end(
      Request r, Map<String, Instance> now, String outcome, Plan plan, boolean events) {
    if (events) {
      ObjectNode event = JsonText.NODES.objectNode();
      event.put("Time", services.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString());
      event.put("Event", outcome);
      event.put("Condition", plan.condition().toString());
      ObjectNode statuses = event.putObject("Instances");
      now.forEach((id, i) -> statuses.put(id, i == null ? null : i.text("Status")));
      terminal.out().println(JsonText.toString(event));
      terminal.out().flush();
      return;
    }
    List<Instance> rows = new ArrayList<>();
    now.forEach(
        (id, i) -> {
          if (i != null) {
            rows.add(i);
          } else {
            ObjectNode missing = Json.MAPPER.createObjectNode();
            missing.put("InstanceId", id).put("ReasonMessage", "not found");
            rows.add(new Instance(missing));
          }
        });
    new Listing(services)
        .print(
            rows,
            new InstanceColumns(services.clock())
                .resolve(List.of("ID", "NAME", "STATUS", "ReasonCode", "ReasonMessage")),
            r.output());
  }

  private static String either(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
