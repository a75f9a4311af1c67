package dev.dsw.output;

import java.io.PrintStream;

/**
 * The "fetching page n/m…" line on a terminal's stderr, rewritten in place and erased when paging
 * ends. {@link #OFF} draws nothing, for output that is not a terminal or under --quiet.
 */
public final class Progress {
  public static final Progress OFF = new Progress(null);
  private final PrintStream err;
  private boolean shown;
  private boolean stopped;

  private Progress(PrintStream err) {
    this.err = err;
  }

  /** A progress line on this stream (a terminal's stderr). */
  public static Progress on(PrintStream err) {
    return new Progress(err);
  }

  /** Shows pages done out of pages known; a single page shows nothing. */
  public synchronized void update(int done, int total) {
    if (err != null && !stopped && total > 1) {
      err.print(Style.LINE_START + "fetching page " + done + "/" + total + "…");
      err.flush();
      shown = true;
    }
  }

  /** Shows a line of its own (dsw wait's state), rewritten in place. */
  public synchronized void say(String line) {
    if (err != null && !stopped) {
      err.print(Style.LINE_START + dev.dsw.model.Inert.printable(line));
      err.flush();
      shown = true;
    }
  }

  /** Erases the line, if one was drawn. */
  public synchronized void clear() {
    if (err != null && shown) {
      err.print(Style.REWRITE_LINE);
      err.flush();
      shown = false;
    }
  }

  /** Erases the line and draws no more: rows are about to reach the same terminal. */
  public synchronized void stop() {
    clear();
    stopped = true;
  }
}
