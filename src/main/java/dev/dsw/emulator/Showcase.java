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
      String gpu,
      String gpuType,
      long ageHours,
      int idleMinutes) {}

  private static final List<Shown> SHOWN =
      List.of(
          new Shown(FIRST_ID, "train_llama_7b", "Running", "1", "NVIDIA A10", 30, 150),
          new Shown(
              "dsw-4f2b8c9d1e6a0735", "train_bert_large", "Running", "2", "NVIDIA A10", 100, 185),
          new Shown(
              "dsw-9c1d2e3f4a5b6c7d", "train_sentiment_v2", "Stopped", "1", "NVIDIA A10", 400, 240),
          new Shown(
              "dsw-0b1c2d3e4f5a6b7c", "train_vision_moe", "Running", "8", "NVIDIA H100", 20, 320),
          new Shown("dsw-5e6f7a8b9c0d1e2f", "notebook_nlp", "Running", "0", "", 60, 20));

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
      Instant created = now.minus(Duration.ofHours(s.ageHours())).truncatedTo(ChronoUnit.SECONDS);
      n.put("InstanceId", s.id());
      n.put("InstanceName", s.name());
      n.put("Status", s.status());
      n.put("ReasonCode", "");
      n.put("ReasonMessage", "");
      n.put("WorkspaceId", FleetGenerator.DEFAULT_WORKSPACE);
      n.put("WorkspaceName", "ml-research");
      n.put("PaymentType", "PayAsYouGo");
      n.put("ResourceId", "");
      n.put("EcsSpec", s.gpu().equals("0") ? "ecs.g7.2xlarge" : "ecs.gn7i-c8g1.2xlarge");
      n.put("AcceleratorType", s.gpu().equals("0") ? "CPU" : "GPU");
      n.put("GmtCreateTime", created.toString());
      n.put("GmtModifiedTime", created.toString());
      ObjectNode res = n.putObject("RequestedResource");
      res.put("CPU", s.gpu().equals("0") ? "8" : "32");
      res.put("Memory", s.gpu().equals("0") ? "32" : "188Gi");
      res.put("SharedMemory", "32");
      if (!s.gpu().equals("0")) {
        res.put("GPU", s.gpu());
        res.put("GPUType", s.gpuType());
      }
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
      out.add(n);
    }
    return out;
  }
}
