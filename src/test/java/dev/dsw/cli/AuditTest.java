package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.auth.Acs3Signer;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dsw audit over a fleet with a known set of findings (worked out by hand from exposure-audit.md
 * §2, not from the code), its selection flags, its CI gate, its baseline, and the wire form of its
 * one QueryAutoShutdownPolicies call.
 */
class AuditTest {
  @TempDir Path dir;
  EmulatorServer server;
  final List<String> log = new CopyOnWriteArrayList<>();

  static final String FLEET =
      """
      [
       {"InstanceId":"dsw-a1","InstanceName":"ssh_open","Status":"Running","Accessibility":"PUBLIC",
        "EnvironmentVariables":{"DB_PASSWORD":"hunter2-do-not-print","MODE":"x"},
        "UserVpc":{"ForwardInfos":[{"Enable":true,"Name":"ssh","ForwardPort":"22","AccessType":["internet"],
          "ConnectInfo":{"Internet":{"Endpoint":"47.1.2.3","Port":"22"}}}],
          "BandwidthLimit":{"IngressWhitelists":[]}}},
       {"InstanceId":"dsw-a2","InstanceName":"jupyter_intranet","Status":"Stopped",
        "UserVpc":{"ForwardInfos":[{"Enable":true,"Name":"jupyter","ForwardPort":"8888","AccessType":["intranet"]}],
          "BandwidthLimit":{"IngressWhitelists":["10.0.0.0/8"]}}},
       {"InstanceId":"dsw-a3","InstanceName":"eip_allowed","Status":"Running",
        "UserVpc":{"ForwardInfos":[{"Enable":true,"Name":"ssh","ForwardPort":"22","EipAllocationId":"eip-1"},
                                   {"Enable":false,"Name":"old","ForwardPort":"9000","AccessType":["internet"]}],
          "BandwidthLimit":{"IngressWhitelists":["10.0.0.0/8"]}}},
       {"InstanceId":"dsw-a4","InstanceName":"creds","Status":"Stopped","ImageAuth":"dXNlcjoqKio=",
        "CredentialConfig":{"Enable":true,"Configs":[{"Roles":[{"RoleArn":"acs:ram::1:role/wide"}]}]},
        "ServiceConfig":{"JupyterServerAuth":"false"}},
       {"InstanceId":"dsw-a5","InstanceName":"rw_root","Status":"Stopped","ImageUrl":"docker.io/me/img:1",
        "Datasets":[{"Uri":"oss://shared-bucket/","MountPath":"/mnt","MountAccess":"RW"},
                    {"Uri":"oss://b/x/","MountPath":"/ro","MountAccess":"RO"}]},
       {"InstanceId":"dsw-a6","InstanceName":"gpu_bare","Status":"Running","AcceleratorType":"GPU",
        "RequestedResource":{"GPU":"2","GPUType":"NVIDIA A10"}},
       {"InstanceId":"dsw-a7","InstanceName":"gpu_policy","Status":"Running","AcceleratorType":"GPU",
        "RequestedResource":{"GPU":"1","GPUType":"NVIDIA A10"},
        "EmulatorAutoShutdownPolicy":[{"Expression":"IdleDuration > 60 min","SourceType":"Workspace","Context":{}}]},
       {"InstanceId":"dsw-a8","InstanceName":"gpu_culled","Status":"Running","Accessibility":"PUBLIC",
        "RequestedResource":{"GPU":"1","GPUType":"NVIDIA A10"},
        "IdleInstanceCuller":{"MaxIdleTimeInMinutes":60,"IdleTimeInMinutes":5},
        "ImageUrl":"dsw-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai/modelscope:1"},
       {"InstanceId":"dsw-a9","InstanceName":"gpu_stopped","Status":"Stopped",
        "RequestedResource":{"GPU":"8","GPUType":"NVIDIA H100"}}
      ]
      """;

  /** The findings, by hand: CHECK SEVERITY INSTANCE. */
  static final Set<String> EXPECTED =
      Set.of(
          "DSW-NET-01 high dsw-a1",
          "DSW-NET-02 high dsw-a1",
          "DSW-VIS-01 medium dsw-a1", // PUBLIC beside a secret-looking variable
          "DSW-SEC-01 medium dsw-a1",
          "DSW-NET-03 medium dsw-a2",
          "DSW-NET-01 high dsw-a3", // EIP, but an allow-list: not NET-02; the disabled 9000 counts
          // not
          "DSW-SEC-02 medium dsw-a4",
          "DSW-SEC-03 low dsw-a4",
          "DSW-SEC-04 medium dsw-a4",
          "DSW-DATA-01 medium dsw-a5", // a bucket's root, read-write
          "DSW-IMG-01 info dsw-a5",
          "DSW-COST-01 medium dsw-a6",
          "DSW-VIS-01 low dsw-a8");

  @BeforeEach
  void start() throws Exception {
    server =
        EmulatorServer.start(TestEnvironment.fleet(dir, FLEET).toBuilder().log(log::add).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int audit(TestEnvironment env, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "audit",
                "--endpoint",
                server.baseUrl(),
                "--workspace",
                "ALL",
                "--resource-id",
                "ALL"));
    all.addAll(List.of(args));
    return env.run(all.toArray(String[]::new));
  }

  /** Waits (up to 5 s) for the emulator's log line of a PUT, written after its answer. */
  void awaitPut() throws InterruptedException {
    for (int i = 0; i < 100 && log.stream().noneMatch(l -> l.contains(" PUT ")); i++) {
      Thread.sleep(50);
    }
  }

  static Set<String> found(String json) throws Exception {
    Set<String> out = new TreeSet<>();
    for (JsonNode f : Json.MAPPER.readTree(json)) {
      out.add(
          f.get("CheckId").asText()
              + " "
              + f.get("Severity").asText()
              + " "
              + f.get("InstanceId").asText());
    }
    return out;
  }

  @Test
  void findsExactlyTheKnownFindingsAndNamesSecretsWithoutTheirValues() throws Exception {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    assertThat(audit(env, "-o", "json")).as(env.stderr()).isZero();
    assertThat(found(env.stdout())).containsExactlyInAnyOrderElementsOf(EXPECTED);
    assertThat(env.stdout())
        .contains("DB_PASSWORD")
        .doesNotContain("hunter2")
        .contains("acs:ram::1:role/wide");
    // one batch call for the Running GPU instances without a guard of their own
    awaitPut();
    assertThat(
            log.stream().filter(l -> l.contains(" PUT /api/v2/batch/autoshutdownpolicies/query")))
        .hasSize(1)
        .allMatch(l -> l.contains(" 200 "));
    // stable to diff: the same bytes twice, most severe first
    TestEnvironment again = TestEnvironment.withDemoKeys(dir);
    audit(again, "-o", "json");
    assertThat(again.stdout()).isEqualTo(env.stdout());
    JsonNode first = Json.MAPPER.readTree(env.stdout()).get(0);
    assertThat(first.get("Severity").asText()).isEqualTo("high");
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "CheckId",
            "Severity",
            "InstanceId",
            "InstanceName",
            "Owner",
            "Workspace",
            "Region",
            "Evidence",
            "Remediation");
  }

  @Test
  void selectsFiltersGatesAndAcceptsABaseline() throws Exception {
    TestEnvironment only = TestEnvironment.withDemoKeys(dir);
    assertThat(audit(only, "-o", "json", "--check", "dsw-net-01,DSW-COST-01")).isZero();
    assertThat(found(only.stdout()))
        .containsExactlyInAnyOrder(
            "DSW-NET-01 high dsw-a1", "DSW-NET-01 high dsw-a3", "DSW-COST-01 medium dsw-a6");

    awaitPut(); // the emulator logs a request after answering it: let it land, then clear
    assertThat(log.stream().filter(l -> l.contains(" PUT "))).hasSize(1);
    log.clear();
    TestEnvironment skip = TestEnvironment.withDemoKeys(dir);
    assertThat(audit(skip, "-o", "json", "--skip", "DSW-COST-01", "--min-severity", "medium"))
        .isZero();
    assertThat(found(skip.stdout()))
        .hasSize(9)
        .noneMatch(f -> f.startsWith("DSW-COST-01") || f.contains(" low ") || f.contains(" info "));
    assertThat(log.stream().filter(l -> l.contains(" PUT "))).as("no policy call").isEmpty();

    TestEnvironment gate = TestEnvironment.withDemoKeys(dir);
    assertThat(audit(gate, "--fail-on", "high", "-o", "csv")).isEqualTo(6);
    assertThat(gate.stdout().lines()).hasSize(1 + EXPECTED.size()); // printed in full first
    assertThat(gate.stderr()).startsWith("dsw: 3 findings at or above high");

    Path baseline = dir.resolve("accepted.json");
    Files.writeString(
        baseline,
        "[{\"CheckId\":\"DSW-NET-01\",\"InstanceId\":\"dsw-a1\"},"
            + "{\"CheckId\":\"DSW-NET-02\",\"InstanceId\":\"dsw-a1\"},"
            + "{\"CheckId\":\"DSW-NET-01\",\"InstanceId\":\"dsw-a3\"}]");
    TestEnvironment accepted = TestEnvironment.withDemoKeys(dir);
    assertThat(
            audit(accepted, "--fail-on", "high", "--baseline", baseline.toString(), "-o", "json"))
        .as(accepted.stderr())
        .isZero();
    assertThat(found(accepted.stdout())).hasSize(EXPECTED.size() - 3);
  }

  @Test
  void badInputIsExitTwoAndSendsNothing() throws Exception {
    Path notJson = dir.resolve("bad.json");
    Files.writeString(notJson, "{oops");
    Path wrongShape = dir.resolve("shape.json");
    Files.writeString(wrongShape, "[{\"Check\":\"DSW-NET-01\"}]");
    Path unknownCheck = dir.resolve("unknown.json");
    Files.writeString(unknownCheck, "[{\"CheckId\":\"DSW-NET-09\",\"InstanceId\":\"dsw-a1\"}]");
    for (List<String> args :
        List.of(
            List.of("--check", "DSW-NET-1"),
            List.of("--skip", "NOPE"),
            List.of("--min-severity", "severe"),
            List.of("--fail-on", "urgent"),
            List.of("--baseline", notJson.toString()),
            List.of("--baseline", wrongShape.toString()),
            List.of("--baseline", unknownCheck.toString()),
            List.of("--baseline", dir.resolve("missing.json").toString()))) {
      TestEnvironment env = TestEnvironment.withDemoKeys(dir);
      assertThat(audit(env, args.toArray(String[]::new))).as(args + env.stderr()).isEqualTo(2);
      assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw: "))).hasSize(1);
    }
    TestEnvironment typo = TestEnvironment.withDemoKeys(dir);
    audit(typo, "--check", "DSW-NET-1");
    assertThat(typo.stderr()).contains("did you mean DSW-NET-01?");
    TestEnvironment file = TestEnvironment.withDemoKeys(dir);
    audit(file, "--baseline", notJson.toString());
    assertThat(file.stderr()).contains(notJson.toString()).contains("line 1");
    assertThat(log).as("nothing sent").isEmpty();
  }

  @Test
  void checksListsEveryCheckWithoutSending() {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    assertThat(env.run("audit", "--checks", "-o", "csv", "--no-headers")).isZero();
    assertThat(env.stdout().lines().map(l -> l.substring(0, l.indexOf(','))))
        .containsExactly(
            "DSW-NET-01",
            "DSW-NET-02",
            "DSW-NET-03",
            "DSW-VIS-01",
            "DSW-SEC-01",
            "DSW-SEC-02",
            "DSW-SEC-03",
            "DSW-SEC-04",
            "DSW-DATA-01",
            "DSW-IMG-01",
            "DSW-COST-01");
  }

  /**
   * The wire form of QueryAutoShutdownPolicies (get-lifecycle.md §2): PUT, the JSON body of IDs,
   * its SHA-256 and content type signed; and a policy call that fails leaves the check running.
   */
  @Test
  void thePolicyCallIsASignedPutWithTheIdsInItsBody() throws Exception {
    String page =
        "{\"RequestId\":\"R\",\"TotalCount\":2,\"Instances\":["
            + "{\"InstanceId\":\"dsw-g1\",\"Status\":\"Running\",\"RequestedResource\":{\"GPU\":\"1\"}},"
            + "{\"InstanceId\":\"dsw-g2\",\"Status\":\"Running\",\"RequestedResource\":{\"GPU\":\"1\"}}]}";
    for (int status : new int[] {200, 403}) {
      try (MockWebServer mock = new MockWebServer()) {
        mock.setDispatcher(
            new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest r) {
                if (r.getMethod().equals("GET")) {
                  return new MockResponse.Builder().body(page).build();
                }
                return status == 200
                    ? new MockResponse.Builder()
                        .body(
                            "{\"RequestId\":\"P\",\"AutoShutdownPolicies\":[{\"InstanceId\":\"dsw-g2\",\"Conditions\":[{\"Expression\":\"IdleDuration"
                                + " > 1440 min\",\"SourceType\":\"Workspace\"}]}]}")
                        .build()
                    : new MockResponse.Builder()
                        .code(403)
                        .body("{\"Code\":\"Forbidden.RAM\",\"Message\":\"denied\"}")
                        .build();
              }
            });
        mock.start();
        TestEnvironment env = TestEnvironment.withDemoKeys(dir);
        int code =
            env.run(
                "audit",
                "--endpoint",
                mock.url("/").toString(),
                "--check",
                "DSW-COST-01",
                "-o",
                "json",
                "--retries",
                "0");
        assertThat(code).as(env.stderr()).isZero();
        mock.takeRequest(); // the listing
        RecordedRequest put = mock.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath())
            .isEqualTo("/api/v2/batch/autoshutdownpolicies/query");
        String body = put.getBody().utf8();
        assertThat(Json.MAPPER.readTree(body).get("InstanceIds").toString())
            .isEqualTo("[\"dsw-g1\",\"dsw-g2\"]");
        assertThat(put.getHeaders().get("x-acs-action")).isEqualTo("QueryAutoShutdownPolicies");
        assertThat(put.getHeaders().get("x-acs-version")).isEqualTo("2022-01-01");
        assertThat(put.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(put.getHeaders().get("x-acs-content-sha256"))
            .isEqualTo(Acs3Signer.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(put.getHeaders().get("Authorization"))
            .contains("SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256");
        if (status == 200) {
          assertThat(found(env.stdout())).containsExactly("DSW-COST-01 medium dsw-g1");
        } else {
          assertThat(found(env.stdout()))
              .containsExactly("DSW-COST-01 medium dsw-g1", "DSW-COST-01 medium dsw-g2");
          assertThat(env.stderr())
              .contains("could not read workspace auto-shutdown policies")
              .contains("Forbidden.RAM");
        }
      }
    }
  }
}
