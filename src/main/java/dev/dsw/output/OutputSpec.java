package dev.dsw.output;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a formatter needs, decided before the first row: where to write, which columns,
 * headers or not, terminal width (0 = not a terminal), colour, secrets, and an optional client-side
 * order.
 */
public record OutputSpec(
    PrintStream out,
    List<Column> columns,
    boolean headers,
    Terminal terminal,
    boolean showSecrets,
    Optional<Order> order) {

  /**
   * What the terminal is: its width in columns (0: not a terminal: do not fit), colour, whether it
   * is one, and who is told which columns a table gave up to fit it ({@code hidden}: their headers,
   * called once and only when there are some).
   */
  public record Terminal(int width, boolean colour, boolean pretty, Consumer<List<String>> hidden) {
    public static final Terminal NONE = new Terminal(0, false, false);

    /** A terminal whose hidden columns go untold. */
    public Terminal(int width, boolean colour, boolean pretty) {
      this(width, colour, pretty, h -> {});
    }
  }

  /** Every setting at once (tests). */
  public OutputSpec(
      PrintStream out,
      List<Column> columns,
      boolean headers,
      int width,
      boolean colour,
      boolean pretty,
      boolean showSecrets,
      Optional<Order> order) {
    this(out, columns, headers, new Terminal(width, colour, pretty), showSecrets, order);
  }

  /** The terminal width in columns; 0 when stdout is not a terminal. */
  public int width() {
    return terminal.width();
  }

  public boolean colour() {
    return terminal.colour();
  }

  /** Whether stdout is a terminal (json is pretty-printed, the watch redraws). */
  public boolean pretty() {
    return terminal.pretty();
  }

  /**
   * A spec writing to {@code out}: no columns, headers, not a terminal, no colour, secrets masked,
   * no order.
   */
  public static Builder builder(PrintStream out) {
    return new Builder(out);
  }

  /** Builds a spec one setting at a time. */
  public static final class Builder {
    private final PrintStream out;
    private List<Column> columns = List.of();
    private boolean headers = true;
    private Terminal terminal = Terminal.NONE;
    private boolean showSecrets;
    private Optional<Order> order = Optional.empty();

    private Builder(PrintStream out) {
      this.out = out;
    }

    public Builder columns(List<Column> v) {
      columns = List.copyOf(v);
      return this;
    }

    public Builder headers(boolean v) {
      headers = v;
      return this;
    }

    /**
     * The terminal, if stdout is one: its width in columns (0: not a terminal) and whether colour
     * is on.
     */
    public Builder terminal(int columns, boolean isTty, boolean useColour) {
      terminal = new Terminal(columns, useColour, isTty);
      return this;
    }

    /** Who is told the headers of the columns a table gave up to fit the terminal. */
    public Builder hidden(Consumer<List<String>> v) {
      terminal = new Terminal(terminal.width(), terminal.colour(), terminal.pretty(), v);
      return this;
    }

    public Builder showSecrets(boolean v) {
      showSecrets = v;
      return this;
    }

    public Builder order(Optional<Order> v) {
      order = v;
      return this;
    }

    public OutputSpec build() {
      return new OutputSpec(out, columns, headers, terminal, showSecrets, order);
    }
  }
}
