package dev.dsw.cli.options;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a count of cores or GPUs with up to 3 decimals (the API counts thousandths): 0.5, 2, 1.25.
 */
final class DecimalConverter implements ITypeConverter<BigDecimal> {
  @Override
  public BigDecimal convert(String value) {
    String v = value.trim();
    if (!v.matches("-?\\d{1,9}(\\.\\d+)?")) {
      throw new TypeConversionException("'" + value + "' is not a number such as 2 or 0.5");
    }
    BigDecimal d = new BigDecimal(v);
    if (d.signum() < 0) {
      throw new TypeConversionException("'" + value + "' must not be negative");
    }
    if (d.stripTrailingZeros().scale() > 3) {
      throw new TypeConversionException(
          "'" + value + "' has more than 3 decimals; the API counts thousandths");
    }
    return d;
  }
}
