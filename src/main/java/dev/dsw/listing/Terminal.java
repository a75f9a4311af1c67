package dev.dsw.listing;

import dev.dsw.model.Instance;
import dev.dsw.output.Progress;
import java.io.PrintStream;
import java.time.Duration;

/**
 * What a listing needs of the terminal it runs in, and the events it tells it: stdout and its
 * shape, the page line, warnings, a failed scope or poll, the IDs seen (the completion cache), a
 * closed stdout, Ctrl-C and the pause between polls. cli/ implements it over its Console.
 */
public interface Terminal {
  /** Standard output, where the formatters write. */
  PrintStream out();

  int width();

  boolean isTty();

  boolean colour();

  /** Whether a watch can redraw in place. */
  boolean movesCursor();

  /**
   * The page line on stderr, or {@link Progress#OFF}: not while rows stream to the same terminal
   * ({@code rowsHeld}: rows are held back from stdout for a while).
   */
  Progress progress(boolean rowsHeld);

  void warn(String message);

  /** One line on stderr that is not a warning (the empty answer). */
  void info(String message);

  void debug(String message);

  /** One scope (region or profile) of several failed after retries; the others go on. */
  void scopeFailed(String scope, RuntimeException cause);

  /** A poll failed and is tried again after {@code every} ({@code what}: "poll", "measuring"). */
  void retrying(String what, Duration every, RuntimeException cause);

  /** Where the IDs a listing printed are kept for completion. */
  Seen seen();

  /** Throws when stdout was closed (a pipe's reader went away): stop fetching. */
  void checkOpen();

  /** From now on Ctrl-C ends the next {@link #pause} instead of the process. */
  void catchInterrupts();

  /** Waits; true when Ctrl-C ended the wait. */
  boolean pause(Duration d);

  /** The IDs of one listing, kept for tab completion. */
  interface Seen {
    void record(Instance i);

    /** Keeps what was recorded (a failure to keep it is not the listing's). */
    void save();

    Seen NONE =
        new Seen() {
          @Override
          public void record(Instance i) {}

          @Override
          public void save() {}
        };
  }
}
