package dev.dsw.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dsw.http.ApiRequest;
import dev.dsw.http.HttpResponse;
import dev.dsw.http.Transport;
import dev.dsw.model.Instance;
import dev.dsw.model.InstancePage;
import dev.dsw.model.JsonText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * ListInstances over the signed transport: decodes pages and turns every failure into a typed
 * exception.
 */
public final class HttpDswClient implements DswClient {
  static final String PATH = "/api/v2/instances";
  static final String ACTION = "ListInstances";
  static final String VERSION = "2022-01-01";

  private final Transport transport;
  private final String baseUrl;
  private final java.util.Set<String> fields;
  private final JsonText.Render render;
  private final boolean ownsTransport;

  public HttpDswClient(Transport transport, String baseUrl) {
    this(transport, baseUrl, null, JsonText.Render.NONE, true);
  }

  private HttpDswClient(
      Transport transport,
      String baseUrl,
      java.util.Set<String> fields,
      JsonText.Render render,
      boolean ownsTransport) {
    this.transport = transport;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.fields = fields;
    this.render = render;
    this.ownsTransport = ownsTransport;
  }

  /**
   * A view on the same transport that keeps only these instance fields (plus InstanceId) and,
   * unless render is NONE, renders each instance whole as it reads it; closing it closes nothing.
   */
  @Override
  public DswClient projecting(java.util.Set<String> instanceFields, JsonText.Render render) {
    if (instanceFields == null && render == JsonText.Render.NONE) {
      return this;
    }
    java.util.Set<String> keep = null;
    if (instanceFields != null) {
      keep = new java.util.HashSet<>(instanceFields);
      keep.add("InstanceId");
      keep = java.util.Set.copyOf(keep);
    }
    return new HttpDswClient(transport, baseUrl, keep, render, false);
  }

  private ApiRequest request(ListInstancesQuery query) {
    return new ApiRequest(baseUrl, PATH, ACTION, VERSION, query.toParameters());
  }

  @Override
  public String dryRun(ListInstancesQuery query) {
    return transport.dryRun(request(query));
  }

  @Override
  public InstancePage listInstances(ListInstancesQuery query) {
    return decode(send(request(query)), fields, render);
  }

  @Override
  public java.util.Map<String, java.util.List<AutoShutdownPolicies.Condition>> autoShutdownPolicies(
      java.util.List<String> instanceIds) {
    java.util.Map<String, java.util.List<AutoShutdownPolicies.Condition>> all =
        new java.util.LinkedHashMap<>();
    for (ApiRequest request : AutoShutdownPolicies.requests(baseUrl, instanceIds)) {
      all.putAll(AutoShutdownPolicies.decode(send(request)));
    }
    return all;
  }

  @Override
  public InstanceMetrics.Series instanceMetrics(
      String instanceId,
      dev.dsw.model.MetricType type,
      java.time.Instant start,
      java.time.Instant end,
      java.time.Duration step) {
    java.util.Map<String, java.util.NavigableMap<Long, Double>> pods = InstanceMetrics.pods();
    for (ApiRequest request :
        InstanceMetrics.requests(baseUrl, instanceId, type, start, end, step)) {
      InstanceMetrics.decode(send(request), pods);
    }
    return new InstanceMetrics.Series(instanceId, type, start, end, step, pods);
  }

  @Override
  public java.util.SortedSet<String> gpuTypes() {
    java.util.SortedSet<String> types = new java.util.TreeSet<>();
    long total = EcsSpecs.decode(send(EcsSpecs.request(baseUrl, 1)), types);
    long pages = Math.min(100, (total + EcsSpecs.PAGE_SIZE - 1) / EcsSpecs.PAGE_SIZE);
    for (int page = 2; page <= pages; page++) {
      EcsSpecs.decode(send(EcsSpecs.request(baseUrl, page)), types);
    }
    return types;
  }

  /** Sends one request; a body too large or a network failure becomes the typed exception. */
  private HttpResponse send(ApiRequest request) {
    try {
      return transport.send(request);
    } catch (dev.dsw.http.ResponseTooLargeException e) {
      throw new MalformedResponseException("the response is too large: " + e.getMessage(), null, e);
    } catch (IOException e) {
      throw network(e);
    }
  }

  /** An answer that is not 2xx: the service's error when it sent one, else what came instead. */
  private static void failIfError(HttpResponse r, JsonNode root, String requestId) {
    if (r.status() / 100 == 2) {
      return;
    }
    if (root == null || !root.isObject()) {
      throw new ApiException(
          r.status(),
          null,
          "the response is not the API's JSON ("
              + describeType(r)
              + ", "
              + r.body().length
              + " bytes)",
          requestId,
          null,
          null);
    }
    throw apiError(r.status(), root, requestId);
  }

  /**
   * The JSON object of a reply, or the typed exception its status and body call for: the error
   * handling every API's answer shares (a redirect, an error status, an unreadable body, Success
   * false).
   */
  static JsonNode checkedRoot(HttpResponse r) {
    JsonNode root = parse(r, null, JsonText.Render.NONE).root();
    String requestId = field(root, "RequestId");
    if (requestId == null) {
      requestId = r.requestIdHeader();
    }
    failIfError(r, root, requestId);
    if (root == null || !root.isObject()) {
      throw new MalformedResponseException(
          "the service answered HTTP " + r.status() + " with a body that is not a JSON object",
          requestId,
          null);
    }
    JsonNode success = root.get("Success");
    if (success != null && success.isBoolean() && !success.asBoolean()) {
      throw apiError(r.status(), root, requestId);
    }
    return root;
  }

  private NetworkException network(IOException e) {
    String host = baseUrl.replaceFirst("^[a-z]+://", "");
    String why;
    if (e instanceof UnknownHostException) {
      why = "unknown host " + host;
    } else if (e instanceof ConnectException) {
      why = "cannot connect to " + host + " (" + e.getMessage() + ")";
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      why = "timed out talking to " + host + " (raise --timeout or --read-timeout)";
    } else if (e instanceof SSLException) {
      why = "TLS failure with " + host + ": " + e.getMessage();
    } else {
      why = "network error with " + host + ": " + e.getMessage();
    }
    return new NetworkException(why, e);
  }

  /** Decodes a response into a page, or throws ApiException / MalformedResponseException. */
  static InstancePage decode(HttpResponse r) {
    return decode(r, null, JsonText.Render.NONE);
  }

  static InstancePage decode(HttpResponse r, java.util.Set<String> fields, JsonText.Render render) {
    JsonText.Page page = parse(r, fields, render);
    JsonNode root = page.root();
    String requestId = field(root, "RequestId");
    if (requestId == null) {
      requestId = r.requestIdHeader();
    }
    if (r.status() / 100 == 3) {
      throw new ApiException(
          r.status(),
          null,
          "the service answered with a redirect, which dsw never follows: a signed request"
              + " goes only to the endpoint it was signed for (check --endpoint)",
          requestId,
          null,
          null);
    }
    failIfError(r, root, requestId);
    if (root == null) {
      throw new MalformedResponseException(
          "the service answered HTTP "
              + r.status()
              + " with "
              + (r.body().length == 0
                  ? "an empty body"
                  : "a body that is not valid JSON (" + describeType(r) + why(r) + ")"),
          requestId,
          null);
    }
    if (!root.isObject()) {
      throw new MalformedResponseException(
          "the response is JSON but not an object", requestId, null);
    }
    JsonNode success = root.get("Success");
    if (success != null && success.isBoolean() && !success.asBoolean()) {
      throw apiError(r.status(), root, requestId);
    }
    JsonNode instances = root.get("Instances");
    if (instances == null || instances.isNull()) {
      throw new MalformedResponseException("the response has no Instances array", requestId, null);
    }
    if (!instances.isArray()) {
      String kind = instances.getNodeType().name().toLowerCase(Locale.ROOT);
      throw new MalformedResponseException(
          "Instances in the response is "
              + ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ")
              + kind
              + ", not an array",
          requestId,
          null);
    }
    long totalCount = totalCount(root.get("TotalCount"), requestId);
    List<Instance> list = new ArrayList<>(instances.size());
    int i = 0;
    for (JsonNode n : instances) {
      if (!n.isObject()) {
        throw new MalformedResponseException(
            "Instances[" + i + "] is not an object", requestId, null);
      }
      JsonNode id = n.get("InstanceId");
      if (id == null || !id.isTextual() || id.asText().isEmpty()) {
        throw new MalformedResponseException(
            "Instances[" + i + "] has no InstanceId", requestId, null);
      }
      list.add(
          new Instance((ObjectNode) n, page.rendered() == null ? null : page.rendered().get(i)));
      i++;
    }
    return new InstancePage(requestId, totalCount, list);
  }

  /** TotalCount as a number, or as digits in a string; anything else is a malformed answer. */
  private static long totalCount(JsonNode total, String requestId) {
    if (total == null || total.isNull()) {
      throw new MalformedResponseException("the response has no TotalCount", requestId, null);
    } else if (total.canConvertToLong() && total.isIntegralNumber()) {
      return total.asLong();
    } else if (total.isTextual() && total.asText().matches("\\d{1,18}")) {
      return Long.parseLong(total.asText());
    }
    throw new MalformedResponseException(
        "TotalCount in the response is not a whole number", requestId, null);
  }

  private static String describeType(HttpResponse r) {
    return r.contentType().isEmpty() ? "no content type" : r.contentType();
  }

  private static JsonText.Page parse(
      HttpResponse r, java.util.Set<String> fields, JsonText.Render render) {
    if (r.body().length == 0) {
      return new JsonText.Page(null, null);
    }
    try {
      return JsonText.readPage(r.body(), fields, render);
    } catch (IOException e) {
      return new JsonText.Page(null, null);
    }
  }

  /** Why a body did not parse, when that is telling: not UTF-8, or JSON cut short. */
  private static String why(HttpResponse r) {
    try {
      java.nio.charset.StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(r.body()));
    } catch (java.nio.charset.CharacterCodingException e) {
      return "; not UTF-8";
    }
    try {
      JsonText.read(r.body());
    } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
      return "; it ends too early";
    } catch (IOException e) {
      return "";
    }
    return "";
  }

  private static ApiException apiError(int status, JsonNode root, String requestId) {
    return new ApiException(
        status,
        field(root, "Code"),
        field(root, "Message"),
        requestId,
        field(root, "HostId"),
        field(root, "Recommend"));
  }

  /** Reads a string field case-insensitively, as the official SDK does for error bodies. */
  private static String field(JsonNode root, String name) {
    if (root == null || !root.isObject()) {
      return null;
    }
    Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)
          && e.getValue().isValueNode()
          && !e.getValue().isNull()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  @Override
  public void close() {
    if (ownsTransport) {
      transport.close();
    }
  }
}
