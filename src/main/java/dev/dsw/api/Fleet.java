package dev.dsw.api;

import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the matching fleet: every page of one region, streamed; or several regions at once, merged
 * in the order the regions were given, each instance tagged with its RegionId. A region that fails
 * is reported to the listener and the others are kept; {@link #complete()} then ends the run as
 * incomplete (all regions failing is the first region's error).
 */
public final class Fleet {
  private static final int REGIONS_AT_ONCE = 8;

  /** The clients to ask: the single region's, or one per region of a multi-region run. */
  public interface Clients {
    DswClient client();

    DswClient client(String region);

    /** Records where an instance was listed: by default its RegionId. */
    default Instance tag(String scope, Instance i) {
      return i.inRegion(scope);
    }
  }

  /** What the caller hears while the fleet is read: progress, warnings and failed regions. */
  public interface Listener {
    /** Pages done out of pages known (single region only). */
    default void progress(int done, int total) {}

    /** Paging has ended, however it ended. */
    default void finished() {}

    default void warn(String message) {}

    /** One region of several failed after retries; the others go on. */
    default void regionFailed(String region, RuntimeException cause) {}

    Listener NONE = new Listener() {};
  }

  /** What to read: the top-level fields kept (null: all), and how whole instances are rendered. */
  public record Projection(Set<String> fields, JsonText.Render render) {
    public static final Projection ALL = new Projection(null, JsonText.Render.NONE);
  }

  private final Clients clients;
  private final List<String> regions;
  private final Listener listener;
  private final Projection projection;
  private IncompleteResultException incomplete;

  /** {@code regions} empty means the single region of {@link Clients#client()}. */
  public Fleet(Clients clients, List<String> regions, Listener listener, Projection projection) {
    this.clients = clients;
    this.regions = List.copyOf(regions);
    this.listener = listener;
    this.projection = projection;
  }

  /**
   * Fetches all pages (up to the limit) and hands instances that pass the filter to the sink. A
   * query that names more instance IDs than one request takes goes out as several, one after the
   * other ({@link ListInstancesQuery#splitByIds}); one {@link Limit} counts across all of them.
   */
  public void all(
      ListInstancesQuery query,
      Pages.Options paging,
      Predicate<Instance> where,
      Consumer<Instance> sink) {
    Limit limit = Limit.of(paging.limit());
    for (ListInstancesQuery part : query.splitByIds()) {
      if (limit.reached()) {
        break;
      }
      allOf(part, paging, where, sink, limit);
    }
  }

  private void allOf(
      ListInstancesQuery query,
      Pages.Options paging,
      Predicate<Instance> where,
      Consumer<Instance> sink,
      Limit limit) {
    if (regions.isEmpty()) {
      try {
        Pages.all(
            clients.client().projecting(projection.fields(), projection.render()),
            query,
            paging,
            where,
            sink,
            new Pages.Listener(listener::progress, listener::warn),
            limit);
      } finally {
        listener.finished();
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(REGIONS_AT_ONCE, regions.size()),
            r -> {
              Thread t = new Thread(r, "dsw-region");
              t.setDaemon(true);
              return t;
            });
    List<Future<List<Instance>>> results = new ArrayList<>();
    try {
      for (String region : regions) {
        try {
          clients.client(region); // build clients (and credentials) on this thread, once
        } catch (RuntimeException unusable) {
          // a profile without usable credentials fails alone, as a region that cannot be reached
          results.add(java.util.concurrent.CompletableFuture.failedFuture(unusable));
          continue;
        }
        results.add(
            pool.submit(
                () -> {
                  List<Instance> found = new ArrayList<>();
                  Pages.all(
                      clients.client(region).projecting(projection.fields()),
                      query,
                      paging,
                      i -> where.test(clients.tag(region, i)),
                      found::add,
                      new Pages.Listener(
                          Pages.Progress.NONE, w -> listener.warn("region " + region + ": " + w)));
                  return found;
                }));
      }
      merge(results, limit, sink);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Hands results on in region order as each completes; reports failed regions and ends incomplete
   * if any.
   */
  private void merge(List<Future<List<Instance>>> results, Limit limit, Consumer<Instance> sink) {
    List<String> failed = new ArrayList<>();
    RuntimeException first = null;
    long emitted = 0;
    // two profiles of one account reach the same instances: each is handed on once, the first time
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int r = 0; r < regions.size(); r++) {
      try {
        for (Instance i : results.get(r).get()) {
          if (limit.reached()) {
            break;
          }
          if (!seen.add(i.text("RegionId") + "/" + i.id()) || !limit.take()) {
            continue;
          }
          sink.accept(i);
          emitted++;
        }
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException re
                ? re
                : new IllegalStateException(e.getCause());
        first = first == null ? cause : first;
        failed.add(regions.get(r));
        listener.regionFailed(regions.get(r), cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IncompleteResultException("interrupted after " + emitted + " instances", e);
      }
    }
    if (failed.size() == regions.size() && first != null) {
      throw first;
    }
    if (!failed.isEmpty()) {
      incomplete =
          new IncompleteResultException(
              failed.size()
                  + " of "
                  + regions.size()
                  + (regions.get(0).contains("@") ? " profile and region pairs" : " regions")
                  + " failed ("
                  + String.join(", ", failed)
                  + "); the output has the other regions only",
              first);
    }
  }

  /**
   * Throws when some regions failed (they were reported as they came): call it after the output of
   * the others is written, so nothing fetched is lost but the exit code says so.
   */
  public void complete() {
    if (incomplete != null) {
      throw incomplete;
    }
  }

  /** Fetches exactly one page, as the API does (--page); one region only. */
  public void single(
      ListInstancesQuery query,
      int page,
      Integer size,
      Predicate<Instance> where,
      Consumer<Instance> sink) {
    if (!regions.isEmpty()) {
      throw new InvalidQueryException(
          "--page reads one page of one region", "drop --page, or query one region");
    }
    Pages.single(
        clients.client().projecting(projection.fields(), projection.render()),
        query,
        page,
        size,
        i -> {
          if (where.test(i)) {
            sink.accept(i);
          }
        });
  }
}
