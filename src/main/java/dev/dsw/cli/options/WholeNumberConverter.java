package dev.dsw.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one rule for every integer option, the emulator's included: ASCII digits 0-9 only, with no
 * sign and no whitespace (red team, issue #23: `--page ١`, `+1` and `' 1'` were accepted by some
 * options and refused by others). Bounds are the query builder's or the option's own.
 */
public final class WholeNumberConverter {
  private WholeNumberConverter() {}

  static long parse(String value, long max) {
    if (!value.matches("[0-9]{1,18}")) {
      throw new TypeConversionException(
          "'" + value + "' is not a whole number (digits 0-9 only, no sign or spaces)");
    }
    long n = Long.parseLong(value);
    if (n > max) {
      throw new TypeConversionException("'" + value + "' is too large (at most " + max + ")");
    }
    return n;
  }

  /** For int and Integer options. */
  public static final ITypeConverter<Integer> INT = v -> (int) parse(v, Integer.MAX_VALUE);

  /** For long and Long options. */
  public static final ITypeConverter<Long> LONG = v -> parse(v, Long.MAX_VALUE);
}
