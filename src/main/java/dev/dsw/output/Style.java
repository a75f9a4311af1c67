package dev.dsw.output;

import java.util.Set;

/** ANSI colours for statuses: Running green, failures red, transitions yellow. Only used when colour is on. */
final class Style {
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";
  private static final Set<String> TRANSITIONAL = Set.of("Creating", "ResourceAllocating", "Stopping", "Updating",
      "Saving", "Queuing", "Recovering", "Starting", "Deleting", "EnvPreparing");

  private Style() {}

  static String bold(String text) {
    return "\u001b[1m" + text + RESET;
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
