package dev.dsw.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dsw.cli.TestEnvironment;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A signed request goes only to the endpoint it was signed for: a redirect to a second loopback
 * server is an API error in one line, and that server receives nothing, neither the signature nor
 * the security token (red team, issue #23: a 302 used to carry x-acs-security-token along).
 */
class RedirectTest {
  @TempDir Path home;

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsNotFollowed(int status) throws Exception {
    try (MockWebServer signedFor = new MockWebServer();
        MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      signedFor.start();
      for (int i = 0; i < 10; i++) {
        signedFor.enqueue(
            new MockResponse.Builder()
                .code(status)
                .addHeader("Location", elsewhere.url("/steal").toString())
                .build());
      }
      TestEnvironment env =
          new TestEnvironment(home)
              .set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tRedirect0000001")
              .set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "redirect-secret")
              .set("ALIBABA_CLOUD_SECURITY_TOKEN", "redirect-token-must-stay");
      int code = env.run("list", "--endpoint", signedFor.url("/").toString());
      String err = env.stderr();
      assertThat(code).as(err).isEqualTo(1);
      assertThat(err.lines().toList()).hasSizeBetween(1, 2); // the line, and perhaps its hint
      assertThat(err)
          .startsWith("dsw: HTTP " + status + ": the service answered with a redirect")
          .doesNotContain("redirect-token-must-stay");
      assertThat(env.stdout()).isEmpty();
      assertThat(elsewhere.getRequestCount()).as("requests the other server received").isZero();
      assertThat(signedFor.getRequestCount()).as("a redirect is not retried").isEqualTo(1);
    }
  }
}
