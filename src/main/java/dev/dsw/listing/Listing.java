package dev.dsw.listing;

import dev.dsw.api.ApiException;
import dev.dsw.api.Fleet;
import dev.dsw.api.IncompleteResultException;
import dev.dsw.api.InvalidQueryException;
import dev.dsw.api.MalformedResponseException;
import dev.dsw.api.NetworkException;
import dev.dsw.model.Instance;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.Order;
import dev.dsw.output.OutputSpec;
import dev.dsw.output.Progress;
import dev.dsw.output.WatchView;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one listing pipeline, read top to bottom: narrow and {@link Plan} (every decision, no I/O),
 * fetch (the fleet page by page, one page, or several scopes), filter (--where), report (the
 * command's {@link Report}), format; then what follows the output (the empty answer, the report's
 * verdict, the completion cache). What the terminal hears leaves through {@link Terminal}; what the
 * run provides comes from the {@link Session}. Every listing command runs through here.
 */
public final class Listing {
  /** How a listing ended: its output complete, or ended by Ctrl-C (how a watch ends). */
  public enum Ended {
    DONE,
    INTERRUPTED
  }

  private final Session session;
  private final Terminal terminal;
  private final InstanceColumns known;

  public Listing(Session session) {
    this.session = session;
    this.terminal = session.terminal();
    this.known = new InstanceColumns(session.clock());
  }

  /** Runs one listing through the report (failures are thrown). */
  public Ended run(Request asked, Report report) {
    if (asked.output().columnHelp()) {
      known.printHelp(terminal.out());
      return Ended.DONE;
    }
    // narrow and plan: every decision, before anything is sent
    Narrowing narrowed = session.narrow(asked);
    Plan plan = plan(narrowed, report);
    Request r = narrowed.request();
    plan.warnings().forEach(terminal::warn);
    if (session.dryRun(plan.firstPage())) {
      return Ended.DONE;
    }
    // fetch, filter, report, format
    Progress progress = terminal.progress(plan.held() > 0);
    session.lookUpAccounts(plan.lookUpAccounts());
    Fleet fleet = fleet(progress, plan.projection());
    OutputSpec spec = spec(r.output(), plan.columns(), plan.order());
    Format f = r.output().format();
    Formatter format = r.transform() == null ? f.formatter(spec) : f.queried(spec, r.transform());
    Counted out = new Counted(format, Plan.all(plan.late()));
    Terminal.Seen seen = plan.keepIds() ? terminal.seen() : Terminal.Seen.NONE;
    out.begin();
    Consumer<Instance> sink =
        i -> {
          if (++out.passed == plan.held()) {
            progress.stop(); // the table starts printing: the line would interleave with it
          }
          report.add(i, out);
          seen.record(i);
          terminal.checkOpen(); // stop fetching what no one will read
        };
    try {
      if (r.page() != null) {
        fleet.single(r.query(), r.page(), r.paging().pageSize(), plan.read(), sink);
      } else {
        fleet.all(r.query(), plan.paging(), plan.read(), sink);
      }
    } catch (RuntimeException e) {
      out.abort(); // what was fetched stays where the format can hold it (json: closed)
      throw e;
    }
    report.finish(out);
    out.end();
    fleet.complete();
    // what follows the output: the empty answer, the report's verdict, the kept IDs
    after(narrowed, report, out.rows, seen);
    return Ended.DONE;
  }

  /** The plan of this listing: every decision, before any I/O. */
  Plan plan(Narrowing narrowed, Report report) {
    Plan.Facts facts =
        new Plan.Facts(
            !session.profiles().isEmpty(),
            session.scopes().stream().anyMatch(scope -> !scope.endsWith("@")),
            session.multiScope(),
            terminal.isTty());
    return Plan.of(narrowed, report, known, facts, session.clock());
  }

  /**
   * After the output: owner names nobody had, the empty answer and its likely cause, the report's
   * verdict, the completion cache.
   */
  private void after(Narrowing narrowed, Report report, int rows, Terminal.Seen seen) {
    narrowed.written().accept(rows);
    if (rows == 0) {
      String empty =
          report.emptyAnswer(
              () ->
                  nothingMatched(narrowed.request(), narrowed.clientSide())
                      + LikelyCause.of(narrowed.request().query(), session));
      if (empty != null) {
        terminal.info(empty); // stdout stays what the format prescribes ([] for json)
      }
    }
    report.check();
    seen.save();
  }

  /** The formatter a report writes to: it keeps the rows a late --where passes, and counts them. */
  private static final class Counted implements Formatter {
    private final Formatter out;
    private final Predicate<Instance> keep;
    int passed; // instances the pages passed to the report
    int rows; // rows written

    Counted(Formatter out, Predicate<Instance> keep) {
      this.out = out;
      this.keep = keep;
    }

    @Override
    public void begin() {
      out.begin();
    }

    @Override
    public void row(Instance instance) {
      if (keep.test(instance)) {
        rows++;
        out.row(instance);
      }
    }

    @Override
    public void end() {
      out.end();
    }

    @Override
    public void abort() {
      out.abort();
    }
  }

  /** Prints rows of the command's own (dsw audit --checks): no request, no paging. */
  public Ended print(List<Instance> rows, List<Column> columns, Output o) {
    Formatter formatter = o.format().formatter(spec(o, columns, Optional.empty()));
    formatter.begin();
    rows.forEach(formatter::row);
    formatter.end();
    return Ended.DONE;
  }

  /**
   * The line an empty answer gets on stderr, as kubectl's "No resources found": what was asked of
   * the server and what the client filtered, so a filter that matched nothing can be spotted.
   */
  static String nothingMatched(Request r, List<String> narrowedByDsw) {
    List<String> server = new ArrayList<>();
    r.query().filters().forEach((k, v) -> server.add(k + "=" + v));
    List<String> tested = new ArrayList<>(narrowedByDsw);
    tested.addAll(r.where());
    String client = String.join(" and ", tested);
    return "no instances match"
        + (server.isEmpty() ? "" : " (server: " + String.join(", ", server) + ")")
        + (client.isEmpty() ? "" : " (client: " + client + ")")
        + (server.isEmpty() && client.isEmpty() ? " in this workspace and region" : "");
  }

  /**
   * list --watch: polls every {@code every} and shows what changed (see {@link WatchView}). A
   * failed poll after the first is a warning and the next poll tries again; Ctrl-C ends it, and
   * only it.
   */
  public Ended watch(Request asked, Duration every) {
    refuseTransform(asked);
    if (!asked.output().format().watchable()) {
      throw new InvalidQueryException(
          "--watch works with -o table, wide or jsonl (got -o " + asked.output().format() + ")");
    }
    Narrowing narrowed = session.narrow(asked);
    Plan plan = plan(narrowed, Report.PRINT);
    Request r = narrowed.request();
    plan.warnings().forEach(terminal::warn);
    if (session.dryRun(plan.firstPage())) {
      return Ended.DONE;
    }
    WatchView view =
        new WatchView(
            spec(r.output(), plan.columns(), Optional.empty()),
            r.output().format(),
            every,
            terminal.movesCursor());
    Map<String, Instance> previous = null;
    terminal.catchInterrupts();
    do {
      Map<String, Instance> now = new LinkedHashMap<>();
      try {
        Fleet fleet = fleet(Progress.OFF, Fleet.Projection.ALL);
        fleet.all(
            r.query(), r.paging(), plan.read(), i -> now.put(i.text("RegionId") + "/" + i.id(), i));
        fleet.complete(); // a region missing from one poll must not read as its instances removed
      } catch (RuntimeException e) {
        if (previous == null || !pollMayFail(e)) {
          throw e;
        }
        terminal.retrying("poll", every, e);
        continue;
      }
      view.show(previous, now, session.clock().instant().truncatedTo(ChronoUnit.SECONDS));
      terminal.checkOpen(); // `dsw list --watch | head` ends when head does
      previous = now;
    } while (!terminal.pause(every));
    return Ended.INTERRUPTED;
  }

  /**
   * dsw top --watch: the listing again every {@code every}, each run whole, a new report each time;
   * a terminal is cleared before each. A failed run after the first is a warning, as is a verdict
   * (some instances not measured); Ctrl-C ends it, and only it. Without {@code every}, one run.
   */
  public Ended repeat(Request r, Supplier<Report> report, Duration every) {
    if (every == null) {
      return run(r, report.get());
    }
    refuseTransform(r);
    terminal.catchInterrupts();
    boolean first = true;
    do {
      if (terminal.movesCursor()) {
        WatchView.header(
            terminal.out(), every, session.clock().instant().truncatedTo(ChronoUnit.SECONDS));
      }
      try {
        run(r, report.get());
      } catch (Verdict v) {
        terminal.warn(v.getMessage());
      } catch (RuntimeException e) {
        if (first || !pollMayFail(e)) {
          throw e;
        }
        terminal.retrying("measuring", every, e);
      }
      terminal.checkOpen();
      first = false;
    } while (!terminal.pause(every));
    return Ended.INTERRUPTED;
  }

  /** A --query or --jq transforms a whole listing; a watch never ends one. */
  private static void refuseTransform(Request r) {
    if (r.transform() != null) {
      throw new InvalidQueryException(
          r.transform().flag() + " applies to a listing, not to --watch");
    }
  }

  /**
   * Whether a poll of a polling command (list --watch, wait) may fail and be tried again at the
   * next interval: the service, the network or a page failed. The first poll may not.
   */
  static boolean pollMayFail(RuntimeException e) {
    return e instanceof ApiException
        || e instanceof NetworkException
        || e instanceof MalformedResponseException
        || e instanceof IncompleteResultException;
  }

  /** The fleet of this run's scopes, telling the terminal its progress and failures. */
  Fleet fleet(Progress progress, Fleet.Projection projection) {
    Fleet.Listener listener =
        new Fleet.Listener() {
          @Override
          public void progress(int done, int total) {
            progress.update(done, total);
          }

          @Override
          public void finished() {
            progress.clear();
          }

          @Override
          public void warn(String message) {
            terminal.warn(message);
          }

          @Override
          public void regionFailed(String region, RuntimeException cause) {
            terminal.scopeFailed(region, cause);
          }
        };
    return new Fleet(session, session.scopes(), listener, projection);
  }

  /**
   * The output spec; the terminal decides width and colour once, here. Columns hidden to fit a
   * narrow terminal are named once a run (a watch redraws the table at every poll).
   */
  private OutputSpec spec(Output o, List<Column> columns, Optional<Order> order) {
    boolean[] told = {false};
    return OutputSpec.builder(terminal.out())
        .columns(columns)
        .headers(o.headers())
        .terminal(terminal.width(), terminal.isTty(), terminal.colour())
        .hidden(
            hidden -> {
              if (!told[0]) {
                told[0] = true;
                terminal.warn(
                    String.join(", ", hidden)
                        + " hidden to fit "
                        + terminal.width()
                        + " terminal columns; see them with -o wide, --columns "
                        + String.join(",", hidden.subList(0, Math.min(2, hidden.size())))
                        + ",… or a wider terminal");
              }
            })
        .showSecrets(o.showSecrets())
        .order(order)
        .build();
  }
}
