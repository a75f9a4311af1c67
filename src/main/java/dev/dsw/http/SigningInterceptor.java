package dev.dsw.http;

import dev.dsw.auth.Acs3Signer;
import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Signs each attempt afresh (new x-acs-date and nonce, so retries never hit SignatureNonceUsed),
 * signing the exact Host header and canonical query that go on the wire.
 */
final class SigningInterceptor implements Interceptor {
  private final CredentialProvider credentials;
  private final Clock clock;
  private final Supplier<String> nonces;

  SigningInterceptor(CredentialProvider credentials, Clock clock, Supplier<String> nonces) {
    this.credentials = credentials;
    this.clock = clock;
    this.nonces = nonces;
  }

  static Supplier<String> randomNonces() {
    return () -> UUID.randomUUID().toString();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(sign(chain.request()));
  }

  Request sign(Request request) {
    ApiRequest api = request.tag(ApiRequest.class);
    Credentials c = credentials.get();
    HttpUrl url = request.url();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", hostHeader(url));
    headers.put("x-acs-action", api.action());
    headers.put("x-acs-version", api.version());
    headers.put(
        "x-acs-date",
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    headers.put("x-acs-signature-nonce", nonces.get());
    String payload =
        api.body() == null ? Acs3Signer.EMPTY_SHA256 : Acs3Signer.sha256Hex(api.body());
    if (api.body() != null) {
      headers.put("content-type", Transport.JSON); // signed, as signing.md asks for a body
    }
    headers.put("x-acs-content-sha256", payload);
    if (c.isSts()) {
      headers.put("x-acs-security-token", c.securityToken());
    }
    Acs3Signer.Signature sig =
        Acs3Signer.sign(
            new Acs3Signer.Message(
                request.method(), url.encodedPath(), api.query(), headers, payload),
            c.accessKeyId(),
            c.accessKeySecret());
    Request.Builder b = request.newBuilder();
    headers.forEach(b::header);
    return b.header("Authorization", sig.authorization()).build();
  }

  /**
   * The Host header okhttp would send: the host, plus the port when it is not the scheme's default.
   */
  static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }
}
