package dev.dsw.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.http.ApiRequest;
import dev.dsw.http.HttpResponse;
import dev.dsw.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * QueryAutoShutdownPolicies (get-lifecycle.md §2): the workspace-level auto-shutdown rules that
 * ListInstances does not show, for a batch of instances. {@code PUT
 * /api/v2/batch/autoshutdownpolicies/query} with the body {@code {"InstanceIds": [...]}}, V3-signed
 * with the body's SHA-256 and content type. The batch size limit is not documented; dsw sends 50
 * IDs a call.
 */
public final class AutoShutdownPolicies {
  static final String PATH = "/api/v2/batch/autoshutdownpolicies/query";
  static final String ACTION = "QueryAutoShutdownPolicies";

  /** IDs per call: the limit is unknown (get-lifecycle.md), 50 is the spec's choice. */
  public static final int BATCH = 50;

  /** One condition of a policy: its expression and where it was set (e.g. Workspace). */
  public record Condition(String expression, String sourceType) {
    @Override
    public String toString() {
      return (sourceType.isEmpty() ? "" : sourceType + ": ") + expression;
    }
  }

  private AutoShutdownPolicies() {}

  /** The requests for these IDs, BATCH to a call. */
  static List<ApiRequest> requests(String baseUrl, List<String> ids) {
    List<ApiRequest> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      ArrayNode array = body.putArray("InstanceIds");
      ids.subList(i, Math.min(ids.size(), i + BATCH)).forEach(array::add);
      byte[] bytes;
      try {
        bytes = Json.MAPPER.writeValueAsBytes(body);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e); // a tree of strings always writes
      }
      out.add(
          new ApiRequest(
              baseUrl, PATH, ACTION, HttpDswClient.VERSION, new TreeMap<>(), "PUT", bytes));
    }
    return out;
  }

  /** Reads one answer: instance ID → its conditions (instances without a policy are absent). */
  static Map<String, List<Condition>> decode(HttpResponse r) {
    JsonNode root = HttpDswClient.checkedRoot(r);
    JsonNode policies = root.get("AutoShutdownPolicies");
    String requestId = root.path("RequestId").asText(null);
    if (policies == null || policies.isNull()) {
      return Map.of();
    }
    if (!policies.isArray()) {
      throw new MalformedResponseException(
          "AutoShutdownPolicies in the response is not an array", requestId, null);
    }
    Map<String, List<Condition>> out = new LinkedHashMap<>();
    for (JsonNode p : policies) {
      String id = p.path("InstanceId").asText("");
      if (id.isEmpty()) {
        continue;
      }
      List<Condition> conditions = new ArrayList<>();
      for (JsonNode c : p.path("Conditions")) {
        String expression = c.path("Expression").asText("");
        if (!expression.isEmpty()) {
          conditions.add(new Condition(expression, c.path("SourceType").asText("")));
        }
      }
      if (!conditions.isEmpty()) {
        out.computeIfAbsent(id, k -> new ArrayList<>()).addAll(conditions);
      }
    }
    return out;
  }
}
