package dev.dsw.http;

/**
 * A proxy variable (HTTPS_PROXY, HTTP_PROXY) that is not a proxy URL: a usage error, nothing sent.
 */
public final class ProxyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ProxyException(String message) {
    super(message);
  }
}
