package dev.dsw.http;

import dev.dsw.auth.Acs3Signer;
import dev.dsw.auth.CredentialProvider;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The thin HTTP layer: okhttp with timeouts, proxies from the environment, gzip, a User-Agent,
 * retries, per-attempt signing and a redacting debug log. The query that goes on the wire is the
 * canonical query that was signed, byte for byte.
 */
public final class Transport implements AutoCloseable {
  private final OkHttpClient.Builder builder;
  private OkHttpClient tlsClient;
  private OkHttpClient cleartextClient;
  private final SigningInterceptor signer;
  private final String userAgent;

  /**
   * The three timeouts of a call: to connect, between bytes, and for the whole call with its
   * retries.
   */
  public record Timeouts(Duration connect, Duration read, Duration call) {}

  /** Retries per call, and connections kept to the host. */
  public record Limits(int retries, int maxConnections) {}

  /**
   * Where requests may go: the environment (for the proxy variables) and the certificates to trust
   * (null: the runtime's).
   */
  public record Network(Map<String, String> env, CaBundle caBundle) {}

  public record Settings(
      Timeouts timeouts,
      Limits limits,
      String userAgent,
      Network network,
      Consumer<String> debug,
      Clock clock) {

    /** All settings at once, in the order of their names. */
    public Settings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int retries,
        int maxConnections,
        String userAgent,
        Map<String, String> env,
        Consumer<String> debug,
        Clock clock) {
      this(
          new Timeouts(connectTimeout, readTimeout, callTimeout),
          new Limits(retries, maxConnections),
          userAgent,
          new Network(env, null),
          debug,
          clock);
    }

    public Map<String, String> env() {
      return network.env();
    }

    public int retries() {
      return limits.retries();
    }

    public int maxConnections() {
      return limits.maxConnections();
    }

    public Duration connectTimeout() {
      return timeouts.connect();
    }

    public Duration readTimeout() {
      return timeouts.read();
    }

    public Duration callTimeout() {
      return timeouts.call();
    }

    /**
     * Settings for this user agent, environment (for the proxy variables) and clock; the rest as
     * set on the builder.
     */
    public static Builder builder(String userAgent, Map<String, String> env, Clock clock) {
      return new Builder(userAgent, env, clock);
    }

    /**
     * Builds settings one group at a time: 10/30/60 s timeouts, 4 retries, 32 connections, no
     * debug.
     */
    public static final class Builder {
      private final String userAgent;
      private final Map<String, String> env;
      private final Clock clock;
      private Duration connect = Duration.ofSeconds(10);
      private Duration read = Duration.ofSeconds(30);
      private Duration call = Duration.ofSeconds(60);
      private int retries = 4;
      private int maxConnections = 32;
      private Consumer<String> debug;
      private CaBundle caBundle;

      private Builder(String userAgent, Map<String, String> env, Clock clock) {
        this.userAgent = userAgent;
        this.env = env;
        this.clock = clock;
      }

      /** The timeouts; a null one keeps its default (the flag was not given). */
      public Builder timeouts(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        connect = connectTimeout != null ? connectTimeout : connect;
        read = readTimeout != null ? readTimeout : read;
        call = callTimeout != null ? callTimeout : call;
        return this;
      }

      /** Retries after the first attempt; null keeps the default. */
      public Builder retries(Integer n) {
        retries = n != null ? n : retries;
        return this;
      }

      public Builder maxConnections(int n) {
        maxConnections = n;
        return this;
      }

      /** The certificates to trust instead of the runtime's; null for the runtime's. */
      public Builder caBundle(CaBundle bundle) {
        caBundle = bundle;
        return this;
      }

      /** Where --debug lines go; null for nowhere. */
      public Builder debug(Consumer<String> lines) {
        debug = lines;
        return this;
      }

      public Settings build() {
        return new Settings(
            new Timeouts(connect, read, call),
            new Limits(retries, maxConnections),
            userAgent,
            new Network(env, caBundle),
            debug,
            clock);
      }
    }
  }

  public Transport(Settings s, CredentialProvider credentials) {
    this(
        s,
        credentials,
        SigningInterceptor.randomNonces(),
        RetryPolicy.standard(s.retries()),
        Thread::sleep);
  }

  Transport(
      Settings s,
      CredentialProvider credentials,
      Supplier<String> nonces,
      RetryPolicy policy,
      RetryInterceptor.Sleeper sleeper) {
    this.signer = new SigningInterceptor(credentials, s.clock(), nonces);
    this.userAgent = s.userAgent();
    this.builder = stack(s, policy, sleeper, signer);
  }

  /**
   * The one okhttp stack every outbound call is built on, the API's and the credential services'
   * alike: timeouts, no redirects (a signed request, or a token, goes only where it was meant for),
   * retries with backoff, then the given interceptor (the API's signer; the credential services'
   * fresh query), the redacting --debug log, the proxies of the environment and --ca-bundle.
   */
  static OkHttpClient.Builder stack(
      Settings s, RetryPolicy policy, RetryInterceptor.Sleeper sleeper, Interceptor perAttempt) {
    Consumer<String> debug = s.debug() == null ? m -> {} : s.debug();
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectTimeout(s.connectTimeout())
            .readTimeout(s.readTimeout())
            .writeTimeout(s.readTimeout())
            .callTimeout(s.callTimeout())
            .retryOnConnectionFailure(
                false) // RetryInterceptor decides, with backoff and a fresh signature
            .followRedirects(false)
            .followSslRedirects(false)
            .connectionPool(
                new ConnectionPool(Math.max(5, s.maxConnections()), 1, TimeUnit.MINUTES))
            .addInterceptor(
                new RetryInterceptor(policy, s.callTimeout(), s.clock(), sleeper, debug))
            .addInterceptor(perAttempt);
    if (s.debug() != null) {
      b.addInterceptor(new DebugLog(debug));
    }
    EnvProxySelector proxies = EnvProxySelector.fromEnvironment(s.env());
    if (proxies != null) {
      b.proxySelector(proxies).proxyAuthenticator(proxies.authenticator());
    }
    CaBundle bundle = s.network().caBundle();
    if (bundle != null) {
      b.sslSocketFactory(bundle.socketFactory(), bundle.trustManager());
    }
    return b;
  }

  /**
   * Checks what the settings say about the network (the proxy variables) without building anything,
   * so that a bad proxy URL is a usage error before credentials are looked for.
   */
  public static void check(Settings s) {
    EnvProxySelector.fromEnvironment(s.env());
  }

  /**
   * The client for a scheme, built on first use. A plain-http client (loopback only, such as the
   * emulator) has no TLS connection spec, so okhttp never loads the trust store it cannot use.
   */
  private synchronized OkHttpClient client(boolean tls) {
    if (tls) {
      if (tlsClient == null) {
        tlsClient = tls(builder);
      }
      return tlsClient;
    }
    if (cleartextClient == null) {
      cleartextClient = loopbackOnly(builder);
    }
    return cleartextClient;
  }

  /** The client for https URLs, from the one stack. */
  static OkHttpClient tls(OkHttpClient.Builder stack) {
    return stack
        .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
        .build();
  }

  /**
   * The client for plain http, from the one stack: no TLS connection spec (so okhttp never loads a
   * trust store it cannot use), and connections only to addresses of this machine.
   */
  static OkHttpClient loopbackOnly(OkHttpClient.Builder stack) {
    return stack
        .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
        .dns(Loopback.onlyLoopback(Loopback.SYSTEM))
        .build();
  }

  /**
   * Sends the request (signed per attempt, retried as the policy allows) and returns the whole
   * response.
   */
  public HttpResponse send(ApiRequest request) throws IOException {
    Request http = build(request);
    try (Response r = client(http.url().isHttps()).newCall(http).execute()) {
      byte[] body =
          r.body() instanceof RetryInterceptor.ReadBody read ? read.bytes : r.body().bytes();
      String type = r.header("Content-Type", "");
      return new HttpResponse(r.code(), type, r.header("x-acs-request-id"), body);
    }
  }

  /**
   * Returns the fully signed request as text, with the signature, tokens and key ID redacted,
   * without sending it.
   */
  public String dryRun(ApiRequest request) {
    return DebugLog.render(signer.sign(build(request)));
  }

  /**
   * The unsigned request: the canonical query as the encoded query, so okhttp sends it unchanged; a
   * path in the base URL (an emulator answering for several regions) comes before the API path.
   */
  Request build(ApiRequest request) {
    HttpUrl base = HttpUrl.get(request.baseUrl());
    String query = Acs3Signer.canonicalQuery(request.query());
    HttpUrl url =
        base.newBuilder()
            .encodedPath(base.encodedPath().replaceAll("/+$", "") + request.path())
            .encodedQuery(query.isEmpty() ? null : query)
            .build();
    okhttp3.RequestBody body =
        request.body() == null
            ? null
            : okhttp3.RequestBody.create(request.body(), okhttp3.MediaType.get(JSON));
    return new Request.Builder()
        .url(url)
        .method(request.method(), body)
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .tag(ApiRequest.class, request)
        .build();
  }

  /** The content type of a request body, as signed. */
  static final String JSON = "application/json";

  @Override
  public synchronized void close() {
    for (OkHttpClient c : new OkHttpClient[] {tlsClient, cleartextClient}) {
      if (c != null) {
        c.dispatcher().executorService().shutdown();
        c.connectionPool().evictAll();
      }
    }
  }
}
