package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A column is one entry (issue #32): a column added in one place, with its header, cell, kind and
 * group, is printed by the table, read by --where, ordered by --sort-column and grouped by summary,
 * with nothing else to edit. (A column used to be known in InstanceColumns, Where.kind,
 * TableFormatter and Summary.Key.)
 */
class ColumnRegistryTest {
  private static Instance instance(String id, String team, int gpus) throws Exception {
    return new Instance(
        (ObjectNode)
            Json.MAPPER.readTree(
                "{\"InstanceId\":\""
                    + id
                    + "\",\"Labels\":[{\"Key\":\"team\",\"Value\":\""
                    + team
                    + "\"}],\"RequestedResource\":{\"GPU\":\""
                    + gpus
                    + "\",\"CPU\":\"8\",\"Memory\":\"32\"},\"AccumulatedRunningTimeInMs\":3600000}"));
  }

  @Test
  void aColumnAddedInOnePlaceServesTheTableWhereSortAndSummary() throws Exception {
    InstanceColumns columns = new InstanceColumns(FormatterGoldenTest.CLOCK);
    // the one place: header, cell, how the table shows it, the fields it reads, how it compares,
    // how summary groups
    columns.add(
        new Column(
            "TEAM",
            i -> i.text("Labels.team"),
            Column.Table.CUT.stays(20),
            null,
            Set.of("Labels"),
            Column.Kind.TEXT,
            new Column.Group("team", "Team", i -> i.text("Labels.team"), String::toUpperCase)),
        "the team label");
    List<Instance> fleet =
        List.of(
            instance("dsw-1", "nlp", 2), instance("dsw-2", "cv", 1), instance("dsw-3", "nlp", 4));

    // the table
    assertThat(table(columns.resolve(List.of("ID", "team")), 0, fleet))
        .containsExactly("ID      TEAM", "dsw-1   nlp", "dsw-2   cv", "dsw-3   nlp");

    // the table on a narrow terminal: TEAM stays longer than NAME (its entry ranks it higher)
    assertThat(table(columns.resolve(List.of("ID", "NAME", "TEAM")), 14, fleet).get(0))
        .isEqualTo("ID      TEAM");

    // --where
    Where where = Where.parse("TEAM=nlp", columns, FormatterGoldenTest.CLOCK);
    assertThat(fleet.stream().filter(where).map(Instance::id)).containsExactly("dsw-1", "dsw-3");
    assertThat(where.fields()).containsExactly("Labels");

    // --sort-column TEAM:desc
    Order order = new Order(columns.resolve(List.of("TEAM")).get(0), true, 0);
    assertThat(order.apply(fleet).stream().map(Instance::id))
        .containsExactly("dsw-1", "dsw-3", "dsw-2");

    // summary --by team
    Column byTeam = Summary.named("TEAM", columns.groups()).orElseThrow();
    Summary summary = new Summary(List.of(byTeam));
    fleet.forEach(summary::add);
    List<Instance> rows = summary.rows();
    assertThat(rows.get(0).text("Team")).isEqualTo("nlp"); // JSON keeps the value as read
    assertThat(rows.get(0).text("Instances")).isEqualTo("2");
    assertThat(rows.get(0).text("GPU")).isEqualTo("6");
    Column first = summary.columns().get(0);
    assertThat(first.header()).isEqualTo("TEAM");
    assertThat(rows.stream().map(first::valueOf)).containsExactly("NLP", "CV", "TOTAL");
  }

  /** The lines -o table prints for these rows, at a terminal this wide (0: not a terminal). */
  private static List<String> table(List<Column> columns, int width, List<Instance> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputSpec spec =
        new OutputSpec(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            columns,
            true,
            width,
            false,
            width > 0,
            false,
            Optional.empty());
    Formatter table = Format.table.formatter(spec);
    table.begin();
    rows.forEach(table::row);
    table.end();
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void theBuiltInGroupsAreColumnsToo() {
    InstanceColumns columns = new InstanceColumns(FormatterGoldenTest.CLOCK);
    assertThat(columns.groups().keySet())
        .containsExactlyInAnyOrder(
            "status",
            "gpu-type",
            "workspace",
            "owner",
            "payment-type",
            "accelerator-type",
            "region");
    for (Column c : columns.groups().values()) {
      assertThat(columns.resolve(List.of(c.header())).get(0)).isSameAs(c);
    }
  }
}
