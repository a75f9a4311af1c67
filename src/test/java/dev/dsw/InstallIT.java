package dev.dsw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Install section, run line by line in bash as written, in a fresh HOME, from a folder
 * holding the built archive as if downloaded there; then bash and zsh, started as a user's would
 * be, find the completions, and man finds the pages. Runs in the dist profile (.ci/run).
 */
class InstallIT {
  @TempDir static Path tmp;
  static Path home;
  static DistIT.Result install;

  /** The lines of the fenced blocks of the README's "## Install" section. */
  static List<String> installLines() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## Install\n");
    assertThat(start).as("README has an Install section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : readme.substring(start, end).split("\n")) {
      if (line.startsWith("```")) {
        in = !in;
      } else if (in && !line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  @BeforeAll
  static void runTheInstallSection() throws Exception {
    home = Files.createDirectories(tmp.resolve("home"));
    Path downloads = Files.createDirectories(tmp.resolve("downloads"));
    String name = "dsw-" + DistIT.VERSION + "-linux-x64.tar.gz";
    Path archive = DistIT.TARGET.resolve(name);
    assertThat(archive).as("build it with mvn -B -Pdist package").isRegularFile();
    Files.copy(archive, downloads.resolve(name));
    List<String> lines = installLines();
    assertThat(String.join("\n", lines)).as("the README names the version built").contains(name);
    String script = "set -eu\ncd " + downloads + "\n" + String.join("\n", lines) + "\n";
    install =
        DistIT.run(
            Map.of(
                "PATH", "/usr/local/bin:/usr/bin:/bin",
                "HOME", home.toString(),
                "MANPAGER", "cat",
                "MANWIDTH", "100"),
            "bash",
            "-c",
            script);
    assertThat(install.code()).as(install.err()).isZero();
  }

  @Test
  void everyLineRanAndTheDemoListedAndManShowedThePage() throws Exception {
    assertThat(install.out()).contains("dsw-7a3c91e0b2f4d561").contains("DSW-LIST(1)");
    assertThat(install.out()).contains("--gpu-type");
    assertThat(home.resolve(".local/bin/dsw")).isSymbolicLink();
  }

  @Test
  void bashCompletionFindsTheScriptInItsUserDirectory() throws Exception {
    DistIT.Result r =
        DistIT.run(
            Map.of("PATH", home + "/.local/bin:/usr/bin:/bin", "HOME", home.toString()),
            "bash",
            "-c",
            "source /usr/share/bash-completion/bash_completion && { _completion_loader dsw; true; }"
                + " && complete -p dsw");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().trim()).isEqualTo("complete -F _dsw dsw");
  }

  @Test
  void zshFindsTheCompletionFunctionThroughZshrc() throws Exception {
    DistIT.Result r =
        DistIT.run(
            Map.of("PATH", home + "/.local/bin:/usr/bin:/bin", "HOME", home.toString()),
            "zsh",
            "-i",
            "-c",
            "print -r -- ${_comps[dsw]}");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().trim()).isEqualTo("_dsw");
  }
}
