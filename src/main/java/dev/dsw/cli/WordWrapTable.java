package dev.dsw.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;

/**
 * picocli's option table, wrapping descriptions only at spaces. picocli wraps with the JDK's line
 * break rules, which break inside tokens ("e." / "g.", "[?" / "Status=='Running']"), so an example
 * copied from a narrow --help did not work (issue #33). A word longer than the column is left to
 * picocli, which cuts it where it must.
 */
final class WordWrapTable extends Help.TextTable {
  private final Help.ColorScheme scheme;

  private WordWrapTable(Help.ColorScheme scheme, Column[] columns) {
    super(scheme, columns);
    this.scheme = scheme;
  }

  /** A layout like picocli's default for this help, with this table. */
  static Help.Layout layout(Help help) {
    Help.Layout standard = help.createDefaultLayout();
    Help.TextTable table = standard.textTable();
    WordWrapTable ours = new WordWrapTable(help.colorScheme(), table.columns());
    ours.setAdjustLineBreaksForWideCJKCharacters(table.isAdjustLineBreaksForWideCJKCharacters());
    return new Help.Layout(
        help.colorScheme(), ours, standard.optionRenderer(), standard.parameterRenderer());
  }

  /**
   * Lines of text (a command's description) as picocli's Help.join lays them out, one column the
   * width of the page, wrapped at spaces.
   */
  static String text(Help help, String[] lines) {
    int width = help.commandSpec().usageMessage().width();
    WordWrapTable table =
        new WordWrapTable(
            help.colorScheme(), new Column[] {new Column(width, 0, Column.Overflow.WRAP)});
    table.setAdjustLineBreaksForWideCJKCharacters(
        help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
    table.indentWrappedLines = 0;
    for (String line : lines) {
      table.addRowValues(String.format(line));
    }
    return table.toString();
  }

  /**
   * The list of subcommands as picocli's Help.commandList lays it out (name, then the first line of
   * its header, else of its description), wrapped at spaces.
   */
  static String commands(Help help) {
    java.util.Map<String, Help> subcommands = help.subcommands();
    if (subcommands.isEmpty()) {
      return "";
    }
    int width = help.commandSpec().usageMessage().width();
    int names =
        Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width / 2);
    WordWrapTable table =
        new WordWrapTable(
            help.colorScheme(),
            new Column[] {
              new Column(names + 2, 2, Column.Overflow.SPAN),
              new Column(width - (names + 2), 2, Column.Overflow.WRAP)
            });
    table.setAdjustLineBreaksForWideCJKCharacters(
        help.commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
    for (Help sub : subcommands.values()) {
      String[] header = sub.commandSpec().usageMessage().header();
      String[] description = sub.commandSpec().usageMessage().description();
      String first = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      Text[] lines = help.colorScheme().text(String.format(first)).splitLines();
      for (int k = 0; k < lines.length; k++) {
        table.addRowValues(
            k == 0 ? sub.commandNamesText(", ") : help.colorScheme().text(""), lines[k]);
      }
    }
    return table.toString();
  }

  @Override
  public Cell putValue(int row, int col, Text value) {
    Column column = columns()[col];
    if (value == null
        || column.overflow != Column.Overflow.WRAP
        || column.indent + value.plainString().length() <= column.width) {
      return super.putValue(row, col, value);
    }
    String plain = value.plainString();
    int from = 0;
    int r = row;
    Cell last = null;
    while (from < plain.length()) {
      String indent = from == 0 ? "" : " ".repeat(indentWrappedLines);
      int room = column.width - column.indent - indent.length();
      int end = lineEnd(plain, from, room);
      if (end < 0) { // one word wider than the column: picocli cuts it
        return super.putValue(r, col, indented(indent, value.substring(from)));
      }
      last = super.putValue(r, col, indented(indent, value.substring(from, end)));
      from = end;
      while (from < plain.length() && plain.charAt(from) == ' ') {
        from++;
      }
      if (from < plain.length()) {
        addEmptyRow();
        r++;
      }
    }
    return last;
  }

  private Text indented(String indent, Text t) {
    return indent.isEmpty() ? t : scheme.text(indent).concat(t);
  }

  /** Where the line from {@code from} ends: the last space within {@code room}; -1 if none. */
  static int lineEnd(String s, int from, int room) {
    if (s.length() - from <= room) {
      return s.length();
    }
    for (int k = Math.min(s.length() - 1, from + room); k > from; k--) {
      if (s.charAt(k) == ' ') {
        return k;
      }
    }
    return -1;
  }
}
