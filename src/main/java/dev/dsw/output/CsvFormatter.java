package dev.dsw.output;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.dsw.model.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * -o csv (RFC 4180 quoting, UTF-8, LF line ends) and -o tsv, streamed row by row through Jackson
 * CSV's generator. Each row is handed to stdout's buffer as it is written, so the rows before a
 * failure are still printed; the buffer reaches the descriptor when it fills and at the end, as -o
 * jsonl's does. (A databind SequenceWriter flushed stdout itself after every row: one write(2) per
 * row, 100,000 system calls for 100,000 instances.)
 */
final class CsvFormatter implements Formatter {
  // Quote only values that need it (Jackson otherwise quotes every value over 24 characters).
  private static final CsvFactory FACTORY =
      CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private final OutputSpec spec;
  private final List<Column> columns;
  private final CsvGenerator gen;
  private long rows;

  CsvFormatter(OutputSpec spec, char separator) {
    this.spec = spec;
    this.columns = spec.columns();
    CsvSchema.Builder schema =
        CsvSchema.builder().setColumnSeparator(separator).setUseHeader(false);
    for (Column c : columns) {
      schema.addColumn(c.header());
    }
    try {
      this.gen = FACTORY.createGenerator(new Unflushed(spec.out()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gen.setSchema(schema.build());
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    try {
      if (rows++ == 0 && spec.headers()) {
        header();
      }
      gen.writeStartArray();
      for (Column c : columns) {
        gen.writeString(dev.dsw.model.Inert.delimited(c.valueOf(instance)));
      }
      gen.writeEndArray();
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void header() throws IOException {
    gen.writeStartArray();
    for (Column c : columns) {
      gen.writeString(c.header());
    }
    gen.writeEndArray();
  }

  @Override
  public void end() {
    try {
      if (rows == 0 && spec.headers()) {
        // The header goes out with the first row, so a run that fails before any row prints
        // nothing on stdout; an empty result still gets its header line here.
        header();
      }
      gen.close();
      spec.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stdout as the generator sees it: closing or flushing it leaves stdout open and its buffer
   * alone.
   */
  private static final class Unflushed extends java.io.FilterOutputStream {
    Unflushed(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
