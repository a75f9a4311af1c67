package dev.dsw.cli.commands;

import dev.dsw.listing.Report;
import dev.dsw.model.Instance;
import dev.dsw.output.Column;
import dev.dsw.output.Formatter;
import dev.dsw.output.Summary;
import java.util.List;

/**
 * dsw summary's report: every matching instance into its group, then one row per group and the
 * total.
 */
final class Grouping implements Report {
  private final Summary summary;
  private final String region;

  /**
   * {@code region}: the region to tag instances with for --by region in a single-region run, else
   * null.
   */
  Grouping(Summary summary, String region) {
    this.summary = summary;
    this.region = region;
  }

  @Override
  public void add(Instance i, Formatter out) {
    summary.add(region == null ? i : i.inRegion(region));
  }

  @Override
  public void finish(Formatter out) {
    summary.rows().forEach(out::row);
  }

  @Override
  public List<Column> columns() {
    return summary.columns();
  }

  @Override
  public String emptyAnswer(java.util.function.Supplier<String> nothingMatched) {
    return null; // its TOTAL row says 0
  }
}
