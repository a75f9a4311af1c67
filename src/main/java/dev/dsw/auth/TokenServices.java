package dev.dsw.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The three services that hand out temporary credentials: STS AssumeRole (RPC V1 signed GET), the
 * ECS metadata service, and a credentials URI. Plain JDK HTTP keeps okhttp inside the http package;
 * these calls happen at most once per process and credential lifetime.
 */
final class TokenServices {
  private static final int TIMEOUT_MS = 5_000;
  private final Clock clock;

  TokenServices(Clock clock) {
    this.clock = clock;
  }

  /** Calls STS AssumeRole with the given base credentials (credentials.md §5.1). */
  /**
   * The role to assume: its ARN, the session name (null: dsw-<millis>), the external ID (or null)
   * and the duration.
   */
  record Role(String arn, String sessionName, String externalId, int durationSeconds) {}

  Credentials assumeRole(String stsBaseUrl, Credentials base, Role role, String source) {
    String roleArn = role.arn();
    String sessionName = role.sessionName();
    String externalId = role.externalId();
    int durationSeconds = role.durationSeconds();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "AssumeRole");
    p.put("Format", "JSON");
    p.put("Version", "2015-04-01");
    p.put("DurationSeconds", Integer.toString(durationSeconds));
    p.put("RoleArn", roleArn);
    p.put("RoleSessionName", sessionName == null ? "dsw-" + clock.millis() : sessionName);
    if (externalId != null) {
      p.put("ExternalId", externalId);
    }
    p.put("AccessKeyId", base.accessKeyId());
    if (base.isSts()) {
      p.put("SecurityToken", base.securityToken());
    }
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", UUID.randomUUID().toString());
    p.put(
        "Timestamp",
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    p.put("Signature", RpcSigner.sign("GET", p, base.accessKeySecret()));
    StringJoiner q = new StringJoiner("&");
    p.forEach((k, v) -> q.add(PercentEncoding.encode(k) + "=" + PercentEncoding.encode(v)));
    JsonNode body =
        getJson(stsBaseUrl.replaceAll("/+$", "") + "/?" + q, Map.of(), "STS AssumeRole");
    return fromJson(body.path("Credentials"), source, "STS AssumeRole");
  }

  /**
   * Fetches the ECS RAM role credentials from the metadata service (IMDSv2 token first, then v1).
   */
  Credentials ecsRole(String metadataBaseUrl, String roleName, String source) {
    String base = metadataBaseUrl.replaceAll("/+$", "");
    Map<String, String> headers = new LinkedHashMap<>();
    try {
      HttpURLConnection c = open(base + "/latest/api/token", "PUT");
      c.setRequestProperty("X-aliyun-ecs-metadata-token-ttl-seconds", "21600");
      if (c.getResponseCode() == 200) {
        headers.put("X-aliyun-ecs-metadata-token", read(c.getInputStream()).strip());
      }
    } catch (IOException e) {
      // IMDSv1 fallback: credentials-java does the same unless v1 is disabled
    }
    String role = roleName;
    if (role == null) {
      role =
          getText(base + "/latest/meta-data/ram/security-credentials/", headers, "ECS metadata")
              .strip();
    }
    JsonNode body =
        getJson(
            base + "/latest/meta-data/ram/security-credentials/" + role, headers, "ECS metadata");
    if (!"Success".equals(body.path("Code").asText())) {
      throw new CredentialsException(
          "ECS metadata answered Code=" + body.path("Code").asText(), java.util.List.of());
    }
    return fromJson(body, source, "ECS metadata");
  }

  /** Fetches credentials from a credentials URI (credentials.md §5.4). */
  Credentials uri(String uri, String source) {
    JsonNode body = getJson(uri, Map.of(), "credentials URI");
    if (!"Success".equals(body.path("Code").asText())) {
      throw new CredentialsException(
          "credentials URI answered Code=" + body.path("Code").asText(), java.util.List.of());
    }
    return fromJson(body, source, "credentials URI");
  }

  private Credentials fromJson(JsonNode n, String source, String what) {
    String id = n.path("AccessKeyId").asText("");
    String secret = n.path("AccessKeySecret").asText("");
    if (id.isEmpty() || secret.isEmpty()) {
      throw new CredentialsException(
          what + " returned no AccessKeyId/AccessKeySecret", java.util.List.of());
    }
    Instant expiration = null;
    String exp = n.path("Expiration").asText("");
    if (!exp.isEmpty()) {
      try {
        expiration = Instant.parse(exp);
      } catch (DateTimeParseException e) {
        throw new CredentialsException(
            what + " returned an unreadable Expiration", java.util.List.of());
      }
    }
    return new Credentials(id, secret, n.path("SecurityToken").asText(null), expiration, source);
  }

  private JsonNode getJson(String url, Map<String, String> headers, String what) {
    String text = getText(url, headers, what);
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new CredentialsException(what + " did not answer with JSON", java.util.List.of());
    }
  }

  private String getText(String url, Map<String, String> headers, String what) {
    try {
      HttpURLConnection c = open(url, "GET");
      headers.forEach(c::setRequestProperty);
      int status = c.getResponseCode();
      if (status / 100 != 2) {
        InputStream err = c.getErrorStream();
        String body = err == null ? "" : read(err);
        JsonNode parsed = null;
        try {
          parsed = Json.MAPPER.readTree(body);
        } catch (IOException ignored) {
          // not JSON: report the status only
        }
        String code = parsed == null ? "" : " " + parsed.path("Code").asText("");
        throw new CredentialsException(
            what + " refused: HTTP " + status + code, java.util.List.of());
      }
      return read(c.getInputStream());
    } catch (IOException e) {
      throw new CredentialsException(
          what + " unreachable at " + URI.create(url).getHost() + ": " + e.getMessage(), e);
    }
  }

  private static HttpURLConnection open(String url, String method) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setRequestMethod(method);
    c.setConnectTimeout(TIMEOUT_MS);
    c.setReadTimeout(TIMEOUT_MS);
    c.setRequestProperty("Accept", "application/json");
    return c;
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
    }
  }
}
