package dev.dsw.cli.options;

import dev.dsw.output.Format;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * summary's -o and --no-headers: every format but detail, which shows instances, not groups. A
 * mixin of its own, so that summary's help and completion never offer the one it refuses.
 */
public final class GroupFormatOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<format>",
      completionCandidates = Formats.class,
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: table.")
  Format format;

  @Option(names = "--no-headers", description = "Leave out the header row (table, csv, tsv).")
  boolean noHeaders;

  /** The format asked for (table by default); detail is refused. */
  public Format format() {
    if (format == Format.detail || format == Format.name) {
      throw new ParameterException(
          spec.commandLine(),
          "-o "
              + format
              + " shows instances; this command prints rows of its own (-o "
              + String.join(", ", new Formats())
              + ")");
    }
    return format != null ? format : Format.table;
  }

  public boolean headers() {
    return !noHeaders;
  }

  /** The formats a report of groups prints. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Format.values())
          .filter(f -> f != Format.detail && f != Format.name)
          .map(Enum::name)
          .iterator();
    }
  }
}
