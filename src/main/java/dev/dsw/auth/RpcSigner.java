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
