package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts: in step with the code, and run by real bash and real zsh. */
public class CompletionTest {
  static final Path BASH_FILE = Path.of("completions/dsw.bash");
  static final Path ZSH_FILE = Path.of("completions/_dsw");

  @TempDir static Path home;

  static String generated(String shell) {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("completion", shell)).isZero();
    return env.stdout();
  }

  @BeforeAll
  static void userFiles() throws IOException {
    Files.createDirectories(home.resolve(".aliyun"));
    Files.writeString(
        home.resolve(".aliyun/config.json"),
        """
        {
        	"current": "default",
        	"profiles": [
        		{"name": "default", "mode": "AK"},
        		{"name": "prod-readonly", "mode": "AK"}
        	]
        }\
        """);
    // saved views: two of the user's, and a line whose "name" would run if it were evaluated
    Files.createDirectories(home.resolve(".config/dsw"));
    Files.writeString(
        home.resolve(".config/dsw/views"),
        "big-gpus = --status Running --min-gpu 4\n# a comment\n"
            + "nlp.team = --label team=nlp\n$(touch VIEWED) = --mine\n");
    // what 'dsw list' saw with no profile, region or endpoint named (the context p-.r-.e-)
    Path cache = home.resolve("cache/dsw/complete/p-.r-.e-");
    Files.createDirectories(cache);
    Files.writeString(cache.resolve("gpu-types"), "NVIDIA A10\nNVIDIA A100-80G\nTesla-V100-16G\n");
    Files.writeString(cache.resolve("instance-ids"), "dsw-aaa111\ndsw-abc222\ndsw-zzz333\n");
    // ... with --demo (its default region, and us-east-1), with a real profile, and a day and a
    // half ago for another endpoint
    Files.createDirectories(home.resolve("cache/dsw/complete/demo.r-"));
    Files.writeString(home.resolve("cache/dsw/complete/demo.r-/instance-ids"), "dsw-demo0001\n");
    Files.createDirectories(home.resolve("cache/dsw/complete/demo.r-us-east-1"));
    Files.writeString(
        home.resolve("cache/dsw/complete/demo.r-us-east-1/instance-ids"), "dsw-useast01\n");
    Files.createDirectories(home.resolve("cache/dsw/complete/p-prod-readonly.r-cn-beijing.e-"));
    Files.writeString(
        home.resolve("cache/dsw/complete/p-prod-readonly.r-cn-beijing.e-/instance-ids"),
        "dsw-prod0001\n");
    Path stale = home.resolve("cache/dsw/complete/p-.r-.e-http___127.0.0.1_8080/instance-ids");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "dsw-old00001\n");
    Files.setLastModifiedTime(
        stale,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(36))));
  }

  @Test
  void checkedInScriptsMatchTheCommandModel() throws IOException {
    for (Map.Entry<Path, String> e :
        Map.of(BASH_FILE, generated("bash"), ZSH_FILE, generated("zsh")).entrySet()) {
      if (Boolean.getBoolean("completion.update")) {
        Files.writeString(e.getKey(), e.getValue());
      }
      assertThat(e.getValue())
          .as(
              "%s is stale: run ./target/dsw completion bash|zsh, or mvn test"
                  + " -Dcompletion.update=true",
              e.getKey())
          .isEqualTo(Files.readString(e.getKey()));
    }
  }

  /** The path of a tool the tests need; fails loudly when it is not installed. */
  public static String which(String tool) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor();
    assertThat(out)
        .as(tool + " must be installed for this test (.ci/run installs it)")
        .isNotEmpty();
    return out;
  }

  static String run(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    pb.environment().remove("XDG_CONFIG_HOME"); // the views file is ~/.config/dsw/views
    for (String v :
        List.of(
            "ALIBABA_CLOUD_PROFILE",
            "ALIBABACLOUD_PROFILE",
            "ALICLOUD_PROFILE",
            "ALIBABA_CLOUD_REGION_ID",
            "ALIBABACLOUD_REGION_ID",
            "ALICLOUD_REGION_ID",
            "ALICLOUD_REGION")) {
      pb.environment().remove(v);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  /**
   * Completes the line as bash would at its end and returns COMPREPLY. bash-completion is loaded
   * first, and the words are split as readline splits them for COMP_WORDS: at blanks, and around
   * every character of COMP_WORDBREAKS (which bash-completion leaves holding '=' and ':'), each
   * such character a word of its own.
   */
  static List<String> bash(String line) throws Exception {
    String script =
        "source /usr/share/bash-completion/bash_completion || exit 3\n"
            + "source "
            + BASH_FILE.toAbsolutePath()
            + "\n"
            + "COMP_WORDS=(); w=''; breaks=$COMP_WORDBREAKS\n"
            + "for ((i = 0; i < ${#1}; i++)); do c=${1:i:1}\n"
            + "  if [[ $c == ' ' ]]; then [[ -n $w ]] && COMP_WORDS+=(\"$w\"); w=''\n"
            + "  elif [[ $breaks == *\"$c\"* ]]; then [[ -n $w ]] && COMP_WORDS+=(\"$w\");"
            + " COMP_WORDS+=(\"$c\"); w=''\n"
            + "  else w+=$c; fi\n"
            + "done\n"
            + "if [[ -n $w ]]; then COMP_WORDS+=(\"$w\"); elif [[ $1 == *' ' ]]; then"
            + " COMP_WORDS+=(''); fi\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _dsw; printf '%s\\n"
            + "' \"${COMPREPLY[@]}\"\n";
    String out = run(List.of(which("bash"), "-c", script, "bash", line));
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void bashCompletesCommandsFlagsAndValues() throws Exception {
    assertThat(bash("dsw li")).containsExactly("list");
    assertThat(bash("dsw list --sta")).containsExactly("--status");
    assertThat(bash("dsw list --status R"))
        .containsExactlyInAnyOrder("ResourceAllocating", "Recovering", "Running");
    assertThat(bash("dsw list --status Running,Sto"))
        .containsExactlyInAnyOrder("Running,Stopped", "Running,Stopping");
    assertThat(bash("dsw list -o "))
        .containsExactly("table", "wide", "json", "jsonl", "yaml", "csv", "tsv", "detail", "name");
    assertThat(bash("dsw list --sort-by "))
        .containsExactly("Priority", "GmtCreateTime", "GmtModifiedTime");
    assertThat(bash("dsw list --payment-type ")).containsExactly("PayAsYouGo", "Subscription");
    assertThat(bash("dsw --color ")).containsExactly("auto", "always", "never");
    assertThat(bash("dsw list --columns ID,NA")).containsExactly("ID,NAME");
    // the global options are answered once, whatever the command
    assertThat(bash("dsw wait --color a")).containsExactly("auto", "always");
    assertThat(bash("dsw list --region cn-h")).containsExactly("cn-hangzhou", "cn-hongkong");
    assertThat(bash("dsw list --profile ")).containsExactly("default", "prod-readonly");
    assertThat(bash("dsw list --view "))
        .containsExactly("mine", "gpu", "triage", "idle", "big-gpus", "nlp.team");
    assertThat(bash("dsw top --view b")).containsExactly("big-gpus");
    assertThat(home.resolve("VIEWED")).doesNotExist();
    assertThat(bash("dsw list --instance-id dsw-a")).containsExactly("dsw-aaa111", "dsw-abc222");
    assertThat(bash("dsw list --gpu-type NVIDIA"))
        .containsExactly("NVIDIA\\ A10", "NVIDIA\\ A100-80G");
    assertThat(bash("dsw completion ")).containsExactly("bash", "zsh");
    assertThat(bash("dsw config ")).contains("show");
    assertThat(bash("dsw list --region cn-hangzhou,ap-northeast-"))
        .containsExactly("cn-hangzhou,ap-northeast-1", "cn-hangzhou,ap-northeast-2");
    assertThat(bash("dsw get dsw-a")).containsExactly("dsw-aaa111", "dsw-abc222");
    assertThat(bash("dsw get dsw-aaa111 dsw-z")).containsExactly("dsw-zzz333");
    // the ID cache is kept per context: demo IDs never for a real profile, nor stale ones
    assertThat(bash("dsw --demo get dsw-")).containsExactly("dsw-demo0001");
    // ... nor one region's for another's (issue #33: 416 of 560 IDs offered came from
    // --all-regions runs, and get could not find them)
    assertThat(bash("dsw --demo --region us-east-1 get dsw-")).containsExactly("dsw-useast01");
    assertThat(bash("dsw --region=us-east-1 --demo get dsw-")).containsExactly("dsw-useast01");
    assertThat(bash("dsw --profile prod-readonly --region cn-beijing get dsw-"))
        .containsExactly("dsw-prod0001");
    assertThat(bash("dsw get --profile=prod-readonly --region=cn-beijing dsw-"))
        .containsExactly("dsw-prod0001");
    assertThat(bash("dsw --endpoint http://127.0.0.1:8080 get dsw-")).isEmpty(); // 36 hours old
    assertThat(bash("dsw get --wo")).containsExactly("--workspace");
    assertThat(bash("dsw summary --by gpu-type,st")).containsExactly("gpu-type,status");
    // --flag=value in real bash: '=' is a word break, and the value is what readline replaces
    assertThat(bash("dsw list --status=Ru")).containsExactly("Running");
    assertThat(bash("dsw list --output=cs")).containsExactly("csv");
    assertThat(bash("dsw list --status=")).hasSize(15).contains("Running", "Stopped");
    assertThat(bash("dsw --color=al")).containsExactly("always");
    // --columns: built-in names and the API's field paths, after a comma too
    assertThat(bash("dsw list --columns InstanceId,Requ"))
        .containsExactly(
            "InstanceId,RequestedResource.CPU",
            "InstanceId,RequestedResource.Memory",
            "InstanceId,RequestedResource.SharedMemory",
            "InstanceId,RequestedResource.GPU",
            "InstanceId,RequestedResource.GPUType");
    assertThat(bash("dsw idle --fo")).containsExactly("--for");
    assertThat(bash("dsw s")).containsExactly("summary");
  }

  @Test
  void bashCompletesFilePathsForFileFlags() throws Exception {
    Files.writeString(home.resolve("fleet-data.json"), "[]");
    assertThat(bash("dsw emulator --data " + home.resolve("fleet-d")))
        .containsExactly(home.resolve("fleet-data.json").toString());
  }

  @Test
  void zshCompletesCommandsFlagsAndValues() throws Exception {
    Path fpath = Files.createDirectories(home.resolve("zfunc"));
    Files.copy(ZSH_FILE, fpath.resolve("_dsw"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path harness = home.resolve("ztest.zsh");
    Files.copy(
        getClass().getResourceAsStream("/completion/ztest.zsh"),
        harness,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path log = home.resolve("zlog");
    Files.deleteIfExists(log);
    List<String> lines =
        List.of(
            "dsw li",
            "dsw list --sta",
            "dsw list --status R",
            "dsw list -o ",
            "dsw --profile ",
            "dsw list --gpu-type NVIDIA",
            "dsw list --instance-id dsw-a",
            "dsw list --accelerator-type ",
            "dsw get dsw-a",
            "dsw --demo get dsw-",
            "dsw --demo --region us-east-1 get dsw-",
            "dsw --profile=prod-readonly --region cn-beijing get dsw-",
            "dsw summary --by ",
            "dsw idle --view ",
            "dsw list --columns ID,NA",
            "dsw top --sort-column GPU_A",
            "dsw audit --color ");
    List<String> cmd =
        new ArrayList<>(
            List.of(which("zsh"), harness.toString(), fpath.toString(), log.toString()));
    cmd.addAll(lines);
    run(cmd);
    Map<String, List<String>> got = parse(Files.readAllLines(log));
    assertThat(got.get("dsw li")).contains("list").doesNotContain("emulator");
    assertThat(got.get("dsw list --sta")).contains("--status");
    assertThat(got.get("dsw list --status R"))
        .contains("ResourceAllocating", "Recovering", "Running")
        .doesNotContain("Stopped");
    assertThat(got.get("dsw list -o ")).contains("table", "wide", "json", "jsonl", "csv", "tsv");
    assertThat(got.get("dsw --profile ")).contains("default", "prod-readonly");
    assertThat(got.get("dsw idle --view ")).contains("mine", "triage", "big-gpus", "nlp.team");
    // the columns, written once in the script, for every command that takes them
    assertThat(got.get("dsw list --columns ID,NA")).contains("NAME").doesNotContain("ID");
    assertThat(got.get("dsw top --sort-column GPU_A")).contains("GPU_AVG");
    // the global options, written once in the script, on every command
    assertThat(got.get("dsw audit --color ")).contains("auto", "always", "never");
    assertThat(got.get("dsw list --gpu-type NVIDIA"))
        .contains("NVIDIA A10", "NVIDIA A100-80G")
        .doesNotContain("Tesla-V100-16G");
    assertThat(got.get("dsw list --instance-id dsw-a"))
        .contains("dsw-aaa111", "dsw-abc222")
        .doesNotContain("dsw-zzz333");
    assertThat(got.get("dsw list --accelerator-type ")).contains("CPU", "GPU");
    assertThat(got.get("dsw get dsw-a"))
        .contains("dsw-aaa111", "dsw-abc222")
        .doesNotContain("dsw-zzz333");
    // per context, as in bash
    assertThat(got.get("dsw --demo get dsw-"))
        .contains("dsw-demo0001")
        .doesNotContain("dsw-aaa111", "dsw-useast01");
    assertThat(got.get("dsw --demo --region us-east-1 get dsw-"))
        .contains("dsw-useast01")
        .doesNotContain("dsw-demo0001");
    assertThat(got.get("dsw --profile=prod-readonly --region cn-beijing get dsw-"))
        .contains("dsw-prod0001")
        .doesNotContain("dsw-demo0001");
    assertThat(got.get("dsw summary --by ")).contains("status", "gpu-type", "owner", "region");
  }

  static Map<String, List<String>> parse(List<String> log) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    List<String> current = null;
    for (String l : log) {
      if (l.startsWith("=== end ")) {
        current = null;
      } else if (l.startsWith("=== ")) {
        current = new ArrayList<>();
        out.put(l.substring(4), current);
      } else if (current != null && !l.isBlank()) {
        current.add(l);
      }
    }
    return out;
  }

  @Test
  void listWritesThePrivateCacheCompletionReads(@TempDir Path other) throws Exception {
    TestEnvironment env =
        new TestEnvironment(other).set("XDG_CACHE_HOME", other.resolve("c").toString());
    assertThat(
            env.run(
                "--demo", "list", "--limit", "3", "-o", "csv", "--columns", "ID", "--no-headers"))
        .as(env.stderr())
        .isZero();
    Path ids = other.resolve("c/dsw/complete/demo.r-/instance-ids"); // --demo's own cache
    assertThat(Files.readAllLines(ids)).containsExactlyElementsOf(env.stdout().lines().toList());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ids)))
        .isEqualTo("rw-------");
    assertThat(other.resolve("c/dsw/complete/demo.r-")).isDirectoryNotContaining("glob:**.tmp");
    for (String dir : List.of("c", "c/dsw", "c/dsw/complete", "c/dsw/complete/demo.r-")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other.resolve(dir))))
          .as("%s, made by dsw", dir)
          .isEqualTo("rwx------");
    }
  }

  /**
   * The cache holds only what get on the same flags can find (issue #33): a run over several
   * regions keeps no IDs, and a run in one region keeps them under that region.
   */
  @Test
  void listKeepsIdsOnlyForTheRegionItListed(@TempDir Path other) throws Exception {
    TestEnvironment env =
        new TestEnvironment(other).set("XDG_CACHE_HOME", other.resolve("c").toString());
    assertThat(env.run("--demo", "--all-regions", "list", "-o", "name")).as(env.stderr()).isZero();
    assertThat(env.stdout().lines().count()).isGreaterThan(100);
    assertThat(other.resolve("c/dsw/complete/demo.r-/instance-ids")).doesNotExist();
    TestEnvironment east =
        new TestEnvironment(other).set("XDG_CACHE_HOME", other.resolve("c").toString());
    assertThat(east.run("--demo", "--region", "us-east-1", "list", "-A", "-o", "name"))
        .as(east.stderr())
        .isZero();
    assertThat(Files.readAllLines(other.resolve("c/dsw/complete/demo.r-us-east-1/instance-ids")))
        .containsExactlyInAnyOrderElementsOf(east.stdout().lines().toList());
    assertThat(other.resolve("c/dsw/complete/demo.r-/instance-ids")).doesNotExist();
  }

  /** What a hostile server can put into IDs, GPU types and workspace IDs (issue #31). */
  static final List<String> HOSTILE =
      List.of(
          "dsw-$(touch OWNED1)",
          "dsw-`touch OWNED2`",
          "dsw-a;touch OWNED3",
          "dsw-'q'$(touch OWNED4)",
          "dsw-\"x\"",
          "dsw-*",
          "dsw-?",
          "dsw-${HOME}",
          "dsw-$((1+1))",
          "dsw-a|touch OWNED5",
          "dsw-line1",
          "touch OWNED6)");

  /**
   * Cached values reach the user as literal words, whatever characters they hold: a cache file
   * written by anyone (an older dsw, another tool) with $(...), backquotes, ';', quotes, globs and
   * a value broken over two lines is offered at TAB in real bash and real zsh, and nothing in it
   * runs.
   */
  @Test
  void cachedValuesAreLiteralWordsThatNeverRun() throws Exception {
    for (Path where : List.of(home, Path.of("").toAbsolutePath())) {
      for (int n = 1; n <= 6; n++) {
        Files.deleteIfExists(where.resolve("OWNED" + n)); // left by a failed run
      }
    }
    Path context = home.resolve("cache/dsw/complete/p-hostile.r-.e-");
    Files.createDirectories(context);
    String lines = String.join("\n", HOSTILE) + "\n";
    Files.writeString(context.resolve("instance-ids"), lines);
    Files.writeString(context.resolve("gpu-types"), lines);
    Files.writeString(context.resolve("workspaces"), lines);
    List<String> offered = new ArrayList<>();
    offered.addAll(bash("dsw --profile hostile get dsw-"));
    offered.addAll(bash("dsw --profile hostile list --gpu-type "));
    offered.addAll(bash("dsw --profile hostile list --workspace dsw"));
    offered.addAll(bash("dsw --profile hostile list --instance-id dsw-1,dsw-"));
    // bash: each value quoted as a literal word (printf %q), so readline inserts it inert
    assertThat(offered)
        .contains("dsw-\\$\\(touch\\ OWNED1\\)", "dsw-\\*", "dsw-1,dsw-\\`touch\\ OWNED2\\`");
    assertThat(offered).noneMatch(w -> w.contains("2") && w.startsWith("dsw-$((")); // not evaluated

    Path fpath = Files.createDirectories(home.resolve("zfunc-hostile"));
    Files.copy(ZSH_FILE, fpath.resolve("_dsw"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path harness = home.resolve("ztest-hostile.zsh");
    Files.copy(
        getClass().getResourceAsStream("/completion/ztest.zsh"),
        harness,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path log = home.resolve("zlog-hostile");
    Files.deleteIfExists(log);
    run(
        List.of(
            which("zsh"),
            harness.toString(),
            fpath.toString(),
            log.toString(),
            "dsw --profile hostile get dsw-",
            "dsw --profile hostile list --gpu-type dsw",
            "dsw --profile hostile list --workspace dsw",
            "dsw --profile hostile list --instance-id dsw-1,dsw-"));
    Map<String, List<String>> got = parse(Files.readAllLines(log));
    assertThat(got.get("dsw --profile hostile get dsw-")).contains("dsw-$(touch OWNED1)", "dsw-*");
    assertThat(got.get("dsw --profile hostile list --gpu-type dsw")).contains("dsw-`touch OWNED2`");
    assertThat(got.get("dsw --profile hostile list --instance-id dsw-1,dsw-"))
        .contains("dsw-a;touch OWNED3");
    for (Path where : List.of(home, Path.of("").toAbsolutePath(), fpath)) {
      for (int n = 1; n <= 6; n++) {
        assertThat(where.resolve("OWNED" + n)).as("a cached value ran in %s", where).doesNotExist();
      }
    }
  }

  /** dsw list never caches what could not be typed safely: such values are left out. */
  @Test
  void listLeavesUntypableValuesOutOfTheCache(@TempDir Path other) throws Exception {
    dev.dsw.cli.terminal.Environment env =
        new TestEnvironment(other).set("XDG_CACHE_HOME", other.resolve("c").toString());
    dev.dsw.cli.completion.CompletionCache cache =
        new dev.dsw.cli.completion.CompletionCache(env, "p-x.r-.e-");
    List<String> values = new ArrayList<>(HOSTILE);
    values.add("dsw-nl\n$(touch OWNED7)");
    for (String v : values) {
      com.fasterxml.jackson.databind.node.ObjectNode n =
          dev.dsw.model.Json.MAPPER.createObjectNode();
      n.put("InstanceId", v).put("WorkspaceId", v);
      n.putObject("RequestedResource").put("GPUType", v);
      cache.record(new dev.dsw.model.Instance(n));
    }
    com.fasterxml.jackson.databind.node.ObjectNode ok =
        dev.dsw.model.Json.MAPPER.createObjectNode();
    ok.put("InstanceId", "dsw-fine0001").put("WorkspaceId", "40823");
    ok.putObject("RequestedResource").put("GPUType", "NVIDIA A10");
    cache.record(new dev.dsw.model.Instance(ok));
    assertThat(cache.save()).isTrue();
    assertThat(Files.readAllLines(cache.dir().resolve("instance-ids")))
        .containsExactly("dsw-line1", "dsw-fine0001");
    assertThat(Files.readAllLines(cache.dir().resolve("gpu-types")))
        .containsExactly("dsw-line1", "NVIDIA A10");
    assertThat(Files.readAllLines(cache.dir().resolve("workspaces")))
        .containsExactly("dsw-line1", "40823");
  }

  /** TAB never prints an error into the prompt line: no config file means no profile names. */
  @Test
  void profileCompletionWithoutAConfigFileIsSilent(@TempDir Path bare) throws Exception {
    String script =
        "source /usr/share/bash-completion/bash_completion || exit 3\n"
            + "source "
            + BASH_FILE.toAbsolutePath()
            + "\nCOMP_WORDS=(dsw --profile ''); COMP_CWORD=2; _dsw; echo \"n=${#COMPREPLY[@]}\"\n";
    ProcessBuilder pb = new ProcessBuilder(which("bash"), "-c", script).redirectErrorStream(true);
    pb.environment().put("HOME", bare.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEqualTo("n=0\n"); // nothing offered, and no "No such file" line
  }
}
