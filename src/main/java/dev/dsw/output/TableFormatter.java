package dev.dsw.output;

import dev.dsw.model.Instance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * -o table and -o wide: aligned columns. On a terminal, fitted to its width by cutting the
 * shrinkable columns with an ellipsis, then by leaving out columns on the right (never wrapping),
 * with statuses coloured when colour is on; when piped, full values and no colour. Control
 * characters never reach the terminal.
 */
final class TableFormatter implements Formatter {
  private static final int GAP = 3;
  private static final int MIN_WIDTH = 6;
  private final OutputSpec spec;
  private final List<String[]> rows = new ArrayList<>();

  TableFormatter(OutputSpec spec) {
    this.spec = spec;
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    Instance view = instance;
    List<Column> cols = spec.columns();
    String[] cells = new String[cols.size()];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = Text.printable(cols.get(c).valueOf(view));
    }
    rows.add(cells);
  }

  @Override
  public void end() {
    List<Column> cols = spec.columns();
    int n = cols.size();
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = spec.headers() ? Text.width(cols.get(c).header()) : 0;
    }
    for (String[] r : rows) {
      for (int c = 0; c < n; c++) {
        widths[c] = Math.max(widths[c], Text.width(r[c]));
      }
    }
    int shown = n;
    if (spec.width() > 0) {
      shown = fit(widths, cols, spec.width());
    }
    PrintStream out = spec.out();
    if (spec.headers()) {
      String[] header = cols.stream().map(Column::header).toArray(String[]::new);
      out.print(line(header, widths, shown, false));
    }
    for (String[] r : rows) {
      out.print(line(r, widths, shown, spec.colour()));
    }
    out.flush();
  }

  /**
   * Shrinks the widest shrinkable column, one cell at a time, until the row fits; if it still does
   * not fit with every column at its minimum, drops columns from the right (keeping at least one).
   * Returns how many columns are shown.
   */
  static int fit(int[] widths, List<Column> cols, int terminal) {
    int shown = widths.length;
    while (shrink(widths, cols, terminal, shown) > terminal && shown > 1) {
      shown--;
    }
    return shown;
  }

  private static int shrink(int[] widths, List<Column> cols, int terminal, int shown) {
    int total = GAP * (shown - 1);
    for (int c = 0; c < shown; c++) {
      total += widths[c];
    }
    while (total > terminal) {
      int widest = -1;
      for (int c = 0; c < shown; c++) {
        if (cols.get(c).shrinkable()
            && widths[c] > MIN_WIDTH
            && (widest < 0 || widths[c] > widths[widest])) {
          widest = c;
        }
      }
      if (widest < 0) {
        return total;
      }
      widths[widest]--;
      total--;
    }
    return total;
  }

  private String line(String[] cells, int[] widths, int shown, boolean colour) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < shown; c++) {
      String cell = Text.truncate(cells[c], widths[c]);
      boolean last = c == shown - 1;
      String styled =
          colour && spec.columns().get(c).header().equals("STATUS") ? Style.status(cell) : cell;
      sb.append(styled);
      if (!last) {
        sb.append(" ".repeat(widths[c] - Text.width(cell) + GAP));
      }
    }
    return Text.stripTrailing(sb.toString()) + "\n";
  }
}
