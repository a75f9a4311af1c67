package dev.dsw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            .map(l -> l.substring(6).split("\\s[|>]\\s")[0])
            .toList();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
    for (String example : examples) {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-jar",
                  CliIT.TARGET.resolve("dsw.jar").toString(),
                  "--demo"));
      Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(example);
      while (m.find()) {
        cmd.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
      }
      Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String err = new String(p.getErrorStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(example + "\n" + err).isZero();
    }
  }
}
