package dev.dsw.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dsw.model.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three services that hand out temporary credentials: STS AssumeRole (RPC V1 signed GET), the
 * ECS metadata service, and a credentials URI. Every call goes through {@link TokenHttp}, the one
 * HTTP stack; nothing here opens a connection itself.
 */
final class TokenServices {
  private final Clock clock;
  private final TokenHttp http;

  TokenServices(Clock clock, TokenHttp http) {
    this.clock = clock;
    this.http = http;
  }

  /**
   * The role to assume: its ARN, the session name (null: dsw-<millis>), the external ID (or null)
   * and the duration.
   */
  record Role(String arn, String sessionName, String externalId, int durationSeconds) {}

  /** Calls STS AssumeRole with the given base credentials (credentials.md §5.1). */
  Credentials assumeRole(String stsBaseUrl, Credentials base, Role role, String source) {
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("Action", "AssumeRole");
    fixed.put("DurationSeconds", Integer.toString(role.durationSeconds()));
    fixed.put("RoleArn", role.arn());
    fixed.put(
        "RoleSessionName",
        role.sessionName() == null ? "dsw-" + clock.millis() : role.sessionName());
    if (role.externalId() != null) {
      fixed.put("ExternalId", role.externalId());
    }
    JsonNode body = sts(stsBaseUrl, fixed, base);
    return fromJson(body.path("Credentials"), source, "STS AssumeRole");
  }

  /**
   * One STS call: the action's parameters (Action first) with Format and Version, V1-signed afresh
   * for each attempt as a GET to the STS endpoint; the answer's JSON.
   */
  private JsonNode sts(String stsBaseUrl, Map<String, String> parameters, Credentials base) {
    Map<String, String> fixed = new LinkedHashMap<>(parameters);
    fixed.putIfAbsent("Format", "JSON");
    fixed.putIfAbsent("Version", "2015-04-01");
    String what = "STS " + fixed.get("Action");
    return json(
        call(
            new TokenHttp.Call(
                what,
                "GET",
                stsBaseUrl,
                "/",
                () -> RpcSigner.signed(fixed, base, clock),
                Map.of("Accept", "application/json"),
                false)),
        what);
  }

  /**
   * Asks STS who these credentials belong to: GetCallerIdentity, an RPC call V1-signed as
   * AssumeRole is (get-caller-identity.md §2.1; GET is allowed), sent only to the STS endpoint.
   */
  CallerIdentity callerIdentity(String stsBaseUrl, Credentials base) {
    return CallerIdentity.of(sts(stsBaseUrl, Map.of("Action", "GetCallerIdentity"), base));
  }

  /**
   * Fetches the ECS RAM role credentials from the metadata service (IMDSv2 token first, then v1).
   */
  Credentials ecsRole(String metadataBaseUrl, String roleName, String source) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    try {
      TokenHttp.Reply token =
          http.send(
              new TokenHttp.Call(
                  "ECS metadata",
                  "PUT",
                  metadataBaseUrl,
                  "/latest/api/token",
                  Map::of,
                  Map.of("X-aliyun-ecs-metadata-token-ttl-seconds", "21600"),
                  true));
      if (token.status() == 200) {
        headers.put("X-aliyun-ecs-metadata-token", token.body().strip());
      }
    } catch (IOException e) {
      // IMDSv1 fallback: credentials-java does the same unless v1 is disabled
    }
    String role = roleName;
    if (role == null) {
      role = call(metadata(metadataBaseUrl, "", headers)).strip();
    }
    JsonNode body = json(call(metadata(metadataBaseUrl, role, headers)), "ECS metadata");
    if (!"Success".equals(body.path("Code").asText())) {
      throw new CredentialsException(
          "ECS metadata answered Code=" + printable(body.path("Code").asText()),
          java.util.List.of());
    }
    return fromJson(body, source, "ECS metadata");
  }

  private static TokenHttp.Call metadata(String base, String role, Map<String, String> headers) {
    return new TokenHttp.Call(
        "ECS metadata",
        "GET",
        base,
        "/latest/meta-data/ram/security-credentials/" + role,
        Map::of,
        headers,
        true);
  }

  /** Fetches credentials from a credentials URI (credentials.md §5.4). */
  Credentials uri(String uri, String source) {
    JsonNode body =
        json(
            call(
                new TokenHttp.Call(
                    "credentials URI",
                    "GET",
                    uri,
                    "",
                    Map::of,
                    Map.of("Accept", "application/json"),
                    false)),
            "credentials URI");
    if (!"Success".equals(body.path("Code").asText())) {
      throw new CredentialsException(
          "credentials URI answered Code=" + printable(body.path("Code").asText()),
          java.util.List.of());
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

  private static JsonNode json(String text, String what) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new CredentialsException(what + " did not answer with JSON", java.util.List.of());
    }
  }

  /** The body of a 2xx reply; anything else is a CredentialsException with the status and Code. */
  private String call(TokenHttp.Call c) {
    TokenHttp.Reply r;
    try {
      r = http.send(c);
    } catch (IOException e) {
      throw new CredentialsException(
          c.what() + " unreachable: " + printable(String.valueOf(e.getMessage())), e);
    }
    if (r.status() / 100 != 2) {
      String code = "";
      try {
        code = " " + Json.MAPPER.readTree(r.body()).path("Code").asText("");
      } catch (IOException | RuntimeException notJson) {
        // not JSON: report the status only
      }
      throw new CredentialsException(
          c.what() + " refused: HTTP " + r.status() + printable(code).stripTrailing(),
          java.util.List.of());
    }
    return r.body();
  }

  private static String printable(String s) {
    return dev.dsw.model.Inert.printableShort(s);
  }
}
