package dev.dsw.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.AcceleratorType;
import dev.dsw.model.Accessibility;
import dev.dsw.model.InstanceStatus;
import dev.dsw.model.JsonText;
import dev.dsw.model.PaymentType;
import dev.dsw.model.SortField;
import dev.dsw.model.SortOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A ListInstances question in human units (cores, GPUs, GB, instants), held as the parameters the
 * service reads: each setter of {@link Builder} names its wire parameter and converts to it once
 * (thousandths of a core or GPU, JSON for Labels and Tag, comma lists, UTC seconds), and refuses
 * what the service must never be sent. A component is written in one place, its setter.
 */
public final class ListInstancesQuery {
  public static final int MAX_LABELS = 4;

  /**
   * The most instance IDs one request names: 100 IDs of dsw's 20 characters keep the query near 2
   * KB, well inside what the gateway takes (about 1,500 made it answer 414 URI Too Long).
   */
  public static final int IDS_PER_REQUEST = 100;

  private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ISO_INSTANT;

  private final SortedMap<String, String> wire;

  private ListInstancesQuery(SortedMap<String, String> wire) {
    this.wire = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(wire));
  }

  public static Builder builder() {
    return new Builder(new TreeMap<>());
  }

  /** A builder holding this query's parameters, to change some of them. */
  public Builder toBuilder() {
    return new Builder(new TreeMap<>(wire));
  }

  public Integer pageNumber() {
    return number("PageNumber");
  }

  public Integer pageSize() {
    return number("PageSize");
  }

  private Integer number(String name) {
    String v = wire.get(name);
    return v == null ? null : Integer.valueOf(v);
  }

  /** The same question for one page. */
  public ListInstancesQuery page(Integer number, Integer size) {
    return toBuilder().page(number, size).build();
  }

  /**
   * The same question split so that each request names at most {@link #IDS_PER_REQUEST} instance
   * IDs; this query alone when it names fewer (or none).
   */
  public List<ListInstancesQuery> splitByIds() {
    String named = wire.get("InstanceId");
    List<String> ids = named == null ? List.of() : Arrays.asList(named.split(","));
    if (ids.size() <= IDS_PER_REQUEST) {
      return List.of(this);
    }
    List<ListInstancesQuery> parts = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i += IDS_PER_REQUEST) {
      parts.add(
          toBuilder()
              .instanceIds(ids.subList(i, Math.min(ids.size(), i + IDS_PER_REQUEST)))
              .build());
    }
    return parts;
  }

  /**
   * Returns the query parameters exactly as the service reads them (decoded; the signer encodes).
   */
  public SortedMap<String, String> toParameters() {
    return new TreeMap<>(wire);
  }

  /** The parameters that select instances: all of them but paging and order. */
  public SortedMap<String, String> filters() {
    SortedMap<String, String> f = toParameters();
    f.keySet().removeAll(java.util.Set.of("PageNumber", "PageSize", "SortBy", "Order"));
    return f;
  }

  /** Sets the filters; each refuses at once what cannot be sent. */
  public static final class Builder {
    private final SortedMap<String, String> wire;

    private Builder(SortedMap<String, String> wire) {
      this.wire = wire;
    }

    /** Sets a parameter, or removes it for null. */
    private Builder put(String name, String value) {
      if (value == null) {
        wire.remove(name);
      } else {
        wire.put(name, value);
      }
      return this;
    }

    public Builder workspaceId(String v) {
      return put("WorkspaceId", v);
    }

    public Builder instanceName(String v) {
      return put("InstanceName", v);
    }

    public Builder resourceId(String v) {
      return put("ResourceId", v);
    }

    public Builder statuses(List<InstanceStatus> v) {
      return put("Status", list(v == null ? List.of() : v.stream().map(Enum::name).toList()));
    }

    public Builder paymentType(PaymentType v) {
      return put("PaymentType", v == null ? null : v.name());
    }

    public Builder accessibility(Accessibility v) {
      return put("Accessibility", v == null ? null : v.name());
    }

    public Builder acceleratorType(AcceleratorType v) {
      return put("AcceleratorType", v == null ? null : v.name());
    }

    public Builder instanceIds(List<String> v) {
      return put("InstanceId", list(v == null ? List.of() : v));
    }

    /** Labels as one JSON object; at most {@link #MAX_LABELS}. */
    public Builder labels(Map<String, String> v) {
      if (v != null && v.size() > MAX_LABELS) {
        throw new InvalidQueryException(
            "at most " + MAX_LABELS + " --label filters are allowed (got " + v.size() + ")");
      }
      if (v == null || v.isEmpty()) {
        return put("Labels", null);
      }
      ObjectNode o = JsonText.NODES.objectNode();
      v.forEach(o::put);
      return put("Labels", JsonText.toString(o));
    }

    /** Tags as a JSON array of {Key, Value}. */
    public Builder tags(List<Map.Entry<String, String>> v) {
      if (v == null || v.isEmpty()) {
        return put("Tag", null);
      }
      ArrayNode a = JsonText.NODES.arrayNode();
      v.forEach(t -> a.addObject().put("Key", t.getKey()).put("Value", t.getValue()));
      return put("Tag", JsonText.toString(a));
    }

    public Builder createUserId(String v) {
      return put("CreateUserId", v);
    }

    public Builder gpuType(String v) {
      return put("GpuType", v);
    }

    /** Cores, sent in thousandths. */
    public Builder cpu(BigDecimal min, BigDecimal max) {
      range("--min-cpu", min, "--max-cpu", max, true);
      return put("MinCpu", thousandths(min)).put("MaxCpu", thousandths(max));
    }

    /** GPUs, sent in thousandths. */
    public Builder gpu(BigDecimal min, BigDecimal max) {
      range("--min-gpu", min, "--max-gpu", max, true);
      return put("MinGpu", thousandths(min)).put("MaxGpu", thousandths(max));
    }

    /** Memory in GB. */
    public Builder memory(Long min, Long max) {
      range("--min-memory", dec(min), "--max-memory", dec(max), false);
      return put("MinMemory", text(min)).put("MaxMemory", text(max));
    }

    /** GPU memory in GB. */
    public Builder gpuMemory(Long min, Long max) {
      range("--min-gpu-memory", dec(min), "--max-gpu-memory", dec(max), false);
      return put("MinGpuMemory", text(min)).put("MaxGpuMemory", text(max));
    }

    public Builder imageName(String v) {
      return put("ImageName", v);
    }

    public Builder oversoldInfo(String v) {
      return put("OversoldInfo", v);
    }

    public Builder oversoldType(String v) {
      return put("OversoldType", v);
    }

    /** Creation-time bounds, sent in UTC to the second. */
    public Builder created(Instant after, Instant before) {
      if (after != null && before != null && after.isAfter(before)) {
        throw new InvalidQueryException(
            "--created-after (" + after + ") is later than --created-before (" + before + ")");
      }
      return put("CreateTimeAfter", time(after)).put("CreateTimeBefore", time(before));
    }

    /** SortBy and Order always travel together, so the order never depends on a server default. */
    public Builder sort(SortField by, SortOrder o) {
      boolean any = by != null || o != null;
      return put("SortBy", any ? (by == null ? SortField.GmtCreateTime : by).name() : null)
          .put("Order", any ? (o == null ? SortOrder.DESC : o).name() : null);
    }

    public Builder page(Integer number, Integer size) {
      if (number != null && number < 1) {
        throw new InvalidQueryException("--page must be 1 or more (got " + number + ")");
      }
      if (size != null && size < 1) {
        throw new InvalidQueryException("--page-size must be 1 or more (got " + size + ")");
      }
      return put("PageNumber", text(number)).put("PageSize", text(size));
    }

    public ListInstancesQuery build() {
      return new ListInstancesQuery(wire);
    }

    /** Distinct values, comma-joined; null for none. */
    private static String list(List<String> values) {
      return values.isEmpty() ? null : values.stream().distinct().collect(Collectors.joining(","));
    }

    private static String text(Object v) {
      return v == null ? null : v.toString();
    }

    private static String time(Instant t) {
      return t == null ? null : WIRE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String thousandths(BigDecimal units) {
      return units == null
          ? null
          : units.movePointRight(3).stripTrailingZeros().toBigIntegerExact().toString();
    }

    private static BigDecimal dec(Long v) {
      return v == null ? null : BigDecimal.valueOf(v);
    }

    private static void range(
        String minName, BigDecimal min, String maxName, BigDecimal max, boolean thousandths) {
      for (Object[] f : new Object[][] {{minName, min}, {maxName, max}}) {
        BigDecimal v = (BigDecimal) f[1];
        if (v == null) {
          continue;
        }
        if (v.signum() < 0) {
          throw new InvalidQueryException(
              f[0] + " must not be negative (got " + v.toPlainString() + ")");
        }
        if (thousandths && v.stripTrailingZeros().scale() > 3) {
          throw new InvalidQueryException(
              f[0]
                  + " takes at most 3 decimals, as the API counts thousandths (got "
                  + v.toPlainString()
                  + ")");
        }
        if (v.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
          throw new InvalidQueryException(f[0] + " " + v.toPlainString() + " is too large");
        }
      }
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw new InvalidQueryException(
            minName
                + " ("
                + min.toPlainString()
                + ") is greater than "
                + maxName
                + " ("
                + max.toPlainString()
                + ")");
      }
    }
  }
}
