package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --mine (the caller from STS GetCallerIdentity, sent as CreateUserId) and --owner (UIDs to the
 * server, names matched on UserName) against an emulator that knows who its key belongs to.
 */
class OwnersTest {
  @TempDir Path dir;
  EmulatorServer server;
  final List<String> log = new CopyOnWriteArrayList<>();

  static final String FLEET =
      """
      [
       {"InstanceId":"dsw-o1","Status":"Running","UserId":"203400000000001","UserName":"alice","RequestedResource":{"GPU":"1"}},
       {"InstanceId":"dsw-o2","Status":"Stopped","UserId":"203400000000001","UserName":"alice"},
       {"InstanceId":"dsw-o3","Status":"Running","UserId":"203400000000002","UserName":"bob"},
       {"InstanceId":"dsw-o4","Status":"Running","UserId":"300000000000777","UserName":"ci-role"}
      ]
      """;

  EmulatorServer start(String kind, String id, String name) throws Exception {
    return EmulatorServer.start(
        TestEnvironment.fleet(dir, FLEET).toBuilder()
            .log(log::add)
            .caller(kind, "1234567890123456", id, name)
            .build());
  }

  @BeforeEach
  void start() throws Exception {
    server = start("ram-user", "203400000000001", "alice");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  TestEnvironment env() {
    return TestEnvironment.withDemoKeys(dir)
        .set("ALIBABA_CLOUD_STS_ENDPOINT", server.baseUrl() + "/sts");
  }

  int run(TestEnvironment env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--endpoint", server.baseUrl(), "--workspace", "ALL", "--resource-id", "ALL"));
    return env.run(all.toArray(String[]::new));
  }

  List<String> ids(String... args) {
    TestEnvironment env = env();
    assertThat(
            run(
                env,
                Stream.concat(
                        Stream.of(args), Stream.of("-o", "csv", "--columns", "ID", "--no-headers"))
                    .toArray(String[]::new)))
        .as(env.stderr())
        .isZero();
    return env.stdout().lines().toList();
  }

  List<String> calls(String what) throws InterruptedException {
    Thread.sleep(150); // the emulator logs a request just after answering it
    return log.stream().filter(l -> l.contains(what)).toList();
  }

  @Test
  void mineAsksStsOnceSendsTheUidAndKeepsItAnHour() throws Exception {
    assertThat(ids("list", "--mine")).containsExactly("dsw-o1", "dsw-o2");
    assertThat(calls("GetCallerIdentity")).hasSize(1);
    assertThat(calls("GET /api/v2/instances?"))
        .allMatch(l -> l.contains("CreateUserId=203400000000001"));
    // every listing command takes it; the identity comes from the cache now
    assertThat(ids("idle", "--mine", "--no-usage", "--for", "1m")).isEmpty();
    TestEnvironment summary = env();
    assertThat(run(summary, "summary", "--mine", "-o", "csv")).isZero();
    assertThat(summary.stdout()).contains("Running,1,").contains("Stopped,1,");
    assertThat(ids("top", "--mine")).containsExactly("dsw-o1");
    TestEnvironment audit = env();
    assertThat(run(audit, "audit", "--mine", "--check", "DSW-COST-01", "-o", "csv")).isZero();
    assertThat(audit.stdout()).contains("dsw-o1").doesNotContain("dsw-o3"); // alice's bare GPU
    TestEnvironment wait = env();
    assertThat(run(wait, "wait", "--mine", "--for", "Status=Running,Stopped")).isZero();
    assertThat(wait.stdout()).contains("dsw-o1").contains("dsw-o2").doesNotContain("dsw-o3");
    assertThat(calls("GetCallerIdentity")).as("one STS call for all these runs").hasSize(1);
    // the cache names no key: one file, a hash, holding the identity only
    List<Path> cached;
    try (Stream<Path> files = Files.list(dir.resolve("cache/dsw/identity"))) {
      cached = files.toList();
    }
    assertThat(cached).hasSize(1);
    assertThat(cached.get(0).getFileName().toString()).matches("[0-9a-f]{64}\\.json");
    assertThat(Files.readString(cached.get(0)))
        .contains("203400000000001")
        .doesNotContain(EmulatorServer.DEMO_KEY_ID)
        .doesNotContain(EmulatorServer.DEMO_KEY_SECRET);
  }

  @Test
  void mineIsShownByDryRunAndDebug() throws Exception {
    TestEnvironment dry = env();
    assertThat(run(dry, "list", "--mine", "--dry-run")).isZero();
    assertThat(dry.stdout()).contains("CreateUserId=203400000000001");
    assertThat(dry.stderr())
        .contains("--mine: CreateUserId=203400000000001, RAMUser alice (UID 203400000000001");
    TestEnvironment debug = env();
    assertThat(run(debug, "list", "--mine", "--debug")).isZero();
    assertThat(debug.stderr())
        .contains("identity: RAMUser alice")
        .doesNotContain(EmulatorServer.DEMO_KEY_SECRET);
  }

  @Test
  void ownerTakesUidsToTheServerAndNamesToTheClient() throws Exception {
    assertThat(ids("list", "--owner", "203400000000002")).containsExactly("dsw-o3");
    assertThat(calls("GET /api/v2/instances?"))
        .allMatch(l -> l.contains("CreateUserId=203400000000002"));
    log.clear();
    assertThat(ids("list", "--owner", "alice,203400000000002"))
        .containsExactlyInAnyOrder("dsw-o1", "dsw-o2", "dsw-o3");
    assertThat(ids("list", "--owner", "bob", "--owner", "ci-role"))
        .containsExactlyInAnyOrder("dsw-o3", "dsw-o4");
    assertThat(calls("CreateUserId")).as("several owners are matched by dsw").isEmpty();
    assertThat(calls("GetCallerIdentity")).as("--owner needs no STS").isEmpty();
  }

  @Test
  void aNameNobodyHasIsExitTwoWithADidYouMean() {
    TestEnvironment env = env();
    assertThat(run(env, "list", "--owner", "Alice")).isEqualTo(ExitCodes.USAGE);
    assertThat(env.stderr())
        .contains("dsw: --owner Alice: no instance here has that owner; did you mean alice?")
        .contains("owners seen: alice, bob, ci-role");
  }

  @Test
  void mineAsARoleSendsTheRoleIdAndSaysWhatToDoWhenNothingMatches() throws Exception {
    server.close();
    server = start("assumed-role", "300000000000777", "ci-role");
    assertThat(ids("list", "--mine")).containsExactly("dsw-o4");
    server.close();
    server = start("assumed-role", "399999999999999", "other-role");
    TestEnvironment env = env();
    assertThat(run(env, "list", "--mine")).isZero();
    assertThat(env.stderr())
        .contains("--mine sent the RoleId of other-role (399999999999999)")
        .contains("--owner UID or --owner NAME");
  }

  @Test
  void whenStsRefusesTheKeyMineIsACredentialsError() {
    TestEnvironment env =
        TestEnvironment.withDemoKeys(dir)
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong")
            .set("ALIBABA_CLOUD_STS_ENDPOINT", server.baseUrl() + "/sts");
    assertThat(run(env, "list", "--mine")).isEqualTo(ExitCodes.CREDENTIALS);
    assertThat(env.stderr())
        .contains("STS GetCallerIdentity refused: HTTP 400 SignatureDoesNotMatch");
  }

  @Test
  void withAnEmulatorForEndpointStsIsAskedThereWhenNothingElseNamesIt() throws Exception {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir); // no ALIBABA_CLOUD_STS_ENDPOINT
    assertThat(run(env, "list", "--mine", "-o", "csv", "--columns", "ID", "--no-headers"))
        .as(env.stderr())
        .isZero();
    assertThat(env.stdout().lines()).containsExactly("dsw-o1", "dsw-o2");
    assertThat(calls("GET /?")).anyMatch(l -> l.contains("Action=GetCallerIdentity"));
  }
}
