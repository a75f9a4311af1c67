package dev.dsw.cli.options;

import dev.dsw.output.Format;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** -o and --no-headers: how every printing command shows its rows. */
public final class FormatOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<format>",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: table (detail for get).")
  Format format;

  @Option(names = "--no-headers", description = "Leave out the header row (table, csv, tsv).")
  boolean noHeaders;

  /** The format asked for, else the command's default. */
  public Format format(Format orElse) {
    return format != null ? format : orElse;
  }

  /** As above, refusing a format the command cannot print. */
  public Format format(Format orElse, Set<Format> refused, String why) {
    Format f = format(orElse);
    if (refused.contains(f)) {
      throw new ParameterException(spec.commandLine(), "-o " + f + ": " + why);
    }
    return f;
  }

  public boolean headers() {
    return !noHeaders;
  }
}
