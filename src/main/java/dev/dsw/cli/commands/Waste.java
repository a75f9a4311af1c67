package dev.dsw.cli.commands;

import dev.dsw.cli.run.Report;
import dev.dsw.model.Instance;
import dev.dsw.model.Metrics;
import dev.dsw.output.Formatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * dsw idle's report: instances idle at least so long, most wasteful first (GPUs × idle hours, then
 * idle time).
 */
final class Waste implements Report {
  private final Duration atLeast;
  private final List<Instance> idle = new ArrayList<>();

  Waste(Duration atLeast) {
    this.atLeast = atLeast;
  }

  @Override
  public void add(Instance i, Formatter out) {
    if (!i.text("IdleInstanceCuller.IdleTimeInMinutes").isEmpty()
        && Metrics.idle(i).compareTo(atLeast) >= 0) {
      idle.add(i);
    }
  }

  @Override
  public void finish(Formatter out) {
    idle.sort(
        Comparator.comparing(Metrics::idleGpuHours)
            .thenComparing(Metrics::idle)
            .reversed()
            .thenComparing(Instance::id));
    idle.forEach(out::row);
  }
}
