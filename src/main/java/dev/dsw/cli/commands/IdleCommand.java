package dev.dsw.cli.commands;

import dev.dsw.cli.options.ColumnOptions;
import dev.dsw.cli.options.DurationConverter;
import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.FormatOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.run.Listing;
import dev.dsw.cli.run.Request;
import dev.dsw.cli.run.Services;
import dev.dsw.model.InstanceStatus;
import dev.dsw.output.Format;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** dsw idle: running instances idle for a while, most wasteful first. */
@Command(
    name = "idle",
    sortOptions = false,
    description = {
      "List Running instances that IdleInstanceCuller reports idle for at least --for, sorted by "
          + "waste (GPUs × idle hours, then idle time). Takes every filter of list except --status."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw idle --for 2h",
      "  dsw idle --min-gpu 1 --workspace ALL -o csv",
    })
public final class IdleCommand implements Callable<Integer> {
  static final List<String> COLUMNS =
      List.of("ID", "NAME", "IDLE_FOR", "GPU", "WASTE", "OWNER", "WORKSPACE", "AGE");

  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin QueryOptions query;

  @Option(
      names = "--for",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Idle at least this long: 30m, 2h, 1d, 3h20m. Default: 1h.")
  Duration idleFor = Duration.ofHours(1);

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
    Request request =
        new Request(
            filters.query().statuses(List.of(InstanceStatus.Running)).build(),
            filters.where(),
            paging.options(0),
            null,
            columns.output(format.format(Format.table), format, COLUMNS),
            query.query());
    return new Listing(services).run(request, new Waste(idleFor));
  }
}
