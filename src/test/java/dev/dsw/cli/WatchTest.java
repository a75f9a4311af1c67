package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * list --watch: the fleet is changed between polls (the test's pause), and dsw reports exactly
 * those changes.
 */
class WatchTest {
  @TempDir Path dir;

  EmulatorServer server;

  @BeforeEach
  void start() throws Exception {
    Path data = dir.resolve("reports.json");
    Files.copy(WatchTest.class.getResourceAsStream("/fleet/reports.json"), data);
    server = EmulatorServer.start(TestEnvironment.emulator().toBuilder().data(data).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * After the first poll: dsw-r1 stops, dsw-s2 is deleted, dsw-n1 is created. Stops after the
   * second poll.
   */
  TestEnvironment env() {
    return changing(
        fleet -> {
          List<ObjectNode> next = new ArrayList<>();
          for (ObjectNode i : fleet) {
            String id = i.get("InstanceId").asText();
            if (id.equals("dsw-r1")) {
              next.add(i.deepCopy().put("Status", "Stopped"));
            } else if (!id.equals("dsw-s2")) {
              next.add(i);
            }
          }
          next.add(
              fleet
                  .get(0)
                  .deepCopy()
                  .put("InstanceId", "dsw-n1")
                  .put("InstanceName", "new_one")
                  .put("Status", "Creating"));
          return next;
        });
  }

  /** The demo keys, and a first pause that changes the fleet so; stops after the second poll. */
  TestEnvironment changing(java.util.function.UnaryOperator<List<ObjectNode>> change) {
    return new TestEnvironment(dir)
        .set("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorServer.DEMO_KEY_ID)
        .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EmulatorServer.DEMO_KEY_SECRET)
        .onPause(
            n -> {
              if (n == 1) {
                server.store().update(change);
              }
              return n >= 2;
            });
  }

  int run(TestEnvironment env, String... args) {
    List<String> full =
        new ArrayList<>(
            List.of(
                "list",
                "--watch",
                "--interval",
                "1s",
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL",
                "--endpoint",
                server.baseUrl()));
    full.addAll(List.of(args));
    return env.run(full.toArray(String[]::new));
  }

  @Test
  void jsonlEmitsOneEventPerChange() throws Exception {
    TestEnvironment env = env();
    assertThat(run(env, "-o", "jsonl"))
        .as(env.stderr())
        .isEqualTo(ExitCodes.INTERRUPTED); // the simulated Ctrl-C
    List<JsonNode> events = new ArrayList<>();
    for (String line : env.stdout().lines().toList()) {
      events.add(Json.MAPPER.readTree(line));
    }
    // First poll: the six instances of the fixture, each ADDED.
    assertThat(events.subList(0, 6)).allMatch(e -> e.get("Event").asText().equals("ADDED"));
    assertThat(events.subList(0, 6).stream().map(e -> e.get("InstanceId").asText()))
        .containsExactlyInAnyOrder("dsw-r1", "dsw-r2", "dsw-r3", "dsw-s1", "dsw-s2", "dsw-f1");
    // Second poll: exactly the three changes made between the polls.
    List<String> second =
        events.subList(6, events.size()).stream()
            .map(
                e ->
                    e.get("Event").asText()
                        + " "
                        + e.get("InstanceId").asText()
                        + " "
                        + e.get("Status").asText()
                        + (e.has("PreviousStatus")
                            ? " was " + e.get("PreviousStatus").asText()
                            : ""))
            .toList();
    assertThat(second)
        .containsExactlyInAnyOrder(
            "STATUS dsw-r1 Stopped was Running", "REMOVED dsw-s2 Stopped", "ADDED dsw-n1 Creating");
    assertThat(events.get(0).get("Time").asText()).isEqualTo(TestEnvironment.NOW.toString());
    assertThat(events.get(0).get("Instance").get("InstanceId"))
        .isEqualTo(events.get(0).get("InstanceId"));
  }

  @Test
  void pipedTableIsFollowedByOneLinePerChange() {
    TestEnvironment env = env();
    assertThat(run(env, "--columns", "ID,STATUS"))
        .as(env.stderr())
        .isEqualTo(ExitCodes.INTERRUPTED); // the simulated Ctrl-C
    List<String> lines = env.stdout().lines().toList();
    assertThat(lines.get(0)).startsWith("ID").contains("STATUS");
    assertThat(lines.subList(1, 7)).allMatch(l -> l.startsWith("dsw-"));
    assertThat(lines.subList(7, lines.size()))
        .hasSize(3)
        .allMatch(l -> l.startsWith(TestEnvironment.NOW.toString()));
    assertThat(String.join("\n", lines.subList(7, lines.size())))
        .contains("STATUS  dsw-r1  train_a  Running → Stopped")
        .contains("REMOVED dsw-s2")
        .contains("ADDED   dsw-n1  new_one  Creating");
  }

  @Test
  void terminalRedrawsTheWholeTableEachPoll() {
    TestEnvironment env = env().terminal(120);
    assertThat(run(env, "--color", "never"))
        .as(env.stderr())
        .isEqualTo(ExitCodes.INTERRUPTED); // the simulated Ctrl-C
    String out = env.stdout();
    assertThat(out.split("\u001b\\[H\u001b\\[2J", -1)).hasSize(3);
    String second = out.substring(out.lastIndexOf("\u001b[H"));
    assertThat(second)
        .contains("6 instances · 1 added, 1 removed, 1 changed status")
        .contains("  REMOVED dsw-s2  eval_e  Stopped");
    String table = second.substring(second.indexOf("\n\n") + 2);
    assertThat(table.lines())
        .hasSize(7)
        .anyMatch(l -> l.startsWith("dsw-n1 "))
        .noneMatch(l -> l.contains("dsw-s2"));
  }

  @Test
  void hiddenColumnsAreNamedOnceThoughTheTableIsRedrawnAtEveryPoll() {
    TestEnvironment env = env().terminal(30);
    assertThat(run(env, "--color", "never", "--columns", "ID,NAME,IMAGE,OWNER"))
        .as(env.stderr())
        .isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(env.stdout().split("\u001b\\[H\u001b\\[2J", -1)).hasSize(3); // two redraws
    assertThat(env.stderr().lines().filter(l -> l.contains("hidden to fit"))).hasSize(1);
  }

  @Test
  void aDumbTerminalGetsThePipedFormWithNoControlCharacters() {
    TestEnvironment env = env().terminal(120).stderrTerminal().set("TERM", "dumb");
    assertThat(run(env, "--columns", "ID,STATUS"))
        .as(env.stderr())
        .isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(env.stdout() + env.stderr()).doesNotContain("\u001b").doesNotContain("\r");
    List<String> lines = env.stdout().lines().toList();
    assertThat(lines.get(0)).startsWith("ID").contains("STATUS");
    assertThat(lines.subList(7, lines.size()))
        .hasSize(3)
        .allMatch(l -> l.startsWith(TestEnvironment.NOW.toString()));
  }

  @Test
  void formatsThatCannotStreamChangesAreRefused() {
    TestEnvironment env = env();
    assertThat(run(env, "-o", "csv")).isEqualTo(2);
    assertThat(env.stderr()).contains("--watch works with -o table, wide or jsonl");
    TestEnvironment e2 = env();
    assertThat(e2.run("list", "--interval", "5s", "--endpoint", server.baseUrl())).isEqualTo(2);
    assertThat(e2.stderr()).contains("--interval only applies with --watch");
    TestEnvironment e3 = env();
    assertThat(run(e3, "--interval", "500ms")).isEqualTo(2);
  }

  @Test
  void aFailedFirstPollIsFatal() {
    TestEnvironment env =
        new TestEnvironment(dir)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorServer.DEMO_KEY_ID)
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong-secret");
    assertThat(run(env, "-o", "jsonl")).isEqualTo(ExitCodes.CREDENTIALS);
    assertThat(env.stdout()).isEmpty();
  }

  /** A change line repeats the server's text; it reaches the terminal inert (issue #31). */
  @Test
  void changeLinesShowServerEscapesAsText() {
    String evil = "\u001b]0;pwned\u0007\u001b[2J\u202egnp.exe\u2028x";
    TestEnvironment env =
        changing(
            fleet -> {
              List<ObjectNode> next = new ArrayList<>(fleet);
              next.add(
                  fleet
                      .get(0)
                      .deepCopy()
                      .put("InstanceId", "dsw-evil1")
                      .put("InstanceName", "n" + evil)
                      .put("Status", "Running" + evil));
              return next;
            });
    assertThat(run(env, "--columns", "ID,STATUS")).isEqualTo(ExitCodes.INTERRUPTED);
    String out = env.stdout();
    assertThat(out).contains("dsw-evil1").contains("\\x1b]0;pwned\\x07").contains("\\u202e");
    assertThat(out.chars().filter(c -> c == 0x1b || c == 0x07 || c == 0x202e || c == 0x2028))
        .isEmpty();
  }
}
