package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --limit is counted in one place (api/Limit), whatever the listing is made of (issue #32): an
 * --instance-id list of more than 100 IDs goes out in parts, and each part counted its own limit,
 * so --limit 5 printed 10; regions and profiles are merged under the same count.
 */
class LimitTest {
  @TempDir Path dir;

  private List<String> ids(String... args) {
    TestEnvironment env = TestEnvironment.withDemoKeys(dir);
    List<String> all = new java.util.ArrayList<>(List.of("--demo"));
    all.addAll(List.of(args));
    all.addAll(List.of("-o", "name"));
    assertThat(env.run(all.toArray(String[]::new))).as(env.stderr()).isZero();
    return env.stdout().lines().toList();
  }

  @Test
  void aLongIdListIsLimitedOnceNotPerPart() {
    List<String> named = ids("list", "-A").subList(0, 150); // two requests of 100 and 50 IDs
    String list = String.join(",", named);
    assertThat(ids("list", "-A", "--instance-id", list)).hasSize(150);
    List<String> five = ids("list", "-A", "--instance-id", list, "--limit", "5");
    assertThat(five).hasSize(5).allMatch(named::contains);
  }

  @Test
  void regionsAreLimitedTogether() {
    assertThat(ids("list", "--all-regions", "--limit", "7")).hasSize(7);
    assertThat(ids("list", "--region", "cn-hangzhou,cn-beijing", "-A", "--limit", "250"))
        .hasSize(250);
  }
}
