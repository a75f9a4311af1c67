package dev.dsw.cli.commands;

import dev.dsw.cli.options.ColumnOptions;
import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.FormatOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.PageOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.options.StatusOptions;
import dev.dsw.cli.options.WatchOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Report;
import dev.dsw.listing.Request;
import dev.dsw.output.Format;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw list: every ListInstances parameter as a flag, all pages by default. */
@Command(
    name = "list",
    aliases = "ls",
    sortOptions = false,
    description = "List DSW instances. Filters combine with AND; by default every page is fetched.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw list --status Running --gpu-type A10 --created-after 7d",
      "  dsw list --workspace ALL --min-gpu 1 -o csv --columns ID,NAME,GPU,OWNER",
      "  dsw list --label team=nlp --label env=prod -o json | jq '.[].InstanceId'",
      "  dsw list --where 'Status!=Running' --where 'InstanceName~^train'",
      "  dsw list --all-regions --status Running",
      "  dsw list --label team=nlp --status Running -o yaml",
      "  dsw list --status Running --query '[].InstanceId'",
      "  dsw list --jq '.[] | select(.Status == \"Running\") | .InstanceName'",
      "  dsw list --watch --interval 30s -o jsonl",
    })
public final class ListInstancesCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin QueryOptions query;
  @Mixin StatusOptions status;
  @Mixin FilterOptions filters;
  @Mixin FormatOptions format;
  @Mixin ColumnOptions columns;
  @Mixin PageOptions pages;
  @Mixin PagingOptions paging;
  @Mixin WatchOptions watch;

  private final Services services;

  ListInstancesCommand(Services services) {
    this.services = services;
  }

  /** The listing these flags ask for; refuses bad values before anything is sent. */
  Request request() {
    Format f = format.format(Format.table);
    return new Request(
        filters.query().statuses(status.statuses()).build(),
        filters.where(),
        paging.options(pages.limit()),
        pages.page(),
        columns.output(f, format),
        query.query(),
        filters.owners());
  }

  @Override
  public Integer call() {
    Duration every = watch.every(pages);
    Listing listing = new Listing(services);
    return ExitCodes.of(
        every == null ? listing.run(request(), Report.PRINT) : listing.watch(request(), every));
  }
}
