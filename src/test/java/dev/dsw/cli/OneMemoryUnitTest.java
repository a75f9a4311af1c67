package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --min-memory (sent to the API, answered by the emulator), --where on the MEMORY column (on the
 * client) and the MEMORY column itself count memory the same way: in GB, with Gi read as G.
 */
class OneMemoryUnitTest {
  @TempDir static Path dir;

  static EmulatorServer server;

  @BeforeAll
  static void start() throws Exception {
    // Memory as the API sends it: plain numbers and Kubernetes quantities mixed.
    String[][] fleet = {
      {"m1", "32"},
      {"m2", "32Gi"},
      {"m3", "31"},
      {"m4", "512Mi"},
      {"m5", "64G"},
      {"m6", "1Ti"},
      {"m7", "31.5Gi"}
    };
    StringBuilder json = new StringBuilder("[");
    for (String[] i : fleet) {
      json.append(json.length() > 1 ? "," : "")
          .append("{\"InstanceId\":\"dsw-")
          .append(i[0])
          .append("\",\"InstanceName\":\"")
          .append(i[0])
          .append("\",\"Status\":\"Running\",\"WorkspaceId\":\"40823\",")
          .append(
              "\"GmtCreateTime\":\"2026-11-20T00:00:00Z\",\"RequestedResource\":{\"CPU\":\"4\",\"Memory\":\"")
          .append(i[1])
          .append("\",\"GPU\":\"0\"}}");
    }
    Path data = dir.resolve("memory.json");
    Files.writeString(data, json.append("]").toString());
    server = EmulatorServer.start(TestEnvironment.emulator().toBuilder().data(data).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> rows(String... args) {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    List<String> full =
        new ArrayList<>(
            List.of(
                "list",
                "--endpoint",
                server.baseUrl(),
                "-o",
                "csv",
                "--no-headers",
                "--columns",
                "ID,MEMORY",
                "--sort-column",
                "ID",
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL"));
    full.addAll(List.of(args));
    assertThat(env.run(full.toArray(String[]::new))).as(env.stderr()).isZero();
    return env.stdout().lines().toList();
  }

  @Test
  void theColumnShowsGbWhateverTheApiSent() {
    assertThat(rows())
        .containsExactly(
            "dsw-m1,32G",
            "dsw-m2,32G",
            "dsw-m3,31G",
            "dsw-m4,0.5G",
            "dsw-m5,64G",
            "dsw-m6,1024G",
            "dsw-m7,31.5G");
  }

  @Test
  void theFlagTheWhereAndTheColumnAgree() {
    List<String> atLeast32 = List.of("dsw-m1,32G", "dsw-m2,32G", "dsw-m5,64G", "dsw-m6,1024G");
    assertThat(rows("--min-memory", "32")).containsExactlyElementsOf(atLeast32);
    assertThat(rows("--min-memory", "32Gi")).containsExactlyElementsOf(atLeast32);
    assertThat(rows("--where", "MEMORY>=32")).containsExactlyElementsOf(atLeast32);
    assertThat(rows("--max-memory", "31")).containsExactly("dsw-m3,31G", "dsw-m4,0.5G");
    assertThat(rows("--where", "MEMORY<=31")).containsExactly("dsw-m3,31G", "dsw-m4,0.5G");
  }
}
