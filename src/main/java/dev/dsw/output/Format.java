package dev.dsw.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The output formats of -o. Commands never branch on these: each picks its Formatter here. */
public enum Format {
  table(s -> new TableFormatter(s, true)),
  wide(s -> new TableFormatter(s, false)),
  json(s -> new JsonFormatter(s, false)),
  jsonl(s -> new JsonFormatter(s, true)),
  yaml(s -> new YamlFormatter(s)),
  csv(s -> new CsvFormatter(s, ',')),
  tsv(s -> new CsvFormatter(s, '\t')),
  detail(s -> new DetailFormatter(s)),
  name(s -> new NameFormatter(s));

  private final Function<OutputSpec, Formatter> factory;

  Format(Function<OutputSpec, Formatter> factory) {
    this.factory = factory;
  }

  /**
   * Returns the formatter for the spec behind the one masking step ({@link Secrets}), buffering and
   * sorting first when a client-side order is asked for.
   */
  public Formatter formatter(OutputSpec spec) {
    return steps(factory.apply(spec), spec, this);
  }

  /**
   * The formatter that prints what --query or --jq makes of the result, behind the same masking
   * step as -o json (the query sees what -o json prints) and after any client-side order.
   */
  public Formatter queried(OutputSpec spec, Query query) {
    return steps(new QueryFormatter(query, spec, this), spec, json);
  }

  /** The formatter behind the order (if any), behind the masking step of {@code maskedAs}. */
  private static Formatter steps(Formatter f, OutputSpec spec, Format maskedAs) {
    return Secrets.step(spec.order().isEmpty() ? f : new Sorting(f, spec), maskedAs, spec);
  }

  /** Whether list --watch can show it: the tables redraw, jsonl streams events. */
  public boolean watchable() {
    return this == table || this == wide || this == jsonl;
  }

  /**
   * How many rows it holds before its first line reaches stdout: the tables size their columns from
   * the first {@link TableFormatter#SIZING_ROWS} and then print as rows come; the others print each
   * row as it arrives (0).
   */
  public int heldRows() {
    return this == table || this == wide ? TableFormatter.SIZING_ROWS : 0;
  }

  /** Whether --columns applies (JSON is always the whole object). */
  public boolean hasColumns() {
    return this == table || this == wide || this == csv || this == tsv;
  }

  /**
   * Buffers all rows, sorts them, then hands on the first of them: sorting needs the whole result.
   */
  private static final class Sorting implements Formatter {
    private final Formatter next;
    private final OutputSpec spec;
    private final List<dev.dsw.model.Instance> rows = new ArrayList<>();

    Sorting(Formatter next, OutputSpec spec) {
      this.next = next;
      this.spec = spec;
    }

    @Override
    public void begin() {}

    @Override
    public void row(dev.dsw.model.Instance instance) {
      rows.add(instance);
    }

    @Override
    public void end() {
      next.begin();
      spec.order().get().apply(rows).forEach(next::row);
      next.end();
    }
  }
}
