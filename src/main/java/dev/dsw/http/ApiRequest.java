package dev.dsw.http;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the api layer asks for: a ROA GET on a base URL with decoded query parameters. The transport
 * turns the parameters into the canonical query once and sends exactly that string.
 */
public record ApiRequest(
    String baseUrl, String path, String action, String version, SortedMap<String, String> query) {
  public ApiRequest {
    query = new TreeMap<>(query);
  }
}
