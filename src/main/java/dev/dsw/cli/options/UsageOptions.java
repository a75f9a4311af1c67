package dev.dsw.cli.options;

import dev.dsw.api.InstanceMetrics;
import dev.dsw.model.Times;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** --window, the span dsw top and dsw idle measure, ending now. */
public final class UsageOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--window",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description =
          "Measure this long a span, ending now: at least 1m, at most 30d (how far back dsw"
              + " asks). Default: ${DEFAULT-VALUE}.")
  Duration window;

  /** The window, or the command's default; refused when under a minute or over 30 days. */
  public Duration window(Duration byDefault) {
    Duration w = window == null ? byDefault : window;
    if (w.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new ParameterException(
          spec.commandLine(), "--window must be at least 1m (got " + w.toMillis() + "ms)");
    }
    if (w.compareTo(InstanceMetrics.MAX_WINDOW) > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--window must be at most 30d, as far back as dsw asks for metrics (got "
              + Times.format(w)
              + ")");
    }
    return w;
  }
}
