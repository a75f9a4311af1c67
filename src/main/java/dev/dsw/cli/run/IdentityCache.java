package dev.dsw.cli.run;

import dev.dsw.auth.CallerIdentity;
import dev.dsw.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * GetCallerIdentity's answer kept for an hour ({@link KeptFile}), one file per credential and STS
 * endpoint under {@code $XDG_CACHE_HOME/dsw/identity/}, named by a SHA-256 of the AccessKey ID and
 * the endpoint (the key ID itself is never written).
 */
final class IdentityCache {
  static final Duration TTL = Duration.ofHours(1);

  private final KeptFile kept;

  IdentityCache(Path cacheDir, String accessKeyId, String stsUrl, Clock clock) {
    this.kept =
        new KeptFile(cacheDir, "identity", hash(accessKeyId + "\n" + stsUrl) + ".json", TTL, clock);
  }

  /** The identity kept for this credential, or null when there is none younger than an hour. */
  CallerIdentity read() {
    List<String> lines = kept.read();
    try {
      return lines == null || lines.isEmpty()
          ? null
          : CallerIdentity.fromJson(Json.MAPPER.readTree(lines.get(0)));
    } catch (java.io.IOException | RuntimeException broken) {
      return null;
    }
  }

  /** Keeps it, as one line of JSON. */
  void write(CallerIdentity identity) {
    kept.write(List.of(dev.dsw.model.JsonText.toString(identity.toJson())));
  }

  private static String hash(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }
}
