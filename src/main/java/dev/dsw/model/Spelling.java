package dev.dsw.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The one "did you mean" of dsw: which of the names it knows (enum values, columns, fields,
 * statuses) a mistyped one is closest to, ignoring case.
 */
public final class Spelling {
  private Spelling() {}

  /** The candidate closest to {@code name}, however far. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    return candidates.stream().min(Comparator.comparingInt(c -> distance(name, c)));
  }

  /** The closest candidate when it is close: at most max(2, a third of the name) edits away. */
  public static Optional<String> nearest(String name, Collection<String> candidates) {
    return closest(name, candidates)
        .filter(c -> distance(name, c) <= Math.max(2, name.length() / 3));
  }

  /** {@link #edits} ignoring case. */
  private static int distance(String a, String b) {
    return edits(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
  }

  /** Levenshtein distance, with a bonus for a shared prefix (so "run" finds Running). */
  static int edits(String a, String b) {
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
