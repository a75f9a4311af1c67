package dev.dsw.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.config.ViewFile;
import dev.dsw.model.Instance;
import dev.dsw.model.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The saved views --view applies: the built-in ones, then the user's file ({@link ViewFile}), which
 * may redefine them. The file is read only when a command line names a view or dsw view asks, so a
 * broken file breaks nothing else.
 */
public final class SavedViews {
  private SavedViews() {}

  /** The built-in views. */
  public static final Map<String, ViewFile.View> BUILT_IN = builtIn();

  private static Map<String, ViewFile.View> builtIn() {
    Map<String, ViewFile.View> m = new LinkedHashMap<>();
    put(m, "mine", "--mine");
    put(m, "gpu", "--status", "Running", "--min-gpu", "1");
    put(
        m,
        "triage",
        "--status",
        "Failed,SaveFailed",
        "--columns",
        "ID,NAME,STATUS,ReasonCode,ReasonMessage,OWNER,AGE");
    put(
        m,
        "idle",
        "--status",
        "Running",
        "--where",
        "IDLE_FOR>=1h",
        "--sort-column",
        "IDLE_FOR:desc");
    return m;
  }

  private static void put(Map<String, ViewFile.View> m, String name, String... args) {
    m.put(name, new ViewFile.View(name, List.of(args), "built-in"));
  }

  /** Every view: the built-in ones, then the user's (a name of the file replaces a built-in). */
  public static Map<String, ViewFile.View> all(Environment env) {
    Map<String, ViewFile.View> all = new LinkedHashMap<>(BUILT_IN);
    try {
      all.putAll(ViewFile.read(ViewFile.path(env.variables(), env.home())));
    } catch (ViewFile.Invalid e) {
      throw new UsageException(e.getMessage(), "fix the line, or see README, Saved views");
    }
    return all;
  }

  /** One view by name; an unknown name is a usage error with a did-you-mean. */
  public static ViewFile.View named(String name, Environment env) {
    Map<String, ViewFile.View> all = all(env);
    ViewFile.View v = all.get(name);
    if (v == null) {
      String near = dev.dsw.model.Spelling.nearest(name, all.keySet()).orElse(null);
      throw new UsageException(
          "unknown view '"
              + dev.dsw.model.Inert.printableShort(name)
              + "'"
              + (near == null ? "" : "; did you mean " + near + "?"),
          "views: "
              + String.join(", ", all.keySet())
              + " (dsw view list; yours go in "
              + ViewFile.path(env.variables(), env.home())
              + ")");
    }
    return v;
  }

  /** The views as rows for dsw view list: Name, CommandLine (as dsw list would take it), Source. */
  public static List<Instance> rows(Map<String, ViewFile.View> views) {
    List<Instance> rows = new ArrayList<>();
    for (ViewFile.View v : views.values()) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("Name", v.name());
      n.put("CommandLine", commandLine(v));
      n.put("Source", v.source());
      n.putArray("Flags")
          .addAll(v.args().stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
      rows.add(new Instance(n));
    }
    return rows;
  }

  /** What the view stands for on dsw list, each word quoted for a POSIX shell where it needs it. */
  public static String commandLine(ViewFile.View v) {
    StringBuilder sb = new StringBuilder("dsw list");
    for (String w : v.args()) {
      sb.append(' ')
          .append(w.matches("[A-Za-z0-9_.,:=/@%+-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }
}
