package dev.dsw.cli.options;

import dev.dsw.model.MetricType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw top's own flags: which metrics, and --watch. */
public final class TopOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "<metric>",
      completionCandidates = Names.class,
      description =
          "Metrics to read, comma list: gpu, gpu-memory, cpu, memory, network-in, network-out,"
              + " disk-read, disk-write (or the API's names, e.g. GpuCoreUsage). GPU metrics are"
              + " read only for GPU instances. Default: gpu,cpu.")
  List<String> metrics = new ArrayList<>();

  @Option(
      names = {"-w", "--watch"},
      description = "Measure again every --interval and redraw; Ctrl-C stops.")
  boolean watch;

  @Option(
      names = "--interval",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Time between measurements with --watch, at least 10s. Default: 1m.")
  Duration interval;

  /** The metrics to read, in the order given, each once; an unknown name is exit 2. */
  public List<MetricType> metrics() {
    if (metrics.isEmpty()) {
      return List.of(MetricType.GpuCoreUsage, MetricType.CpuCoreUsage);
    }
    Set<MetricType> out = new LinkedHashSet<>();
    for (String name : metrics) {
      out.add(
          MetricType.parse(name)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--metrics: unknown metric '"
                              + dev.dsw.model.Inert.printableShort(name)
                              + "'"
                              + dev.dsw.model.Spelling.nearest(name, new Names().names())
                                  .map(n -> "; did you mean " + n + "?")
                                  .orElse("")
                              + " (one of "
                              + String.join(", ", new Names().names())
                              + ")")));
    }
    return List.copyOf(out);
  }

  /** The time between measurements, or null when not watching. */
  public Duration every() {
    if (!watch) {
      if (interval != null) {
        throw new ParameterException(spec.commandLine(), "--interval only applies with --watch");
      }
      return null;
    }
    Duration every = interval == null ? Duration.ofMinutes(1) : interval;
    if (every.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new ParameterException(
          spec.commandLine(), "--interval must be at least 10s with dsw top --watch");
    }
    return every;
  }

  /** The short names, for completion and messages. */
  static final class Names implements Iterable<String> {
    List<String> names() {
      return Arrays.stream(MetricType.values())
          .map(MetricType::shortName)
          .collect(Collectors.toList());
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return names().iterator();
    }
  }
}
