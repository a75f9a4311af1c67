package dev.dsw.api;

import dev.dsw.model.MetricType;
import dev.dsw.model.Utilisation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures many instances: one GetInstanceMetrics task per instance and metric, at most {@code
 * concurrency} in flight, each retried by the transport as any call is. A task that fails still
 * leaves the others to finish; once the service refuses metrics outright (HTTP 401 or 403, a
 * credential problem) the tasks not yet sent are given the same failure instead of being sent.
 */
public final class Measurements {
  /** One instance to measure: its region ("" for the one region), its ID, the metrics wanted. */
  public record Job(String region, String instanceId, List<MetricType> metrics) {}

  /** What one metric of one instance gave: its statistics, or why there are none. */
  public record Outcome(Utilisation usage, RuntimeException failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  /** Hears the tasks done out of all tasks, and the end. */
  public interface Listener {
    default void progress(int done, int total) {}

    default void finished() {}
  }

  private Measurements() {}

  /**
   * Measures each job's metrics over [start, end] at {@code step}; the outcomes come in the jobs'
   * order, each by metric.
   */
  public static List<Map<MetricType, Outcome>> measure(
      Fleet.Clients clients,
      List<Job> jobs,
      Instant start,
      Instant end,
      Duration step,
      int concurrency,
      Listener listener) {
    List<Map<MetricType, Outcome>> out = new ArrayList<>(jobs.size());
    List<Task> tasks = new ArrayList<>();
    for (Job job : jobs) {
      Map<MetricType, Outcome> outcomes = new EnumMap<>(MetricType.class);
      out.add(outcomes);
      for (MetricType m : job.metrics()) {
        tasks.add(new Task(job, m, outcomes));
      }
      if (!job.metrics().isEmpty()) {
        clientFor(clients, job.region()); // credentials and clients are built here, once each
      }
    }
    if (tasks.isEmpty()) {
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, tasks.size())),
            r -> {
              Thread t = new Thread(r, "dsw-metrics");
              t.setDaemon(true);
              return t;
            });
    AtomicInteger done = new AtomicInteger();
    AtomicReference<RuntimeException> refused = new AtomicReference<>();
    List<Future<?>> futures = new ArrayList<>(tasks.size());
    try {
      for (Task task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  Outcome o = refused.get() != null ? new Outcome(null, refused.get()) : null;
                  if (o == null) {
                    o = task.run(clientFor(clients, task.job.region()), start, end, step);
                    if (o.failed() && refusal(o.failure())) {
                      refused.compareAndSet(null, o.failure());
                    }
                  }
                  synchronized (task.outcomes) {
                    task.outcomes.put(task.metric, o);
                  }
                  synchronized (listener) { // counts reach the terminal in order
                    listener.progress(done.incrementAndGet(), tasks.size());
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException("interrupted while reading metrics", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
      listener.finished();
    }
    return out;
  }

  private static DswClient clientFor(Fleet.Clients clients, String region) {
    return region.isEmpty() ? clients.client() : clients.client(region);
  }

  /** The service will not give metrics to these credentials: asking again is pointless. */
  private static boolean refusal(RuntimeException e) {
    return e instanceof ApiException a && (a.status() == 401 || a.status() == 403);
  }

  private record Task(Job job, MetricType metric, Map<MetricType, Outcome> outcomes) {
    Outcome run(DswClient client, Instant start, Instant end, Duration step) {
      try {
        InstanceMetrics.Series s =
            client.instanceMetrics(job.instanceId(), metric, start, end, step);
        return new Outcome(
            Utilisation.of(new ArrayList<>(s.pods().values()), start, end, step), null);
      } catch (RuntimeException e) {
        return new Outcome(null, e);
      }
    }
  }
}
