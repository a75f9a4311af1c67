package dev.dsw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.AcceleratorType;
import dev.dsw.model.Accessibility;
import dev.dsw.model.InstanceStatus;
import dev.dsw.model.Json;
import dev.dsw.model.PaymentType;
import dev.dsw.model.SortField;
import dev.dsw.model.SortOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ListInstances semantics of docs/emulator.md: parameters validated as the service does, then
 * every given filter ANDed, sorted with ties by InstanceId, and paged. Empty values count as
 * absent.
 */
final class Selection {
  /**
   * The size suffix of a GPU type such as V100-16G; the size itself is read by {@link
   * dev.dsw.model.Memory}.
   */
  private static final Pattern GPU_SIZE =
      Pattern.compile("-(\\d+G(?:i|B)?)$", Pattern.CASE_INSENSITIVE);

  private static final String[][] GPU_MEMORY = {
    {"H100", "80"}, {"A100", "80"}, {"V100", "32"}, {"L20", "48"}, {"A10", "24"}, {"T4", "16"}
  };

  private final List<Predicate<JsonNode>> filters = new ArrayList<>();
  private final String sortField;
  private final boolean descending;
  final int pageNumber;
  final int pageSize;

  Selection(Map<String, String> params, String defaultWorkspace, int maxPageSize)
      throws ValidationError {
    Map<String, String> p = new LinkedHashMap<>();
    params.forEach(
        (k, v) -> {
          if (v != null && !v.isEmpty()) {
            p.put(k, v);
          }
        });
    String ws = p.get("WorkspaceId");
    if (ws == null) {
      filters.add(i -> defaultWorkspace.equals(text(i, "WorkspaceId")));
    } else if (!ws.equals("ALL")) {
      filters.add(i -> ws.equals(text(i, "WorkspaceId")));
    }
    String rg = p.get("ResourceId");
    if (rg == null) {
      filters.add(i -> "PayAsYouGo".equals(text(i, "PaymentType")));
    } else if (!rg.equals("ALL")) {
      filters.add(i -> rg.equals(text(i, "ResourceId")));
    }
    substring(p, "InstanceName", "InstanceName");
    substring(p, "ImageName", "ImageName");
    if (p.containsKey("Status")) {
      Set<String> wanted = new HashSet<>();
      for (String s : p.get("Status").split(",")) {
        wanted.add(enumValue("Status", s.trim(), InstanceStatus.class));
      }
      filters.add(i -> wanted.contains(text(i, "Status")));
    }
    if (p.containsKey("InstanceId")) {
      Set<String> ids = new HashSet<>(Arrays.asList(p.get("InstanceId").split("\\s*,\\s*")));
      filters.add(i -> ids.contains(text(i, "InstanceId")));
    }
    exact(p, "PaymentType", "PaymentType", PaymentType.class);
    exact(p, "Accessibility", "Accessibility", Accessibility.class);
    exact(p, "AcceleratorType", "AcceleratorType", AcceleratorType.class);
    exact(p, "CreateUserId", "UserId", null);
    exact(p, "GpuType", "RequestedResource.GPUType", null);
    exact(p, "OversoldInfo", "OversoldInfo", null);
    exact(p, "OversoldType", "OversoldType", null);
    ranges(p);
    labels(p.get("Labels"));
    tags(p.get("Tag"));

    String sortBy =
        p.containsKey("SortBy")
            ? enumValue("SortBy", p.get("SortBy"), SortField.class)
            : "GmtCreateTime";
    String dir =
        p.containsKey("Order") ? enumValue("Order", p.get("Order"), SortOrder.class) : "DESC";
    sortField = sortBy;
    descending = dir.equals("DESC");
    pageNumber = positive(p, "PageNumber", 1, Integer.MAX_VALUE);
    pageSize = positive(p, "PageSize", 10, maxPageSize);
  }

  /** The bounds on CPU, GPU and memory (in the API's units), and the creation-time window. */
  private void ranges(Map<String, String> p) throws ValidationError {
    bounds(
        p,
        "MinCpu",
        "MaxCpu",
        i -> dev.dsw.model.Metrics.number(text(i, "RequestedResource.CPU")).movePointRight(3));
    bounds(
        p,
        "MinGpu",
        "MaxGpu",
        i -> dev.dsw.model.Metrics.number(text(i, "RequestedResource.GPU")).movePointRight(3));
    bounds(
        p,
        "MinMemory",
        "MaxMemory",
        i ->
            dev.dsw.model.Memory.gigabytes(text(i, "RequestedResource.Memory"))
                .orElse(BigDecimal.ZERO));
    bounds(p, "MinGpuMemory", "MaxGpuMemory", Selection::gpuMemoryPerCard);
    Instant after = time(p, "CreateTimeAfter");
    Instant before = time(p, "CreateTimeBefore");
    if (after != null || before != null) {
      filters.add(
          i -> {
            Instant t = parseInstant(text(i, "GmtCreateTime"));
            return t != null
                && (after == null || !t.isBefore(after))
                && (before == null || !t.isAfter(before));
          });
    }
  }

  /**
   * A match with its sort key computed once (parsing times inside the comparator was the emulator's
   * hot spot).
   */
  private record Keyed(long key, String id, ObjectNode node) {}

  /**
   * Returns the matching instances in order (all pages): sort key, then InstanceId ascending in
   * both orders.
   */
  List<ObjectNode> select(List<ObjectNode> fleet) {
    List<Keyed> keyed = new ArrayList<>();
    for (ObjectNode i : fleet) {
      if (matches(i)) {
        long k =
            sortField.equals("Priority")
                ? i.path("Priority").asLong(0)
                : epochMillis(text(i, sortField));
        keyed.add(new Keyed(k, text(i, "InstanceId"), i));
      }
    }
    Comparator<Keyed> byKey = Comparator.comparingLong(Keyed::key);
    keyed.sort((descending ? byKey.reversed() : byKey).thenComparing(Keyed::id));
    List<ObjectNode> out = new ArrayList<>(keyed.size());
    keyed.forEach(k -> out.add(k.node()));
    return out;
  }

  boolean matches(JsonNode instance) {
    for (Predicate<JsonNode> f : filters) {
      if (!f.test(instance)) {
        return false;
      }
    }
    return true;
  }

  private void substring(Map<String, String> p, String param, String field) {
    String v = p.get(param);
    if (v != null) {
      filters.add(i -> text(i, field).contains(v));
    }
  }

  private <E extends Enum<E>> void exact(
      Map<String, String> p, String param, String field, Class<E> type) throws ValidationError {
    String v = p.get(param);
    if (v == null) {
      return;
    }
    String value = type == null ? v : enumValue(param, v, type);
    filters.add(i -> value.equals(text(i, field)));
  }

  private static <E extends Enum<E>> String enumValue(String param, String v, Class<E> type)
      throws ValidationError {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return v;
      }
    }
    throw new ValidationError(
        "Invalid "
            + param
            + ": '"
            + v
            + "'; allowed values: "
            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
  }

  private void bounds(
      Map<String, String> p,
      String minName,
      String maxName,
      java.util.function.Function<JsonNode, BigDecimal> value)
      throws ValidationError {
    BigDecimal min = number(p, minName);
    BigDecimal max = number(p, maxName);
    if (min == null && max == null) {
      return;
    }
    filters.add(
        i -> {
          BigDecimal v = value.apply(i);
          return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
        });
  }

  private static BigDecimal number(Map<String, String> p, String name) throws ValidationError {
    String v = p.get(name);
    if (v == null) {
      return null;
    }
    if (!v.matches("\\d{1,15}")) {
      throw new ValidationError("Invalid " + name + ": '" + v + "' is not a non-negative integer");
    }
    return new BigDecimal(v);
  }

  private static int positive(Map<String, String> p, String name, int dflt, int max)
      throws ValidationError {
    String v = p.get(name);
    if (v == null) {
      return dflt;
    }
    if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < 1) {
      throw new ValidationError("Invalid " + name + ": '" + v + "' must be a positive integer");
    }
    int n = Integer.parseInt(v);
    if (n > max) {
      throw new ValidationError(
          "Invalid " + name + ": " + n + " is larger than the maximum " + max);
    }
    return n;
  }

  private static Instant time(Map<String, String> p, String name) throws ValidationError {
    String v = p.get(name);
    if (v == null) {
      return null;
    }
    Instant t = parseInstant(v);
    if (t == null) {
      throw new ValidationError(
          "Invalid " + name + ": '" + v + "' is not an ISO-8601 time like 2024-01-12T14:36:01Z");
    }
    return t;
  }

  private void labels(String json) throws ValidationError {
    if (json == null) {
      return;
    }
    JsonNode n = parseJson("Labels", json);
    if (!n.isObject()) {
      throw new ValidationError("Invalid Labels: expected a JSON object of string values");
    }
    if (n.size() > 4) {
      throw new ValidationError("Invalid Labels: at most 4 labels are allowed");
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new ValidationError(
            "Invalid Labels: the value of '" + e.getKey() + "' is not a string");
      }
      wanted.put(e.getKey(), e.getValue().asText());
    }
    filters.add(
        i -> wanted.entrySet().stream().allMatch(w -> hasPair(i.get("Labels"), "Key", "Value", w)));
  }

  private void tags(String json) throws ValidationError {
    if (json == null) {
      return;
    }
    JsonNode n = parseJson("Tag", json);
    if (!n.isArray()) {
      throw new ValidationError(
          "Invalid Tag: expected a JSON array of {\"Key\",\"Value\"} objects");
    }
    List<Map.Entry<String, String>> wanted = new ArrayList<>();
    for (JsonNode t : n) {
      if (!t.isObject()
          || !t.path("Key").isTextual()
          || (t.has("Value") && !t.get("Value").isTextual())) {
        throw new ValidationError("Invalid Tag: each item needs a string Key and Value");
      }
      wanted.add(Map.entry(t.get("Key").asText(), t.path("Value").asText("")));
    }
    filters.add(
        i -> wanted.stream().allMatch(w -> hasPair(i.get("Tags"), "TagKey", "TagValue", w)));
  }

  private static JsonNode parseJson(String name, String json) throws ValidationError {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new ValidationError("Invalid " + name + ": not valid JSON");
    }
  }

  private static boolean hasPair(
      JsonNode list, String keyField, String valueField, Map.Entry<String, String> want) {
    if (list == null || !list.isArray()) {
      return false;
    }
    for (JsonNode item : list) {
      if (want.getKey().equals(item.path(keyField).asText(null))
          && want.getValue().equals(item.path(valueField).asText(""))) {
        return true;
      }
    }
    return false;
  }

  /**
   * GB per card: a trailing size in the type (-16G, -80G) wins, else the model as a whole word;
   * CPU-only is 0.
   */
  static BigDecimal gpuMemoryPerCard(JsonNode i) {
    String type = text(i, "RequestedResource.GPUType");
    if (type.isEmpty()
        || dev.dsw.model.Metrics.number(text(i, "RequestedResource.GPU")).signum() == 0) {
      return BigDecimal.ZERO;
    }
    Matcher m = GPU_SIZE.matcher(type);
    if (m.find()) {
      return dev.dsw.model.Memory.gigabytes(m.group(1)).orElse(BigDecimal.ZERO);
    }
    for (String[] model : GPU_MEMORY) {
      if (Pattern.compile("(?i)(^|[^A-Za-z0-9])" + model[0] + "($|[^A-Za-z0-9])")
          .matcher(type)
          .find()) {
        return new BigDecimal(model[1]);
      }
    }
    return BigDecimal.ZERO;
  }

  static String text(JsonNode n, String path) {
    JsonNode cur = n;
    for (String part : path.split("\\.")) {
      cur = cur == null ? null : cur.get(part);
    }
    return cur == null || cur.isNull() ? "" : cur.asText();
  }

  private static Instant parseInstant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long epochMillis(String s) {
    Instant t = parseInstant(s);
    return t == null ? Long.MIN_VALUE : t.toEpochMilli();
  }
}
