package dev.dsw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * QueryAutoShutdownPolicies (get-lifecycle.md §2): {@code PUT
 * /api/v2/batch/autoshutdownpolicies/query} with {@code {"InstanceIds": [...]}}. An instance's
 * policy is its {@code EmulatorAutoShutdownPolicy} field (a list of conditions, each {@code
 * {"Expression", "SourceType", "Context"}}); an instance without one, or an unknown ID, is left out
 * of the answer. A body that is not that object, or more than 100 IDs, is a 400 ValidationError.
 */
final class AutoShutdownPoliciesRoute {
  static final String PATH = "/api/v2/batch/autoshutdownpolicies/query";
  static final String FIELD = "EmulatorAutoShutdownPolicy";
  static final int MAX_IDS = 100;

  private AutoShutdownPoliciesRoute() {}

  /** The answer for this body over this fleet, or a ValidationError. */
  static ObjectNode answer(String requestId, byte[] body, List<ObjectNode> fleet)
      throws ValidationError {
    JsonNode request;
    try {
      request = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new ValidationError("the body is not JSON");
    }
    JsonNode ids = request == null ? null : request.get("InstanceIds");
    if (ids == null || !ids.isArray()) {
      throw new ValidationError("InstanceIds is required and must be an array");
    }
    if (ids.size() > MAX_IDS) {
      throw new ValidationError("at most " + MAX_IDS + " InstanceIds are allowed");
    }
    Map<String, ObjectNode> byId = new HashMap<>();
    for (ObjectNode i : fleet) {
      byId.put(i.path("InstanceId").asText(), i);
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("RequestId", requestId);
    ArrayNode policies = out.putArray("AutoShutdownPolicies");
    for (JsonNode id : ids) {
      ObjectNode i = byId.get(id.asText());
      JsonNode conditions = i == null ? null : i.get(FIELD);
      if (conditions != null && conditions.isArray() && !conditions.isEmpty()) {
        ObjectNode p = policies.addObject();
        p.put("InstanceId", id.asText());
        p.set("Conditions", conditions.deepCopy());
      }
    }
    return out;
  }

  /** Serves one call: the latency, then signed like ListInstances with the body's hash. */
  static int serve(Gateway gateway, Gateway.Call call, String path, List<ObjectNode> fleet)
      throws java.io.IOException {
    gateway.pause();
    try {
      gateway.authenticate(call, "PUT", path, "QueryAutoShutdownPolicies");
    } catch (GatewayError e) {
      return Gateway.refuse(call.ex(), call.requestId(), e);
    }
    try {
      return Gateway.send(
          call.ex(), 200, answer(call.requestId(), call.body(), fleet), call.requestId());
    } catch (ValidationError e) {
      return Gateway.invalid(call, e);
    }
  }
}
