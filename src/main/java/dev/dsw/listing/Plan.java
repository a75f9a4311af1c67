package dev.dsw.listing;

import dev.dsw.api.Fleet;
import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.JsonText;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.Order;
import dev.dsw.output.Where;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every decision of one listing, taken once and before any I/O, from the request, the command's
 * report and a few facts of the run: which --where tests the pages and which the rows a report
 * prints, what is fetched (a sort fetches everything and --limit applies after it), the columns and
 * the order (and the rank of the columns a command keeps on a narrow terminal), the projection the
 * pages are read for, how many rows are held before stdout is first written, whether accounts are
 * looked up, and whether the IDs are kept for completion. A value: {@code PlanTest} checks it
 * without a terminal or a server.
 *
 * @param early the --where expressions tested on the instances read
 * @param read what each instance read must pass: the narrowing's test and {@code early}
 * @param late those on what the report adds (top's Usage): tested on the rows it prints
 * @param paging how the pages are read
 * @param firstPage the first request, as --dry-run shows it
 * @param columns the columns printed (the format's, or the report's own)
 * @param order the client-side order and the --limit after it
 * @param projection the fields the pages are read for, and whether whole instances are rendered
 * @param held rows held before stdout is first written (all of them for a sort, a report or a
 *     query)
 * @param lookUpAccounts whether each profile's account is looked up (only output that shows it)
 * @param keepIds whether the IDs printed are kept for completion (not over several scopes)
 * @param warnings what the user is told before the listing (a flag that does not apply)
 */
public record Plan(
    List<Where> early,
    Predicate<dev.dsw.model.Instance> read,
    List<Where> late,
    Pages.Options paging,
    ListInstancesQuery firstPage,
    List<Column> columns,
    Optional<Order> order,
    Fleet.Projection projection,
    int held,
    boolean lookUpAccounts,
    boolean keepIds,
    List<String> warnings) {

  /** Fields kept on every instance whatever is printed: the ID and what completion caches. */
  public static final Set<String> ALWAYS =
      Set.of("InstanceId", "WorkspaceId", "RequestedResource", "RegionId");

  /**
   * The facts of the run a plan depends on.
   *
   * @param profiles whether several profiles are read (a PROFILE column goes first)
   * @param namedRegions whether the scopes name regions (a REGION column goes first)
   * @param multiScope whether several regions or profiles are read
   * @param tty whether stdout is a terminal (json is pretty there)
   */
  public record Facts(boolean profiles, boolean namedRegions, boolean multiScope, boolean tty) {}

  /** Plans a listing; {@code narrowed} is the request after {@link Session#narrow}. */
  public static Plan of(
      Narrowing narrowed, Report report, InstanceColumns known, Facts facts, java.time.Clock c) {
    Request r = narrowed.request();
    List<Where> wheres = new ArrayList<>();
    r.where().forEach(e -> wheres.add(Where.parse(e, known, c)));
    List<Where> late = wheres.stream().filter(w -> touches(w, report.adds())).toList();
    List<Where> early = wheres.stream().filter(w -> !touches(w, report.adds())).toList();
    boolean sorted = r.output().sortColumn() != null;
    List<String> warnings = new ArrayList<>();
    List<Column> columns = columns(r.output(), report, known, facts, warnings);
    Optional<Order> order =
        Optional.ofNullable(r.output().sortColumn())
            .map(
                s ->
                    new Order(
                        known.resolve(List.of(s.column())).get(0),
                        s.descending(),
                        r.paging().limit()));
    Format format = r.output().format();
    boolean print = report == Report.PRINT && r.transform() == null;
    Fleet.Projection projection =
        print
            ? projection(r.output(), columns, order, wheres, narrowed.fields(), facts)
            : Fleet.Projection.ALL;
    int held =
        !print || order.isPresent() ? Integer.MAX_VALUE : format.heldRows(); // all, or the format's
    // an account is looked up (STS, per profile) only for output that shows, tests or sorts it
    List<Set<String>> reads = new ArrayList<>();
    columns.stream().map(Column::fields).filter(java.util.Objects::nonNull).forEach(reads::add);
    wheres.forEach(w -> reads.add(w.fields()));
    order.ifPresent(o -> reads.add(o.fields()));
    boolean accounts =
        !format.hasColumns() || reads.stream().anyMatch(f -> f == null || f.contains("AccountId"));
    return new Plan(
        early,
        narrowed.filter().and(all(early)),
        late,
        sorted ? r.paging().withLimit(0) : r.paging(),
        r.query().page(r.page() != null ? r.page() : 1, r.paging().pageSize()),
        columns,
        order,
        projection,
        held,
        accounts,
        !facts.multiScope(),
        warnings);
  }

  /** All of these tests at once. */
  public static Predicate<dev.dsw.model.Instance> all(List<Where> wheres) {
    Predicate<dev.dsw.model.Instance> all = i -> true;
    for (Where w : wheres) {
      all = all.and(w);
    }
    return all;
  }

  /** Whether a --where reads one of these fields (or fields it cannot name). */
  private static boolean touches(Where w, Set<String> fields) {
    return !fields.isEmpty()
        && (w.fields() == null || w.fields().stream().anyMatch(fields::contains));
  }

  /**
   * The columns: the report's own, else those named by --columns, else the command's defaults
   * behind a PROFILE (and in wide, ACCOUNT) column with several profiles and a REGION column with
   * several regions; those the command keeps ({@link Output#keeping}) ranked to stay longest.
   */
  private static List<Column> columns(
      Output o, Report report, InstanceColumns known, Facts facts, List<String> warnings) {
    if (report.columns() != null) {
      return report.columns();
    }
    List<Column> resolved = known.resolve(names(o, facts, warnings));
    // the columns the command keeps longest on a narrow terminal stay after every other, the first
    // last (idle: ID, IDLE_FOR, WASTE, OWNER)
    List<Column> ranked = new ArrayList<>(resolved.size());
    for (Column c : resolved) {
      int k = o.keep().indexOf(c.header());
      boolean kept = k >= 0 && c.table().stays() != Column.Table.ALWAYS;
      ranked.add(kept ? c.shown(c.table().stays(Column.Table.ALWAYS - 1 - k)) : c);
    }
    return ranked;
  }

  /** The names of the columns: --columns, else the defaults behind PROFILE, ACCOUNT, REGION. */
  private static List<String> names(Output o, Facts facts, List<String> warnings) {
    if (o.columns() != null && !o.format().hasColumns()) {
      warnings.add(
          "--columns applies to table, wide, csv and tsv; -o "
              + o.format()
              + " prints whole instances");
    }
    List<String> names = new ArrayList<>();
    if (o.columns() != null) {
      names.addAll(o.columns());
    } else {
      if (facts.profiles()) {
        names.add("PROFILE");
        if (o.format() == Format.wide) {
          names.add("ACCOUNT");
        }
      }
      if (facts.namedRegions()) {
        names.add("REGION"); // not when one --endpoint serves every profile, region unnamed
      }
      names.addAll(o.defaults());
    }
    return names;
  }

  /**
   * What the pages are read for: the top-level fields the columns, --where and --sort-column read
   * (all, when one cannot say), and whole instances rendered as their page is read when the format
   * prints whole instances (compact json and jsonl, one scope), masked unless secrets were asked
   * for.
   */
  private static Fleet.Projection projection(
      Output o,
      List<Column> columns,
      Optional<Order> order,
      List<Where> wheres,
      Set<String> narrowing,
      Facts facts) {
    Format format = o.format();
    boolean rendered =
        (format == Format.jsonl || (format == Format.json && !facts.tty())) && !facts.multiScope();
    if (!format.hasColumns() && !rendered) {
      return Fleet.Projection.ALL;
    }
    Set<String> fields = new HashSet<>(ALWAYS);
    fields.addAll(narrowing);
    List<Set<String>> parts = new ArrayList<>();
    parts.add(format.hasColumns() ? Column.fieldsOf(columns) : Set.of());
    wheres.forEach(w -> parts.add(w.fields()));
    order.ifPresent(ord -> parts.add(ord.fields()));
    for (Set<String> part : parts) {
      if (part == null) {
        return Fleet.Projection.ALL;
      }
      fields.addAll(part);
    }
    JsonText.Render render =
        !rendered
            ? JsonText.Render.NONE
            : o.showSecrets() ? JsonText.Render.AS_SENT : JsonText.Render.MASKED;
    return new Fleet.Projection(fields, render);
  }
}
