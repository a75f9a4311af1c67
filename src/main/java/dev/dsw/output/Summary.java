package dev.dsw.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Instance;
import dev.dsw.model.JsonText;
import dev.dsw.model.Metrics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * dsw summary: instances grouped by one or more keys, with per group the count, requested CPU
 * cores, GPUs and memory (GB), and accumulated running hours; then a total. Groups come biggest
 * first (then by key). Each row is a JSON object, so every output format can print it.
 */
public final class Summary {
  /**
   * The column a --by name groups by (status, gpu-type…; case and _ or - alike), among the columns
   * that group ({@link InstanceColumns#groups()}).
   */
  public static Optional<Column> named(String name, Map<String, Column> groups) {
    return Optional.ofNullable(groups.get(name.trim().toLowerCase(Locale.ROOT).replace('_', '-')));
  }

  /**
   * Shown for an empty group value (a CPU instance has no GPU type): "-", as every table writes
   * nothing; JSON keeps the empty string the API sent.
   */
  public static final String NONE = "-";

  /** The first key's cell in the total row of tables and CSV; JSON has null keys there. */
  public static final String TOTAL = "TOTAL";

  private final List<Column> keys;
  private final Map<List<String>, Totals> groups = new HashMap<>();
  private final Totals total = new Totals();

  /** The columns grouped by, in order. */
  public List<Column> keys() {
    return keys;
  }

  /** Grouped by these columns, each of which groups ({@link Column#group()}). */
  public Summary(List<Column> keys) {
    this.keys = List.copyOf(keys);
  }

  public void add(Instance i) {
    List<String> values = new ArrayList<>(keys.size());
    for (Column k : keys) {
      values.add(k.group().read().apply(i));
    }
    groups.computeIfAbsent(values, v -> new Totals()).add(i);
    total.add(i);
  }

  /** The group rows, biggest first, then the total row (its key fields null). */
  public List<Instance> rows() {
    List<Map.Entry<List<String>, Totals>> sorted = new ArrayList<>(groups.entrySet());
    Comparator<Map.Entry<List<String>, Totals>> byCount =
        Comparator.comparingLong(e -> -e.getValue().count);
    sorted.sort(byCount.thenComparing(e -> String.join("\u0000", e.getKey())));
    List<Instance> rows = new ArrayList<>();
    for (Map.Entry<List<String>, Totals> e : sorted) {
      ObjectNode row = JsonText.NODES.objectNode();
      for (int k = 0; k < keys.size(); k++) {
        row.put(keys.get(k).group().field(), e.getKey().get(k));
      }
      e.getValue().into(row);
      rows.add(new Instance(row));
    }
    ObjectNode last = JsonText.NODES.objectNode();
    for (Column k : keys) {
      last.putNull(k.group().field());
    }
    total.into(last);
    rows.add(new Instance(last));
    return rows;
  }

  /**
   * The table and CSV columns: the keys (TOTAL in the first for the total row), then the figures,
   * never cut; a narrow terminal gives the figures up from the right, the keys last.
   */
  public List<Column> columns() {
    List<Column> cols = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      Column.Group key = keys.get(k).group();
      boolean firstKey = k == 0;
      cols.add(
          new Column(
              keys.get(k).header(),
              i -> {
                String v = i.text(key.field());
                if (i.raw().get(key.field()).isNull()) {
                  return firstKey ? TOTAL : "";
                }
                // shown as the column shows it (A10, V100-16G; "-" for none); JSON keeps the API's
                return v.isEmpty() ? NONE : key.show().apply(v);
              },
              // as the column grouped by shows (STATUS coloured, stays long), cut as any text
              keys.get(k).table().floor(Column.Table.CUT.floor()),
              null,
              null,
              null,
              null));
    }
    cols.add(new Column("INSTANCES", i -> i.text("Instances"), false, null, null));
    cols.add(new Column("CPU", i -> i.text("CPU"), false, null, null));
    cols.add(new Column("GPU", i -> i.text("GPU"), false, null, null));
    // memory and running time written as list and get write them: 188G, 854.5h
    cols.add(new Column("MEMORY", i -> i.text("MemoryGB") + "G", false, null, null));
    cols.add(
        new Column(
            "RUNNING",
            i -> Metrics.hours(i.raw().path("RunningHours").decimalValue()),
            false,
            null,
            null));
    return cols;
  }

  /** The sums of one group. */
  private static final class Totals {
    long count;
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal gpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    BigDecimal hours = BigDecimal.ZERO;

    void add(Instance i) {
      count++;
      cpu = cpu.add(Metrics.cpus(i));
      gpu = gpu.add(Metrics.gpus(i));
      memory = memory.add(Metrics.memoryGb(i));
      hours = hours.add(Metrics.runningHours(i));
    }

    void into(ObjectNode row) {
      row.put("Instances", count);
      row.put("CPU", new BigDecimal(Metrics.display(cpu)));
      row.put("GPU", new BigDecimal(Metrics.display(gpu)));
      row.put("MemoryGB", new BigDecimal(Metrics.display(memory)));
      row.put("RunningHours", new BigDecimal(Metrics.display(hours)));
    }
  }

  private static String either(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
