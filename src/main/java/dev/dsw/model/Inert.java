package dev.dsw.model;

/**
 * Text from the API made inert before it reaches a terminal or a file: the one place that decides
 * which characters are shown as escapes (every human format, --watch, --debug, dsw: lines) and
 * which are replaced (csv, tsv).
 */
public final class Inert {
  private Inert() {}

  /**
   * Replaces what could drive a terminal or disguise text, so a cell stays on one line and shows
   * what it holds: control characters (newlines, tabs, ESC, C1) as {@code \\n}, {@code \\x1b};
   * bidirectional controls (U+202E and the like, which reorder what follows), line and paragraph
   * separators, and unpaired surrogates as {@code \\u202e}.
   */
  public static String printable(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String shown = visible(s, i, ch);
      if (shown != null) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8).append(s, 0, i);
        }
        sb.append(shown);
      } else if (sb != null) {
        sb.append(ch);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** How the character at i is shown, or null when it is shown as it is. */
  private static String visible(String s, int i, char ch) {
    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
      return switch (ch) {
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> String.format("\\x%02x", (int) ch);
      };
    }
    if (isFormatting(ch) || unpaired(s, i, ch)) {
      return String.format("\\u%04x", (int) ch);
    }
    return null;
  }

  /** Bidirectional controls and the line and paragraph separators. */
  static boolean isFormatting(char ch) {
    return ch == 0x061c
        || ch == 0x200e
        || ch == 0x200f
        || (ch >= 0x202a && ch <= 0x202e)
        || (ch >= 0x2066 && ch <= 0x2069)
        || ch == 0x2028
        || ch == 0x2029;
  }

  /** A surrogate without its other half: it cannot be encoded, and a terminal shows garbage. */
  static boolean unpaired(String s, int i, char ch) {
    if (Character.isHighSurrogate(ch)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(ch)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  /**
   * A value as csv and tsv write it: tab, line feed and carriage return stay (the quoting holds
   * them), every other control character (ESC among them) and any unpaired surrogate, which UTF-8
   * cannot encode, becomes U+FFFD, so a file that is later printed to a terminal cannot drive it.
   */
  public static String delimited(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean control =
          (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
              || ch == 0x7f
              || (ch >= 0x80 && ch < 0xa0);
      if (control || unpaired(s, i, ch)) {
        if (sb == null) {
          sb = new StringBuilder(s.length()).append(s, 0, i);
        }
        sb.append('\ufffd');
      } else if (sb != null) {
        sb.append(ch);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** {@link #printable}, cut to 200 characters: a value quoted inside a message. */
  public static String printableShort(String s) {
    String p = printable(s);
    return p.length() > 200 ? p.substring(0, 200) + "…" : p;
  }

  /** Why a file named on the command line could not be read, in words, never a class name. */
  public static String unreadable(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "does not exist";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "is not readable";
    }
    return "cannot be read"
        + (e.getMessage() == null || e.getMessage().contains("Exception")
            ? ""
            : " (" + printableShort(e.getMessage()) + ")");
  }
}
