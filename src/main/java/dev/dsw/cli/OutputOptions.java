package dev.dsw.cli;

import dev.dsw.model.Instance;
import dev.dsw.output.Cells;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How results are shown: shared by every command that prints instances. */
final class OutputOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "<format>",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: table (detail for get).")
  Format format;

  @Option(names = "--columns", paramLabel = "<col,...>", split = ",", completionCandidates = ColumnNames.class,
      description = "Columns for table, csv and tsv: built-in names or field paths such as "
          + "RequestedResource.GPUType. '--columns help' lists them.")
  List<String> columns;

  @Option(names = "--no-headers", description = "Leave out the header row (table, csv, tsv).")
  boolean noHeaders;

  @Option(names = "--sort-column", paramLabel = "<col[:desc]>", completionCandidates = ColumnNames.class,
      description = "Sort the result by any column or field path on the client, e.g. GPU:desc.")
  String sortColumn;

  @Option(names = "--show-secrets",
      description = "Show passwords, tokens, ImageAuth and environment values instead of ***.")
  boolean showSecrets;

  boolean wantsColumnHelp() {
    return columns != null && columns.size() == 1 && columns.get(0).equalsIgnoreCase("help");
  }

  /** The format asked for, else the command's default. */
  Format format(Format orElse) {
    return format != null ? format : orElse;
  }

  /**
   * Builds the output spec; the console decides width and colour once, here. With several regions
   * a REGION column goes first, unless --columns names the columns.
   */
  OutputSpec spec(Console console, InstanceColumns known, Format chosen, boolean severalRegions) {
    return spec(console, known, chosen, severalRegions,
        chosen == Format.wide ? InstanceColumns.WIDE : InstanceColumns.DEFAULT);
  }

  /** As above with the command's own default columns. */
  OutputSpec spec(Console console, InstanceColumns known, Format chosen, boolean severalRegions, List<String> defaults) {
    if (columns != null && !chosen.hasColumns()) {
      console.warn("--columns applies to table, wide, csv and tsv; -o " + chosen + " prints whole instances");
    }
    List<String> names = new java.util.ArrayList<>();
    if (columns != null) {
      names.addAll(columns);
    } else {
      if (severalRegions) {
        names.add("REGION");
      }
      names.addAll(defaults);
    }
    List<Column> cols = known.resolve(names);
    Optional<Comparator<Instance>> order = Optional.ofNullable(sortColumn).map(s -> comparator(s, known));
    return new OutputSpec(console.out(), cols, !noHeaders, console.width(), console.colour(), console.isTty(),
        showSecrets, order);
  }

  private static Comparator<Instance> comparator(String spec, InstanceColumns known) {
    String[] parts = spec.split(":", 2);
    boolean desc = parts.length == 2 && parts[1].equalsIgnoreCase("desc");
    if (parts.length == 2 && !desc && !parts[1].equalsIgnoreCase("asc")) {
      throw new UsageException("--sort-column " + spec + ": the direction after ':' must be asc or desc", null);
    }
    Column col = known.resolve(List.of(parts[0])).get(0);
    Comparator<Instance> c = (a, b) -> Cells.compare(col.valueOf(a), col.valueOf(b));
    return desc ? c.reversed() : c;
  }

  /** The top-level fields --sort-column reads (empty without it; null when not known). */
  java.util.Set<String> sortFields(InstanceColumns known) {
    if (sortColumn == null) {
      return java.util.Set.of();
    }
    return known.resolve(List.of(sortColumn.split(":", 2)[0])).get(0).fields();
  }

  /** Completion candidates for --columns: the built-in names, and help. */
  static final class ColumnNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      List<String> names = new java.util.ArrayList<>(new InstanceColumns(java.time.Clock.systemUTC()).describe().keySet());
      names.add("help");
      return names.iterator();
    }
  }
}
