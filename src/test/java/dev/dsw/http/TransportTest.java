package dev.dsw.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dsw.auth.Acs3Signer;
import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransportTest {
  static final String SECRET = "s3cr3t-value-never-printed";
  static final String TOKEN = "CAIS+token/never==printed~";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  MockWebServer server;
  List<Long> sleeps = new ArrayList<>();
  List<String> debug = new ArrayList<>();
  AtomicInteger nonce = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Transport transport(Credentials c, int retries) {
    Transport.Settings s =
        new Transport.Settings(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            retries,
            4,
            "dsw-test",
            Map.of(),
            debug::add,
            CLOCK);
    RetryPolicy policy =
        new RetryPolicy(retries, Duration.ofMillis(200), Duration.ofSeconds(8), () -> 0L);
    return new Transport(
        s, CredentialProvider.of(c), () -> "nonce-" + nonce.incrementAndGet(), policy, sleeps::add);
  }

  Transport transport(int retries) {
    return transport(Credentials.of("LTAI5tTESTKEY0000abcd", SECRET, null, "test"), retries);
  }

  ApiRequest request(Map<String, String> query) {
    return new ApiRequest(
        server.url("/").toString(),
        "/api/v2/instances",
        "ListInstances",
        "2022-01-01",
        new TreeMap<>(query));
  }

  static MockResponse ok(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void sendsExactlyTheCanonicalQueryItSignedAndAValidSignature() throws Exception {
    server.enqueue(ok("{}"));
    Map<String, String> q = new LinkedHashMap<>();
    q.put("InstanceName", "训练 数据 v1*~+/");
    q.put("Labels", "{\"team\":\"算法 组\",\"env\":\"a+b/c*d~e\"}");
    q.put("InstanceId", "dsw-a,dsw-b");
    q.put("Empty", "");
    try (Transport t = transport(0)) {
      t.send(request(q));
    }
    RecordedRequest r = server.takeRequest();
    String canonical = Acs3Signer.canonicalQuery(q);
    assertThat(r.getTarget()).isEqualTo("/api/v2/instances?" + canonical);
    assertThat(r.getTarget())
        .contains("%20")
        .contains("%2A")
        .contains("~")
        .contains("%2B")
        .doesNotContain("+");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : r.getHeaders().names()) {
      headers.put(name, r.getHeaders().get(name));
    }
    assertThat(headers)
        .containsEntry("x-acs-action", "ListInstances")
        .containsEntry("x-acs-version", "2022-01-01")
        .containsEntry("x-acs-date", "2025-01-01T00:00:00Z")
        .containsEntry("x-acs-content-sha256", Acs3Signer.EMPTY_SHA256)
        .containsEntry("User-Agent", "dsw-test");
    // Re-sign what arrived, independently of the client: the server-side check the emulator does.
    Acs3Signer.Signature expected =
        Acs3Signer.sign(
            "GET",
            "/api/v2/instances",
            q,
            headers,
            Acs3Signer.EMPTY_SHA256,
            "LTAI5tTESTKEY0000abcd",
            SECRET);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(expected.authorization());
    assertThat(expected.signedHeaders())
        .isEqualTo(
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
  }

  @Test
  void stsCredentialsSendAndSignTheSecurityToken() throws Exception {
    server.enqueue(ok("{}"));
    try (Transport t =
        transport(Credentials.of("STS.NKabcdefgh12345678", SECRET, TOKEN, "test"), 0)) {
      t.send(request(Map.of()));
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("x-acs-security-token")).isEqualTo(TOKEN);
    assertThat(r.getHeaders().get("Authorization"))
        .contains("x-acs-security-token")
        .contains("Credential=STS.NKabcdefgh12345678");
  }

  @Test
  void retries503WithBackoffAndSignsEachAttemptWithAFreshNonce() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(503).body("{\"Code\":\"ServiceUnavailable\"}").build());
    server.enqueue(
        new MockResponse.Builder().code(500).body("{\"Code\":\"InternalError\"}").build());
    server.enqueue(ok("{\"ok\":true}"));
    HttpResponse resp;
    try (Transport t = transport(4)) {
      resp = t.send(request(Map.of("A", "1")));
    }
    assertThat(resp.status()).isEqualTo(200);
    assertThat(server.getRequestCount()).isEqualTo(3);
    List<String> nonces = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      nonces.add(server.takeRequest().getHeaders().get("x-acs-signature-nonce"));
    }
    assertThat(nonces).doesNotHaveDuplicates().hasSize(3);
    // equal jitter with a zero random part: half of 200 ms, then half of 400 ms
    assertThat(sleeps).containsExactly(100L, 200L);
  }

  @Test
  void stopsAfterTheConfiguredRetriesAndReturnsTheLastAnswer() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse.Builder().code(500).body("{\"Code\":\"InternalError\"}").build());
    }
    HttpResponse resp;
    try (Transport t = transport(2)) {
      resp = t.send(request(Map.of()));
    }
    assertThat(resp.status()).isEqualTo(500);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2).allSatisfy(ms -> assertThat(ms).isBetween(100L, 8000L));
  }

  @Test
  void honoursRetryAfterOnThrottling() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(429)
            .setHeader("Retry-After", "3")
            .body("{\"Code\":\"Throttling.User\"}")
            .build());
    server.enqueue(ok("{}"));
    try (Transport t = transport(3)) {
      t.send(request(Map.of()));
    }
    assertThat(sleeps).containsExactly(3000L);
  }

  @Test
  void retriesAThrottlingCodeEvenOnHttp400() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .body("{\"Code\":\"Throttling.Api\",\"Message\":\"slow down\"}")
            .build());
    server.enqueue(ok("{}"));
    try (Transport t = transport(3)) {
      assertThat(t.send(request(Map.of())).status()).isEqualTo(200);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void neverRetriesClientErrors() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(400).body("{\"Code\":\"ValidationError\"}").build());
    server.enqueue(ok("{}"));
    HttpResponse resp;
    try (Transport t = transport(3)) {
      resp = t.send(request(Map.of()));
    }
    assertThat(resp.status()).isEqualTo(400);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retriesABodyCutShort() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"Instances\":[")
            .setHeader("Content-Length", "1000")
            .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    server.enqueue(ok("{\"whole\":true}"));
    HttpResponse resp;
    try (Transport t = transport(2)) {
      resp = t.send(request(Map.of()));
    }
    assertThat(new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"whole\":true}");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aServerThatTricklesPastTheReadTimeoutFailsInsteadOfHanging() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"Instances\":[]}")
            .throttleBody(1, 3, TimeUnit.SECONDS)
            .build());
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> {
              try (Transport t = transport(0)) {
                t.send(request(Map.of()));
              }
            })
        .isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void debugLogAndDryRunRedactSignatureTokenAndKeyId() throws Exception {
    server.enqueue(ok("{}"));
    String dry;
    try (Transport t =
        transport(Credentials.of("STS.NKabcdefgh12345678", SECRET, TOKEN, "test"), 0)) {
      t.send(request(Map.of("A", "1")));
      dry = t.dryRun(request(Map.of("A", "1")));
    }
    String all = String.join("\n", debug) + "\n" + dry;
    RecordedRequest r = server.takeRequest();
    String realSignature = r.getHeaders().get("Authorization").replaceAll(".*Signature=", "");
    assertThat(all)
        .contains("> GET ")
        .contains("< HTTP 200")
        .contains("Signature=***")
        .contains("x-acs-security-token: ***")
        .contains("STS.****5678")
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN)
        .doesNotContain(realSignature)
        .doesNotContain("STS.NKabcdefgh12345678");
    assertThat(dry).startsWith("GET " + server.url("/api/v2/instances?A=1"));
  }

  @Test
  void proxyVariablesRouteThroughTheProxyExceptNoProxyHosts() {
    var selector =
        EnvProxySelector.fromEnvironment(
            Map.of(
                "HTTPS_PROXY",
                "http://proxy.example:3128",
                "NO_PROXY",
                ".internal.example,localhost"));
    assertThat(
            selector
                .select(java.net.URI.create("https://pai-dsw.cn-hangzhou.aliyuncs.com/"))
                .get(0)
                .address()
                .toString())
        .contains("proxy.example")
        .contains("3128");
    assertThat(selector.select(java.net.URI.create("https://a.internal.example/")).get(0))
        .isEqualTo(java.net.Proxy.NO_PROXY);
    assertThat(selector.select(java.net.URI.create("http://127.0.0.1:8080/")).get(0))
        .isEqualTo(java.net.Proxy.NO_PROXY);
    assertThat(EnvProxySelector.fromEnvironment(Map.of())).isNull();
  }
}
