package dev.dsw.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When and how long to wait before another attempt: exponential backoff with "equal jitter" (half
 * fixed, half random), capped, unless the server says Retry-After.
 */
public record RetryPolicy(int retries, Duration base, Duration cap, LongSupplier random) {
  public static RetryPolicy standard(int retries) {
    return new RetryPolicy(
        retries,
        Duration.ofMillis(200),
        Duration.ofSeconds(8),
        () -> java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
  }

  /** Returns the wait before retry number {@code retry} (1-based), in milliseconds. */
  long backoffMillis(int retry) {
    long exp = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry - 1, 20));
    long half = exp / 2;
    return half + (half == 0 ? 0 : Math.floorMod(random.getAsLong(), half + 1));
  }

  /** True for statuses worth another attempt: 429 and the transient 5xx. */
  static boolean retryableStatus(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }
}
