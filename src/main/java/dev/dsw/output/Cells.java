package dev.dsw.output;

import dev.dsw.model.Times;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How cells read as values: what --where compares and --sort-column orders by. */
public final class Cells {
  static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?");

  private Cells() {}

  /**
   * The leading number of a cell: "2" → 2, "2×A10" → 2, "32G" → 32, "3h20m" → 3; null for "A10" or
   * a date such as "2024-01-12" (a number followed by a digit, '-' or ':' is not one).
   */
  static BigDecimal leadingNumber(String s) {
    Matcher m = NUMBER.matcher(s);
    if (!m.find()) {
      return null;
    }
    if (m.end() < s.length()
        && (Character.isDigit(s.charAt(m.end()))
            || s.charAt(m.end()) == '-'
            || s.charAt(m.end()) == ':')) {
      return null;
    }
    return new BigDecimal(m.group());
  }

  /**
   * Orders two cells by what they hold: durations (90m, 3h20m) as durations, numbers (also "2×A10",
   * "32G") as numbers, anything else as text ignoring case; a value sorts before text, and a
   * duration against a number (a column should not hold both) compares as text.
   */
  public static int compare(String a, String b) {
    Optional<Duration> da = Times.duration(a);
    Optional<Duration> db = Times.duration(b);
    if (da.isPresent() && db.isPresent()) {
      return da.get().compareTo(db.get());
    }
    BigDecimal x = da.isPresent() ? null : leadingNumber(a);
    BigDecimal y = db.isPresent() ? null : leadingNumber(b);
    if (x != null && y != null) {
      int c = x.compareTo(y);
      return c != 0 ? c : a.compareTo(b);
    }
    boolean valueA = x != null || da.isPresent();
    boolean valueB = y != null || db.isPresent();
    if (valueA != valueB) {
      return valueA ? -1 : 1;
    }
    return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
  }
}
