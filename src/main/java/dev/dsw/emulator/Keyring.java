package dev.dsw.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AccessKeys the emulator accepts: the configured long-term pair, and STS pairs it issued (with
 * their tokens).
 */
final class Keyring {
  record Key(String id, String secret, String token, Instant expiration) {}

  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  Keyring(String accessKeyId, String accessKeySecret, Clock clock) {
    this.clock = clock;
    keys.put(accessKeyId, new Key(accessKeyId, accessKeySecret, null, null));
  }

  Key find(String id) {
    return keys.get(id);
  }

  /** Issues temporary credentials valid for {@code ttl}, as STS and the metadata service do. */
  Key issue(Duration ttl) {
    String id = "STS.NK" + hex(10);
    Key k = new Key(id, hex(20), "CAIS" + hex(40), clock.instant().plus(ttl));
    keys.put(id, k);
    return k;
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
