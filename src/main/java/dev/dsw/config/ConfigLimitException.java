package dev.dsw.config;

/**
 * A configuration asks for more than dsw does (a source_profile chain longer than it follows): a
 * usage error (exit 2), not a credentials one, since no credential was wrong.
 */
public final class ConfigLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigLimitException(String message) {
    super(message);
  }
}
