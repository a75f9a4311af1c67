package dev.dsw.api;

/** A query that must not be sent (min above max, a 5th label, bad units). Exits 2: nothing was sent. */
public final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }
}
