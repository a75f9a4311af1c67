package dev.dsw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator stays up for honest clients (issue #31): connections that send their headers slowly
 * do not starve the others, its request log holds no credential material, and it stops with one
 * line when it cannot say where it listens.
 */
class EmulatorHardeningTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void fiveHundredSlowClientsDoNotStarveAnHonestOne() throws Exception {
    try (EmulatorServer server = EmulatorServer.start(TestEnvironment.emulator())) {
      URI base = URI.create(server.baseUrl());
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 500; i++) {
          Socket s = new Socket(base.getHost(), base.getPort());
          OutputStream out = s.getOutputStream();
          // a request line and half a header, then nothing: the server waits for the rest
          out.write(
              "GET /api/v2/instances HTTP/1.1\r\nHost: x\r\nX-Slow: "
                  .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          slow.add(s);
        }
        long start = System.nanoTime();
        HttpURLConnection c =
            (HttpURLConnection) base.resolve("/api/v2/instances").toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(5_000);
        int status = c.getResponseCode(); // unsigned: the emulator answers, with its error
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(status).isBetween(400, 499);
        assertThat(ms).as("answered while 500 clients hold connections").isLessThan(5_000);
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void theRequestLogHoldsNoCredentialMaterial() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (EmulatorServer server =
        EmulatorServer.start(TestEnvironment.emulator().toBuilder().log(log::add).build())) {
      String query =
          "Action=AssumeRole&AccessKeyId=LTAI5tLogKey00000042&SecurityToken=log-token-do-not-print"
              + "&Signature=log-signature-do-not-print&RoleArn=acs%3Aram%3A%3A1%3Arole%2Fr";
      HttpURLConnection c =
          (HttpURLConnection) URI.create(server.baseUrl() + "/?" + query).toURL().openConnection();
      c.getResponseCode();
      c.disconnect();
      for (int i = 0; i < 100 && log.isEmpty(); i++) {
        Thread.sleep(50); // the log line is written after the answer
      }
    }
    assertThat(log).isNotEmpty();
    String all = String.join("\n", log);
    assertThat(all)
        .contains("Action=AssumeRole")
        .contains("AccessKeyId=***")
        .doesNotContain("LTAI5tLogKey")
        .doesNotContain("log-token")
        .doesNotContain("log-signature");
  }

  @Test
  @Timeout(30)
  void anEmulatorThatCannotPrintItsUrlStopsWithOneLine() {
    TestEnvironment env = new TestEnvironment(dir).stdoutFailsAfter(0, "No space left on device");
    int code = env.run("emulator", "--port", "0");
    assertThat(code).isEqualTo(1);
    assertThat(env.stderr().lines().toList())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("dsw: ")
        .contains("No space left on device");
  }
}
