package dev.dsw.cli.options;

import dev.dsw.output.Column;
import dev.dsw.output.InstanceColumns;
import dev.dsw.output.Summary;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** summary's --by. */
public final class GroupOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "<key>",
      completionCandidates = Keys.class,
      description = "Group by one or more of: ${COMPLETION-CANDIDATES}. Default: status.")
  List<String> by = new ArrayList<>();

  /** The columns that group, by their --by names: what summary --by takes. */
  private static java.util.Map<String, Column> groups() {
    return new InstanceColumns(java.time.Clock.systemUTC()).groups();
  }

  /** The columns grouped by, in order, each once. */
  public List<Column> keys() {
    List<Column> keys = new ArrayList<>();
    java.util.Map<String, Column> groups = groups();
    for (String name : by.isEmpty() ? List.of("status") : by) {
      Column k =
          Summary.named(name, groups)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--by "
                              + name
                              + ": unknown key; use one of "
                              + String.join(", ", new Keys())));
      if (keys.contains(k)) {
        throw new ParameterException(spec.commandLine(), "--by " + name + ": given twice");
      }
      keys.add(k);
    }
    return keys;
  }

  /** Completion candidates for --by. */
  static final class Keys implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return groups().keySet().iterator();
    }
  }
}
