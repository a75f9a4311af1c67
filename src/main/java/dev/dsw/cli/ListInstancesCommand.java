package dev.dsw.cli;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.output.Format;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw list: every ListInstances parameter as a flag, all pages by default. */
@Command(name = "list", aliases = "ls", sortOptions = false,
    description = "List DSW instances. Filters combine with AND; by default every page is fetched.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw list --status Running --gpu-type \"NVIDIA A10\" --created-after 7d",
      "  dsw list --workspace ALL --min-gpu 1 -o csv --columns ID,NAME,GPU,OWNER",
      "  dsw list --label team=nlp --label env=prod -o json | jq '.[].InstanceId'",
      "  dsw list --where 'Status!=Running' --where 'InstanceName~^train'",
      "  dsw list --all-regions --status Running",
      "  dsw list --watch --interval 30s -o jsonl",
    })
final class ListInstancesCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin
  FilterOptions filters;

  @Mixin
  OutputOptions output;

  @Mixin
  PagingOptions paging;

  @Spec
  CommandSpec spec;

  @Option(names = "--page", paramLabel = "<n>", description = "Return only this page, as the API does (see --page-size).")
  Integer page;

  @Option(names = "--limit", paramLabel = "<n>", description = "Stop after this many instances; fetches no more pages than needed.")
  Long limit;

  @Option(names = {"-w", "--watch"}, description = "Poll and show what changes (added, removed, status); Ctrl-C stops. "
      + "Redraws on a terminal; one JSON event per change with -o jsonl.")
  boolean watch;

  @Option(names = "--interval", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Time between polls with --watch, at least 1s. Default: 10s.")
  Duration interval;

  private final Services services;

  ListInstancesCommand(Services services) {
    this.services = services;
  }

  /** The query these flags ask; refuses bad combinations before anything is sent. */
  ListInstancesQuery query() {
    if (page != null && page < 1) {
      throw new ParameterException(spec.commandLine(), "--page must be 1 or more (got " + page + ")");
    }
    if (page != null && limit != null) {
      throw new ParameterException(spec.commandLine(), "--page and --limit cannot be combined");
    }
    if (limit != null && limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be 1 or more (got " + limit + ")");
    }
    paging.options(0);
    return filters.query().build();
  }

  @Override
  public Integer call() {
    ListInstancesQuery q = query();
    Pages.Options o = paging.options(limit == null ? 0 : limit);
    Format format = output.format(Format.table);
    if (interval != null && !watch) {
      throw new ParameterException(spec.commandLine(), "--interval only applies with --watch");
    }
    if (watch) {
      if (page != null || limit != null) {
        throw new ParameterException(spec.commandLine(), "--watch lists every page; drop --page and --limit");
      }
      if (format != Format.table && format != Format.wide && format != Format.jsonl) {
        throw new ParameterException(spec.commandLine(), "--watch works with -o table, wide or jsonl (got -o " + format + ")");
      }
      Duration every = interval == null ? Duration.ofSeconds(10) : interval;
      if (every.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new ParameterException(spec.commandLine(), "--interval must be at least 1s (got " + every.toMillis() + "ms)");
      }
      return new Watch(services, output, format, every).run(q, o, filters);
    }
    return new Listing(services).run(q, page, paging.pageSize, o, output, filters, format);
  }
}
