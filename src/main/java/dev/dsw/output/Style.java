package dev.dsw.output;

import java.util.Set;

/**
 * The one palette, and the only ANSI escape sequences in dsw: colours for statuses and diagnostics,
 * and the few cursor moves of the progress line and the watch redraw. Hand-written constants, not
 * Jansi's {@code Ansi} builder: loading Jansi costs every start-up, and it is only needed to enable
 * ANSI on old Windows consoles (SystemEnvironment does that).
 */
public final class Style {
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String DIM = "\u001b[2m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  /** Back to the start of the line. */
  static final String LINE_START = "\r";

  /** Back to the start of the line, then erase to its end: a line rewritten in place. */
  static final String REWRITE_LINE = "\r\u001b[K";

  /** Cursor home, then erase the screen: a full redraw. */
  static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

  private static final Set<String> TRANSITIONAL =
      Set.of(
          "Creating",
          "ResourceAllocating",
          "Stopping",
          "Updating",
          "Saving",
          "Queuing",
          "Recovering",
          "Starting",
          "Deleting",
          "EnvPreparing");

  private Style() {}

  /**
   * An OSC-8 hyperlink, as gh prints links: terminals that know it show {@code text} clickable,
   * others show {@code text}. The caller makes sure neither holds a control character.
   */
  static String link(String url, String text) {
    return "\u001b]8;;" + url + "\u001b\\" + text + "\u001b]8;;\u001b\\";
  }

  static String bold(String text) {
    return BOLD + text + RESET;
  }

  /** An error line: red. */
  public static String error(String text) {
    return RED + text + RESET;
  }

  /** A warning line: yellow. */
  public static String warning(String text) {
    return YELLOW + text + RESET;
  }

  /** A hint or debug line: dim. */
  public static String dim(String text) {
    return DIM + text + RESET;
  }

  static String status(String cell) {
    String s = cell.trim();
    if (s.equals("Running")) {
      return GREEN + cell + RESET;
    }
    if (s.equals("Failed") || s.equals("SaveFailed")) {
      return RED + cell + RESET;
    }
    if (TRANSITIONAL.contains(s)) {
      return YELLOW + cell + RESET;
    }
    return cell;
  }
}
