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
 * masked. The rule is by field, whatever the value's shape: a field named like a password, secret,
 * token, auth, credential or AccessKey ID (ImageAuth, JupyterServerPassword, Passwd, Pwd, ...) is
 * masked whether it holds a string, a number, an array or an object; below EnvironmentVariables
 * every value is masked (the names stay, also as {Key, Value} pairs); below CredentialConfig the
 * role's Policy and RoleArn are masked too, and CredentialConfig itself when it is not an object.
 * Booleans and nulls are settings, not secrets, and pass. A key given twice is masked each time.
 * One rule ({@code copyField}), applied in one place: the token copier. A page being read feeds it
 * the parser's tokens; a tree ({@link #write(JsonGenerator, JsonNode)}, {@link #masked}) feeds it
 * its own.
 */
public final class Masking {
  public static final String MASK = "***";
  public static final Pattern SENSITIVE =
      Pattern.compile("(?i).*(password|passwd|pwd|secret|token|accesskeyid|auth|credential).*");

  /** Field names repeat across instances: each is matched once. */
  private static final Map<String, Boolean> NAMES = new ConcurrentHashMap<>();

  /** Where in an instance a field stands, as far as masking is concerned. */
  public enum Scope {
    /** Anywhere else: sensitive names are masked. */
    TOP,
    /** Below EnvironmentVariables: every value, but the name of a {Key, Value} pair. */
    ENVIRONMENT,
    /** Below CredentialConfig: sensitive names, and the Policy and RoleArn a role grants. */
    CREDENTIAL
  }

  private Masking() {}

  /** Whether a field name marks a secret. */
  public static boolean sensitive(String key) {
    return NAMES.computeIfAbsent(key, k -> SENSITIVE.matcher(k).matches());
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
      copy(p, g, Scope.TOP, new Names());
    }
  }

  /**
   * Writes one field of an object (name and value) as {@link #write(JsonGenerator, JsonNode)}
   * would.
   */
  static void writeField(JsonGenerator g, String key, JsonNode v, Scope scope, Names names)
      throws IOException {
    try (JsonParser p = v.traverse()) {
      p.nextToken();
      copyField(p, g, key, scope, names);
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
   * Copies the value of one field (the parser is on the value's first token), masked as the rule
   * says.
   */
  static void copyField(JsonParser p, JsonGenerator g, String key, Scope scope, Names names)
      throws IOException {
    Names.Name name = names.of(key);
    g.writeFieldName(name.encoded());
    JsonToken v = p.currentToken();
    boolean container = v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY;
    if (scope == Scope.TOP && key.equals("EnvironmentVariables")) {
      copyOrMask(p, g, container, Scope.ENVIRONMENT, names);
    } else if (scope == Scope.TOP && key.equals("CredentialConfig")) {
      copyOrMask(p, g, container, Scope.CREDENTIAL, names);
    } else if (scope == Scope.ENVIRONMENT) {
      if (key.equals("Key") || key.equals("Name")) {
        copy(p, g, scope, names);
      } else {
        maskOrCopy(p, g, v, scope, names);
      }
    } else if (name.sensitive()
        || (scope == Scope.CREDENTIAL && (key.equals("Policy") || key.equals("RoleArn")))) {
      maskOrCopy(p, g, v, scope, names);
    } else {
      copy(p, g, scope, names);
    }
  }

  /** A container is copied in the scope it opens; anything else there is masked. */
  private static void copyOrMask(
      JsonParser p, JsonGenerator g, boolean container, Scope inside, Names names)
      throws IOException {
    if (container) {
      copy(p, g, inside, names);
    } else {
      maskOrCopy(p, g, p.currentToken(), inside, names);
    }
  }

  /** Writes the mask for a value that holds something (also an array or object); else copies. */
  private static void maskOrCopy(
      JsonParser p, JsonGenerator g, JsonToken v, Scope scope, Names names) throws IOException {
    if (holdsSomething(p, v)) {
      p.skipChildren();
      g.writeString(MASK);
    } else {
      copy(p, g, scope, names);
    }
  }

  private static void copy(JsonParser p, JsonGenerator g, Scope scope, Names names)
      throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          copyField(p, g, key, scope, names);
        }
        g.writeEndObject();
      }
      case START_ARRAY -> {
        g.writeStartArray();
        while (present(p, p.nextToken()) != JsonToken.END_ARRAY) {
          if (scope == Scope.ENVIRONMENT && p.currentToken() != JsonToken.START_OBJECT) {
            maskOrCopy(p, g, p.currentToken(), scope, names); // ["A=secret"]: each item
          } else {
            copy(p, g, scope, names);
          }
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

  /**
   * Whether a value holds something to hide: a non-empty string, a number, or an array or object
   * (whose contents are not looked at: masking by field, not by shape). Not null, not a boolean.
   */
  private static boolean holdsSomething(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> p.getTextLength() > 0;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_EMBEDDED_OBJECT, START_OBJECT, START_ARRAY ->
          true;
      default -> false;
    };
  }
}
