package dev.dsw.cli.options;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Matches an enum value case-insensitively and returns the API's spelling; an unknown value fails
 * with the allowed values and the closest one.
 */
public final class WireEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  public WireEnumConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    String v = value.trim();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v)) {
        return e;
      }
    }
    E closest = closest(v);
    throw new TypeConversionException(
        "unknown value '"
            + value
            + "'; did you mean '"
            + closest.name()
            + "'? Allowed: "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", ")));
  }

  private E closest(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    return Arrays.stream(type.getEnumConstants())
        .min(Comparator.comparingInt((E e) -> distance(lower, e.name().toLowerCase(Locale.ROOT))))
        .orElseThrow();
  }

  /** Levenshtein distance, with a bonus for a shared prefix (so "run" finds Running). */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    int d = prev[b.length()];
    return !a.isEmpty() && b.startsWith(a) ? Math.min(d, b.length() - a.length()) / 2 : d;
  }
}
