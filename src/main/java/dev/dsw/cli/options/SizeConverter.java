package dev.dsw.cli.options;

import dev.dsw.model.Memory;
import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a memory size in whole GB, the API's unit, through {@link Memory}: 32, 32G, 32GB, 32Gi or
 * 32GiB all mean 32.
 */
public final class SizeConverter implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    if (!value.matches("[0-9][0-9.]*[A-Za-z]*")) { // one rule for numbers: no sign, no spaces
      throw new TypeConversionException(
          "'" + value + "' is not a size in GB; use a whole number such as 32, 32G or 32Gi");
    }
    BigDecimal gb =
        Memory.gigabytes(value)
            .orElseThrow(
                () ->
                    new TypeConversionException(
                        "'"
                            + value
                            + "' is not a size in GB; use a whole number such as 32, 32G or 32Gi"));
    try {
      return gb.longValueExact();
    } catch (ArithmeticException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a whole number of GB; the API counts whole GB");
    }
  }
}
