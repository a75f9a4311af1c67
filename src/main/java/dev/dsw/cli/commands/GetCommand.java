package dev.dsw.cli.commands;

import dev.dsw.api.Pages;
import dev.dsw.cli.options.ColumnOptions;
import dev.dsw.cli.options.FormatOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.IdOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Owners;
import dev.dsw.listing.Request;
import dev.dsw.output.Format;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * dsw get: instances by ID, in full. Looks in every workspace and resource group unless told
 * otherwise.
 */
@Command(
    name = "get",
    aliases = "describe",
    sortOptions = false,
    description = {
      "Show instances in full: resources, image, network, storage, timers, idle culler, snapshots, "
          + "labels and tags, environment (masked) and URLs. Any -o format of list works too.",
      "An ID that is not found is reported on stderr and the exit code is 5; the others are still"
          + " shown."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw get dsw-7a3c91e0b2f4d561",
      "  dsw get dsw-7a3c91e0b2f4d561 dsw-4f2b8c9d1e6a0735 -o json",
    })
public final class GetCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin QueryOptions query;

  @Mixin IdOptions ids;

  @Mixin FormatOptions format;

  @Mixin ColumnOptions columns;

  private final Services services;

  GetCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Request request =
        new Request(
            ids.query(),
            List.of(),
            new Pages.Options(Pages.MAX_PAGE_SIZE, 4, 0),
            null,
            columns.output(format.format(Format.detail), format),
            query.query(),
            Owners.ANY);
    return ExitCodes.of(
        new Listing(services)
            .run(request, new Lookup(ids.wanted(), ids.scope(), services.target().multiRegion())));
  }
}
