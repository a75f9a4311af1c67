package dev.dsw.api;

/**
 * The service answered, but not with the JSON ListInstances promises (HTML page, truncated JSON,
 * wrong types).
 */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String requestId;

  public MalformedResponseException(String message, String requestId, Throwable cause) {
    super(
        message
            + (requestId == null || requestId.isEmpty() ? "" : " [RequestId " + requestId + "]"),
        cause);
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }
}
