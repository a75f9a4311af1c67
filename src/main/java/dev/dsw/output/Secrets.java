package dev.dsw.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.model.Masking;

/**
 * Masks the sensitive fields of an instance in every format, by the one rule of
 * {@link Masking}: ImageAuth, the values of EnvironmentVariables, and any field named like a
 * password, secret, token, auth or AccessKey ID (CredentialConfig's UserInfo, ServiceConfig's
 * passwords).
 */
public final class Secrets {
  private Secrets() {}

  /** True when a column reads a field path that could hold a secret, so rows must be masked first. */
  public static boolean anyMayReveal(java.util.List<Column> columns) {
    for (Column c : columns) {
      if (c.path() != null && (c.path().startsWith("EnvironmentVariables") || c.path().startsWith("CredentialConfig")
          || c.path().startsWith("ServiceConfig") || Masking.SENSITIVE.matcher(c.path()).matches())) {
        return true;
      }
    }
    return false;
  }

  /** A masked copy of an instance, for the formats that read cells from it. */
  public static ObjectNode masked(ObjectNode instance) {
    ObjectNode copy = instance.deepCopy();
    Masking.maskInPlace(copy);
    return copy;
  }
}
