package dev.dsw.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts "500ms", "10s", "2m", "1h", a bare number of seconds, or a combination such as 3h20m or
 * 1d2h (the form dsw prints idle times in) to a positive Duration.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (!m.matches()) {
      return dev.dsw.model.Times.duration(value).filter(d -> !d.isZero()).orElseThrow(() ->
          new TypeConversionException("'" + value + "' is not a duration; use e.g. 500ms, 10s, 2m, 1h or 3h20m"));
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "' must be greater than zero");
    }
    return d;
  }
}
