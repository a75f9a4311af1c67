package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.api.Endpoints;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regions dsw knows, a mistyped one, and one it does not know yet (part of issue #33). */
class RegionsTest {
  @TempDir Path dir;

  @Test
  void theKnownRegionsIncludeThoseTheEndpointMetadataNames() {
    assertThat(Endpoints.KNOWN_REGIONS)
        .contains("eu-central-1", "us-east-1", "us-west-1", "me-central-1", "cn-shanghai-finance-1")
        .hasSize(18)
        .doesNotHaveDuplicates();
    TestEnvironment env = new TestEnvironment(dir);
    assertThat(env.run("--demo", "summary", "--all-regions", "--by", "region", "-o", "csv"))
        .isZero();
    assertThat(env.stdout()).contains("\neu-central-1,").contains("\ncn-shanghai-finance-1,");
  }

  @Test
  void aMistypedRegionIsExitTwoWithADidYouMeanBeforeAnythingIsSent() {
    for (String[] args :
        new String[][] {
          {"--region", "cn-hangzhuo", "list"},
          {"list", "--region", "cn-hangzhou,us-east-2"},
          {"--demo", "list", "--region", "cn-hangzhuo"},
        }) {
      TestEnvironment env = TestEnvironment.withDemoKeys(dir);
      assertThat(env.run(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw:"))).hasSize(1);
      assertThat(env.stderr()).contains("unknown region").contains("did you mean");
    }
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    env.run("--region", "cn-hangzhuo", "list");
    assertThat(env.stderr())
        .startsWith("dsw: unknown region 'cn-hangzhuo'; did you mean cn-hangzhou?\n")
        .contains("give its endpoint: --endpoint https://pai-dsw.cn-hangzhuo.aliyuncs.com");
  }

  @Test
  void aRegionDswDoesNotKnowYetIsReachedThroughItsEndpoint() throws Exception {
    try (EmulatorServer server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .regions(List.of("cn-hangzhou", "xx-future-1"))
                .build())) {
      TestEnvironment env = TestEnvironment.withDemoKeys(dir);
      int code =
          env.run(
              "list",
              "--endpoint",
              server.baseUrl() + "/{region}",
              "--region",
              "xx-future-1",
              "-A",
              "--limit",
              "1",
              "-o",
              "name");
      assertThat(code).as(env.stderr()).isZero();
      assertThat(env.stdout()).startsWith("dsw-");
    }
  }
}
