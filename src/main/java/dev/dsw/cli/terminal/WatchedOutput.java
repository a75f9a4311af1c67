package dev.dsw.cli.terminal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Stdout's descriptor, keeping the first failure to write it. PrintStream keeps such failures to
 * itself, so without this a listing piped into {@code head} went on fetching every page after head
 * had gone, and one written to a full disk ended with exit 0. After a failure, writes are dropped,
 * so that flushing at exit does not fail again.
 */
public final class WatchedOutput extends FilterOutputStream {
  private volatile IOException failure;

  public WatchedOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1); // not on any hot path: stdout's buffer writes arrays
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (failure == null) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  @Override
  public void flush() throws IOException {
    if (failure == null) {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  /** The first failure to write, or null. */
  public IOException failure() {
    return failure;
  }

  /**
   * Whether a failure means the reader went away (EPIPE: the other end of a pipe was closed), not
   * an error.
   */
  public static boolean readerGone(IOException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("broken pipe")
        || m.contains("pipe is being closed")
        || m.contains("pipe has been ended");
  }
}
