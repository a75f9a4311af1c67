package dev.dsw.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Acs3SignerTest {

  static Stream<JsonNode> vectors() throws IOException {
    try (InputStream in =
        Acs3SignerTest.class.getResourceAsStream("/signing/signing-vectors.json")) {
      JsonNode root = Json.MAPPER.readTree(in);
      return Stream.of(root.get("vectors").elements())
          .flatMap(
              it -> {
                Stream.Builder<JsonNode> b = Stream.builder();
                it.forEachRemaining(b);
                return b.build();
              });
    }
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesEveryOfficialVectorByteForByte(JsonNode v) {
    Acs3Signer.Signature s =
        Acs3Signer.sign(
            v.get("method").asText(),
            v.get("path").asText(),
            map(v.get("query")),
            map(v.get("headers")),
            Acs3Signer.EMPTY_SHA256,
            v.get("accessKeyId").asText(),
            v.get("accessKeySecret").asText());
    assertThat(s.canonicalQuery()).isEqualTo(v.get("canonicalQueryString").asText());
    assertThat(s.signedHeaders()).isEqualTo(v.get("signedHeaders").asText());
    assertThat(s.canonicalRequest()).isEqualTo(v.get("canonicalRequest").asText());
    assertThat(s.stringToSign()).isEqualTo(v.get("stringToSign").asText());
    assertThat(s.authorization()).isEqualTo(v.get("authorization").asText());
  }

  @Test
  void vectorFileHoldsAllSixVectors() throws IOException {
    assertThat(vectors().count()).isEqualTo(6);
  }

  @Test
  void encodesSpaceStarTildePlusAndUnicodeAsRfc3986() {
    assertThat(PercentEncoding.encode("a b*c~d+e/f")).isEqualTo("a%20b%2Ac~d%2Be%2Ff");
    assertThat(PercentEncoding.encode("训")).isEqualTo("%E8%AE%AD");
    assertThat(PercentEncoding.encode("-_.~AZaz09")).isEqualTo("-_.~AZaz09");
    assertThat(PercentEncoding.encode("\"{}[]:,")).isEqualTo("%22%7B%7D%5B%5D%3A%2C");
  }

  @Test
  void sortsNamesByCodeUnitKeepsEmptyValuesAndEncodesKeys() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("a", "1");
    q.put("Z", "2");
    q.put("Empty", "");
    q.put("k y", "v");
    assertThat(Acs3Signer.canonicalQuery(q)).isEqualTo("Empty=&Z=2&a=1&k%20y=v");
  }

  @Test
  void signsOnlyHostContentTypeAndAcsHeadersWithTrimmedValues() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", " h ");
    headers.put("User-Agent", "x");
    headers.put("X-Acs-Date", "d");
    headers.put("Content-Type", "application/json");
    Acs3Signer.Signature s =
        Acs3Signer.sign("get", "", Map.of(), headers, Acs3Signer.EMPTY_SHA256, "id", "secret");
    assertThat(s.signedHeaders()).isEqualTo("content-type;host;x-acs-date");
    assertThat(s.canonicalRequest())
        .startsWith("GET\n/\n\ncontent-type:application/json\nhost:h\nx-acs-date:d\n\n");
    assertThat(s.authorization())
        .startsWith(
            "ACS3-HMAC-SHA256 Credential=id,SignedHeaders=content-type;host;x-acs-date,Signature=");
  }

  @Test
  void rpcSignatureMatchesTheDocumentedAlgorithm() {
    // STS V1 string to sign: GET&%2F&encode(canonical); key = secret + "&" (credentials.md §5.1).
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "AssumeRole");
    p.put("RoleArn", "acs:ram::1:role/r");
    String sig = RpcSigner.sign("GET", p, "secret");
    assertThat(sig)
        .isEqualTo(
            hmacSha1Base64(
                "secret&",
                "GET&%2F&"
                    + PercentEncoding.encode(
                        "Action=AssumeRole&RoleArn="
                            + PercentEncoding.encode("acs:ram::1:role/r"))));
  }

  private static String hmacSha1Base64(String key, String data) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
      return java.util.Base64.getEncoder()
          .encodeToString(mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void credentialsNeverShowSecretsInToString() {
    Credentials c =
        Credentials.of("LTAI5tABCDEFGHIJabcd", "very-secret-value", "token-value", "test");
    assertThat(c.toString())
        .doesNotContain("very-secret-value")
        .doesNotContain("token-value")
        .doesNotContain("LTAI5tABCDEFGHIJabcd")
        .contains("LTAI****abcd");
  }
}
