package dev.dsw.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One DSW instance. The raw JSON object is the source of truth, so every field the API sends, known
 * to dsw or not, survives to JSON output; the accessors are a typed view over it.
 *
 * <p>A listing that prints whole instances reads each page once: {@code json} is then the whole
 * instance as compact JSON (masked unless the user asked for secrets), written while the page was
 * read, and {@code raw} keeps only the fields the listing filters or sorts on. Otherwise {@code
 * json} is null. Formatters never ask which: {@link #writeTo}, {@link #writeCompact} and {@link
 * #whole} hide the two forms (docs/benchmarks.md, Volume, shows what the pre-rendered one saves).
 */
public record Instance(ObjectNode raw, byte[] json) {

  public Instance(ObjectNode raw) {
    this(raw, null);
  }

  /** Writes the whole instance as JSON into this generator (a pretty one, YAML). */
  public void writeTo(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
    if (json == null) {
      JsonText.write(g, raw);
      return;
    }
    try (com.fasterxml.jackson.core.JsonParser p = JsonText.FACTORY.createParser(json)) {
      p.nextToken();
      g.copyCurrentStructure(p);
    }
  }

  /**
   * Writes the whole instance as compact JSON: its bytes as they were rendered straight to {@code
   * out}, else the tree through {@code g}, a compact generator on {@code out}.
   */
  public void writeCompact(java.io.OutputStream out, com.fasterxml.jackson.core.JsonGenerator g)
      throws java.io.IOException {
    if (json == null) {
      JsonText.write(g, raw);
    } else {
      g.flush();
      out.write(json);
    }
  }

  /** The whole instance as a tree (what --query and --jq read). */
  public JsonNode whole() throws java.io.IOException {
    return json == null ? raw : JsonText.read(json);
  }

  /** Whether it was rendered while its page was read (masked then, unless secrets were asked). */
  public boolean rendered() {
    return json != null;
  }

  public String id() {
    return text("InstanceId");
  }

  public String workspaceId() {
    return text("WorkspaceId");
  }

  /** Column paths repeat on every row: each is split once. */
  private static final java.util.Map<String, String[]> PATHS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Returns the node at a dotted path such as "RequestedResource.GPUType" or "Labels.0.Key", or
   * null. In a key/value array (Labels, Tags) a name picks the value of that key: "Labels.team".
   */
  public JsonNode at(String dottedPath) {
    JsonNode n = raw;
    for (String part : PATHS.computeIfAbsent(dottedPath, d -> d.split("\\."))) {
      if (n == null) {
        return null;
      }
      if (n.isArray() && part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
        n = n.get(Integer.parseInt(part));
      } else if (n.isArray()) {
        n = valueOfKey(n, part);
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

  /** The Value (or TagValue) of the item whose Key (or TagKey) is the given one, or null. */
  private static JsonNode valueOfKey(JsonNode array, String key) {
    for (JsonNode item : array) {
      if (key.equals(item.path("Key").asText(null))) {
        return item.get("Value");
      }
      if (key.equals(item.path("TagKey").asText(null))) {
        return item.get("TagValue");
      }
    }
    return null;
  }

  /** Records the region an instance was listed in, for results merged from several regions. */
  public Instance inRegion(String region) {
    if (json != null) {
      throw new IllegalStateException("instances read for several regions are not pre-rendered");
    }
    raw.put("RegionId", region);
    return this;
  }
}
