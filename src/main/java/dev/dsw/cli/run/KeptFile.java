package dev.dsw.cli.run;

import dev.dsw.cli.terminal.CacheFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An answer dsw keeps for a while in its cache ({@code $XDG_CACHE_HOME/dsw/KIND/NAME}): lines of
 * text under a first line that says when they were written. The caller's identity (an hour), the
 * GPU types and the workspace names of an endpoint (a day) are kept this way. A file that is
 * missing, too old, from the future or unreadable is as good as none; one that cannot be written is
 * skipped, and the next run asks again.
 */
final class KeptFile {
  private final Path file;
  private final Duration ttl;
  private final Clock clock;

  KeptFile(Path cacheDir, String kind, String name, Duration ttl, Clock clock) {
    this.file = cacheDir.resolve(kind).resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The lines kept, or null when there are none young enough. */
  List<String> read() {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Instant at = Instant.parse(lines.get(0));
      if (at.isAfter(clock.instant()) || at.plus(ttl).isBefore(clock.instant())) {
        return null;
      }
      return List.copyOf(lines.subList(1, lines.size()));
    } catch (IOException | RuntimeException missingOrBroken) {
      return null;
    }
  }

  /** Keeps these lines; a line holding a line break would split in two, so nothing is kept. */
  void write(List<String> lines) {
    if (lines.stream().anyMatch(l -> l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0)) {
      return;
    }
    StringBuilder text = new StringBuilder(clock.instant().toString()).append('\n');
    lines.forEach(l -> text.append(l).append('\n'));
    try {
      CacheFiles.createPrivateDirectories(file.getParent());
      CacheFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // the next run asks again
    }
  }
}
