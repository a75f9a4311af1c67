package dev.dsw.cli.completion;

import dev.dsw.cli.terminal.CacheFiles;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.model.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers instance IDs, workspace IDs and GPU types seen by 'dsw list', for tab completion. Files
 * live in ~/.cache/dsw/complete (XDG_CACHE_HOME honoured), mode 0600, replaced by atomic rename so
 * parallel dsw processes never leave a torn file. Failing to write is never an error.
 */
public final class CompletionCache {
  static final int MAX_LINES = 2000;
  private final Path dir;
  private final Set<String> ids = new LinkedHashSet<>();
  private final Set<String> workspaces = new LinkedHashSet<>();
  private final Set<String> gpuTypes = new LinkedHashSet<>();

  public CompletionCache(Environment env) {
    this.dir = env.cacheDir().resolve("complete");
  }

  public Path dir() {
    return dir;
  }

  public void record(Instance i) {
    if (ids.size() < MAX_LINES) {
      ids.add(i.id());
    }
    add(workspaces, i.workspaceId());
    add(gpuTypes, i.text("RequestedResource.GPUType"));
  }

  private static void add(Set<String> set, String v) {
    if (!v.isEmpty() && set.size() < MAX_LINES && v.indexOf('\n') < 0) {
      set.add(v);
    }
  }

  /**
   * Writes what was seen, newest first, merged with what was there; returns false if it could not.
   */
  public boolean save() {
    try {
      Files.createDirectories(dir);
      write("instance-ids", ids);
      write("workspaces", workspaces);
      write("gpu-types", gpuTypes);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private void write(String name, Set<String> fresh) throws IOException {
    if (fresh.isEmpty()) {
      return;
    }
    Path file = dir.resolve(name);
    byte[] head = (String.join("\n", fresh) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] old = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    if (CacheFiles.startsWith(old, head)) {
      // The file already begins with exactly these lines, and holds no line twice: merging would
      // give it back unchanged. (Listing the same fleet again, the usual case, writes nothing.)
      return;
    }
    Set<String> merged = new LinkedHashSet<>(fresh);
    merged.addAll(new String(old, StandardCharsets.UTF_8).lines().toList());
    List<String> lines = new ArrayList<>(merged).subList(0, Math.min(MAX_LINES, merged.size()));
    CacheFiles.replace(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
