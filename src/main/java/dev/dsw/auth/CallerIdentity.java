package dev.dsw.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Json;
import java.util.Locale;

/**
 * Who a credential belongs to, as STS GetCallerIdentity says (get-caller-identity.md §3): the
 * identity type (Account, RAMUser or AssumedRoleUser, compared case-insensitively), the account,
 * the UserId (users and the account) or the RoleId (roles), the principal and the Arn.
 */
public record CallerIdentity(
    String type, String accountId, String userId, String roleId, String principalId, String arn) {

  /** Reads an answer; one without an identity type or an ID to own instances by is refused. */
  static CallerIdentity of(JsonNode n) {
    CallerIdentity c =
        new CallerIdentity(
            n.path("IdentityType").asText(""),
            n.path("AccountId").asText(""),
            n.path("UserId").asText(""),
            n.path("RoleId").asText(""),
            n.path("PrincipalId").asText(""),
            n.path("Arn").asText(""));
    if (c.type.isEmpty() || c.ownerId().isEmpty()) {
      throw new CredentialsException(
          "STS GetCallerIdentity answered without an identity type and ID", java.util.List.of());
    }
    return c;
  }

  public boolean isRole() {
    return type.toLowerCase(Locale.ROOT).equals("assumedroleuser");
  }

  /**
   * The UID instances are created under, what --mine sends as CreateUserId: the UserId of a RAM
   * user or of the account; for an assumed role its RoleId (unverified: get-caller-identity.md §4
   * finds no instance owned by a role; README says so).
   */
  public String ownerId() {
    if (isRole()) {
      return roleId;
    }
    return userId.isEmpty() && type.equalsIgnoreCase("Account") ? accountId : userId;
  }

  /** The user or role name from the Arn (user/NAME, role/NAME, assumed-role/NAME/SESSION); root. */
  public String name() {
    String resource = arn.substring(arn.lastIndexOf(':') + 1);
    String[] parts = resource.split("/", -1);
    return parts.length >= 2 ? parts[1] : resource;
  }

  /**
   * One line for --debug, --dry-run and config show: "RAMUser alice (UID 2034…, account 1234…)".
   */
  public String describe() {
    return type
        + " "
        + name()
        + " ("
        + (isRole() ? "RoleId " : "UID ")
        + ownerId()
        + ", account "
        + accountId
        + ")";
  }

  /** As JSON, for the cache. */
  public ObjectNode toJson() {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("IdentityType", type);
    n.put("AccountId", accountId);
    n.put("UserId", userId);
    n.put("RoleId", roleId);
    n.put("PrincipalId", principalId);
    n.put("Arn", arn);
    return n;
  }

  /** Reads the cache's JSON back. */
  public static CallerIdentity fromJson(JsonNode n) {
    return of(n);
  }
}
