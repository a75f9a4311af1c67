package dev.dsw.auth;

import java.time.Instant;

/**
 * An AccessKey pair, with an STS token when temporary. {@code toString()} masks everything, so a
 * stray log line or exception message can never show a secret.
 *
 * @param expiration when temporary credentials stop working, or null for long-term keys
 * @param source which provider produced them, e.g. "env ALIBABA_CLOUD_ACCESS_KEY_ID"
 */
public record Credentials(
    String accessKeyId,
    String accessKeySecret,
    String securityToken,
    Instant expiration,
    String source) {

  public Credentials {
    if (accessKeyId == null
        || accessKeyId.isEmpty()
        || accessKeySecret == null
        || accessKeySecret.isEmpty()) {
      throw new IllegalArgumentException("an AccessKey ID and secret are both required");
    }
    if (securityToken != null && securityToken.isEmpty()) {
      securityToken = null;
    }
  }

  public static Credentials of(String id, String secret, String token, String source) {
    return new Credentials(id, secret, token, null, source);
  }

  public boolean isSts() {
    return securityToken != null;
  }

  /**
   * Returns the AccessKey ID with all but its first 4 and last 4 characters hidden, e.g.
   * LTAI****abcd.
   */
  public String maskedKeyId() {
    return mask(accessKeyId);
  }

  /**
   * Masks an identifier: first 4 and last 4 characters kept when it is long enough, else fully
   * hidden.
   */
  public static String mask(String id) {
    if (id == null) {
      return "";
    }
    if (id.length() <= 12) {
      return "****";
    }
    return id.substring(0, 4) + "****" + id.substring(id.length() - 4);
  }

  @Override
  public String toString() {
    return "Credentials[accessKeyId="
        + maskedKeyId()
        + ", accessKeySecret=***, securityToken="
        + (isSts() ? "***" : "none")
        + ", source="
        + source
        + "]";
  }
}
