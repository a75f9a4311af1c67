package dev.dsw.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The RPC V1 signature (HMAC-SHA1) that STS AssumeRole uses (credentials.md §5.1). Pure. */
public final class RpcSigner {
  private RpcSigner() {}

  /**
   * The parameters of an RPC call signed for these credentials: the call's own, then the key ID,
   * the security token (for STS credentials), a fresh nonce and timestamp, and the signature of a
   * GET (credentials.md §5.1). A new map at each call, so a retried call is signed afresh.
   */
  public static Map<String, String> signed(
      Map<String, String> params, Credentials base, java.time.Clock clock) {
    Map<String, String> p = new java.util.LinkedHashMap<>(params);
    p.put("AccessKeyId", base.accessKeyId());
    if (base.isSts()) {
      p.put("SecurityToken", base.securityToken());
    }
    p.put("SignatureMethod", "HMAC-SHA1");
    p.put("SignatureVersion", "1.0");
    p.put("SignatureNonce", java.util.UUID.randomUUID().toString());
    p.put(
        "Timestamp",
        java.time.format.DateTimeFormatter.ISO_INSTANT.format(
            clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    p.put("Signature", sign("GET", p, base.accessKeySecret()));
    return p;
  }

  /** Returns the Base64 signature of the parameters (without "Signature") for the given method. */
  public static String sign(String method, Map<String, String> params, String accessKeySecret) {
    StringJoiner canonical = new StringJoiner("&");
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      canonical.add(
          PercentEncoding.encode(e.getKey()) + "=" + PercentEncoding.encode(e.getValue()));
    }
    String stringToSign =
        method
            + "&"
            + PercentEncoding.encode("/")
            + "&"
            + PercentEncoding.encode(canonical.toString());
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(
          new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
    }
  }
}
