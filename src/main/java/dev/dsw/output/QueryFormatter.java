package dev.dsw.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Prints what --query or --jq makes of the result. The rows (masked already) are gathered into the
 * array -o json would print, the expression is applied, and the values print as JSON (-o json), as
 * YAML (-o yaml), or else as plain lines when they are scalars or lists of scalars, as gh --jq
 * prints them, and as JSON otherwise.
 */
final class QueryFormatter implements Formatter {
  private final Query query;
  private final OutputSpec spec;
  private final Format format;
  private final ArrayNode rows = JsonText.NODES.arrayNode();

  QueryFormatter(Query query, OutputSpec spec, Format format) {
    this.query = query;
    this.spec = spec;
    this.format = format;
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    try {
      rows.add(instance.whole());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end() {
    List<JsonNode> values = query.apply(rows);
    if (format == Format.yaml) {
      YamlFormatter.write(spec.out(), values);
      return;
    }
    boolean plain = format != Format.json && format != Format.jsonl && Query.scalars(values);
    for (JsonNode v : values) {
      if (plain && v.isArray()) {
        v.forEach(e -> spec.out().println(Query.line(e)));
      } else if (plain) {
        spec.out().println(Query.line(v));
      } else {
        spec.out()
            .println(spec.pretty() && format != Format.jsonl ? pretty(v) : JsonText.toString(v));
      }
    }
    spec.out().flush();
  }

  private static String pretty(JsonNode v) {
    try {
      return dev.dsw.model.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
