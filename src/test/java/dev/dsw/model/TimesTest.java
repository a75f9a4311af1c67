package dev.dsw.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Times.absolute reads the service's own timestamps without a formatter, and must agree with the
 * JDK's reading.
 */
class TimesTest {

  /**
   * What the JDK makes of a Z timestamp: the reading Times.absolute gave before it had a quick
   * path.
   */
  private static Optional<Instant> jdk(String v) {
    try {
      return Optional.of(Instant.parse(v));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Property(tries = 3000)
  void theServicesFormReadsAsTheJdkReadsIt(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 19) int month,
      @ForAll @IntRange(min = 0, max = 39) int day,
      @ForAll @IntRange(min = 0, max = 29) int hour,
      @ForAll @IntRange(min = 0, max = 69) int minute,
      @ForAll @IntRange(min = 0, max = 69) int second) {
    String v =
        String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
    assertThat(Times.absolute(v)).as(v).isEqualTo(jdk(v));
  }

  @Test
  void calendarEdgesAgreeWithTheJdk() {
    for (String v :
        new String[] {
          "2024-02-29T12:00:00Z",
          "2023-02-29T12:00:00Z",
          "1900-02-29T00:00:00Z",
          "2000-02-29T00:00:00Z",
          "2026-04-31T00:00:00Z",
          "2026-12-31T23:59:59Z",
          "2026-11-27T24:00:00Z",
          "2026-06-30T23:59:60Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59Z",
          "1969-12-31T23:59:59Z"
        }) {
      assertThat(Times.absolute(v)).as(v).isEqualTo(jdk(v));
    }
    // 1795768200: the same instant as Python's datetime(2026, 11, 27, 8, 30,
    // tzinfo=utc).timestamp() gives.
    assertThat(Times.absolute("2026-11-27T08:30:00Z")).contains(Instant.ofEpochSecond(1795768200L));
  }

  @Test
  void onlyTheExactServiceFormTakesTheQuickPath() {
    assertThat(Times.utcSeconds("2026-11-27T08:30:00Z"))
        .isEqualTo(Instant.parse("2026-11-27T08:30:00Z"));
    for (String v :
        new String[] {
          "2026-11-27t08:30:00Z",
          "2026-11-27T08:30:00z",
          "2026-11-27T08:30:00.5Z",
          "2026-11-27T08:30:00+08:00",
          "2026-11-27 08:30:00Z",
          "2026-1a-27T08:30:00Z",
          "2o26-11-27T08:30:00Z",
          "+2026-11-27T08:30:0Z",
          "2026-11-27T24:00:00Z",
          "2026-06-30T23:59:60Z",
          "2026-02-30T00:00:00Z"
        }) {
      assertThat(Times.utcSeconds(v)).as(v).isNull();
    }
    // What the quick path declines, the formatter still reads as before.
    assertThat(Times.absolute("2026-11-27t08:30:00z"))
        .contains(Instant.parse("2026-11-27T08:30:00Z"));
    assertThat(Times.absolute("2026-11-27T08:30:00.5Z"))
        .contains(Instant.parse("2026-11-27T08:30:00.5Z"));
    assertThat(Times.absolute("2026-11-27T16:30:00+08:00"))
        .contains(Instant.parse("2026-11-27T08:30:00Z"));
  }

  @Test
  void runningTimeAsWrittenReadsBackAsTheSameDuration() {
    // 854.5h is how list, get and summary write running time; --where RUNTIME>100h reads it
    assertThat(Times.duration("854.5h")).contains(java.time.Duration.ofMinutes(854 * 60 + 30));
    assertThat(Times.duration("1.5d")).contains(java.time.Duration.ofHours(36));
    assertThat(Times.duration("0.001s")).contains(java.time.Duration.ofMillis(1));
    assertThat(Times.duration(Metrics.hours(new java.math.BigDecimal("6335"))))
        .contains(java.time.Duration.ofHours(6335));
    assertThat(Times.duration("1.5h30m")).as("a fraction only on a single unit").isEmpty();
    assertThat(Times.duration(".5h")).isEmpty();
    assertThat(Times.duration("5.h")).isEmpty();
  }
}
