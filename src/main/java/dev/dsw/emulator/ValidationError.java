package dev.dsw.emulator;

/** A parameter the service refuses: answered as a DSW ValidationError (HTTP 400). */
final class ValidationError extends Exception {
  private static final long serialVersionUID = 1L;

  ValidationError(String message) {
    super(message);
  }
}
