package dev.dsw.cli.options;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a count of cores or GPUs written as a decimal number: 0.5, 2, 1.25. Only the form is
 * checked here; the bounds (not negative, at most 3 decimals since the API counts thousandths) are
 * the query builder's.
 */
final class DecimalConverter implements ITypeConverter<BigDecimal> {
  @Override
  public BigDecimal convert(String value) {
    // one rule for every number: ASCII digits, no sign, no spaces (WholeNumberConverter)
    if (!value.matches("[0-9]{1,9}(\\.[0-9]{1,9})?")) {
      throw new TypeConversionException(
          "'" + value + "' is not a number such as 2 or 0.5 (digits 0-9, no sign or spaces)");
    }
    return new BigDecimal(value);
  }
}
