package dev.dsw.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The MetricType values of GetInstanceMetrics (get-instance-metrics.md §2.3), spelled as on the
 * wire, each with the short name dsw's flags take and the column prefix it shows under.
 */
public enum MetricType {
  GpuCoreUsage("gpu", "GPU", true, true),
  GpuMemoryUsage("gpu-memory", "GPU_MEM", true, true),
  CpuCoreUsage("cpu", "CPU", false, true),
  MemoryUsage("memory", "MEM", false, true),
  NetworkInputRate("network-in", "NET_IN", false, false),
  NetworkOutputRate("network-out", "NET_OUT", false, false),
  DiskReadRate("disk-read", "DISK_READ", false, false),
  DiskWriteRate("disk-write", "DISK_WRITE", false, false);

  private final String shortName;
  private final String column;
  private final boolean gpu;
  private final boolean percent;

  MetricType(String shortName, String column, boolean gpu, boolean percent) {
    this.shortName = shortName;
    this.column = column;
    this.gpu = gpu;
    this.percent = percent;
  }

  /** The name dsw's --metrics takes: gpu, gpu-memory, cpu, memory, network-in… */
  public String shortName() {
    return shortName;
  }

  /** The prefix of its columns: GPU_AVG, GPU_MEM_P95, CPU_MAX… */
  public String column() {
    return column;
  }

  /** Whether only GPU instances have it (GpuCoreUsage, GpuMemoryUsage). */
  public boolean gpuOnly() {
    return gpu;
  }

  /** Whether its values are percentages (the four usages); the rates' unit is not documented. */
  public boolean percent() {
    return percent;
  }

  /** The type a user wrote: the short name or the wire name, any case. */
  public static Optional<MetricType> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (MetricType m : values()) {
      if (m.shortName.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
