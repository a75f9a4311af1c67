package dev.dsw.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a memory size in GB, the API's unit: 32, 32G, 32GB, 32Gi or 32GiB all mean 32. */
final class SizeConverter implements ITypeConverter<Long> {
  private static final Pattern FORM = Pattern.compile("(?i)(-?\\d{1,12})\\s*(g|gb|gi|gib)?");

  @Override
  public Long convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a size in GB; use a whole number such as 32, 32G or 32Gi");
    }
    long gb = Long.parseLong(m.group(1));
    if (gb < 0) {
      throw new TypeConversionException("'" + value + "' must not be negative");
    }
    return gb;
  }
}
