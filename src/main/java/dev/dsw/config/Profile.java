package dev.dsw.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One profile of ~/.aliyun/config.json, with the keys dsw uses (credentials.md §2.2). The mode
 * is normalised to the aliyun CLI's spelling, and guessed as the CLI guesses it when empty.
 * {@code toString()} never shows a secret.
 */
public record Profile(String name, String mode, String accessKeyId, String accessKeySecret, String stsToken,
    String ramRoleArn, String ramSessionName, String externalId, String sourceProfile, Integer expiredSeconds,
    String stsRegion, String stsEndpoint, String ramRoleName, String credentialsUri, String regionId,
    String endpointType) {

  private static final String[] MODES = {
    "AK", "StsToken", "RamRoleArn", "EcsRamRole", "RamRoleArnWithRoleName", "ChainableRamRoleArn", "RsaKeyPair",
    "External", "CredentialsURI", "OIDC", "CloudSSO", "OAuth", "BearerToken", "Anonymous"
  };

  static Profile fromJson(JsonNode n) {
    String ak = text(n, "access_key_id");
    String sk = text(n, "access_key_secret");
    String token = text(n, "sts_token");
    String roleArn = text(n, "ram_role_arn");
    String roleName = text(n, "ram_role_name");
    String uri = text(n, "credentials_uri");
    String mode = normaliseMode(text(n, "mode"));
    if (mode == null) {
      if (ak != null && sk != null) {
        mode = token != null ? "StsToken" : roleArn != null ? "RamRoleArn" : "AK";
      } else if (roleName != null) {
        mode = "EcsRamRole";
      } else if (text(n, "process_command") != null) {
        mode = "External";
      } else if (uri != null) {
        mode = "CredentialsURI";
      }
    }
    Integer expired = n.hasNonNull("expired_seconds") && n.get("expired_seconds").canConvertToInt()
        ? n.get("expired_seconds").asInt() : null;
    return new Profile(text(n, "name"), mode, ak, sk, token, roleArn, text(n, "ram_session_name"),
        text(n, "external_id"), text(n, "source_profile"), expired, text(n, "sts_region"), text(n, "sts_endpoint"),
        roleName, uri, text(n, "region_id"), text(n, "endpoint_type"));
  }

  static String normaliseMode(String mode) {
    if (mode == null) {
      return null;
    }
    for (String m : MODES) {
      if (m.equalsIgnoreCase(mode)) {
        return m;
      }
    }
    return mode;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return "Profile[name=" + name + ", mode=" + mode + ", region=" + regionId + "]";
  }
}
