package dev.dsw.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The AGE column reads creation times as --where does: Z, an offset, or none (UTC). */
class InstanceColumnsTest {
  private static final Clock NOON = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void ageReadsEveryTimeFormWhereAccepts() {
    assertThat(InstanceColumns.age("2026-11-27T11:00:00Z", NOON)).isEqualTo("60m");
    assertThat(InstanceColumns.age("2026-11-27T11:00:00+08:00", NOON)).isEqualTo("9h"); // 03:00 UTC
    assertThat(InstanceColumns.age("2026-11-27T11:59:30", NOON)).isEqualTo("30s");
    assertThat(InstanceColumns.age("2026-11-20T12:00:00Z", NOON)).isEqualTo("7d");
    assertThat(InstanceColumns.age("2026-11-28T00:00:00Z", NOON)).isEqualTo("0s");
    assertThat(InstanceColumns.age("yesterday", NOON)).isEqualTo("?");
    assertThat(InstanceColumns.age("", NOON)).isEmpty();
  }
}
