package dev.dsw.output;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * -o yaml: a YAML sequence of instance mappings, field for field what -o json prints (masked by the
 * same step). Every string is quoted, so YAML never reads one as another type ("on", "0123",
 * "2026-01-01" stay strings), numbers are written as the API sent them, and non-ASCII text stays as
 * it is. It streams, one instance at a time.
 */
final class YamlFormatter implements Formatter {
  /** Built on first use only: -o yaml is the only format that loads the YAML classes. */
  private static final class Factory {
    static final YAMLFactory YAML =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();
  }

  private final OutputSpec spec;
  private final YAMLGenerator gen;

  YamlFormatter(OutputSpec spec) {
    this.spec = spec;
    try {
      this.gen = Factory.YAML.createGenerator(spec.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  /** Writes each value as a YAML document of its own (what --query and --jq give with -o yaml). */
  static void write(
      java.io.OutputStream out, java.util.List<com.fasterxml.jackson.databind.JsonNode> values) {
    Io.run(
        () -> {
          try (YAMLGenerator g = Factory.YAML.createGenerator(out)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (com.fasterxml.jackson.databind.JsonNode v : values) {
              JsonText.write(g, v);
            }
          }
          out.flush();
        });
  }

  @Override
  public void begin() {
    Io.run(gen::writeStartArray);
  }

  @Override
  public void row(Instance instance) {
    Io.run(
        () -> {
          instance.writeTo(gen);
        });
  }

  @Override
  public void end() {
    Io.run(
        () -> {
          gen.writeEndArray();
          gen.flush();
          spec.out().flush();
        });
  }
}
