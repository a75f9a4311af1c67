package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --gpu-type as people say it, resolved against the emulator's ListEcsSpecs (part of issue #33):
 * the API's spelling on the wire, several variants matched by dsw, a name that is none refused.
 */
class GpuTypeTest {
  @TempDir Path dir;
  EmulatorServer server;
  final List<String> log = new CopyOnWriteArrayList<>();

  static final String FLEET =
      """
      [
       {"InstanceId":"dsw-a10","EcsSpec":"ecs.gn7i-c8g1.2xlarge","RequestedResource":{"CPU":"8","GPU":"1","GPUType":"NVIDIA A10","Memory":"30"}},
       {"InstanceId":"dsw-a100","EcsSpec":"ecs.gn7-c12g1.3xlarge","RequestedResource":{"CPU":"12","GPU":"1","GPUType":"NVIDIA A100","Memory":"94"}},
       {"InstanceId":"dsw-a100b","EcsSpec":"ecs.gn7-c13g1.13xlarge","RequestedResource":{"CPU":"52","GPU":"4","GPUType":"NVIDIA A100-80G","Memory":"376"}},
       {"InstanceId":"dsw-v100","EcsSpec":"ecs.gn6v-c8g1.2xlarge","RequestedResource":{"CPU":"8","GPU":"1","GPUType":"Tesla-V100-16G","Memory":"32"}},
       {"InstanceId":"dsw-cpu","EcsSpec":"ecs.g7.2xlarge","RequestedResource":{"CPU":"8","Memory":"32"}}
      ]
      """;

  @BeforeEach
  void start() throws Exception {
    server =
        EmulatorServer.start(TestEnvironment.fleet(dir, FLEET).toBuilder().log(log::add).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  TestEnvironment env() {
    return TestEnvironment.withDemoKeys(dir);
  }

  int run(TestEnvironment env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", server.baseUrl(), "-A", "--resource-id", "ALL"));
    return env.run(all.toArray(String[]::new));
  }

  List<String> ids(String... args) {
    TestEnvironment env = env();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-o", "name"));
    assertThat(run(env, all.toArray(String[]::new))).as(env.stderr()).isZero();
    return env.stdout().lines().toList();
  }

  List<String> requests(String what) throws InterruptedException {
    Thread.sleep(150); // the emulator logs a request just after answering it
    return log.stream().filter(l -> l.contains(what)).toList();
  }

  @Test
  void whereOnTheGpuTypeResolvesAsGpuTypeDoes() {
    // --where 'RequestedResource.GPUType=A10' matched nothing: it compared with "NVIDIA A10" as
    // text
    for (String said : List.of("A10", "a10", "'nvidia a10'", "\"NVIDIA A10\"")) {
      assertThat(ids("list", "--where", "RequestedResource.GPUType=" + said))
          .as(said)
          .containsExactly("dsw-a10");
    }
    assertThat(ids("list", "--where", "RequestedResource.GPUType==A100"))
        .containsExactlyInAnyOrder("dsw-a100", "dsw-a100b");
    assertThat(ids("list", "--where", "RequestedResource.GPUType=V100-16G"))
        .containsExactly("dsw-v100");
    assertThat(ids("list", "--where", "RequestedResource.GPUType!=A10"))
        .containsExactlyInAnyOrder("dsw-a100", "dsw-a100b", "dsw-v100", "dsw-cpu");
    assertThat(ids("list", "--where", "RequestedResource.GPUType~A10$"))
        .as("a regular expression still reads the API's spelling")
        .containsExactly("dsw-a10");
  }

  @Test
  void theWaysPeopleSayATypeSelectTheSameInstancesAndTheWireHasTheApisSpelling() throws Exception {
    for (String said : List.of("A10", "a10", "nvidia a10", "NVIDIA A10")) {
      assertThat(ids("list", "--gpu-type", said)).as(said).containsExactly("dsw-a10");
    }
    assertThat(requests("GET /api/v2/instances?"))
        .allMatch(l -> l.contains("GpuType=NVIDIA%20A10"));
    // the catalogue was read once (ListEcsSpecs, GPU), then kept
    assertThat(requests("GET /api/v2/ecsspecs?")).hasSize(1);
    assertThat(requests("GET /api/v2/ecsspecs?").get(0))
        .contains("AcceleratorType=GPU&PageNumber=1&PageSize=100");
  }

  @Test
  void aFamilySelectsEveryVariantMatchedByDsw() throws Exception {
    assertThat(ids("list", "--gpu-type", "A100"))
        .containsExactlyInAnyOrder("dsw-a100", "dsw-a100b");
    assertThat(ids("list", "--gpu-type", "V100-16G")).containsExactly("dsw-v100");
    assertThat(requests("GET /api/v2/instances?"))
        .anyMatch(l -> !l.contains("GpuType="))
        .anyMatch(l -> l.contains("GpuType=Tesla-V100-16G"));
    TestEnvironment summary = env();
    assertThat(run(summary, "summary", "--gpu-type", "a100", "--by", "gpu-type", "-o", "json"))
        .isZero();
    JsonNode groups = Json.MAPPER.readTree(summary.stdout());
    assertThat(groups.get(groups.size() - 1).get("Instances").asInt()).isEqualTo(2);
  }

  @Test
  void aNameThatIsNoTypeIsExitTwoWithTheKnownTypes() {
    TestEnvironment env = env();
    assertThat(run(env, "list", "--gpu-type", "A1000")).isEqualTo(ExitCodes.USAGE);
    assertThat(env.stderr())
        .startsWith("dsw: --gpu-type A1000: no such GPU type here; did you mean NVIDIA A100?\n")
        .contains("known: NVIDIA A10, NVIDIA A100, NVIDIA A100-80G, Tesla-V100-16G");
    assertThat(env.stdout()).isEmpty();
  }

  @Test
  void aDryRunSendsNothingAndShowsTheNameAsTyped() throws Exception {
    TestEnvironment env = env();
    assertThat(run(env, "list", "--gpu-type", "A10", "--dry-run")).isZero();
    assertThat(env.stdout()).contains("GpuType=A10");
    assertThat(requests("GET /")).isEmpty();
  }

  @Test
  void theEmulatorsCatalogueCoversItsFleetAndNeedsAnAcceleratorType() throws Exception {
    // the raw transport signs on the real clock: an emulator on the real clock answers it
    try (EmulatorServer real =
            EmulatorServer.start(
                EmulatorConfig.defaults().toBuilder().data(dir.resolve("fleet.json")).build());
        var t = dev.dsw.api.Emulators.transport(0)) {
      java.util.function.Function<java.util.Map<String, String>, dev.dsw.http.ApiRequest> ecsSpecs =
          query ->
              new dev.dsw.http.ApiRequest(
                  real.baseUrl(),
                  "/api/v2/ecsspecs",
                  "ListEcsSpecs",
                  "2022-01-01",
                  new java.util.TreeMap<>(query));
      var answer =
          t.send(ecsSpecs.apply(java.util.Map.of("AcceleratorType", "GPU", "PageSize", "2")));
      JsonNode body = Json.MAPPER.readTree(answer.body());
      assertThat(body.get("TotalCount").asInt()).isEqualTo(4);
      assertThat(body.get("EcsSpecs")).hasSize(2);
      var missing = t.send(ecsSpecs.apply(java.util.Map.of()));
      assertThat(missing.status()).isEqualTo(400);
      assertThat(Json.MAPPER.readTree(missing.body()).get("Code").asText())
          .isEqualTo("ValidationError");
    }
  }
}
