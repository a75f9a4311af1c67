package dev.dsw.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Whether a file that holds credentials is open to other users (POSIX file systems only). */
public final class FileModes {
  private FileModes() {}

  /**
   * A warning when group or others may read the file, naming the fix; empty when private, absent or
   * not POSIX.
   */
  public static Optional<String> exposure(Path file) {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty();
    }
    List<String> who = new ArrayList<>();
    if (perms.contains(PosixFilePermission.GROUP_READ)) {
      who.add("group");
    }
    if (perms.contains(PosixFilePermission.OTHERS_READ)) {
      who.add("others");
    }
    if (who.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        file
            + " holds credentials but is readable by "
            + String.join(" and ", who)
            + " ("
            + PosixFilePermissions.toString(perms)
            + "); run: chmod 600 "
            + file);
  }
}
