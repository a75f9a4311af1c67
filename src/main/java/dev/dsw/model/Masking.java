package dev.dsw.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which values of an instance are secrets (list-instances.md §4.4), and JSON written with them
 * masked: ImageAuth, the values of EnvironmentVariables, and any field named like a password,
 * secret, token, auth, credential or AccessKey ID. One rule ({@code hides}), applied in one place:
 * the token copier ({@code copyField}). A page being read feeds it the parser's tokens; a tree
 * ({@link #write(JsonGenerator, JsonNode)}, {@link #masked}) feeds it its own.
 */
public final class Masking {
  public static final String MASK = "***";
  public static final Pattern SENSITIVE =
      Pattern.compile("(?i).*(password|secret|token|accesskeyid|auth|credential).*");

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
  static boolean hides(
      String key, boolean sensitiveKey, boolean allValues, boolean nonEmptyScalar) {
    return nonEmptyScalar && (allValues || (sensitiveKey && !key.equals("CredentialConfig")));
  }

  /** Every value below this field is masked: the environment variables' values. */
  static boolean allValuesBelow(String key, boolean isObject) {
    return isObject && key.equals("EnvironmentVariables");
  }

  /**
   * A masked copy of a tree. Like every other use of the rule, it goes through the token copier
   * ({@code copyField}), here fed by the tree's own tokens.
   */
  public static ObjectNode masked(ObjectNode tree) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024);
    try (JsonGenerator g = JsonText.FACTORY.createGenerator(bytes)) {
      write(g, tree);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // in memory: cannot happen
    }
    try {
      return (ObjectNode) JsonText.read(bytes.toByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes a tree with its secrets masked, without copying it. */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    try (JsonParser p = node.traverse()) {
      p.nextToken();
      copy(p, g, false, new Names());
    }
  }

  /**
   * Writes one field of an object (name and value) as {@link #write(JsonGenerator, JsonNode)}
   * would.
   */
  static void writeField(JsonGenerator g, String key, JsonNode v, boolean allValues, Names names)
      throws IOException {
    try (JsonParser p = v.traverse()) {
      p.nextToken();
      copyField(p, g, key, allValues, names);
    }
  }

  /**
   * What a copy needs to know of each field name, worked out once per name and copier: whether it
   * is sensitive, and the name already encoded for the generator. Not thread-safe: one per page
   * reader.
   */
  public static final class Names {
    private record Name(
        com.fasterxml.jackson.core.io.SerializedString encoded, boolean sensitive) {}

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

  /**
   * Copies the value of one field (the parser is on the value's first token), as writeField would.
   */
  static void copyField(JsonParser p, JsonGenerator g, String key, boolean allValues, Names names)
      throws IOException {
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

  private static void copy(JsonParser p, JsonGenerator g, boolean allValues, Names names)
      throws IOException {
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
      throw new com.fasterxml.jackson.core.io.JsonEOFException(
          p, null, "unexpected end of input in an array");
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
