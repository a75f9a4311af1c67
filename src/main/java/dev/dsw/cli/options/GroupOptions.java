package dev.dsw.cli.options;

import dev.dsw.output.Summary;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** The grouping keys, in order, each once. */
  public List<Summary.Key> keys() {
    List<Summary.Key> keys = new ArrayList<>();
    for (String name : by.isEmpty() ? List.of("status") : by) {
      Summary.Key k =
          Summary.Key.named(name)
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
      return Arrays.stream(Summary.Key.values()).map(k -> k.flag).iterator();
    }
  }
}
