package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --profile a,b and --all-profiles: one emulator answering for two regions, profiles in
 * ~/.aliyun/config.json for each region, one that repeats another's account and region, one whose
 * secret is wrong, and a RamRoleArn one.
 */
class ProfilesTest {
  @TempDir Path home;
  EmulatorServer server;
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(30)
                .seed(7)
                .anchor(TestEnvironment.NOW)
                .log(log::add)
                .regions(List.of("cn-hangzhou", "cn-shanghai"))
                .caller("ram-user", "5550001112223334", "203400000000001", "alice")
                .build());
    Files.createDirectories(home.resolve(".aliyun"));
    String ak = EmulatorServer.DEMO_KEY_ID;
    String sk = EmulatorServer.DEMO_KEY_SECRET;
    Files.writeString(
        home.resolve(".aliyun/config.json"),
        """
        {"current": "dev", "profiles": [
          {"name": "dev", "mode": "AK", "access_key_id": "%1$s", "access_key_secret": "%2$s", "region_id": "cn-hangzhou"},
          {"name": "prod", "mode": "AK", "access_key_id": "%1$s", "access_key_secret": "%2$s", "region_id": "cn-shanghai"},
          {"name": "dev-again", "mode": "AK", "access_key_id": "%1$s", "access_key_secret": "%2$s", "region_id": "cn-hangzhou"},
          {"name": "role", "mode": "RamRoleArn", "access_key_id": "%1$s", "access_key_secret": "%2$s",
           "ram_role_arn": "acs:ram::5550001112223334:role/reader", "ram_session_name": "dsw", "region_id": "cn-shanghai",
           "sts_endpoint": "%3$s/sts"}
        ]}
        """
            .formatted(ak, sk, server.baseUrl()));
    private600(home.resolve(".aliyun/config.json"));
  }

  static void private600(Path file) throws java.io.IOException {
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  TestEnvironment env() {
    return new TestEnvironment(home)
        .set("XDG_CACHE_HOME", home.resolve("cache").toString())
        .set("ALIBABA_CLOUD_STS_ENDPOINT", server.baseUrl() + "/sts");
  }

  int run(TestEnvironment env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--endpoint",
            server.baseUrl() + "/{region}",
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL"));
    return env.run(all.toArray(String[]::new));
  }

  static List<String> ids(EmulatorServer s, String region) {
    return s.store(region).snapshot().stream().map(n -> n.get("InstanceId").asText()).toList();
  }

  @Test
  void twoProfilesAreQueriedAtOnceEachInstanceTaggedWithItsProfileAndAccount() throws Exception {
    TestEnvironment env = env();
    assertThat(run(env, "list", "--profile", "dev,prod", "-o", "json")).as(env.stderr()).isZero();
    JsonNode rows = Json.MAPPER.readTree(env.stdout());
    List<String> dev = new ArrayList<>();
    List<String> prod = new ArrayList<>();
    rows.forEach(
        r -> {
          (r.get("Profile").asText().equals("dev") ? dev : prod).add(r.get("InstanceId").asText());
          assertThat(r.get("AccountId").asText()).isEqualTo("5550001112223334");
          assertThat(r.get("RegionId").asText())
              .isEqualTo(r.get("Profile").asText().equals("dev") ? "cn-hangzhou" : "cn-shanghai");
        });
    assertThat(dev).containsExactlyInAnyOrderElementsOf(ids(server, "cn-hangzhou"));
    assertThat(prod).containsExactlyInAnyOrderElementsOf(ids(server, "cn-shanghai"));
    TestEnvironment table = env();
    assertThat(run(table, "list", "--profile", "dev,prod", "-o", "wide", "--limit", "1")).isZero();
    assertThat(table.stdout().lines().findFirst().orElseThrow())
        .startsWith("PROFILE")
        .contains("ACCOUNT")
        .contains("REGION");
    // top measures each instance through the client of its own profile and region
    TestEnvironment top = env();
    assertThat(
            run(top, "top", "--profile", "dev,prod", "-o", "csv", "--columns", "PROFILE,COVERAGE"))
        .as(top.stderr())
        .isZero();
    assertThat(top.stdout().lines().skip(1).map(l -> l.split(",")[0]).distinct())
        .containsExactlyInAnyOrder("dev", "prod");
    assertThat(top.stdout()).doesNotContain("unknown");
  }

  @Test
  void twoProfilesOfOneAccountAndRegionGiveEachInstanceOnce() throws Exception {
    TestEnvironment env = env();
    assertThat(
            run(env, "list", "--profile", "dev,dev-again", "-o", "csv", "--columns", "PROFILE,ID"))
        .as(env.stderr())
        .isZero();
    List<String> lines = env.stdout().lines().skip(1).toList();
    assertThat(lines)
        .hasSize(ids(server, "cn-hangzhou").size())
        .allMatch(l -> l.startsWith("dev,"));
    Thread.sleep(150);
    assertThat(log.stream().filter(l -> l.contains("GetCallerIdentity")))
        .as("no ACCOUNT shown, no account asked for")
        .isEmpty();
  }

  @Test
  void allProfilesKeepsTheOthersWhenOneFailsAndExitsThree() throws Exception {
    Path config = home.resolve(".aliyun/config.json");
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "\n]}",
                ",\n  {\"name\": \"broken\", \"mode\": \"AK\", \"access_key_id\": \"LTAIbroken\","
                    + " \"access_key_secret\": \"nope\", \"region_id\": \"cn-hangzhou\"}\n]}"));
    TestEnvironment env = env();
    int code =
        run(env, "summary", "--all-profiles", "--by", "region", "-o", "csv", "--retries", "0");
    assertThat(code).as(env.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(env.stderr())
        .contains("profile broken (cn-hangzhou):")
        .contains("InvalidAccessKeyId.NotFound")
        .contains("1 of 5 profile and region pairs failed");
    int all = ids(server, "cn-hangzhou").size() + ids(server, "cn-shanghai").size();
    assertThat(env.stdout()).contains("TOTAL," + all + ",");
    // the RamRoleArn profile assumed its role once, for its one region and the account lookup
    Thread.sleep(150);
    assertThat(log.stream().filter(l -> l.contains("Action=AssumeRole"))).hasSize(1);
  }

  @Test
  void aRoleProfileOverSeveralRegionsAssumesItsRoleOnce() throws Exception {
    TestEnvironment env = env();
    assertThat(
            run(
                env,
                "list",
                "--profile",
                "role,dev",
                "--region",
                "cn-hangzhou,cn-shanghai",
                "-o",
                "csv",
                "--columns",
                "PROFILE,REGION,ID"))
        .as(env.stderr())
        .isZero();
    assertThat(env.stdout().lines().skip(1).map(l -> l.substring(0, l.lastIndexOf(','))).distinct())
        .containsExactlyInAnyOrder("role,cn-hangzhou", "role,cn-shanghai");
    Thread.sleep(150);
    assertThat(log.stream().filter(l -> l.contains("Action=AssumeRole"))).hasSize(1);
  }

  @Test
  void badProfileListsAreExitTwoAndSendNothing() throws Exception {
    for (String[] args :
        new String[][] {
          {"list", "--profile", "dev,prd"},
          {"list", "--all-profiles", "--profile", "dev"},
          {"list", "--profile", "dev,prod", "--mine"},
        }) {
      TestEnvironment env = env();
      assertThat(run(env, args))
          .as(String.join(" ", args) + "\n" + env.stderr())
          .isEqualTo(ExitCodes.USAGE);
      assertThat(env.stderr().lines().filter(l -> l.startsWith("dsw:"))).hasSize(1);
    }
    TestEnvironment typo = env();
    run(typo, "list", "--profile", "dev,prd");
    assertThat(typo.stderr()).contains("no profile 'prd'").contains("did you mean prod?");
    Files.delete(home.resolve(".aliyun/config.json"));
    TestEnvironment none = env();
    assertThat(run(none, "list", "--all-profiles")).isEqualTo(ExitCodes.USAGE);
    assertThat(none.stderr()).contains("--all-profiles: no profile in");
    Thread.sleep(150);
    assertThat(log).as("nothing was sent").isEmpty();
  }

  @Test
  void oneEndpointForEveryProfileNeedsNoRegion() throws Exception {
    Path config = home.resolve(".aliyun/config.json");
    Files.writeString(
        config, Files.readString(config).replace(", \"region_id\": \"cn-shanghai\"", ""));
    TestEnvironment env = env();
    int code =
        env.run(
            "list",
            "--profile",
            "dev,prod",
            "--endpoint",
            server.baseUrl(),
            "--workspace",
            "ALL",
            "--resource-id",
            "ALL",
            "-o",
            "csv",
            "--columns",
            "PROFILE,ID");
    assertThat(code).as(env.stderr()).isZero();
    // both profiles reach the one endpoint (cn-hangzhou's fleet) with the same keys: once each
    assertThat(env.stdout().lines().skip(1)).hasSize(ids(server, "cn-hangzhou").size());
    assertThat(env.stdout().lines().findFirst().orElseThrow()).isEqualTo("PROFILE,ID");
  }
}
