package dev.dsw.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Instance;
import dev.dsw.model.Measured;
import dev.dsw.model.MetricType;
import dev.dsw.model.Metrics;
import dev.dsw.model.Times;
import dev.dsw.output.Column.Kind;
import dev.dsw.output.Column.Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in columns, and field-path columns for anything else in the response. A name that is
 * not built in (case-insensitively) is read as a dotted path such as RequestedResource.GPUType.
 */
public final class InstanceColumns {
  /** Columns of -o table and of csv/tsv when --columns is not given. */
  public static final List<String> DEFAULT =
      List.of("ID", "NAME", "STATUS", "WORKSPACE", "GPU", "CPU", "MEMORY", "IMAGE", "OWNER", "AGE");

  /** Columns of -o wide. */
  public static final List<String> WIDE =
      List.of(
          "ID",
          "NAME",
          "STATUS",
          "WORKSPACE",
          "GPU",
          "CPU",
          "MEMORY",
          "IMAGE",
          "OWNER",
          "AGE",
          "PAYMENT",
          "ACCESS",
          "SPEC",
          "RESOURCE",
          "IDLE",
          "CREATED");

  /** Patterns used on every row, compiled once. */
  private static final java.util.regex.Pattern VENDOR =
      java.util.regex.Pattern.compile("(?i)^(nvidia|tesla)[ -]+");

  /**
   * GPU models as shortGpu writes them: a fleet has a handful, and the regular expressions run once
   * each.
   */
  private static final Map<String, String> SHORT_GPU =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final String RESOURCES = "RequestedResource";
  private static final String CULLER = "IdleInstanceCuller";

  private final Map<String, Column> builtIn = new LinkedHashMap<>();
  private final Map<String, Column> groups = new LinkedHashMap<>();

  /** How summary --by groups by the built-in columns that group. */
  private static final Map<String, Column.Group> GROUPS =
      Map.of(
          "STATUS",
          new Column.Group("status", "Status", i -> i.text("Status"), v -> v),
          "WORKSPACE",
          new Column.Group("workspace", "Workspace", InstanceColumns::workspace, v -> v),
          "OWNER",
          new Column.Group("owner", "Owner", InstanceColumns::owner, v -> v),
          "PAYMENT",
          new Column.Group("payment-type", "PaymentType", i -> i.text("PaymentType"), v -> v),
          "REGION",
          new Column.Group("region", "Region", i -> i.text("RegionId"), v -> v),
          "GPU_TYPE",
          new Column.Group(
              "gpu-type",
              "GPUType",
              i -> i.text("RequestedResource.GPUType"),
              InstanceColumns::shortGpu),
          "ACCELERATOR",
          new Column.Group(
              "accelerator-type", "AcceleratorType", i -> i.text("AcceleratorType"), v -> v));

  private final Map<String, String> descriptions = new LinkedHashMap<>();

  public InstanceColumns(Clock clock) {
    addDefaults(clock);
    addWide();
    addState();
    addMeasured();
  }

  /** The columns of -o table: which instance, its state, resources, owner and age. */
  private void addDefaults(Clock clock) {
    add(
        "ID",
        null,
        "instance ID (InstanceId)",
        Set.of("InstanceId"),
        i -> i.text("InstanceId"),
        Table.WHOLE.stays(Table.ALWAYS).paint(Column.Paint.LINK));
    add(
        "NAME",
        null,
        "instance name",
        Set.of("InstanceName"),
        i -> i.text("InstanceName"),
        Table.CUT.floor(16).stays(18));
    add(
        "STATUS",
        Kind.STATUS,
        "status",
        Set.of("Status"),
        i -> i.text("Status"),
        Table.WHOLE.stays(17).paint(Column.Paint.STATUS));
    add(
        "WORKSPACE",
        null,
        "workspace name, else ID",
        Set.of("WorkspaceName", "WorkspaceId"),
        InstanceColumns::workspace,
        Table.CUT.stays(9));
    add(
        "GPU",
        Kind.GPUS,
        "GPUs and model, e.g. 2×A10",
        Set.of(RESOURCES),
        InstanceColumns::gpu,
        Table.WHOLE.stays(16));
    add(
        "CPU",
        Kind.NUMBER,
        "requested vCPUs",
        Set.of(RESOURCES),
        i -> i.text("RequestedResource.CPU"),
        Table.WHOLE.stays(11));
    add(
        "MEMORY",
        Kind.QUANTITY,
        "requested memory",
        Set.of(RESOURCES),
        i -> memory(i.text("RequestedResource.Memory")),
        Table.WHOLE.stays(12));
    add(
        "IMAGE",
        null,
        "image name",
        Set.of("ImageName"),
        i -> i.text("ImageName"),
        Table.CUT.stays(0));
    add(
        "OWNER",
        null,
        "owner name, else user ID",
        Set.of("UserName", "UserId"),
        InstanceColumns::owner,
        Table.CUT.stays(8));
    add(
        "AGE",
        Kind.DURATION,
        "time since creation, e.g. 3d",
        Set.of("GmtCreateTime"),
        i -> age(i.text("GmtCreateTime"), clock),
        Table.WHOLE.stays(13));
  }

  /** The columns -o wide adds, and those any --columns may name. */
  private void addWide() {
    add(
        "GPU_TYPE",
        Kind.GPU_TYPE,
        "GPU model, e.g. A10 (RequestedResource.GPUType as people say it)",
        Set.of(RESOURCES),
        i -> shortGpu(i.text("RequestedResource.GPUType")),
        Table.CUT);
    add(
        "ACCELERATOR",
        null,
        "GPU or CPU (AcceleratorType)",
        Set.of("AcceleratorType"),
        i -> i.text("AcceleratorType"),
        Table.WHOLE);
    add(
        "PAYMENT",
        null,
        "PayAsYouGo or Subscription",
        Set.of("PaymentType"),
        i -> i.text("PaymentType"),
        Table.WHOLE.stays(3));
    add(
        "ACCESS",
        null,
        "PRIVATE or PUBLIC",
        Set.of("Accessibility"),
        i -> i.text("Accessibility"),
        Table.WHOLE.stays(4));
    add(
        "SPEC",
        null,
        "ECS instance type",
        Set.of("EcsSpec"),
        i -> i.text("EcsSpec"),
        Table.CUT.stays(1));
    add(
        "RESOURCE",
        null,
        "resource group ID",
        Set.of("ResourceId"),
        i -> i.text("ResourceId"),
        Table.CUT.stays(2));
  }

  /** The columns of time, idleness, cost and where an instance was listed from. */
  private void addState() {
    add(
        "IDLE",
        Kind.DURATION,
        "idle time the culler counted, e.g. 5h20m (IdleInstanceCuller)",
        Set.of(CULLER),
        InstanceColumns::cullerIdle,
        Table.WHOLE.stays(7));
    add(
        "CREATED",
        Kind.TIME,
        "creation time (UTC)",
        Set.of("GmtCreateTime"),
        i -> i.text("GmtCreateTime"),
        Table.WHOLE.stays(5));
    add(
        "REGION",
        null,
        "region, when listing several (RegionId)",
        Set.of("RegionId"),
        i -> i.text("RegionId"),
        Table.WHOLE.stays(15));
    add(
        "PROFILE",
        null,
        "profile, when listing several (--profile a,b, --all-profiles)",
        Set.of("Profile"),
        i -> i.text("Profile"),
        Table.WHOLE);
    add(
        "ACCOUNT",
        null,
        "account ID of that profile (STS GetCallerIdentity)",
        Set.of("AccountId"),
        i -> i.text("AccountId"),
        Table.WHOLE);
    add(
        "IDLE_FOR",
        Kind.DURATION,
        "idle time, e.g. 3h20m (IdleInstanceCuller, or dsw idle's measured window)",
        Set.of(CULLER, Measured.IDLE),
        InstanceColumns::idleFor,
        Table.WHOLE.stays(14));
    add(
        "WASTE",
        Kind.NUMBER,
        "GPU-hours idle: GPUs × idle hours",
        Set.of(RESOURCES, CULLER, Measured.IDLE),
        i -> Metrics.tenths(Metrics.idleGpuHours(i)),
        Table.WHOLE.stays(10));
    add(
        "RUNTIME",
        Kind.DURATION,
        "accumulated running time in hours, e.g. 854.5h",
        Set.of("AccumulatedRunningTimeInMs"),
        InstanceColumns::runtime,
        Table.WHOLE.stays(6));
  }

  /**
   * The columns of what dsw top and dsw idle measured: per metric its average, p95 and maximum
   * (GPU_AVG, CPU_P95, GPU_MEM_MAX…), COVERAGE, and dsw idle's EVIDENCE and GUARD. A metric not
   * measured shows "-", one without a point "no data", one that failed "unknown": never 0 %.
   */
  private void addMeasured() {
    for (MetricType m : MetricType.values()) {
      String what = m.name() + (m.percent() ? " %" : "");
      add(
          m.column() + "_AVG",
          Kind.NUMBER,
          "average " + what,
          Set.of(Measured.USAGE),
          i -> stat(i, m, "Average"),
          Table.WHOLE);
      add(
          m.column() + "_P95",
          Kind.NUMBER,
          "95th percentile " + what,
          Set.of(Measured.USAGE),
          i -> stat(i, m, "P95"),
          Table.WHOLE);
      add(
          m.column() + "_MAX",
          Kind.NUMBER,
          "maximum " + what,
          Set.of(Measured.USAGE),
          i -> stat(i, m, "Max"),
          Table.WHOLE);
    }
    add(
        "COVERAGE",
        Kind.NUMBER,
        "share of the window with data (the least of the metrics measured)",
        Set.of(Measured.USAGE),
        InstanceColumns::coverage,
        Table.WHOLE);
    add(
        "EVIDENCE",
        null,
        "what found it idle: culler, usage or both (dsw idle)",
        Set.of(Measured.IDLE),
        i -> i.text("Idle.Evidence"),
        Table.WHOLE);
    add(
        "GUARD",
        null,
        "what would stop it: culler, timer, both or none (dsw idle)",
        Set.of(Measured.IDLE),
        i -> i.text("Idle.Guard"),
        Table.WHOLE);
  }

  /** A cell for a metric that was not measured. */
  public static final String NOT_MEASURED = "-";

  /** A cell for a metric measured without a single point in the window. */
  public static final String NO_DATA = "no data";

  /** A cell for a metric whose reading failed. */
  public static final String UNKNOWN = "unknown";

  static String stat(Instance i, MetricType m, String field) {
    JsonNode n = Measured.of(i, m);
    if (n == null) {
      return NOT_MEASURED;
    }
    if (n.has("Error")) {
      return UNKNOWN;
    }
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      return NO_DATA;
    }
    return Metrics.tenths(v.decimalValue()) + (m.percent() ? "%" : "");
  }

  static String coverage(Instance i) {
    JsonNode usage = i.raw().get(Measured.USAGE);
    BigDecimal least = null;
    for (MetricType m : MetricType.values()) {
      JsonNode n = usage == null ? null : usage.get(m.name());
      if (n == null) {
        continue;
      }
      if (n.has("Error")) {
        return UNKNOWN;
      }
      BigDecimal c = n.path("Coverage").decimalValue();
      least = least == null || c.compareTo(least) < 0 ? c : least;
    }
    return least == null ? NOT_MEASURED : Metrics.tenths(least) + "%";
  }

  private void add(
      String name,
      Kind kind,
      String description,
      Set<String> fields,
      Function<Instance, String> cell,
      Table table) {
    add(new Column(name, cell, table, null, fields, kind, GROUPS.get(name)), description);
  }

  /**
   * Adds a column: its header, cell, kind (how --where and --sort-column compare it) and group (how
   * summary --by groups by it) are the one entry; the table, --where, --sort-column and summary
   * read them from here.
   */
  public void add(Column column, String description) {
    builtIn.put(column.header(), column);
    descriptions.put(column.header(), description);
    if (column.group() != null) {
      groups.put(column.group().flag(), column);
    }
  }

  /** What summary --by takes, by its name: the columns that group. */
  public Map<String, Column> groups() {
    return java.util.Collections.unmodifiableMap(groups);
  }

  /** Built-in column names with a short description each, for --columns help and completion. */
  public Map<String, String> describe() {
    return descriptions;
  }

  /**
   * Resolves names to columns: a built-in column (any case), or a field path of the API whose top
   * field is one the API sends (InstanceName, RequestedResource.GPU, Labels.team: paths into
   * objects and maps stay open). Anything else is an {@link Unknown}, with a suggestion.
   */
  public List<Column> resolve(List<String> names) {
    List<Column> out = new ArrayList<>();
    for (String name : names) {
      Column c = builtIn.get(name.toUpperCase(Locale.ROOT));
      if (c == null) {
        checkPath(name);
      }
      out.add(
          c != null
              ? c
              : new Column(
                  name,
                  i -> cell(i.at(name)),
                  Table.CUT,
                  name,
                  Set.of(name.split("\\.", 2)[0]),
                  Kind.ofPath(name),
                  null));
    }
    return out;
  }

  /** A column name that is neither built in nor a path into the API's instance. */
  public static final class Unknown extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Unknown(String message) {
      super(message);
    }
  }

  private void checkPath(String name) {
    String[] parts = name.split("\\.", -1);
    boolean known = dev.dsw.model.Fields.TOP.contains(parts[0]);
    boolean whole = java.util.Arrays.stream(parts).noneMatch(String::isEmpty);
    if (known && whole) {
      return;
    }
    if (known) {
      throw new Unknown("column '" + name + "' has an empty part; write e.g. Labels.team");
    }
    String suggestion = nearest(parts[0]);
    throw new Unknown(
        "unknown column '"
            + name
            + "'"
            + (suggestion == null ? "" : "; did you mean " + suggestion + "?")
            + " ('--columns help' lists them; API fields such as InstanceName work too)");
  }

  /** The built-in column or top API field nearest to a mistyped name, if one is close. */
  private String nearest(String name) {
    java.util.Set<String> candidates = new java.util.LinkedHashSet<>(builtIn.keySet());
    candidates.addAll(dev.dsw.model.Fields.TOP);
    return dev.dsw.model.Spelling.nearest(name, candidates).orElse(null);
  }

  /**
   * Renders a JSON node as a cell: scalars as text, objects and arrays as compact JSON, null as
   * empty.
   */
  public static String cell(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "";
    }
    return n.isValueNode() ? n.asText() : dev.dsw.model.JsonText.toString(n);
  }

  /** The running time as dsw writes it everywhere ({@link Metrics#hours}); empty when not sent. */
  static String runtime(Instance i) {
    return i.text("AccumulatedRunningTimeInMs").isEmpty()
        ? ""
        : Metrics.hours(Metrics.runningHours(i));
  }

  /** The culler's idle minutes as a duration (5h20m), the way IDLE_FOR writes it; as sent else. */
  static String cullerIdle(Instance i) {
    return minutes(i.text("IdleInstanceCuller.IdleTimeInMinutes"));
  }

  /** A count of minutes as the duration dsw writes (320 → 5h20m); anything else as sent. */
  static String minutes(String minutes) {
    return isCount(minutes) || minutes.equals("0")
        ? Times.format(Duration.ofMinutes(Long.parseLong(minutes)))
        : minutes;
  }

  static String idleFor(Instance i) {
    return i.text("IdleInstanceCuller.IdleTimeInMinutes").isEmpty() && !i.raw().has(Measured.IDLE)
        ? ""
        : Times.format(Metrics.idle(i));
  }

  /** GPUs and model, the one way dsw writes them (2×A10, 0.5×GPU); "-" for none. */
  public static String gpu(Instance i) {
    String count = i.text("RequestedResource.GPU");
    String type = i.text("RequestedResource.GPUType");
    if (isCount(count)) { // the usual "1", "8": as BigDecimal would write them
      return count + "×" + (type.isEmpty() ? "GPU" : shortGpu(type));
    }
    BigDecimal n;
    try {
      n = count.isEmpty() ? BigDecimal.ZERO : new BigDecimal(count);
    } catch (NumberFormatException e) {
      return count + (type.isEmpty() ? "" : "×" + shortGpu(type));
    }
    if (n.signum() == 0) {
      return "-";
    }
    return n.stripTrailingZeros().toPlainString() + "×" + (type.isEmpty() ? "GPU" : shortGpu(type));
  }

  /**
   * Digits without a leading zero, and not too many for a count: a whole number of GPUs above zero.
   */
  private static boolean isCount(String s) {
    return plainNumber(s) && s.length() <= 9 && s.charAt(0) != '0' && s.indexOf('.') < 0;
  }

  /** "NVIDIA A10" → "A10", "Tesla-V100-16G" → "V100-16G". */
  public static String shortGpu(String type) {
    String known = SHORT_GPU.get(type);
    if (known != null) {
      return known;
    }
    String s = VENDOR.matcher(VENDOR.matcher(type).replaceFirst("")).replaceFirst("");
    if (SHORT_GPU.size() < 1024) {
      SHORT_GPU.put(type, s);
    }
    return s;
  }

  /**
   * Memory in GB, the unit of --min-memory and --where, read by {@link dev.dsw.model.Memory}:
   * "32G", "0.5G".
   */
  static String memory(String m) {
    return plainNumber(m) ? m + "G" : dev.dsw.model.Memory.display(m);
  }

  /** Whether s is digits, or digits, a point and digits (ASCII only). */
  static boolean plainNumber(String s) {
    int point = s.indexOf('.');
    return point < 0
        ? digits(s, 0, s.length())
        : digits(s, 0, point) && digits(s, point + 1, s.length());
  }

  /** Whether s[from, to) is one or more ASCII digits. */
  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int k = from; k < to; k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Age like kubectl prints it: 45s, 12m, 5h, 3d, 2y. */
  static String age(String created, Clock clock) {
    if (created.isEmpty()) {
      return "";
    }
    Instant t = Times.absolute(created).orElse(null); // read as --where reads time cells
    if (t == null) {
      return "?";
    }
    Duration d = Duration.between(t, clock.instant());
    if (d.isNegative()) {
      return "0s";
    }
    long s = d.getSeconds();
    if (s < 120) {
      return s + "s";
    }
    if (s < 2 * 3600) {
      return s / 60 + "m";
    }
    if (s < 48 * 3600) {
      return s / 3600 + "h";
    }
    if (s < 730L * 86400) {
      return s / 86400 + "d";
    }
    return s / (365L * 86400) + "y";
  }

  /** The workspace's name, else its ID. */
  static String workspace(Instance i) {
    return firstNonEmpty(i.text("WorkspaceName"), i.text("WorkspaceId"));
  }

  /** The owner's name, else the user ID. */
  static String owner(Instance i) {
    return firstNonEmpty(i.text("UserName"), i.text("UserId"));
  }

  private static String firstNonEmpty(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  /** Writes the list of built-in columns and what else --columns takes ({@code --columns help}). */
  public void printHelp(java.io.PrintStream out) {
    out.println("Built-in columns (case-insensitive):");
    for (Map.Entry<String, String> e : describe().entrySet()) {
      out.printf("  %-10s %s%n", e.getKey(), e.getValue());
    }
    out.println(
        "Any other name is a field path in the API response, e.g. InstanceId,"
            + " RequestedResource.GPUType,");
    out.println(
        "Labels, IdleInstanceCuller.IdleTimeInMinutes, Datasets.0.Uri; objects and arrays print as"
            + " compact JSON.");
    out.flush();
  }
}
