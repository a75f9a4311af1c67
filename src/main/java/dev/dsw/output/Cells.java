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
   * Orders two cells by what they hold, a total order whatever a column mixes: durations (90m,
   * 3h20m) first, by length of time; then numbers (also "2×A10", "32G"), by value; then text,
   * ignoring case. Cells of one kind and equal value are ordered by their text, so sorting a column
   * that mixes kinds never fails.
   */
  public static int compare(String a, String b) {
    Optional<Duration> da = Times.duration(a);
    Optional<Duration> db = Times.duration(b);
    BigDecimal x = da.isPresent() ? null : leadingNumber(a);
    BigDecimal y = db.isPresent() ? null : leadingNumber(b);
    int ka = da.isPresent() ? 0 : x != null ? 1 : 2;
    int kb = db.isPresent() ? 0 : y != null ? 1 : 2;
    if (ka != kb) {
      return Integer.compare(ka, kb);
    }
    int c =
        switch (ka) {
          case 0 -> da.get().compareTo(db.get());
          case 1 -> x.compareTo(y);
          default -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
        };
    return c != 0 ? c : a.compareTo(b);
  }
}
