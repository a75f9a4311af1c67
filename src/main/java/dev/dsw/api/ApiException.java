package dev.dsw.api;

/**
 * An error answer from the service: HTTP status plus the body's Code, Message, RequestId, HostId
 * and Recommend.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final String apiMessage;
  private final String requestId;
  private final String hostId;
  private final String recommend;

  public ApiException(
      int status,
      String code,
      String apiMessage,
      String requestId,
      String hostId,
      String recommend) {
    super(describe(status, code, apiMessage, requestId));
    this.status = status;
    this.code = code;
    this.apiMessage = apiMessage;
    this.requestId = requestId;
    this.hostId = hostId;
    this.recommend = recommend;
  }

  private static String describe(int status, String code, String message, String requestId) {
    StringBuilder sb = new StringBuilder();
    sb.append(code == null || code.isEmpty() ? "HTTP " + status : code + " (HTTP " + status + ")");
    if (message != null && !message.isEmpty()) {
      sb.append(": ").append(message.replaceAll("\\s+", " ").trim());
    }
    if (requestId != null && !requestId.isEmpty()) {
      sb.append(" [RequestId ").append(requestId).append(']');
    }
    return sb.toString();
  }

  public int status() {
    return status;
  }

  public String code() {
    return code == null ? "" : code;
  }

  public String apiMessage() {
    return apiMessage;
  }

  public String requestId() {
    return requestId;
  }

  public String hostId() {
    return hostId;
  }

  public String recommend() {
    return recommend;
  }

  /** True for codes that mean the credentials themselves are missing, unknown, wrong or expired. */
  public boolean isCredentialProblem() {
    String c = code();
    return c.startsWith("InvalidAccessKeyId")
        || c.startsWith("InvalidSecurityToken")
        || c.equals("SignatureDoesNotMatch")
        || c.equals("IncompleteSignature");
  }

  /** True for throttling codes, whatever the HTTP status. */
  public boolean isThrottling() {
    return code().startsWith("Throttling");
  }
}
