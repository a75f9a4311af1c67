package dev.dsw.cli.options;

import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw idle's thresholds: the culler's --for, and those for idle by usage. */
public final class IdleOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--for",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Idle by the culler at least this long: 30m, 2h, 1d, 3h20m. Default: 1h.")
  Duration idleFor = Duration.ofHours(1);

  @Option(
      names = "--gpu-below",
      paramLabel = "<percent>",
      converter = DecimalConverter.class,
      description =
          "A GPU instance is idle by usage when GPU use stays at or under this over the whole"
              + " --window. Default: ${DEFAULT-VALUE}.")
  BigDecimal gpuBelow = BigDecimal.valueOf(5);

  @Option(
      names = "--cpu-below",
      paramLabel = "<percent>",
      converter = DecimalConverter.class,
      description =
          "A CPU-only instance is idle by usage when CPU use stays at or under this. Default:"
              + " ${DEFAULT-VALUE}.")
  BigDecimal cpuBelow = BigDecimal.valueOf(5);

  @Option(
      names = "--min-coverage",
      paramLabel = "<percent>",
      converter = DecimalConverter.class,
      description =
          "Judge usage only when data covers at least this share of the window. Default:"
              + " ${DEFAULT-VALUE}.")
  BigDecimal minCoverage = BigDecimal.valueOf(90);

  @Option(
      names = "--no-usage",
      description = "Only the culler's answer: read no metrics (no GetInstanceMetrics calls).")
  boolean noUsage;

  /** The thresholds, each checked to lie in 0–100. */
  public Thresholds thresholds() {
    return new Thresholds(
        percent("--gpu-below", gpuBelow),
        percent("--cpu-below", cpuBelow),
        percent("--min-coverage", minCoverage),
        !noUsage,
        idleFor);
  }

  private double percent(String flag, BigDecimal v) {
    if (v.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new ParameterException(
          spec.commandLine(), flag + " must be between 0 and 100 (got " + v.toPlainString() + ")");
    }
    return v.doubleValue();
  }

  /** What makes an instance idle by usage, and whether usage is read at all. */
  public record Thresholds(
      double gpuBelow, double cpuBelow, double minCoverage, boolean usage, Duration idleFor) {}
}
