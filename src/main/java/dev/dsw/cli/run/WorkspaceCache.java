package dev.dsw.cli.run;

import dev.dsw.cli.terminal.CacheFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Workspace names and IDs kept a day: one file per endpoint context, "ID&lt;TAB&gt;NAME" a line
 * (first line: when it was written). A name with a tab or line break is not kept.
 */
final class WorkspaceCache {
  static final Duration TTL = Duration.ofDays(1);

  private WorkspaceCache() {}

  static Map<String, Set<String>> read(Path file, Clock clock) {
    try {
      var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      Instant at = Instant.parse(lines.get(0));
      if (at.isAfter(clock.instant()) || at.plus(TTL).isBefore(clock.instant())) {
        return null;
      }
      Map<String, Set<String>> out = new TreeMap<>();
      for (String line : lines.subList(1, lines.size())) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          out.computeIfAbsent(line.substring(tab + 1), n -> new TreeSet<>())
              .add(line.substring(0, tab));
        }
      }
      return out;
    } catch (IOException | RuntimeException missingOrBroken) {
      return null;
    }
  }

  static void write(Path file, Map<String, Set<String>> byName, Clock clock) {
    StringBuilder sb = new StringBuilder(clock.instant().toString()).append('\n');
    byName.forEach(
        (name, ids) -> {
          if (!name.matches("(?s).*[\\t\\r\\n].*")) {
            ids.forEach(id -> sb.append(id).append('\t').append(name).append('\n'));
          }
        });
    try {
      CacheFiles.createPrivateDirectories(file.getParent());
      CacheFiles.replace(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // the next run asks again
    }
  }
}
