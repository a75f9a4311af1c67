package dev.dsw.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The one way dsw reads a configuration file: only a regular file (a FIFO would hang the run, a
 * link to /dev/zero would fill the heap), at most {@link #MAX_BYTES}, and every failure in words
 * (red team, issue #23).
 */
public final class ConfigFiles {
  /** Far more than any real config.json or credentials file. */
  public static final int MAX_BYTES = 1 << 20;

  private ConfigFiles() {}

  /**
   * The file's bytes; empty when it does not exist; ConfigException saying why it can't be read.
   */
  public static Optional<byte[]> read(Path file) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConfigException(cannotRead(file, e));
    }
    if (!attributes.isRegularFile()) {
      throw new ConfigException(
          file
              + " is not a regular file ("
              + (attributes.isDirectory() ? "a directory" : "a FIFO, socket or device")
              + "); dsw reads configuration only from regular files");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new ConfigException(file + " is larger than 1 MiB; it cannot be a configuration file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ConfigException(
            file + " is larger than 1 MiB; it cannot be a configuration file");
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConfigException(cannotRead(file, e));
    }
  }

  private static String cannotRead(Path file, IOException e) {
    return "cannot read "
        + file
        + (e instanceof AccessDeniedException ? ": permission denied" : ": an I/O error");
  }
}
