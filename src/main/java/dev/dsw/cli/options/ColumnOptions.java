package dev.dsw.cli.options;

import dev.dsw.listing.Output;
import dev.dsw.output.Format;
import dev.dsw.output.InstanceColumns;
import java.util.List;
import picocli.CommandLine.Option;

/** --columns, --sort-column and --show-secrets: for the commands whose rows are instances. */
public final class ColumnOptions {
  @Option(
      names = "--columns",
      paramLabel = "<col,...>",
      split = ",",
      completionCandidates = ColumnNames.class,
      description =
          "Columns for table, csv and tsv: built-in names or field paths such as "
              + "RequestedResource.GPUType. '--columns help' lists them.")
  List<String> columns;

  @Option(
      names = "--sort-column",
      paramLabel = "<col[:desc]>",
      converter = SortColumnConverter.class,
      completionCandidates = ColumnNames.class,
      description =
          "Sort the whole result on the client by any column or field path, e.g. GPU:desc "
              + "(quantities by value, missing values last); --limit applies after it.")
  dev.dsw.output.SortColumn sortColumn;

  @Option(
      names = "--show-secrets",
      description = "Show passwords, tokens, ImageAuth and environment values instead of ***.")
  boolean showSecrets;

  /** What to print: this format, these flags, and the command's own default columns. */
  public Output output(Format format, FormatOptions f, List<String> defaults) {
    return new Output(format, columns, defaults, f.headers(), sortColumn, showSecrets);
  }

  /** As above with list's defaults: the DEFAULT columns, or WIDE for -o wide. */
  public Output output(Format format, FormatOptions f) {
    return output(
        format, f, format == Format.wide ? InstanceColumns.WIDE : InstanceColumns.DEFAULT);
  }

  /** Completion candidates for --columns: the built-in names, the API's field paths, and help. */
  static final class ColumnNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      List<String> names =
          new java.util.ArrayList<>(
              new InstanceColumns(java.time.Clock.systemUTC()).describe().keySet());
      names.addAll(dev.dsw.model.Fields.PATHS); // field paths too: --columns InstanceId,Requ<TAB>
      names.add("help");
      return names.iterator();
    }
  }
}
