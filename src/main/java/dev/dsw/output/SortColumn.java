package dev.dsw.output;

import java.util.Locale;

/**
 * What --sort-column asks for: a column (a built-in name or a field path) and a direction, written
 * {@code COL}, {@code COL:asc} or {@code COL:desc}.
 */
public record SortColumn(String column, boolean descending) {
  /** Reads COL[:asc|desc]; throws IllegalArgumentException naming the part at fault. */
  public static SortColumn parse(String text) {
    String[] parts = text.split(":", 2);
    String direction = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
    if (!direction.equals("asc") && !direction.equals("desc")) {
      throw new IllegalArgumentException(
          "--sort-column " + text + ": the direction after ':' must be asc or desc");
    }
    if (parts[0].isBlank()) {
      throw new IllegalArgumentException(
          "--sort-column " + text + ": name a column before ':', e.g. GPU:desc");
    }
    return new SortColumn(parts[0], direction.equals("desc"));
  }

  /** Ascending on this column (a command's default order). */
  public static SortColumn ascending(String column) {
    return new SortColumn(column, false);
  }

  @Override
  public String toString() {
    return column + (descending ? ":desc" : "");
  }
}
