package dev.dsw.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * -o json: an array of instance objects exactly as the API sent them (pretty on a terminal); -o
 * jsonl: one compact object per line. Both stream; nothing is held beyond one instance. An instance
 * that arrives already rendered ({@link Instance#json()}) is copied as it is.
 */
final class JsonFormatter implements Formatter {
  private final OutputSpec spec;
  private final boolean lines;

  /**
   * Pretty output goes through the generator's array; compact output writes its own brackets and
   * commas.
   */
  private final boolean pretty;

  private final JsonGenerator gen;
  private long rows;

  JsonFormatter(OutputSpec spec, boolean lines) {
    this.spec = spec;
    this.lines = lines;
    this.pretty = !lines && spec.pretty();
    try {
      this.gen = JsonText.FACTORY.createGenerator(spec.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // flush() hands bytes to stdout's buffer without forcing a write; end() flushes stdout once.
    gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    if (pretty) {
      gen.setPrettyPrinter(new DefaultPrettyPrinter());
    } else {
      gen.setRootValueSeparator(null);
    }
  }

  /**
   * Nothing yet: the opening bracket waits for the first row or the end, so a run that fails before
   * any data leaves stdout empty (red team, issue #23: a lone "[").
   */
  @Override
  public void begin() {}

  private void open() throws IOException {
    if (pretty) {
      gen.writeStartArray();
    } else if (!lines) {
      spec.out().write('[');
    }
  }

  /**
   * A run that fails midway: the rows written so far are closed into a complete array (the exit
   * code says it is incomplete); with none, nothing is written.
   */
  @Override
  public void abort() {
    if (rows > 0 && !lines) {
      end();
    }
  }

  @Override
  public void row(Instance instance) {
    Io.run(
        () -> {
          OutputStream out = spec.out();
          if (rows == 0) {
            open();
          } else if (!pretty && !lines) {
            out.write(',');
          }
          rows++;
          // masked already by the masking step (Secrets), or when its page was read
          if (pretty) {
            instance.writeTo(gen);
          } else {
            instance.writeCompact(out, gen);
          }
          gen.flush();
          if (lines) {
            out.write('\n');
          }
        });
  }

  @Override
  public void end() {
    Io.run(
        () -> {
          if (rows == 0) {
            open();
          }
          if (pretty) {
            gen.writeEndArray();
            gen.flush();
          } else if (!lines) {
            spec.out().write(']');
          }
          if (!lines) {
            spec.out().write('\n');
          }
          gen.flush();
          spec.out().flush();
        });
  }
}
