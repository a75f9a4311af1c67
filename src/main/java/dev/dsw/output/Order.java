package dev.dsw.output;

import dev.dsw.model.Instance;
import java.util.Comparator;

/**
 * A client-side order (--sort-column) and the --limit that applies after it: the whole result is
 * sorted first, then cut. Cells compare by what they hold ({@link Cells#compare}: quantities such
 * as 8×H100 and 32G by their number, durations as durations, else text), and a missing value
 * (empty, or "-" as the GPU column shows none) sorts last in either direction.
 */
public record Order(Comparator<Instance> comparator, long limit) {
  /** Sorts by one column, ascending or descending, then keeps the first {@code limit} (0: all). */
  public static Order by(Column column, boolean descending, long limit) {
    Comparator<String> values =
        descending
            ? Comparator.<String, String>comparing(s -> s, Cells::compare).reversed()
            : Comparator.<String, String>comparing(s -> s, Cells::compare);
    Comparator<String> missingLast =
        (a, b) -> {
          boolean ma = missing(a);
          boolean mb = missing(b);
          return ma || mb ? Boolean.compare(ma, mb) : values.compare(a, b);
        };
    return new Order(Comparator.comparing(column::valueOf, missingLast), limit);
  }

  static boolean missing(String cell) {
    return cell.isBlank() || cell.equals("-");
  }
}
