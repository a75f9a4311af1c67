package dev.dsw.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON trees read and written with jackson-core's streaming API and {@link JsonNodeFactory}: the
 * same nodes {@code ObjectMapper.readTree} builds, without an ObjectMapper. Building a mapper
 * costs a cold process about 20 ms (its default date format loads the JDK's calendar and locale
 * data), which every dsw list would pay for nothing. {@link Json#MAPPER} stays for the rest.
 */
public final class JsonText {
  public static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(64 * 1024 * 1024).build())
      .build();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonText() {}

  /** Parses one JSON value (trailing content is an error), or returns null for an empty body. */
  public static JsonNode read(byte[] bytes) throws IOException {
    return read(bytes, null);
  }

  /**
   * As {@link #read(byte[])}, keeping in each object of the root's Instances array only the
   * fields named in {@code instanceFields} (null keeps all): the rest is skipped by the parser,
   * never built. A listing that prints a few columns reads a fraction of every page this way.
   */
  public static JsonNode read(byte[] bytes, java.util.Set<String> instanceFields) throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = value(p, first, instanceFields);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new JsonParseException(p, "trailing token " + trailing + " after the JSON value");
      }
      return root;
    }
  }

  /** Reads the value that starts at the current token, iteratively (no recursion on deep input). */
  private static JsonNode value(JsonParser p, JsonToken start, java.util.Set<String> instanceFields)
      throws IOException {
    if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
      return scalar(p, start);
    }
    if (start != JsonToken.START_OBJECT) {
      instanceFields = null; // only a page object has an Instances array to project
    }
    Deque<JsonNode> stack = new ArrayDeque<>();
    JsonNode root = start == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    stack.push(root);
    String field = null;
    JsonNode instances = null;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      JsonNode parent = stack.peek();
      switch (t) {
        case FIELD_NAME -> {
          field = p.currentName();
          if (instanceFields != null && instances != null && stack.size() == 3 && !instanceFields.contains(field)
              && below(stack) == instances) {
            p.nextToken();
            p.skipChildren(); // a field no column reads: skipped, not built
          }
        }
        case END_OBJECT, END_ARRAY -> {
          stack.pop();
          if (stack.isEmpty()) {
            return root;
          }
        }
        default -> {
          JsonNode child = t == JsonToken.START_OBJECT ? NODES.objectNode()
              : t == JsonToken.START_ARRAY ? NODES.arrayNode() : scalar(p, t);
          if (parent instanceof ObjectNode o) {
            o.set(field, child);
          } else {
            ((ArrayNode) parent).add(child);
          }
          if (child.isContainerNode()) {
            stack.push(child);
            if (stack.size() == 2 && "Instances".equals(field) && child.isArray()) {
              instances = child;
            }
          }
        }
      }
    }
    throw new JsonParseException(p, "unexpected end of input");
  }

  /** The node under the top of the stack (the container of the object being read). */
  private static JsonNode below(Deque<JsonNode> stack) {
    Iterator<JsonNode> it = stack.iterator();
    it.next();
    return it.next();
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NODES.numberNode(p.getIntValue());
        case LONG -> NODES.numberNode(p.getLongValue());
        default -> NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> switch (p.getNumberType()) {
        case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
        case FLOAT -> NODES.numberNode(p.getFloatValue());
        default -> NODES.numberNode(p.getDoubleValue());
      };
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new JsonParseException(p, "unexpected token " + t);
    };
  }

  /** Writes a tree to a generator (what {@code ObjectMapper.writeTree} does for these node types). */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node instanceof ObjectNode o) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        g.writeFieldName(e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node instanceof ArrayNode a) {
      g.writeStartArray();
      for (JsonNode child : a) {
        write(g, child);
      }
      g.writeEndArray();
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else if (node.isNull() || node.isMissingNode()) {
      g.writeNull();
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isInt()) {
      g.writeNumber(node.intValue());
    } else if (node.isLong()) {
      g.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      g.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      g.writeNumber(node.decimalValue());
    } else if (node.isFloat()) {
      g.writeNumber(node.floatValue());
    } else if (node.isDouble()) {
      g.writeNumber(node.doubleValue());
    } else if (node.isBinary()) {
      g.writeBinary(node.binaryValue());
    } else {
      g.writeString(node.asText());
    }
  }

  /** A tree as compact JSON text. */
  public static String toString(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
