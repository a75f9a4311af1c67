package dev.dsw.output;

import dev.dsw.model.Instance;
import java.util.function.Function;

/**
 * A column shared by table, CSV and TSV: a header and how to get its cell from an instance.
 *
 * @param shrinkable whether the table may cut this column with an ellipsis to fit the terminal
 * @param path the field path for a column read straight from the response, or null for a built-in
 */
public record Column(String header, Function<Instance, String> cell, boolean shrinkable, String path) {
  public String valueOf(Instance i) {
    String v = cell.apply(i);
    return v == null ? "" : v;
  }
}
