package dev.dsw.listing;

/**
 * A report's verdict that is not a failure of dsw but ends the run with an exit code of its own
 * (cli/run/ExitCodes maps each {@link Kind}): some instances not measured, audit findings at or
 * above --fail-on, a wait that timed out or saw a terminal failure. The output is complete; the
 * message says what was decided.
 */
public final class Verdict extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What was decided. */
  public enum Kind {
    /** Some output is missing: instances that could not be measured. */
    INCOMPLETE,
    /** dsw audit --fail-on: findings at or above that severity. */
    FINDINGS,
    /** dsw wait: the timeout passed before the condition was met. */
    WAIT_TIMEOUT,
    /** dsw wait: an instance reached a terminal failure. */
    WAIT_FAILED
  }

  private final Kind kind;
  private final String hint;

  public Verdict(String message, String hint, Kind kind) {
    super(message, null, false, false);
    this.kind = kind;
    this.hint = hint;
  }

  public Kind kind() {
    return kind;
  }

  public String hint() {
    return hint;
  }
}
