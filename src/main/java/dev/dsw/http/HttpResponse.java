package dev.dsw.http;

import java.nio.charset.StandardCharsets;

/**
 * A fully read HTTP response: status, content type, the x-acs-request-id header and the body bytes.
 */
public record HttpResponse(int status, String contentType, String requestIdHeader, byte[] body) {
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
