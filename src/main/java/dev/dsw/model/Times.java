package dev.dsw.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time forms dsw reads everywhere (flags and --where): ISO-8601 instants, dates meaning
 * midnight UTC, ages before now (90m, 36h, 7d, 2w) and durations (45s, 90m, 2h, 3h20m, 1d).
 */
public final class Times {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:?\\d{2}$");

  /** The one duration syntax: weeks, days, hours, minutes, seconds, milliseconds, in that order. */
  private static final Pattern DURATION =
      Pattern.compile(
          "(?:(\\d{1,9})w)?(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m(?!s))?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

  /** One unit with a fraction, as running time is written (854.5h) or said (1.5d, 0.5h). */
  private static final Pattern FRACTION = Pattern.compile("(\\d{1,9})\\.(\\d{1,6})(w|d|h|m|s)");

  /** The seconds in a w, d, h, m and s: the units both duration forms are written in. */
  private static final long[] UNIT_SECONDS = {7 * 86400, 86400, 3600, 60, 1};

  private Times() {}

  /** An instant, a date, or an age such as 7d (meaning seven days before the clock's now). */
  public static Optional<Instant> instant(String text, Clock clock) {
    String v = text.trim();
    Optional<Duration> age = duration(v);
    if (age.isPresent()) {
      return Optional.of(clock.instant().minus(age.get()));
    }
    return absolute(v);
  }

  /** An ISO-8601 instant (Z or an offset; no zone means UTC) or a date; never an age. */
  public static Optional<Instant> absolute(String text) {
    String v = text.trim();
    if (v.length() < 10 || !Character.isDigit(v.charAt(0))) {
      return Optional.empty();
    }
    Instant quick = utcSeconds(v);
    if (quick != null) {
      return Optional.of(quick);
    }
    try {
      if (DATE.matcher(v).matches()) {
        return Optional.of(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (v.endsWith("Z") || v.endsWith("z")) {
        return Optional.of(Instant.parse(v.toUpperCase(Locale.ROOT)));
      }
      if (OFFSET.matcher(v).find()) {
        return Optional.of(OffsetDateTime.parse(v).toInstant());
      }
      return Optional.of(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /**
   * The form the service sends on every instance, 2026-11-27T08:30:00Z, read without a
   * DateTimeFormatter (listing 100,000 instances reads 100,000 of them for the AGE column); null
   * for anything else, which the formatter then reads. Only plain times of day are taken here, so
   * 24:00 and leap seconds go the formatter's way.
   */
  static Instant utcSeconds(String v) {
    if (v.length() != 20
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || v.charAt(10) != 'T'
        || v.charAt(13) != ':'
        || v.charAt(16) != ':'
        || v.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if (year < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    long days;
    try {
      days = LocalDate.of(year, digits(v, 5, 2), digits(v, 8, 2)).toEpochDay(); // checks the date
    } catch (java.time.DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(days * 86400 + hour * 3600L + minute * 60L + second);
  }

  /** The decimal number in v[from, from + n), or -1 if any of it is not an ASCII digit. */
  private static int digits(String v, int from, int n) {
    int x = 0;
    for (int i = from; i < from + n; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  /**
   * A duration in the one syntax dsw reads everywhere (flags, ages, --where, the emulator): parts
   * of 1w2d3h4m5s6ms, each optional but at least one present: 500ms, 45s, 90m, 2h, 3h20m, 7d, 2w;
   * or one unit with a fraction, as running time is written: 854.5h, 1.5d (to the millisecond).
   */
  public static Optional<Duration> duration(String text) {
    String v = text.trim();
    Matcher f = FRACTION.matcher(v);
    if (f.matches()) {
      long unit = UNIT_SECONDS["wdhms".indexOf(f.group(3))] * 1000L;
      java.math.BigDecimal ms =
          new java.math.BigDecimal(f.group(1) + "." + f.group(2))
              .multiply(java.math.BigDecimal.valueOf(unit))
              .setScale(0, java.math.RoundingMode.HALF_UP);
      return Optional.of(Duration.ofMillis(ms.longValueExact()));
    }
    Matcher m = DURATION.matcher(v);
    if (v.isEmpty() || !m.matches()) {
      return Optional.empty();
    }
    Duration d = Duration.ZERO;
    for (int g = 1; g <= 5; g++) {
      if (m.group(g) != null) {
        d = d.plusSeconds(Long.parseLong(m.group(g)) * UNIT_SECONDS[g - 1]);
      }
    }
    if (m.group(6) != null) {
      d = d.plusMillis(Long.parseLong(m.group(6)));
    }
    return Optional.of(d);
  }

  /** Writes a duration the way {@link #duration} reads it, to the minute: 0m, 45m, 3h20m, 2d4h. */
  public static String format(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / 1440;
    long hours = (minutes % 1440) / 60;
    long mins = minutes % 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (mins > 0 ? mins + "m" : "");
    }
    return mins + "m";
  }

  /**
   * An interval as a wait or a poll says it: seconds under a minute (30s), else as above (3h20m).
   */
  public static String interval(Duration d) {
    return d.toSeconds() < 60 ? d.toSeconds() + "s" : format(d);
  }
}
