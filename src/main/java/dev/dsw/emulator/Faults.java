package dev.dsw.emulator;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeded fault injection. The decision for a request depends only on the seed, the request's query
 * and how many times that query was asked before, so a run is reproducible whatever order
 * concurrent requests arrive in, and a retry of the same page gets a fresh roll.
 */
final class Faults {
  enum Kind {
    NONE,
    THROTTLE,
    ERROR_500,
    ERROR_503,
    TRUNCATE,
    DROP,
    SPIKE
  }

  /**
   * Rates are probabilities in [0, 1]; at most one fault is picked per request. DROP closes the
   * connection before any response; SPIKE answers correctly after an extra delay.
   */
  record Rates(double throttle, double error, double truncate, double drop, double spike) {
    Rates(double throttle, double error, double truncate) {
      this(throttle, error, truncate, 0, 0);
    }

    boolean none() {
      return throttle <= 0 && error <= 0 && truncate <= 0 && drop <= 0 && spike <= 0;
    }
  }

  private final Rates rates;
  private final long seed;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  Faults(Rates rates, long seed) {
    this.rates = rates;
    this.seed = seed;
  }

  Kind decide(String requestKey) {
    if (rates.none()) {
      return Kind.NONE;
    }
    int attempt = attempts.computeIfAbsent(requestKey, k -> new AtomicInteger()).getAndIncrement();
    double roll =
        new SplittableRandom(seed * 0x9E3779B97F4A7C15L + requestKey.hashCode() * 31L + attempt)
            .nextDouble();
    if (roll < rates.throttle()) {
      return Kind.THROTTLE;
    }
    roll -= rates.throttle();
    if (roll < rates.error()) {
      return roll < rates.error() / 2 ? Kind.ERROR_500 : Kind.ERROR_503;
    }
    roll -= rates.error();
    if (roll < rates.truncate()) {
      return Kind.TRUNCATE;
    }
    roll -= rates.truncate();
    if (roll < rates.drop()) {
      return Kind.DROP;
    }
    roll -= rates.drop();
    return roll < rates.spike() ? Kind.SPIKE : Kind.NONE;
  }
}
