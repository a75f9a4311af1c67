package dev.dsw.output;

import dev.dsw.model.Instance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * -o table and -o wide: aligned columns, with statuses coloured when colour is on; when piped, full
 * values and no colour. Control characters never reach the terminal.
 *
 * <p>On a terminal, -o table fits its width by priority (-o wide never does: it shows everything):
 * first the long columns are cut with an ellipsis, but never below their floor; then, while the row
 * is still too wide, whole columns are given up, and the others get their width back. Each column
 * says how ({@link Column.Table}: its floor, when it is given up, its paint; a command that keeps
 * some columns longest ranks them so when it plans its listing). The table never wraps.
 *
 * <p>Memory stays bounded: the widths come from the first {@link #SIZING_ROWS} rows, which are kept
 * until then; once there are that many, they are printed and every later row is printed as it
 * comes, in the same widths (cut with an ellipsis when fitting a terminal; whole, and pushing its
 * row's later cells right, when not).
 */
final class TableFormatter implements Formatter {
  private static final int GAP = 3;

  /** How many rows size the columns; later rows print in those widths (see the class comment). */
  static final int SIZING_ROWS = 10_000;

  private final OutputSpec spec;

  /** Whether the table fits the terminal it is printed to (-o table at a terminal). */
  private final boolean fits;

  private final int sizingRows;
  private final List<String[]> rows = new ArrayList<>();

  /** Set once the sizing rows are printed: the widths and columns every later row is printed in. */
  private int[] widths;

  private boolean[] shown;

  /** -o wide on a terminal with colour: each ID links to its JupyterLab (OSC-8), as gh links. */
  private final boolean linked;

  private final List<String> links = new ArrayList<>();

  /**
   * {@code fits}: whether to fit a terminal's width (-o table) or show every column whole (-o
   * wide).
   */
  TableFormatter(OutputSpec spec, boolean fits) {
    this(spec, fits, SIZING_ROWS);
  }

  TableFormatter(OutputSpec spec, boolean fits, int sizingRows) {
    this.spec = spec;
    this.fits = fits && spec.width() > 0;
    this.linked = !fits && spec.pretty() && spec.colour();
    this.sizingRows = sizingRows;
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    List<Column> cols = spec.columns();
    String[] cells = new String[cols.size()];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = dev.dsw.model.Inert.printable(cols.get(c).valueOf(instance));
    }
    String link = linked ? dev.dsw.model.Inert.printable(instance.text("JupyterlabUrl")) : "";
    if (widths != null) {
      spec.out().print(line(cells, widths, shown, spec.colour(), link));
      return;
    }
    rows.add(cells);
    links.add(link);
    if (rows.size() >= sizingRows) {
      printSized();
    }
  }

  @Override
  public void end() {
    if (widths == null) {
      printSized();
    }
    spec.out().flush();
  }

  /**
   * Sizes the columns from the rows kept, prints the header and them, and keeps only the widths.
   */
  private void printSized() {
    List<Column> cols = spec.columns();
    int n = cols.size();
    widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = spec.headers() ? Text.width(cols.get(c).header()) : 0;
    }
    for (String[] r : rows) {
      for (int c = 0; c < n; c++) {
        widths[c] = Math.max(widths[c], Text.width(r[c]));
      }
    }
    shown = new boolean[n];
    java.util.Arrays.fill(shown, true);
    if (fits) {
      shown = fit(widths, cols, spec.width());
      List<String> hidden = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        if (!shown[c]) {
          hidden.add(cols.get(c).header());
        }
      }
      if (!hidden.isEmpty()) {
        spec.terminal().hidden().accept(hidden);
      }
    }
    PrintStream out = spec.out();
    if (spec.headers()) {
      String[] header = cols.stream().map(Column::header).toArray(String[]::new);
      out.print(line(header, widths, shown, false, ""));
    }
    for (int r = 0; r < rows.size(); r++) {
      out.print(line(rows.get(r), widths, shown, spec.colour(), links.get(r)));
    }
    rows.clear();
    links.clear();
  }

  /**
   * Fits the columns into {@code terminal} cells: cuts columns down to their floors, and while that
   * is not enough gives up columns by their rank (restoring the others' natural widths first). Sets
   * {@code widths} and returns which columns are shown.
   */
  static boolean[] fit(int[] widths, List<Column> cols, int terminal) {
    int n = widths.length;
    int[] natural = widths.clone();
    boolean[] shown = new boolean[n];
    java.util.Arrays.fill(shown, true);
    Integer[] byDrop = new Integer[n];
    for (int c = 0; c < n; c++) {
      byDrop[c] = c;
    }
    // first given up: the lowest ranked, the rightmost first among equals
    java.util.Arrays.sort(
        byDrop,
        java.util.Comparator.comparingInt((Integer c) -> cols.get(c).table().stays())
            .thenComparing(c -> -c));
    for (int k = 0; ; k++) {
      System.arraycopy(natural, 0, widths, 0, n);
      if (shrink(widths, cols, shown, terminal) <= terminal || k >= n) {
        return shown;
      }
      int drop = byDrop[k];
      if (cols.get(drop).table().stays() == Column.Table.ALWAYS || visible(shown) == 1) {
        return shown; // only what is never given up is left: it shows whole, wider than the
        // terminal
      }
      shown[drop] = false;
    }
  }

  private static int visible(boolean[] shown) {
    int v = 0;
    for (boolean s : shown) {
      v += s ? 1 : 0;
    }
    return v;
  }

  /** The narrowest a column may be cut to: its floor, or its whole width when it is never cut. */
  private static int floor(Column c, int natural) {
    return Math.min(natural, c.table().floor());
  }

  /** Cuts the widest shown column above its floor, one cell at a time; returns the row's width. */
  private static int shrink(int[] widths, List<Column> cols, boolean[] shown, int terminal) {
    int total = GAP * (visible(shown) - 1);
    for (int c = 0; c < widths.length; c++) {
      total += shown[c] ? widths[c] : 0;
    }
    int[] floors = new int[widths.length];
    for (int c = 0; c < widths.length; c++) {
      floors[c] = floor(cols.get(c), widths[c]);
    }
    while (total > terminal) {
      int widest = -1;
      for (int c = 0; c < widths.length; c++) {
        if (shown[c] && widths[c] > floors[c] && (widest < 0 || widths[c] > widths[widest])) {
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

  private String line(String[] cells, int[] widths, boolean[] shown, boolean colour, String link) {
    StringBuilder sb = new StringBuilder();
    int lastShown = -1;
    for (int c = 0; c < shown.length; c++) {
      lastShown = shown[c] ? c : lastShown;
    }
    for (int c = 0; c < shown.length; c++) {
      if (!shown[c]) {
        continue;
      }
      // cut to the width when fitting a terminal; a later row's longer cell stays whole otherwise
      String cell = fits ? Text.truncate(cells[c], widths[c]) : cells[c];
      boolean last = c == lastShown;
      Column.Paint paint = spec.columns().get(c).table().paint();
      String styled = colour && paint == Column.Paint.STATUS ? Style.status(cell) : cell;
      if (!link.isEmpty() && paint == Column.Paint.LINK) {
        styled = Style.link(link, cell);
      }
      sb.append(styled);
      if (!last) {
        sb.append(" ".repeat(Math.max(widths[c] - Text.width(cell), 0) + GAP));
      }
    }
    return Text.stripTrailing(sb.toString()) + "\n";
  }
}
