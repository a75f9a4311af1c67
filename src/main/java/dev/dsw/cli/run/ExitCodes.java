package dev.dsw.cli.run;

/** The process exit codes dsw documents in {@code dsw --help} and the README. */
public final class ExitCodes {
  /** Success; also when the reader of stdout went away (a closed pipe). */
  public static final int OK = 0;

  /**
   * The API, the network or the response failed, stdout could not be written (or an unexpected
   * error).
   */
  public static final int API = 1;

  /**
   * The command line was wrong: unknown flag, bad value, conflicting flags. No request was sent.
   */
  public static final int USAGE = 2;

  /** Some output was written, but it is incomplete (a page or a region failed after retries). */
  public static final int INCOMPLETE = 3;

  /** Credentials are missing, unusable, or were rejected by the service. */
  public static final int CREDENTIALS = 4;

  /** An instance asked for by ID (dsw get) was not found; the others were shown. */
  public static final int NOT_FOUND = 5;

  /** dsw audit --fail-on: findings at or above that severity (after the baseline). */
  public static final int FINDINGS = 6;

  /** dsw wait: the timeout passed before the condition was met. */
  public static final int WAIT_TIMEOUT = 7;

  /** dsw wait: an instance reached a terminal failure (Failed, SaveFailed, --fail-on). */
  public static final int WAIT_FAILED = 8;

  /** Interrupted by Ctrl-C (SIGINT): also how list --watch ends. */
  public static final int INTERRUPTED = 130;

  /** A listing's end as the process ends: 0, or 130 when Ctrl-C ended it. */
  public static int of(dev.dsw.listing.Listing.Ended ended) {
    return ended == dev.dsw.listing.Listing.Ended.INTERRUPTED ? INTERRUPTED : OK;
  }

  /** A verdict's exit code. */
  public static int of(dev.dsw.listing.Verdict.Kind kind) {
    return switch (kind) {
      case INCOMPLETE -> INCOMPLETE;
      case FINDINGS -> FINDINGS;
      case WAIT_TIMEOUT -> WAIT_TIMEOUT;
      case WAIT_FAILED -> WAIT_FAILED;
    };
  }

  private ExitCodes() {}
}
