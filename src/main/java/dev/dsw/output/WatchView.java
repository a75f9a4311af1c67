package dev.dsw.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What list --watch shows after each poll: on a terminal that moves its cursor the table redrawn
 * under a line of changes; piped or under TERM=dumb, the first table and then one line per change;
 * with -o jsonl one JSON object per change (the first poll reports every instance as ADDED).
 */
public final class WatchView {
  /** One change between two polls. */
  public record Change(String event, Instance instance, String previousStatus) {}

  private final OutputSpec spec;
  private final Format format;
  private final Duration every;
  private final boolean redraws;
  private int polls;

  /** {@code redraws}: stdout is a terminal that clears and moves its cursor (not TERM=dumb). */
  public WatchView(OutputSpec spec, Format format, Duration every, boolean redraws) {
    if (!format.watchable()) {
      throw new IllegalArgumentException("-o " + format + " cannot be watched");
    }
    this.spec = spec;
    this.format = format;
    this.every = every;
    this.redraws = redraws;
  }

  /** Added and status-changed instances in the order of the new poll, then the removed ones. */
  public static List<Change> diff(Map<String, Instance> before, Map<String, Instance> after) {
    List<Change> out = new ArrayList<>();
    for (Map.Entry<String, Instance> e : after.entrySet()) {
      Instance old = before == null ? null : before.get(e.getKey());
      if (old == null) {
        out.add(new Change("ADDED", e.getValue(), null));
      } else if (!old.text("Status").equals(e.getValue().text("Status"))) {
        out.add(new Change("STATUS", e.getValue(), old.text("Status")));
      }
    }
    if (before != null) {
      for (Map.Entry<String, Instance> e : before.entrySet()) {
        if (!after.containsKey(e.getKey())) {
          out.add(new Change("REMOVED", e.getValue(), null));
        }
      }
    }
    return out;
  }

  /**
   * Shows one poll: the fleet as it is now and what changed since {@code before} (null: first
   * poll).
   */
  public void show(Map<String, Instance> before, Map<String, Instance> now, Instant time) {
    polls++;
    List<Change> changes = diff(before, now);
    if (format == Format.jsonl) {
      events(changes, time);
    } else if (redraws) {
      redraw(now, changes, time);
    } else if (before == null) {
      table(now);
    } else {
      lines(changes, time);
    }
    spec.out().flush();
  }

  private void events(List<Change> changes, Instant time) {
    for (Change c : changes) {
      ObjectNode event = JsonText.NODES.objectNode();
      event.put("Time", time.toString());
      event.put("Event", c.event());
      event.put("InstanceId", c.instance().id());
      event.put("InstanceName", c.instance().text("InstanceName"));
      event.put("Status", c.instance().text("Status"));
      if (c.previousStatus() != null) {
        event.put("PreviousStatus", c.previousStatus());
      }
      if (!c.instance().text("RegionId").isEmpty()) {
        event.put("RegionId", c.instance().text("RegionId"));
      }
      event.set("Instance", Secrets.apply(c.instance(), spec.showSecrets()).raw());
      spec.out().println(JsonText.toString(event));
    }
  }

  private void redraw(Map<String, Instance> now, List<Change> changes, Instant time) {
    PrintStream out = spec.out();
    out.print(Style.CLEAR_SCREEN);
    long added = changes.stream().filter(c -> c.event().equals("ADDED")).count();
    long removed = changes.stream().filter(c -> c.event().equals("REMOVED")).count();
    long status = changes.stream().filter(c -> c.event().equals("STATUS")).count();
    out.println(
        "Every "
            + every.toSeconds()
            + "s · "
            + time.toString().replace('T', ' ')
            + " · "
            + now.size()
            + " instances"
            + (polls > 1
                ? " · " + added + " added, " + removed + " removed, " + status + " changed status"
                : "")
            + " · Ctrl-C to stop");
    if (polls > 1) {
      changes.stream().limit(5).forEach(c -> out.println("  " + describe(c)));
      if (changes.size() > 5) {
        out.println("  … and " + (changes.size() - 5) + " more");
      }
    }
    out.println();
    table(now);
  }

  private void table(Map<String, Instance> now) {
    Formatter f = Format.table.formatter(spec);
    f.begin();
    now.values().forEach(f::row);
    f.end();
  }

  private void lines(List<Change> changes, Instant time) {
    for (Change c : changes) {
      spec.out().println(time + "  " + describe(c));
    }
  }

  private static String describe(Change c) {
    Instance i = c.instance();
    String region = i.text("RegionId").isEmpty() ? "" : " [" + i.text("RegionId") + "]";
    String what =
        c.event().equals("STATUS")
            ? c.previousStatus() + " → " + i.text("Status")
            : i.text("Status");
    // every part may come from the server: the whole line is made inert
    return dev.dsw.model.Inert.printable(
        String.format(
            "%-7s %s  %s%s  %s", c.event(), i.id(), i.text("InstanceName"), region, what));
  }

  /**
   * The line above each redraw of a repeated listing (dsw top --watch) on a terminal: the screen
   * cleared, then when and how often.
   */
  public static void header(PrintStream out, Duration every, Instant time) {
    out.print(Style.CLEAR_SCREEN);
    out.println(
        "Every "
            + dev.dsw.model.Times.format(every)
            + " · "
            + time.toString().replace('T', ' ')
            + " · Ctrl-C stops");
    out.flush();
  }
}
