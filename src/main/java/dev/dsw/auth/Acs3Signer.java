package dev.dsw.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ACS3-HMAC-SHA256 (V3) request signature, as com.aliyun:openapiutil computes it. Pure: the
 * date and nonce arrive in the headers, so the same inputs always give the same signature. The
 * emulator verifies with this same class; both are pinned by the official vectors.
 */
public final class Acs3Signer {
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";
  public static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private Acs3Signer() {}

  /** Every intermediate value of one signature, so tests (and --debug) can look at each step. */
  public record Signature(
      String canonicalQuery,
      String canonicalRequest,
      String signedHeaders,
      String stringToSign,
      String signature,
      String authorization) {}

  /**
   * What is signed of a request: method, path, decoded query, headers and the payload's SHA-256.
   */
  public record Message(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String payloadSha256) {}

  /** The signature in the argument order of the official vectors (the tests' form). */
  public static Signature sign(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String payloadSha256,
      String accessKeyId,
      String accessKeySecret) {
    return sign(
        new Message(method, path, query, headers, payloadSha256), accessKeyId, accessKeySecret);
  }

  /**
   * Signs a request with an AccessKey. In the message, the query is decoded parameter names and
   * values (any order; sorted here by UTF-16 code unit), and the headers are all request headers
   * (any case), of which host, content-type and x-acs-* are signed.
   */
  public static Signature sign(Message m, String accessKeyId, String accessKeySecret) {
    String method = m.method();
    String path = m.path();
    Map<String, String> query = m.query();
    Map<String, String> headers = m.headers();
    String payloadSha256 = m.payloadSha256();
    String canonicalQuery = canonicalQuery(query);
    TreeMap<String, String> signed = new TreeMap<>();
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("host") || name.equals("content-type") || name.startsWith("x-acs-")) {
        signed.put(name, h.getValue() == null ? "" : h.getValue().strip());
      }
    }
    StringBuilder canonicalHeaders = new StringBuilder();
    StringJoiner signedNames = new StringJoiner(";");
    for (Map.Entry<String, String> h : signed.entrySet()) {
      canonicalHeaders.append(h.getKey()).append(':').append(h.getValue()).append('\n');
      signedNames.add(h.getKey());
    }
    String canonicalRequest =
        method.toUpperCase(Locale.ROOT)
            + "\n"
            + (path == null || path.isEmpty() ? "/" : path)
            + "\n"
            + canonicalQuery
            + "\n"
            + canonicalHeaders
            + "\n"
            + signedNames
            + "\n"
            + payloadSha256;
    String stringToSign = ALGORITHM + "\n" + sha256Hex(canonicalRequest);
    String signature = hmacSha256Hex(accessKeySecret, stringToSign);
    String authorization =
        ALGORITHM
            + " Credential="
            + accessKeyId
            + ",SignedHeaders="
            + signedNames
            + ",Signature="
            + signature;
    return new Signature(
        canonicalQuery,
        canonicalRequest,
        signedNames.toString(),
        stringToSign,
        signature,
        authorization);
  }

  /**
   * Sorted by name (code-unit order, so "Z" before "a"), RFC 3986 encoded, empty values kept as
   * "name=".
   */
  public static String canonicalQuery(Map<String, String> query) {
    TreeMap<String, String> sorted = new TreeMap<>(query);
    StringJoiner joiner = new StringJoiner("&");
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      joiner.add(
          PercentEncoding.encode(e.getKey())
              + "="
              + PercentEncoding.encode(e.getValue() == null ? "" : e.getValue()));
    }
    return joiner.toString();
  }

  public static String sha256Hex(String s) {
    return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static String hmacSha256Hex(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
