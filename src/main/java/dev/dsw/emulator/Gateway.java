package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.dsw.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every API route of the emulator shares, as Alibaba's gateway does it for every API: the
 * latency and the seeded faults drawn before anything else, the V3 signature and action checks, the
 * gateway's error shape and the DSW error envelope, and writing an answer. A route reads its
 * request from a {@link Call} and answers through here.
 */
final class Gateway {
  /**
   * One request as the router read it: the exchange, its request ID, its raw and decoded query and
   * its body.
   */
  record Call(
      HttpExchange ex, String requestId, String rawQuery, Map<String, String> query, byte[] body) {}

  /** The fault a request drew, and the status it was answered with (null: it goes on). */
  record Fault(Faults.Kind kind, Integer status) {}

  private final SignatureVerifier verifier;
  private final Faults faults;
  private final Duration latency;
  private final Duration spike;

  Gateway(SignatureVerifier verifier, Faults faults, Duration latency, Duration spike) {
    this.verifier = verifier;
    this.faults = faults;
    this.latency = latency;
    this.spike = spike;
  }

  /** The latency every API route shares, without a fault (QueryAutoShutdownPolicies). */
  void pause() {
    pause(latency);
  }

  /**
   * The latency and the fault every API route shares, drawn before authentication: throttling,
   * 500/503, a dropped connection or a spike; a truncated body is the route's to cut.
   */
  Fault fault(Call call) throws IOException {
    HttpExchange ex = call.ex();
    String requestId = call.requestId();
    pause(latency);
    Faults.Kind fault = faults.decide(call.rawQuery());
    Integer status =
        switch (fault) {
          case THROTTLE -> {
            ex.getResponseHeaders().add("Retry-After", "1");
            yield send(
                ex,
                429,
                body(
                    requestId,
                    ex,
                    "Throttling.User",
                    "Request was denied due to user flow control."),
                requestId);
          }
          case ERROR_500 -> internalError(ex, requestId);
          case ERROR_503 ->
              send(
                  ex,
                  503,
                  body(
                      requestId,
                      ex,
                      "ServiceUnavailable",
                      "The request has failed due to a temporary failure of the server."),
                  requestId);
          case DROP -> -1; // the exchange closes with nothing sent: the client sees the end
          case SPIKE -> {
            pause(spike);
            yield null;
          }
          default -> null;
        };
    return new Fault(fault, status);
  }

  /**
   * What every API route does first: the latency and a fault ({@link #fault}), then the signature
   * and action ({@link #authenticate}). The status is set when the call is answered already.
   */
  Fault admit(Call call, String method, String path, String action) throws IOException {
    Fault drawn = fault(call);
    if (drawn.status() != null) {
      return drawn;
    }
    try {
      authenticate(call, method, path, action);
    } catch (GatewayError e) {
      return new Fault(drawn.kind(), refuse(call.ex(), call.requestId(), e));
    }
    return drawn;
  }

  /**
   * The gateway's checks every API shares: the V3 signature (with the body's hash) and the action
   * and version the route serves; a GatewayError says which failed.
   */
  void authenticate(Call call, String method, String path, String action) throws GatewayError {
    Map<String, String> headers = headers(call.ex());
    verifier.verify(method, path, call.query(), headers, call.body());
    if (!action.equals(headers.get("x-acs-action"))
        || !"2022-01-01".equals(headers.get("x-acs-version"))) {
      throw new GatewayError(
          404,
          "InvalidApi.NotFound",
          "Specified api is not found, please check your url and method.");
    }
  }

  /** A gateway error (signature, key, unknown API) answered in the gateway's shape. */
  static int refuse(HttpExchange ex, String requestId, GatewayError e) throws IOException {
    return send(ex, e.status, body(requestId, ex, e.code, e.getMessage()), requestId);
  }

  /** A 500 InternalError in the gateway's shape. */
  static int internalError(HttpExchange ex, String requestId) throws IOException {
    return send(
        ex,
        500,
        body(
            requestId,
            ex,
            "InternalError",
            "The request processing has failed due to some unknown error."),
        requestId);
  }

  /** The DSW error envelope: a 400 ValidationError, a 404 InstanceNotFound. */
  static int dswError(Call call, int status, String code, String message) throws IOException {
    return send(
        call.ex(),
        status,
        envelope(call.requestId(), false, code, message, status),
        call.requestId());
  }

  /** The DSW envelope of a successful answer, for the route to fill. */
  static ObjectNode success(String requestId) {
    return envelope(requestId, true, "200", "", 200);
  }

  /** The DSW envelope: RequestId, Success, Code, Message and HttpStatusCode. */
  private static ObjectNode envelope(
      String requestId, boolean success, String code, String message, int status) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("RequestId", requestId);
    out.put("Success", success);
    out.put("Code", code);
    out.put("Message", message);
    out.put("HttpStatusCode", status);
    return out;
  }

  /** A 400 ValidationError in the DSW envelope. */
  static int invalid(Call call, ValidationError e) throws IOException {
    return dswError(call, 400, "ValidationError", e.getMessage());
  }

  /** The request's headers, names in lower case, the first value of each. */
  private static Map<String, String> headers(HttpExchange ex) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
    }
    return headers;
  }

  /** The gateway's error body: RequestId, HostId, Code, Message and Recommend. */
  static ObjectNode body(String requestId, HttpExchange ex, String code, String message) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    String host = ex.getRequestHeaders().getFirst("Host");
    n.put("RequestId", requestId);
    n.put("HostId", host == null ? "" : host);
    n.put("Code", code);
    n.put("Message", message);
    n.put(
        "Recommend",
        "https://api.aliyun.com/troubleshoot?q="
            + code
            + "&product=pai-dsw&requestId="
            + requestId);
    return n;
  }

  static int send(HttpExchange ex, int status, ObjectNode body, String requestId)
      throws IOException {
    return send(ex, status, Json.MAPPER.writeValueAsBytes(body), requestId, false);
  }

  /**
   * Writes a JSON answer; {@code truncated} sends the status and length of the whole body and then
   * only its first half, leaving the client with a body cut short (returns -1 then).
   */
  static int send(HttpExchange ex, int status, byte[] bytes, String requestId, boolean truncated)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", "application/json;charset=utf-8");
    h.set("x-acs-request-id", requestId);
    ex.sendResponseHeaders(status, bytes.length);
    OutputStream out = ex.getResponseBody();
    if (truncated) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      return -1; // closing now leaves the client with a body cut short
    }
    try (out) {
      out.write(bytes);
    }
    return status;
  }

  static int sendText(HttpExchange ex, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  /**
   * Decodes a query as the gateway does: percent-decoding with '+' as a space (the Java SDK sends
   * form encoding).
   */
  static Map<String, String> decodeQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void pause(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
