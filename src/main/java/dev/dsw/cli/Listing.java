package dev.dsw.cli;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import java.io.PrintStream;
import java.util.Map;

/** Runs a listing: dry run, or fetch (one page or all) into the chosen formatter with progress on a terminal. */
final class Listing {
  private final Services services;

  Listing(Services services) {
    this.services = services;
  }

  int run(ListInstancesQuery query, Integer page, Integer pageSize, Pages.Options paging, OutputOptions output) {
    Console console = services.console();
    InstanceColumns known = new InstanceColumns(services.clock());
    if (output.wantsColumnHelp()) {
      printColumns(console.out(), known);
      return ExitCodes.OK;
    }
    if (output.columns != null && !output.format.hasColumns()) {
      console.warn("--columns applies to table, wide, csv and tsv; -o " + output.format + " prints whole instances");
    }
    OutputSpec spec = output.spec(console, known);
    if (services.global().isDryRun()) {
      ListInstancesQuery first = page != null ? query.page(page, pageSize) : query.page(1, paging.pageSize());
      console.out().print(services.client().dryRun(first));
      console.out().flush();
      return ExitCodes.OK;
    }
    Formatter formatter = output.format.formatter(spec);
    CompletionCache cache = new CompletionCache(services.env());
    java.util.function.Consumer<dev.dsw.model.Instance> sink = i -> {
      formatter.row(i);
      cache.record(i);
    };
    formatter.begin();
    if (page != null) {
      Pages.single(services.client(), query, page, pageSize, sink);
    } else {
      Pages.all(services.client(), query, paging, sink, progress(console, output), console::warn);
      clearProgress(console, output);
    }
    formatter.end();
    if (!cache.save()) {
      console.debugLine("could not update the completion cache in " + cache.dir());
    }
    return ExitCodes.OK;
  }

  private static boolean showsProgress(Console console, OutputOptions output) {
    // Progress lines would interleave with rows that stream to the same terminal.
    return console.isTty() && !console.quiet() && (!output.format.streams() || output.sortColumn != null);
  }

  private static Pages.Progress progress(Console console, OutputOptions output) {
    if (!showsProgress(console, output)) {
      return Pages.Progress.NONE;
    }
    return (done, total) -> {
      if (total > 1) {
        console.err().print("\rfetching page " + done + "/" + total + "…");
        console.err().flush();
      }
    };
  }

  private static void clearProgress(Console console, OutputOptions output) {
    if (showsProgress(console, output)) {
      console.err().print("\r\u001b[K");
      console.err().flush();
    }
  }

  static void printColumns(PrintStream out, InstanceColumns known) {
    out.println("Built-in columns (case-insensitive):");
    for (Map.Entry<String, String> e : known.describe().entrySet()) {
      out.printf("  %-10s %s%n", e.getKey(), e.getValue());
    }
    out.println("Any other name is a field path in the API response, e.g. InstanceId, RequestedResource.GPUType,");
    out.println("Labels, IdleInstanceCuller.IdleTimeInMinutes, Datasets.0.Uri; objects and arrays print as compact JSON.");
    out.flush();
  }
}
