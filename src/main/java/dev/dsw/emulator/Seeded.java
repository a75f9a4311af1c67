package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What every generated fleet of 37 or more holds besides, one kind every 37 instances, so that dsw
 * audit finds each check and dsw wait has instances that move (docs/emulator.md). Applied after the
 * instance is made, without drawing from the fleet's random numbers, so every other value of the
 * fleet stays as it was.
 */
final class Seeded {
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
          Catalogue.runOn(n, "ecs.gn7i-c8g1.2xlarge"); // a GPU instance, all of it
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
   * A port forward open to the Internet (through this EIP, at this public address and port), behind
   * these ingress ranges (none: open to all).
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
