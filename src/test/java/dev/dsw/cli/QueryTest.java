package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.yaml.snakeyaml.Yaml;

/**
 * --query (JMESPath) and --jq see what -o json prints, masked; scalars print as plain lines, -o
 * json and -o yaml force those forms, and a syntax error is exit 2 naming where it is, before
 * anything is sent. Expected values are worked out from the -o json output.
 */
class QueryTest {
  @TempDir static Path dir;
  static EmulatorServer server;
  static JsonNode all;

  @BeforeAll
  static void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(40)
                .seed(17)
                .anchor(Instant.parse("2026-11-01T00:00:00Z"))
                .build());
    all = Json.MAPPER.readTree(run(0, "-o", "json").stdout());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static TestEnvironment run(int exit, String... args) {
    return TestEnvironment.list(dir, server, exit, args);
  }

  static List<String> ids(String status) {
    List<String> ids = new ArrayList<>();
    for (JsonNode i : all) {
      if (status == null || i.get("Status").asText().equals(status)) {
        ids.add(i.get("InstanceId").asText());
      }
    }
    return ids;
  }

  @Test
  void scalarsPrintAsPlainLinesInBothLanguages() {
    assertThat(run(0, "--query", "[].InstanceId").stdout().lines())
        .containsExactlyElementsOf(ids(null));
    assertThat(run(0, "--jq", ".[] | .InstanceId").stdout().lines())
        .containsExactlyElementsOf(ids(null));
    assertThat(run(0, "--query", "[?Status=='Running'].InstanceId").stdout().lines())
        .containsExactlyElementsOf(ids("Running"));
    assertThat(
            run(0, "--jq", ".[] | select(.Status == \"Running\") | .InstanceId").stdout().lines())
        .containsExactlyElementsOf(ids("Running"));
    assertThat(run(0, "--query", "length(@)").stdout().strip())
        .isEqualTo(Integer.toString(all.size()));
  }

  @Test
  void jsonAndYamlForceTheirForms() throws Exception {
    JsonNode json = Json.MAPPER.readTree(run(0, "--query", "[].InstanceId", "-o", "json").stdout());
    assertThat(json.isArray()).isTrue();
    assertThat(json.size()).isEqualTo(all.size());
    Object yaml =
        new Yaml()
            .load(
                run(0, "--query", "[0].{id: InstanceId, name: InstanceName}", "-o", "yaml")
                    .stdout());
    assertThat(Json.MAPPER.valueToTree(yaml).get("id").asText()).isEqualTo(ids(null).get(0));
    JsonNode object = Json.MAPPER.readTree(run(0, "--query", "[0].RequestedResource").stdout());
    assertThat(object).isEqualTo(all.get(0).get("RequestedResource")); // objects print as JSON
  }

  @Test
  void secretsStayMaskedInsideQueryResults() {
    List<String> auth = run(0, "--query", "[?ImageAuth!=''].ImageAuth").stdout().lines().toList();
    assertThat(auth).isNotEmpty().containsOnly("***");
    List<String> shown =
        run(0, "--query", "[?ImageAuth!=''].ImageAuth", "--show-secrets").stdout().lines().toList();
    assertThat(shown).hasSameSizeAs(auth).doesNotContain("***");
    assertThat(run(0, "--jq", ".[] | .EnvironmentVariables | .[]").stdout().lines())
        .containsOnly("***");
  }

  @Test
  void syntaxErrorsAreUsageErrorsThatSayWhereAndSendNothing() {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    // an endpoint where nothing listens: a request sent would be a network error, exit 1
    assertThat(env.run("list", "--endpoint", "http://127.0.0.1:9", "--query", "[?Status=="))
        .isEqualTo(2);
    assertThat(env.stderr().lines().findFirst().orElseThrow())
        .startsWith("dsw: --query '[?Status==': ")
        .contains("at position 10");
    TestEnvironment jq = TestEnvironment.withDemoKeys(dir);
    assertThat(jq.run("list", "--endpoint", "http://127.0.0.1:9", "--jq", ".[] |")).isEqualTo(2);
    assertThat(jq.stderr()).contains("--jq '.[] |'").contains("at line 1, column 5");
    assertThat(run(2, "--query", "[]", "--jq", ".").stderr()).contains("cannot be combined");
    assertThat(run(2, "--query", "[]", "--watch").stderr())
        .contains("--query applies to a listing");
  }
}
