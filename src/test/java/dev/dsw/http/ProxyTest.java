package dev.dsw.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A loopback proxy that demands credentials (MockWebServer playing it): the credentials of the
 * proxy URL answer its 407 as Proxy-Authorization: Basic, NO_PROXY bypasses it, a malformed proxy
 * URL is refused before anything is sent, and the password appears in no debug line or error.
 */
class ProxyTest {
  static final String PASSWORD = "pr0xy-p@ss-do-not-print";
  MockWebServer proxy;
  final List<String> debug = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    proxy = new MockWebServer();
    proxy.start();
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  Transport transport(Map<String, String> env) {
    return new Transport(
        Transport.Settings.builder("dsw-test", env, Clock.systemUTC())
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5))
            .retries(0)
            .debug(debug::add)
            .build(),
        CredentialProvider.of(Credentials.of("LTAI5tTESTKEY0000abcd", "s3cret", null, "test")));
  }

  /** A request to a host that is not loopback, so the proxy applies (the proxy resolves it). */
  static ApiRequest request() {
    return new ApiRequest(
        "http://pai-dsw.example.test",
        "/api/v2/instances",
        "ListInstances",
        "2022-01-01",
        new java.util.TreeMap<>(Map.of("PageNumber", "1")));
  }

  String proxyUrl() {
    return "http://ops%40corp:" + PASSWORD.replace("@", "%40") + "@127.0.0.1:" + proxy.getPort();
  }

  @Test
  void credentialsInTheProxyUrlAnswerItsChallengeAsBasic() throws Exception {
    proxy.enqueue(
        new MockResponse.Builder()
            .code(407)
            .addHeader("Proxy-Authenticate", "Basic realm=\"corp\"")
            .build());
    proxy.enqueue(
        new MockResponse.Builder().code(200).body("{\"TotalCount\":0,\"Instances\":[]}").build());
    try (Transport t = transport(Map.of("HTTP_PROXY", proxyUrl()))) {
      assertThat(t.send(request()).status()).isEqualTo(200);
    }
    RecordedRequest first = proxy.takeRequest();
    RecordedRequest second = proxy.takeRequest();
    assertThat(first.getHeaders().get("Proxy-Authorization")).isNull();
    String expected =
        "Basic " + Base64.getEncoder().encodeToString(("ops@corp:" + PASSWORD).getBytes());
    assertThat(second.getHeaders().get("Proxy-Authorization")).isEqualTo(expected);
    assertThat(String.join("\n", debug))
        .doesNotContain(PASSWORD)
        .doesNotContain(expected.substring(6));
  }

  @Test
  void aProxyThatRefusesTheCredentialsEndsTheCallWithoutALoop() {
    for (int i = 0; i < 3; i++) {
      proxy.enqueue(
          new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic").build());
    }
    try (Transport t = transport(Map.of("HTTP_PROXY", proxyUrl()))) {
      HttpResponse r = t.send(request());
      assertThat(r.status()).isEqualTo(407);
    } catch (IOException e) {
      assertThat(e.getMessage()).doesNotContain(PASSWORD);
    }
    assertThat(proxy.getRequestCount()).isEqualTo(2); // the first try, and one with the credentials
  }

  @Test
  void noProxyBypassesTheProxy() {
    try (Transport t = transport(Map.of("http_proxy", proxyUrl(), "NO_PROXY", "example.test"))) {
      assertThatThrownBy(() -> t.send(request()))
          .isInstanceOf(IOException.class); // direct: no such host
    }
    assertThat(proxy.getRequestCount()).isZero();
  }

  @Test
  void aMalformedProxyUrlIsRefusedWithoutEchoingIt() {
    for (String bad :
        List.of(
            "http://user:" + PASSWORD + "@",
            "ftp://user:" + PASSWORD + "@proxy:21",
            "http://user:" + PASSWORD + "@proxy:99999",
            "http://bad host:" + PASSWORD)) {
      assertThatThrownBy(() -> transport(Map.of("HTTPS_PROXY", bad)))
          .isInstanceOf(ProxyException.class)
          .hasMessage(
              "HTTPS_PROXY is not a proxy URL; expected http://[user:password@]host[:port]");
    }
  }
}
