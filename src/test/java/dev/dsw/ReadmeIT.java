package dev.dsw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.ExamplesTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs every "$ dsw …" example of the README against the built-in demo (the part before any pipe).
 */
class ReadmeIT {
  @Test
  void everyExampleInTheReadmeRunsAgainstTheDemo() throws Exception {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    int examples = 0;
    for (int k = 0; k < readme.size(); k++) {
      if (!readme.get(k).startsWith("$ dsw ")) {
        continue;
      }
      examples++;
      String example = readme.get(k).substring(2);
      String[] run = run(ExamplesTest.words(example)); // up to a pipe or redirect outside quotes
      assertThat(run[2]).as(example + "\n" + run[1]).isEqualTo("0");
      // an example shown with its empty answer must print exactly that, and no data
      String said = ExamplesTest.emptyAnswerShown(readme, k);
      if (said != null) {
        assertThat(run[1].strip()).as("stderr of %s", example).isEqualTo(said);
        assertThat(run[0].strip()).as("stdout of %s", example).isEqualTo(readme.get(k + 1));
      } else {
        assertThat(ExamplesTest.dataRows(run[0])).as("data rows of %s", example).isPositive();
      }
    }
    assertThat(examples).isGreaterThanOrEqualTo(3);
  }

  /** dsw --demo with these words after "dsw": stdout, stderr and the exit code. */
  private static String[] run(List<String> words) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                CliIT.TARGET.resolve("dsw.jar").toString(),
                "--demo"));
    cmd.addAll(words.subList(1, words.size()));
    Process p = new ProcessBuilder(cmd).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String err =
        new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String[] {out, err, Integer.toString(p.exitValue())};
  }

  /**
   * The held-in cases of issue #33, as a newcomer types them: A10 selects the A10s and never the
   * A100s whatever the spelling, a workspace name selects what its ID selects, and an empty answer
   * is [] on stdout, one line on stderr and exit 0.
   */
  @Test
  void theNamesPeopleTypeResolveAndAnEmptyAnswerSaysSo() throws Exception {
    String a10 =
        run(List.of("dsw", "list", "--gpu-type", "A10", "-o", "csv", "--columns", "ID,GPU"))[0];
    assertThat(a10.lines().skip(1).toList())
        .isNotEmpty()
        .allMatch(l -> l.matches("[^,]+,[0-9.]+×A10"));
    for (String said : List.of("a10", "nvidia a10", "NVIDIA A10")) {
      assertThat(
              run(List.of("dsw", "list", "--gpu-type", said, "-o", "csv", "--columns", "ID,GPU"))[
                  0])
          .as(said)
          .isEqualTo(a10);
    }
    String byName = run(List.of("dsw", "list", "--workspace", "ml-research", "-o", "name"))[0];
    assertThat(byName.lines().count()).isGreaterThan(5);
    assertThat(run(List.of("dsw", "list", "--workspace", "40823", "-o", "name"))[0])
        .isEqualTo(byName);
    String[] empty = run(List.of("dsw", "list", "--name", "no-such-notebook", "-o", "json"));
    assertThat(empty[0].strip()).isEqualTo("[]");
    assertThat(empty[1].lines().toList())
        .containsExactly("no instances match (server: InstanceName=no-such-notebook)");
    assertThat(empty[2]).isEqualTo("0");
  }
}
