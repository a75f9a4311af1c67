package dev.dsw.http;

import dev.dsw.auth.CredentialsException;
import dev.dsw.auth.TokenHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The credential services' side of the one HTTP stack ({@link Transport#stack}): STS, the ECS
 * metadata service and a credentials URI get the same proxy, --ca-bundle, timeouts, retries and
 * redacted --debug as the API, and the same rule for where credentials may travel: https, or plain
 * http only to this machine (decided on the addresses a name resolves to, at connection time too),
 * with the one exception of the ECS metadata service's own link-local address, which is never
 * proxied. Redirects are never followed.
 */
public final class TokenTransport implements TokenHttp {
  /** The ECS metadata service, reached over plain http inside the instance (credentials.md). */
  static final String METADATA_ADDRESS = "100.100.100.200";

  private static final int MAX_BODY = 1 << 20;
  private final OkHttpClient.Builder builder;
  private final String userAgent;
  private OkHttpClient tls;
  private OkHttpClient cleartext;
  private OkHttpClient metadata;

  public TokenTransport(Transport.Settings s) {
    this.userAgent = s.userAgent();
    this.builder =
        Transport.stack(s, RetryPolicy.standard(s.retries()), Thread::sleep, new FreshQuery());
  }

  @Override
  public Reply send(Call call) throws IOException {
    HttpUrl base = HttpUrl.parse(call.baseUrl());
    if (base == null) {
      throw new CredentialsException(
          call.what()
              + " endpoint '"
              + dev.dsw.model.Inert.printableShort(call.baseUrl())
              + "' is not an http(s) URL with a valid host and port",
          List.of());
    }
    String where = base.scheme() + "://" + base.host() + ":" + base.port();
    boolean local = Loopback.is(base.host(), Loopback.SYSTEM);
    boolean toMetadata = call.metadata() && METADATA_ADDRESS.equals(base.host());
    if (!base.isHttps() && !local && !toMetadata) {
      throw new CredentialsException(
          call.what()
              + " endpoint "
              + where
              + " is plain http to a host that is not this machine; credentials travel only over"
              + " https (or http to loopback)",
          List.of());
    }
    String path = base.encodedPath().replaceAll("/+$", "") + call.path();
    HttpUrl url =
        base.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build(); // query: per attempt
    Request.Builder r = new Request.Builder().url(url).header("User-Agent", userAgent);
    try {
      call.headers().forEach(r::header);
    } catch (IllegalArgumentException e) {
      // okhttp's message would quote the value (a token the server sent)
      throw new CredentialsException(
          call.what() + ": a header value cannot be sent (a control or non-ASCII character)",
          List.of());
    }
    r.method(call.method(), call.method().equals("PUT") ? RequestBody.create(new byte[0]) : null);
    r.tag(TokenHttp.Call.class, call);
    OkHttpClient client = toMetadata ? metadata() : base.isHttps() ? tls() : cleartext();
    try (Response response = client.newCall(r.build()).execute()) {
      byte[] body =
          response.body() instanceof RetryInterceptor.ReadBody read
              ? read.bytes
              : response.body().bytes();
      int n = Math.min(body.length, MAX_BODY);
      return new Reply(
          response.code(), new String(body, 0, n, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private synchronized OkHttpClient tls() {
    if (tls == null) {
      tls = Transport.tls(builder);
    }
    return tls;
  }

  private synchronized OkHttpClient cleartext() {
    if (cleartext == null) {
      cleartext = Transport.loopbackOnly(builder);
    }
    return cleartext;
  }

  private synchronized OkHttpClient metadata() {
    if (metadata == null) {
      metadata =
          builder
              .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
              .proxy(Proxy.NO_PROXY)
              .dns(
                  host -> {
                    if (!METADATA_ADDRESS.equals(host)) {
                      throw new UnknownHostException(host + " is not the ECS metadata service");
                    }
                    return List.of(InetAddress.getByName(METADATA_ADDRESS));
                  })
              .build();
    }
    return metadata;
  }

  /** Puts the call's query on each attempt afresh: a retried STS call is signed anew. */
  private static final class FreshQuery implements okhttp3.Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      TokenHttp.Call call = request.tag(TokenHttp.Call.class);
      Map<String, String> query = call == null ? Map.of() : call.query().get();
      if (query.isEmpty()) {
        return chain.proceed(request);
      }
      HttpUrl.Builder url = request.url().newBuilder();
      query.forEach(url::addQueryParameter);
      return chain.proceed(request.newBuilder().url(url.build()).build());
    }
  }
}
