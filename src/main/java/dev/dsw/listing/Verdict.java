package dev.dsw.listing;

/**
 * A command's verdict that is not a failure of dsw but has an exit code of its own: audit findings
 * at or above --fail-on (6), a wait that timed out (7) or saw a terminal failure (8). The output is
 * complete; the message says what was decided.
 */
public final class Verdict extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;
  private final String hint;

  public Verdict(String message, String hint, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  public int exitCode() {
    return exitCode;
  }

  public String hint() {
    return hint;
  }
}
