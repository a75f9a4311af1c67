package dev.dsw.api;

/**
 * The service could not be reached or stopped answering (connect, TLS, timeout, reset), after
 * retries.
 */
public final class NetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
