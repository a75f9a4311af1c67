package dev.dsw.cli.commands;

import dev.dsw.api.InstanceMetrics;
import dev.dsw.api.Measurements;
import dev.dsw.cli.run.Failure;
import dev.dsw.cli.run.Services;
import dev.dsw.cli.terminal.Console;
import dev.dsw.listing.Verdict;
import dev.dsw.model.Instance;
import dev.dsw.model.Measured;
import dev.dsw.model.MetricType;
import dev.dsw.model.Metrics;
import dev.dsw.output.Progress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What dsw top and dsw idle share: reading GetInstanceMetrics for the instances a listing found
 * (GPU metrics only for GPU instances), under --concurrency, with a progress line on a terminal's
 * stderr; and the verdict when some could not be measured (exit 3, the others shown).
 */
final class Measuring {
  private final Services services;
  private final Duration window;
  private final int concurrency;
  private int failed;
  private int measured;
  private String firstFailure;

  Measuring(Services services, Duration window, int concurrency) {
    this.services = services;
    this.window = window;
    this.concurrency = concurrency;
  }

  /** The metrics of {@code wanted} that apply to this instance: GPU ones only with GPUs. */
  static List<MetricType> applicable(Instance i, List<MetricType> wanted) {
    boolean gpu = Metrics.gpus(i).signum() > 0;
    return wanted.stream().filter(m -> gpu || !m.gpuOnly()).toList();
  }

  /**
   * Copies of the instances, each with a Usage object of the metrics {@code wanted} gives it (none
   * for an empty list), in their order.
   */
  List<Instance> measure(
      List<Instance> instances, java.util.function.Function<Instance, List<MetricType>> wanted) {
    Instant end = services.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minus(window);
    Duration step = InstanceMetrics.step(window);
    List<Measurements.Job> jobs = new ArrayList<>();
    for (Instance i : instances) {
      jobs.add(new Measurements.Job(services.scopeOf(i), i.id(), wanted.apply(i)));
    }
    Console console = services.console();
    Progress progress = console.progressOnStderr() ? Progress.on(console.err()) : Progress.OFF;
    List<Map<MetricType, Measurements.Outcome>> outcomes =
        Measurements.measure(
            services,
            jobs,
            start,
            end,
            step,
            concurrency,
            new Measurements.Listener() {
              @Override
              public void progress(int done, int total) {
                progress.say("measuring " + done + "/" + total + "…");
              }

              @Override
              public void finished() {
                progress.clear();
              }
            });
    List<Instance> out = new ArrayList<>(instances.size());
    for (int k = 0; k < instances.size(); k++) {
      Instance copy = Measured.withWindow(instances.get(k), start, end, step);
      boolean lost = false;
      for (Map.Entry<MetricType, Measurements.Outcome> e : outcomes.get(k).entrySet()) {
        if (e.getValue().failed()) {
          String why = Failure.describe(e.getValue().failure()).message();
          Measured.failed(copy, e.getKey(), why);
          firstFailure = firstFailure == null ? why : firstFailure;
          lost = true;
        } else {
          Measured.put(copy, e.getKey(), e.getValue().usage());
        }
      }
      failed += lost ? 1 : 0;
      measured += outcomes.get(k).isEmpty() ? 0 : 1;
      out.add(copy);
    }
    return out;
  }

  /** How many instances had a metric that could not be read. */
  int failed() {
    return failed;
  }

  /** The line stderr gets when some could not be measured, or null. */
  String lost(String consequence) {
    return failed == 0
        ? null
        : failed
            + " of "
            + measured
            + " instances could not be measured ("
            + firstFailure
            + "); "
            + consequence;
  }

  /** Exit 3 when an instance could not be measured: its row says unknown, the others are right. */
  void check() {
    if (failed > 0) {
      throw new Verdict(
          failed + " of " + measured + " instances could not be measured (" + firstFailure + ")",
          "they show as unknown; reading metrics needs the RAM permission"
              + " paidsw:GetInstanceMetrics",
          Verdict.Kind.INCOMPLETE);
    }
  }
}
