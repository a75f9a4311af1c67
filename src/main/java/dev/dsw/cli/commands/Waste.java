package dev.dsw.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.cli.options.IdleOptions;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Report;
import dev.dsw.model.Instance;
import dev.dsw.model.Measured;
import dev.dsw.model.MetricType;
import dev.dsw.model.Metrics;
import dev.dsw.output.Formatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * dsw idle's report. An instance is idle when its culler says so for at least --for, or when its
 * measured use stays at or under the threshold over the whole --window (GPU use for a GPU instance,
 * CPU use for a CPU-only one) with enough coverage. Each row says which evidence found it and what
 * guards it; most wasteful first (GPUs × idle hours, then idle time).
 */
final class Waste implements Report {
  /** dsw idle's default columns. */
  static final List<String> COLUMNS =
      List.of(
          "ID",
          "NAME",
          "IDLE_FOR",
          "GPU",
          "WASTE",
          "EVIDENCE",
          "GUARD",
          "OWNER",
          "WORKSPACE",
          "AGE");

  /**
   * What a narrow terminal keeps longest, most important first: which instance, for how long, what
   * it costs, and whose (ID, IDLE_FOR and WASTE at 60 columns, OWNER too at 80).
   */
  static final List<String> KEEP = List.of("IDLE_FOR", "WASTE", "NAME", "OWNER", "GPU");

  private final Services services;
  private final Duration window;
  private final IdleOptions.Thresholds thresholds;
  private final Measuring measuring;
  private final List<Instance> running = new ArrayList<>();

  Waste(
      Services services, Duration window, IdleOptions.Thresholds thresholds, Measuring measuring) {
    this.services = services;
    this.window = window;
    this.thresholds = thresholds;
    this.measuring = measuring;
  }

  @Override
  public void add(Instance i, Formatter out) {
    running.add(i);
  }

  @Override
  public void finish(Formatter out) {
    List<Instance> measured =
        thresholds.usage()
            ? measuring.measure(running, i -> List.of(primary(i)))
            : running.stream().map(i -> new Instance(i.raw().deepCopy())).toList();
    List<Instance> idle = new ArrayList<>();
    for (Instance i : measured) {
      boolean culler =
          !i.text("IdleInstanceCuller.IdleTimeInMinutes").isEmpty()
              && Metrics.idle(i).compareTo(thresholds.idleFor()) >= 0;
      boolean usage = thresholds.usage() && idleByUsage(i);
      if (culler || usage) {
        Duration culled = culler ? Metrics.idle(i) : Duration.ZERO;
        Duration idleFor = usage && window.compareTo(culled) > 0 ? window : culled;
        String evidence = culler && usage ? "both" : culler ? "culler" : "usage";
        Measured.idle(i, evidence, Metrics.guard(i), idleFor);
        idle.add(i);
      }
    }
    idle.sort(
        Comparator.comparing(Metrics::idleGpuHours)
            .thenComparing(Metrics::idle)
            .reversed()
            .thenComparing(Instance::id));
    idle.forEach(out::row);
    String lost = measuring.lost("for them only the culler's answer counts");
    if (lost != null) {
      services.console().warn(lost);
    }
  }

  /** The metric that decides: GPU use for a GPU instance, CPU use for a CPU-only one. */
  static MetricType primary(Instance i) {
    return Metrics.gpus(i).signum() > 0 ? MetricType.GpuCoreUsage : MetricType.CpuCoreUsage;
  }

  /** Whether every point stayed at or under the threshold, over enough of the window. */
  private boolean idleByUsage(Instance i) {
    MetricType m = primary(i);
    JsonNode n = Measured.of(i, m);
    if (n == null || !n.path("Max").isNumber()) {
      return false; // not measured, failed, or no data: never idle by usage
    }
    double below = m == MetricType.GpuCoreUsage ? thresholds.gpuBelow() : thresholds.cpuBelow();
    return n.path("Coverage").asDouble() >= thresholds.minCoverage()
        && n.path("Max").asDouble() <= below;
  }

  @Override
  public void check() {
    measuring.check();
  }

  @Override
  public Set<String> adds() {
    return Set.of(Measured.USAGE, Measured.IDLE);
  }

  @Override
  public String emptyAnswer(java.util.function.Supplier<String> nothingMatched) {
    return "no idle instances among "
        + running.size()
        + " Running"
        + (thresholds.usage() ? "" : " (culler only, --no-usage)");
  }
}
