package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rendering per quantity across list, get, summary and idle (issue #33, docs/architecture.md
 * "One rendering per quantity"): GPU was 1×A10 in list, 1 × A10 in get and A10 in summary; no GPU
 * was - in list and (none) in summary; IDLE was bare minutes beside IDLE_FOR 5h20m; RUNTIME bare
 * hours beside 854.5 h in get; decimals mixed (10905 beside 24253.9). JSON keeps the API's values.
 */
class OneRenderingTest {
  @TempDir Path dir;

  private static final String MOE = "dsw-0b1c2d3e4f5a6b7c"; // 8×H100, culler idle 320 min
  private static final String CPU_ONLY = "dsw-5e6f7a8b9c0d1e2f";

  private String run(String... args) {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    String[] all =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--demo"), java.util.Arrays.stream(args))
            .toArray(String[]::new);
    assertThat(env.run(all)).as(env.stderr()).isZero();
    return env.stdout();
  }

  private String detail(String out, String label) {
    return out.lines()
        .filter(l -> l.startsWith("  " + label + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(label + " not in " + out))
        .substring(label.length() + 3)
        .strip();
  }

  private List<String> cells(String id, String columns) {
    String line =
        run("get", id, "-o", "csv", "--columns", columns, "--no-headers")
            .lines()
            .findFirst()
            .orElseThrow();
    return List.of(line.split(",", -1));
  }

  @Test
  void getWritesGpuMemoryAndRunningTimeAsListDoes() {
    List<String> row = cells(MOE, "GPU,MEMORY,RUNTIME");
    String get = run("get", MOE);
    assertThat(row.get(0)).isEqualTo("8×H100");
    assertThat(detail(get, "GPU")).isEqualTo(row.get(0));
    assertThat(detail(get, "Memory")).startsWith(row.get(1) + " ");
    assertThat(detail(get, "Running time")).isEqualTo(row.get(2)).matches("\\d+\\.\\dh");
  }

  @Test
  void noGpuIsADashInListGetAndSummary() {
    assertThat(cells(CPU_ONLY, "GPU")).containsExactly("-");
    assertThat(detail(run("get", CPU_ONLY), "GPU")).isEqualTo("-");
    String summary = run("summary", "--by", "gpu-type", "-o", "csv");
    assertThat(summary).doesNotContain("(none)");
    assertThat(summary.lines()).anyMatch(l -> l.startsWith("-,"));
    assertThat(run("summary", "--by", "gpu-type", "-o", "json"))
        .as("JSON keeps the API's empty GPU type")
        .contains("\"GPUType\":\"\"");
  }

  @Test
  void theCullersIdleTimeIsADurationAsIdleForIs() {
    assertThat(cells(MOE, "IDLE,IDLE_FOR")).containsExactly("5h20m", "5h20m");
    assertThat(detail(run("get", MOE), "Idle culler")).startsWith("idle 5h20m of 8h allowed");
  }

  @Test
  void hoursAndGpuHoursAlwaysHaveOneDecimal() {
    for (String line :
        run("list", "-A", "-o", "csv", "--columns", "RUNTIME,WASTE", "--no-headers")
            .lines()
            .toList()) {
      String[] c = line.split(",", -1);
      assertThat(c[0]).matches("\\d+\\.\\dh");
      assertThat(c[1]).matches("\\d+\\.\\d");
    }
    for (String line : run("summary", "-o", "csv", "--no-headers").lines().toList()) {
      assertThat(line).matches(".*,\\d+(\\.\\d)?G,\\d+\\.\\dh");
    }
  }

  @Test
  void whereOnRunningTimeComparesHours() {
    // RUNTIME>100h compared "549.3" with "100h" as text before: 549.3 hours passed, 9087.8 did not
    List<String> all =
        run("list", "-A", "-o", "csv", "--columns", "ID,RUNTIME", "--no-headers").lines().toList();
    List<String> over =
        run(
                "list",
                "-A",
                "--where",
                "RUNTIME>5000h",
                "-o",
                "csv",
                "--columns",
                "ID,RUNTIME",
                "--no-headers")
            .lines()
            .toList();
    List<String> expected =
        all.stream()
            .filter(
                l ->
                    new BigDecimal(l.split(",")[1].replace("h", ""))
                            .compareTo(BigDecimal.valueOf(5000))
                        > 0)
            .toList();
    assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
    assertThat(over).containsExactlyElementsOf(expected);
  }
}
