package dev.dsw.cli;

import dev.dsw.api.IncompleteResultException;
import dev.dsw.api.ListInstancesQuery;
import dev.dsw.api.Pages;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the matching fleet for a command: every page of one region, streamed; or several regions
 * at once, merged in the order the regions were given, each instance tagged with its RegionId. A
 * region that fails is reported on stderr and the others are kept; {@link #complete()} then ends
 * the run as incomplete (all regions failing is the first region's error).
 */
final class Fetch {
  private static final int REGIONS_AT_ONCE = 8;
  private final Services services;
  private final java.util.Set<String> fields;
  private final JsonText.Render render;
  private IncompleteResultException incomplete;

  Fetch(Services services) {
    this(services, null);
  }

  /** A fetch that reads only these top-level instance fields (null: all); see DswClient.projecting. */
  Fetch(Services services, java.util.Set<String> fields) {
    this(services, fields, JsonText.Render.NONE);
  }

  /**
   * As above, and with {@code render} other than NONE each instance of one region comes with its
   * whole JSON (see DswClient.projecting); several regions are read as trees, to add RegionId.
   */
  Fetch(Services services, java.util.Set<String> fields, JsonText.Render render) {
    this.services = services;
    this.fields = fields;
    this.render = render;
  }

  /** Fetches all pages (up to the limit) and hands instances that pass the filter to the sink. */
  void all(ListInstancesQuery query, Pages.Options paging, Predicate<Instance> where, Consumer<Instance> sink) {
    all(query, paging, where, sink, false);
  }

  /**
   * As above; {@code buffered} says that nothing reaches stdout until the end (a table, a sort, a
   * report), so a "fetching page n/m" line on a terminal cannot interleave with rows.
   */
  void all(ListInstancesQuery query, Pages.Options paging, Predicate<Instance> where, Consumer<Instance> sink,
      boolean buffered) {
    List<String> regions = services.regions();
    if (regions.isEmpty()) {
      Console console = services.console();
      boolean show = buffered && console.isTty() && !console.quiet();
      try {
        Pages.all(services.client().projecting(fields, render), query, paging, where, sink,
            show ? progress(console) : Pages.Progress.NONE, console::warn);
      } finally {
        if (show) {
          console.err().print("\r\u001b[K");
          console.err().flush();
        }
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(REGIONS_AT_ONCE, regions.size()), r -> {
      Thread t = new Thread(r, "dsw-region");
      t.setDaemon(true);
      return t;
    });
    List<Future<List<Instance>>> results = new ArrayList<>();
    try {
      for (String region : regions) {
        services.client(region); // build clients (and credentials) on this thread, once
        results.add(pool.submit(() -> {
          List<Instance> found = new ArrayList<>();
          Pages.all(services.client(region).projecting(fields), query, paging, i -> where.test(i.inRegion(region)), found::add,
              Pages.Progress.NONE, w -> services.console().warn("region " + region + ": " + w));
          return found;
        }));
      }
      merge(regions, results, paging.limit(), sink);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Hands results on in region order as each completes; reports failed regions and ends incomplete if any. */
  private void merge(List<String> regions, List<Future<List<Instance>>> results, long limit, Consumer<Instance> sink) {
    List<String> failed = new ArrayList<>();
    Throwable first = null;
    long emitted = 0;
    for (int r = 0; r < regions.size(); r++) {
      try {
        for (Instance i : results.get(r).get()) {
          if (limit > 0 && emitted >= limit) {
            break;
          }
          sink.accept(i);
          emitted++;
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        first = first == null ? cause : first;
        failed.add(regions.get(r));
        services.console().error("region " + regions.get(r) + ": " + Failure.describe(cause).message());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IncompleteResultException("interrupted after " + emitted + " instances", e);
      }
    }
    if (failed.size() == regions.size() && first instanceof RuntimeException re) {
      throw re;
    }
    if (!failed.isEmpty()) {
      incomplete = new IncompleteResultException(failed.size() + " of " + regions.size() + " regions failed ("
          + String.join(", ", failed) + "); the output has the other regions only", first);
    }
  }

  private static Pages.Progress progress(Console console) {
    return (done, total) -> {
      if (total > 1) {
        console.err().print("\rfetching page " + done + "/" + total + "…");
        console.err().flush();
      }
    };
  }

  /**
   * Throws when some regions failed (they were reported on stderr as they came): call it after
   * the output of the others is written, so nothing fetched is lost but the exit code says so.
   */
  void complete() {
    if (incomplete != null) {
      throw incomplete;
    }
  }

  /** Fetches exactly one page, as the API does (--page); one region only. */
  void single(ListInstancesQuery query, int page, Integer size, Predicate<Instance> where, Consumer<Instance> sink) {
    if (services.multiRegion()) {
      throw new UsageException("--page reads one page of one region", "drop --page, or query one region");
    }
    Pages.single(services.client().projecting(fields, render), query, page, size, i -> {
      if (where.test(i)) {
        sink.accept(i);
      }
    });
  }
}
