package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import dev.dsw.model.JsonText;
import dev.dsw.output.Column;
import dev.dsw.output.InstanceColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column listings read only the fields their columns need from each page. Every column must say
 * truthfully what it reads: its cell from the projected instance equals its cell from the whole
 * one.
 */
class ProjectionTest {
  @TempDir Path home;

  static final List<String> PATHS =
      List.of(
          "RequestedResource.GPUType",
          "Labels.team",
          "Tags.cost-center",
          "UserVpc.VpcId",
          "Datasets.0.Uri",
          "IdleInstanceCuller",
          "EnvironmentVariables");

  @Test
  void everyColumnReadsOnlyTheFieldsItDeclares() throws Exception {
    InstanceColumns known =
        new InstanceColumns(java.time.Clock.fixed(TestEnvironment.NOW, java.time.ZoneOffset.UTC));
    List<String> names = new ArrayList<>(known.describe().keySet());
    names.addAll(PATHS);
    List<Column> columns = known.resolve(names);
    try (EmulatorServer server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(200)
                .seed(7)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build())) {
      int checked = 0;
      for (ObjectNode whole : server.store().snapshot()) {
        for (Column c : columns) {
          assertThat(c.fields()).as(c.header()).isNotNull();
          Set<String> keep = new HashSet<>(c.fields());
          keep.add("InstanceId");
          byte[] page =
              ("{\"TotalCount\":1,\"Instances\":[" + whole + "]}").getBytes(StandardCharsets.UTF_8);
          JsonNode projected = JsonText.read(page, keep).get("Instances").get(0);
          assertThat(c.valueOf(new Instance((ObjectNode) projected)))
              .as("%s of %s", c.header(), whole.get("InstanceId"))
              .isEqualTo(c.valueOf(new Instance(whole)));
          checked++;
        }
      }
      assertThat(checked).isEqualTo(200 * columns.size());
    }
  }

  @Test
  void projectionKeepsEverythingOutsideTheInstances() throws Exception {
    String page =
        "{\"RequestId\":\"R\",\"TotalCount\":2,\"MigrationOptions\":{\"a\":{\"b\":1}},\"Instances\":["
            + "{\"InstanceId\":\"dsw-1\",\"Status\":\"Running\",\"UserVpc\":{\"VpcId\":\"v\"},\"Labels\":[{\"Key\":\"k\"}]},"
            + "{\"InstanceId\":\"dsw-2\",\"Big\":[1,[2,{\"x\":3}]]}]}";
    JsonNode root =
        JsonText.read(page.getBytes(StandardCharsets.UTF_8), Set.of("InstanceId", "Status"));
    assertThat(root.toString())
        .isEqualTo(
            "{\"RequestId\":\"R\",\"TotalCount\":2,\"MigrationOptions\":{\"a\":{\"b\":1}},"
                + "\"Instances\":[{\"InstanceId\":\"dsw-1\",\"Status\":\"Running\"},{\"InstanceId\":\"dsw-2\"}]}");
    assertThat(JsonText.read(page.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Json.MAPPER.readTree(page));
  }

  @Test
  void aProjectedCsvListingEqualsTheWholeOne() throws Exception {
    String cols =
        String.join(",", new InstanceColumns(java.time.Clock.systemUTC()).describe().keySet())
            + ","
            + String.join(",", PATHS);
    TestEnvironment csv = new TestEnvironment(home);
    assertThat(
            csv.run(
                "--demo",
                "list",
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL",
                "-o",
                "csv",
                "--columns",
                cols,
                "--where",
                "GPU>=1",
                "--sort-column",
                "IDLE_FOR:desc"))
        .as(csv.stderr())
        .isZero();
    // The same listing with whole instances (-o json prints each instance whole); format it with
    // the same columns.
    TestEnvironment json = new TestEnvironment(home);
    assertThat(
            json.run(
                "--demo",
                "list",
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL",
                "-o",
                "json",
                "--where",
                "GPU>=1",
                "--sort-column",
                "IDLE_FOR:desc"))
        .isZero();
    InstanceColumns known =
        new InstanceColumns(java.time.Clock.fixed(TestEnvironment.NOW, java.time.ZoneOffset.UTC));
    List<Column> columns = known.resolve(List.of(cols.split(",")));
    List<String> rows = csv.stdout().lines().toList();
    JsonNode all = Json.MAPPER.readTree(json.stdout());
    assertThat(rows).hasSize(1 + all.size());
    com.fasterxml.jackson.dataformat.csv.CsvMapper reader =
        new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    reader.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> parsed =
        reader.readerFor(String[].class).<String[]>readValues(csv.stdout()).readAll();
    for (int r = 0; r < all.size(); r++) {
      Instance whole = new Instance((ObjectNode) all.get(r));
      for (int c = 0; c < columns.size(); c++) {
        assertThat(parsed.get(r + 1)[c])
            .as("row %d, %s", r, columns.get(c).header())
            .isEqualTo(columns.get(c).valueOf(whole));
      }
    }
  }

  /**
   * jsonl and compact json print instances rendered while each page is read; pretty json (on a
   * terminal) writes the trees. The three agree on every instance, masked and with --show-secrets.
   */
  @Test
  void renderedInstancesEqualTheTreesWritten() throws Exception {
    for (List<String> extra :
        List.of(List.<String>of(), List.of("--show-secrets"), List.of("--where", "GPU>=1"))) {
      List<String> base =
          new ArrayList<>(List.of("--demo", "list", "--workspace", "ALL", "--resource-id", "ALL"));
      base.addAll(extra);
      TestEnvironment lines = new TestEnvironment(home);
      assertThat(lines.run(with(base, "-o", "jsonl"))).as(lines.stderr()).isZero();
      TestEnvironment compact = new TestEnvironment(home);
      assertThat(compact.run(with(base, "-o", "json"))).isZero();
      TestEnvironment pretty = new TestEnvironment(home).terminal(120);
      assertThat(pretty.run(with(base, "-o", "json"))).isZero();
      JsonNode trees = Json.MAPPER.readTree(pretty.stdout());
      assertThat(pretty.stdout())
          .startsWith("[ {\n")
          .contains("\n  \"InstanceId\" : "); // pretty: the tree path
      assertThat(trees.size()).as("instances in %s", extra).isGreaterThan(10);
      assertThat(Json.MAPPER.readTree(compact.stdout())).isEqualTo(trees);
      List<String> rows = lines.stdout().lines().toList();
      assertThat(rows).hasSize(trees.size());
      for (int i = 0; i < rows.size(); i++) {
        assertThat(Json.MAPPER.readTree(rows.get(i))).isEqualTo(trees.get(i));
      }
      boolean masked = !extra.contains("--show-secrets");
      assertThat(lines.stdout().contains("\"SecurityToken\":\"***\"")).isEqualTo(masked);
    }
  }

  private static String[] with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
