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
import org.junit.jupiter.api.Test;

/**
 * -o table keeps at most {@link TableFormatter#SIZING_ROWS} rows (here 3): the columns are sized
 * from those, they are printed once there are that many, and every later row is printed as it
 * comes, so memory does not grow with the listing.
 */
class TableStreamingTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private TableFormatter table(int width, boolean fits) {
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    InstanceColumns known = new InstanceColumns(FormatterGoldenTest.CLOCK);
    OutputSpec spec =
        new OutputSpec(
            out,
            known.resolve(List.of("ID", "NAME", "STATUS")),
            true,
            width,
            false,
            width > 0,
            false,
            Optional.empty());
    return new TableFormatter(spec, fits, 3);
  }

  private static Instance instance(int n, String name) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("InstanceId", "dsw-" + n);
    node.put("InstanceName", name);
    node.put("Status", "Running");
    return new Instance(node);
  }

  private String shown() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fewerRowsThanTheCapWaitForTheEndAndAreSizedTogether() {
    TableFormatter f = table(0, true);
    f.begin();
    f.row(instance(1, "a"));
    f.row(instance(2, "a-much-longer-name"));
    assertThat(shown()).as("nothing before the widths are known").isEmpty();
    f.end();
    assertThat(shown())
        .isEqualTo(
            "ID      NAME                 STATUS\n"
                + "dsw-1   a                    Running\n"
                + "dsw-2   a-much-longer-name   Running\n");
  }

  @Test
  void rowsAfterTheCapArePrintedAsTheyComeInTheFirstRowsWidths() {
    TableFormatter f = table(0, true);
    f.begin();
    f.row(instance(1, "a"));
    f.row(instance(2, "bb"));
    assertThat(shown()).isEmpty();
    f.row(instance(3, "ccc"));
    // the third row fills the sizing rows: header and all three are out before end()
    assertThat(shown())
        .isEqualTo(
            "ID      NAME   STATUS\n"
                + "dsw-1   a      Running\n"
                + "dsw-2   bb     Running\n"
                + "dsw-3   ccc    Running\n");
    f.row(instance(4, "dd"));
    assertThat(shown()).endsWith("dsw-4   dd     Running\n");
    // piped, a longer cell is kept whole and pushes the rest of its row right
    f.row(instance(5, "a-much-longer-name"));
    assertThat(shown()).endsWith("dsw-5   a-much-longer-name   Running\n");
    f.end();
    assertThat(shown().lines()).hasSize(6);
  }

  @Test
  void onATerminalALaterLongCellIsCutToTheSizedWidth() {
    TableFormatter f = table(80, true);
    f.begin();
    for (int i = 1; i <= 3; i++) {
      f.row(instance(i, "name-" + i));
    }
    f.row(instance(4, "a-much-longer-name"));
    f.end();
    List<String> lines = shown().lines().toList();
    assertThat(lines).hasSize(5);
    // NAME is six cells wide (name-1); the long name keeps five and the ellipsis
    assertThat(lines.get(4)).isEqualTo("dsw-4   a-muc…   Running");
    for (String line : lines) {
      assertThat(
              line.indexOf("Running") < 0
                  || line.indexOf("Running") == lines.get(1).indexOf("Running"))
          .as("STATUS stays in its column: %s", line)
          .isTrue();
    }
  }
}
