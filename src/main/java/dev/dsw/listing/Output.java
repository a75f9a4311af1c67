package dev.dsw.listing;

import dev.dsw.output.Format;
import java.util.List;

/**
 * What to print, as the output flags say: the format, the columns asked for (null: the command's
 * {@code defaults}), headers, the client-side sort (null: none), secrets, and the columns a narrow
 * table keeps longest ({@code keep}, most important first; empty: the table's own order).
 */
public record Output(
    Format format,
    List<String> columns,
    List<String> defaults,
    boolean headers,
    dev.dsw.output.SortColumn sortColumn,
    boolean showSecrets,
    List<String> keep) {
  public Output {
    columns = columns == null ? null : List.copyOf(columns);
    defaults = List.copyOf(defaults);
    keep = List.copyOf(keep);
  }

  /** An output that fits a narrow table in the table's own order. */
  public Output(
      Format format,
      List<String> columns,
      List<String> defaults,
      boolean headers,
      dev.dsw.output.SortColumn sortColumn,
      boolean showSecrets) {
    this(format, columns, defaults, headers, sortColumn, showSecrets, List.of());
  }

  /** The same output, keeping these columns longest on a narrow terminal. */
  public Output keeping(List<String> columns) {
    return new Output(format, this.columns, defaults, headers, sortColumn, showSecrets, columns);
  }

  /** Whether {@code --columns help} asks for the list of columns instead of a listing. */
  public boolean columnHelp() {
    return columns != null && columns.size() == 1 && columns.get(0).equalsIgnoreCase("help");
  }

  /** The same output sorted by this column, ascending (a command's default order). */
  public Output sortedBy(dev.dsw.output.SortColumn column) {
    return new Output(format, columns, defaults, headers, column, showSecrets, keep);
  }
}
