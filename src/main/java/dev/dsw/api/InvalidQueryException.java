package dev.dsw.api;

/**
 * A query that must not be sent (min above max, a 5th label, bad units). Exits 2: nothing was sent.
 */
public final class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String hint;

  public InvalidQueryException(String message) {
    this(message, null);
  }

  /** With a hint for the user, e.g. the form a flag takes; null for none. */
  public InvalidQueryException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** What the user might do instead, or null. */
  public String hint() {
    return hint;
  }
}
