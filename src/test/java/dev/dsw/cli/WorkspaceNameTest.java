package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --workspace by name (part of issue #33): resolved once, kept, refused when unknown or shared. */
class WorkspaceNameTest {
  @TempDir Path dir;
  EmulatorServer server;
  final List<String> log = new CopyOnWriteArrayList<>();

  static final String FLEET =
      """
      [
       {"InstanceId":"dsw-r1","WorkspaceId":"40823","WorkspaceName":"ml-research"},
       {"InstanceId":"dsw-r2","WorkspaceId":"40823","WorkspaceName":"ml-research"},
       {"InstanceId":"dsw-c1","WorkspaceId":"60001","WorkspaceName":"cv-team"},
       {"InstanceId":"dsw-s1","WorkspaceId":"70001","WorkspaceName":"shared"},
       {"InstanceId":"dsw-s2","WorkspaceId":"70002","WorkspaceName":"shared"}
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

  TestEnvironment run(int code, String... args) {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", server.baseUrl(), "--resource-id", "ALL", "-o", "name"));
    assertThat(env.run(all.toArray(String[]::new))).as(env.stderr()).isEqualTo(code);
    return env;
  }

  List<String> listings() throws InterruptedException {
    Thread.sleep(150); // the emulator logs a request just after answering it
    return log.stream().filter(l -> l.contains("GET /api/v2/instances?")).toList();
  }

  @Test
  void aNameSelectsWhatItsIdSelectsAndCostsOneListingADay() throws Exception {
    assertThat(run(0, "list", "--workspace", "ml-research").stdout().lines())
        .containsExactly("dsw-r1", "dsw-r2");
    assertThat(listings()).hasSize(2); // the names (every workspace), then the listing
    assertThat(listings().get(0)).contains("WorkspaceId=ALL");
    assertThat(listings().get(1)).contains("WorkspaceId=40823");
    assertThat(run(0, "list", "--workspace", "40823").stdout()).isEqualTo("dsw-r1\ndsw-r2\n");
    assertThat(run(0, "list", "--workspace", "cv-team").stdout()).isEqualTo("dsw-c1\n");
    assertThat(listings()).as("the names were kept: no second lookup").hasSize(4);
  }

  @Test
  void anUnknownNameIsExitTwoWithADidYouMean() {
    TestEnvironment env = run(ExitCodes.USAGE, "list", "--workspace", "cv-teem");
    assertThat(env.stderr())
        .startsWith(
            "dsw: --workspace cv-teem: no workspace of that name or ID; did you mean cv-team?\n")
        .contains("workspaces: cv-team, ml-research, shared");
    assertThat(env.stdout()).isEmpty();
  }

  @Test
  void aNameTwoWorkspacesShareIsExitTwoListingTheirIds() {
    TestEnvironment env = run(ExitCodes.USAGE, "list", "--workspace", "shared");
    assertThat(env.stderr())
        .startsWith("dsw: --workspace shared names 2 workspaces: 70001, 70002\n")
        .contains("give the ID");
  }
}
