package dev.dsw.cli;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.Instance;
import dev.dsw.output.Format;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import dev.dsw.output.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw summary: the fleet grouped by keys, with counts and resource totals. */
@Command(name = "summary", sortOptions = false,
    description = {"Group the matching instances and print per group: instances, CPU cores, GPUs, memory (GB) and "
        + "accumulated running hours, then a TOTAL row. Takes every filter of list.",
        "In JSON the total is the last object, with its key fields null."},
    footerHeading = "%nExamples:%n",
    footer = {
      "  dsw summary --by status",
      "  dsw summary --by gpu-type,owner --status Running",
      "  dsw summary --by region,status --all-regions -o csv",
    })
final class SummaryCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Option(names = "--by", split = ",", paramLabel = "<key>", completionCandidates = Keys.class,
      description = "Group by one or more of: ${COMPLETION-CANDIDATES}. Default: status.")
  List<String> by = new ArrayList<>();

  @Mixin
  FilterOptions filters;

  @Mixin
  PagingOptions paging;

  @Option(names = {"-o", "--output"}, paramLabel = "<format>",
      description = "Output format: table, wide, json, jsonl, csv, tsv. Default: table.")
  Format format;

  @Option(names = "--no-headers", description = "Leave out the header row (table, csv, tsv).")
  boolean noHeaders;

  @Spec
  CommandSpec spec;

  private final Services services;

  SummaryCommand(Services services) {
    this.services = services;
  }

  List<Summary.Key> keys() {
    List<Summary.Key> keys = new ArrayList<>();
    for (String name : by.isEmpty() ? List.of("status") : by) {
      Optional<Summary.Key> k = Summary.Key.named(name);
      if (k.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--by " + name + ": unknown key; use one of "
            + String.join(", ", Arrays.stream(Summary.Key.values()).map(x -> x.flag).toList()));
      }
      if (keys.contains(k.get())) {
        throw new ParameterException(spec.commandLine(), "--by " + name + ": given twice");
      }
      keys.add(k.get());
    }
    return keys;
  }

  @Override
  public Integer call() {
    List<Summary.Key> keys = keys();
    Format chosen = format == null ? Format.table : format;
    if (chosen == Format.detail) {
      throw new ParameterException(spec.commandLine(), "-o detail shows instances; summary prints table, json, jsonl, csv or tsv");
    }
    ListInstancesQuery query = filters.query().build();
    Pages.Options o = paging.options(0);
    Predicate<Instance> where = filters.where(new InstanceColumns(services.clock()), services.clock());
    Console console = services.console();
    if (services.dryRun(query.page(1, o.pageSize()))) {
      return ExitCodes.OK;
    }
    Fetch fetch = new Fetch(services);
    String single = keys.contains(Summary.Key.REGION) && !services.multiRegion() ? singleRegion() : null;
    Summary summary = new Summary(keys);
    fetch.all(query, o, where, i -> summary.add(single == null ? i : i.inRegion(single)), true);
    OutputSpec out = new OutputSpec(console.out(), summary.columns(), !noHeaders, console.width(), console.colour(),
        console.isTty(), true, Optional.empty());
    Formatter formatter = chosen.formatter(out);
    formatter.begin();
    summary.rows().forEach(formatter::row);
    formatter.end();
    fetch.complete();
    return ExitCodes.OK;
  }

  /** The region of a single-region run, for --by region; empty when only an --endpoint names it. */
  private String singleRegion() {
    try {
      return services.region();
    } catch (UsageException e) {
      return "";
    }
  }

  /** Completion candidates for --by. */
  static final class Keys implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Summary.Key.values()).map(k -> k.flag).iterator();
    }
  }
}
