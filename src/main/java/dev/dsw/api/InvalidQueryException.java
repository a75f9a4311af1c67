package dev.dsw.api;

/**
 * A query that must not be sent (min above max, a 5th label, bad units). Exits 2: nothing was sent.
 */
public class InvalidQueryException extends RuntimeException {
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

  /**
   * No region anywhere (no --region, no variable, no profile's region_id): a usage error when
   * credentials exist; without any, the missing account is what the user should hear about.
   */
  public static final class MissingRegion extends InvalidQueryException {
    private static final long serialVersionUID = 1L;

    public MissingRegion(String message, String hint) {
      super(message, hint);
    }
  }

  /** What the user might do instead, or null. */
  public String hint() {
    return hint;
  }
}
