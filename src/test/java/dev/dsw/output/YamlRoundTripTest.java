package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.TestEnvironment;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * -o yaml holds exactly what -o json holds: read back with SnakeYAML itself (not through Jackson's
 * YAML mapping that wrote it), every value round-trips, strings YAML would read as something else
 * stay strings, and secrets are masked by the same step as in JSON.
 */
class YamlRoundTripTest {
  @TempDir static Path dir;
  static EmulatorServer server;

  @BeforeAll
  static void start() throws Exception {
    Path data = dir.resolve("tricky.json");
    Files.writeString(
        data,
        """
        [{"InstanceId": "dsw-y1", "InstanceName": "on", "Status": "Running", "WorkspaceId": "0123",
          "ResourceId": "", "UserName": "2026-01-01", "UserId": "yes", "ImageName": "null",
          "Description": "~", "Version": "1e3", "Note": "line one\\nline two: with a colon",
          "WorkspaceName": "推荐系统 🚀", "Owner": "이서연", "Priority": 12345678901234567890,
          "Ratio": 0.1, "Flag": true, "Nothing": null, "Empty": {}, "List": [],
          "ImageAuth": "aGFyYm9yOnNlY3JldA==", "EnvironmentVariables": {"HF_TOKEN": "hf-secret-1"},
          "RequestedResource": {"CPU": "4", "Memory": "16Gi", "GPU": "0"},
          "GmtCreateTime": "2026-11-20T00:00:00Z"}]
        """);
    server = EmulatorServer.start(TestEnvironment.emulator().toBuilder().data(data).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String run(String... format) {
    return TestEnvironment.list(dir, server, 0, format).stdout();
  }

  @Test
  void yamlReadsBackAsTheJsonDoes() throws Exception {
    String yaml = run("-o", "yaml");
    JsonNode json = Json.MAPPER.readTree(run("-o", "json"));
    Object loaded = new Yaml(new LoaderOptions()).load(yaml);
    JsonNode read = Json.MAPPER.valueToTree(loaded);
    assertThat(read).isEqualTo(json);
    JsonNode i = json.get(0);
    assertThat(i.get("InstanceName").isTextual()).isTrue(); // "on" is not a boolean
    assertThat(i.get("WorkspaceId").asText()).isEqualTo("0123");
    assertThat(i.get("UserName").asText()).isEqualTo("2026-01-01");
    assertThat(i.get("Priority").bigIntegerValue())
        .isEqualTo(new java.math.BigInteger("12345678901234567890"));
    assertThat(yaml).contains("推荐系统 🚀").contains("이서연"); // not escaped
    assertThat(yaml)
        .contains("ImageAuth: \"***\"")
        .doesNotContain("aGFyYm9yOnNlY3JldA==")
        .doesNotContain("hf-secret-1");
    assertThat(run("-o", "yaml", "--show-secrets")).contains("hf-secret-1");
  }
}
