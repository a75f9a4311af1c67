package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ~/.aliyun/config.json can't hang or crash dsw (red team, issue #23: a FIFO hung the run, a link
 * to /dev/zero threw OutOfMemoryError, a broken file blocked working environment keys, a config
 * error named StreamReadConstraints.getMaxNestingDepth()).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConfigFilesTest {
  @TempDir Path home;

  Path config() throws Exception {
    return Files.createDirectories(home.resolve(".aliyun")).resolve("config.json");
  }

  void fifo(Path p) throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
  }

  /** dsw list with no keys in the environment: the file is the only source. */
  TestEnvironment withoutKeys(int exit) {
    TestEnvironment env = new TestEnvironment(home);
    assertThat(env.run("list", "--endpoint", "http://127.0.0.1:9"))
        .as(env.stderr())
        .isEqualTo(exit);
    assertThat(env.stdout()).isEmpty();
    assertThat(env.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    return env;
  }

  @Test
  void aFifoIsRefusedInOneLineWithoutWaiting() throws Exception {
    fifo(config());
    assertThat(withoutKeys(4).stderr().lines().findFirst().orElseThrow())
        .endsWith(
            "config.json is not a regular file (a FIFO, socket or device); dsw reads"
                + " configuration only from regular files");
  }

  @Test
  void aLinkToADeviceIsRefused() throws Exception {
    Files.createSymbolicLink(config(), Path.of("/dev/zero"));
    assertThat(withoutKeys(4).stderr()).contains("is not a regular file");
  }

  @Test
  void aFileOverTheCapIsRefused() throws Exception {
    Files.write(config(), new byte[(1 << 20) + 1]);
    assertThat(withoutKeys(4).stderr()).contains("is larger than 1 MiB");
  }

  @Test
  void invalidJsonIsNamedByLineAndColumnWithNoLibraryInternals() throws Exception {
    Files.writeString(config(), "[".repeat(5000));
    String err = withoutKeys(4).stderr();
    assertThat(err)
        .contains("config.json is not valid JSON (nested too deeply, or a value too large)");
    assertThat(err).doesNotContain("StreamReadConstraints").doesNotContain("jackson");
    Files.writeString(config(), "{\n  \"current\": oops\n}");
    err = withoutKeys(4).stderr();
    assertThat(err).contains("config.json is not valid JSON (line 2, column");
    assertThat(err).doesNotContain("Unrecognized token").doesNotContain("jackson");
  }

  @Test
  void completeEnvironmentKeysWinOverABrokenFileWithAWarning() throws Exception {
    fifo(config());
    try (EmulatorServer server = EmulatorServer.start(TestEnvironment.emulator())) {
      TestEnvironment env = TestEnvironment.list(home, server, 0, "-o", "csv", "--columns", "ID");
      assertThat(env.stdout().lines().count()).isGreaterThan(1);
      assertThat(env.stderr())
          .contains("is not a regular file")
          .contains("using the AccessKey in the environment");
    }
  }

  @Test
  void aProfileNamedOnTheCommandLineStillNeedsTheFile() throws Exception {
    Files.writeString(config(), "{ not json");
    try (EmulatorServer server = EmulatorServer.start(TestEnvironment.emulator())) {
      TestEnvironment env = TestEnvironment.withDemoKeys(home);
      int code = env.run("list", "--endpoint", server.baseUrl(), "--profile", "prod");
      assertThat(code).as(env.stderr()).isEqualTo(4);
      assertThat(env.stderr()).contains("is not valid JSON");
    }
  }
}
