package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.auth.RpcSigner;
import dev.dsw.model.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * STS on the emulator (get-caller-identity.md §5, credentials.md §5.1): RPC calls at {@code /} and
 * {@code /sts}, GET or POST (parameters in the query, or a form body), V1-signed (HMAC-SHA1 over
 * the method, {@code /} and the sorted parameters), with the SecurityToken of STS keys checked.
 *
 * <ul>
 *   <li>{@code AssumeRole}: new temporary keys; whoever calls with them is that role.
 *   <li>{@code GetCallerIdentity}: who the key belongs to. The configured key is {@link Caller} (a
 *       RAM user by default; {@code dsw emulator --caller}); keys from AssumeRole are the
 *       AssumedRoleUser of the role and session; keys from the metadata service or the credentials
 *       URI are the AssumedRoleUser of EmulatorEcsRole.
 * </ul>
 */
final class StsRoute {
  /**
   * Who the configured key is. {@code type} is Account, RAMUser or AssumedRoleUser; {@code id} the
   * UserId (the account ID for Account) or the RoleId; {@code name} the user or role name.
   */
  record Caller(String type, String accountId, String id, String name) {
    static final Caller DEMO =
        new Caller("RAMUser", "1234567890123456", "203400000000001", "alice");

    /** The kinds dsw emulator --caller takes. */
    static final Map<String, String> KINDS =
        Map.of("account", "Account", "ram-user", "RAMUser", "assumed-role", "AssumedRoleUser");

    ObjectNode identity(String requestId, String session) {
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("RequestId", requestId);
      n.put("IdentityType", type);
      n.put("AccountId", accountId);
      switch (type) {
        case "Account" -> {
          n.put("UserId", accountId);
          n.put("PrincipalId", accountId);
          n.put("Arn", "acs:ram::" + accountId + ":root");
        }
        case "AssumedRoleUser" -> {
          n.put("RoleId", id);
          n.put("PrincipalId", id + ":" + session);
          n.put("Arn", "acs:ram::" + accountId + ":assumed-role/" + name + "/" + session);
        }
        default -> {
          n.put("UserId", id);
          n.put("PrincipalId", id);
          n.put("Arn", "acs:ram::" + accountId + ":user/" + name);
        }
      }
      return n;
    }
  }

  private record Assumed(Caller role, String session) {}

  private final Keyring keys;
  private final Caller caller;
  private final Map<String, Assumed> minted = new ConcurrentHashMap<>();

  StsRoute(Keyring keys, Caller caller) {
    this.keys = keys;
    this.caller = caller;
  }

  /**
   * The answer to one STS call: its parameters (query and form body) and method; {@code
   * credentials} writes a key as the Credentials object. Errors are the gateway's.
   */
  ObjectNode answer(
      String method,
      Map<String, String> parameters,
      String requestId,
      Function<Keyring.Key, ObjectNode> credentials)
      throws GatewayError {
    Map<String, String> params = new LinkedHashMap<>(parameters);
    String signature = params.remove("Signature");
    String action = params.getOrDefault("Action", "");
    if (!action.equals("AssumeRole") && !action.equals("GetCallerIdentity")) {
      throw new GatewayError(
          400, "MissingParameter", "Action=AssumeRole or Action=GetCallerIdentity is required.");
    }
    if (action.equals("AssumeRole") && params.get("RoleArn") == null) {
      throw new GatewayError(400, "MissingParameter", "RoleArn is required.");
    }
    Keyring.Key key = keys.find(params.getOrDefault("AccessKeyId", ""));
    if (key == null) {
      throw new GatewayError(
          404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }
    if (signature == null
        || !signature.equals(
            RpcSigner.sign(method.toUpperCase(Locale.ROOT), params, key.secret()))) {
      throw new GatewayError(
          400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.");
    }
    if (key.token() != null && !key.token().equals(params.get("SecurityToken"))) {
      throw new GatewayError(
          400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken is not valid.");
    }
    return action.equals("AssumeRole")
        ? assumeRole(params, requestId, credentials)
        : whoIs(key, requestId);
  }

  private ObjectNode whoIs(Keyring.Key key, String requestId) {
    if (key.token() == null) {
      return caller.identity(requestId, "");
    }
    Assumed a =
        minted.getOrDefault(
            key.id(),
            new Assumed(
                new Caller(
                    "AssumedRoleUser",
                    caller.accountId(),
                    roleId(MetadataRoute.ROLE),
                    MetadataRoute.ROLE),
                "emulator-ecs"));
    return a.role().identity(requestId, a.session());
  }

  private ObjectNode assumeRole(
      Map<String, String> params, String requestId, Function<Keyring.Key, ObjectNode> credentials) {
    int seconds;
    try {
      seconds = Integer.parseInt(params.getOrDefault("DurationSeconds", "3600"));
    } catch (NumberFormatException e) {
      seconds = 3600;
    }
    String arn = params.get("RoleArn");
    String session = params.getOrDefault("RoleSessionName", "");
    String roleName = arn.substring(arn.lastIndexOf('/') + 1);
    Keyring.Key issued = keys.issue(Duration.ofSeconds(Math.max(900, seconds)));
    minted.put(
        issued.id(),
        new Assumed(
            new Caller("AssumedRoleUser", caller.accountId(), roleId(arn), roleName), session));
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("RequestId", requestId);
    body.putObject("AssumedRoleUser")
        .put("Arn", arn + "/" + session)
        .put("AssumedRoleId", roleId(arn) + ":" + session);
    body.set("Credentials", credentials.apply(issued));
    return body;
  }

  /** A role's ID, made from its ARN or name: the same on every run. */
  static String roleId(String role) {
    return "3" + String.format("%015d", Math.floorMod(role.hashCode(), 1_000_000_000_000_000L));
  }

  /**
   * Serves one call at / or /sts, GET or POST: the query's parameters and a form body's; {@code
   * credentials} writes a key as the Credentials object.
   */
  int serve(Gateway.Call call, Function<Keyring.Key, ObjectNode> credentials)
      throws java.io.IOException {
    com.sun.net.httpserver.HttpExchange ex = call.ex();
    Map<String, String> params = new LinkedHashMap<>(call.query());
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (call.body().length > 0
        && type != null
        && type.startsWith("application/x-www-form-urlencoded")) {
      try {
        params.putAll(
            Gateway.decodeQuery(new String(call.body(), java.nio.charset.StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        return Gateway.send(
            ex,
            400,
            Gateway.body(
                call.requestId(), ex, "InvalidParameter.Format", "The body is not well encoded."),
            call.requestId());
      }
    }
    try {
      return Gateway.send(
          ex,
          200,
          answer(ex.getRequestMethod(), params, call.requestId(), credentials),
          call.requestId());
    } catch (GatewayError e) {
      return Gateway.refuse(ex, call.requestId(), e);
    }
  }
}
