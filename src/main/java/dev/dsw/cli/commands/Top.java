package dev.dsw.cli.commands;

import dev.dsw.listing.Report;
import dev.dsw.model.Instance;
import dev.dsw.model.Measured;
import dev.dsw.model.MetricType;
import dev.dsw.output.Formatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * dsw top's report: the matching instances, each measured over the window, printed in the order
 * --sort-column gives (the command's default: the least-used GPU first).
 */
final class Top implements Report {
  private final Measuring measuring;
  private final List<MetricType> metrics;
  private final List<Instance> found = new ArrayList<>();

  Top(
      dev.dsw.cli.run.Services services,
      java.time.Duration window,
      dev.dsw.api.Pages.Options paging,
      List<MetricType> metrics) {
    this.measuring = new Measuring(services, window, paging.concurrency());
    this.metrics = metrics;
  }

  /** A new report for each run: top --watch measures afresh every time. */
  static java.util.function.Supplier<Report> each(
      dev.dsw.cli.run.Services services,
      java.time.Duration window,
      dev.dsw.api.Pages.Options paging,
      List<MetricType> metrics) {
    return () -> new Top(services, window, paging, metrics);
  }

  @Override
  public void add(Instance i, Formatter out) {
    found.add(i);
  }

  @Override
  public void finish(Formatter out) {
    measuring.measure(found, i -> Measuring.applicable(i, metrics)).forEach(out::row);
  }

  @Override
  public void check() {
    measuring.check();
  }

  @Override
  public Set<String> adds() {
    return Set.of(Measured.USAGE);
  }

  /** ID, NAME, GPU, then average, p95 and maximum of each metric, and COVERAGE. */
  static List<String> columns(List<MetricType> metrics, dev.dsw.output.Format format) {
    boolean wide = format == dev.dsw.output.Format.wide;
    List<String> names = new ArrayList<>(List.of("ID", "NAME", "GPU"));
    for (MetricType m : metrics) {
      names.addAll(List.of(m.column() + "_AVG", m.column() + "_P95", m.column() + "_MAX"));
    }
    names.add("COVERAGE");
    if (wide) {
      names.addAll(List.of("STATUS", "OWNER", "WORKSPACE", "AGE"));
    }
    return names;
  }

  /** The output as asked, sorted by the default order unless --sort-column says otherwise. */
  static dev.dsw.listing.Output sorted(dev.dsw.listing.Output o, List<MetricType> metrics) {
    return o.sortColumn() != null
        ? o
        : o.sortedBy(dev.dsw.output.SortColumn.ascending(sortedBy(metrics)));
  }

  /** The default order: the least-used GPU first, else the first metric's average. */
  static String sortedBy(List<MetricType> metrics) {
    MetricType first =
        metrics.contains(MetricType.GpuCoreUsage) ? MetricType.GpuCoreUsage : metrics.get(0);
    return first.column() + "_AVG";
  }
}
