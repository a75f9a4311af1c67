package dev.dsw.config;

/**
 * A configuration or credentials file exists but cannot be used (bad JSON, unknown profile, bad
 * mode).
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
