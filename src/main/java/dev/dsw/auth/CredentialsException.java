package dev.dsw.auth;

import java.util.List;

/**
 * No usable credentials: none found (with every source tried, in order), or a source is
 * misconfigured.
 */
public final class CredentialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> tried;

  public CredentialsException(String message, List<String> tried) {
    super(message);
    this.tried = List.copyOf(tried);
  }

  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
    this.tried = List.of();
  }

  /** The sources tried, in order, each with what was found there. */
  public List<String> tried() {
    return tried;
  }
}
