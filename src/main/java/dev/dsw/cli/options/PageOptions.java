package dev.dsw.cli.options;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** list's --page (one page, as the API does) and --limit (stop after N matches). */
public final class PageOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--page",
      paramLabel = "<n>",
      description = "Return only this page, as the API does (see --page-size).")
  Integer page;

  @Option(
      names = "--limit",
      paramLabel = "<n>",
      description = "Stop after this many instances; fetches no more pages than needed.")
  Long limit;

  /**
   * The one page asked for, or null for all pages; its bound (1 or more) is the query builder's.
   */
  public Integer page() {
    if (page != null && limit != null) {
      throw new ParameterException(spec.commandLine(), "--page and --limit cannot be combined");
    }
    return page;
  }

  /** The limit on instances, 0 for none. */
  public long limit() {
    if (limit != null && limit < 1) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be 1 or more (got " + limit + ")");
    }
    return limit == null ? 0 : limit;
  }

  /** Whether either was given (--watch takes neither). */
  public boolean given() {
    return page != null || limit != null;
  }
}
