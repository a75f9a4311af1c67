package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.api.Endpoints;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several regions in one call: one emulator answering for three regions at
 * /REGION/api/v2/instances.
 */
class MultiRegionTest {
  static final List<String> SERVED = List.of("cn-hangzhou", "cn-shanghai", "ap-southeast-1");

  @TempDir static Path home;

  static EmulatorServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(30)
                .seed(7)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .regions(SERVED)
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  TestEnvironment run(int expectedExit, String... args) {
    TestEnvironment env =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorServer.DEMO_KEY_ID)
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EmulatorServer.DEMO_KEY_SECRET);
    List<String> full = new ArrayList<>(List.of(args));
    full.addAll(
        List.of(
            "--endpoint",
            server.baseUrl() + "/{region}",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL"));
    assertThat(env.run(full.toArray(String[]::new))).as(env.stderr()).isEqualTo(expectedExit);
    return env;
  }

  /** The IDs each region's own fleet holds, read from the emulator's stores, not through dsw. */
  static List<String> idsOf(String region) {
    return server.store(region).snapshot().stream()
        .map(n -> n.get("InstanceId").asText())
        .sorted()
        .toList();
  }

  @Test
  void regionsAreQueriedAndMergedInTheOrderGiven() throws Exception {
    TestEnvironment env =
        run(
            0,
            "list",
            "--region",
            "cn-shanghai,cn-hangzhou",
            "-o",
            "jsonl",
            "--sort-by",
            "GmtCreateTime");
    List<JsonNode> rows = env.stdout().lines().map(MultiRegionTest::json).toList();
    List<String> regions = rows.stream().map(r -> r.get("RegionId").asText()).toList();
    int firstHangzhou = regions.indexOf("cn-hangzhou");
    assertThat(firstHangzhou).isPositive();
    assertThat(regions.subList(0, firstHangzhou)).containsOnly("cn-shanghai");
    assertThat(regions.subList(firstHangzhou, regions.size())).containsOnly("cn-hangzhou");
    assertThat(
            rows.subList(0, firstHangzhou).stream()
                .map(r -> r.get("InstanceId").asText())
                .sorted()
                .toList())
        .isEqualTo(idsOf("cn-shanghai"));
    assertThat(
            rows.subList(firstHangzhou, rows.size()).stream()
                .map(r -> r.get("InstanceId").asText())
                .sorted()
                .toList())
        .isEqualTo(idsOf("cn-hangzhou"));
    assertThat(idsOf("cn-shanghai")).doesNotContainAnyElementsOf(idsOf("cn-hangzhou"));
  }

  @Test
  void tablesGetARegionColumnFirst() {
    TestEnvironment env = run(0, "list", "--region", "cn-hangzhou,ap-southeast-1");
    List<String> lines = env.stdout().lines().toList();
    assertThat(lines.get(0)).startsWith("REGION ");
    assertThat(lines).hasSize(1 + idsOf("cn-hangzhou").size() + idsOf("ap-southeast-1").size());
    assertThat(lines.get(1)).startsWith("cn-hangzhou ");
    assertThat(lines.get(lines.size() - 1)).startsWith("ap-southeast-1 ");
  }

  @Test
  void theRegionIdDswAddsIsAFieldPathForColumnsWhereAndSort() {
    TestEnvironment env =
        run(
            0,
            "list",
            "--region",
            "cn-hangzhou,ap-southeast-1",
            "-o",
            "csv",
            "--columns",
            "RegionId,ID",
            "--where",
            "RegionId=ap-southeast-1",
            "--sort-column",
            "RegionId");
    List<String> lines = env.stdout().lines().toList();
    assertThat(lines.get(0)).isEqualTo("RegionId,ID");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(idsOf("ap-southeast-1").size())
        .allMatch(l -> l.startsWith("ap-southeast-1,"));
  }

  @Test
  void aFailingRegionIsReportedWithoutLosingTheOthers() {
    // eu-central-1 is not served: the emulator answers 404, as a host without DSW would fail.
    TestEnvironment env =
        run(
            ExitCodes.INCOMPLETE,
            "list",
            "--region",
            "cn-hangzhou,eu-central-1,cn-shanghai",
            "-o",
            "csv",
            "--columns",
            "REGION,ID",
            "--no-headers");
    List<String> lines = env.stdout().lines().toList();
    assertThat(lines).hasSize(idsOf("cn-hangzhou").size() + idsOf("cn-shanghai").size());
    assertThat(lines).allMatch(l -> l.startsWith("cn-hangzhou,") || l.startsWith("cn-shanghai,"));
    assertThat(env.stderr())
        .contains("dsw: region eu-central-1: InvalidApi.NotFound")
        .contains("1 of 3 regions failed (eu-central-1)");
  }

  @Test
  void allRegionsFailingIsTheFirstRegionsError() {
    TestEnvironment env = run(1, "list", "--region", "eu-central-1,us-east-1");
    assertThat(env.stdout()).isEmpty();
    assertThat(env.stderr()).contains("region eu-central-1").contains("region us-east-1");
  }

  @Test
  void summaryByRegionAddsUpEachRegion() {
    TestEnvironment env =
        run(
            0,
            "summary",
            "--by",
            "region",
            "--region",
            "cn-hangzhou,cn-shanghai,ap-southeast-1",
            "-o",
            "csv");
    List<String> lines = env.stdout().lines().toList();
    assertThat(lines).hasSize(5);
    for (String region : SERVED) {
      assertThat(lines).anyMatch(l -> l.startsWith(region + "," + idsOf(region).size() + ","));
    }
    int total = SERVED.stream().mapToInt(r -> idsOf(r).size()).sum();
    assertThat(lines.get(4)).startsWith("TOTAL," + total + ",");
  }

  @Test
  void allRegionsAsksEveryDocumentedRegion() {
    TestEnvironment env =
        run(ExitCodes.INCOMPLETE, "summary", "--by", "region", "--all-regions", "-o", "csv");
    long failed = Endpoints.KNOWN_REGIONS.stream().filter(r -> !SERVED.contains(r)).count();
    assertThat(env.stderr())
        .contains(failed + " of " + Endpoints.KNOWN_REGIONS.size() + " regions failed");
    assertThat(env.stdout().lines().toList()).hasSize(1 + SERVED.size() + 1);
  }

  @Test
  void getSearchesEveryRegionAsked() {
    String id = idsOf("ap-southeast-1").get(0);
    TestEnvironment env =
        run(
            0,
            "get",
            id,
            "--region",
            "cn-hangzhou,ap-southeast-1",
            "-o",
            "csv",
            "--columns",
            "REGION,ID",
            "--no-headers");
    assertThat(env.stdout().lines().toList()).containsExactly("ap-southeast-1," + id);
  }

  @Test
  void misuseIsAUsageError() {
    TestEnvironment a = run(2, "list", "--all-regions", "--region", "cn-hangzhou");
    assertThat(a.stderr()).contains("--all-regions and --region cannot be combined");
    TestEnvironment b =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "x")
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "y");
    assertThat(b.run("list", "--region", "cn-hangzhou,cn-shanghai", "--endpoint", server.baseUrl()))
        .isEqualTo(2);
    assertThat(b.stderr()).contains("put {region} in the URL");
    TestEnvironment c = run(2, "list", "--region", "cn-hangzhou,,bad_region");
    assertThat(c.stderr()).contains("is not a region ID");
  }

  @Test
  void dryRunShowsTheFirstRegionsRequest() {
    TestEnvironment env = run(0, "list", "--region", "cn-shanghai,cn-hangzhou", "--dry-run");
    assertThat(env.stdout())
        .startsWith("GET " + server.baseUrl() + "/cn-shanghai/api/v2/instances?");
  }

  @Test
  void demoAnswersForEveryRegion() {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(
            env.run(
                "--demo",
                "summary",
                "--by",
                "region",
                "--region",
                "cn-beijing,ap-northeast-1",
                "-o",
                "csv"))
        .as(env.stderr())
        .isZero();
    assertThat(env.stdout().lines().toList())
        .hasSize(4)
        .anyMatch(l -> l.startsWith("cn-beijing,"))
        .anyMatch(l -> l.startsWith("ap-northeast-1,"));
  }

  private static JsonNode json(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
