package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The instances the examples of the README and of every --help page name, added to the demo fleet
 * (--demo) with creation times relative to the clock's now, so that every example shows data
 * whatever the day: recent Running A10 instances of team nlp, a long-idle GPU instance, a stopped
 * one that was idle, names starting with train. Each is a generated instance with a few fields set,
 * so every other field is as realistic as the rest of the fleet.
 */
final class Showcase {
  /** The ID `dsw get --help` shows. */
  static final String FIRST_ID = "dsw-7a3c91e0b2f4d561";

  private record Shown(
      String id,
      String name,
      String status,
      String spec,
      long ageHours,
      int idleMinutes,
      String usage) {}

  private static final List<Shown> SHOWN =
      List.of(
          new Shown(
              FIRST_ID, "train_llama_7b", "Running", "ecs.gn7i-c8g1.2xlarge", 30, 150, "busy"),
          new Shown(
              "dsw-4f2b8c9d1e6a0735",
              "train_bert_large",
              "Running",
              "ecs.gn7i-c32g1.16xlarge",
              100,
              185,
              "idle"),
          new Shown(
              "dsw-9c1d2e3f4a5b6c7d",
              "train_sentiment_v2",
              "Stopped",
              "ecs.gn7i-c8g1.2xlarge",
              400,
              240,
              "busy"),
          new Shown(
              "dsw-0b1c2d3e4f5a6b7c",
              "train_vision_moe",
              "Running",
              "ecs.gn8v.8xlarge",
              20,
              320,
              "bursty"),
          new Shown(
              "dsw-5e6f7a8b9c0d1e2f", "notebook_nlp", "Running", "ecs.g7.2xlarge", 60, 20, "busy"));

  /**
   * Moves a generated instance into a workspace, created {@code age} before now, with a running
   * time that fits its age and status: its console URL and dataset paths name the new workspace.
   */
  static void place(ObjectNode n, String workspace, Instant now, Duration age) {
    String old = n.path("WorkspaceId").asText();
    Instant created = now.minus(age).truncatedTo(ChronoUnit.SECONDS);
    n.put("WorkspaceId", workspace);
    n.put("WorkspaceName", "ml-research");
    n.put(
        "InstanceUrl",
        n.path("InstanceUrl").asText().replace("workspaceId=" + old, "workspaceId=" + workspace));
    for (com.fasterxml.jackson.databind.JsonNode d : n.path("Datasets")) {
      if (d instanceof ObjectNode o) {
        o.put(
            "Uri",
            o.path("Uri").asText().replace("pai-data-" + old + ".", "pai-data-" + workspace + "."));
      }
    }
    n.put("GmtCreateTime", created.toString());
    n.put("GmtModifiedTime", created.toString());
    long share = n.path("Status").asText().equals("Running") ? 9 : 6; // tenths of its age
    n.put("AccumulatedRunningTimeInMs", age.toMillis() / 10 * share);
    n.remove("LatestSnapshot");
    n.putArray("InstanceSnapshotList");
    if (n.get("InstanceShutdownTimer") instanceof ObjectNode timer) {
      timer.put("GmtCreateTime", created.toString());
      timer.put("GmtModifiedTime", created.toString());
    }
  }

  private Showcase() {}

  /** The generated instance with its ID replaced everywhere it appears (URLs, timers, culler). */
  private static ObjectNode renamed(ObjectNode generated, String id) {
    String old = generated.get("InstanceId").asText();
    try {
      return (ObjectNode)
          dev.dsw.model.Json.MAPPER.readTree(
              dev.dsw.model.Json.MAPPER.writeValueAsString(generated).replace(old, id));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree it wrote itself
    }
  }

  /** The showcase instances, created the given hours before {@code now}. */
  static List<ObjectNode> instances(Instant now) {
    List<ObjectNode> base = FleetGenerator.generate(SHOWN.size(), 7, now);
    List<ObjectNode> out = new ArrayList<>();
    for (int k = 0; k < SHOWN.size(); k++) {
      Shown s = SHOWN.get(k);
      ObjectNode n = renamed(base.get(k), s.id());
      n.put("InstanceId", s.id());
      n.put("InstanceName", s.name());
      n.put("Status", s.status());
      n.put("ReasonCode", "");
      n.put("ReasonMessage", "");
      Catalogue.runOn(n, s.spec());
      place(n, FleetGenerator.DEFAULT_WORKSPACE, now, Duration.ofHours(s.ageHours()));
      ArrayNode labels = n.putArray("Labels");
      labels.addObject().put("Key", "team").put("Value", "nlp");
      labels
          .addObject()
          .put("Key", "env")
          .put("Value", s.status().equals("Running") ? "prod" : "dev");
      ObjectNode culler = n.putObject("IdleInstanceCuller");
      culler.put("InstanceId", s.id());
      culler.put("CpuPercentThreshold", 20);
      culler.put("GpuPercentThreshold", 10);
      culler.put("MaxIdleTimeInMinutes", 480);
      culler.put("IdleTimeInMinutes", s.idleMinutes());
      n.put(MetricsRoute.FIELD, s.usage());
      out.add(n);
    }
    out.addAll(Findings.instances(now));
    return out;
  }

  /**
   * Instances that give dsw audit a finding of every check, and dsw wait and list --watch three
   * that move: one reaches Running, one fails, one stops (their EmulatorTimeline; each step lasts
   * --transition-step, 20s by default, so the demo changes within a minute).
   */
  static final class Findings {
    static final String STARTING_ID = "dsw-1c2d3e4f5a6b7c8d";
    static final String FAILING_ID = "dsw-2d3e4f5a6b7c8d9e";
    static final String STOPPING_ID = "dsw-8d9e0f1a2b3c4d5e";

    private Findings() {}

    static List<ObjectNode> instances(Instant now) {
      List<ObjectNode> base = FleetGenerator.generate(8, 11, now);
      List<ObjectNode> out = new ArrayList<>();
      ObjectNode ssh =
          common(base.get(0), "dsw-3e4f5a6b7c8d9e0f", "ssh_public_box", "Running", now);
      ssh.put("Accessibility", "PUBLIC");
      ssh.putObject("EnvironmentVariables")
          .put("OSS_ACCESS_KEY_SECRET", "demo-not-a-secret")
          .put("MODE", "dev");
      forward(ssh, "ssh", "22", "eip-bp1demo0000001", "47.96.10.21", "2222", List.of());
      out.add(ssh);
      ObjectNode jupyter =
          common(base.get(1), "dsw-4f5a6b7c8d9e0f1a", "jupyter_exposed", "Running", now);
      forward(jupyter, "jupyter", "8888", "", "47.96.10.22", "8888", List.of("10.0.0.0/8"));
      jupyter.putObject("ServiceConfig").put("JupyterServerAuth", "none");
      out.add(jupyter);
      ObjectNode shared =
          common(base.get(2), "dsw-5a6b7c8d9e0f1a2b", "shared_data_rw", "Stopped", now);
      ArrayNode datasets = shared.putArray("Datasets");
      datasets
          .addObject()
          .put("DatasetId", "d-demo01")
          .put("Uri", "oss://team-datasets/")
          .put("MountPath", "/mnt/data")
          .put("MountAccess", "RW");
      shared.put("ImageUrl", "docker.io/someone/custom-notebook:latest");
      shared.put("ImageAuth", "ZGVtbzoqKioqKio=");
      out.add(shared);
      ObjectNode gpu = common(base.get(3), "dsw-6b7c8d9e0f1a2b3c", "gpu_unguarded", "Running", now);
      Catalogue.runOn(gpu, "ecs.gn7-c48g1.12xlarge");
      gpu.put(MetricsRoute.FIELD, "idle"); // idle by usage, with nothing to stop it: dsw idle
      out.add(gpu);
      ObjectNode guarded =
          common(base.get(4), "dsw-7c8d9e0f1a2b3c4d", "gpu_workspace_policy", "Running", now);
      Catalogue.runOn(guarded, "ecs.gn7i-c8g1.2xlarge");
      guarded.put(MetricsRoute.FIELD, "busy");
      guarded
          .putArray("EmulatorAutoShutdownPolicy")
          .addObject()
          .put("Expression", "IdleDuration > 1440 min AND GpuUtilization <= 1%")
          .put("SourceType", "Workspace")
          .putObject("Context");
      out.add(guarded);
      ObjectNode starting = common(base.get(5), STARTING_ID, "starting_notebook", "Starting", now);
      ArrayNode path = starting.putArray("EmulatorTimeline");
      path.addObject().put("Status", "EnvPreparing");
      path.addObject().put("Status", "Running");
      out.add(starting);
      ObjectNode failing = common(base.get(6), FAILING_ID, "failing_notebook", "Starting", now);
      ArrayNode fails = failing.putArray("EmulatorTimeline");
      fails.addObject().put("Status", "EnvPreparing");
      fails
          .addObject()
          .put("Status", "Failed")
          .put("ReasonCode", "ImagePullBackOff")
          .put("ReasonMessage", "Back-off pulling image \"custom:missing\"");
      out.add(failing);
      ObjectNode stopping = common(base.get(7), STOPPING_ID, "stopping_notebook", "Running", now);
      stopping.put(MetricsRoute.FIELD, "busy");
      ArrayNode stops = stopping.putArray("EmulatorTimeline");
      stops.addObject().put("Status", "Stopping");
      stops.addObject().put("Status", "Stopped");
      out.add(stopping);
      return out;
    }

    /** A generated instance renamed, in the demo's workspace, with no guard and no exposure. */
    private static ObjectNode common(
        ObjectNode generated, String id, String name, String status, Instant now) {
      ObjectNode n = renamed(generated, id);
      n.put("InstanceName", name);
      n.put("Status", status);
      n.put("ReasonCode", "");
      n.put("ReasonMessage", "");
      place(n, FleetGenerator.DEFAULT_WORKSPACE, now, Duration.ofHours(50));
      n.put("Accessibility", "PRIVATE");
      n.put("ImageAuth", "");
      for (String f :
          List.of(
              "IdleInstanceCuller",
              "InstanceShutdownTimer",
              "CredentialConfig",
              "ServiceConfig",
              "UserVpc",
              "Datasets")) {
        n.remove(f);
      }
      n.putObject("EnvironmentVariables").put("MODE", "dev");
      Catalogue.runOn(n, "ecs.g7.2xlarge");
      return n;
    }

    private static void forward(
        ObjectNode n,
        String name,
        String port,
        String eip,
        String ip,
        String publicPort,
        List<String> allowed) {
      n.remove("UserVpc");
      Seeded.forward(n, name, port, eip, ip, publicPort, allowed);
      ObjectNode vpc = (ObjectNode) n.get("UserVpc");
      vpc.put("VpcId", "vpc-bp1demo00000001");
      vpc.put("VSwitchId", "vsw-bp1demo00000001");
      vpc.put("SecurityGroupId", "sg-bp1demo00000001");
    }
  }
}
