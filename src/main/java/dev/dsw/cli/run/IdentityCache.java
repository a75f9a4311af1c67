package dev.dsw.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.auth.CallerIdentity;
import dev.dsw.cli.terminal.CacheFiles;
import dev.dsw.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * GetCallerIdentity's answer kept for an hour, one file per credential and STS endpoint under
 * {@code $XDG_CACHE_HOME/dsw/identity/}, named by a SHA-256 of the AccessKey ID and the endpoint
 * (the key ID itself is never written). A file that cannot be read is as good as none.
 */
final class IdentityCache {
  static final Duration TTL = Duration.ofHours(1);

  private final Path file;
  private final Clock clock;

  IdentityCache(Path cacheDir, String accessKeyId, String stsUrl, Clock clock) {
    this.file = cacheDir.resolve("identity").resolve(hash(accessKeyId + "\n" + stsUrl) + ".json");
    this.clock = clock;
  }

  /** The identity kept for this credential, or null when there is none younger than an hour. */
  CallerIdentity read() {
    try {
      JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(file));
      Instant at = Instant.parse(n.path("Fetched").asText());
      if (at.isAfter(clock.instant()) || at.plus(TTL).isBefore(clock.instant())) {
        return null;
      }
      return CallerIdentity.fromJson(n.path("Identity"));
    } catch (IOException | RuntimeException missingOrBroken) {
      return null;
    }
  }

  /** Keeps it; a cache that cannot be written is skipped. */
  void write(CallerIdentity identity) {
    try {
      CacheFiles.createPrivateDirectories(file.getParent());
      var n = Json.MAPPER.createObjectNode();
      n.put("Fetched", clock.instant().toString());
      n.set("Identity", identity.toJson());
      CacheFiles.replace(file, Json.MAPPER.writeValueAsBytes(n));
    } catch (IOException | RuntimeException e) {
      // the next run asks STS again
    }
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
