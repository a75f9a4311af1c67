package dev.dsw.emulator;

import dev.dsw.auth.Acs3Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies a V3 (ACS3-HMAC-SHA256) request as the gateway does, with the codes of list-instances.md
 * §5.2: IncompleteSignature, InvalidAccessKeyId.NotFound, InvalidTimeStamp.*,
 * InvalidSecurityToken.*, SignatureDoesNotMatch, SignatureNonceUsed.
 */
final class SignatureVerifier {
  private static final Pattern AUTH =
      Pattern.compile(
          "ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})");
  private static final Duration SKEW = Duration.ofMinutes(15);
  private static final List<String> REQUIRED =
      List.of("host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce");

  private final Keyring keys;
  private final Clock clock;
  private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

  SignatureVerifier(Keyring keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** Every x-acs-* header (and content-type) that travels is signed: none can change in flight. */
  private static void checkAllSigned(Map<String, String> headers, List<String> signedNames)
      throws GatewayError {
    // Every x-acs-* header (and content-type) that travels must be signed, or it could be changed
    // in flight.
    Set<String> signed = new HashSet<>(signedNames);
    for (String name : headers.keySet()) {
      if ((name.startsWith("x-acs-") || name.equals("content-type")) && !signed.contains(name)) {
        throw new GatewayError(
            400,
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. "
                + "Header "
                + name
                + " is not signed.");
      }
    }
  }

  /** The request's date within the allowed skew, and an STS key's token sent, signed and valid. */
  private void checkTimeAndToken(
      Keyring.Key key, Map<String, String> headers, List<String> signedNames) throws GatewayError {
    Instant date;
    try {
      date = Instant.parse(headers.get("x-acs-date"));
    } catch (DateTimeParseException e) {
      throw new GatewayError(
          400,
          "InvalidTimeStamp.Format",
          "Specified time stamp or date value is not well formatted.");
    }
    Instant now = clock.instant();
    if (Duration.between(date, now).abs().compareTo(SKEW) > 0) {
      throw new GatewayError(
          400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }
    if (key.token() != null) {
      String token = headers.get("x-acs-security-token");
      if (token == null || !signedNames.contains("x-acs-security-token")) {
        throw new GatewayError(
            400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");
      }
      if (!MessageDigest.isEqual(
          token.getBytes(StandardCharsets.UTF_8), key.token().getBytes(StandardCharsets.UTF_8))) {
        throw new GatewayError(
            400,
            "InvalidSecurityToken.MismatchWithAccessKey",
            "Specified SecurityToken mismatch with the AccessKey.");
      }
      if (now.isAfter(key.expiration())) {
        throw new GatewayError(
            400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
      }
    }
  }

  /**
   * @param headers request headers, names lower-cased, first value each
   * @param query decoded query parameters
   */
  void verify(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body)
      throws GatewayError {
    String auth = headers.get("authorization");
    if (auth == null || auth.isBlank()) {
      throw new GatewayError(
          400,
          "IncompleteSignature",
          "The request signature does not conform to Aliyun standards: "
              + "the Authorization header is missing.");
    }
    Matcher m = AUTH.matcher(auth.strip());
    if (!m.matches()) {
      throw new GatewayError(
          400,
          "IncompleteSignature",
          "The request signature does not conform to Aliyun standards: "
              + "the Authorization header is malformed.");
    }
    String keyId = m.group(1);
    List<String> signedNames = Arrays.asList(m.group(2).split(";"));
    for (String required : REQUIRED) {
      if (!signedNames.contains(required) || !headers.containsKey(required)) {
        throw new GatewayError(
            400,
            "IncompleteSignature",
            "The request signature does not conform to Aliyun standards: "
                + required
                + " must be present and signed.");
      }
    }
    Keyring.Key key = keys.find(keyId);
    if (key == null) {
      throw new GatewayError(
          404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }
    checkTimeAndToken(key, headers, signedNames);
    checkAllSigned(headers, signedNames);
    String bodyHash = Acs3Signer.sha256Hex(body);
    String declared = headers.getOrDefault("x-acs-content-sha256", bodyHash);
    Map<String, String> signedHeaders = new LinkedHashMap<>();
    for (String name : signedNames) {
      signedHeaders.put(name.toLowerCase(Locale.ROOT), headers.getOrDefault(name, ""));
    }
    Acs3Signer.Signature expected =
        Acs3Signer.sign(
            new Acs3Signer.Message(method, path, query, signedHeaders, declared),
            key.id(),
            key.secret());
    if (!declared.equals(bodyHash)
        || !MessageDigest.isEqual(
            expected.signature().getBytes(StandardCharsets.US_ASCII),
            m.group(3).getBytes(StandardCharsets.US_ASCII))) {
      throw new GatewayError(
          400,
          "SignatureDoesNotMatch",
          "Specified signature is not matched with our calculation. "
              + "server string to sign is:"
              + expected.stringToSign().replace("\n", "\\n"));
    }
    Instant now = clock.instant();
    String nonce = headers.get("x-acs-signature-nonce");
    if (nonces.putIfAbsent(keyId + "/" + nonce, now) != null) {
      throw new GatewayError(
          400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }
    if (nonces.size() > 200_000) {
      Instant cutoff = now.minus(SKEW.multipliedBy(2));
      nonces.values().removeIf(t -> t.isBefore(cutoff));
    }
  }
}
