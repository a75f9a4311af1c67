package dev.dsw.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one metric of one instance says over a window: average, p95, maximum and coverage, computed
 * from the points GetInstanceMetrics returned. The rules (README, "What top and idle measure"):
 *
 * <ul>
 *   <li>Several pods (a restart makes a new one) are merged by time; where two pods have a point at
 *       the same second the larger value counts: an instance is as busy as its busiest pod.
 *   <li>Only points inside the window count, both ends included.
 *   <li>p95 is the nearest rank: the smallest value with at least 95 % of the points at or below
 *       it.
 *   <li>Coverage is the share of the window the points stand for: points × their interval ÷ the
 *       window, at most 100 %. The interval is the points' usual spacing (the most common gap
 *       between two of them), which is the step asked for when the service honours it; with a
 *       single point, the step.
 *   <li>No point at all is no data: there is no average, and never a 0 %.
 * </ul>
 *
 * @param points how many points counted
 * @param average the mean, or null without points
 * @param p95 the 95th percentile (nearest rank), or null
 * @param max the largest value, or null
 * @param coverage the share of the window with data, 0–100
 */
public record Utilisation(int points, Double average, Double p95, Double max, double coverage) {
  /** No point in the window. */
  public static final Utilisation NO_DATA = new Utilisation(0, null, null, null, 0);

  public boolean hasData() {
    return points > 0;
  }

  /**
   * The statistics of these pods' points (epoch second → value) inside [start, end], whose points
   * were asked for every {@code step}.
   */
  public static Utilisation of(
      List<NavigableMap<Long, Double>> pods, Instant start, Instant end, Duration step) {
    NavigableMap<Long, Double> merged = merge(pods, start, end);
    if (merged.isEmpty()) {
      return NO_DATA;
    }
    double[] values = new double[merged.size()];
    int k = 0;
    double sum = 0;
    for (double v : merged.values()) {
      values[k++] = v;
      sum += v;
    }
    Arrays.sort(values);
    double p95 = values[(int) Math.ceil(0.95 * values.length) - 1];
    double window = Math.max(1, Duration.between(start, end).toSeconds());
    long gap = usualGap(merged);
    double interval = gap > 0 ? gap : step.toSeconds();
    double coverage = Math.min(100.0, 100.0 * values.length * interval / window);
    return new Utilisation(
        values.length, sum / values.length, p95, values[values.length - 1], coverage);
  }

  /** The pods' points inside [start, end] by time, the larger value where two share a second. */
  static NavigableMap<Long, Double> merge(
      List<NavigableMap<Long, Double>> pods, Instant start, Instant end) {
    NavigableMap<Long, Double> merged = new TreeMap<>();
    for (NavigableMap<Long, Double> pod : pods) {
      for (Map.Entry<Long, Double> p :
          pod.subMap(start.getEpochSecond(), true, end.getEpochSecond(), true).entrySet()) {
        if (p.getValue() != null && Double.isFinite(p.getValue())) {
          merged.merge(p.getKey(), p.getValue(), Math::max);
        }
      }
    }
    return merged;
  }

  /**
   * The points' usual spacing: the most common gap between two consecutive points (the smaller on a
   * tie), in seconds; 0 for fewer than two points. A stretch without data changes a few gaps, not
   * the most common one.
   */
  private static long usualGap(NavigableMap<Long, Double> points) {
    Map<Long, Integer> counts = new java.util.HashMap<>();
    Long previous = null;
    for (long t : points.keySet()) {
      if (previous != null) {
        counts.merge(t - previous, 1, Integer::sum);
      }
      previous = t;
    }
    long best = 0;
    int most = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      if (e.getValue() > most || (e.getValue() == most && e.getKey() < best)) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }
}
