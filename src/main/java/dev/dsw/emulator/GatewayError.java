package dev.dsw.emulator;

/**
 * An OpenAPI gateway error (signature, credentials, throttling, unknown API), answered in the
 * gateway's shape.
 */
final class GatewayError extends Exception {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;

  GatewayError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
