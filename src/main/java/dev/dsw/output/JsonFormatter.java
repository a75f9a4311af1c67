package dev.dsw.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * -o json: an array of instance objects exactly as the API sent them (pretty on a terminal);
 * -o jsonl: one compact object per line. Both stream; nothing is held beyond one instance.
 */
final class JsonFormatter implements Formatter {
  private final OutputSpec spec;
  private final boolean lines;
  private final JsonGenerator gen;

  JsonFormatter(OutputSpec spec, boolean lines) {
    this.spec = spec;
    this.lines = lines;
    try {
      this.gen = JsonText.FACTORY.createGenerator(spec.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // flush() hands bytes to stdout's buffer without forcing a write; end() flushes stdout once.
    gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    if (lines) {
      gen.setRootValueSeparator(null);
    } else if (spec.pretty()) {
      gen.setPrettyPrinter(new DefaultPrettyPrinter());
    }
  }

  @Override
  public void begin() {
    if (!lines) {
      io(gen::writeStartArray);
    }
  }

  @Override
  public void row(Instance instance) {
    ObjectNode node = instance.raw();
    io(() -> {
      if (spec.showSecrets()) {
        JsonText.write(gen, node);
      } else {
        Secrets.writeMasked(gen, node);
      }
      if (lines) {
        gen.flush();
        spec.out().write('\n');
      }
    });
  }

  @Override
  public void end() {
    io(() -> {
      if (!lines) {
        gen.writeEndArray();
        gen.flush();
        spec.out().write('\n');
      }
      gen.flush();
      spec.out().flush();
    });
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void io(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
