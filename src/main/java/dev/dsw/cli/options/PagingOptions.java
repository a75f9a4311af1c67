package dev.dsw.cli.options;

import dev.dsw.api.Pages;
import picocli.CommandLine.Option;

/**
 * How pages are fetched, for every command that reads the whole matching fleet; bounds: {@link
 * Pages.Options}.
 */
public final class PagingOptions {
  @Option(
      names = "--page-size",
      paramLabel = "<n>",
      description =
          "Instances per request, 1-100. Default: 100 (the API's own default with --page).")
  Integer pageSize;

  @Option(
      names = "--concurrency",
      paramLabel = "<n>",
      description = "Pages fetched at once, 1-32. Default: ${DEFAULT-VALUE}.")
  int concurrency = 8;

  /** Paging settings, checked; limit 0 means all. */
  public Pages.Options options(long limit) {
    return new Pages.Options(pageSize == null ? Pages.MAX_PAGE_SIZE : pageSize, concurrency, limit);
  }
}
