package dev.dsw.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.api.ApiException;
import dev.dsw.api.IncompleteResultException;
import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.MalformedResponseException;
import dev.dsw.api.NetworkException;
import dev.dsw.api.Pages;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import dev.dsw.output.Format;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import dev.dsw.output.Secrets;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * list --watch: polls every interval and shows what changed since the last poll: instances
 * added, removed, or with a new status. On a terminal the table is redrawn under a line of
 * changes; piped, the first table is followed by one line per change; with -o jsonl each change
 * is one JSON object (the first poll reports every instance as ADDED). A failed poll after the
 * first is a warning and the next poll tries again. Ctrl-C ends it with exit 0.
 */
final class Watch {
  /** One change between two polls. */
  record Change(String event, Instance instance, String previousStatus) {}

  private final Services services;
  private final OutputOptions output;
  private final Format format;
  private final Duration every;

  Watch(Services services, OutputOptions output, Format format, Duration every) {
    this.services = services;
    this.output = output;
    this.format = format;
    this.every = every;
  }

  int run(ListInstancesQuery query, Pages.Options paging, FilterOptions filters) {
    Console console = services.console();
    InstanceColumns known = new InstanceColumns(services.clock());
    Predicate<Instance> where = filters.where(known, services.clock());
    boolean several = services.multiRegion();
    Map<String, Instance> previous = null;
    int polls = 0;
    services.env().catchInterrupts();
    do {
      Map<String, Instance> now = new LinkedHashMap<>();
      try {
        Fetch fetch = new Fetch(services);
        fetch.all(query, paging, where, i -> now.put(i.text("RegionId") + "/" + i.id(), i));
        fetch.complete(); // a region missing from one poll must not read as its instances removed
      } catch (ApiException | NetworkException | MalformedResponseException | IncompleteResultException e) {
        if (previous == null) {
          throw e;
        }
        console.warn("poll failed, trying again in " + every.toSeconds() + "s: " + Failure.describe(e).message());
        continue;
      }
      polls++;
      List<Change> changes = diff(previous, now);
      OutputSpec spec = output.spec(console, known, format, several);
      if (format == Format.jsonl) {
        events(console.out(), changes, spec.showSecrets());
      } else if (console.isTty()) {
        redraw(console, spec, now, changes, polls);
      } else if (previous == null) {
        table(spec, now);
      } else {
        lines(console.out(), changes);
      }
      console.out().flush();
      OutputClosedException.check(services.env()); // `dsw list --watch | head` ends when head does
      previous = now;
    } while (!services.env().pause(every));
    return ExitCodes.OK;
  }

  /** Added and status-changed instances in the order of the new poll, then the removed ones. */
  static List<Change> diff(Map<String, Instance> before, Map<String, Instance> after) {
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

  private void events(PrintStream out, List<Change> changes, boolean showSecrets) {
    String time = now().toString();
    for (Change c : changes) {
      ObjectNode event = JsonText.NODES.objectNode();
      event.put("Time", time);
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
      event.set("Instance", showSecrets ? c.instance().raw() : Secrets.masked(c.instance().raw()));
      out.println(JsonText.toString(event));
    }
  }

  private void redraw(Console console, OutputSpec spec, Map<String, Instance> now, List<Change> changes, int polls) {
    PrintStream out = console.out();
    out.print("\u001b[H\u001b[2J");
    long added = changes.stream().filter(c -> c.event().equals("ADDED")).count();
    long removed = changes.stream().filter(c -> c.event().equals("REMOVED")).count();
    long status = changes.stream().filter(c -> c.event().equals("STATUS")).count();
    out.println("Every " + every.toSeconds() + "s · " + now().toString().replace('T', ' ') + " · " + now.size()
        + " instances" + (polls > 1 ? " · " + added + " added, " + removed + " removed, " + status + " changed status" : "")
        + " · Ctrl-C to stop");
    if (polls > 1) {
      changes.stream().limit(5).forEach(c -> out.println("  " + describe(c)));
      if (changes.size() > 5) {
        out.println("  … and " + (changes.size() - 5) + " more");
      }
    }
    out.println();
    table(spec, now);
  }

  private static void table(OutputSpec spec, Map<String, Instance> now) {
    dev.dsw.output.Formatter f = Format.table.formatter(spec);
    f.begin();
    now.values().forEach(f::row);
    f.end();
  }

  private void lines(PrintStream out, List<Change> changes) {
    String time = now().toString();
    for (Change c : changes) {
      out.println(time + "  " + describe(c));
    }
  }

  private static String describe(Change c) {
    Instance i = c.instance();
    String region = i.text("RegionId").isEmpty() ? "" : " [" + i.text("RegionId") + "]";
    String what = switch (c.event()) {
      case "STATUS" -> c.previousStatus() + " → " + i.text("Status");
      default -> i.text("Status");
    };
    return String.format("%-7s %s  %s%s  %s", c.event(), i.id(), dev.dsw.output.Text.printable(i.text("InstanceName")),
        region, what);
  }

  private Instant now() {
    return services.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
