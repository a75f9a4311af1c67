package dev.dsw.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time: an ISO-8601 instant (2024-01-12T14:36:01Z, or with an offset), a date
 * meaning midnight UTC (2024-01-12), or an age before now: 90m, 36h, 7d, 2w (also 30s).
 */
final class TimeConverter implements ITypeConverter<Instant> {
  private static final Pattern AGE = Pattern.compile("(\\d{1,7})([smhdw])");
  private final Clock clock;

  TimeConverter(Services services) {
    this.clock = services.clock();
  }

  TimeConverter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    String v = value.trim();
    Matcher m = AGE.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      };
      return clock.instant().minus(d);
    }
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (v.endsWith("Z") || v.endsWith("z")) {
        return Instant.parse(v.toUpperCase(java.util.Locale.ROOT));
      }
      if (v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(v).toInstant();
      }
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException("'" + value + "' is not a time; use 2024-01-12T14:36:01Z, 2024-01-12, "
          + "or an age such as 90m, 36h, 7d, 2w");
    }
  }
}
