package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import dev.dsw.model.Memory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo tells one consistent story (issue #33). A user saw a 20-hour-old instance with 8,207
 * running hours, then 2,333, then 7,462 on the next runs; an 8×H100 instance on an A10 machine type
 * with a CPU image; "4vCPU+15GiB" on a 32-CPU instance; a console URL naming another workspace; and
 * a list --watch that never changed. Each of those is checked here on every demo instance.
 */
class DemoStoryTest {
  @TempDir Path dir;

  private List<ObjectNode> fleet(Clock clock) throws Exception {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir).clock(clock);
    assertThat(env.run("--demo", "list", "-A", "-o", "json")).as(env.stderr()).isZero();
    List<ObjectNode> out = new java.util.ArrayList<>();
    Json.MAPPER.readTree(env.stdout()).forEach(n -> out.add((ObjectNode) n));
    assertThat(out).hasSizeGreaterThan(40);
    return out;
  }

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  @Test
  void runningTimeNeverExceedsAge() throws Exception {
    for (ObjectNode i : fleet(at(TestEnvironment.NOW.plusMillis(731)))) {
      long age =
          Duration.between(
                  Instant.parse(i.path("GmtCreateTime").asText()),
                  TestEnvironment.NOW.plusMillis(731))
              .toMillis();
      assertThat(i.path("AccumulatedRunningTimeInMs").asLong())
          .as("%s running time within its age", i.path("InstanceId").asText())
          .isBetween(0L, age);
    }
  }

  @Test
  void valuesThatDoNotDependOnTheClockAreTheSameRunAfterRun() throws Exception {
    // the user's runs were a few seconds apart, at different fractions of a second
    List<ObjectNode> first = fleet(at(TestEnvironment.NOW.plusMillis(123)));
    List<ObjectNode> second = fleet(at(TestEnvironment.NOW.plusSeconds(7).plusMillis(877)));
    assertThat(second).hasSameSizeAs(first);
    for (int k = 0; k < first.size(); k++) {
      ObjectNode a = withoutClock(first.get(k));
      ObjectNode b = withoutClock(second.get(k));
      assertThat(b).as(a.path("InstanceId").asText()).isEqualTo(a);
    }
  }

  /** The instance without what moves with the clock: times, and the timer's remaining time. */
  private static ObjectNode withoutClock(ObjectNode i) {
    ObjectNode c = i.deepCopy();
    c.remove(List.of("GmtCreateTime", "GmtModifiedTime", "InstanceShutdownTimer"));
    c.remove("LatestSnapshot");
    c.remove("InstanceSnapshotList");
    return c;
  }

  @Test
  void specGpuCpuMemoryImageResourceAndUrlAgree() throws Exception {
    Map<String, String> resourcesBySpec = new HashMap<>();
    for (ObjectNode i : fleet(at(TestEnvironment.NOW))) {
      String id = i.path("InstanceId").asText();
      JsonNode res = i.path("RequestedResource");
      BigDecimal gpus =
          new BigDecimal(res.path("GPU").asText("0").isEmpty() ? "0" : res.path("GPU").asText("0"));
      boolean gpu = gpus.signum() > 0;
      String resources =
          res.path("CPU").asText()
              + "/"
              + Memory.gigabytes(res.path("Memory").asText()).orElseThrow().stripTrailingZeros()
              + "/"
              + gpus.stripTrailingZeros().toPlainString()
              + "/"
              + res.path("GPUType").asText("");
      String spec = i.path("EcsSpec").asText();
      if (!spec.isEmpty()) {
        String seen = resourcesBySpec.putIfAbsent(spec, resources);
        assertThat(resources)
            .as("%s on %s asks what the spec gives", id, spec)
            .isEqualTo(seen == null ? resources : seen);
        assertThat(spec.startsWith("ecs.gn")).as("%s: a GPU spec iff GPUs", id).isEqualTo(gpu);
        assertThat(i.path("ResourceName").asText()).as(id).isEqualTo(spec);
      } else {
        assertThat(i.path("ResourceName").asText())
            .as("%s: a resource group's share is what it asks", id)
            .startsWith(res.path("CPU").asText() + "vCPU+");
      }
      assertThat(i.path("AcceleratorType").asText()).as(id).isEqualTo(gpu ? "GPU" : "CPU");
      assertThat(i.path("Driver").asText().isEmpty())
          .as("%s: a driver iff GPUs", id)
          .isEqualTo(!gpu);
      String image = i.path("ImageName").asText();
      assertThat(image.contains("gpu"))
          .as("%s: %s is a GPU build iff GPUs", id, image)
          .isEqualTo(gpu);
      String url = i.path("ImageUrl").asText();
      if (url.startsWith("dsw-registry")) {
        assertThat(url).as(id).endsWith("/" + image);
      }
      assertThat(i.path("InstanceUrl").asText())
          .as("%s: the console URL names its workspace", id)
          .contains("workspaceId=" + i.path("WorkspaceId").asText() + "#");
      for (JsonNode d : i.path("Datasets")) {
        if (d.path("Uri").asText().startsWith("oss://pai-data-")) {
          assertThat(d.path("Uri").asText())
              .as(id)
              .startsWith("oss://pai-data-" + i.path("WorkspaceId").asText() + ".");
        }
      }
    }
  }

  @Test
  void theDemoMovesWithinAMinuteSoWatchShowsChanges() {
    TestEnvironment.ManualClock clock = new TestEnvironment.ManualClock(TestEnvironment.NOW);
    TestEnvironment env = TestEnvironment.withDemoKeys(dir).sleepingOn(clock).onPause(n -> n >= 6);
    env.run("--demo", "list", "--watch", "--interval", "10s", "-o", "wide");
    String out = env.stdout();
    assertThat(out)
        .contains("starting_notebook  Starting → EnvPreparing")
        .contains("starting_notebook  EnvPreparing → Running")
        .contains("stopping_notebook  Running → Stopping")
        .contains("stopping_notebook  Stopping → Stopped")
        .contains("failing_notebook  EnvPreparing → Failed");
    assertThat(clock.instant()).isBeforeOrEqualTo(TestEnvironment.NOW.plusSeconds(60));
  }
}
