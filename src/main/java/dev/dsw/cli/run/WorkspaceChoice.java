package dev.dsw.cli.run;

import dev.dsw.api.ListInstancesQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * --workspace by name (ml-research) as well as by ID (40823) or ALL. A name is looked up in the
 * workspaces the account's instances are in (one listing of every workspace, reading only
 * WorkspaceId and WorkspaceName, kept a day): one workspace of that name is its ID on the wire; two
 * are exit 2 listing their IDs; none is exit 2 with a did-you-mean.
 */
final class WorkspaceChoice {
  private WorkspaceChoice() {}

  /** The query with the workspace name replaced by its ID (IDs, ALL and dry runs unchanged). */
  static ListInstancesQuery resolve(ListInstancesQuery q, Services services) {
    String asked = q.toParameters().get("WorkspaceId");
    if (asked == null || asked.equals("ALL") || asked.matches("[0-9]{1,32}")) {
      return q;
    }
    Map<String, Set<String>> byName = names(services, services.global().isDryRun());
    if (byName == null) {
      return q; // a dry run sends nothing: with nothing kept, the name is shown as typed
    }
    Set<String> ids = byName.get(asked);
    if (ids == null) {
      String near =
          dev.dsw.model.Spelling.nearest(asked, byName.keySet())
              .orElse(
                  byName.keySet().stream()
                      .filter(n -> n.equalsIgnoreCase(asked))
                      .findFirst()
                      .orElse(null));
      throw new UsageException(
          "--workspace "
              + dev.dsw.model.Inert.printableShort(asked)
              + ": no workspace of that name or ID"
              + (near == null ? "" : "; did you mean " + near + "?"),
          byName.isEmpty()
              ? "no instance in any workspace here; --workspace takes an ID too"
              : "workspaces: " + String.join(", ", first(byName.keySet())));
    }
    if (ids.size() > 1) {
      throw new UsageException(
          "--workspace "
              + asked
              + " names "
              + ids.size()
              + " workspaces: "
              + String.join(", ", ids),
          "give the ID of the one you mean");
    }
    String id = ids.iterator().next();
    services.console().debugLine("--workspace " + asked + ": WorkspaceId " + id);
    return q.toBuilder().workspaceId(id).build();
  }

  /**
   * Workspace name → IDs, from one listing of every workspace and resource group that reads only
   * WorkspaceId and WorkspaceName (the fleet's own paging), kept a day per endpoint as "ID TAB
   * NAME" lines; with {@code cachedOnly}, null rather than a request.
   */
  static Map<String, Set<String>> names(Services services, boolean cachedOnly) {
    KeptFile kept = services.kept("workspaces", java.time.Duration.ofDays(1));
    List<String> lines = kept.read();
    if (lines == null && cachedOnly) {
      return null;
    }
    Map<String, Set<String>> byName = new java.util.TreeMap<>();
    if (lines != null) {
      for (String line : lines) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          byName
              .computeIfAbsent(line.substring(tab + 1), n -> new TreeSet<>())
              .add(line.substring(0, tab));
        }
      }
      return byName;
    }
    dev.dsw.api.Fleet fleet =
        new dev.dsw.api.Fleet(
            services,
            services.scopes(),
            dev.dsw.api.Fleet.Listener.NONE,
            new dev.dsw.api.Fleet.Projection(
                Set.of("InstanceId", "WorkspaceId", "WorkspaceName"),
                dev.dsw.model.JsonText.Render.NONE));
    List<String> out = new java.util.ArrayList<>();
    fleet.all(
        ListInstancesQuery.builder().workspaceId("ALL").resourceId("ALL").build(),
        new dev.dsw.api.Pages.Options(100, 8, 0),
        i -> !i.text("WorkspaceName").isEmpty() && !i.workspaceId().isEmpty(),
        i -> {
          if (byName
              .computeIfAbsent(i.text("WorkspaceName"), n -> new TreeSet<>())
              .add(i.workspaceId())) {
            out.add(i.workspaceId() + "\t" + i.text("WorkspaceName"));
          }
        });
    fleet.complete();
    kept.write(out.stream().filter(l -> l.indexOf('\t') == l.lastIndexOf('\t')).toList());
    return byName;
  }

  private static List<String> first(Set<String> names) {
    return new TreeSet<>(names).stream().limit(12).toList();
  }
}
