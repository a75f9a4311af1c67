package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Puts the sections the reliability tests wrote into target/reliability.md, the report
 * docs/reliability.md copies (rewrite it with -Dreliability.update=true). Fails when a section is
 * missing from this run or from the docs.
 */
class ReliabilityReportIT {
  static final List<String> SECTIONS =
      List.of(
          "10-faults",
          "20-bad-input",
          "22-dry-run",
          "25-hostile",
          "25-properties",
          "30-bad-responses",
          "40-secrets",
          "50-emulator-load");

  @Test
  void assemblesTheReport() throws Exception {
    StringBuilder md =
        new StringBuilder("# Reliability and security\n\n")
            .append("Produced by the tests of `mvn -B verify` (the CI command) on ")
            .append(LocalDate.now(ZoneOffset.UTC))
            .append(", JDK ")
            .append(System.getProperty("java.version"))
            .append(", ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cores, ")
            .append(System.getProperty("os.name"))
            .append(
                ". Each section names the test that measured it; rerun them and read"
                    + " target/reliability.md.\n");
    for (String name : SECTIONS) {
      Path part = Report.DIR.resolve(name + ".md");
      assertThat(part).as("section written by its test in this run").exists();
      md.append('\n').append(Files.readString(part));
    }
    Path out = Path.of("target", "reliability.md");
    Files.writeString(out, md.toString());
    Path docs = Path.of("docs", "reliability.md");
    if (Boolean.getBoolean("reliability.update")) {
      Files.writeString(docs, md.toString());
    }
    assertThat(docs).as("docs/reliability.md (mvn verify -Dreliability.update=true)").exists();
    String committed = Files.readString(docs);
    try (Stream<String> headings = md.toString().lines().filter(l -> l.startsWith("## "))) {
      headings.forEach(
          h -> assertThat(committed).as("docs/reliability.md has the section").contains(h));
    }
  }
}
