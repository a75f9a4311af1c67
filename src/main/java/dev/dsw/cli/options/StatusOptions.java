package dev.dsw.cli.options;

import dev.dsw.model.InstanceStatus;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --status, for the commands that let the user choose statuses (list, summary; not idle). */
public final class StatusOptions {
  @Option(
      names = "--status",
      split = ",",
      paramLabel = "<status>",
      description = "Status, comma list or repeated: ${COMPLETION-CANDIDATES}.")
  List<InstanceStatus> statuses = new ArrayList<>();

  /** The statuses asked for; empty means any. */
  public List<InstanceStatus> statuses() {
    return List.copyOf(statuses);
  }

  /** The statuses asked for, or this one when none was. */
  public List<InstanceStatus> orElse(InstanceStatus byDefault) {
    return statuses.isEmpty() ? List.of(byDefault) : statuses();
  }
}
