package dev.dsw.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which values of an instance are secrets (list-instances.md §4.4), and JSON written with them
 * masked: ImageAuth, the values of EnvironmentVariables, and any field named like a password,
 * secret, token, auth, credential or AccessKey ID. One rule, applied two ways: to a tree
 * ({@link #write(JsonGenerator, JsonNode)}, {@link #maskInPlace}) and to the stream of tokens
 * as a page is read ({@code copyField}); both give the same bytes for the same instance.
 */
public final class Masking {
  public static final String MASK = "***";
  public static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|secret|token|accesskeyid|auth|credential).*");
  /** Field names repeat across instances: each is matched once. */
  private static final Map<String, Boolean> NAMES = new ConcurrentHashMap<>();

  private Masking() {}

  /** Whether a field name marks a secret. */
  public static boolean sensitive(String key) {
    return NAMES.computeIfAbsent(key, k -> SENSITIVE.matcher(k).matches());
  }

  /**
   * The rule: a value is masked when it is a non-empty scalar (not null, not a boolean) under a
   * sensitive name, or anywhere below EnvironmentVariables. CredentialConfig is an object of
   * settings, not itself a secret; its sensitive members are masked by name.
   */
  static boolean hides(String key, boolean sensitiveKey, boolean allValues, boolean nonEmptyScalar) {
    return nonEmptyScalar && (allValues || (sensitiveKey && !key.equals("CredentialConfig")));
  }

  /** Every value below this field is masked: the environment variables' values. */
  static boolean allValuesBelow(String key, boolean isObject) {
    return isObject && key.equals("EnvironmentVariables");
  }

  /** Masks a tree's secrets in place (callers pass a copy). */
  public static void maskInPlace(JsonNode node) {
    maskInPlace(node, false);
  }

  private static void maskInPlace(JsonNode node, boolean allValues) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode v = e.getValue();
        if (allValuesBelow(key, v.isObject())) {
          maskInPlace(v, true);
        } else if (hides(key, sensitive(key), allValues, nonEmptyScalar(v))) {
          e.setValue(o.textNode(MASK));
        } else {
          maskInPlace(v, allValues);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (JsonNode child : a) {
        maskInPlace(child, allValues);
      }
    }
  }

  /** Writes a tree with its secrets masked, without copying it. */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    write(g, node, false);
  }

  /** Writes one field of an object (name and value) as {@link #write(JsonGenerator, JsonNode)} would. */
  static void writeField(JsonGenerator g, String key, JsonNode v, boolean allValues) throws IOException {
    g.writeFieldName(key);
    if (allValuesBelow(key, v.isObject())) {
      write(g, v, true);
    } else if (hides(key, sensitive(key), allValues, nonEmptyScalar(v))) {
      g.writeString(MASK);
    } else {
      write(g, v, allValues);
    }
  }

  private static void write(JsonGenerator g, JsonNode node, boolean allValues) throws IOException {
    if (node instanceof ObjectNode o) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        writeField(g, e.getKey(), e.getValue(), allValues);
      }
      g.writeEndObject();
    } else if (node instanceof ArrayNode a) {
      g.writeStartArray();
      for (JsonNode child : a) {
        write(g, child, allValues);
      }
      g.writeEndArray();
    } else {
      JsonText.write(g, node);
    }
  }

  private static boolean nonEmptyScalar(JsonNode v) {
    return v.isValueNode() && !v.isNull() && !v.isBoolean() && !v.asText().isEmpty();
  }

  /**
   * What a copy needs to know of each field name, worked out once per name and copier: whether
   * it is sensitive, and the name already encoded for the generator. Not thread-safe: one per page reader.
   */
  public static final class Names {
    private record Name(com.fasterxml.jackson.core.io.SerializedString encoded, boolean sensitive) {}

    private final Map<String, Name> names = new java.util.HashMap<>();

    private Name of(String key) {
      Name n = names.get(key);
      if (n == null) {
        n = new Name(new com.fasterxml.jackson.core.io.SerializedString(key), sensitive(key));
        names.put(key, n);
      }
      return n;
    }
  }

  /** Copies the value of one field (the parser is on the value's first token), as writeField would. */
  static void copyField(JsonParser p, JsonGenerator g, String key, boolean allValues, Names names) throws IOException {
    Names.Name name = names.of(key);
    g.writeFieldName(name.encoded());
    JsonToken v = p.currentToken();
    if (allValuesBelow(key, v == JsonToken.START_OBJECT)) {
      copy(p, g, true, names);
    } else if (hides(key, name.sensitive(), allValues, nonEmptyScalar(p, v))) {
      g.writeString(MASK);
    } else {
      copy(p, g, allValues, names);
    }
  }

  private static void copy(JsonParser p, JsonGenerator g, boolean allValues, Names names) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          copyField(p, g, key, allValues, names);
        }
        g.writeEndObject();
      }
      case START_ARRAY -> {
        g.writeStartArray();
        while (present(p, p.nextToken()) != JsonToken.END_ARRAY) {
          copy(p, g, allValues, names);
        }
        g.writeEndArray();
      }
      default -> g.copyCurrentEvent(p);
    }
  }

  private static JsonToken present(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of input in an array");
    }
    return t;
  }

  private static boolean nonEmptyScalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> p.getTextLength() > 0;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_EMBEDDED_OBJECT -> true;
      default -> false;
    };
  }
}
