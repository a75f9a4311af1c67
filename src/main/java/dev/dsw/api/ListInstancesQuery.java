package dev.dsw.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A ListInstances question in human units (cores, GPUs, GB, instants). {@link #toParameters()}
 * converts to the wire: thousandths of a core or GPU, JSON for Labels and Tag, comma lists, UTC
 * seconds. Built through {@link Builder}, which refuses what the service must never be sent.
 */
public final class ListInstancesQuery {
  private final Builder b;

  /** Only {@link Builder#build()} makes one: the builder is the one list of the components. */
  private ListInstancesQuery(Builder checked) {
    this.b = checked.copy();
  }

  public Integer pageNumber() {
    return b.pageNumber;
  }

  public Integer pageSize() {
    return b.pageSize;
  }

  /** A builder holding this query's components, to change some of them. */
  public Builder toBuilder() {
    return b.copy();
  }

  public static final int MAX_LABELS = 4;
  private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ISO_INSTANT;

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The most instance IDs one request names: 100 IDs of dsw's 20 characters keep the query near 2
   * KB, well inside what the gateway takes (about 1,500 made it answer 414 URI Too Long).
   */
  public static final int IDS_PER_REQUEST = 100;

  /**
   * The same question split so that each request names at most {@link #IDS_PER_REQUEST} instance
   * IDs; this query alone when it names fewer (or none).
   */
  public List<ListInstancesQuery> splitByIds() {
    List<String> ids = b.instanceIds.stream().distinct().toList();
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

  /** The same question for one page. */
  public ListInstancesQuery page(Integer number, Integer size) {
    return toBuilder().page(number, size).build();
  }

  /**
   * Returns the query parameters exactly as the service reads them (decoded; the signer encodes).
   */
  public SortedMap<String, String> toParameters() {
    SortedMap<String, String> p = new TreeMap<>();
    put(p, "WorkspaceId", b.workspaceId);
    put(p, "InstanceName", b.instanceName);
    put(p, "ResourceId", b.resourceId);
    if (!b.statuses.isEmpty()) {
      p.put(
          "Status",
          b.statuses.stream().map(Enum::name).distinct().collect(Collectors.joining(",")));
    }
    put(p, "PaymentType", b.paymentType == null ? null : b.paymentType.name());
    put(p, "Accessibility", b.accessibility == null ? null : b.accessibility.name());
    put(p, "AcceleratorType", b.acceleratorType == null ? null : b.acceleratorType.name());
    if (!b.instanceIds.isEmpty()) {
      p.put("InstanceId", b.instanceIds.stream().distinct().collect(Collectors.joining(",")));
    }
    if (!b.labels.isEmpty()) {
      ObjectNode o = JsonText.NODES.objectNode();
      b.labels.forEach(o::put);
      p.put("Labels", json(o));
    }
    if (!b.tags.isEmpty()) {
      ArrayNode a = JsonText.NODES.arrayNode();
      b.tags.forEach(t -> a.addObject().put("Key", t.getKey()).put("Value", t.getValue()));
      p.put("Tag", json(a));
    }
    put(p, "CreateUserId", b.createUserId);
    put(p, "GpuType", b.gpuType);
    put(p, "MinCpu", thousandths(b.minCpu));
    put(p, "MaxCpu", thousandths(b.maxCpu));
    put(p, "MinGpu", thousandths(b.minGpu));
    put(p, "MaxGpu", thousandths(b.maxGpu));
    put(p, "MinMemory", b.minMemory == null ? null : b.minMemory.toString());
    put(p, "MaxMemory", b.maxMemory == null ? null : b.maxMemory.toString());
    put(p, "MinGpuMemory", b.minGpuMemory == null ? null : b.minGpuMemory.toString());
    put(p, "MaxGpuMemory", b.maxGpuMemory == null ? null : b.maxGpuMemory.toString());
    put(p, "ImageName", b.imageName);
    put(p, "OversoldInfo", b.oversoldInfo);
    put(p, "OversoldType", b.oversoldType);
    put(
        p,
        "CreateTimeAfter",
        b.createdAfter == null
            ? null
            : WIRE_TIME.format(b.createdAfter.truncatedTo(ChronoUnit.SECONDS)));
    put(
        p,
        "CreateTimeBefore",
        b.createdBefore == null
            ? null
            : WIRE_TIME.format(b.createdBefore.truncatedTo(ChronoUnit.SECONDS)));
    // SortBy and Order always travel together, so the b.order never depends on a server default.
    if (b.sortBy != null || b.order != null) {
      p.put("SortBy", (b.sortBy == null ? SortField.GmtCreateTime : b.sortBy).name());
      p.put("Order", (b.order == null ? SortOrder.DESC : b.order).name());
    }
    put(p, "PageNumber", b.pageNumber == null ? null : b.pageNumber.toString());
    put(p, "PageSize", b.pageSize == null ? null : b.pageSize.toString());
    return p;
  }

  private static void put(Map<String, String> p, String name, String value) {
    if (value != null) {
      p.put(name, value);
    }
  }

  private static String thousandths(BigDecimal units) {
    return units == null
        ? null
        : units.movePointRight(3).stripTrailingZeros().toBigIntegerExact().toString();
  }

  private static String json(JsonNode node) {
    return JsonText.toString(node);
  }

  /** Collects the filters; {@link #build()} refuses impossible or unsendable combinations. */
  public static final class Builder {
    private String workspaceId;
    private String instanceName;
    private String resourceId;
    private List<InstanceStatus> statuses = List.of();
    private PaymentType paymentType;
    private Accessibility accessibility;
    private AcceleratorType acceleratorType;
    private List<String> instanceIds = List.of();
    private Map<String, String> labels = Map.of();
    private List<Map.Entry<String, String>> tags = List.of();
    private String createUserId;
    private String gpuType;
    private BigDecimal minCpu;
    private BigDecimal maxCpu;
    private BigDecimal minGpu;
    private BigDecimal maxGpu;
    private Long minMemory;
    private Long maxMemory;
    private Long minGpuMemory;
    private Long maxGpuMemory;
    private String imageName;
    private String oversoldInfo;
    private String oversoldType;
    private Instant createdAfter;
    private Instant createdBefore;
    private SortField sortBy;
    private SortOrder order;
    private Integer pageNumber;
    private Integer pageSize;

    public Builder workspaceId(String v) {
      workspaceId = v;
      return this;
    }

    public Builder instanceName(String v) {
      instanceName = v;
      return this;
    }

    public Builder resourceId(String v) {
      resourceId = v;
      return this;
    }

    public Builder statuses(List<InstanceStatus> v) {
      statuses = v == null ? List.of() : List.copyOf(v);
      return this;
    }

    public Builder paymentType(PaymentType v) {
      paymentType = v;
      return this;
    }

    public Builder accessibility(Accessibility v) {
      accessibility = v;
      return this;
    }

    public Builder acceleratorType(AcceleratorType v) {
      acceleratorType = v;
      return this;
    }

    public Builder instanceIds(List<String> v) {
      instanceIds = v == null ? List.of() : List.copyOf(v);
      return this;
    }

    public Builder labels(Map<String, String> v) {
      labels = v == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v));
      return this;
    }

    public Builder tags(List<Map.Entry<String, String>> v) {
      tags = v == null ? List.of() : List.copyOf(v);
      return this;
    }

    public Builder createUserId(String v) {
      createUserId = v;
      return this;
    }

    public Builder gpuType(String v) {
      gpuType = v;
      return this;
    }

    public Builder cpu(BigDecimal min, BigDecimal max) {
      minCpu = min;
      maxCpu = max;
      return this;
    }

    public Builder gpu(BigDecimal min, BigDecimal max) {
      minGpu = min;
      maxGpu = max;
      return this;
    }

    public Builder memory(Long min, Long max) {
      minMemory = min;
      maxMemory = max;
      return this;
    }

    public Builder gpuMemory(Long min, Long max) {
      minGpuMemory = min;
      maxGpuMemory = max;
      return this;
    }

    public Builder imageName(String v) {
      imageName = v;
      return this;
    }

    public Builder oversoldInfo(String v) {
      oversoldInfo = v;
      return this;
    }

    public Builder oversoldType(String v) {
      oversoldType = v;
      return this;
    }

    public Builder created(Instant after, Instant before) {
      createdAfter = after;
      createdBefore = before;
      return this;
    }

    public Builder sort(SortField by, SortOrder o) {
      sortBy = by;
      order = o;
      return this;
    }

    public Builder page(Integer number, Integer size) {
      pageNumber = number;
      pageSize = size;
      return this;
    }

    public ListInstancesQuery build() {
      if (labels.size() > MAX_LABELS) {
        throw new InvalidQueryException(
            "at most " + MAX_LABELS + " --label filters are allowed (got " + labels.size() + ")");
      }
      range("--min-cpu", minCpu, "--max-cpu", maxCpu, true);
      range("--min-gpu", minGpu, "--max-gpu", maxGpu, true);
      range("--min-memory", dec(minMemory), "--max-memory", dec(maxMemory), false);
      range("--min-gpu-memory", dec(minGpuMemory), "--max-gpu-memory", dec(maxGpuMemory), false);
      if (createdAfter != null && createdBefore != null && createdAfter.isAfter(createdBefore)) {
        throw new InvalidQueryException(
            "--created-after ("
                + createdAfter
                + ") is later than --created-before ("
                + createdBefore
                + ")");
      }
      if (pageNumber != null && pageNumber < 1) {
        throw new InvalidQueryException("--page must be 1 or more (got " + pageNumber + ")");
      }
      if (pageSize != null && pageSize < 1) {
        throw new InvalidQueryException("--page-size must be 1 or more (got " + pageSize + ")");
      }
      return new ListInstancesQuery(this);
    }

    /** A field-by-field copy: a built query never shares its builder. */
    private Builder copy() {
      Builder c = new Builder();
      c.workspaceId = workspaceId;
      c.instanceName = instanceName;
      c.resourceId = resourceId;
      c.statuses = statuses;
      c.paymentType = paymentType;
      c.accessibility = accessibility;
      c.acceleratorType = acceleratorType;
      c.instanceIds = instanceIds;
      c.labels = labels;
      c.tags = tags;
      c.createUserId = createUserId;
      c.gpuType = gpuType;
      c.minCpu = minCpu;
      c.maxCpu = maxCpu;
      c.minGpu = minGpu;
      c.maxGpu = maxGpu;
      c.minMemory = minMemory;
      c.maxMemory = maxMemory;
      c.minGpuMemory = minGpuMemory;
      c.maxGpuMemory = maxGpuMemory;
      c.imageName = imageName;
      c.oversoldInfo = oversoldInfo;
      c.oversoldType = oversoldType;
      c.createdAfter = createdAfter;
      c.createdBefore = createdBefore;
      c.sortBy = sortBy;
      c.order = order;
      c.pageNumber = pageNumber;
      c.pageSize = pageSize;
      return c;
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
