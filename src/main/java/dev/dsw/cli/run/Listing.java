package dev.dsw.cli.run;

import dev.dsw.api.ApiException;
import dev.dsw.api.Fleet;
import dev.dsw.api.IncompleteResultException;
import dev.dsw.api.MalformedResponseException;
import dev.dsw.api.NetworkException;
import dev.dsw.api.Pages;
import dev.dsw.cli.completion.CompletionCache;
import dev.dsw.cli.terminal.Console;
import dev.dsw.cli.terminal.OutputClosedException;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import dev.dsw.model.Times;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.Order;
import dev.dsw.output.OutputSpec;
import dev.dsw.output.Progress;
import dev.dsw.output.WatchView;
import dev.dsw.output.Where;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one listing pipeline: column help or dry run, else the fleet read page by page (or one page,
 * or several regions) through the --where filter into the command's {@link Report} and the chosen
 * formatter; then the completion cache. Every listing command runs through here.
 */
public final class Listing {
  /**
   * Fields kept on every instance whatever is printed: the ID (de-duplication) and what completion
   * caches.
   */
  public static final Set<String> ALWAYS =
      Set.of("InstanceId", "WorkspaceId", "RequestedResource", "RegionId");

  private final Services services;
  private final InstanceColumns known;

  public Listing(Services services) {
    this.services = services;
    this.known = new InstanceColumns(services.clock());
  }

  /** Runs one listing through the report; returns the exit code (failures are thrown). */
  public int run(Request r, Report report) {
    Console console = services.console();
    if (r.output().columnHelp()) {
      known.printHelp(console.out());
      return ExitCodes.OK;
    }
    List<Where> wheres = parse(r.where());
    Narrowing narrowed = Narrowing.of(r, services);
    r = narrowed.request();
    // a --where on what the report adds (top's usage) tests the rows it prints, the rest the pages
    List<Where> late = wheres.stream().filter(w -> touches(w, report.adds())).toList();
    Predicate<Instance> where =
        narrowed
            .filter()
            .and(all(wheres.stream().filter(w -> !touches(w, report.adds())).toList()));
    // A sort orders the whole result, so every page is fetched and the limit applies after it.
    boolean sorted = r.output().sortColumn() != null;
    Pages.Options paging = sorted ? r.paging().withLimit(0) : r.paging();
    OutputSpec spec = spec(r.output(), report, sorted ? r.paging().limit() : 0);
    Fleet.Projection projection =
        report == Report.PRINT && r.transform() == null
            ? projection(r.output().format(), spec, wheres, narrowed.owners().fields())
            : Fleet.Projection.ALL;
    if (services.dryRun(r.query().page(r.page() != null ? r.page() : 1, r.paging().pageSize()))) {
      return ExitCodes.OK;
    }
    Format format = r.output().format();
    // rows held before stdout is first written: all of them for a query, a report or a sort
    int held =
        r.transform() != null || report != Report.PRINT || spec.order().isPresent()
            ? Integer.MAX_VALUE
            : format.heldRows();
    Progress progress = progress(held > 0);
    // an account is looked up (STS, per profile) only for output that shows it
    services.lookUpAccounts(
        !format.hasColumns()
            || spec.columns().stream().anyMatch(c -> c.header().equals("ACCOUNT"))
            || wheres.stream()
                .anyMatch(w -> w.fields() == null || w.fields().contains("AccountId")));
    Fleet fleet = fleet(progress, projection);
    Counted formatter =
        new Counted(
            r.transform() == null ? format.formatter(spec) : format.queried(spec, r.transform()),
            all(late));
    // only what `get` on the same flags finds: a run over several regions or profiles keeps none
    CompletionCache cache =
        services.multiScope()
            ? null
            : new CompletionCache(services.env(), services.completionContext());
    formatter.begin();
    int[] passed = {0};
    java.util.function.Consumer<Instance> sink =
        i -> {
          if (++passed[0] == held) {
            progress.stop(); // the table starts printing: the line would interleave with it
          }
          report.add(i, formatter);
          if (cache != null) {
            cache.record(i);
          }
          OutputClosedException.check(services.env()); // stop fetching what no one will read
        };
    try {
      if (r.page() != null) {
        fleet.single(r.query(), r.page(), r.paging().pageSize(), where, sink);
      } else {
        fleet.all(r.query(), paging, where, sink);
      }
    } catch (RuntimeException e) {
      formatter.abort(); // what was fetched stays where the format can hold it (json: closed)
      throw e;
    }
    report.finish(formatter);
    formatter.end();
    fleet.complete();
    after(r, narrowed, report, formatter.rows, cache);
    return ExitCodes.OK;
  }

  /**
   * After the output: owner names nobody had, the empty answer and its likely cause, the report's
   * verdict, the completion cache.
   */
  private void after(
      Request r, Narrowing narrowed, Report report, int rows, CompletionCache cache) {
    Console console = services.console();
    narrowed.owners().check(rows, services);
    String empty =
        rows == 0
            ? report.emptyAnswer(
                () ->
                    nothingMatched(r, narrowed.clientSide()) + LikelyCause.of(r.query(), services))
            : null;
    if (empty != null) {
      console.info(empty); // stdout stays what the format prescribes ([] for json)
    }
    report.check();
    if (cache != null && !cache.save()) {
      console.debugLine("could not update the completion cache in " + cache.dir());
    }
  }

  /** Whether a --where reads one of these fields (or fields it cannot name). */
  private static boolean touches(Where w, Set<String> fields) {
    return !fields.isEmpty()
        && (w.fields() == null || w.fields().stream().anyMatch(fields::contains));
  }

  /** The formatter a report writes to: it keeps the rows a late --where passes, and counts them. */
  private static final class Counted implements Formatter {
    private final Formatter out;
    private final Predicate<Instance> keep;
    int rows;

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
  public int print(List<Instance> rows, List<Column> columns, Output o) {
    Report own =
        new Report() {
          @Override
          public List<Column> columns() {
            return columns;
          }
        };
    Formatter formatter = o.format().formatter(spec(o, own, 0));
    formatter.begin();
    rows.forEach(formatter::row);
    formatter.end();
    return ExitCodes.OK;
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
   * failed poll after the first is a warning and the next poll tries again; Ctrl-C ends it.
   */
  public int watch(Request r, Duration every) {
    if (r.transform() != null) {
      throw new UsageException(
          r.transform().flag() + " applies to a listing, not to --watch", null);
    }
    if (!r.output().format().watchable()) {
      throw new UsageException(
          "--watch works with -o table, wide or jsonl (got -o " + r.output().format() + ")", null);
    }
    Narrowing narrowed = Narrowing.of(r, services);
    Predicate<Instance> where = narrowed.filter().and(all(parse(r.where())));
    r = narrowed.request();
    OutputSpec spec = spec(r.output(), Report.PRINT, 0);
    if (services.dryRun(r.query().page(1, r.paging().pageSize()))) {
      return ExitCodes.OK;
    }
    WatchView view =
        new WatchView(spec, r.output().format(), every, services.console().movesCursor());
    Map<String, Instance> previous = null;
    services.env().catchInterrupts();
    do {
      Map<String, Instance> now = new LinkedHashMap<>();
      try {
        Fleet fleet = fleet(progress(false), Fleet.Projection.ALL);
        fleet.all(r.query(), r.paging(), where, i -> now.put(i.text("RegionId") + "/" + i.id(), i));
        fleet.complete(); // a region missing from one poll must not read as its instances removed
      } catch (RuntimeException e) {
        if (previous == null || !pollMayFail(e)) {
          throw e;
        }
        services
            .console()
            .warn(
                "poll failed, trying again in "
                    + every.toSeconds()
                    + "s: "
                    + Failure.describe(e).message());
        continue;
      }
      view.show(previous, now, services.clock().instant().truncatedTo(ChronoUnit.SECONDS));
      OutputClosedException.check(services.env()); // `dsw list --watch | head` ends when head does
      previous = now;
    } while (!services.env().pause(every));
    return ExitCodes
        .INTERRUPTED; // stopped by Ctrl-C, the only way a watch ends: 130, as a shell says
  }

  /**
   * dsw top --watch: the listing again every {@code every}, each run whole, a new report each time;
   * a terminal is cleared before each. A failed run after the first is a warning, as is a verdict
   * (some instances not measured); Ctrl-C ends it (exit 130). Without {@code every}, one run.
   */
  public int repeat(Request r, java.util.function.Supplier<Report> report, Duration every) {
    if (every == null) {
      return run(r, report.get());
    }
    if (r.transform() != null) {
      throw new UsageException(
          r.transform().flag() + " applies to a listing, not to --watch", null);
    }
    services.env().catchInterrupts();
    boolean first = true;
    do {
      if (services.console().movesCursor()) {
        WatchView.header(
            services.console().out(),
            every,
            services.clock().instant().truncatedTo(ChronoUnit.SECONDS));
      }
      try {
        run(r, report.get());
      } catch (Verdict v) {
        services.console().warn(v.getMessage());
      } catch (RuntimeException e) {
        if (first || !pollMayFail(e)) {
          throw e;
        }
        services
            .console()
            .warn(
                "measuring failed, trying again in "
                    + Times.format(every)
                    + ": "
                    + Failure.describe(e).message());
      }
      OutputClosedException.check(services.env());
      first = false;
    } while (!services.env().pause(every));
    return ExitCodes.INTERRUPTED;
  }

  /**
   * The page progress line: on stderr when it is a terminal, whatever stdout is (dsw list -o csv >
   * out.csv shows it); not while rows stream to the same terminal, where it would interleave with
   * them ({@code held}: rows are held back from stdout for a while).
   */
  private Progress progress(boolean held) {
    Console console = services.console();
    return console.progressOnStderr() && (held || !console.isTty())
        ? Progress.on(console.err())
        : Progress.OFF;
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

  Fleet fleet(Progress progress, Fleet.Projection projection) {
    Console console = services.console();
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
            console.warn(message);
          }

          @Override
          public void regionFailed(String region, RuntimeException cause) {
            console.error(Services.describe(region) + ": " + Failure.describe(cause).message());
          }
        };
    return new Fleet(services, services.scopes(), listener, projection);
  }

  /** The --where expressions, parsed once: a bad one is a usage error naming it. */
  List<Where> parse(List<String> expressions) {
    List<Where> parsed = new ArrayList<>();
    for (String e : expressions) {
      parsed.add(Where.parse(e, known, services.clock()));
    }
    return parsed;
  }

  static Predicate<Instance> all(List<Where> wheres) {
    Predicate<Instance> all = i -> true;
    for (Where w : wheres) {
      all = all.and(w);
    }
    return all;
  }

  /**
   * The output spec; the console decides width and colour once, here. With several regions a REGION
   * column goes first, unless --columns names the columns.
   */
  private OutputSpec spec(Output o, Report report, long limit) {
    Console console = services.console();
    List<Column> cols = report.columns();
    if (cols == null) {
      if (o.columns() != null && !o.format().hasColumns()) {
        console.warn(
            "--columns applies to table, wide, csv and tsv; -o "
                + o.format()
                + " prints whole instances");
      }
      List<String> names = new ArrayList<>();
      if (o.columns() != null) {
        names.addAll(o.columns());
      } else {
        if (!services.profiles().isEmpty()) {
          names.add("PROFILE");
          if (o.format() == Format.wide) {
            names.add("ACCOUNT");
          }
        }
        if (services.scopes().stream().anyMatch(scope -> !scope.endsWith("@"))) {
          names.add("REGION"); // not when one --endpoint serves every profile, region unnamed
        }
        names.addAll(o.defaults());
      }
      cols = known.resolve(names);
    }
    Optional<Order> order = Optional.ofNullable(o.sortColumn()).map(c -> order(c, limit));
    boolean[] told = {false}; // once a run: a watch redraws the table at every poll
    return OutputSpec.builder(console.out())
        .columns(cols)
        .headers(o.headers())
        .terminal(console.width(), console.isTty(), console.colour())
        .keep(o.keep())
        .hidden(
            hidden -> {
              if (!told[0]) {
                told[0] = true;
                console.warn(
                    String.join(", ", hidden)
                        + " hidden to fit "
                        + console.width()
                        + " terminal columns; see them with -o wide, --columns "
                        + String.join(",", hidden.subList(0, Math.min(2, hidden.size())))
                        + ",… or a wider terminal");
              }
            })
        .showSecrets(o.showSecrets())
        .order(order)
        .build();
  }

  private Order order(dev.dsw.output.SortColumn sort, long limit) {
    return new Order(known.resolve(List.of(sort.column())).get(0), sort.descending(), limit);
  }

  /**
   * What the pages are read for: the top-level fields the columns, --where and --sort-column read
   * (null: all, when one cannot say), and whole instances rendered as their page is read when the
   * format prints whole instances (compact json and jsonl, one region), masked unless secrets were
   * asked for.
   */
  private Fleet.Projection projection(
      Format format, OutputSpec spec, List<Where> wheres, Set<String> owners) {
    boolean rendered =
        (format == Format.jsonl || (format == Format.json && !spec.pretty()))
            && !services.multiScope();
    if (!format.hasColumns() && !rendered) {
      return Fleet.Projection.ALL;
    }
    Set<String> fields = new HashSet<>(ALWAYS);
    fields.addAll(owners);
    List<Set<String>> parts = new ArrayList<>();
    parts.add(format.hasColumns() ? Column.fieldsOf(spec.columns()) : Set.of());
    wheres.forEach(w -> parts.add(w.fields()));
    spec.order().ifPresent(o -> parts.add(o.fields()));
    for (Set<String> part : parts) {
      if (part == null) {
        return Fleet.Projection.ALL;
      }
      fields.addAll(part);
    }
    return new Fleet.Projection(fields, rendered ? render(spec) : JsonText.Render.NONE);
  }

  private static JsonText.Render render(OutputSpec spec) {
    return spec.showSecrets() ? JsonText.Render.AS_SENT : JsonText.Render.MASKED;
  }
}
