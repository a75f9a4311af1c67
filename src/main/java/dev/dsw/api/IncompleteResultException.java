package dev.dsw.api;

/**
 * Part of a result was already written when a later page failed: the output must not be trusted as
 * complete.
 */
public final class IncompleteResultException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncompleteResultException(String message, Throwable cause) {
    super(message, cause);
  }
}
