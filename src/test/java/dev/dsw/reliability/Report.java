package dev.dsw.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The figures reliability tests measure, written as Markdown sections to target/reliability/;
 * ReliabilityReportIT puts them together into target/reliability.md (docs/reliability.md is a copy
 * of it, refreshed with -Dreliability.update=true).
 */
public final class Report {
  static final Path DIR = Path.of("target", "reliability");

  private Report() {}

  public static void section(String name, String markdown) {
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(name + ".md"), markdown.strip() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
