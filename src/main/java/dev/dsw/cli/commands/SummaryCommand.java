package dev.dsw.cli.commands;

import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.GroupFormatOptions;
import dev.dsw.cli.options.GroupOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.options.StatusOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Output;
import dev.dsw.listing.Request;
import dev.dsw.output.Format;
import dev.dsw.output.Summary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw summary: the fleet grouped by keys, with counts and resource totals. */
@Command(
    name = "summary",
    sortOptions = false,
    description = {
      "Group the matching instances and print per group: instances, CPU cores, GPUs, memory (GB)"
          + " and accumulated running hours, then a TOTAL row. Takes every filter of list.",
      "In JSON the total is the last object, with its key fields null."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw summary --by status",
      "  dsw summary --by gpu-type,owner --status Running",
      "  dsw summary --by region,status --all-regions -o csv",
    })
public final class SummaryCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin QueryOptions query;

  @Mixin GroupOptions by;

  @Mixin StatusOptions status;

  @Mixin FilterOptions filters;

  @Mixin PagingOptions paging;

  @Mixin GroupFormatOptions format;

  private final Services services;

  SummaryCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Summary summary = new Summary(by.keys());
    Format f = format.format();
    Request request =
        new Request(
            filters.query().statuses(status.statuses()).build(),
            filters.where(),
            paging.options(0),
            null,
            new Output(f, null, List.of(), format.headers(), null, false),
            query.query(),
            filters.owners());
    String region =
        summary.keys().stream().anyMatch(k -> k.group().flag().equals("region"))
                && !services.multiScope()
            ? services.target().regionOrEmpty()
            : null;
    return ExitCodes.of(new Listing(services).run(request, new Grouping(summary, region)));
  }
}
