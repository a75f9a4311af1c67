package dev.dsw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.api.Emulators;
import dev.dsw.auth.Acs3Signer;
import dev.dsw.model.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication as the real gateway does it, request by hand-built request. */
class EmulatorAuthTest {
  static EmulatorServer server;
  static OkHttpClient http = new OkHttpClient();

  @BeforeAll
  static void start() {
    server = Emulators.start(Emulators.options());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A correctly signed request's headers; tests then break one thing. */
  static Map<String, String> signed(
      Map<String, String> query, String keyId, String secret, Instant date, String nonce) {
    HttpUrl base = HttpUrl.get(server.baseUrl());
    Map<String, String> h = new LinkedHashMap<>();
    h.put("host", base.host() + ":" + base.port());
    h.put("x-acs-action", "ListInstances");
    h.put("x-acs-version", "2022-01-01");
    h.put("x-acs-date", date.truncatedTo(ChronoUnit.SECONDS).toString());
    h.put("x-acs-signature-nonce", nonce);
    h.put("x-acs-content-sha256", Acs3Signer.EMPTY_SHA256);
    h.put(
        "Authorization",
        Acs3Signer.sign(
                "GET", "/api/v2/instances", query, h, Acs3Signer.EMPTY_SHA256, keyId, secret)
            .authorization());
    return h;
  }

  static Map<String, String> good(Map<String, String> query) {
    return signed(
        query,
        EmulatorServer.DEMO_KEY_ID,
        EmulatorServer.DEMO_KEY_SECRET,
        Instant.now(),
        UUID.randomUUID().toString());
  }

  static JsonNode call(String rawQuery, Map<String, String> headers, int expectedStatus)
      throws Exception {
    Request.Builder b =
        new Request.Builder()
            .url(
                server.baseUrl()
                    + "/api/v2/instances"
                    + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    headers.forEach(b::header);
    try (Response r = http.newCall(b.build()).execute()) {
      assertThat(r.code()).isEqualTo(expectedStatus);
      JsonNode body = Json.MAPPER.readTree(r.body().string());
      assertThat(body.path("RequestId").asText()).isNotBlank();
      return body;
    }
  }

  @Test
  void acceptsACorrectlySignedRequest() throws Exception {
    Map<String, String> q = Map.of("PageSize", "1");
    assertThat(call("PageSize=1", good(q), 200).path("TotalCount").asLong()).isPositive();
  }

  @Test
  void acceptsTheFormEncodedQueryTheOfficialJavaSdkSends() throws Exception {
    // Same decoded parameters, sent HTML-form style (space as +, * raw, ~ as %7E) in another order.
    Map<String, String> q =
        new TreeMap<>(Map.of("InstanceName", "训练 数据 v1*~+/", "WorkspaceId", "ALL"));
    String wire = "WorkspaceId=ALL&InstanceName=%E8%AE%AD%E7%BB%83+%E6%95%B0%E6%8D%AE+v1*%7E%2B%2F";
    assertThat(call(wire, good(q), 200).path("Instances").isArray()).isTrue();
  }

  @Test
  void missingOrMalformedAuthorizationIsIncompleteSignature() throws Exception {
    Map<String, String> h = good(Map.of());
    h.remove("Authorization");
    assertThat(call("", h, 400).path("Code").asText()).isEqualTo("IncompleteSignature");
    h.put("Authorization", "ACS3-HMAC-SHA256 nonsense");
    assertThat(call("", h, 400).path("Code").asText()).isEqualTo("IncompleteSignature");
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() throws Exception {
    Map<String, String> h =
        signed(
            Map.of(), EmulatorServer.DEMO_KEY_ID, "wrong", Instant.now(), "n-" + UUID.randomUUID());
    JsonNode body = call("", h, 400);
    assertThat(body.path("Code").asText()).isEqualTo("SignatureDoesNotMatch");
    assertThat(body.path("Recommend").asText()).contains("SignatureDoesNotMatch");
    assertThat(body.path("HostId").asText()).isNotBlank();
  }

  @Test
  void anythingChangedAfterSigningIsSignatureDoesNotMatch() throws Exception {
    Map<String, String> h = good(Map.of("Status", "Running"));
    assertThat(call("Status=Stopped", h, 400).path("Code").asText())
        .isEqualTo("SignatureDoesNotMatch");
    Map<String, String> h2 = good(Map.of());
    h2.put("x-acs-extra", "added after signing");
    assertThat(call("", h2, 400).path("Code").asText()).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void unknownKeyIsInvalidAccessKeyIdNotFound() throws Exception {
    Map<String, String> h =
        signed(Map.of(), "LTAIunknown0000000000", "x", Instant.now(), "n-" + UUID.randomUUID());
    assertThat(call("", h, 404).path("Code").asText()).isEqualTo("InvalidAccessKeyId.NotFound");
  }

  @Test
  void aDateMoreThanFifteenMinutesOffIsExpired() throws Exception {
    Map<String, String> h =
        signed(
            Map.of(),
            EmulatorServer.DEMO_KEY_ID,
            EmulatorServer.DEMO_KEY_SECRET,
            Instant.now().minusSeconds(16 * 60),
            "n-" + UUID.randomUUID());
    assertThat(call("", h, 400).path("Code").asText()).isEqualTo("InvalidTimeStamp.Expired");
  }

  @Test
  void aReusedNonceIsRefused() throws Exception {
    Map<String, String> h = good(Map.of());
    call("", h, 200);
    assertThat(call("", h, 400).path("Code").asText()).isEqualTo("SignatureNonceUsed");
  }

  @Test
  void unknownPathsAnswer404InTheApiErrorShape() throws Exception {
    try (Response r =
        http.newCall(new Request.Builder().url(server.baseUrl() + "/api/v2/nothing").build())
            .execute()) {
      assertThat(r.code()).isEqualTo(404);
      JsonNode body = Json.MAPPER.readTree(r.body().string());
      assertThat(body.path("Code").asText()).isEqualTo("InvalidApi.NotFound");
      assertThat(body.path("RequestId").asText()).isNotBlank();
    }
  }

  @Test
  void capsTheQuerySize() throws Exception {
    String huge = "InstanceName=" + "x".repeat(EmulatorServer.MAX_QUERY_BYTES + 10);
    try (Response r =
        http.newCall(
                new Request.Builder().url(server.baseUrl() + "/api/v2/instances?" + huge).build())
            .execute()) {
      assertThat(r.code()).isEqualTo(414);
    }
  }
}
