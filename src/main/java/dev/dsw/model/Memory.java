package dev.dsw.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory quantities, read one way everywhere: flags (--min-memory), --where, the MEMORY column,
 * summary and idle totals, and the emulator's bounds. The API counts memory in GB and sends plain
 * numbers ("32") or Kubernetes quantities ("8Gi", "512Mi") (list-instances.md §4.2); dsw counts in
 * GB, with Gi read as G, as the service's own filters do, so a plain number, "32G" and "32Gi" are
 * all 32.
 */
public final class Memory {
  private static final Pattern QUANTITY =
      Pattern.compile("(\\d{1,15}(?:\\.\\d{1,9})?)\\s*(?:([kKmMgGtT])(?:i?[bB]|i)?)?");
  private static final BigDecimal K = BigDecimal.valueOf(1024);

  private Memory() {}

  /**
   * The quantity in GB: "32", "32G", "32GB", "32Gi", "32GiB", "512Mi" (0.5), "1T" (1024); empty for
   * anything else.
   */
  public static Optional<BigDecimal> gigabytes(String text) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal n = new BigDecimal(m.group(1));
    String unit = m.group(2) == null ? "g" : m.group(2).toLowerCase(Locale.ROOT);
    return Optional.of(
        switch (unit) {
          case "k" -> n.divide(K.multiply(K), 6, RoundingMode.HALF_UP).stripTrailingZeros();
          case "m" -> n.divide(K, 6, RoundingMode.HALF_UP).stripTrailingZeros();
          case "t" -> n.multiply(K);
          default -> n;
        });
  }

  /**
   * How a quantity shows in a cell: GB with at most one decimal and the unit, "32G", "0.5G"; as
   * sent when unreadable.
   */
  public static String display(String text) {
    return gigabytes(text).map(gb -> Metrics.display(gb) + "G").orElse(text);
  }
}
