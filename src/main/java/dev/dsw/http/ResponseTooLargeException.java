package dev.dsw.http;

import java.io.IOException;

/**
 * A response too large to hold (over {@link RetryInterceptor#MAX_BODY_BYTES}): not transient, so
 * never retried.
 */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  ResponseTooLargeException(String message) {
    super(message);
  }
}
