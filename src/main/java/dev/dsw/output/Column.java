package dev.dsw.output;

import dev.dsw.model.Instance;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A column, known in one place: its header, how to get its cell from an instance, how the table
 * shows it ({@link Table}: how far it may be cut, when it is given up on a narrow terminal, its
 * paint), the field path it reads (null for a built-in), the top-level fields it needs, how --where
 * and --sort-column compare it ({@link Kind}), and how summary --by groups by it ({@link Group},
 * null when it does not).
 *
 * @param table how -o table shows this column
 * @param path the field path for a column read straight from the response, or null for a built-in
 * @param fields the top-level fields of an instance the cell reads, or null when not known; a
 *     listing reads only the fields its columns need from each response
 * @param kind what the cells hold, for --where; null is text
 * @param group how summary groups by this column; null when it does not
 */
public record Column(
    String header,
    Function<Instance, String> cell,
    Table table,
    String path,
    java.util.Set<String> fields,
    Kind kind,
    Group group) {

  /**
   * How -o table shows a column. On a narrow terminal the long columns are first cut with an
   * ellipsis, none below its {@code floor}; then whole columns are given up, lowest {@code stays}
   * first. Colour, when on, paints its cells by {@code paint}.
   *
   * @param floor the cells a cut keeps; {@link #UNCUT}: never cut
   * @param stays where it stands when columns are given up: the higher, the longer it stays; {@link
   *     #FIRST} goes before every ranked column, {@link #ALWAYS} is never given up
   * @param paint how its cells are coloured
   */
  public record Table(int floor, int stays, Paint paint) {
    public static final int UNCUT = Integer.MAX_VALUE;
    public static final int FIRST = -1;
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** Cut down to 10 cells at most, given up first. */
    public static final Table CUT = new Table(10, FIRST, Paint.PLAIN);

    /** Never cut, given up first. */
    public static final Table WHOLE = new Table(UNCUT, FIRST, Paint.PLAIN);

    /** The same, standing {@code rank} in the order of giving up (the higher, the later). */
    public Table stays(int rank) {
      return new Table(floor, rank, paint);
    }

    /** The same, cut down to {@code cells} at most. */
    public Table floor(int cells) {
      return new Table(cells, stays, paint);
    }

    public Table paint(Paint p) {
      return new Table(floor, stays, p);
    }
  }

  /** How a column's cells are coloured when colour is on. */
  public enum Paint {
    PLAIN,
    /** By the status it holds (Running green, Failed red…). */
    STATUS,
    /** Linked to the instance's JupyterLab where the terminal links (OSC-8, as gh links). */
    LINK
  }

  /** What a column's cells hold, as --where reads a value against them. */
  public enum Kind {
    NUMBER("a number such as 4 or 0.5"),
    QUANTITY("a size in GB such as 32 or 32Gi"),
    DURATION("a duration such as 90m, 2h or 7d"),
    TIME("a time such as 2024-01-12, 2024-01-12T14:36:01Z or an age such as 7d"),
    STATUS("a status such as Running or Stopped"),
    GPU_TYPE("a GPU type such as A10, V100-16G or \"NVIDIA A10\""),
    /** GPUs and their model (2×A10): a count for < and >, text for = and !=. */
    GPUS("a number such as 4 or 0.5"),
    TEXT("text");

    final String example;

    Kind(String example) {
      this.example = example;
    }

    /** What a field path of the API holds, by its name (RequestedResource.CPU, GmtCreateTime…). */
    static Kind ofPath(String path) {
      return switch (path) {
        case "Status" -> STATUS;
        case "RequestedResource.CPU", "RequestedResource.GPU", "Priority" -> NUMBER;
        case "RequestedResource.Memory", "RequestedResource.SharedMemory" -> QUANTITY;
        case "RequestedResource.GPUType" -> GPU_TYPE;
        default -> {
          if (path.endsWith("InMinutes") || path.endsWith("InMs") || path.endsWith("Threshold")) {
            yield NUMBER;
          }
          yield path.endsWith("Time") ? TIME : TEXT;
        }
      };
    }
  }

  /**
   * How summary --by groups by a column: the name --by takes, the JSON field of a group row, the
   * value grouped by (the API's own) and how a table shows it.
   */
  public record Group(
      String flag, String field, Function<Instance, String> read, UnaryOperator<String> show) {}

  /** A column that --where reads as text and summary does not group by. */
  public Column(
      String header,
      Function<Instance, String> cell,
      boolean shrinkable,
      String path,
      java.util.Set<String> fields) {
    this(header, cell, shrinkable ? Table.CUT : Table.WHOLE, path, fields, null, null);
  }

  /** The fields all these columns read, or null when any column does not say. */
  public static java.util.Set<String> fieldsOf(java.util.Collection<Column> columns) {
    java.util.Set<String> all = new java.util.HashSet<>();
    for (Column c : columns) {
      if (c.fields() == null) {
        return null;
      }
      all.addAll(c.fields());
    }
    return all;
  }

  /** A column of one text field of a row (dsw audit --checks, dsw view list). */
  public static Column field(String header, String field, boolean shrinkable) {
    return new Column(header, r -> r.text(field), shrinkable, null, java.util.Set.of(field));
  }

  /** The same column, shown in the table this way. */
  public Column shown(Table t) {
    return new Column(header, cell, t, path, fields, kind, group);
  }

  public String valueOf(Instance i) {
    String v = cell.apply(i);
    return v == null ? "" : v;
  }
}
