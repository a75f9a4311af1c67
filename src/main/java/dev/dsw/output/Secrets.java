package dev.dsw.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks the sensitive fields of an instance (list-instances.md §4.4) in every format: ImageAuth,
 * the values of EnvironmentVariables, and any field named like a password, secret, token, auth
 * or AccessKey ID (CredentialConfig's UserInfo, ServiceConfig's passwords). Works on a copy.
 */
public final class Secrets {
  public static final String MASK = "***";
  private static final Pattern SENSITIVE = Pattern.compile(
      "(?i).*(password|secret|token|accesskeyid|auth|credential).*");
  /** Field names repeat across instances: each is matched once. */
  private static final java.util.Map<String, Boolean> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  private Secrets() {}

  /** True when a column reads a field path that could hold a secret, so rows must be masked first. */
  public static boolean anyMayReveal(java.util.List<Column> columns) {
    for (Column c : columns) {
      if (c.path() != null && (c.path().startsWith("EnvironmentVariables") || c.path().startsWith("CredentialConfig")
          || c.path().startsWith("ServiceConfig") || SENSITIVE.matcher(c.path()).matches())) {
        return true;
      }
    }
    return false;
  }

  public static ObjectNode masked(ObjectNode instance) {
    ObjectNode copy = instance.deepCopy();
    maskTree(copy, false);
    return copy;
  }

  private static void maskTree(JsonNode node, boolean allValues) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        if (allValuesBelow(key, v)) {
          maskTree(v, true);
        } else if (hides(key, v, allValues)) {
          e.setValue(o.textNode(MASK));
        } else if (v.isContainerNode()) {
          maskTree(v, allValues);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode child : a) {
        maskTree(child, allValues);
      }
    }
  }

  /** The one masking rule, for the copy and for the writer: a non-empty scalar under a sensitive name. */
  private static boolean hides(String key, JsonNode v, boolean allValues) {
    return (allValues || (sensitive(key) && !key.equals("CredentialConfig")))
        && v.isValueNode() && !v.isNull() && !v.isBoolean() && !v.asText().isEmpty();
  }

  /** Every value below this field is masked: the environment variables' values. */
  private static boolean allValuesBelow(String key, JsonNode v) {
    return key.equals("EnvironmentVariables") && v.isObject();
  }

  /** Whether a field name marks a secret (password, secret, token, AccessKeyId, auth, credential). */
  static boolean sensitive(String key) {
    return NAMES.computeIfAbsent(key, k -> SENSITIVE.matcher(k).matches());
  }

  /**
   * Writes an instance as JSON with the same masking as {@link #masked}, without copying it: what
   * -o json and -o jsonl do for every instance.
   */
  public static void writeMasked(com.fasterxml.jackson.core.JsonGenerator g, JsonNode node) throws java.io.IOException {
    write(g, node, false);
  }

  private static void write(com.fasterxml.jackson.core.JsonGenerator g, JsonNode node, boolean allValues)
      throws java.io.IOException {
    if (node instanceof ObjectNode o) {
      g.writeStartObject();
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        g.writeFieldName(key);
        if (allValuesBelow(key, v)) {
          write(g, v, true);
        } else if (hides(key, v, allValues)) {
          g.writeString(MASK);
        } else {
          write(g, v, allValues);
        }
      }
      g.writeEndObject();
    } else if (node instanceof ArrayNode a) {
      g.writeStartArray();
      for (JsonNode child : a) {
        write(g, child, allValues);
      }
      g.writeEndArray();
    } else {
      dev.dsw.model.JsonText.write(g, node);
    }
  }
}
