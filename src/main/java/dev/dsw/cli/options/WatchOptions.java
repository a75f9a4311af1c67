package dev.dsw.cli.options;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** list's --watch and --interval. */
public final class WatchOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-w", "--watch"},
      description =
          "Poll and show what changes (added, removed, status); Ctrl-C stops. "
              + "Redraws on a terminal; one JSON event per change with -o jsonl.")
  boolean watch;

  @Option(
      names = "--interval",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Time between polls with --watch, at least 1s. Default: 10s.")
  Duration interval;

  /**
   * The time between polls, or null when not watching; refuses --interval without --watch and
   * --page/--limit with it.
   */
  public Duration every(PageOptions pages) {
    if (!watch) {
      if (interval != null) {
        throw new ParameterException(spec.commandLine(), "--interval only applies with --watch");
      }
      return null;
    }
    if (pages.given()) {
      throw new ParameterException(
          spec.commandLine(), "--watch lists every page; drop --page and --limit");
    }
    Duration every = interval == null ? Duration.ofSeconds(10) : interval;
    if (every.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new ParameterException(
          spec.commandLine(), "--interval must be at least 1s (got " + every.toMillis() + "ms)");
    }
    return every;
  }
}
