package dev.dsw.cli.terminal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing files under dsw's cache directory, which parallel dsw processes share. */
public final class CacheFiles {
  private CacheFiles() {}

  /** Whether a file's bytes begin with these (a kept page's build line, a cache's newest lines). */
  public static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /**
   * Creates the directory and the parents it lacks with mode 0700 where POSIX: what dsw caches
   * (instance IDs, help) is nobody else's to read.
   */
  public static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectory(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // made meanwhile by a parallel dsw
    }
  }

  /**
   * Replaces the file with these bytes: written to a fresh private name (mode 0600 where POSIX),
   * then renamed over the file, so that no reader and no other writer ever sees a torn file.
   */
  public static void replace(Path file, byte[] content) throws IOException {
    Path dir = file.getParent();
    createPrivateDirectories(dir);
    String prefix = "." + file.getFileName() + ".";
    Path tmp;
    try {
      tmp =
          Files.createTempFile(
              dir,
              prefix,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(dir, prefix, ".tmp");
    }
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
