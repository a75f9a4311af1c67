package dev.dsw.cli.terminal;

import java.io.IOException;

/**
 * Stdout can no longer be written: a listing stops at once instead of fetching what no one will
 * read.
 */
public final class OutputClosedException extends RuntimeException {
  public OutputClosedException(IOException cause) {
    super(cause.getMessage(), cause);
  }

  /** Throws if stdout could not be written: called after each row a long listing writes. */
  public static void check(Environment env) {
    IOException failure = env.outFailure();
    if (failure != null) {
      throw new OutputClosedException(failure);
    }
  }

  /** The reader went away (a closed pipe, as after {@code | head}): not an error. */
  public boolean readerGone() {
    return WatchedOutput.readerGone((IOException) getCause());
  }
}
