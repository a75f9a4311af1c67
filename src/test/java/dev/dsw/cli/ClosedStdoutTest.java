package dev.dsw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.run.ExitCodes;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stdout that stops taking output: a reader that went away (`dsw list | head`) ends a listing at
 * once, quietly, with exit 0; a full disk is an error, said once, with exit 1.
 */
class ClosedStdoutTest {
  @TempDir Path home;

  EmulatorServer server;
  final AtomicInteger listRequests = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server =
        EmulatorServer.start(
            TestEnvironment.emulator().toBuilder()
                .instances(3000)
                .seed(5)
                .anchor(TestEnvironment.NOW.minusSeconds(86400 * 30))
                .log(
                    line -> {
                      if (line.contains("/api/v2/instances")) {
                        listRequests.incrementAndGet();
                      }
                    })
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * The listing requests the emulator served. It logs a request after answering it, so dsw may have
   * its answer before the count moves: wait until the count has been still for 100 ms.
   */
  int served() throws InterruptedException {
    int seen = -1;
    for (int still = 0, waited = 0; still < 5 && waited < 150; waited++) {
      int now = listRequests.get();
      still = now == seen && now > 0 ? still + 1 : 0;
      seen = now;
      Thread.sleep(20);
    }
    return seen;
  }

  TestEnvironment env() {
    return new TestEnvironment(home)
        .set("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorServer.DEMO_KEY_ID)
        .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", EmulatorServer.DEMO_KEY_SECRET);
  }

  String[] list(String format) {
    return new String[] {
      "list",
      "--endpoint",
      server.baseUrl(),
      "--workspace",
      "ALL",
      "--resource-id",
      "ALL",
      "--concurrency",
      "1",
      "-o",
      format
    };
  }

  @Test
  void aReaderThatGoesAwayEndsTheListingQuietlyAndAtOnce() throws Exception {
    for (String format : new String[] {"csv", "jsonl"}) {
      listRequests.set(0);
      TestEnvironment env = env().stdoutFailsAfter(2000, "Broken pipe");
      assertThat(env.run(list(format))).as(env.stderr()).isZero();
      assertThat(env.stderr()).isEmpty();
      assertThat(env.stdout()).startsWith(format.equals("csv") ? "ID,NAME," : "{\"");
      // 30 pages in all; the write fails while page 1 is written, so no more than the page in
      // flight after it is ever asked for.
      assertThat(served()).as(format).isBetween(1, 2);
    }
  }

  @Test
  void aFullDiskIsAnErrorSaidOnce() throws Exception {
    TestEnvironment env = env().stdoutFailsAfter(2000, "No space left on device");
    assertThat(env.run(list("csv"))).isEqualTo(ExitCodes.API);
    assertThat(env.stderr()).isEqualTo("dsw: cannot write to stdout: No space left on device\n");
    assertThat(served()).isBetween(1, 2);
  }

  @Test
  void outputThatFailsOnlyAtTheEndIsStillReported() {
    TestEnvironment version = env().stdoutFailsAfter(0, "No space left on device");
    assertThat(version.run("--version")).isEqualTo(ExitCodes.API);
    assertThat(version.stderr())
        .isEqualTo("dsw: cannot write to stdout: No space left on device\n");
    TestEnvironment piped = env().stdoutFailsAfter(0, "Broken pipe");
    assertThat(piped.run("--version")).isZero();
    assertThat(piped.stderr()).isEmpty();
  }

  @Test
  void watchEndsWhenItsReaderDoes() {
    TestEnvironment env = env().stdoutFailsAfter(100, "Broken pipe").onPause(n -> n >= 20);
    assertThat(
            env.run(
                "list",
                "--endpoint",
                server.baseUrl(),
                "--watch",
                "--interval",
                "1s",
                "-o",
                "jsonl"))
        .isZero();
    assertThat(env.pauses()).isZero();
    assertThat(env.stderr()).isEmpty();
  }
}
