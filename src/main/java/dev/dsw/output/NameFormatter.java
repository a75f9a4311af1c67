package dev.dsw.output;

import dev.dsw.model.Inert;
import dev.dsw.model.Instance;

/**
 * -o name, as kubectl has it: one instance ID a line, nothing else, for xargs and loops ({@code dsw
 * list -o name | xargs dsw get}). Each line is written as the row arrives.
 */
final class NameFormatter implements Formatter {
  private final OutputSpec spec;

  NameFormatter(OutputSpec spec) {
    this.spec = spec;
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    spec.out().println(Inert.printable(instance.id()));
  }

  @Override
  public void end() {
    spec.out().flush();
  }
}
