package dev.dsw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ListEcsSpecs (list-ecs-specs.md §6): {@code GET /api/v2/ecsspecs}. The catalogue is every ECS
 * spec of the fleet it serves (InstanceType, AcceleratorType, CPU, GPU, GPUType as the instances
 * spell it, Memory), with a made-up list price. AcceleratorType is required (400 ValidationError
 * without it); PageNumber and PageSize page it (PageSize at most 100, default 10) with TotalCount;
 * SortBy, Order and ResourceType are ignored.
 */
final class EcsSpecsRoute {
  static final String PATH = "/api/v2/ecsspecs";

  private EcsSpecsRoute() {}

  static ObjectNode answer(String requestId, Map<String, String> query, List<ObjectNode> fleet)
      throws ValidationError {
    String type = query.getOrDefault("AcceleratorType", "");
    if (!type.equals("GPU") && !type.equals("CPU")) {
      throw new ValidationError(
          type.isEmpty()
              ? "AcceleratorType is mandatory for this action."
              : "AcceleratorType " + type + " is not valid.");
    }
    int page = number(query, "PageNumber", 1, Integer.MAX_VALUE);
    int size = number(query, "PageSize", 10, 100);
    Map<String, ObjectNode> catalogue = new TreeMap<>();
    for (ObjectNode i : fleet) {
      String spec = i.path("EcsSpec").asText("");
      JsonNode res = i.path("RequestedResource");
      boolean gpu = dev.dsw.model.Metrics.number(res.path("GPU").asText("")).signum() > 0;
      if (spec.isEmpty() || gpu != type.equals("GPU") || catalogue.containsKey(spec)) {
        continue;
      }
      ObjectNode s = Json.MAPPER.createObjectNode();
      s.put("InstanceType", spec);
      s.put("AcceleratorType", type);
      s.put("CPU", res.path("CPU").asLong(0));
      s.put("GPU", res.path("GPU").asLong(0));
      s.put("GPUType", res.path("GPUType").asText(""));
      s.put(
          "Memory",
          dev.dsw.model.Memory.gigabytes(res.path("Memory").asText(""))
              .orElse(java.math.BigDecimal.ZERO)
              .doubleValue());
      s.put(
          "Price",
          Math.round((0.5 * res.path("CPU").asLong(0) + 9.5 * res.path("GPU").asLong(0)) * 100)
              / 100.0);
      s.put("Currency", "CNY");
      s.put("IsAvailable", true);
      catalogue.put(spec, s);
    }
    ObjectNode out = Gateway.success(requestId);
    out.put("TotalCount", catalogue.size());
    ArrayNode specs = out.putArray("EcsSpecs");
    catalogue.values().stream().skip((long) (page - 1) * size).limit(size).forEach(specs::add);
    return out;
  }

  private static int number(Map<String, String> q, String name, int byDefault, int max)
      throws ValidationError {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return byDefault;
    }
    if (!v.matches("[0-9]{1,9}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > max) {
      throw new ValidationError(name + " " + v + " is not valid.");
    }
    return Integer.parseInt(v);
  }

  /** Serves one call: signed like ListInstances, faults and latency as for it. */
  static int serve(Gateway gateway, Gateway.Call call, String path, List<ObjectNode> fleet)
      throws java.io.IOException {
    Gateway.Fault faulted = gateway.admit(call, "GET", path, "ListEcsSpecs");
    if (faulted.status() != null) {
      return faulted.status();
    }
    try {
      return Gateway.send(
          call.ex(), 200, answer(call.requestId(), call.query(), fleet), call.requestId());
    } catch (ValidationError e) {
      return Gateway.invalid(call, e);
    }
  }
}
