package dev.dsw.cli.options;

import dev.dsw.output.WaitCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** dsw wait's own flags: what to wait on, for what, how often, and what ends it as a failure. */
public final class WaitOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "<instance-id>",
      description = "Instance IDs (dsw-…), also comma-separated; none: the filters decide.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--for",
      required = true,
      paramLabel = "<condition>",
      description = "Status=STATUS[,STATUS] (any of them), or deleted.")
  String condition;

  @Option(names = "--any", description = "Done when one instance meets it, not all.")
  boolean any;

  @Option(
      names = "--interval",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Time between polls, at least 1s. Default: 5s.")
  Duration interval = Duration.ofSeconds(5);

  @Option(
      names = "--fail-on",
      split = ",",
      paramLabel = "<status>",
      description = "More statuses that end the wait as a failure, e.g. Stopped.")
  List<String> failOn = new ArrayList<>();

  /** The default of --timeout for dsw wait, which bounds the whole wait. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  /** The IDs named, each checked as dsw get checks them, in order, each once. */
  public List<String> ids() {
    Set<String> out = new LinkedHashSet<>();
    for (String arg : ids) {
      for (String id : arg.split(",", -1)) {
        out.add(IdOptions.checkId(spec.commandLine(), id.strip()));
      }
    }
    return List.copyOf(out);
  }

  /** The condition; an unknown field or status is exit 2 with a did-you-mean. */
  public WaitCondition condition() {
    try {
      return WaitCondition.parse(condition, any, failOn);
    } catch (WaitCondition.Invalid e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The time between polls: at least 1s. */
  public Duration interval() {
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ParameterException(spec.commandLine(), "--interval must be at least 1s");
    }
    return interval;
  }

  /** The whole wait's bound: --timeout (more than 0), else 10m. */
  public Duration timeout(Duration given) {
    if (given == null) {
      return DEFAULT_TIMEOUT;
    }
    if (given.isZero() || given.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be more than 0");
    }
    return given;
  }
}
