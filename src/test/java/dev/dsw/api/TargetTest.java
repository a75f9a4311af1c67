package dev.dsw.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.config.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regions and endpoints, decided without picocli: flags first, then the default, the environment,
 * the profile.
 */
class TargetTest {
  static Target target(String region, boolean all, String endpoint, String envRegion) {
    return new Target(
        new Target.Flags(region, all, endpoint, false),
        new Target.Fallbacks(
            null, envRegion, Optional::<Profile>empty, Path.of("/home/u/.aliyun/config.json")));
  }

  @Test
  void oneRegionComesFromTheFlagThenTheEnvironment() {
    assertThat(target("cn-beijing", false, null, "cn-shanghai").endpoint())
        .isEqualTo("https://pai-dsw.cn-beijing.aliyuncs.com");
    assertThat(target(null, false, null, "cn-shanghai").endpoint())
        .isEqualTo("https://pai-dsw.cn-shanghai.aliyuncs.com");
    assertThat(target(null, false, null, "cn-shanghai").regions()).isEmpty();
  }

  @Test
  void noRegionAnywhereNamesEveryPlaceLooked() {
    assertThatThrownBy(() -> target(null, false, null, null).endpoint())
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("--region not given")
        .hasMessageContaining("ALIBABA_CLOUD_REGION_ID not set")
        .hasMessageContaining("/home/u/.aliyun/config.json has no matching profile");
    assertThat(target(null, false, null, null).regionOrEmpty()).isEmpty();
  }

  @Test
  void severalRegionsAreCheckedDeduplicatedAndKeptInOrder() {
    assertThat(target("cn-shanghai, cn-hangzhou,cn-shanghai", false, null, null).regions())
        .containsExactly("cn-shanghai", "cn-hangzhou");
    assertThat(target(null, true, null, null).regions()).isEqualTo(Endpoints.KNOWN_REGIONS);
    assertThatThrownBy(() -> target("cn-shanghai,Not A Region", false, null, null).regions())
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("'Not A Region' is not a region ID");
    assertThatThrownBy(() -> target("cn-beijing", true, null, null).regions())
        .hasMessageContaining("cannot be combined");
  }

  @Test
  void anEndpointTemplateServesEachRegionAndAFixedOneServesOnlyOne() {
    Target t = target("cn-a,cn-b", false, "http://127.0.0.1:8080/{region}", null);
    assertThat(List.of(t.endpoint("cn-a"), t.endpoint("cn-b")))
        .containsExactly("http://127.0.0.1:8080/cn-a", "http://127.0.0.1:8080/cn-b");
    Target fixed = target("cn-a,cn-b", false, "http://127.0.0.1:8080", null);
    assertThatThrownBy(() -> fixed.endpoint("cn-a"))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("names one endpoint")
        .satisfies(e -> assertThat(((InvalidQueryException) e).hint()).contains("{region}"));
    assertThatThrownBy(() -> target(null, false, "http://203.0.113.9", null).endpoint())
        .hasMessageContaining("plain http to a host that does not resolve to loopback only");
  }
}
