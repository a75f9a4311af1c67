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
    String[] ws = Catalogue.WORKSPACES[r.nextInt(Catalogue.WORKSPACES.length)];
    String[] user = Catalogue.USERS[r.nextInt(Catalogue.USERS.length)];
    String[] spec = Catalogue.SPECS[r.nextInt(Catalogue.SPECS.length)];
    boolean gpu = !spec[3].equals("0");
    boolean subscription = r.nextInt(100) < 30;
    Instant created = anchor.minusSeconds(r.nextLong(730L * 86400)).truncatedTo(ChronoUnit.SECONDS);
    // the age in whole seconds: what follows from it is the same whatever the anchor's fraction of
    // a second, so the demo (anchored at the clock's now) shows the same values run after run
    long ageSeconds = Duration.between(created, anchor).getSeconds();
    Instant modified = created.plusSeconds(r.nextLong(Math.max(1, ageSeconds)));
    String name =
        Catalogue.NAME_STEMS[r.nextInt(Catalogue.NAME_STEMS.length)] + "_" + (r.nextInt(90) + 10);
    String region = "cn-hangzhou";

    n.put("WorkspaceId", ws[0]);
    n.put("WorkspaceName", ws[1]);
    n.put("InstanceId", id);
    n.put("InstanceName", name);
    n.put("TenantId", "1234567890123456");
    status(r, n, status);
    n.put("EcsSpec", subscription ? "" : spec[0]);
    n.put("AcceleratorType", gpu ? "GPU" : "CPU");
    n.put("Accessibility", r.nextInt(4) == 0 ? "PUBLIC" : "PRIVATE");
    n.put("PaymentType", subscription ? "Subscription" : "PayAsYouGo");
    n.put(
        "ResourceId",
        subscription ? Catalogue.RESOURCE_GROUPS[r.nextInt(Catalogue.RESOURCE_GROUPS.length)] : "");
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
    Drawn d =
        new Drawn(
            id,
            status,
            anchor,
            ws,
            user,
            spec,
            gpu,
            subscription,
            created,
            modified,
            name,
            region,
            ageSeconds);
    // in this order: each draws from r as the one method did, so every fleet stays as it was
    imageAndPeople(r, n, d);
    storage(r, n, d);
    network(r, n, d);
    extras(r, n, d);
    return n;
  }

  /** The status, and a reason for a failed one. */
  private static void status(SplittableRandom r, ObjectNode n, String status) {
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
  }

  /** What the first draws of an instance decided, which the later parts read. */
  private record Drawn(
      String id,
      String status,
      Instant anchor,
      String[] ws,
      String[] user,
      String[] spec,
      boolean gpu,
      boolean subscription,
      Instant created,
      Instant modified,
      String name,
      String region,
      long ageSeconds) {}

  /** The image, URLs, times, owner, environment, labels and tags. */
  private static void imageAndPeople(SplittableRandom r, ObjectNode n, Drawn drawn) {
    String id = drawn.id();
    String[] ws = drawn.ws();
    String[] user = drawn.user();
    boolean gpu = drawn.gpu();
    Instant created = drawn.created();
    Instant modified = drawn.modified();
    String region = drawn.region();
    long ageSeconds = drawn.ageSeconds();
    String image =
        (gpu ? Catalogue.GPU_IMAGES : Catalogue.CPU_IMAGES)[r.nextInt(Catalogue.CPU_IMAGES.length)];
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
  }

  /** Datasets and cloud disks. */
  private static void storage(SplittableRandom r, ObjectNode n, Drawn drawn) {
    String[] ws = drawn.ws();
    boolean subscription = drawn.subscription();
    String name = drawn.name();
    String region = drawn.region();
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
  }

  /** The VPC, port forwards, the shutdown timer and the idle culler. */
  private static void network(SplittableRandom r, ObjectNode n, Drawn drawn) {
    String id = drawn.id();
    String status = drawn.status();
    Instant anchor = drawn.anchor();
    String[] user = drawn.user();
    Instant modified = drawn.modified();
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
  }

  /** Snapshots, credentials, affinity, mounts, oversold resources and notebook auth. */
  private static void extras(SplittableRandom r, ObjectNode n, Drawn drawn) {
    String status = drawn.status();
    String[] user = drawn.user();
    boolean subscription = drawn.subscription();
    Instant modified = drawn.modified();
    String name = drawn.name();
    String region = drawn.region();
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
      String type = Catalogue.OVERSOLD_TYPES[r.nextInt(Catalogue.OVERSOLD_TYPES.length)];
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
