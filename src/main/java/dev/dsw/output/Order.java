package dev.dsw.output;

import dev.dsw.model.Instance;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client-side order (--sort-column) and the --limit that applies after it: the whole result is
 * sorted first, then cut. Cells compare by what they hold ({@link Cells#compare}: quantities such
 * as 8×H100 and 32G by their number, durations as durations, else text), and a missing value
 * (empty, "-" as the GPU column shows none, or a usage with no data or unknown) sorts last in
 * either direction.
 */
public record Order(Column column, boolean descending, long limit) {
  /** The top-level fields the order reads (null: not known), for the page reader's projection. */
  public Set<String> fields() {
    return column.fields();
  }

  /**
   * Sorts the rows in place and returns the first {@code limit} of them (all for 0). Each row's
   * cell is computed once, not once per comparison.
   */
  List<Instance> apply(List<Instance> rows) {
    Comparator<String> values = descending ? ((a, b) -> Cells.compare(b, a)) : Cells::compare;
    Comparator<String> missingLast =
        (a, b) -> {
          boolean ma = missing(a);
          boolean mb = missing(b);
          return ma || mb ? Boolean.compare(ma, mb) : values.compare(a, b);
        };
    List<Map.Entry<String, Instance>> keyed = new ArrayList<>(rows.size());
    for (Instance i : rows) {
      keyed.add(new SimpleEntry<>(column.valueOf(i), i));
    }
    keyed.sort(Map.Entry.comparingByKey(missingLast));
    int n = limit > 0 ? (int) Math.min(limit, keyed.size()) : keyed.size();
    List<Instance> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(keyed.get(k).getValue());
    }
    return out;
  }

  static boolean missing(String cell) {
    return cell.isBlank()
        || cell.equals("-")
        || cell.equals(InstanceColumns.NO_DATA)
        || cell.equals(InstanceColumns.UNKNOWN);
  }
}
