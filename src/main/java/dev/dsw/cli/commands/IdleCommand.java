package dev.dsw.cli.commands;

import dev.dsw.cli.options.ColumnOptions;
import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.FormatOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.IdleOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.options.UsageOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Request;
import dev.dsw.model.InstanceStatus;
import dev.dsw.output.Format;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw idle: running instances idle by their culler or by measured use, most wasteful first. */
@Command(
    name = "idle",
    sortOptions = false,
    description = {
      "List Running instances that are idle: IdleInstanceCuller reports them idle for at least"
          + " --for, or their measured use (GetInstanceMetrics: GPU use for GPU instances, CPU use"
          + " for CPU-only ones) stayed at or under --gpu-below/--cpu-below over the whole"
          + " --window. EVIDENCE says which, GUARD what would stop them. Sorted by waste (GPUs ×"
          + " idle hours). Takes every filter of list except --status."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw idle",
      "  dsw idle --where 'GUARD=none' --min-gpu 1",
      "  dsw idle --for 2h --no-usage",
      "  dsw idle --window 12h --gpu-below 2 --workspace ALL -o csv",
    })
public final class IdleCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin QueryOptions query;

  @Mixin IdleOptions idle;
  @Mixin UsageOptions usage;
  @Mixin FilterOptions filters;
  @Mixin FormatOptions format;
  @Mixin ColumnOptions columns;
  @Mixin PagingOptions paging;

  private final Services services;

  IdleCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Duration window = usage.window(Duration.ofHours(24));
    IdleOptions.Thresholds thresholds = idle.thresholds();
    Request request =
        new Request(
            filters.query().statuses(List.of(InstanceStatus.Running)).build(),
            filters.where(),
            paging.options(0),
            null,
            columns.output(format.format(Format.table), format, Waste.COLUMNS).keeping(Waste.KEEP),
            query.query(),
            filters.owners());
    Measuring measuring = new Measuring(services, window, request.paging().concurrency());
    return ExitCodes.of(
        new Listing(services).run(request, new Waste(services, window, thresholds, measuring)));
  }
}
