package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What kubectl and gh users type first (issue #33): -o name, -A, -l, a version command; and small
 * frictions: --sort-by pointing to --sort-column, no "%n" in zsh's descriptions, no --where syntax
 * in the help that is refused.
 */
class HabitsTest {
  @TempDir Path home;

  TestEnvironment run(String... args) {
    TestEnvironment env = new TestEnvironment(home);
    env.run(args);
    return env;
  }

  @Test
  void outputNamePrintsOneIdALine() {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("--demo", "list", "-o", "name", "--limit", "3")).isZero();
    assertThat(env.stdout().lines().toList()).hasSize(3).allMatch(l -> l.matches("dsw-[0-9a-f]+"));
    TestEnvironment csv =
        run("--demo", "list", "--columns", "ID", "--no-headers", "-o", "csv", "--limit", "3");
    assertThat(env.stdout()).isEqualTo(csv.stdout());
    TestEnvironment summary = new TestEnvironment(home);
    assertThat(summary.run("--demo", "summary", "-o", "name")).isEqualTo(2);
  }

  @Test
  void shortFlagsMeanWhatKubectlsDo() {
    assertThat(run("--demo", "list", "-A", "-o", "name").stdout())
        .isEqualTo(run("--demo", "list", "--workspace", "ALL", "-o", "name").stdout())
        .isNotEmpty();
    assertThat(run("--demo", "list", "-l", "team=nlp", "-o", "name").stdout())
        .isEqualTo(run("--demo", "list", "--label", "team=nlp", "-o", "name").stdout())
        .isNotEmpty();
    TestEnvironment conflict = new TestEnvironment(home);
    assertThat(conflict.run("--demo", "list", "-A", "--workspace", "40823")).isEqualTo(2);
    assertThat(conflict.stderr()).startsWith("dsw: -A (every workspace) and --workspace 40823");
  }

  @Test
  void versionIsACommandToo() {
    TestEnvironment command = new TestEnvironment(home);
    assertThat(command.run("version")).isZero();
    TestEnvironment flag = new TestEnvironment(home);
    assertThat(flag.run("--version")).isZero();
    assertThat(command.stdout()).startsWith("dsw ").isEqualTo(flag.stdout());
  }

  @Test
  void smallFrictionsAreGone() {
    TestEnvironment sortBy = new TestEnvironment(home);
    assertThat(sortBy.run("--demo", "list", "--sort-by", "NAME")).isEqualTo(2);
    assertThat(sortBy.stderr()).contains("use --sort-column NAME");
    assertThat(run("completion", "zsh").stdout()).doesNotContain("%n");
    assertThat(run("list", "--help").stdout()).doesNotContain("7d ago");
    // what the help says instead works
    TestEnvironment newer = new TestEnvironment(home);
    assertThat(newer.run("--demo", "list", "--where", "GmtCreateTime>7d", "-o", "name")).isZero();
    assertThat(newer.stdout()).isNotEmpty();
  }

  /** An empty answer says so on stderr, naming the filters; stdout stays what the format says. */
  @Test
  void anEmptyAnswerSaysSoNamingTheFilters() {
    TestEnvironment table = new TestEnvironment(home);
    assertThat(table.run("--demo", "list", "--status", "Saving", "--where", "GPU>=99")).isZero();
    assertThat(table.stdout().lines().toList()).hasSize(1).first().asString().startsWith("ID");
    assertThat(table.stderr())
        .isEqualTo("no instances match (server: Status=Saving) (client: GPU>=99)\n");
    TestEnvironment json = new TestEnvironment(home);
    assertThat(json.run("--demo", "list", "--name", "no-such-notebook", "-o", "json")).isZero();
    assertThat(json.stdout().strip()).isEqualTo("[]");
    assertThat(json.stderr())
        .contains("no instances match (server: InstanceName=no-such-notebook)");
    TestEnvironment quiet = new TestEnvironment(home);
    quiet.run("--demo", "-q", "list", "--name", "no-such-notebook");
    assertThat(quiet.stderr()).isEmpty();
  }

  /**
   * The line names what dsw tested itself (a GPU type with several matches), and the likely cause
   * when one filter alone matches nothing: a GPU type no instance of the workspace has, a workspace
   * with no instance (the demo's workspace 51234 has L20s and V100s, no V100-16G).
   */
  @Test
  void anEmptyAnswerNamesDswsOwnFiltersAndTheLikelyCause() {
    TestEnvironment a100 = new TestEnvironment(home);
    assertThat(a100.run("--demo", "list", "--gpu-type", "A100", "--status", "Saving")).isZero();
    assertThat(a100.stderr())
        .isEqualTo(
            "no instances match (server: Status=Saving)"
                + " (client: --gpu-type A100 (NVIDIA A100, NVIDIA A100-80G))\n");
    TestEnvironment v100 = new TestEnvironment(home);
    assertThat(
            v100.run(
                "--demo",
                "list",
                "--gpu-type",
                "V100-16G",
                "--workspace",
                "51234",
                "--status",
                "Running"))
        .isZero();
    assertThat(v100.stderr())
        .isEqualTo(
            "no instances match (server: GpuType=Tesla-V100-16G, Status=Running,"
                + " WorkspaceId=51234); no instance in workspace 51234 has"
                + " GpuType=Tesla-V100-16G\n");
    TestEnvironment nowhere = new TestEnvironment(home);
    assertThat(nowhere.run("--demo", "list", "--workspace", "99999", "--status", "Running"))
        .isZero();
    assertThat(nowhere.stderr()).endsWith("WorkspaceId=99999); workspace 99999 has no instances\n");
    TestEnvironment common = new TestEnvironment(home);
    assertThat(
            common.run(
                "--demo",
                "list",
                "--gpu-type",
                "L20",
                "--workspace",
                "51234",
                "--status",
                "Saving"))
        .isZero();
    assertThat(common.stderr()).as("L20s are there: no cause stands out").doesNotContain(";");
  }

  /** No account: one line of what was looked for, how to try the demo and how to set keys. */
  @Test
  void noAccountIsExitFourWithTheDemoWhateverTheRegion() {
    for (String[] args :
        new String[][] {{"list"}, {"--region", "cn-hangzhou", "list"}, {"summary"}, {"audit"}}) {
      TestEnvironment env = new TestEnvironment(home);
      assertThat(env.run(args)).as(env.stderr()).isEqualTo(4);
      List<String> lines = env.stderr().lines().toList();
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).startsWith("dsw: no credentials found; tried: environment");
      assertThat(lines.get(1)).contains("aliyun configure").contains("dsw --demo list");
    }
    // with keys and still no region, the region is what is missing (exit 2)
    TestEnvironment keys =
        new TestEnvironment(home)
            .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tHabitsKey000001")
            .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s");
    assertThat(keys.run("list")).isEqualTo(2);
    assertThat(keys.stderr()).startsWith("dsw: no region");
  }
}
