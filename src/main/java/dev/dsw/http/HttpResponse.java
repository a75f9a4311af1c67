package dev.dsw.http;

/**
 * A fully read HTTP response: status, content type, the x-acs-request-id header and the body bytes.
 */
public record HttpResponse(int status, String contentType, String requestIdHeader, byte[] body) {}
