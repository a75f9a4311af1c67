package dev.dsw.output;

import dev.dsw.model.Instance;

/** Writes instances in one format. Rows arrive in order; streaming formats write each at once. */
public interface Formatter {
  void begin();

  void row(Instance instance);

  /** Finishes the output (closing brackets, the buffered table) and flushes. */
  void end();

  /**
   * The run failed after {@link #begin}: leave only what this format can validly hold (rows already
   * streamed stay; json closes its array). By default nothing more is written.
   */
  default void abort() {}
}
