package dev.dsw.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.listing.Plan;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-page work of a long listing, one thread, warm: five pages of 100 instances as the
 * emulator serves them (500 instances per operation; times 200 for 100,000). The reference, in the
 * same run, is {@link #tokenise}: Jackson reading every token and building nothing, the least any
 * listing that parses the pages can do. Run by bench/parse.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PageParse {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  private final List<byte[]> pages = new ArrayList<>();
  private final List<Instance> rows = new ArrayList<>();
  private List<Column> columns;
  private Set<String> csvFields;
  private Set<String> jsonlFields;
  private PrintStream nowhere;

  @Setup
  public void pages() throws IOException {
    EmulatorConfig o =
        EmulatorConfig.defaults().toBuilder()
            .clock(CLOCK)
            .instances(500)
            .seed(7)
            .anchor(Instant.parse("2026-11-01T00:00:00Z"))
            .build();
    try (EmulatorServer server = EmulatorServer.start(o)) {
      List<ObjectNode> fleet = server.store().snapshot();
      for (int p = 0; p < 5; p++) {
        ArrayNode instances = JsonText.NODES.arrayNode();
        fleet.subList(p * 100, p * 100 + 100).forEach(instances::add);
        pages.add(
            ("{\"RequestId\":\"R\",\"Success\":true,\"Code\":\"200\",\"Message\":\"\",\"HttpStatusCode\":200,"
                 + "\"TotalCount\":500,\"Instances\":"
                    + JsonText.toString(instances)
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    InstanceColumns known = new InstanceColumns(CLOCK);
    columns = known.resolve(InstanceColumns.DEFAULT);
    // What `dsw list -o csv` keeps of each instance (Plan.ALWAYS plus the columns' fields), and
    // what -o jsonl keeps beside the rendered bytes (Plan.ALWAYS is public).
    jsonlFields = Plan.ALWAYS;
    Set<String> csv = new HashSet<>(jsonlFields);
    csv.addAll(Column.fieldsOf(columns));
    csvFields = Set.copyOf(csv);
    for (byte[] page : pages) {
      JsonText.readPage(page, csvFields, JsonText.Render.NONE)
          .root()
          .get("Instances")
          .forEach(n -> rows.add(new Instance((ObjectNode) n)));
    }
    nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
  }

  /** Reference: every token read, nothing built (string values skipped unread). */
  @Benchmark
  public long tokenise() throws IOException {
    long tokens = 0;
    for (byte[] page : pages) {
      try (JsonParser p = JsonText.FACTORY.createParser(page)) {
        while (p.nextToken() != null) {
          tokens++;
        }
      }
    }
    return tokens;
  }

  /** What a page thread does for -o csv: the kept fields as a tree, the rest skipped. */
  @Benchmark
  public void csvRead(Blackhole bh) throws IOException {
    for (byte[] page : pages) {
      bh.consume(JsonText.readPage(page, csvFields, JsonText.Render.NONE));
    }
  }

  /**
   * What a page thread does for -o jsonl: every instance rendered as masked JSON while it is read.
   */
  @Benchmark
  public void jsonlRender(Blackhole bh) throws IOException {
    for (byte[] page : pages) {
      bh.consume(JsonText.readPage(page, jsonlFields, JsonText.Render.MASKED));
    }
  }

  /** What the main thread does for -o csv: the default columns of 500 parsed instances, written. */
  @Benchmark
  public void csvRows() {
    Formatter f =
        Format.csv.formatter(
            new OutputSpec(nowhere, columns, true, 0, false, false, false, Optional.empty()));
    f.begin();
    rows.forEach(f::row);
    f.end();
  }
}
