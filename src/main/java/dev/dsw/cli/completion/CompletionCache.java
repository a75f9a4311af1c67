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
 * Remembers instance IDs, workspace IDs and GPU types seen by 'dsw list', for tab completion, one
 * set per context (--demo, or the profile, region and endpoint asked for): files live in
 * ~/.cache/dsw/complete/CONTEXT (XDG_CACHE_HOME honoured), directories 0700 and files 0600,
 * replaced by atomic rename so parallel dsw processes never leave a torn file. What is older than
 * {@link #MAX_AGE} is neither offered by the scripts nor merged again. Failing to write is never an
 * error.
 */
public final class CompletionCache {
  static final int MAX_LINES = 2000;

  /** How long what was seen is offered: a day (the scripts' find -mmin -1440). */
  public static final java.time.Duration MAX_AGE = java.time.Duration.ofHours(24);

  private final Path dir;
  private final Set<String> ids = new LinkedHashSet<>();
  private final Set<String> workspaces = new LinkedHashSet<>();
  private final Set<String> gpuTypes = new LinkedHashSet<>();

  /** The cache of one context, as {@code Services.completionContext()} names it. */
  public CompletionCache(Environment env, String context) {
    this.dir = env.cacheDir().resolve("complete").resolve(context);
  }

  public Path dir() {
    return dir;
  }

  public void record(Instance i) {
    add(ids, i.id());
    add(workspaces, i.workspaceId());
    add(gpuTypes, i.text("RequestedResource.GPUType"));
  }

  /**
   * What may be offered at TAB: letters, digits and {@code . _ : + / -}, inner spaces (NVIDIA A10),
   * at most 128 characters. A value from the server with anything else ($, backquotes, quotes, ;,
   * globs, line breaks) is never a real ID, workspace or GPU type, and is left out rather than
   * handed to a shell.
   */
  static final java.util.regex.Pattern TYPABLE =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9 ._:+/-]{0,126}[A-Za-z0-9._:+/-]|[A-Za-z0-9]");

  static boolean typable(String v) {
    return TYPABLE.matcher(v).matches();
  }

  private static void add(Set<String> set, String v) {
    if (set.size() < MAX_LINES && typable(v)) {
      set.add(v);
    }
  }

  /**
   * Writes what was seen, newest first, merged with what was there; returns false if it could not.
   */
  public boolean save() {
    try {
      CacheFiles.createPrivateDirectories(dir);
      write("instance-ids", ids);
      write("workspaces", workspaces);
      write("gpu-types", gpuTypes);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private void write(String name, Set<String> seen) throws IOException {
    if (seen.isEmpty()) {
      return;
    }
    Path file = dir.resolve(name);
    byte[] head = (String.join("\n", seen) + "\n").getBytes(StandardCharsets.UTF_8);
    boolean fresh =
        Files.exists(file)
            && Files.getLastModifiedTime(file)
                .toInstant()
                .isAfter(java.time.Instant.now().minus(MAX_AGE));
    byte[] old = fresh ? Files.readAllBytes(file) : new byte[0];
    if (CacheFiles.startsWith(old, head)) {
      // The file already begins with exactly these lines, and holds no line twice: merging would
      // give it back unchanged. (Listing the same fleet again, the usual case, writes nothing.)
      return;
    }
    Set<String> merged = new LinkedHashSet<>(seen);
    // what an older dsw wrote passes the same rule before it is kept
    merged.addAll(
        new String(old, StandardCharsets.UTF_8).lines().filter(CompletionCache::typable).toList());
    List<String> lines = new ArrayList<>(merged).subList(0, Math.min(MAX_LINES, merged.size()));
    CacheFiles.replace(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
