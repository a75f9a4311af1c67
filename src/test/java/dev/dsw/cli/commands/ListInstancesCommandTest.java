package dev.dsw.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.CommandFactory;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import java.nio.file.Path;
import java.util.SortedMap;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Flag → wire parameter, one per flag, with no network; and every refused combination. */
class ListInstancesCommandTest {
  @TempDir Path home;

  SortedMap<String, String> wire(String... args) {
    try (Services services = new Services(new TestEnvironment(home))) {
      CommandLine cl = CommandFactory.commandLine(services);
      String[] full = new String[args.length + 1];
      full[0] = "list";
      System.arraycopy(args, 0, full, 1, args.length);
      CommandLine.ParseResult pr = cl.parseArgs(full);
      ListInstancesCommand cmd = (ListInstancesCommand) pr.subcommand().commandSpec().userObject();
      return cmd.request().query().toParameters();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--workspace|ALL|WorkspaceId|ALL",
        "--name|训练 数据|InstanceName|训练 数据",
        "--resource-id|rg-123|ResourceId|rg-123",
        "--status|running,STOPPED|Status|Running,Stopped",
        "--payment-type|payasyougo|PaymentType|PayAsYouGo",
        "--accessibility|public|Accessibility|PUBLIC",
        "--accelerator-type|gpu|AcceleratorType|GPU",
        "--instance-id|dsw-a,dsw-b|InstanceId|dsw-a,dsw-b",
        "--create-user-id|12345|CreateUserId|12345",
        "--gpu-type|NVIDIA A10|GpuType|NVIDIA A10",
        "--min-cpu|0.5|MinCpu|500",
        "--max-cpu|32|MaxCpu|32000",
        "--min-gpu|0.25|MinGpu|250",
        "--max-gpu|8|MaxGpu|8000",
        "--min-memory|32Gi|MinMemory|32",
        "--max-memory|48GB|MaxMemory|48",
        "--min-gpu-memory|16G|MinGpuMemory|16",
        "--max-gpu-memory|80|MaxGpuMemory|80",
        "--image-name|modelscope:1.9|ImageName|modelscope:1.9",
        "--oversold-info|AcceptQuotaOverSold-true|OversoldInfo|AcceptQuotaOverSold-true",
        "--oversold-type|AnythingNew|OversoldType|AnythingNew",
        "--created-after|2024-01-12T14:36:01Z|CreateTimeAfter|2024-01-12T14:36:01Z",
        "--created-after|2024-01-12|CreateTimeAfter|2024-01-12T00:00:00Z",
        "--created-after|2024-01-12T22:36:01+08:00|CreateTimeAfter|2024-01-12T14:36:01Z",
        "--created-before|7d|CreateTimeBefore|2026-11-20T12:00:00Z",
        "--created-before|90m|CreateTimeBefore|2026-11-27T10:30:00Z",
        "--created-before|36h|CreateTimeBefore|2026-11-26T00:00:00Z",
        "--created-before|2w|CreateTimeBefore|2026-11-13T12:00:00Z",
      })
  void eachFlagBecomesItsWireParameter(String flag, String value, String param, String expected) {
    assertThat(wire(flag, value)).containsEntry(param, expected);
  }

  @Test
  void repeatedAndCommaListsMerge() {
    assertThat(wire("--status", "Running", "--status", "Failed,Saving"))
        .containsEntry("Status", "Running,Failed,Saving");
    assertThat(wire("--instance-id", "dsw-a", "--instance-id", "dsw-b,dsw-c"))
        .containsEntry("InstanceId", "dsw-a,dsw-b,dsw-c");
  }

  @Test
  void labelsAreOneJsonObjectAndTagsOneJsonArray() {
    SortedMap<String, String> p =
        wire("--label", "team=算法 组", "--label", "env=a+b/c*d~e", "--tag", "k 1=v/1");
    assertThat(p)
        .containsEntry("Labels", "{\"team\":\"算法 组\",\"env\":\"a+b/c*d~e\"}")
        .containsEntry("Tag", "[{\"Key\":\"k 1\",\"Value\":\"v/1\"}]");
    assertThat(wire("--label", "k=")).containsEntry("Labels", "{\"k\":\"\"}");
  }

  @Test
  void sortByAndOrderAlwaysTravelTogether() {
    assertThat(wire("--order", "asc"))
        .containsEntry("SortBy", "GmtCreateTime")
        .containsEntry("Order", "ASC");
    assertThat(wire("--sort-by", "priority"))
        .containsEntry("SortBy", "Priority")
        .containsEntry("Order", "DESC");
    assertThat(wire()).doesNotContainKeys("SortBy", "Order", "WorkspaceId", "ResourceId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--status Runing",
        "--status",
        "--payment-type prepaid",
        "--accessibility secret",
        "--accelerator-type tpu",
        "--sort-by name",
        "--order up",
        "--min-cpu -1",
        "--min-cpu abc",
        "--min-cpu 0.0001",
        "--max-gpu 1e3",
        "--min-memory 0.5G",
        "--min-memory 32X",
        "--min-memory -3",
        "--min-cpu 4 --max-cpu 2",
        "--min-gpu 2 --max-gpu 1",
        "--min-memory 64 --max-memory 32",
        "--min-gpu-memory 80 --max-gpu-memory 16",
        "--label novalue",
        "--label =v",
        "--tag novalue",
        "--label a=1 --label b=2 --label c=3 --label d=4 --label e=5",
        "--created-after yesterday",
        "--created-after 2024-13-45",
        "--created-after 7y",
        "--created-after 2025-01-02 --created-before 2025-01-01",
        "--page 0",
        "--page-size 101",
        "--page-size 0",
        "--limit 0",
        "--page 2 --limit 5",
        "--concurrency 0",
        "--concurrency 99",
        "--stauts Running",
        "-o xml",
        "--color sometimes",
        "--timeout 0s",
        "--timeout forever",
        "--retries x",
        "--sort-column NAME:sideways",
        "unexpected-positional",
      })
  void refusesBadInvocationsWithExit2OneLineAndNoRequest(String args) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tTESTKEY0000abcd")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s");
      String[] parts = ("list --endpoint " + server.url("/") + " " + args).split(" ");
      int code = env.run(parts);
      assertThat(code).as(env.stderr()).isEqualTo(ExitCodes.USAGE);
      assertThat(server.getRequestCount()).isZero();
      String[] lines = env.stderr().split("\n");
      assertThat(lines[0]).startsWith("dsw: ");
      assertThat(lines).allSatisfy(l -> assertThat(l).matches("(dsw|hint): .*"));
      assertThat(env.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(env.stdout()).isEmpty();
    }
  }

  @Test
  void unknownEnumValueNamesTheClosestAndTheAllowed() {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("list", "--status", "runing")).isEqualTo(2);
    assertThat(env.stderr())
        .contains("did you mean 'Running'")
        .contains("Allowed: Creating, SaveFailed");
  }

  @Test
  void misspeltFlagGetsADidYouMeanHint() {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("list", "--stauts", "Running")).isEqualTo(2);
    assertThat(env.stderr())
        .contains("Unknown options: '--stauts'")
        .contains("hint: did you mean --status");
  }

  @Test
  void globalOptionsWorkBeforeAndAfterTheCommand() {
    try (Services services = new Services(new TestEnvironment(home))) {
      CommandLine cl = CommandFactory.commandLine(services);
      GlobalOptions g =
          GlobalOptions.effective(cl.parseArgs("--region", "cn-beijing", "list", "--debug"));
      assertThat(g.region()).isEqualTo("cn-beijing");
      assertThat(g.isDebug()).isTrue();
    }
  }

  /** Every global option reaches the run from either side, the command's own copy winning. */
  @Test
  void everyGlobalOptionIsMergedTheInnermostWinning() {
    try (Services services = new Services(new TestEnvironment(home))) {
      CommandLine cl = CommandFactory.commandLine(services);
      GlobalOptions g =
          GlobalOptions.effective(
              cl.parseArgs(
                  "--region",
                  "cn-beijing",
                  "--retries",
                  "2",
                  "--timeout",
                  "5s",
                  "--vpc",
                  "--ca-bundle",
                  "/tmp/ca.pem",
                  "--quiet",
                  "list",
                  "--region",
                  "cn-shanghai",
                  "--endpoint",
                  "http://127.0.0.1:1",
                  "--profile",
                  "p",
                  "--connect-timeout",
                  "1s",
                  "--read-timeout",
                  "2s",
                  "--no-color",
                  "--dry-run",
                  "--demo",
                  "--all-regions",
                  "--all-profiles"));
      assertThat(g.region()).isEqualTo("cn-shanghai");
      assertThat(g.retries()).isEqualTo(2);
      assertThat(g.timeout()).isEqualTo(java.time.Duration.ofSeconds(5));
      assertThat(g.connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(1));
      assertThat(g.readTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
      assertThat(g.caBundle()).isEqualTo(java.nio.file.Path.of("/tmp/ca.pem"));
      assertThat(g.endpoint()).isEqualTo("http://127.0.0.1:1");
      assertThat(g.profile()).isEqualTo("p");
      assertThat(g.colorMode()).isEqualTo(dev.dsw.cli.terminal.ColorMode.never);
      assertThat(g.isVpc()).isTrue();
      assertThat(g.isQuiet()).isTrue();
      assertThat(g.isDryRun()).isTrue();
      assertThat(g.isDemo()).isTrue();
      assertThat(g.isAllRegions()).isTrue();
      assertThat(g.isAllProfiles()).isTrue();
      assertThat(g.isDebug()).isFalse();
    }
  }
}
