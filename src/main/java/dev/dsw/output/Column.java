package dev.dsw.output;

import dev.dsw.model.Instance;
import java.util.function.Function;

/**
 * A column shared by table, CSV and TSV: a header and how to get its cell from an instance.
 *
 * @param shrinkable whether the table may cut this column with an ellipsis to fit the terminal
 * @param path the field path for a column read straight from the response, or null for a built-in
 * @param fields the top-level fields of an instance the cell reads, or null when not known; a
 *     listing reads only the fields its columns need from each response
 */
public record Column(
    String header,
    Function<Instance, String> cell,
    boolean shrinkable,
    String path,
    java.util.Set<String> fields) {
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

  public String valueOf(Instance i) {
    String v = cell.apply(i);
    return v == null ? "" : v;
  }
}
