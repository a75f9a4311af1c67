package dev.dsw.cli.options;

import dev.dsw.output.Format;
import picocli.CommandLine.Option;

/** -o and --no-headers: how every printing command shows its rows. */
public final class FormatOptions {
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

  public boolean headers() {
    return !noHeaders;
  }
}
