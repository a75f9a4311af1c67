package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table fits a terminal by priority, at 80, 100, 120 and 200 columns, with CJK, Hangul and
 * emoji names: the ID and GPU cells are never cut, NAME keeps 16 cells or its full length, columns
 * are given up in the documented order, and -o wide shows everything. The invariants are checked
 * cell by cell; golden files keep the exact tables (-Dgolden.update=true rewrites them).
 */
class TableWidthsTest {
  static List<Instance> fleet() throws Exception {
    List<Instance> out = new ArrayList<>();
    for (JsonNode n :
        Json.MAPPER.readTree(TableWidthsTest.class.getResourceAsStream("/fleet/widths.json"))) {
      out.add(new Instance((ObjectNode) n));
    }
    return out;
  }

  static String table(Format format, int width) throws Exception {
    return FormatterGoldenTest.render(format, null, true, width, false, width > 0, false, fleet());
  }

  @ParameterizedTest(name = "{0} columns")
  @ValueSource(ints = {80, 100, 120, 200})
  void theTableFitsByPriority(int width) throws Exception {
    String shown = table(Format.table, width);
    FormatterGoldenTest.golden("table-fit-" + width + ".txt", shown);
    List<String> lines = shown.lines().toList();
    List<String> header = List.of(lines.get(0).trim().split("\\s{3,}"));
    for (String line : lines) {
      assertThat(Text.width(line)).as("fits %d: %s", width, line).isLessThanOrEqualTo(width);
    }
    InstanceColumns known = new InstanceColumns(FormatterGoldenTest.CLOCK);
    List<Instance> fleet = fleet();
    for (int r = 0; r < fleet.size(); r++) {
      String row = lines.get(r + 1);
      Instance i = fleet.get(r);
      assertThat(row).as("the ID is never cut").startsWith(i.id() + " ");
      if (header.contains("GPU")) {
        assertThat(row)
            .as("GPU is never cut")
            .contains(known.resolve(List.of("GPU")).get(0).valueOf(i));
      }
      String name = i.text("InstanceName");
      assertThat(header).as("NAME is kept").contains("NAME");
      // cut or not, the cell holds at least the first 15 cells of the name (16 with the ellipsis)
      String kept = Text.truncate(name, 16);
      String prefix = kept.endsWith("…") ? kept.substring(0, kept.length() - 1) : kept;
      assertThat(row).as("NAME keeps 16 cells or its full length").contains(prefix);
    }
    // columns are given up in the documented order: whatever is missing ranks before whatever is
    // shown
    List<String> all = InstanceColumns.DEFAULT;
    for (String missing : all) {
      if (!header.contains(missing)) {
        for (String present : header) {
          assertThat(stays(known, missing))
              .as("%s given up before %s", missing, present)
              .isLessThan(stays(known, present));
        }
      }
    }
    if (width == 200) {
      assertThat(header).containsExactlyElementsOf(all); // room for everything
    }
  }

  private static int stays(InstanceColumns known, String header) {
    return known.resolve(List.of(header)).get(0).table().stays();
  }

  /**
   * The order docs/architecture.md gives for giving columns up on a narrow terminal, first to last,
   * is what the columns' own entries say; ID is never given up.
   */
  @org.junit.jupiter.api.Test
  void theColumnsStandInTheDocumentedOrderOfGivingUp() {
    InstanceColumns known = new InstanceColumns(FormatterGoldenTest.CLOCK);
    List<String> documented =
        List.of(
            "IMAGE",
            "SPEC",
            "RESOURCE",
            "PAYMENT",
            "ACCESS",
            "CREATED",
            "RUNTIME",
            "IDLE",
            "OWNER",
            "WORKSPACE",
            "WASTE",
            "CPU",
            "MEMORY",
            "AGE",
            "IDLE_FOR",
            "REGION",
            "GPU",
            "STATUS",
            "NAME");
    for (int k = 1; k < documented.size(); k++) {
      assertThat(stays(known, documented.get(k - 1)))
          .as("%s is given up before %s", documented.get(k - 1), documented.get(k))
          .isLessThan(stays(known, documented.get(k)));
    }
    assertThat(stays(known, "NAME")).isLessThan(stays(known, "ID"));
    assertThat(stays(known, "ID")).isEqualTo(Column.Table.ALWAYS);
    assertThat(known.resolve(List.of("ID", "GPU", "NAME", "IMAGE")))
        .extracting(c -> c.table().floor())
        .as("ID and GPU are never cut, NAME keeps 16 cells, the others 10")
        .containsExactly(Column.Table.UNCUT, Column.Table.UNCUT, 16, 10);
  }

  @ParameterizedTest(name = "-o wide at {0} columns")
  @ValueSource(ints = {80, 120})
  void wideShowsEverythingWhole(int width) throws Exception {
    String shown = table(Format.wide, width);
    for (Instance i : fleet()) {
      assertThat(shown).contains(i.text("InstanceName")).contains(i.text("ImageName"));
    }
    assertThat(shown.lines().findFirst().orElseThrow().trim().split("\\s{3,}"))
        .containsExactlyElementsOf(InstanceColumns.WIDE);
  }
}
