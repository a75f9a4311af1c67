package dev.dsw.cli;

import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.output.Formatter;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.OutputSpec;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import dev.dsw.output.Column;
import dev.dsw.output.Format;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Runs a listing: dry run, or fetch (one page or all) into the chosen formatter. */
final class Listing {
  private final Services services;

  Listing(Services services) {
    this.services = services;
  }

  int run(ListInstancesQuery query, Integer page, Integer pageSize, Pages.Options paging, OutputOptions output,
      FilterOptions filters, Format format) {
    Console console = services.console();
    InstanceColumns known = new InstanceColumns(services.clock());
    if (output.wantsColumnHelp()) {
      printColumns(console.out(), known);
      return ExitCodes.OK;
    }
    Predicate<Instance> where = filters.where(known, services.clock());
    OutputSpec spec = output.spec(console, known, format, services.multiRegion());
    boolean rendered = rendersWhole(format, spec);
    Set<String> fields = format.hasColumns() || rendered ? fields(format, spec, known, output, filters) : null;
    JsonText.Render render = !rendered || fields == null ? JsonText.Render.NONE
        : spec.showSecrets() ? JsonText.Render.AS_SENT : JsonText.Render.MASKED;
    Fetch fetch = new Fetch(services, fields, render);
    if (services.dryRun(page != null ? query.page(page, pageSize) : query.page(1, paging.pageSize()))) {
      return ExitCodes.OK;
    }
    Formatter formatter = format.formatter(spec);
    CompletionCache cache = new CompletionCache(services.env());
    Consumer<Instance> sink = i -> {
      formatter.row(i);
      cache.record(i);
      OutputClosedException.check(services.env()); // stop fetching what no one will read
    };
    formatter.begin();
    if (page != null) {
      fetch.single(query, page, pageSize, where, sink);
    } else {
      fetch.all(query, paging, where, sink, !format.streams() || output.sortColumn != null);
    }
    formatter.end();
    fetch.complete();
    if (!cache.save()) {
      console.debugLine("could not update the completion cache in " + cache.dir());
    }
    return ExitCodes.OK;
  }

  /** Fields kept on every instance whatever is printed: the ID (de-duplication) and what completion caches. */
  static final Set<String> ALWAYS = Set.of("InstanceId", "WorkspaceId", "RequestedResource", "RegionId");

  /**
   * The top-level instance fields a listing reads: its columns' (if it has columns), the --where
   * and --sort-column fields, and {@link #ALWAYS}; null (everything) when a column or filter
   * cannot say what it reads.
   */
  private Set<String> fields(Format format, OutputSpec spec, InstanceColumns known, OutputOptions output,
      FilterOptions filters) {
    Set<String> need = new HashSet<>(ALWAYS);
    for (Set<String> part : java.util.Arrays.asList(format.hasColumns() ? Column.fieldsOf(spec.columns()) : Set.<String>of(),
        filters.whereFields(known, services.clock()), output.sortFields(known))) {
      if (part == null) {
        return null;
      }
      need.addAll(part);
    }
    return need;
  }

  /**
   * Whether pages are read with each instance rendered as it is parsed: compact json and jsonl
   * print whole instances, so they need the tree only for the fields the listing filters or sorts
   * on. Not for pretty json (re-indented anyway) or several regions (RegionId is added to a tree).
   */
  private boolean rendersWhole(Format format, OutputSpec spec) {
    return (format == Format.jsonl || (format == Format.json && !spec.pretty())) && !services.multiRegion();
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
