package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --sort-column orders the whole result (every page, 250 instances in pages of 100) before --limit
 * cuts it; quantities compare by value, a missing value sorts last either way, and any column or
 * field path sorts, shown or not. Expected orders are worked out here from the JSON, independently.
 */
class SortingTest {
  @TempDir static Path dir;
  static EmulatorServer server;
  static List<JsonNode> fleet = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(250)
                .seed(3)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build());
    for (JsonNode n : Json.MAPPER.readTree(run("-o", "json"))) {
      fleet.add(n);
    }
    assertThat(fleet).hasSize(250);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String run(String... args) {
    List<String> full = new ArrayList<>(List.of("--page-size", "100"));
    full.addAll(List.of(args));
    return TestEnvironment.list(dir, server, 0, full.toArray(String[]::new)).stdout();
  }

  /** GPUs requested, or null when the instance has none (the GPU column shows "-"). */
  static BigDecimal gpus(JsonNode i) {
    String g = i.path("RequestedResource").path("GPU").asText("");
    return g.isEmpty() || new BigDecimal(g).signum() == 0 ? null : new BigDecimal(g);
  }

  static List<String> column(String csv) {
    return csv.lines().skip(1).map(l -> l.split(",")[1]).toList();
  }

  @Test
  void theWholeResultIsSortedBeforeTheLimitCutsIt() {
    List<BigDecimal> expected =
        fleet.stream()
            .map(SortingTest::gpus)
            .filter(g -> g != null)
            .sorted(Comparator.reverseOrder())
            .limit(4)
            .toList();
    List<String> shown =
        column(
            run("--sort-column", "GPU:desc", "--limit", "4", "-o", "csv", "--columns", "ID,GPU"));
    assertThat(shown).hasSize(4);
    assertThat(shown.stream().map(c -> new BigDecimal(c.substring(0, c.indexOf('×')))).toList())
        .isEqualTo(expected);
    assertThat(expected.get(0))
        .isEqualByComparingTo("8"); // the fleet has 8×H100s, beyond the first page
  }

  @Test
  void missingValuesSortLastInBothDirections() {
    long none = fleet.stream().filter(i -> gpus(i) == null).count();
    assertThat(none).isPositive();
    for (String direction : List.of("GPU", "GPU:asc", "GPU:desc")) {
      List<String> cells =
          column(run("--sort-column", direction, "-o", "csv", "--columns", "ID,GPU"));
      assertThat(cells).hasSize(250);
      assertThat(cells.subList(250 - (int) none, 250)).as(direction).containsOnly("-");
      assertThat(cells.subList(0, 250 - (int) none)).as(direction).doesNotContain("-");
    }
    List<String> asc = column(run("--sort-column", "GPU", "-o", "csv", "--columns", "ID,GPU"));
    assertThat(asc.get(0)).startsWith("0.5×"); // shared GPUs: the smallest quantity first
  }

  @Test
  void aColumnThatIsNotShownStillSorts() {
    List<String> expected =
        fleet.stream()
            .sorted(
                Comparator.comparing((JsonNode i) -> i.get("GmtCreateTime").asText())
                    .reversed()
                    .thenComparing(i -> i.get("InstanceId").asText()))
            .map(i -> i.get("InstanceId").asText())
            .limit(10)
            .toList();
    List<String> ids =
        run(
                "--sort-column",
                "GmtCreateTime:desc",
                "--limit",
                "10",
                "-o",
                "csv",
                "--columns",
                "ID",
                "--no-headers")
            .lines()
            .toList();
    assertThat(ids).isEqualTo(expected);
  }
}
