package dev.dsw.cli.options;

import dev.dsw.api.ListInstancesQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** get's instance IDs and where to look for them. */
public final class IdOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "<instance-id>",
      description = "Instance IDs (dsw-…), also comma-separated.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--workspace",
      paramLabel = "<id|ALL>",
      description = "Look only in this workspace. Default: ALL.")
  String workspace = "ALL";

  @Option(
      names = "--resource-id",
      paramLabel = "<id|ALL>",
      description = "Look only in this resource group. Default: ALL.")
  String resourceId = "ALL";

  /** The IDs asked for, in order, each once. */
  public Set<String> wanted() {
    Set<String> wanted = new LinkedHashSet<>();
    for (String arg : ids) {
      FilterOptions.checkText(spec.commandLine(), "instance ID", arg);
      for (String id : arg.split(",")) {
        if (!id.isBlank()) {
          wanted.add(id.trim());
        }
      }
    }
    if (wanted.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no instance ID given");
    }
    return wanted;
  }

  /** The query for these IDs, in the workspace and resource group asked (ALL by default). */
  public ListInstancesQuery query() {
    FilterOptions.checkText(spec.commandLine(), "--workspace", workspace);
    FilterOptions.checkText(spec.commandLine(), "--resource-id", resourceId);
    return ListInstancesQuery.builder()
        .instanceIds(List.copyOf(wanted()))
        .workspaceId(workspace)
        .resourceId(resourceId)
        .build();
  }

  /**
   * Where the IDs were looked for, in words: "any workspace", "workspace 123, resource group q".
   */
  public String scope() {
    return (workspace.equals("ALL") ? "any workspace" : "workspace " + workspace)
        + (resourceId.equals("ALL") ? "" : ", resource group " + resourceId);
  }
}
