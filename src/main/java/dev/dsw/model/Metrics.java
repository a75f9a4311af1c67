package dev.dsw.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Numbers read off an instance for summaries and the idle report. The API sends resources as
 * strings ("4", "0.5", "32", "8Gi", "512Mi"), so each reader is lenient and absent or unreadable
 * values count as zero.
 */
public final class Metrics {
  private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(3_600_000);

  private Metrics() {}

  /** Requested vCPUs. */
  public static BigDecimal cpus(Instance i) {
    return number(i.text("RequestedResource.CPU"));
  }

  /** Requested GPUs (may be fractional for shared GPUs). */
  public static BigDecimal gpus(Instance i) {
    return number(i.text("RequestedResource.GPU"));
  }

  /** Requested memory in GB, read by {@link Memory}; unreadable counts as zero. */
  public static BigDecimal memoryGb(Instance i) {
    return Memory.gigabytes(i.text("RequestedResource.Memory")).orElse(BigDecimal.ZERO);
  }

  /** AccumulatedRunningTimeInMs in hours. */
  public static BigDecimal runningHours(Instance i) {
    return number(i.text("AccumulatedRunningTimeInMs"))
        .divide(MS_PER_HOUR, 6, RoundingMode.HALF_UP);
  }

  /**
   * The most minutes a duration read off an instance holds: about 1.9 million years. A larger value
   * (a server sending 10^18) saturates here instead of overflowing every sum made of it.
   */
  static final long MAX_MINUTES = 1_000_000_000_000L;

  /**
   * How long the instance has been idle, or zero; saturates: what dsw idle found ({@link
   * Measured#IDLE}), else what IdleInstanceCuller says.
   */
  public static Duration idle(Instance i) {
    String measured = i.text("Idle.Minutes");
    BigDecimal m =
        number(measured.isEmpty() ? i.text("IdleInstanceCuller.IdleTimeInMinutes") : measured);
    return Duration.ofMinutes(
        m.signum() <= 0 ? 0 : m.min(BigDecimal.valueOf(MAX_MINUTES)).longValue());
  }

  /** GPU-hours spent idle so far: GPUs × idle hours, the idle report's sort key. */
  public static BigDecimal idleGpuHours(Instance i) {
    return gpus(i)
        .multiply(BigDecimal.valueOf(idle(i).toMinutes()))
        .divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP);
  }

  /**
   * What would stop the instance by itself: "culler" (an IdleInstanceCuller), "timer" (an
   * InstanceShutdownTimer), "both", or "none". A workspace auto-shutdown policy is not on the
   * instance (QueryAutoShutdownPolicies reads it; dsw audit does).
   */
  public static String guard(Instance i) {
    com.fasterxml.jackson.databind.JsonNode culler = i.raw().path("IdleInstanceCuller");
    boolean culled = culler.isObject() && !culler.isEmpty();
    com.fasterxml.jackson.databind.JsonNode timer = i.raw().path("InstanceShutdownTimer");
    boolean timed = timer.isObject() && !timer.isEmpty();
    return culled && timed ? "both" : culled ? "culler" : timed ? "timer" : "none";
  }

  /**
   * A measured figure for display, always with one decimal, so a column of them lines up and never
   * mixes 10905 with 24253.9: 96.0, 0.5, 1234.6 (GPU-hours, percentages).
   */
  public static String tenths(BigDecimal n) {
    return n.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * Accumulated running time, the one way dsw writes it (list, get, summary): hours with one
   * decimal and an h, which the duration parser reads back (--where RUNTIME>100h): 854.5h.
   */
  public static String hours(BigDecimal hours) {
    return tenths(hours) + "h";
  }

  /** A count or size for display: at most one decimal, no trailing zeros (12, 0.5, 1234.6). */
  public static String display(BigDecimal n) {
    BigDecimal r = n.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
  }

  /** A count of cores or GPUs as the API sends it ("4", "0.5"); empty or unreadable is zero. */
  public static BigDecimal number(String text) {
    if (text.isEmpty()) {
      return BigDecimal.ZERO;
    }
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }
}
