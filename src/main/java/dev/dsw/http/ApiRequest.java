package dev.dsw.http;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the api layer asks for: a ROA call on a base URL with decoded query parameters, and for a
 * PUT or POST a JSON body. The transport turns the parameters into the canonical query once and
 * sends exactly that string; the body's SHA-256 and its content type are signed with it.
 *
 * @param method GET, or PUT/POST with a body
 * @param body the JSON body, or null for none
 */
public record ApiRequest(
    String baseUrl,
    String path,
    String action,
    String version,
    SortedMap<String, String> query,
    String method,
    byte[] body) {
  public ApiRequest {
    query = new TreeMap<>(query);
  }

  /** A GET without a body. */
  public ApiRequest(
      String baseUrl, String path, String action, String version, SortedMap<String, String> query) {
    this(baseUrl, path, action, version, query, "GET", null);
  }
}
