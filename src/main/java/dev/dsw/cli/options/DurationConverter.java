package dev.dsw.cli.options;

import dev.dsw.model.Times;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a positive duration through {@link Times#duration}: 500ms, 10s, 2m, 1h, 3h20m, 1d2h (the
 * form dsw prints idle times in); a bare number is seconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  /** The longest duration any option takes. */
  private static final Duration MAX = Duration.ofDays(3650);

  @Override
  public Duration convert(String value) {
    Duration d =
        value.matches("[0-9]{1,9}")
            ? Duration.ofSeconds(Long.parseLong(value))
            : Times.duration(value)
                .orElseThrow(
                    () ->
                        new TypeConversionException(
                            "'"
                                + value
                                + "' is not a duration; use e.g. 500ms, 10s, 2m, 1h or 3h20m"));
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "' must be greater than zero");
    }
    if (d.compareTo(MAX) > 0) {
      throw new TypeConversionException("'" + value + "' is longer than 3650d (ten years)");
    }
    return d;
  }
}
