package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What generated fleets are drawn from (workspaces, owners, ECS specs, images, names, resource
 * groups), and how an instance is made to run on a spec with everything that follows from it
 * agreeing (docs/emulator.md "One consistent story").
 */
final class Catalogue {
  private Catalogue() {}

  /** ECS spec, vCPUs, memory, GPUs, GPU type. */
  static final String[][] SPECS = {
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
  static final String[] CPU_IMAGES = {
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

  static final String[][] WORKSPACES = {
    {"40823", "ml-research"}, {"51234", "推荐系统"}, {"60001", "cv-team"}, {"70777", "llm-platform"}
  };

  static final String[][] USERS = {
    {"203400000000001", "alice"}, {"203400000000002", "bob"}, {"203400000000003", "张伟"},
    {"203400000000004", "dana"}, {"203400000000005", "이서연"}, {"203400000000006", "frank"},
    {"203400000000007", "佐藤"}, {"203400000000008", "gpu-ops"}
  };

  static final String[] NAME_STEMS = {
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

  static final String[] RESOURCE_GROUPS = {"quota-12ab34cd", "quota-98fe76dc", "quota-55aa66bb"};

  static final String[] OVERSOLD_TYPES = {
    "ForbiddenQuotaOverSold", "ForceQuotaOverSold", "AcceptQuotaOverSold"
  };
}
