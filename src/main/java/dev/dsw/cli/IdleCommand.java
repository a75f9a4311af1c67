package dev.dsw.cli;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.Instance;
import dev.dsw.model.InstanceStatus;
import dev.dsw.model.Metrics;
import dev.dsw.output.Format;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw idle: running instances idle for a while, most wasteful first. */
@Command(name = "idle", sortOptions = false,
    description = {"List Running instances that IdleInstanceCuller reports idle for at least --for, sorted by "
        + "waste (GPUs × idle hours, then idle time). Takes every filter of list except --status."},
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw idle --for 2h",
      "  dsw idle --min-gpu 1 --workspace ALL -o csv",
    })
final class IdleCommand implements Callable<Integer> {
  static final List<String> COLUMNS = List.of("ID", "NAME", "IDLE_FOR", "GPU", "WASTE", "OWNER", "WORKSPACE", "AGE");

  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Option(names = "--for", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Idle at least this long: 30m, 2h, 1d, 3h20m. Default: 1h.")
  Duration idleFor = Duration.ofHours(1);

  @Mixin
  FilterOptions filters;

  @Mixin
  OutputOptions output;

  @Mixin
  PagingOptions paging;

  @Spec
  CommandSpec spec;

  private final Services services;

  IdleCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Duration min = idleFor;
    if (!filters.statuses.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--status does not apply: dsw idle lists Running instances");
    }
    filters.statuses = List.of(InstanceStatus.Running);
    ListInstancesQuery query = filters.query().build();
    Pages.Options o = paging.options(0);
    Console console = services.console();
    InstanceColumns known = new InstanceColumns(services.clock());
    if (output.wantsColumnHelp()) {
      Listing.printColumns(console.out(), known);
      return ExitCodes.OK;
    }
    Predicate<Instance> where = filters.where(known, services.clock())
        .and(i -> !i.text("IdleInstanceCuller.IdleTimeInMinutes").isEmpty() && Metrics.idle(i).compareTo(min) >= 0);
    Format format = output.format(Format.table);
    Fetch fetch = new Fetch(services);
    OutputSpec out = output.spec(console, known, format, services.multiRegion(), COLUMNS);
    if (services.dryRun(query.page(1, o.pageSize()))) {
      return ExitCodes.OK;
    }
    List<Instance> idle = new ArrayList<>();
    fetch.all(query, o, where, idle::add, true); // sorted by waste: nothing prints before the end
    idle.sort(Comparator.comparing(Metrics::idleGpuHours).thenComparing(Metrics::idle).reversed()
        .thenComparing(Instance::id));
    Formatter formatter = format.formatter(out);
    formatter.begin();
    idle.forEach(formatter::row);
    formatter.end();
    fetch.complete();
    return ExitCodes.OK;
  }
}
