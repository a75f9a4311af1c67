package dev.dsw.listing;

import dev.dsw.model.Instance;
import dev.dsw.output.Column;
import dev.dsw.output.Formatter;
import java.util.List;

/**
 * What a command adds to the one listing pipeline: what it does with each matching instance and at
 * the end. The default, {@link #PRINT}, prints each instance as it arrives; a report that gathers
 * first (get, summary, idle) prints in {@link #finish}.
 */
public interface Report {
  /** Receives each matching instance in order. */
  default void add(Instance instance, Formatter out) {
    out.row(instance);
  }

  /** After the last instance, before the output is closed. */
  default void finish(Formatter out) {}

  /** After the output is complete: a last verdict, such as IDs that were not found. */
  default void check() {}

  /** Its own columns, when its rows are not the instances themselves (summary); null otherwise. */
  default List<Column> columns() {
    return null;
  }

  /**
   * Top-level fields this report adds to the rows it prints (dsw top's Usage): a --where on them is
   * applied to the rows it prints, not to the instances read.
   */
  default java.util.Set<String> adds() {
    return java.util.Set.of();
  }

  /**
   * The line stderr gets when no row was printed, given the listing's own ("no instances match …",
   * with its likely cause, which may cost a request: asked only when used); null for none (a report
   * that says it itself).
   */
  default String emptyAnswer(java.util.function.Supplier<String> nothingMatched) {
    return nothingMatched.get();
  }

  /** Prints each instance as it arrives. */
  Report PRINT = new Report() {};
}
