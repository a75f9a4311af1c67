package dev.dsw.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transport's defaults live in one place, its builder: a flag that was not given (null) keeps
 * the default that `dsw --help` documents (--connect-timeout 10s, --read-timeout 30s, --timeout
 * 60s, --retries 4), and one that was given replaces only itself. cli/run/Services used to repeat
 * the four numbers (issue #32).
 */
class SettingsDefaultsTest {
  static Transport.Settings.Builder builder() {
    return Transport.Settings.builder("dsw/test", Map.of(), Clock.systemUTC());
  }

  @Test
  void flagsNotGivenKeepTheDocumentedDefaults() {
    Transport.Settings s = builder().timeouts(null, null, null).retries(null).build();
    assertThat(s.timeouts())
        .isEqualTo(
            new Transport.Timeouts(
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)));
    assertThat(s.limits().retries()).isEqualTo(4);
  }

  @Test
  void aFlagGivenReplacesOnlyItself() {
    Transport.Settings s = builder().timeouts(null, Duration.ofSeconds(5), null).retries(0).build();
    assertThat(s.timeouts())
        .isEqualTo(
            new Transport.Timeouts(
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(60)));
    assertThat(s.limits().retries()).isZero();
  }
}
