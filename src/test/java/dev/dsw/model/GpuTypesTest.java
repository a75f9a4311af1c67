package dev.dsw.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GPU types as people say them, against the API's spellings (issue #33's cases). */
class GpuTypesTest {
  static final List<String> KNOWN =
      List.of(
          "NVIDIA A10",
          "NVIDIA A100",
          "NVIDIA A100-80G",
          "NVIDIA H100",
          "NVIDIA T4",
          "NVIDIA V100",
          "Tesla-V100-16G");

  @Test
  void theWaysPeopleSayA10AllSelectA10AndNeverA100() {
    for (String said : List.of("A10", "a10", "nvidia a10", "NVIDIA A10", " A10 ", "Nvidia-A10")) {
      assertThat(GpuTypes.matching(said, KNOWN)).as(said).containsExactly("NVIDIA A10");
    }
  }

  @Test
  void aFamilySelectsEveryVariant() {
    assertThat(GpuTypes.matching("A100", KNOWN)).containsExactly("NVIDIA A100", "NVIDIA A100-80G");
    assertThat(GpuTypes.matching("a100-80g", KNOWN)).containsExactly("NVIDIA A100-80G");
    assertThat(GpuTypes.matching("V100-16G", KNOWN)).containsExactly("Tesla-V100-16G");
    assertThat(GpuTypes.matching("tesla v100 16g", KNOWN)).containsExactly("Tesla-V100-16G");
    assertThat(GpuTypes.matching("V100", KNOWN)).containsExactly("NVIDIA V100", "Tesla-V100-16G");
  }

  @Test
  void aNameThatIsNoneIsNoneWithANearOne() {
    assertThat(GpuTypes.matching("A1000", KNOWN)).isEmpty();
    assertThat(GpuTypes.matching("H10", KNOWN)).isEmpty();
    assertThat(GpuTypes.matching("", KNOWN)).isEmpty();
    assertThat(GpuTypes.nearest("A1000", KNOWN)).contains("NVIDIA A100");
    assertThat(GpuTypes.nearest("H10O", KNOWN)).contains("NVIDIA H100");
  }
}
