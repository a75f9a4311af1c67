package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dsw wait against instances whose status moves on the emulator's timeline: one reaches Running,
 * one fails, one never arrives. dsw and the emulator share a clock that each pause moves on, so
 * minutes pass at once and the tests never sleep.
 */
class WaitCommandTest {
  @TempDir Path dir;
  EmulatorServer server;
  TestEnvironment.ManualClock clock;

  static final String FLEET =
      """
      [
       {"InstanceId":"dsw-w1","InstanceName":"starts","Status":"Starting",
        "EmulatorTimeline":[{"Status":"EnvPreparing","AtSeconds":30},{"Status":"Running","AtSeconds":60}]},
       {"InstanceId":"dsw-w2","InstanceName":"fails","Status":"Starting",
        "EmulatorTimeline":[{"Status":"EnvPreparing","AtSeconds":30},
          {"Status":"Failed","ReasonCode":"ImagePullBackOff","ReasonMessage":"no such image","AtSeconds":45}]},
       {"InstanceId":"dsw-w3","InstanceName":"steady","Status":"Running","Labels":[{"Key":"team","Value":"a"}]},
       {"InstanceId":"dsw-w4","InstanceName":"stopping","Status":"Stopping","Labels":[{"Key":"team","Value":"a"}],
        "EmulatorTimeline":[{"Status":"Stopped"}]}
      ]
      """;

  @BeforeEach
  void start() throws Exception {
    Path data = dir.resolve("fleet.json");
    Files.writeString(data, FLEET);
    clock = new TestEnvironment.ManualClock(TestEnvironment.NOW);
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .clock(clock)
                .data(data)
                .transitionStep(Duration.ofSeconds(20))
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  TestEnvironment env() {
    return TestEnvironment.withDemoKeys(dir).sleepingOn(clock).onPause(n -> false);
  }

  int waitFor(TestEnvironment env, String... args) {
    List<String> all = new ArrayList<>(List.of("wait", "--endpoint", server.baseUrl()));
    all.addAll(List.of(args));
    return env.run(all.toArray(String[]::new));
  }

  @Test
  void waitsUntilRunningAndPrintsOneEventPerChange() throws Exception {
    TestEnvironment env = env();
    assertThat(
            waitFor(env, "dsw-w1", "--for", "Status=Running", "--interval", "10s", "-o", "jsonl"))
        .as(env.stderr())
        .isZero();
    List<JsonNode> events = new ArrayList<>();
    for (String l : env.stdout().lines().toList()) {
      events.add(Json.MAPPER.readTree(l));
    }
    assertThat(events.stream().map(e -> e.get("Event").asText() + " " + e.path("Status").asText()))
        .containsExactly("STATUS Starting", "STATUS EnvPreparing", "STATUS Running", "MET ");
    assertThat(events.get(2).get("PreviousStatus").asText()).isEqualTo("EnvPreparing");
    assertThat(events.get(3).get("Instances").get("dsw-w1").asText()).isEqualTo("Running");
    assertThat(env.pauses()).isEqualTo(6); // 60 s in steps of 10 s
  }

  @Test
  void stopsAtOnceOnATerminalFailureNamingItAndItsReason() {
    TestEnvironment env = env();
    int code = waitFor(env, "dsw-w1", "dsw-w2", "--for", "Status=Running", "--interval", "5s");
    assertThat(code).isEqualTo(ExitCodes.WAIT_FAILED);
    assertThat(env.stderr())
        .startsWith("dsw: dsw-w2 is Failed: no such image")
        .doesNotContain("\tat ");
    assertThat(env.pauses()).isEqualTo(9); // failed at 45 s, before dsw-w1 was Running at 60 s
    assertThat(env.stdout()).contains("dsw-w2").contains("Failed").contains("ImagePullBackOff");
  }

  @Test
  void timesOutNamingWhatMissed() {
    TestEnvironment env = env();
    int code =
        waitFor(
            env,
            "dsw-w1",
            "dsw-nothere1",
            "--for",
            "Status=Running",
            "--timeout",
            "2m",
            "--interval",
            "30s");
    assertThat(code).isEqualTo(ExitCodes.WAIT_TIMEOUT);
    assertThat(env.stderr())
        .startsWith("dsw: timed out after 2m waiting for Status=Running:")
        .contains("dsw-w1 Running")
        .contains("dsw-nothere1 not found");
    assertThat(env.pauses()).isEqualTo(4); // 2 minutes of 30 s pauses
  }

  @Test
  void filtersSelectTheSetAndAnyIsEnough() {
    TestEnvironment all = env();
    assertThat(
            waitFor(
                all,
                "--label",
                "team=a",
                "--for",
                "Status=Running,Stopped",
                "--interval",
                "10s",
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL"))
        .as(all.stderr())
        .isZero();
    assertThat(all.pauses()).isEqualTo(2); // dsw-w4 is Stopped after the first 20 s step

    TestEnvironment any = env();
    assertThat(
            waitFor(
                any,
                "--label",
                "team=a",
                "--for",
                "Status=Stopped",
                "--any",
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL"))
        .isZero();
  }

  @Test
  void deletedIsMetWhenTheInstanceIsGone() {
    TestEnvironment env = env();
    assertThat(waitFor(env, "dsw-gone0001", "--for", "deleted")).as(env.stderr()).isZero();
    assertThat(env.pauses()).isZero();
  }

  @Test
  void badInputIsExitTwoAndSendsNothing() {
    for (List<String> args :
        List.of(
            List.of("dsw-w1", "--for", "Status=Runing"),
            List.of("dsw-w1", "--for", "Phase=Running"),
            List.of("dsw-w1", "--for", "Running"),
            List.of("dsw-w1", "--for", "Status=Running", "--timeout", "0s"),
            List.of("dsw-w1", "--for", "Status=Running", "--interval", "500ms"),
            List.of("dsw-w1", "--for", "Status=Running", "--fail-on", "Exploded"),
            List.of("dsw-w1,,dsw-w2", "--for", "Status=Running"),
            List.of("dsw-w1"))) {
      TestEnvironment env = env();
      assertThat(waitFor(env, args.toArray(String[]::new))).as(args + env.stderr()).isEqualTo(2);
      assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw: "))).hasSize(1);
    }
    TestEnvironment typo = env();
    waitFor(typo, "dsw-w1", "--for", "Status=Runing");
    assertThat(typo.stderr()).contains("did you mean Running?");
  }
}
