package dev.dsw.output;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writing to stdout from a Formatter, whose methods declare no IOException. */
final class Io {
  /** A write that may fail. */
  interface Action {
    void run() throws IOException;
  }

  private Io() {}

  /** Runs the write; a failure travels as UncheckedIOException to the one exit door. */
  static void run(Action a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
