package dev.dsw.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One DSW instance. The raw JSON object is the source of truth, so every field the API sends,
 * known to dsw or not, survives to JSON output; the accessors are a typed view over it.
 */
public record Instance(ObjectNode raw) {

  public String id() {
    return text("InstanceId");
  }

  public String workspaceId() {
    return text("WorkspaceId");
  }

  /** Returns the node at a dotted path such as "RequestedResource.GPUType" or "Labels.0.Key", or null. */
  public JsonNode at(String dottedPath) {
    JsonNode n = raw;
    for (String part : dottedPath.split("\\.")) {
      if (n == null) {
        return null;
      }
      if (n.isArray() && part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
        n = n.get(Integer.parseInt(part));
      } else {
        n = n.get(part);
      }
    }
    return n;
  }

  /** Returns the text of a top-level or dotted field, or "" when absent or null. */
  public String text(String dottedPath) {
    JsonNode n = dottedPath.indexOf('.') < 0 ? raw.get(dottedPath) : at(dottedPath);
    return n == null || n.isNull() ? "" : n.asText();
  }
}
