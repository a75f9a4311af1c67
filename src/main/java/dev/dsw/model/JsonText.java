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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON trees read and written with jackson-core's streaming API and {@link JsonNodeFactory}: the
 * same nodes {@code ObjectMapper.readTree} builds, without an ObjectMapper. Building a mapper costs
 * a cold process about 20 ms (its default date format loads the JDK's calendar and locale data),
 * which every dsw list would pay for nothing. {@link Json#MAPPER} stays for the rest.
 */
public final class JsonText {
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(64 * 1024 * 1024).build())
          .build();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonText() {}

  /** Parses one JSON value (trailing content is an error), or returns null for an empty body. */
  public static JsonNode read(byte[] bytes) throws IOException {
    return read(bytes, null);
  }

  /**
   * As {@link #read(byte[])}, keeping in each object of the root's Instances array only the fields
   * named in {@code instanceFields} (null keeps all): the rest is skipped by the parser, never
   * built. A listing that prints a few columns reads a fraction of every page this way.
   */
  public static JsonNode read(byte[] bytes, Set<String> instanceFields) throws IOException {
    return readPage(bytes, instanceFields, Render.NONE).root();
  }

  /** Whether each instance of a page is also written out as JSON while the page is read. */
  public enum Render {
    /** No: only the tree. */
    NONE,
    /** Yes, with its secrets masked ({@link Masking}). */
    MASKED,
    /** Yes, as the service sent it (--show-secrets). */
    AS_SENT
  }

  /**
   * A page as read: the tree, and when rendering, each object of its Instances array as compact
   * JSON, in order (else null).
   */
  public record Page(JsonNode root, List<byte[]> rendered) {}

  /**
   * Reads a page as {@link #read(byte[], Set)} does and, unless {@code render} is NONE, writes
   * every instance out as compact JSON in the same pass over the tokens, whole, however few of its
   * fields the tree keeps: -o json and -o jsonl print those bytes, and nothing is built for the
   * fields no filter reads. The bytes are what {@link #write} (or {@link Masking#write}) would give
   * for the whole instance.
   */
  public static Page readPage(byte[] bytes, Set<String> instanceFields, Render render)
      throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return new Page(null, null);
      }
      InstanceReader reader =
          instanceFields == null && render == Render.NONE
              ? null
              : new InstanceReader(instanceFields, render);
      try {
        JsonNode root = value(p, first, reader);
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
          throw new JsonParseException(p, "trailing token " + trailing + " after the JSON value");
        }
        return new Page(root, reader == null ? null : reader.rendered);
      } finally {
        if (reader != null) {
          reader.close();
        }
      }
    }
  }

  /**
   * Reads the objects of a page's Instances array: the kept fields as a tree (the others are
   * skipped by the parser, never built), and when rendering, the whole object as JSON into a reused
   * buffer.
   */
  private static final class InstanceReader implements AutoCloseable {
    private final Set<String> fields;
    private final Render render;
    private final ByteArrayOutputStream buffer;
    private final JsonGenerator gen;
    private final Masking.Names names = new Masking.Names();
    final List<byte[]> rendered;

    InstanceReader(Set<String> fields, Render render) throws IOException {
      this.fields = fields;
      this.render = render;
      if (render == Render.NONE) {
        buffer = null;
        gen = null;
        rendered = null;
      } else {
        buffer = new ByteArrayOutputStream(4096);
        gen = FACTORY.createGenerator(buffer);
        gen.setRootValueSeparator(null);
        rendered = new ArrayList<>();
      }
    }

    /** Reads the instance object that starts at the current token. */
    ObjectNode instance(JsonParser p) throws IOException {
      ObjectNode node = NODES.objectNode();
      if (gen != null) {
        gen.writeStartObject();
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (fields == null || fields.contains(name)) {
          JsonNode child = value(p, v, null);
          node.set(name, child);
          if (render == Render.MASKED) {
            Masking.writeField(gen, name, child, Masking.Scope.TOP, names);
          } else if (render == Render.AS_SENT) {
            gen.writeFieldName(name);
            write(gen, child);
          }
        } else if (render == Render.MASKED) {
          Masking.copyField(p, gen, name, Masking.Scope.TOP, names);
        } else if (render == Render.AS_SENT) {
          gen.writeFieldName(name);
          gen.copyCurrentStructure(p);
        } else {
          p.skipChildren(); // a field nothing reads
        }
      }
      if (t != JsonToken.END_OBJECT) {
        throw new JsonParseException(p, "unexpected " + t + " in an instance object");
      }
      if (gen != null) {
        gen.writeEndObject();
        gen.flush();
        rendered.add(buffer.toByteArray());
        buffer.reset();
      }
      return node;
    }

    @Override
    public void close() throws IOException {
      if (gen != null) {
        gen.close();
      }
    }
  }

  /**
   * Reads the value that starts at the current token, iteratively (no recursion on deep input); a
   * root object's Instances array has its objects read by the reader, if there is one.
   */
  private static JsonNode value(JsonParser p, JsonToken start, InstanceReader reader)
      throws IOException {
    if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
      return scalar(p, start);
    }
    if (start != JsonToken.START_OBJECT) {
      reader = null; // only a page object has an Instances array
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
        case FIELD_NAME -> field = p.currentName();
        case END_OBJECT, END_ARRAY -> {
          stack.pop();
          if (stack.isEmpty()) {
            return root;
          }
        }
        default -> {
          if (reader != null && t == JsonToken.START_OBJECT && parent == instances) {
            ((ArrayNode) parent).add(reader.instance(p)); // read whole: nothing to push
            continue;
          }
          JsonNode child =
              t == JsonToken.START_OBJECT
                  ? NODES.objectNode()
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

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT ->
          switch (p.getNumberType()) {
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

  /**
   * Writes a tree to a generator (what {@code ObjectMapper.writeTree} does for these node types).
   */
  public static void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node instanceof ObjectNode o) {
      g.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
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
