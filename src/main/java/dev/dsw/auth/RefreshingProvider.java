package dev.dsw.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Caches temporary credentials in memory and fetches new ones when fewer than 3 minutes remain. */
final class RefreshingProvider implements CredentialProvider {
  private static final Duration MARGIN = Duration.ofMinutes(3);
  private final Supplier<Credentials> fetch;
  private final Clock clock;
  private final String description;
  private Credentials cached;

  RefreshingProvider(Supplier<Credentials> fetch, Clock clock, String description) {
    this.fetch = fetch;
    this.clock = clock;
    this.description = description;
  }

  @Override
  public synchronized Credentials get() {
    if (cached == null
        || (cached.expiration() != null
            && clock.instant().plus(MARGIN).isAfter(cached.expiration()))) {
      cached = fetch.get();
    }
    return cached;
  }

  @Override
  public String describe() {
    return description;
  }
}
