package dev.dsw.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.http.ApiRequest;
import dev.dsw.http.HttpResponse;
import java.util.Set;
import java.util.TreeMap;

/**
 * ListEcsSpecs (list-ecs-specs.md): {@code GET /api/v2/ecsspecs} with AcceleratorType (required)
 * and PageNumber/PageSize; the answer's EcsSpecs[].GPUType are the GPU types the region offers.
 */
final class EcsSpecs {
  static final String PATH = "/api/v2/ecsspecs";
  static final String ACTION = "ListEcsSpecs";
  static final int PAGE_SIZE = 100;

  private EcsSpecs() {}

  static ApiRequest request(String baseUrl, int page) {
    TreeMap<String, String> q = new TreeMap<>();
    q.put("AcceleratorType", "GPU");
    q.put("PageNumber", Integer.toString(page));
    q.put("PageSize", Integer.toString(PAGE_SIZE));
    return new ApiRequest(baseUrl, PATH, ACTION, HttpDswClient.VERSION, q);
  }

  /** Adds one page's GPU types to {@code types}; returns the TotalCount the page reports. */
  static long decode(HttpResponse r, Set<String> types) {
    JsonNode root = HttpDswClient.checkedRoot(r);
    JsonNode specs = root.get("EcsSpecs");
    if (specs != null && !specs.isNull() && !specs.isArray()) {
      throw new MalformedResponseException(
          "EcsSpecs in the response is not an array", root.path("RequestId").asText(null), null);
    }
    if (specs != null) {
      for (JsonNode s : specs) {
        String type = s.path("GPUType").asText("").strip();
        if (!type.isEmpty()) {
          types.add(type);
        }
      }
    }
    return root.path("TotalCount").asLong(0);
  }
}
