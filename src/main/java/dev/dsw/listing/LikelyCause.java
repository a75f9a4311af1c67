package dev.dsw.listing;

import dev.dsw.api.ListInstancesQuery;
import java.util.Map;

/**
 * Why an answer is empty, when one filter alone is the likely cause: a GPU type that no instance of
 * the workspace has, or a workspace with no instance at all. Asked only after an empty answer that
 * combined several server-side filters, with one one-instance page per candidate, in the same
 * workspace and resource group; a failure to ask says nothing.
 */
final class LikelyCause {
  private LikelyCause() {}

  /** "; no instance in workspace 40823 has GpuType=NVIDIA L20", or "" when none stands out. */
  static String of(ListInstancesQuery q, Session services) {
    if (services.multiScope()) {
      return "";
    }
    Map<String, String> p = q.filters();
    if (p.size() < 2) {
      return ""; // the one filter named is the cause
    }
    String workspace = p.get("WorkspaceId");
    String where = workspace == null ? "this workspace" : "workspace " + workspace;
    try {
      String type = p.get("GpuType");
      if (type != null && none(scope(p).gpuType(type), services)) {
        return "; no instance in " + where + " has GpuType=" + type;
      }
      if (workspace != null && !workspace.equals("ALL") && none(scope(p), services)) {
        return "; " + where + " has no instances";
      }
    } catch (RuntimeException e) {
      services.terminal().debug("could not look for the likely cause: " + e.getMessage());
    }
    return "";
  }

  /** The same workspace and resource group, nothing else. */
  private static ListInstancesQuery.Builder scope(Map<String, String> p) {
    return ListInstancesQuery.builder()
        .workspaceId(p.get("WorkspaceId"))
        .resourceId(p.get("ResourceId"));
  }

  private static boolean none(ListInstancesQuery.Builder b, Session services) {
    return services.client().listInstances(b.build().page(1, 1)).totalCount() == 0;
  }
}
