package dev.dsw.cli.run;

/**
 * Something asked for by name (an instance ID) does not exist; exits {@link ExitCodes#NOT_FOUND}.
 */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public NotFoundException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
