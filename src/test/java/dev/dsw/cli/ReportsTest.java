package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * summary, idle, get and --where against the emulator serving fleet/reports.json: six instances
 * whose figures are worked out by hand in the comments, not taken from dsw's output.
 */
class ReportsTest {
  @TempDir static Path dir;

  static EmulatorServer server;

  @BeforeAll
  static void start() throws Exception {
    Path data = dir.resolve("reports.json");
    Files.copy(ReportsTest.class.getResourceAsStream("/fleet/reports.json"), data);
    server = EmulatorServer.start(TestEnvironment.emulator().toBuilder().data(data).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  TestEnvironment env() {
    return new TestEnvironment(dir)
        .set("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorServer.DEMO_KEY_ID)
        .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EmulatorServer.DEMO_KEY_SECRET)
        .set("XDG_CACHE_HOME", dir.resolve("cache").toString());
  }

  /**
   * Runs dsw against the emulator over every workspace and resource group; returns the environment.
   */
  TestEnvironment run(int expectedExit, String... args) {
    TestEnvironment env = env();
    List<String> full = new ArrayList<>(List.of(args));
    full.addAll(List.of("--endpoint", server.baseUrl()));
    assertThat(env.run(full.toArray(String[]::new))).as(env.stderr()).isEqualTo(expectedExit);
    return env;
  }

  static List<String> lines(TestEnvironment env) {
    return env.stdout().lines().toList();
  }

  @Test
  void gpuTypesShowByOneRuleEverywhereAndJsonKeepsTheApisValue() {
    TestEnvironment table =
        run(0, "summary", "--by", "gpu-type", "--workspace", "ALL", "--resource-id", "ALL");
    TestEnvironment list =
        run(0, "list", "--workspace", "ALL", "--resource-id", "ALL", "--columns", "GPU");
    TestEnvironment json =
        run(
            0,
            "summary",
            "--by",
            "gpu-type",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "-o",
            "json");
    assertThat(table.stdout()).contains("A10").doesNotContain("NVIDIA");
    assertThat(list.stdout()).contains("×A10").doesNotContain("NVIDIA");
    assertThat(json.stdout()).contains("\"GPUType\":\"NVIDIA A10\"");
  }

  @Test
  void summaryByStatusCountsAndSums() {
    // Running: r1 16+r2 8+r3 4 CPU, 2+1+0 GPU, 64+32+16 GB, 2h+1h+10h; Stopped: s1, s2; Failed: f1
    // (512Mi = 0.5 GB).
    TestEnvironment env =
        run(
            0,
            "summary",
            "--by",
            "status",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "-o",
            "csv");
    assertThat(lines(env))
        .containsExactly(
            // memory and running time as list and get write them (issue #33: one rendering)
            "STATUS,INSTANCES,CPU,GPU,MEMORY,RUNNING",
            "Running,3,28,3,112G,13.0h",
            "Stopped,2,104,9,1054G,100.0h",
            "Failed,1,2,0.5,0.5G,0.5h",
            "TOTAL,6,134,12.5,1166.5G,113.5h");
  }

  @Test
  void summaryTakesListFiltersAndSeveralKeys() {
    // Running only; groups of one instance each, ordered by key text: no GPU type ("", shown as
    // "-" as every table shows none) sorts before "NVIDIA".
    TestEnvironment env =
        run(0, "summary", "--by", "gpu-type,owner", "--status", "Running", "-o", "tsv");
    assertThat(lines(env))
        .containsExactly(
            // the key columns are the columns they are: GPU_TYPE as --columns and --where name it
            "GPU_TYPE\tOWNER\tINSTANCES\tCPU\tGPU\tMEMORY\tRUNNING",
            "-\talice\t1\t4\t0\t16G\t10.0h",
            "A10\talice\t1\t16\t2\t64G\t2.0h",
            "A10\tbob\t1\t8\t1\t32G\t1.0h",
            "TOTAL\t\t3\t28\t3\t112G\t13.0h");
  }

  @Test
  void summaryJsonEndsWithATotalWhoseKeysAreNull() throws Exception {
    TestEnvironment env =
        run(
            0,
            "summary",
            "--by",
            "owner,payment-type",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "--where",
            "UserName=carol",
            "-o",
            "json");
    JsonNode rows = Json.MAPPER.readTree(env.stdout());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).toString())
        .isEqualTo(
            "{\"Owner\":\"carol\",\"PaymentType\":\"Subscription\","
                + "\"Instances\":1,\"CPU\":96,\"GPU\":8,\"MemoryGB\":1024,\"RunningHours\":100}");
    assertThat(rows.get(1).get("Owner").isNull()).isTrue();
    assertThat(rows.get(1).get("Instances").asInt()).isEqualTo(1);
  }

  @Test
  void summaryTableHasHeaderGroupsAndTotal() {
    TestEnvironment env = run(0, "summary", "--by", "accelerator-type");
    // default scope: workspace 40823, pay-as-you-go: r1 r2 r3 s2 f1; GPU has r1 r2 s2 f1.
    assertThat(lines(env)).hasSize(4);
    assertThat(lines(env).get(1)).startsWith("GPU").contains(" 4 ");
    assertThat(lines(env).get(2)).startsWith("CPU");
    assertThat(lines(env).get(3)).startsWith("TOTAL").contains(" 5 ");
  }

  @Test
  void summaryRefusesUnknownKeys() {
    TestEnvironment env = run(2, "summary", "--by", "status,colour");
    assertThat(env.stderr()).contains("--by colour: unknown key").contains("gpu-type");
    assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw:")).count()).isEqualTo(1);
  }

  @Test
  void idleListsRunningInstancesIdleLongEnoughByWaste() {
    // r1: 2 GPUs × 2.5 h = 5; r2: 1 × 5 h = 5 (ties break on idle time, so r2 first); r3: CPU only,
    // 0.
    // f1 is idle 30 min and Failed; s1/s2 are Stopped.
    TestEnvironment env =
        run(
            0,
            "idle",
            "--for",
            "2h",
            "--workspace",
            "ALL",
            "-o",
            "csv",
            "--columns",
            "ID,IDLE_FOR,WASTE,OWNER");
    assertThat(lines(env))
        .containsExactly(
            "ID,IDLE_FOR,WASTE,OWNER",
            "dsw-r2,5h,5.0,bob",
            "dsw-r1,2h30m,5.0,alice",
            "dsw-r3,10h,0.0,alice");
    assertThat(lines(run(0, "idle", "--for", "5h", "-o", "csv", "--columns", "ID", "--no-headers")))
        .containsExactly("dsw-r2", "dsw-r3");
  }

  @Test
  void idleDefaultColumnsShowIdleTimeGpuAndOwner() {
    TestEnvironment env = run(0, "idle", "--for", "1h");
    assertThat(lines(env).get(0)).startsWith("ID").contains("IDLE_FOR", "GPU", "WASTE", "OWNER");
    assertThat(lines(env)).hasSize(4);
  }

  @Test
  void idleRefusesStatusAndBadDurations() {
    // idle lists Running instances only, so it does not offer --status at all (its help does not
    // show it either)
    assertThat(run(2, "idle", "--status", "Stopped").stderr())
        .contains("Unknown option")
        .contains("'--status'");
    assertThat(run(2, "idle", "--for", "two hours").stderr())
        .contains("--for")
        .contains("'two hours' is not a duration");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Status!=Running|dsw-s1 dsw-s2 dsw-f1",
        "IdleInstanceCuller.IdleTimeInMinutes>=120|dsw-r1 dsw-r2 dsw-r3",
        "InstanceName~^train|dsw-r1 dsw-r2 dsw-s1 dsw-f1",
        "InstanceName!~^train|dsw-r3 dsw-s2",
        "GPU>=2|dsw-r1 dsw-s1",
        "RequestedResource.GPU<1|dsw-r3 dsw-f1",
        "CPU=8|dsw-r2 dsw-s2",
        "GmtCreateTime>=2026-11-20|dsw-r1 dsw-r2 dsw-s2 dsw-f1",
        "GmtCreateTime>7d|dsw-r2 dsw-s2 dsw-f1",
        "IDLE_FOR>=5h|dsw-r2 dsw-r3",
        "Labels.team=nlp|dsw-r1",
        "Tags.cost=cc-1|dsw-r1",
        "UserName='alice'|dsw-r1 dsw-r3 dsw-f1",
        "WorkspaceName==vision|dsw-s1",
        "ResourceId=|dsw-r1 dsw-r2 dsw-r3 dsw-s2 dsw-f1",
      })
  void whereFiltersOnTheClient(String expression, String expected) {
    // The emulator returns newest first; the filter keeps that order, so compare as sets.
    TestEnvironment env =
        run(
            0,
            "list",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "--where",
            expression,
            "-o",
            "csv",
            "--columns",
            "ID",
            "--no-headers");
    assertThat(lines(env)).containsExactlyInAnyOrder(expected.split(" "));
  }

  @Test
  void severalWhereExpressionsMustAllHold() {
    TestEnvironment env =
        run(
            0,
            "list",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "--where",
            "UserName=alice",
            "--where",
            "Status=Running",
            "--where",
            "GPU>0",
            "-o",
            "csv",
            "--columns",
            "ID",
            "--no-headers");
    assertThat(lines(env)).containsExactly("dsw-r1");
  }

  @Test
  void sortColumnOrdersDurationsByLength() {
    // idle: r3 10h, r2 5h, r1 2h30m, f1 30m; s1 and s2 have no culler (empty cells sort last).
    TestEnvironment env =
        run(
            0,
            "list",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "--sort-column",
            "IDLE_FOR:desc",
            "-o",
            "csv",
            "--columns",
            "ID,IDLE_FOR",
            "--no-headers",
            "--where",
            "IDLE_FOR>0m");
    assertThat(lines(env)).containsExactly("dsw-r3,10h", "dsw-r2,5h", "dsw-r1,2h30m", "dsw-f1,30m");
  }

  @Test
  void limitCountsInstancesThatPassWhere() {
    TestEnvironment env =
        run(
            0,
            "list",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "--page-size",
            "1",
            "--where",
            "Status=Stopped",
            "--limit",
            "2",
            "-o",
            "csv",
            "--columns",
            "ID",
            "--no-headers");
    assertThat(lines(env)).containsExactlyInAnyOrder("dsw-s1", "dsw-s2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Status|no operator",
        "=Running|missing field before '='",
        "Status=~Run|unknown operator '=~'",
        "Status<>Run|unknown operator '<>'",
        "InstanceName~[a|bad regular expression '[a'",
        "Instance Name=x|field 'Instance Name' contains a space",
        "Status=>x|unknown operator '=>'",
      })
  void badWhereExpressionsAreUsageErrorsNamingThePart(String expression, String problem) {
    TestEnvironment env = run(2, "list", "--where", expression);
    assertThat(env.stderr()).contains("--where '" + expression + "': " + problem);
    assertThat(env.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(env.stdout()).isEmpty();
  }

  @Test
  void getShowsSectionsForEachId() {
    TestEnvironment env = run(0, "get", "dsw-r1", "dsw-s1");
    String out = env.stdout();
    assertThat(out).startsWith("dsw-r1  train_a  Running\n");
    assertThat(out)
        .contains(
            "\nResources\n",
            "  GPU:            2×A10",
            "\nTimers\n",
            "  Idle culler:    idle 2h30m of 8h allowed (CPU < 20%)",
            "  Label:          team=nlp",
            "  Tag:            cost=cc-1",
            "dsw-s1  train_d  Stopped",
            "  Resource group: rg-1");
    assertThat(out.indexOf("dsw-r1")).isLessThan(out.indexOf("dsw-s1"));
  }

  @Test
  void getKeepsTheOrderAskedAndTakesEveryFormat() throws Exception {
    TestEnvironment env = run(0, "get", "dsw-s2,dsw-r2", "-o", "json");
    JsonNode rows = Json.MAPPER.readTree(env.stdout());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("InstanceId").asText()).isEqualTo("dsw-s2");
    assertThat(rows.get(1).get("InstanceId").asText()).isEqualTo("dsw-r2");
    assertThat(lines(run(0, "get", "dsw-r3", "-o", "csv", "--columns", "ID,OWNER")))
        .containsExactly("ID,OWNER", "dsw-r3,alice");
  }

  @Test
  void getReportsUnknownIdsButShowsTheOthers() {
    TestEnvironment env =
        run(ExitCodes.NOT_FOUND, "get", "dsw-r1", "dsw-nope", "-o", "csv", "--columns", "ID");
    assertThat(lines(env)).containsExactly("ID", "dsw-r1");
    assertThat(env.stderr()).startsWith("dsw: instance dsw-nope not found in any workspace");
    assertThat(run(ExitCodes.NOT_FOUND, "get", "dsw-x", "dsw-y").stderr())
        .contains("instances dsw-x, dsw-y not found");
  }
}
