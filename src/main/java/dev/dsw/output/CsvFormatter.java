package dev.dsw.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.dsw.model.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** -o csv (RFC 4180 quoting, UTF-8, LF line ends) and -o tsv, streamed row by row through Jackson CSV. */
final class CsvFormatter implements Formatter {
  // Quote only values that need it (Jackson otherwise quotes every value over 24 characters).
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
  private final OutputSpec spec;
  private final SequenceWriter writer;
  private final boolean mask;
  private long rows;

  CsvFormatter(OutputSpec spec, char separator) {
    this.spec = spec;
    this.mask = !spec.showSecrets() && Secrets.anyMayReveal(spec.columns());
    CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(separator).setUseHeader(false);
    for (Column c : spec.columns()) {
      schema.addColumn(c.header());
    }
    try {
      this.writer = MAPPER.writer(schema.build()).writeValues(new java.io.OutputStreamWriter(
          new NonClosing(spec.out()), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    Instance view = mask ? new Instance(Secrets.masked(instance.raw())) : instance;
    if (rows++ == 0 && spec.headers()) {
      write(spec.columns().stream().map(Column::header).toList());
    }
    List<String> cells = new ArrayList<>(spec.columns().size());
    for (Column c : spec.columns()) {
      cells.add(c.valueOf(view));
    }
    write(cells);
  }

  private void write(List<String> cells) {
    try {
      writer.write(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void end() {
    try {
      if (rows == 0 && spec.headers()) {
        // The header goes out with the first row, so a run that fails before any row prints
        // nothing on stdout; an empty result still gets its header line here.
        writer.write(spec.columns().stream().map(Column::header).toList());
      }
      writer.close();
      spec.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps closing the writer from closing stdout. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
