package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.InstanceStatus;
import dev.dsw.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A deterministic fleet: the same seed, size and anchor time always give the same instances.
 * Realistic values for every response field of list-instances.md §4: several workspaces, all 15
 * statuses, CPU and GPU specs, unicode names, labels, tags and creation times over two years.
 */
final class FleetGenerator {
  static final String DEFAULT_WORKSPACE = "40823";
  private static final String[][] WORKSPACES = {
    {"40823", "ml-research"}, {"51234", "推荐系统"}, {"60001", "cv-team"}, {"70777", "llm-platform"}
  };
  private static final String[][] USERS = {
    {"203400000000001", "alice"}, {"203400000000002", "bob"}, {"203400000000003", "张伟"},
    {"203400000000004", "dana"}, {"203400000000005", "이서연"}, {"203400000000006", "frank"},
    {"203400000000007", "佐藤"}, {"203400000000008", "gpu-ops"}
  };

  /** ECS spec, vCPUs, memory, GPUs, GPU type. */
  private static final String[][] SPECS = {
    {"ecs.c6.large", "2", "4", "0", ""},
    {"ecs.g6.xlarge", "4", "16", "0", ""},
    {"ecs.g7.2xlarge", "8", "32", "0", ""},
    {"ecs.r7.4xlarge", "16", "128", "0", ""},
    {"ecs.gn7i-c8g1.2xlarge", "8", "30", "1", "NVIDIA A10"},
    {"ecs.gn7i-c32g1.16xlarge", "64", "376", "2", "NVIDIA A10"},
    {"ecs.gn6v-c8g1.2xlarge", "8", "32", "1", "Tesla-V100-16G"},
    {"ecs.gn6e-c12g1.3xlarge", "12", "92", "1", "NVIDIA V100"},
    {"ecs.gn7-c12g1.3xlarge", "12", "94", "1", "NVIDIA A100-80G"},
    {"ecs.gn6i-c4g1.xlarge", "4", "15", "1", "NVIDIA T4"},
    {"ecs.gn8v.8xlarge", "96", "1024", "8", "NVIDIA H100"},
    {"ecs.gn8is.2xlarge", "8", "64", "1", "NVIDIA L20"},
  };

  /** Specs the generator does not draw but the demo's named instances run on. */
  private static final String[][] OTHER_SPECS = {
    {"ecs.gn7-c48g1.12xlarge", "48", "376", "4", "NVIDIA A100"}
  };

  /**
   * Makes the instance run on this ECS spec, and everything that follows from it agree: vCPUs,
   * memory, GPUs and their type, accelerator, driver, the resource text and a CPU or GPU build of
   * its image (the same image otherwise). Used where a generated instance is changed afterwards.
   */
  static void runOn(ObjectNode n, String ecsSpec) {
    String[] spec =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(SPECS), java.util.Arrays.stream(OTHER_SPECS))
            .filter(s -> s[0].equals(ecsSpec))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no spec " + ecsSpec));
    boolean gpu = !spec[3].equals("0");
    ObjectNode res = n.putObject("RequestedResource");
    res.put("CPU", spec[1]);
    res.put("Memory", spec[2]);
    res.put("SharedMemory", spec[2]);
    if (gpu) {
      res.put("GPU", spec[3]);
      res.put("GPUType", spec[4]);
    }
    n.put("EcsSpec", spec[0]);
    n.put("ResourceName", spec[0]);
    n.put("ResourceId", "");
    n.put("PaymentType", "PayAsYouGo");
    n.put("AcceleratorType", gpu ? "GPU" : "CPU");
    n.put("Driver", gpu ? "535.54.03" : "");
    String image = n.path("ImageName").asText();
    int k = java.util.Arrays.asList(CPU_IMAGES).indexOf(image);
    k = k >= 0 ? k : java.util.Arrays.asList(GPU_IMAGES).indexOf(image);
    if (k >= 0) {
      image = (gpu ? GPU_IMAGES : CPU_IMAGES)[k];
      n.put("ImageName", image);
      n.put("ImageUrl", n.path("ImageUrl").asText().replaceFirst("/pai/.*$", "/pai/" + image));
    }
  }

  /** Images of CPU instances: none names a GPU build. */
  private static final String[] CPU_IMAGES = {
    "modelscope:1.9.4-pytorch2.0.1tensorflow2.13.0-cpu-py38-ubuntu20.04",
    "modelscope:1.14.0-pytorch2.1.2-cpu-py310-ubuntu22.04",
    "pytorch:2.3.0-cpu-py311-ubuntu22.04",
    "tensorflow:2.14-cpu-py310-ubuntu22.04",
    "pai-dsw/data-prep:0.4.1",
    "custom/team-base:2025.03"
  };

  /** Images of GPU instances, as many as {@link #CPU_IMAGES}: each a GPU (CUDA) build. */
  static final String[] GPU_IMAGES = {
    "modelscope:1.9.4-pytorch2.0.1tensorflow2.13.0-gpu-py38-cu118-ubuntu20.04",
    "modelscope:1.14.0-pytorch2.1.2-gpu-py310-cu121-ubuntu22.04",
    "pytorch:2.3.0-gpu-py311-cu121-ubuntu22.04",
    "tensorflow:2.14-gpu-py310-cu118-ubuntu22.04",
    "pai-dsw/llm-finetune:0.4.1-gpu",
    "custom/team-base:2025.03-gpu-cu121"
  };

  private static final String[] NAME_STEMS = {
    "train_llama",
    "eval_bert",
    "训练_数据",
    "推理_服务",
    "실험_노트북",
    "モデル評価",
    "feature_eng",
    "cv_detect",
    "rec_ranking",
    "ñandú_test",
    "notebook",
    "data_clean",
    "rl_agent",
    "asr_finetune"
  };
  private static final String[] RESOURCE_GROUPS = {
    "quota-12ab34cd", "quota-98fe76dc", "quota-55aa66bb"
  };
  private static final String[] OVERSOLD_TYPES = {
    "ForbiddenQuotaOverSold", "ForceQuotaOverSold", "AcceptQuotaOverSold"
  };

  private FleetGenerator() {}

  /** Generates {@code count} instances created within two years before {@code anchor}. */
  static List<ObjectNode> generate(int count, long seed, Instant anchor) {
    SplittableRandom r = new SplittableRandom(seed);
    List<ObjectNode> out = new ArrayList<>(count);
    Set<String> ids = new HashSet<>();
    InstanceStatus[] statuses = InstanceStatus.values();
    for (int i = 0; i < count; i++) {
      String id;
      do {
        id =
            "dsw-"
                + Long.toHexString(r.nextLong() | Long.MIN_VALUE)
                    .substring(0, 15)
                    .toLowerCase(Locale.ROOT);
      } while (!ids.add(id));
      // The first 15 instances cover every status; the rest lean towards Running and Stopped.
      String status = i < statuses.length ? statuses[i].name() : weightedStatus(r, statuses);
      out.add(Seeded.apply(instance(r, id, status, anchor), i));
    }
    return out;
  }

  /**
   * What every generated fleet of 37 or more holds besides, one kind every 37 instances, so that
   * dsw audit finds each check and dsw wait has instances that move (docs/emulator.md). Applied
   * after the instance is made, without drawing from the fleet's random numbers, so every other
   * value of the fleet stays as it was.
   */
  static final class Seeded {
    private Seeded() {}

    static ObjectNode apply(ObjectNode n, int index) {
      switch (index % 37) {
        case 5 -> internet(n, "ssh", "22", List.of());
        case 11 -> internet(n, "jupyter", "8888", List.of("10.0.0.0/8"));
        case 17 -> {
          ArrayNode datasets = n.putArray("Datasets");
          datasets
              .addObject()
              .put("DatasetId", "d-" + n.path("InstanceId").asText().substring(4, 12))
              .put("Uri", "oss://shared-datasets/")
              .put("MountPath", "/mnt/shared")
              .put("MountAccess", "RW");
          n.put("ImageUrl", "docker.io/community/notebook:latest");
        }
        case 23 -> {
          n.put("Status", "Running");
          n.remove("IdleInstanceCuller");
          n.remove("InstanceShutdownTimer");
          String gpus = n.path("RequestedResource").path("GPU").asText("");
          if (gpus.isEmpty() || gpus.equals("0")) {
            runOn(n, "ecs.gn7i-c8g1.2xlarge"); // a GPU instance, all of it
          }
        }
        case 29 -> moving(n, "Running", "", "");
        case 31 -> moving(n, "Failed", "ImagePullBackOff", "Back-off pulling image");
        default -> {
          // an ordinary instance
        }
      }
      return n;
    }

    private static void internet(ObjectNode n, String name, String port, List<String> allowed) {
      forward(
          n,
          name,
          port,
          "eip-" + n.path("InstanceId").asText().substring(4, 16),
          "47.96.0." + (port.length() * 7),
          port,
          allowed);
    }

    /**
     * A port forward open to the Internet (through this EIP, at this public address and port),
     * behind these ingress ranges (none: open to all).
     */
    static void forward(
        ObjectNode n,
        String name,
        String port,
        String eip,
        String ip,
        String publicPort,
        List<String> allowed) {
      ObjectNode vpc = object(n, "UserVpc");
      ObjectNode f = vpc.putArray("ForwardInfos").addObject();
      f.put("Enable", true);
      f.put("Name", name);
      f.put("ContainerName", "dsw-notebook");
      f.put("ForwardPort", port);
      f.put("ExternalPort", publicPort);
      f.put("EipAllocationId", eip);
      f.putArray("AccessType").add("internet");
      ObjectNode ci = f.putObject("ConnectInfo");
      ci.put("Phase", "Ready");
      ci.putObject("Internet").put("Endpoint", ip).put("Port", publicPort);
      ObjectNode bw = object(vpc, "BandwidthLimit");
      ArrayNode in = bw.putArray("IngressWhitelists");
      allowed.forEach(in::add);
      bw.putArray("EgressWhitelists");
    }

    private static ObjectNode object(ObjectNode parent, String field) {
      return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    private static void moving(ObjectNode n, String end, String code, String message) {
      n.put("Status", "Starting");
      ArrayNode path = n.putArray("EmulatorTimeline");
      path.addObject().put("Status", "EnvPreparing");
      path.addObject().put("Status", end).put("ReasonCode", code).put("ReasonMessage", message);
    }
  }

  private static String weightedStatus(SplittableRandom r, InstanceStatus[] all) {
    int roll = r.nextInt(100);
    if (roll < 40) {
      return "Running";
    }
    if (roll < 65) {
      return "Stopped";
    }
    if (roll < 70) {
      return "Failed";
    }
    return all[r.nextInt(all.length)].name();
  }

  private static ObjectNode instance(SplittableRandom r, String id, String status, Instant anchor) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    String[] ws = WORKSPACES[r.nextInt(WORKSPACES.length)];
    String[] user = USERS[r.nextInt(USERS.length)];
    String[] spec = SPECS[r.nextInt(SPECS.length)];
    boolean gpu = !spec[3].equals("0");
    boolean subscription = r.nextInt(100) < 30;
    Instant created = anchor.minusSeconds(r.nextLong(730L * 86400)).truncatedTo(ChronoUnit.SECONDS);
    // the age in whole seconds: what follows from it is the same whatever the anchor's fraction of
    // a second, so the demo (anchored at the clock's now) shows the same values run after run
    long ageSeconds = Duration.between(created, anchor).getSeconds();
    Instant modified = created.plusSeconds(r.nextLong(Math.max(1, ageSeconds)));
    String name = NAME_STEMS[r.nextInt(NAME_STEMS.length)] + "_" + (r.nextInt(90) + 10);
    String region = "cn-hangzhou";

    n.put("WorkspaceId", ws[0]);
    n.put("WorkspaceName", ws[1]);
    n.put("InstanceId", id);
    n.put("InstanceName", name);
    n.put("TenantId", "1234567890123456");
    n.put("Status", status);
    if (status.equals("Failed") || status.equals("SaveFailed")) {
      n.put("ReasonCode", "Internal Error");
      n.put(
          "ReasonMessage",
          r.nextBoolean() ? "ImagePullBackOff" : "OOMKilled: container exceeded memory limit");
    } else {
      n.put("ReasonCode", "");
      n.put("ReasonMessage", "");
    }
    n.put("EcsSpec", subscription ? "" : spec[0]);
    n.put("AcceleratorType", gpu ? "GPU" : "CPU");
    n.put("Accessibility", r.nextInt(4) == 0 ? "PUBLIC" : "PRIVATE");
    n.put("PaymentType", subscription ? "Subscription" : "PayAsYouGo");
    n.put("ResourceId", subscription ? RESOURCE_GROUPS[r.nextInt(RESOURCE_GROUPS.length)] : "");
    long priority = (long) r.nextInt(10) + 1;
    String cpu = subscription && r.nextInt(5) == 0 ? "0.5" : spec[1];
    // a resource group's share reads as what the instance asks of it: 8vCPU+30GiB
    n.put("ResourceName", subscription ? cpu + "vCPU+" + spec[2] + "GiB" : spec[0]);
    n.put("Priority", priority);
    ObjectNode res = n.putObject("RequestedResource");
    res.put("CPU", cpu);
    String mem = spec[2];
    res.put(
        "Memory",
        switch (r.nextInt(3)) {
          case 0 -> mem;
          case 1 -> mem + "Gi";
          default -> mem + "G";
        });
    res.put("SharedMemory", r.nextBoolean() ? mem : mem + "Gi");
    if (gpu) {
      res.put("GPU", subscription && r.nextInt(4) == 0 ? "0.5" : spec[3]);
      res.put("GPUType", spec[4]);
      n.put("Driver", r.nextBoolean() ? "535.54.03" : "550.54.15");
    } else {
      n.put("Driver", "");
    }
    String image = (gpu ? GPU_IMAGES : CPU_IMAGES)[r.nextInt(CPU_IMAGES.length)];
    n.put("ImageId", "m-" + hex(r, 12));
    n.put("ImageName", image);
    n.put("ImageUrl", "dsw-registry-vpc." + region + ".cr.aliyuncs.com/pai/" + image);
    n.put(
        "ImageAuth",
        r.nextInt(5) == 0
            ? Base64.getEncoder()
                .encodeToString(("harbor-user:******").getBytes(StandardCharsets.UTF_8))
            : "");
    String console = "https://pai.console.aliyun.com/?regionId=" + region + "&workspaceId=" + ws[0];
    n.put(
        "InstanceUrl", console + "#/dsw-gateway/" + id + "?token=fake-console-token-" + hex(r, 8));
    n.put("JupyterlabUrl", "https://dsw-gateway-" + region + ".data.aliyun.com/" + id + "/lab");
    n.put("WebIDEUrl", "https://dsw-gateway-" + region + ".data.aliyun.com/" + id + "/ide");
    n.put("TerminalUrl", "https://dsw-gateway-" + region + ".data.aliyun.com/" + id + "/terminal");
    n.put("AccumulatedRunningTimeInMs", r.nextLong(Math.max(1, ageSeconds * 1000))); // ≤ its age
    n.put("GmtCreateTime", created.toString());
    n.put("GmtModifiedTime", modified.toString());
    n.put("UserId", user[0]);
    n.put("UserName", user[1]);
    ObjectNode env = n.putObject("EnvironmentVariables");
    env.put("PYTHONUNBUFFERED", "1");
    if (r.nextInt(3) == 0) {
      env.put("WANDB_API_KEY", "fake-wandb-" + hex(r, 16));
    }
    ArrayNode labels = n.putArray("Labels");
    labels.addObject().put("Key", "team").put("Value", ws[1]);
    labels.addObject().put("Key", "env").put("Value", r.nextInt(3) == 0 ? "prod" : "dev");
    if (r.nextInt(4) == 0) {
      labels.addObject().put("Key", "stsTokenOwner").put("Value", user[0]);
    }
    ArrayNode tags = n.putArray("Tags");
    tags.addObject().put("TagKey", "cost-center").put("TagValue", "cc-" + (1000 + r.nextInt(4)));
    if (r.nextBoolean()) {
      tags.addObject()
          .put("TagKey", "project")
          .put("TagValue", r.nextBoolean() ? "搜索 推荐" : "vision/v2");
    }
    ArrayNode datasets = n.putArray("Datasets");
    if (r.nextInt(3) > 0) {
      ObjectNode d = datasets.addObject();
      d.put("DatasetId", "d-" + hex(r, 12));
      d.put("DatasetVersion", "v" + (r.nextInt(3) + 1));
      d.put(
          "Uri",
          "oss://pai-data-"
              + ws[0]
              + ".oss-"
              + region
              + "-internal.aliyuncs.com/data/"
              + name
              + "/");
      d.put("MountPath", "/mnt/data/");
      d.put("MountAccess", r.nextBoolean() ? "RW" : "RO");
      d.put("Options", "{\"fs.oss.download.thread.concurrency\":\"16\"}");
      d.put("OptionType", "FastReadWrite");
      d.put("Dynamic", false);
    }
    ArrayNode disks = n.putArray("CloudDisks");
    if (!subscription) {
      disks
          .addObject()
          .put("Capacity", (r.nextInt(4) + 1) * 50 + "Gi")
          .put("SubType", "rootfs")
          .put("MountPath", "/")
          .put("Path", "/");
    }
    if (r.nextBoolean()) {
      ObjectNode vpc = n.putObject("UserVpc");
      vpc.put("VpcId", "vpc-" + hex(r, 16));
      vpc.put("VSwitchId", "vsw-" + hex(r, 16));
      vpc.put("SecurityGroupId", "sg-" + hex(r, 16));
      vpc.putArray("ExtendedCIDRs").add("192.168.0.0/16");
      vpc.put("DefaultRoute", r.nextBoolean() ? "eth0" : "eth1");
      vpc.put("Ip", "10.0." + r.nextInt(256) + "." + r.nextInt(256));
      ArrayNode fwd = vpc.putArray("ForwardInfos");
      if (r.nextBoolean()) {
        ObjectNode f = fwd.addObject();
        f.put("Enable", true);
        f.put("Name", "ssh");
        f.put("ContainerName", "dsw-notebook");
        f.put("ForwardPort", "22");
        f.put("ExternalPort", "");
        f.put("NatGatewayId", "ngw-" + hex(r, 12));
        f.put("NlbGatewayId", "");
        f.put("EipAllocationId", "");
        f.put("SSHPublicKey", "ssh-ed25519 AAAAC3Nza" + hex(r, 24) + " " + user[1]);
        f.putArray("AccessType").add("intranet");
        ObjectNode ci = f.putObject("ConnectInfo");
        ci.put("Phase", "Ready");
        ci.put("Message", "");
        ci.putObject("Internet").put("Endpoint", "").put("Port", "");
        ci.putObject("Intranet").put("Endpoint", "10.0.0." + r.nextInt(256)).put("Port", "22");
      }
      ObjectNode bw = vpc.putObject("BandwidthLimit");
      bw.put("EgressRate", "100Mbps");
      bw.put("IngressRate", "100Mbps");
      bw.putArray("EgressWhitelists");
      bw.putArray("IngressWhitelists");
    }
    if (r.nextInt(4) == 0) {
      ObjectNode t = n.putObject("InstanceShutdownTimer");
      Instant due = anchor.plusSeconds(r.nextInt(86400) + 60);
      t.put("InstanceId", id);
      t.put("DueTime", due.toString());
      t.put("RemainingTimeInMs", Duration.between(anchor, due).toMillis());
      t.put("GmtCreateTime", modified.toString());
      t.put("GmtModifiedTime", modified.toString());
    }
    if (status.equals("Running") || r.nextInt(3) == 0) {
      ObjectNode c = n.putObject("IdleInstanceCuller");
      c.put("InstanceId", id);
      c.put("CpuPercentThreshold", 20);
      c.put("GpuPercentThreshold", 10);
      c.put("MaxIdleTimeInMinutes", new int[] {60, 120, 240, 480}[r.nextInt(4)]);
      c.put("IdleTimeInMinutes", status.equals("Running") ? r.nextInt(600) : 0);
    }
    ArrayNode snapshots = n.putArray("InstanceSnapshotList");
    if (status.equals("Saved") || status.equals("Saving") || r.nextInt(5) == 0) {
      ObjectNode s =
          snapshot(r, name, status.equals("Saving") ? "Pushing" : "Saved", modified, region);
      snapshots.add(s);
      n.set("LatestSnapshot", s.deepCopy());
    }
    n.put("WorkspaceSource", r.nextBoolean() ? "" : "nas");
    if (r.nextInt(3) == 0) {
      ObjectNode cc = n.putObject("CredentialConfig");
      cc.put("Enable", true);
      cc.put("AliyunEnvRoleKey", "0");
      ObjectNode cfg = cc.putArray("Configs").addObject();
      cfg.put("Key", "0");
      cfg.put("Type", "Role");
      ObjectNode role = cfg.putArray("Roles").addObject();
      role.put("RoleArn", "acs:ram::1234567890123456:role/aliyunpaidswdefaultrole");
      role.put("RoleType", "service");
      role.put("AssumeRoleFor", user[0]);
      role.put("Policy", "{\"Version\":\"1\",\"Statement\":[]}");
      ObjectNode ui = role.putObject("UserInfo");
      ui.put("Id", user[0]);
      ui.put("Type", "sub");
      ui.put("AccessKeyId", "LTAI5tFakeEmulator" + hex(r, 6));
      ui.put("SecurityToken", "CAISfakeEmulatorToken" + hex(r, 20));
    }
    n.putObject("Affinity").putObject("CPU").put("Enable", subscription && r.nextBoolean());
    ObjectNode dm = n.putObject("DynamicMount");
    dm.put("Enable", r.nextInt(4) == 0);
    dm.putArray("MountPoints");
    if (subscription && r.nextBoolean()) {
      String type = OVERSOLD_TYPES[r.nextInt(OVERSOLD_TYPES.length)];
      n.put("OversoldType", type);
      n.put(
          "OversoldInfo",
          type.equals("AcceptQuotaOverSold")
              ? type + (r.nextBoolean() ? "-true" : "-false")
              : type);
    }
    if (r.nextInt(4) == 0) {
      ObjectNode sc = n.putObject("ServiceConfig");
      sc.put("JupyterServerAuth", "password");
      sc.put("JupyterServerPassword", "fake-jupyter-" + hex(r, 10));
      sc.put("CodeServerAuth", "password");
      sc.put("CodeServerPassword", "fake-code-" + hex(r, 10));
    }
    return n;
  }

  private static ObjectNode snapshot(
      SplittableRandom r, String name, String status, Instant when, String region) {
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("ImageId", "m-" + hex(r, 12));
    s.put("ImageName", name + "-snapshot");
    s.put("ImageUrl", "registry." + region + ".aliyuncs.com/dsw-snap/" + name + ":latest");
    s.put(
        "RepositoryUrl",
        "https://cr.console.aliyun.com/repository/" + region + "/dsw-snap/" + name);
    s.put("Status", status);
    s.put("ReasonCode", "");
    s.put("ReasonMessage", "");
    s.put("GmtCreateTime", when.toString());
    s.put("GmtModifiedTime", when.toString());
    return s;
  }

  private static String hex(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(Character.forDigit(r.nextInt(16), 16));
    }
    return sb.toString();
  }
}
