package dev.dsw.output;

import dev.dsw.model.Instance;

/** Writes instances in one format. Rows arrive in order; streaming formats write each at once. */
public interface Formatter {
  void begin();

  void row(Instance instance);

  /** Finishes the output (closing brackets, the buffered table) and flushes. */
  void end();
}
