package dev.dsw.cli.options;

import dev.dsw.cli.run.Services;
import dev.dsw.model.Times;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a point in time: an ISO-8601 instant (2024-01-12T14:36:01Z, or with an offset), a date
 * meaning midnight UTC (2024-01-12), or an age before now: 90m, 36h, 7d, 2w (also 30s).
 */
final class TimeConverter implements ITypeConverter<Instant> {
  /** The times the API can hold: GmtCreateTime and friends are in this range. */
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

  private final Clock clock;

  TimeConverter(Services services) {
    this.clock = services.clock();
  }

  TimeConverter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant convert(String value) {
    Instant t = parse(value);
    if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
      throw new TypeConversionException(
          "'" + value + "' is outside the times the API holds (1970-01-01 to 2099-12-31)");
    }
    return t;
  }

  private Instant parse(String value) {
    if (!value.equals(value.strip())) {
      throw new TypeConversionException("'" + value + "' has spaces around it");
    }
    return Times.instant(value, clock)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "'"
                        + value
                        + "' is not a time; use 2024-01-12T14:36:01Z, 2024-01-12, or an age such as"
                        + " 90m, 36h, 7d, 2w"));
  }
}
