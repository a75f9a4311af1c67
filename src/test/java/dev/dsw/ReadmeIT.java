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
    List<String> examples =
        Files.readAllLines(Path.of("README.md")).stream()
            .filter(l -> l.startsWith("$ dsw "))
            .map(l -> l.substring(2))
            .toList();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
    for (String example : examples) {
      List<String> words = ExamplesTest.words(example); // up to a pipe or redirect outside quotes
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
      String err = new String(p.getErrorStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(example + "\n" + err).isZero();
      assertThat(ExamplesTest.dataRows(out)).as("data rows of %s", example).isPositive();
    }
  }
}
