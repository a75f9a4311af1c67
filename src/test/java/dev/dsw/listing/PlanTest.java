package dev.dsw.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.api.Fleet;
import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.JsonText;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.SortColumn;
import dev.dsw.output.Where;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every decision of a listing is a {@link Plan}, taken before any I/O (issue #32): these cases
 * build plans from requests and facts alone, with no terminal, no session and no server.
 */
class PlanTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  static final InstanceColumns KNOWN = new InstanceColumns(CLOCK);
  static final Plan.Facts ONE_REGION = new Plan.Facts(false, false, false, false);

  static Request request(Output o, long limit, String... where) {
    return new Request(
        ListInstancesQuery.builder().build(),
        List.of(where),
        new Pages.Options(100, 4, limit),
        null,
        o,
        null,
        null);
  }

  static Output output(Format f, List<String> columns, SortColumn sort) {
    return new Output(f, columns, List.of("ID", "NAME", "STATUS"), true, sort, false);
  }

  /** A request that nothing narrows besides --where. */
  static Narrowing unnarrowed(Request r) {
    return new Narrowing(r, i -> true, Set.of(), List.of(), rows -> {});
  }

  static Plan plan(Request r, Report report, Plan.Facts facts) {
    return Plan.of(unnarrowed(r), report, KNOWN, facts, CLOCK);
  }

  static List<String> headers(Plan p) {
    return p.columns().stream().map(Column::header).toList();
  }

  @Test
  void aSortFetchesEverythingAndCutsAfterItsOrder() {
    Plan sorted =
        plan(
            request(output(Format.csv, null, SortColumn.parse("NAME:desc")), 5),
            Report.PRINT,
            ONE_REGION);
    assertThat(sorted.paging().limit()).as("every page is read").isZero();
    assertThat(sorted.order()).isPresent();
    assertThat(sorted.order().get().limit()).isEqualTo(5);
    assertThat(sorted.order().get().descending()).isTrue();
    assertThat(sorted.held())
        .as("nothing is written before the order is known")
        .isEqualTo(Integer.MAX_VALUE);

    Plan paged = plan(request(output(Format.csv, null, null), 5), Report.PRINT, ONE_REGION);
    assertThat(paged.paging().limit()).as("the pages stop at --limit").isEqualTo(5);
    assertThat(paged.order()).isEmpty();
    assertThat(paged.held()).as("csv streams from the first row").isZero();
  }

  @Test
  void aTableHoldsItsSizingRowsAndAReportHoldsEverything() {
    Request table = request(output(Format.table, null, null), 0);
    assertThat(plan(table, Report.PRINT, ONE_REGION).held())
        .as("a table sizes its columns from the first 10,000 rows (docs/architecture.md)")
        .isEqualTo(10_000);
    Report gathering = new Report() {};
    assertThat(plan(table, gathering, ONE_REGION).held()).isEqualTo(Integer.MAX_VALUE);
    assertThat(plan(table, gathering, ONE_REGION).projection())
        .as("a report reads whole instances")
        .isEqualTo(Fleet.Projection.ALL);
  }

  @Test
  void aWhereOnWhatTheReportAddsTestsThePrintedRows() {
    Report adding =
        new Report() {
          @Override
          public Set<String> adds() {
            return Set.of(dev.dsw.model.Measured.USAGE);
          }
        };
    Plan p =
        plan(
            request(output(Format.csv, null, null), 0, "GPU_MAX<10", "STATUS=Running"),
            adding,
            ONE_REGION);
    assertThat(p.late()).extracting(Where::toString).singleElement().asString().contains("GPU_MAX");
    assertThat(p.early()).extracting(Where::toString).singleElement().asString().contains("STATUS");
  }

  @Test
  void thePagesAreReadForTheFieldsTheColumnsTheWhereAndTheOrderRead() {
    Plan p =
        plan(
            request(
                output(Format.csv, List.of("ID", "NAME"), SortColumn.parse("STATUS")), 0, "GPU>0"),
            Report.PRINT,
            ONE_REGION);
    assertThat(p.projection().fields())
        .contains("InstanceId", "InstanceName", "Status", "RequestedResource")
        .containsAll(Plan.ALWAYS)
        .doesNotContain("Labels", "UserName", "JupyterServerUrl");
    assertThat(p.projection().render()).isEqualTo(JsonText.Render.NONE);
  }

  @Test
  void wholeInstancesAreRenderedAsReadOnlyForCompactJsonFromOneScope() {
    Request jsonl = request(output(Format.jsonl, null, null), 0);
    assertThat(plan(jsonl, Report.PRINT, ONE_REGION).projection().render())
        .as("masked unless --show-secrets")
        .isEqualTo(JsonText.Render.MASKED);
    Request shown = request(new Output(Format.jsonl, null, List.of(), true, null, true), 0);
    assertThat(plan(shown, Report.PRINT, ONE_REGION).projection().render())
        .isEqualTo(JsonText.Render.AS_SENT);
    Request json = request(output(Format.json, null, null), 0);
    assertThat(plan(json, Report.PRINT, new Plan.Facts(false, false, false, true)).projection())
        .as("json on a terminal is pretty: whole instances, formatted later")
        .isEqualTo(Fleet.Projection.ALL);
    assertThat(plan(jsonl, Report.PRINT, new Plan.Facts(false, true, true, false)).projection())
        .as("several regions: instances are tagged before they are written")
        .isEqualTo(Fleet.Projection.ALL);
  }

  @Test
  void severalProfilesAndRegionsPutTheirColumnsFirstUnlessColumnsAreNamed() {
    Request wide = request(output(Format.wide, null, null), 0);
    Plan both = plan(wide, Report.PRINT, new Plan.Facts(true, true, true, false));
    assertThat(headers(both)).startsWith("PROFILE", "ACCOUNT", "REGION", "ID");
    assertThat(both.keepIds()).as("no IDs kept for completion over several scopes").isFalse();
    assertThat(both.lookUpAccounts()).as("wide shows ACCOUNT").isTrue();

    Plan table =
        plan(
            request(output(Format.table, null, null), 0),
            Report.PRINT,
            new Plan.Facts(true, false, true, false));
    assertThat(headers(table)).containsExactly("PROFILE", "ID", "NAME", "STATUS");
    assertThat(table.lookUpAccounts()).as("no column shows an account").isFalse();

    Plan named =
        plan(
            request(output(Format.table, List.of("NAME"), null), 0),
            Report.PRINT,
            new Plan.Facts(true, true, true, false));
    assertThat(headers(named)).containsExactly("NAME");

    Plan one = plan(wide, Report.PRINT, ONE_REGION);
    assertThat(headers(one)).startsWith("ID");
    assertThat(one.keepIds()).isTrue();
  }

  @Test
  void anAccountIsLookedUpForOutputThatShowsTestsOrSortsIt() {
    Plan.Facts profiles = new Plan.Facts(true, false, true, false);
    assertThat(
            plan(request(output(Format.table, null, null), 0), Report.PRINT, profiles)
                .lookUpAccounts())
        .isFalse();
    assertThat(
            plan(request(output(Format.table, null, null), 0, "ACCOUNT~12"), Report.PRINT, profiles)
                .lookUpAccounts())
        .isTrue();
    assertThat(
            plan(
                    request(output(Format.table, null, SortColumn.parse("ACCOUNT")), 0),
                    Report.PRINT,
                    profiles)
                .lookUpAccounts())
        .as("a sort by ACCOUNT needs the accounts it orders by")
        .isTrue();
  }

  @Test
  void whatIsReadPassesTheNarrowingAndTheWhereOnThePages() {
    Request r = request(output(Format.csv, null, null), 0, "STATUS=Running");
    Narrowing mine =
        new Narrowing(r, i -> i.text("UserName").equals("bob"), Set.of(), List.of(), n -> {});
    Plan p = Plan.of(mine, Report.PRINT, KNOWN, ONE_REGION, CLOCK);
    assertThat(p.read().test(instance("bob", "Running"))).isTrue();
    assertThat(p.read().test(instance("ann", "Running"))).as("the narrowing").isFalse();
    assertThat(p.read().test(instance("bob", "Stopped"))).as("the --where").isFalse();
  }

  static dev.dsw.model.Instance instance(String owner, String status) {
    com.fasterxml.jackson.databind.node.ObjectNode o = dev.dsw.model.JsonText.NODES.objectNode();
    o.put("InstanceId", "dsw-1").put("UserName", owner).put("Status", status);
    return new dev.dsw.model.Instance(o);
  }

  @Test
  void theColumnsACommandKeepsAreRankedToStayLongest() {
    Output kept = output(Format.table, null, null).keeping(List.of("STATUS", "NAME"));
    List<Column> cols = plan(request(kept, 0), Report.PRINT, ONE_REGION).columns();
    assertThat(cols).extracting(c -> c.table().stays()).first().isEqualTo(Column.Table.ALWAYS);
    int name = cols.get(1).table().stays();
    int status = cols.get(2).table().stays();
    assertThat(status).as("the first kept stays last").isGreaterThan(name);
    assertThat(name)
        .as("kept columns stay after every ranked one")
        .isGreaterThan(KNOWN.resolve(List.of("NAME")).get(0).table().stays());
    assertThat(
            plan(request(output(Format.table, null, null), 0), Report.PRINT, ONE_REGION).columns())
        .as("without a keep list, the columns' own ranks")
        .isEqualTo(KNOWN.resolve(List.of("ID", "NAME", "STATUS")));
  }

  @Test
  void columnsNamedForAFormatWithoutColumnsAreAWarningNotAnError() {
    Plan p = plan(request(output(Format.json, List.of("ID"), null), 0), Report.PRINT, ONE_REGION);
    assertThat(p.warnings())
        .containsExactly(
            "--columns applies to table, wide, csv and tsv; -o json prints whole instances");
    assertThat(p.lookUpAccounts()).as("json prints every field, AccountId too").isTrue();
  }

  @Test
  void theFirstPageIsWhatDryRunShows() {
    Request r =
        new Request(
            ListInstancesQuery.builder().build(),
            List.of(),
            new Pages.Options(25, 4, 0),
            3,
            output(Format.csv, null, null),
            null,
            null);
    ListInstancesQuery first = plan(r, Report.PRINT, ONE_REGION).firstPage();
    assertThat(first.pageNumber()).isEqualTo(3);
    assertThat(first.pageSize()).isEqualTo(25);
    assertThat(
            plan(request(output(Format.csv, null, null), 0), Report.PRINT, ONE_REGION)
                .firstPage()
                .pageNumber())
        .isEqualTo(1);
  }

  @Test
  void aBadWhereIsRefusedWhenPlanning() {
    assertThatThrownBy(
            () ->
                plan(
                    request(output(Format.csv, null, null), 0, "NOPE>>1"),
                    Report.PRINT,
                    ONE_REGION))
        .isInstanceOf(Where.SyntaxException.class);
  }
}
