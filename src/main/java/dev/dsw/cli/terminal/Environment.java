package dev.dsw.cli.terminal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What the process gets from the outside world: environment variables, the home directory, the
 * clock and the standard streams. Tests pass a fake one; {@link SystemEnvironment} is the real one.
 */
public interface Environment {
  Map<String, String> variables();

  Path home();

  Clock clock();

  PrintStream out();

  PrintStream err();

  /** Whether stdout is a terminal, decided by the caller (the JVM for the real process). */
  boolean stdoutIsTerminal();

  /** Whether stderr is a terminal: where the progress line and coloured diagnostics may go. */
  default boolean stderrIsTerminal() {
    return false;
  }

  /** The terminal width in columns, or 0 when unknown. Only called when stdout is a terminal. */
  int terminalWidth();

  /**
   * Waits for the given time, or until the user asks to stop (Ctrl-C, which then does not kill the
   * process); returns true when asked to stop. Used by polling commands such as list --watch.
   */
  boolean pause(java.time.Duration d);

  /**
   * From now on Ctrl-C ends the next {@link #pause} instead of the process (called before the first
   * output).
   */
  default void catchInterrupts() {}

  /** Called once colour output is known to be on; Windows consoles need ANSI enabled then. */
  default void enableAnsi() {}

  /**
   * dsw's cache directory: $XDG_CACHE_HOME/dsw, else ~/.cache/dsw (the launcher's archives live
   * there too).
   */
  default Path cacheDir() {
    String xdg = firstVariable("XDG_CACHE_HOME");
    return (xdg != null ? Path.of(xdg) : home().resolve(".cache")).resolve("dsw");
  }

  /**
   * What tells this build of dsw from any other (for the real process: its jar's size and time), or
   * null when unknown; what dsw caches from its own output is kept only under a known build.
   */
  default String buildId() {
    return null;
  }

  /**
   * The first failure to write stdout, or null (PrintStream keeps such failures to itself). A
   * reader that went away ({@link WatchedOutput#readerGone}) ends a listing early and quietly; any
   * other failure, such as a full disk, is an error.
   */
  default java.io.IOException outFailure() {
    return null;
  }

  /** Returns the non-empty value of the first of the names that is set, or null. */
  default String firstVariable(String... names) {
    for (String name : names) {
      String v = variables().get(name);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
