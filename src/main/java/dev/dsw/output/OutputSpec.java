package dev.dsw.output;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a formatter needs, decided before the first row: where to write, which columns,
 * headers or not, terminal width (0 = not a terminal), colour, secrets, and an optional
 * client-side order.
 */
public record OutputSpec(PrintStream out, List<Column> columns, boolean headers, int width, boolean colour,
    boolean pretty, boolean showSecrets, Optional<Comparator<dev.dsw.model.Instance>> order) {}
