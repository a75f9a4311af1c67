package dev.dsw.cli.commands;

import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.GroupFormatOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.WaitOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Output;
import dev.dsw.listing.Request;
import dev.dsw.listing.Waiter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw wait: until instances meet a condition, fail for good, or the timeout passes. */
@Command(
    name = "wait",
    sortOptions = false,
    description = {
      "Wait until the instances named (or all that the filters select) meet --for: a status, or"
          + " deleted. Stops at once when one reaches Failed, SaveFailed, ArrearStopping,"
          + " Arrearge or a --fail-on status, naming it and its reason.",
      "--timeout bounds the whole wait (default 10m). Exit 0 when met, 7 on timeout, 8 on a"
          + " failure; -o jsonl prints one event per change."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw wait dsw-7a3c91e0b2f4d561 --for Status=Running",
      "  dsw wait dsw-7a3c91e0b2f4d561 --for Status=Running --timeout 15m",
      "  dsw wait --label team=nlp --for Status=Running,Stopped --any -o jsonl",
    })
public final class WaitCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin WaitOptions wait;

  @Mixin FilterOptions filters;

  @Mixin PagingOptions paging;

  @Mixin GroupFormatOptions format;

  private final Services services;

  WaitCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    List<String> ids = wait.ids();
    Waiter.Plan plan =
        new Waiter.Plan(
            ids, wait.condition(), wait.timeout(services.global().timeout()), wait.interval());
    Request request =
        new Request(
            filters.query(ids).build(),
            filters.where(),
            paging.options(0),
            null,
            new Output(format.format(), null, List.of(), format.headers(), null, false),
            null,
            filters.owners());
    return ExitCodes.of(new Waiter(services).run(request, plan));
  }
}
