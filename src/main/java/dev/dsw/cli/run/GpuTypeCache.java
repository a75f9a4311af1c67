package dev.dsw.cli.run;

import dev.dsw.cli.terminal.CacheFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The GPU types of ListEcsSpecs kept a day: one file per endpoint context, a type a line (first
 * line: when it was written). A file that cannot be read is as good as none.
 */
final class GpuTypeCache {
  static final Duration TTL = Duration.ofDays(1);

  private GpuTypeCache() {}

  static SortedSet<String> read(Path file, Clock clock) {
    try {
      var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Instant at = Instant.parse(lines.get(0));
      if (at.isAfter(clock.instant()) || at.plus(TTL).isBefore(clock.instant())) {
        return null;
      }
      return new TreeSet<>(lines.subList(1, lines.size()));
    } catch (IOException | RuntimeException missingOrBroken) {
      return null;
    }
  }

  static void write(Path file, SortedSet<String> types, Clock clock) {
    if (types.stream().anyMatch(t -> t.contains("\n") || t.contains("\r"))) {
      return; // a type that would split into two lines is not kept
    }
    try {
      CacheFiles.createPrivateDirectories(file.getParent());
      CacheFiles.replace(
          file,
          (clock.instant() + "\n" + String.join("\n", types) + (types.isEmpty() ? "" : "\n"))
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // the next run asks again
    }
  }
}
