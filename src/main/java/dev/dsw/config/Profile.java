package dev.dsw.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One profile of ~/.aliyun/config.json, with the keys dsw uses (credentials.md §2.2). The mode is
 * normalised to the aliyun CLI's spelling, and guessed as the CLI guesses it when empty. {@code
 * toString()} never shows a secret.
 */
public final class Profile {
  private final JsonNode json;
  private final String mode;
  private final Integer expiredSeconds;

  /**
   * The profile's own JSON object is the one copy of its keys; each accessor reads its key from it.
   */
  private Profile(JsonNode json, String mode, Integer expiredSeconds) {
    this.json = json;
    this.mode = mode;
    this.expiredSeconds = expiredSeconds;
  }

  private static final String[] MODES = {
    "AK", "StsToken", "RamRoleArn", "EcsRamRole", "RamRoleArnWithRoleName", "ChainableRamRoleArn",
        "RsaKeyPair",
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
    Integer expired =
        n.hasNonNull("expired_seconds") && n.get("expired_seconds").canConvertToInt()
            ? n.get("expired_seconds").asInt()
            : null;
    return new Profile(n, mode, expired);
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

  public String name() {
    return text(json, "name");
  }

  public String accessKeyId() {
    return text(json, "access_key_id");
  }

  public String accessKeySecret() {
    return text(json, "access_key_secret");
  }

  public String stsToken() {
    return text(json, "sts_token");
  }

  public String ramRoleArn() {
    return text(json, "ram_role_arn");
  }

  public String ramSessionName() {
    return text(json, "ram_session_name");
  }

  public String externalId() {
    return text(json, "external_id");
  }

  public String sourceProfile() {
    return text(json, "source_profile");
  }

  public String stsRegion() {
    return text(json, "sts_region");
  }

  public String stsEndpoint() {
    return text(json, "sts_endpoint");
  }

  public String ramRoleName() {
    return text(json, "ram_role_name");
  }

  public String credentialsUri() {
    return text(json, "credentials_uri");
  }

  public String regionId() {
    return text(json, "region_id");
  }

  public String endpointType() {
    return text(json, "endpoint_type");
  }

  /** The mode in the aliyun CLI's spelling, guessed from the keys when the file leaves it empty. */
  public String mode() {
    return mode;
  }

  public Integer expiredSeconds() {
    return expiredSeconds;
  }

  @Override
  public String toString() {
    return "Profile[name=" + name() + ", mode=" + mode + ", region=" + regionId() + "]";
  }
}
