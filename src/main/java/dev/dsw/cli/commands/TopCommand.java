package dev.dsw.cli.commands;

import dev.dsw.cli.options.ColumnOptions;
import dev.dsw.cli.options.FilterOptions;
import dev.dsw.cli.options.FormatOptions;
import dev.dsw.cli.options.GlobalOptions;
import dev.dsw.cli.options.PageOptions;
import dev.dsw.cli.options.PagingOptions;
import dev.dsw.cli.options.QueryOptions;
import dev.dsw.cli.options.StatusOptions;
import dev.dsw.cli.options.TopOptions;
import dev.dsw.cli.options.UsageOptions;
import dev.dsw.cli.run.ExitCodes;
import dev.dsw.cli.run.Services;
import dev.dsw.listing.Listing;
import dev.dsw.listing.Request;
import dev.dsw.model.InstanceStatus;
import dev.dsw.model.MetricType;
import dev.dsw.output.Format;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** dsw top: GPU, CPU and memory use of the matching instances, least-used GPU first. */
@Command(
    name = "top",
    sortOptions = false,
    description = {
      "How much the matching instances (default: Running) use their GPUs and CPUs over --window"
          + " (GetInstanceMetrics, one request per instance and metric): average, p95, maximum,"
          + " and COVERAGE, the share of the window with data; no data is 'no data', never 0%%."
          + " Least-used GPU first. RAM: paidsw:GetInstanceMetrics."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw top",
      "  dsw top --window 24h --min-gpu 1 --limit 5",
      "  dsw top --metrics gpu,gpu-memory,cpu,memory -o wide",
      "  dsw top --where 'GPU_MAX<10' -o csv",
    })
public final class TopCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Mixin TopOptions top;
  @Mixin UsageOptions usage;
  @Mixin QueryOptions query;
  @Mixin StatusOptions status;
  @Mixin FilterOptions filters;
  @Mixin FormatOptions format;
  @Mixin ColumnOptions columns;
  @Mixin PageOptions pages;
  @Mixin PagingOptions paging;

  private final Services services;

  TopCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    List<MetricType> metrics = top.metrics();
    Format f = format.format(Format.table);
    Request request =
        new Request(
            filters.query().statuses(status.orElse(InstanceStatus.Running)).build(),
            filters.where(),
            paging.options(pages.limit()),
            pages.page(),
            Top.sorted(columns.output(f, format, Top.columns(metrics, f)), metrics),
            query.query(),
            filters.owners());
    var report = Top.each(services, usage.window(Duration.ofHours(1)), request.paging(), metrics);
    return ExitCodes.of(new Listing(services).repeat(request, report, top.every()));
  }
}
