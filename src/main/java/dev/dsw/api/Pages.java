package dev.dsw.api;

import dev.dsw.model.Instance;
import dev.dsw.model.InstancePage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Fetches every matching instance: page 1 first (for TotalCount), then the remaining pages
 * concurrently with at most {@code concurrency} in flight, a new request going out as soon as any
 * ends, handing instances to the sink in page order as soon as each page and all before it have
 * arrived. Instances are de-duplicated by ID; if the fleet grows while paging, the extra pages are
 * fetched too; if it shrinks, a warning says so.
 */
public final class Pages {
  /** The API's largest page (list-instances.md §3). */
  public static final int MAX_PAGE_SIZE = 100;

  /** The most requests in flight at once. */
  public static final int MAX_CONCURRENCY = 32;

  /**
   * The largest TotalCount dsw lists without --limit; a reply claiming more is taken as malformed
   * (red team, issue #23: a server claiming 10^12 drove 21,021 requests in 120 s).
   */
  public static final long MAX_TOTAL_COUNT = 1_000_000;

  /**
   * Pages dsw fetches beyond those the first page's TotalCount calls for, should the fleet grow
   * while it pages: 2, or a tenth more, whichever is larger. No run sends more requests (retries
   * aside).
   */
  static int slackPages(int planned) {
    return Math.max(2, (planned + 9) / 10);
  }

  /**
   * Paging settings: page size, pages in flight, and an optional limit on instances (0 = all). The
   * bounds of --page-size, --concurrency and --limit are checked here and nowhere else.
   */
  public record Options(int pageSize, int concurrency, long limit) {
    /** The same settings with another limit (0: all). */
    public Options withLimit(long n) {
      return new Options(pageSize, concurrency, n);
    }

    public Options {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new InvalidQueryException(
            "--page-size must be between 1 and " + MAX_PAGE_SIZE + " (got " + pageSize + ")");
      }
      if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
        throw new InvalidQueryException(
            "--concurrency must be between 1 and "
                + MAX_CONCURRENCY
                + " (got "
                + concurrency
                + ")");
      }
      if (limit < 0) {
        throw new InvalidQueryException("--limit must be 1 or more (got " + limit + ")");
      }
    }
  }

  /** Reports progress: pages done out of pages known. */
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (d, t) -> {};
  }

  /**
   * Who hears about a paging run: its progress, and warnings such as a fleet that changed
   * meanwhile.
   */
  public record Listener(Progress progress, Consumer<String> warn) {
    public static final Listener NONE = new Listener(Progress.NONE, w -> {});
  }

  /** What was fetched: the service's total, instances handed to the sink, pages fetched. */
  public record Result(long totalCount, long emitted, int pages) {}

  private Pages() {}

  /** Fetches exactly one page, as the API does (--page). */
  public static Result single(
      DswClient client, ListInstancesQuery query, int page, Integer size, Consumer<Instance> sink) {
    InstancePage p = client.listInstances(query.page(page, size));
    p.instances().forEach(sink);
    return new Result(p.totalCount(), p.instances().size(), 1);
  }

  public static Result all(
      DswClient client,
      ListInstancesQuery query,
      Options o,
      Consumer<Instance> sink,
      Progress progress,
      Consumer<String> warn) {
    return all(client, query, o, null, sink, new Listener(progress, warn));
  }

  /**
   * As above, handing on only instances that pass {@code keep} (a client-side filter; null keeps
   * all). The limit counts kept instances, so with a filter pages are read until it is reached.
   */
  public static Result all(
      DswClient client,
      ListInstancesQuery query,
      Options o,
      Predicate<Instance> keep,
      Consumer<Instance> sink,
      Listener listener) {
    return all(client, query, o, keep, sink, listener, Limit.of(o.limit()));
  }

  /**
   * As above, counting against {@code limit}, which other calls may share (the parts of a long ID
   * list): what it has left, not {@code o}'s limit, decides how many are handed on.
   */
  public static Result all(
      DswClient client,
      ListInstancesQuery query,
      Options o,
      Predicate<Instance> keep,
      Consumer<Instance> sink,
      Listener listener,
      Limit limit) {
    Progress progress = listener.progress();
    State s = new State(sink, limit, keep);
    Options plan = plan(o, keep);
    InstancePage first = client.listInstances(query.page(1, o.pageSize()));
    long total = first.totalCount();
    checkFirst(first, o);
    int pages = pagesFor(Math.min(total, MAX_TOTAL_COUNT), plan);
    // when page 1 cannot reach the limit, its rows are handed on once the next pages are asked for
    InstancePage unwritten = pages > 1 && limit.room(first.instances().size()) ? first : null;
    if (unwritten == null) {
      s.accept(first);
    }
    int mostPages = pages + slackPages(pages);
    progress.update(1, pages);
    if (pages <= 1 || s.full()) {
      checkAddsUp(total, s);
      return new Result(total, s.emitted, 1);
    }
    long maxTotal = total;
    long minTotal = total;
    InFlight flight = new InFlight(client, query, o, pages);
    int write = 2; // pages before this one are written
    try {
      while (write <= pages && !s.full()) {
        flight.fill(pages, write);
        if (unwritten != null) {
          s.accept(unwritten); // written while the next pages are on their way
          unwritten = null;
        }
        flight.awaitAny(s.emitted);
        for (Future<InstancePage> f = flight.fetched.get(write);
            f != null && f.isDone() && !s.full();
            f = flight.fetched.get(write)) {
          flight.fetched.remove(write);
          InstancePage p = await(f, write, pages, s.emitted);
          maxTotal = Math.max(maxTotal, p.totalCount());
          minTotal = Math.min(minTotal, p.totalCount());
          long before = s.unique();
          s.accept(p);
          checkAdded(s, before, p, write, o.pageSize());
          write++;
          int needed = pagesFor(Math.min(maxTotal, MAX_TOTAL_COUNT), plan);
          checkGrowth(needed > mostPages, total, maxTotal, write - 1, s.unique());
          if (needed > pages) {
            pages = needed; // the fleet grew: later items moved to pages we had not planned
          }
          progress.update(write - 1, pages);
        }
      }
    } finally {
      flight.cancel();
    }
    if (minTotal == total && maxTotal == total) {
      checkAddsUp(total, s);
    }
    warnIfChanged(listener, minTotal, maxTotal, total);
    return new Result(total, s.emitted, write - 1);
  }

  /**
   * Page 1's count is what says how many pages there are: beyond what dsw lists without --limit,
   * negative, or 0 beside instances, it cannot be believed (red team, issue #31).
   */
  private static void checkFirst(InstancePage first, Options o) {
    long total = first.totalCount();
    if (total > MAX_TOTAL_COUNT && o.limit() == 0) {
      throw new MalformedResponseException(
          "TotalCount "
              + total
              + " is beyond the "
              + MAX_TOTAL_COUNT
              + " instances dsw lists; narrow the filters or bound the run with --limit",
          null,
          null);
    }
    if (total < 0 || (total == 0 && !first.instances().isEmpty())) {
      // the count is what says how many pages there are: without a believable one, page 1 would
      // pass for the whole fleet (red team, issue #31)
      throw new IncompleteResultException(
          "TotalCount is "
              + total
              + " but page 1 holds "
              + first.instances().size()
              + " instances; the service's count cannot be trusted, so how many pages there are is"
              + " unknown",
          null);
    }
  }

  /** With a filter, the limit cannot say how many pages hold enough matches: plan for them all. */
  private static Options plan(Options o, Predicate<Instance> keep) {
    return keep == null ? o : new Options(o.pageSize(), o.concurrency(), 0);
  }

  /**
   * The pages in flight. They are requested as slots free up, in any order, and written in page
   * order: a page that is slow to come back holds up the writing, not the requests behind it, as
   * long as no more than twice --concurrency pages wait to be written.
   */
  private static final class InFlight {
    final Map<Integer, Future<InstancePage>> fetched = new HashMap<>();
    private final BlockingQueue<Integer> finished = new LinkedBlockingQueue<>();
    private final DswClient client;
    private final ListInstancesQuery query;
    private final Options o;
    private final ExecutorService pool;
    private int running;
    private int next = 2;

    InFlight(DswClient client, ListInstancesQuery query, Options o, int pages) {
      this.client = client;
      this.query = query;
      this.o = o;
      this.pool = pool(Math.min(o.concurrency(), pages - 1));
    }

    /** Asks for the next pages while a slot is free and not too many wait to be written. */
    void fill(int pages, int write) {
      while (next <= pages && running < o.concurrency() && next - write < 2 * o.concurrency()) {
        int n = next++;
        FutureTask<InstancePage> task =
            new FutureTask<>(() -> client.listInstances(query.page(n, o.pageSize()))) {
              @Override
              protected void done() {
                finished.add(n);
              }
            };
        fetched.put(n, task);
        pool.execute(task);
        running++;
      }
    }

    /** Waits until one more page has come back (or failed). */
    void awaitAny(long emitted) {
      take(finished, emitted);
      running--;
    }

    void cancel() {
      fetched.values().forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(
        Math.max(1, threads),
        r -> {
          Thread t = new Thread(r, "dsw-page");
          t.setDaemon(true);
          return t;
        });
  }

  /** A page that added no instance though the count says more exist: the rest never arrive. */
  private static void checkAdded(State s, long before, InstancePage p, int write, int pageSize) {
    if (s.unique() == before && !s.full() && p.totalCount() > (long) (write - 1) * pageSize) {
      throw new IncompleteResultException(
          "page "
              + write
              + " added no new instance though TotalCount is "
              + p.totalCount()
              + "; "
              + s.unique()
              + " listed, the rest never arrived",
          null);
    }
  }

  /** A fleet that grew beyond the slack planned for while it was listed. */
  private static void checkGrowth(
      boolean beyond, long total, long maxTotal, int written, long unique) {
    if (beyond) {
      throw new IncompleteResultException(
          "the fleet kept growing while listing (TotalCount "
              + total
              + " then "
              + maxTotal
              + "); stopped after "
              + written
              + " pages with "
              + unique
              + " instances",
          null);
    }
  }

  private static void warnIfChanged(Listener listener, long minTotal, long maxTotal, long total) {
    if (minTotal != total || maxTotal != total) {
      listener
          .warn()
          .accept(
              "the fleet changed while listing (TotalCount "
                  + minTotal
                  + ".."
                  + maxTotal
                  + "); instances created or deleted meanwhile may be missing; rerun to be sure");
    }
  }

  /**
   * The service's count held steady, yet its pages did not add up to it: short, empty or
   * overlapping pages, or one ID twice. A subset never passes for the whole (exit 3).
   */
  private static void checkAddsUp(long total, State s) {
    if (s.full() || s.unique() == total) {
      return;
    }
    if (s.unique() > total) {
      throw new IncompleteResultException(
          "the pages held "
              + s.unique()
              + " distinct instances but TotalCount is only "
              + total
              + "; the service's count cannot be trusted, so more pages may exist",
          null);
    }
    throw new IncompleteResultException(
        "the pages held "
            + s.unique()
            + " distinct instances but TotalCount is "
            + total
            + " ("
            + (total - s.unique())
            + " missing"
            + (s.duplicates > 0 ? ", " + s.duplicates + " repeated IDs" : "")
            + ")",
        null);
  }

  private static int pagesFor(long total, Options o) {
    long wanted = o.limit() > 0 ? Math.min(total, o.limit()) : total;
    return (int) Math.max(1, (wanted + o.pageSize() - 1) / o.pageSize());
  }

  /** Waits for the next request to end, however it ended. */
  private static void take(BlockingQueue<Integer> finished, long emitted) {
    try {
      finished.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IncompleteResultException("interrupted after " + emitted + " instances", e);
    }
  }

  private static InstancePage await(Future<InstancePage> f, int page, int pages, long emitted) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (emitted > 0) {
        throw new IncompleteResultException(
            "page "
                + page
                + " of "
                + pages
                + " failed after retries ("
                + cause.getMessage()
                + "); only "
                + emitted
                + " instances were listed",
            cause);
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException | CancellationException e) {
      Thread.currentThread().interrupt();
      throw new IncompleteResultException("interrupted after " + emitted + " instances", e);
    }
  }

  /** The sink side: de-duplication by InstanceId and the --limit. */
  private static final class State {
    private final Consumer<Instance> sink;
    private final Limit limit;
    private final Predicate<Instance> keep;
    private final Set<String> seen = new HashSet<>();
    long emitted;
    long duplicates;

    State(Consumer<Instance> sink, Limit limit, Predicate<Instance> keep) {
      this.sink = sink;
      this.limit = limit;
      this.keep = keep;
    }

    void accept(InstancePage page) {
      for (Instance i : page.instances()) {
        if (full()) {
          return;
        }
        if (!seen.add(i.id())) {
          duplicates++;
        } else if ((keep == null || keep.test(i)) && limit.take()) {
          sink.accept(i);
          emitted++;
        }
      }
    }

    /** Distinct instances fetched, whether or not the filter kept them. */
    long unique() {
      return seen.size();
    }

    boolean full() {
      return limit.reached();
    }
  }
}
