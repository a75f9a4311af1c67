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
      // each ID is checked by checkId; a list may be long (dsw get $(cat ids) with 1,500 IDs)
      for (String id : arg.split(",", -1)) {
        wanted.add(checkId(spec.commandLine(), id.strip()));
      }
    }
    if (wanted.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no instance ID given");
    }
    return wanted;
  }

  /**
   * What an instance ID may look like: letters, digits, '-', '_' and '.', up to 64 characters
   * (dsw-7a3c91e0b2f4d561). Anything else (an empty item in "a,,b", "@file", a path) is refused
   * before anything is sent.
   */
  static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The ID, checked; a usage error names what is wrong with it. */
  public static String checkId(picocli.CommandLine cl, String id) {
    if (id.isEmpty()) {
      throw new ParameterException(
          cl, "an empty instance ID in the list (two commas, or a comma at an end)");
    }
    if (!ID.matcher(id).matches()) {
      throw new ParameterException(
          cl,
          "'"
              + dev.dsw.model.Inert.printableShort(id)
              + "' is not an instance ID (letters, digits, '-', '_' and '.', e.g."
              + " dsw-7a3c91e0b2f4d561)");
    }
    return id;
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
