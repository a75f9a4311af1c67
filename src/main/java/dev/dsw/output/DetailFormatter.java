package dev.dsw.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Instance;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * -o detail (the default of dsw get): each instance as a readable sectioned view: overview,
 * resources, image, network, storage, timers and idle culler, snapshots, labels and tags,
 * environment (values masked) and URLs. Empty fields and empty sections are left out.
 */
final class DetailFormatter implements Formatter {
  private static final int LABEL_WIDTH = 16;
  private final OutputSpec spec;
  private final PrintStream out;

  /** URLs print as OSC-8 hyperlinks when stdout is a terminal and colour is on. */
  private final boolean links;

  private boolean first = true;

  DetailFormatter(OutputSpec spec) {
    this.spec = spec;
    this.out = spec.out();
    this.links = spec.pretty() && spec.colour();
  }

  @Override
  public void begin() {}

  @Override
  public void row(Instance instance) {
    Instance i = instance;
    if (!first) {
      out.println();
      out.println("─".repeat(40));
      out.println();
    }
    first = false;
    String status = dev.dsw.model.Inert.printable(i.text("Status"));
    out.println(
        heading(dev.dsw.model.Inert.printable(i.text("InstanceId") + "  " + i.text("InstanceName")))
            + "  "
            + (spec.colour() ? Style.status(status) : status));
    overview(i);
    resources(i);
    image(i);
    network(i);
    storage(i);
    timers(i);
    snapshots(i);
    labelsAndTags(i);
    environment(i);
    urls(i);
  }

  private void overview(Instance i) {
    Section s = new Section("");
    s.add("Workspace", both(i.text("WorkspaceName"), i.text("WorkspaceId")));
    s.add("Owner", both(i.text("UserName"), i.text("UserId")));
    s.add("Region", i.text("RegionId"));
    s.add("Created", i.text("GmtCreateTime"));
    s.add("Modified", i.text("GmtModifiedTime"));
    s.add("Payment", i.text("PaymentType"));
    s.add("Accessibility", i.text("Accessibility"));
    s.add("Priority", i.text("Priority"));
    s.add("Reason", join(" ", i.text("ReasonCode"), i.text("ReasonMessage")));
    s.print();
  }

  private void resources(Instance i) {
    Section s = new Section("Resources");
    s.add("ECS spec", i.text("EcsSpec"));
    s.add("CPU", i.text("RequestedResource.CPU"));
    s.add(
        "Memory",
        InstanceColumns.memory(i.text("RequestedResource.Memory"))
            + (i.text("RequestedResource.SharedMemory").isEmpty()
                ? ""
                : " (shared "
                    + InstanceColumns.memory(i.text("RequestedResource.SharedMemory"))
                    + ")"));
    s.add("GPU", InstanceColumns.gpu(i));
    s.add("Accelerator", i.text("AcceleratorType"));
    s.add("Driver", i.text("Driver"));
    s.add("Resource group", both(i.text("ResourceName"), i.text("ResourceId")));
    s.add("Idle resources", join(" / ", i.text("OversoldType"), i.text("OversoldInfo")));
    s.add("Running time", InstanceColumns.runtime(i));
    s.print();
  }

  private void image(Instance i) {
    Section s = new Section("Image");
    s.add("Name", i.text("ImageName"));
    s.add("ID", i.text("ImageId"));
    s.add("URL", i.text("ImageUrl"));
    s.add("Registry auth", i.text("ImageAuth"));
    s.print();
  }

  private void network(Instance i) {
    Section s = new Section("Network");
    s.add("VPC", i.text("UserVpc.VpcId"));
    s.add("vSwitch", i.text("UserVpc.VSwitchId"));
    s.add("Security group", i.text("UserVpc.SecurityGroupId"));
    s.add("IP", i.text("UserVpc.Ip"));
    s.add("Default route", i.text("UserVpc.DefaultRoute"));
    s.add("Extra CIDRs", list(i.at("UserVpc.ExtendedCIDRs")));
    for (JsonNode f : iterable(i.at("UserVpc.ForwardInfos"))) {
      s.add(
          "Forward " + f.path("Name").asText(""),
          join(
              " ",
              f.path("ForwardPort").asText("") + " →",
              f.path("ConnectInfo").path("Internet").path("Endpoint").asText(""),
              f.path("ConnectInfo").path("Phase").asText("")));
    }
    s.add(
        "Bandwidth",
        join(
            " / ",
            i.text("UserVpc.BandwidthLimit.EgressRate").isEmpty()
                ? ""
                : "egress " + i.text("UserVpc.BandwidthLimit.EgressRate"),
            i.text("UserVpc.BandwidthLimit.IngressRate").isEmpty()
                ? ""
                : "ingress " + i.text("UserVpc.BandwidthLimit.IngressRate")));
    s.print();
  }

  private void storage(Instance i) {
    Section s = new Section("Storage");
    s.add("Workspace source", i.text("WorkspaceSource"));
    for (JsonNode d : iterable(i.at("Datasets"))) {
      s.add(
          "Dataset",
          join(
              " ",
              first(d, "DatasetId", "Uri"),
              "→",
              d.path("MountPath").asText(""),
              d.path("MountAccess").asText("")));
    }
    for (JsonNode d : iterable(i.at("CloudDisks"))) {
      s.add(
          "Cloud disk",
          join(
              " ",
              d.path("Capacity").asText(""),
              d.path("SubType").asText(""),
              "→",
              d.path("MountPath").asText("")));
    }
    for (JsonNode m : iterable(i.at("DynamicMount.MountPoints"))) {
      s.add("Dynamic mount", m.path("RootPath").asText(""));
    }
    s.print();
  }

  private void timers(Instance i) {
    Section s = new Section("Timers");
    s.add("Shutdown at", i.text("InstanceShutdownTimer.DueTime"));
    String culler = i.text("IdleInstanceCuller.MaxIdleTimeInMinutes");
    if (!culler.isEmpty()) {
      s.add(
          "Idle culler",
          "idle "
              + InstanceColumns.cullerIdle(i)
              + " of "
              + InstanceColumns.minutes(culler)
              + " allowed"
              + join(
                  "",
                  i.text("IdleInstanceCuller.CpuPercentThreshold").isEmpty()
                      ? ""
                      : " (CPU < " + i.text("IdleInstanceCuller.CpuPercentThreshold") + "%",
                  i.text("IdleInstanceCuller.GpuPercentThreshold").isEmpty()
                      ? ""
                      : ", GPU < " + i.text("IdleInstanceCuller.GpuPercentThreshold") + "%",
                  i.text("IdleInstanceCuller.CpuPercentThreshold").isEmpty() ? "" : ")"));
    }
    s.print();
  }

  private void snapshots(Instance i) {
    Section s = new Section("Snapshots");
    JsonNode latest = i.at("LatestSnapshot");
    if (latest != null && latest.isObject() && !latest.isEmpty()) {
      s.add("Latest", snapshot(latest));
    }
    for (JsonNode snap : iterable(i.at("InstanceSnapshotList"))) {
      s.add("Snapshot", snapshot(snap));
    }
    s.print();
  }

  private void labelsAndTags(Instance i) {
    Section s = new Section("Labels and tags");
    for (JsonNode l : iterable(i.at("Labels"))) {
      s.add("Label", l.path("Key").asText("") + "=" + l.path("Value").asText(""));
    }
    for (JsonNode t : iterable(i.at("Tags"))) {
      s.add("Tag", t.path("TagKey").asText("") + "=" + t.path("TagValue").asText(""));
    }
    s.print();
  }

  private void environment(Instance i) {
    Section s = new Section("Environment");
    JsonNode env = i.at("EnvironmentVariables");
    if (env != null && env.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = env.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        s.add(e.getKey(), e.getValue().asText(""));
      }
    }
    s.print();
  }

  private void urls(Instance i) {
    Section s = new Section("URLs");
    s.addLink("Notebook", i.text("InstanceUrl"));
    s.addLink("JupyterLab", i.text("JupyterlabUrl"));
    s.addLink("WebIDE", i.text("WebIDEUrl"));
    s.addLink("Terminal", i.text("TerminalUrl"));
    s.print();
  }

  @Override
  public void end() {
    out.flush();
  }

  private String heading(String text) {
    return spec.colour() ? Style.bold(text) : text;
  }

  /** "name (id)", or whichever is present. */
  private static String both(String name, String id) {
    if (name.isEmpty() || name.equals(id)) {
      return id;
    }
    return id.isEmpty() ? name : name + " (" + id + ")";
  }

  private static String join(String sep, String... parts) {
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (!p.isEmpty()) {
        kept.add(p);
      }
    }
    return String.join(sep, kept);
  }

  private static String first(JsonNode n, String a, String b) {
    String v = n.path(a).asText("");
    return v.isEmpty() ? n.path(b).asText("") : v;
  }

  private static String list(JsonNode array) {
    List<String> items = new ArrayList<>();
    for (JsonNode n : iterable(array)) {
      items.add(n.asText(""));
    }
    return String.join(", ", items);
  }

  private static String snapshot(JsonNode s) {
    return join(
        "  ",
        s.path("ImageName").asText(""),
        s.path("Status").asText(""),
        s.path("GmtCreateTime").asText(""));
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    return n != null && n.isArray() ? n : List.of();
  }

  /** One titled block of "label: value" lines, printed only if it has any. */
  private final class Section {
    private final String title;
    private final List<String[]> lines = new ArrayList<>();

    Section(String title) {
      this.title = title;
    }

    void add(String label, String value) {
      if (value != null && !value.isBlank()) {
        lines.add(new String[] {label, dev.dsw.model.Inert.printable(value)});
      }
    }

    /** A URL: a hyperlink on a terminal with colour on, else the plain URL. */
    void addLink(String label, String url) {
      if (url != null && !url.isBlank()) {
        String shown = dev.dsw.model.Inert.printable(url);
        lines.add(new String[] {label, links ? Style.link(shown, shown) : shown});
      }
    }

    void print() {
      if (lines.isEmpty()) {
        return;
      }
      String indent = "  ";
      if (!title.isEmpty()) {
        out.println();
        out.println(heading(title));
      }
      for (String[] l : lines) {
        String label = dev.dsw.model.Inert.printable(l[0]) + ":";
        out.println(
            indent + label + " ".repeat(Math.max(1, LABEL_WIDTH - Text.width(label))) + l[1]);
      }
    }
  }
}
