package dev.dsw.cli.run;

/** A usage problem found after parsing (e.g. no region anywhere); exits 2 with a hint. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public UsageException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
