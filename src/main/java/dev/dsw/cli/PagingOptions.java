package dev.dsw.cli;

import dev.dsw.api.Pages;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How pages are fetched, for every command that reads the whole matching fleet. */
final class PagingOptions {
  static final int MAX_PAGE_SIZE = 100;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--page-size", paramLabel = "<n>", description = "Instances per request, 1-100. Default: 100 (the API's own default with --page).")
  Integer pageSize;

  @Option(names = "--concurrency", paramLabel = "<n>", description = "Pages fetched at once, 1-32. Default: ${DEFAULT-VALUE}.")
  int concurrency = 8;

  /** Paging settings, checked; limit 0 means all. */
  Pages.Options options(long limit) {
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw new ParameterException(spec.commandLine(), "--page-size must be between 1 and " + MAX_PAGE_SIZE + " (got " + pageSize + ")");
    }
    if (concurrency < 1 || concurrency > 32) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be between 1 and 32 (got " + concurrency + ")");
    }
    return new Pages.Options(pageSize == null ? MAX_PAGE_SIZE : pageSize, concurrency, limit);
  }
}
