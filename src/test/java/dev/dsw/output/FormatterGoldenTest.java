package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files for every format on a fixed fleet (unicode, empty and null fields, quotes, commas
 * and newlines, secrets). -Dgolden.update=true rewrites them; review the diff.
 */
public class FormatterGoldenTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final String[] SECRETS = {
    "aGFyYm9yOnNlY3JldA==",
    "wandb-secret-123",
    "jupyter-pass-456",
    "LTAI5tLeakedKey0001",
    "CAIS-leaked-token"
  };

  static List<Instance> fleet() throws IOException {
    List<Instance> out = new ArrayList<>();
    for (JsonNode n :
        Json.MAPPER.readTree(FormatterGoldenTest.class.getResourceAsStream("/fleet/golden.json"))) {
      out.add(new Instance((ObjectNode) n));
    }
    return out;
  }

  static String render(
      Format format,
      List<String> columns,
      boolean headers,
      int width,
      boolean colour,
      boolean pretty,
      boolean secrets,
      List<Instance> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    InstanceColumns known = new InstanceColumns(CLOCK);
    List<String> names =
        columns != null
            ? columns
            : format == Format.wide ? InstanceColumns.WIDE : InstanceColumns.DEFAULT;
    OutputSpec spec =
        new OutputSpec(
            out, known.resolve(names), headers, width, colour, pretty, secrets, Optional.empty());
    Formatter f = format.formatter(spec);
    f.begin();
    rows.forEach(f::row);
    f.end();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Compares with the golden file of this name (a path below src/test/resources/golden); a missing
   * file fails. -Dgolden.update=true writes it first.
   */
  public static void golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
    }
    assertThat(file).as("golden file; write it with -Dgolden.update=true and review it").exists();
    assertThat(actual).isEqualTo(Files.readString(file));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "table-piped.txt, table, 0, false",
    "table-80-colour.txt, table, 80, true",
    "table-40.txt, table, 40, false",
    "wide-piped.txt, wide, 0, false",
    "list.csv, csv, 0, false",
    "list.tsv, tsv, 0, false",
    "list.jsonl, jsonl, 0, false",
    "list-pretty.json, json, 120, true",
  })
  void everyFormatMatchesItsGoldenFile(String file, Format format, int width, boolean colour)
      throws IOException {
    String out = render(format, null, true, width, colour, width > 0, false, fleet());
    golden(file, out);
    for (String secret : SECRETS) {
      assertThat(out).doesNotContain(secret);
    }
  }

  @Test
  void fieldPathColumnsRenderNestedValuesCompactly() throws IOException {
    String out =
        render(
            Format.csv,
            List.of(
                "InstanceId",
                "RequestedResource.GPUType",
                "Labels",
                "IdleInstanceCuller.IdleTimeInMinutes",
                "EnvironmentVariables",
                "UserVpc.Missing"),
            true,
            0,
            false,
            false,
            false,
            fleet());
    golden("columns.csv", out);
    assertThat(out)
        .contains("\"[{\"\"Key\"\":\"\"team\"\",\"\"Value\"\":\"\"nlp\"\"}]\"")
        .contains("\"{\"\"WANDB_API_KEY\"\":\"\"***\"\",\"\"MODE\"\":\"\"***\"\"}\"");
  }

  @Test
  void jsonIsLosslessUnlessSecretsAndShowSecretsRevealsThem() throws IOException {
    List<Instance> fleet = fleet();
    JsonNode shown =
        Json.MAPPER.readTree(render(Format.json, null, true, 0, false, false, true, fleet));
    for (int i = 0; i < fleet.size(); i++) {
      assertThat(shown.get(i)).isEqualTo(fleet.get(i).raw());
    }
    JsonNode masked =
        Json.MAPPER.readTree(render(Format.json, null, true, 0, false, false, false, fleet));
    assertThat(masked.get(0).get("FutureField")).isEqualTo(fleet.get(0).raw().get("FutureField"));
    assertThat(masked.get(0).get("ImageAuth").asText()).isEqualTo("***");
    assertThat(masked.get(0).at("/ServiceConfig/CodeServerAuth").asText()).isEqualTo("***");
    // the role a credential injection grants is redacted too (list-instances.md §4.4)
    assertThat(masked.get(0).at("/CredentialConfig/Configs/0/Roles/0/RoleArn").asText())
        .isEqualTo("***");
    assertThat(masked.get(0).at("/CredentialConfig/Enable").asBoolean()).isTrue();
  }

  @Test
  void csvParsesBackToTheSameCells() throws IOException {
    List<Instance> fleet = fleet();
    String out =
        render(
            Format.csv,
            List.of("InstanceId", "InstanceName", "WorkspaceName"),
            false,
            0,
            false,
            false,
            false,
            fleet);
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    mapper.readerForListOf(String.class).<List<String>>readValues(out).forEachRemaining(rows::add);
    assertThat(rows).hasSize(3);
    for (int i = 0; i < fleet.size(); i++) {
      assertThat(rows.get(i))
          .containsExactly(
              fleet.get(i).text("InstanceId"),
              fleet.get(i).text("InstanceName"),
              fleet.get(i).text("WorkspaceName"));
    }
  }

  @Test
  void emptyResultPrintsHeadersOnlyOrNothingAndAnEmptyJsonArray() {
    assertThat(render(Format.csv, List.of("ID", "NAME"), true, 0, false, false, false, List.of()))
        .isEqualTo("ID,NAME\n");
    assertThat(render(Format.csv, List.of("ID", "NAME"), false, 0, false, false, false, List.of()))
        .isEmpty();
    assertThat(render(Format.table, List.of("ID", "NAME"), true, 0, false, false, false, List.of()))
        .isEqualTo("ID   NAME\n");
    assertThat(render(Format.json, null, true, 0, false, false, false, List.of()).strip())
        .isEqualTo("[]");
    assertThat(render(Format.jsonl, null, true, 0, false, false, false, List.of())).isEmpty();
  }

  @Test
  void tableFitsTheTerminalWithEllipsisAndNeverWraps() throws IOException {
    for (int width : new int[] {40, 80, 120}) {
      String out = render(Format.table, null, true, width, false, true, false, fleet());
      for (String line : out.split("\n")) {
        assertThat(Text.width(line)).as(line).isLessThanOrEqualTo(width);
      }
    }
    String narrow =
        render(Format.table, List.of("ID", "NAME", "IMAGE"), true, 50, false, true, false, fleet());
    for (String line : narrow.split("\n")) {
      assertThat(Text.width(line)).as(line).isLessThanOrEqualTo(50);
    }
    assertThat(narrow).contains("…");
    assertThat(narrow).doesNotContain("\n\n");
  }

  @Test
  void clientSideSortOrdersRowsNumerically() throws IOException {
    InstanceColumns known = new InstanceColumns(CLOCK);
    Column cpu = known.resolve(List.of("CPU")).get(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutputSpec spec =
        new OutputSpec(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            known.resolve(List.of("ID", "CPU")),
            false,
            0,
            false,
            false,
            false,
            Optional.of(new Order(cpu, false, 0)));
    Formatter f = Format.csv.formatter(spec);
    f.begin();
    fleet().forEach(f::row);
    f.end();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("dsw-g2,0.5\ndsw-g1,8\ndsw-g3,96\n");
  }

  /**
   * csv and tsv rows reach stdout's buffer one by one (so rows before a failure are printed), but
   * stdout is flushed once, at the end: a flush per row was a write(2) per row.
   */
  @Test
  void csvRowsReachStdoutAsWrittenButStdoutIsFlushedOnlyAtTheEnd() throws IOException {
    for (Format format : new Format[] {Format.csv, Format.tsv}) {
      int[] flushes = {0};
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream() {
            @Override
            public void flush() {
              flushes[0]++;
            }
          };
      InstanceColumns known = new InstanceColumns(CLOCK);
      OutputSpec spec =
          new OutputSpec(
              new PrintStream(bytes, false, StandardCharsets.UTF_8),
              known.resolve(List.of("ID", "STATUS")),
              true,
              0,
              false,
              false,
              false,
              Optional.empty());
      Formatter f = format.formatter(spec);
      f.begin();
      List<Instance> fleet = fleet();
      f.row(fleet.get(0));
      String sep = format == Format.csv ? "," : "\t";
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .isEqualTo(
              "ID"
                  + sep
                  + "STATUS\n"
                  + fleet.get(0).id()
                  + sep
                  + fleet.get(0).text("Status")
                  + "\n");
      fleet.forEach(f::row);
      assertThat(flushes[0]).as(format + ": flushes before end()").isZero();
      f.end();
      assertThat(flushes[0]).as(format + ": flushes after end()").isEqualTo(1);
      assertThat(bytes.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1 + 1 + fleet.size());
    }
  }
}
