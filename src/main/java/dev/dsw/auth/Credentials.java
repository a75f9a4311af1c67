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
    sendable("AccessKey ID", accessKeyId, source);
    sendable("AccessKey secret", accessKeySecret, source);
    sendable("security token", securityToken, source);
  }

  /**
   * Refuses a value that cannot go into an HTTP header or a signature (a line break, a control or a
   * non-ASCII character: a pasted token, a file with CRLF ends), naming where it came from and
   * never what it holds, so the value cannot reach an error message.
   */
  static void sendable(String what, String value, String source) {
    if (value == null) {
      return;
    }
    if (what.equals("AccessKey ID") && !value.matches("[A-Za-z0-9._-]+")) {
      // an ID is letters and digits (LTAI..., STS....): a comma or space would also split the
      // Authorization header, half of the ID landing where redaction does not look
      throw new CredentialsException(
          "the AccessKey ID from "
              + source
              + " holds a character an AccessKey ID never has (only letters, digits, '.', '_' and"
              + " '-')",
          java.util.List.of());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new CredentialsException(
            "the "
                + what
                + " from "
                + source
                + " holds "
                + (c == '\r' || c == '\n'
                    ? "a line break"
                    : c <= 0x20 || c == 0x7f
                        ? "a control character or space"
                        : "a non-ASCII character")
                + " at position "
                + (i + 1)
                + "; it cannot be sent (was it pasted with a line end?)",
            java.util.List.of());
      }
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
