package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * A local PAI-DSW API: GET /api/v2/instances with V3 signature checks, the service's error shapes,
 * paging and seeded faults; plus STS AssumeRole (/sts), the ECS metadata service (/latest) and a
 * credentials URI (/credentials) for credential-chain tests. Loopback by default.
 */
public final class EmulatorServer implements AutoCloseable {
  static final int MAX_QUERY_BYTES = 32 * 1024;
  static final int MAX_BODY_BYTES = 64 * 1024;

  /** The largest generated fleet (the load benchmarks use 100,000). */
  public static final int MAX_INSTANCES = 1_000_000;

  public static final String DEMO_KEY_ID = "LTAIdemo0000emulator";
  public static final String DEMO_KEY_SECRET = "demo-secret-not-a-real-key";

  private final EmulatorConfig options;
  private final HttpServer server;
  private final Timelines timelines;
  private final ExecutorService pool;
  private final InstanceStore store;
  private final Map<String, InstanceStore> regionStores =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Gateway gateway;
  private final ListInstancesRoute instances;
  private final MetricsRoute.Source metrics;
  private final StsRoute sts;
  private final MetadataRoute metadata;

  private EmulatorServer(EmulatorConfig o, List<ObjectNode> fleet) throws IOException {
    this.options = o;
    this.metrics = o.metrics() == null ? null : MetricsRoute.load(o.metrics());
    this.store = new InstanceStore(fleet);
    if (!o.regions().isEmpty()) {
      regionStores.put(o.regions().get(0), store);
    }
    Keyring keys = new Keyring(o.accessKeyId(), o.accessKeySecret(), o.clock());
    this.sts = new StsRoute(keys, o.caller());
    this.metadata = new MetadataRoute(keys, o.clock());
    this.timelines = new Timelines(o.clock(), o.transitionStep());
    this.gateway =
        new Gateway(
            new SignatureVerifier(keys, o.clock()),
            new Faults(
                new Faults.Rates(
                    o.throttleRate(), o.faultRate(), o.truncateRate(), o.dropRate(), o.spikeRate()),
                o.faultSeed()),
            o.latency(),
            o.spike());
    this.instances =
        new ListInstancesRoute(gateway, timelines, o.defaultWorkspace(), o.maxPageSize());
    this.server = HttpServer.create(new InetSocketAddress(o.host(), o.port()), 128);
    // A connection holds a thread while its request is read: threads grow with connections (up to
    // MAX_THREADS), so 500 clients that send their headers slowly cannot starve the others, and
    // sun.net.httpserver.maxReqTime (set below) closes each of them after REQUEST_SECONDS.
    this.pool =
        new java.util.concurrent.ThreadPoolExecutor(
            16,
            MAX_THREADS,
            30,
            java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "dsw-emulator");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  /** Serves until the process is asked to stop (Ctrl-C, SIGTERM), then closes the server. */
  public void awaitShutdown() throws InterruptedException {
    java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close();
                  stop.countDown();
                }));
    stop.await();
  }

  /** The most threads serving connections at once. */
  static final int MAX_THREADS = 2048;

  /** How long a client may take to send its request line and headers before it is cut off. */
  static final int REQUEST_SECONDS = 10;

  static {
    // Read once, when the JDK's server is first used in this process: set before any is made.
    // Without TCP_NODELAY the JDK server's small responses wait out the peer's delayed ACK (~40 ms
    // each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
  }

  public static EmulatorServer start(EmulatorConfig o) throws IOException {
    List<ObjectNode> fleet =
        o.data() != null
            ? InstanceStore.load(o.data())
            : FleetGenerator.generate(o.instances(), o.seed(), o.anchor());
    if (o.showcase()) {
      fleet = new java.util.ArrayList<>(fleet);
      fleet.addAll(0, Showcase.instances(o.clock().instant()));
    }
    EmulatorServer s = new EmulatorServer(o, fleet);
    s.server.start();
    return s;
  }

  /** The base URL, e.g. http://127.0.0.1:43123. */
  public String baseUrl() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  public InstanceStore store() {
    return store;
  }

  /**
   * The fleet of one region of {@link EmulatorConfig#regions()}: the main one for the first, else
   * generated on first use.
   */
  public InstanceStore store(String region) {
    if (!options.regions().contains(region)) {
      throw new EmulatorConfig.Invalid("the emulator does not answer for region " + region);
    }
    return regionStores.computeIfAbsent(
        region,
        r ->
            new InstanceStore(
                FleetGenerator.generate(
                    options.instances(), options.seed() * 31 + r.hashCode(), options.anchor())));
  }

  private void handle(HttpExchange ex) {
    long start = System.nanoTime();
    String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    int status;
    try {
      status = route(ex, requestId);
    } catch (IOException | RuntimeException e) {
      status = -1;
      try {
        Gateway.internalError(ex, requestId);
      } catch (IOException ignored) {
        // the client went away
      }
    } finally {
      ex.close();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    String q = ex.getRequestURI().getRawQuery();
    options
        .log()
        .accept(
            ex.getRemoteAddress().getAddress().getHostAddress()
                + " "
                + ex.getRequestMethod()
                + " "
                + ex.getRequestURI().getRawPath()
                + (q == null ? "" : "?" + loggable(q))
                + " "
                + (status < 0 ? "aborted" : status)
                + " "
                + ms
                + "ms "
                + requestId);
  }

  /** Query parameters that carry credential material (an RPC call's); never logged. */
  private static final java.util.regex.Pattern CREDENTIAL_PARAMS =
      java.util.regex.Pattern.compile(
          "(^|&)((?i:AccessKeyId|SecurityToken|Signature|AccessKeySecret)=)[^&]*");

  /** A query as the request log shows it: credentials as ***, cut at 200 characters. */
  static String loggable(String query) {
    String q = CREDENTIAL_PARAMS.matcher(query).replaceAll("$1$2***");
    return q.length() > 200 ? q.substring(0, 200) + "…" : q;
  }

  /** Reads the request (bounded), then hands it to the route its method and path name. */
  private int route(HttpExchange ex, String requestId) throws IOException {
    String rawQuery = ex.getRequestURI().getRawQuery();
    if (rawQuery != null && rawQuery.length() > MAX_QUERY_BYTES) {
      return gatewayError(
          ex, requestId, 414, "InvalidParameter.TooLong", "The request query is too long.");
    }
    byte[] body = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return gatewayError(
          ex, requestId, 413, "RequestEntityTooLarge", "The request body is too large.");
    }
    Map<String, String> query;
    try {
      query = Gateway.decodeQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      return gatewayError(
          ex, requestId, 400, "InvalidParameter.Format", "The query string is not well encoded.");
    }
    return route(new Gateway.Call(ex, requestId, rawQuery == null ? "" : rawQuery, query, body));
  }

  private int route(Gateway.Call call) throws IOException {
    HttpExchange ex = call.ex();
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    InstanceStore fleet;
    if (method.equals("GET") && (fleet = fleetAt(path, ListInstancesRoute.PATH)) != null) {
      return instances.answer(call, path, fleet);
    }
    if (method.equals("GET") && (fleet = fleetAt(path, EcsSpecsRoute.PATH)) != null) {
      return EcsSpecsRoute.serve(gateway, call, path, timelines.now(fleet.snapshot()));
    }
    java.util.regex.Matcher metric = MetricsRoute.match(path);
    if (metric != null
        && method.equals("GET")
        && (metric.group(1) == null || options.regions().contains(metric.group(1)))) {
      fleet = metric.group(1) == null ? store : store(metric.group(1));
      return MetricsRoute.serve(
          gateway,
          call,
          path,
          timelines.now(fleet.snapshot()),
          metrics,
          options.clock().instant(),
          java.net.URLDecoder.decode(metric.group(2).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    if (method.equals("PUT") && (fleet = fleetAt(path, AutoShutdownPoliciesRoute.PATH)) != null) {
      return AutoShutdownPoliciesRoute.serve(gateway, call, path, fleet.snapshot());
    }
    if (path.equals("/sts")
        || path.equals("/sts/")
        || (path.equals("/") && call.query().containsKey("Action"))) {
      return sts.serve(call, MetadataRoute::credentialsJson);
    }
    if (path.startsWith("/latest/")) {
      return metadata.metadata(ex, call.requestId(), path);
    }
    if (path.equals("/credentials")) {
      return metadata.credentialsUri(ex, call.requestId());
    }
    return gatewayError(
        ex,
        call.requestId(),
        404,
        "InvalidApi.NotFound",
        "Specified api is not found, please check your url and method.");
  }

  private static int gatewayError(
      HttpExchange ex, String requestId, int status, String code, String message)
      throws IOException {
    return Gateway.send(ex, status, Gateway.body(requestId, ex, code, message), requestId);
  }

  /**
   * The fleet a route's path names: the main one at ROUTE, a served region's at /REGION/ROUTE; null
   * for any other path.
   */
  private InstanceStore fleetAt(String path, String route) {
    if (path.equals(route)) {
      return store;
    }
    if (!path.endsWith(route) || path.length() < route.length() + 2) {
      return null;
    }
    String region = path.substring(1, path.length() - route.length());
    return options.regions().contains(region) ? store(region) : null;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
