package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dsw.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * A local PAI-DSW API: GET /api/v2/instances with V3 signature checks, the service's error shapes,
 * paging and seeded faults; plus STS AssumeRole (/sts), the ECS metadata service (/latest) and a
 * credentials URI (/credentials) for credential-chain tests. Loopback by default.
 */
public final class EmulatorServer implements AutoCloseable {
  static final String PATH = "/api/v2/instances";
  static final int MAX_QUERY_BYTES = 32 * 1024;
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final String ROLE = "EmulatorEcsRole";

  /**
   * How the emulator runs, built only through {@link Builder}. {@code data} null means a generated
   * fleet of {@code instances} from {@code seed}; {@code faultSeed} drives the fault rolls, so
   * faults can vary over the same fleet.
   */
  public static final class Options {
    private final Builder b;

    private Options(Builder checked) {
      this.b = checked.copy();
    }

    /** Loopback, ephemeral port, 200 generated instances, the demo keys, no faults, no log. */
    public static Options defaults() {
      return builder().build();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
      return b.copy();
    }

    public String host() {
      return b.host;
    }

    public int port() {
      return b.port;
    }

    public Path data() {
      return b.data;
    }

    public int instances() {
      return b.instances;
    }

    public long seed() {
      return b.seed;
    }

    public Instant anchor() {
      return b.anchor;
    }

    public String defaultWorkspace() {
      return b.defaultWorkspace;
    }

    public String accessKeyId() {
      return b.accessKeyId;
    }

    public String accessKeySecret() {
      return b.accessKeySecret;
    }

    public int maxPageSize() {
      return b.maxPageSize;
    }

    /** How long each step of an instance's EmulatorTimeline lasts (docs/emulator.md). */
    public Duration transitionStep() {
      return b.transitionStep;
    }

    public Duration latency() {
      return b.latency;
    }

    /** The --metrics file GetInstanceMetrics serves, or null for the instances' profiles. */
    public Path metrics() {
      return b.metrics;
    }

    public double faultRate() {
      return b.faultRate;
    }

    public double throttleRate() {
      return b.throttleRate;
    }

    public double truncateRate() {
      return b.truncateRate;
    }

    public Clock clock() {
      return b.clock;
    }

    public Consumer<String> log() {
      return b.log;
    }

    public long faultSeed() {
      return b.faultSeed;
    }

    public List<String> regions() {
      return b.regions;
    }

    public double dropRate() {
      return b.dropRate;
    }

    public double spikeRate() {
      return b.spikeRate;
    }

    public Duration spike() {
      return b.spike;
    }

    /** Whether the instances the examples name are added to the fleet (--demo). */
    public boolean showcase() {
      return b.showcase;
    }
  }

  /**
   * The emulator's settings, with the defaults of {@link Options#defaults()}; {@link #build()}
   * checks each bound once.
   */
  public static final class Builder implements Cloneable {
    private String host;
    private int port;
    private Path data;
    private int instances;
    private long seed;
    private Instant anchor;
    private String defaultWorkspace;
    private String accessKeyId;
    private String accessKeySecret;
    private int maxPageSize;
    private Duration latency;
    private Duration transitionStep;
    private double faultRate;
    private double throttleRate;
    private double truncateRate;
    private Clock clock;
    private Consumer<String> log;
    private long faultSeed;
    private List<String> regions;
    private double dropRate;
    private double spikeRate;
    private Duration spike;

    private boolean showcase;
    private Path metrics;
    private StsRoute.Caller caller = StsRoute.Caller.DEMO;

    /**
     * Who GetCallerIdentity says the configured key is: {@code kind} account, ram-user or
     * assumed-role; the account ID; the UserId (RoleId for a role); the user or role name.
     */
    public Builder caller(String kind, String accountId, String id, String name) {
      String type = StsRoute.Caller.KINDS.get(kind);
      if (type == null) {
        throw new InvalidOptions(
            "--caller must be account, ram-user or assumed-role (got " + kind + ")");
      }
      caller = new StsRoute.Caller(type, accountId, type.equals("Account") ? accountId : id, name);
      return this;
    }

    /** Serve GetInstanceMetrics from this file (see MetricsRoute) instead of the profiles. */
    public Builder metrics(Path v) {
      metrics = v;
      return this;
    }

    /**
     * Adds the instances the README and --help examples name, created relative to the clock
     * (--demo).
     */
    public Builder showcase(boolean v) {
      showcase = v;
      return this;
    }

    private Builder() {
      host = "127.0.0.1";
      instances = 200;
      seed = 42;
      anchor = Instant.now().truncatedTo(ChronoUnit.DAYS);
      defaultWorkspace = FleetGenerator.DEFAULT_WORKSPACE;
      accessKeyId = DEMO_KEY_ID;
      accessKeySecret = DEMO_KEY_SECRET;
      maxPageSize = 100;
      latency = Duration.ZERO;
      transitionStep = Duration.ofSeconds(20);
      clock = Clock.systemUTC();
      log = line -> {};
      faultSeed = 42;
      regions = List.of();
      spike = Duration.ofMillis(300);
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder data(Path v) {
      data = v;
      return this;
    }

    public Builder instances(int v) {
      instances = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder anchor(Instant v) {
      anchor = v;
      return this;
    }

    public Builder defaultWorkspace(String v) {
      defaultWorkspace = v;
      return this;
    }

    public Builder accessKeyId(String v) {
      accessKeyId = v;
      return this;
    }

    public Builder accessKeySecret(String v) {
      accessKeySecret = v;
      return this;
    }

    public Builder maxPageSize(int v) {
      maxPageSize = v;
      return this;
    }

    public Builder transitionStep(Duration v) {
      transitionStep = v;
      return this;
    }

    public Builder latency(Duration v) {
      latency = v;
      return this;
    }

    public Builder faultRate(double v) {
      faultRate = v;
      return this;
    }

    public Builder throttleRate(double v) {
      throttleRate = v;
      return this;
    }

    public Builder truncateRate(double v) {
      truncateRate = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public Builder log(Consumer<String> v) {
      log = v;
      return this;
    }

    public Builder faultSeed(long v) {
      faultSeed = v;
      return this;
    }

    public Builder dropRate(double v) {
      dropRate = v;
      return this;
    }

    public Builder spikeRate(double v) {
      spikeRate = v;
      return this;
    }

    public Builder spike(Duration v) {
      spike = v;
      return this;
    }

    public Builder regions(List<String> v) {
      regions = List.copyOf(v);
      return this;
    }

    /** The options, or {@link InvalidOptions} naming the first setting out of its range. */
    public Options build() {
      Bounds.check(this);
      return new Options(this);
    }

    /** A field-by-field copy: every setting, whatever is added later (no list to keep up). */
    private Builder copy() {
      try {
        return (Builder) clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException(e); // Builder is Cloneable
      }
    }
  }

  /** The emulator's bounds, each checked here and nowhere else. */
  private static final class Bounds {
    private Bounds() {}

    static void check(Builder b) {
      rate("--fault-rate", b.faultRate);
      rate("--throttle-rate", b.throttleRate);
      rate("--truncate-rate", b.truncateRate);
      rate("--drop-rate", b.dropRate);
      rate("--spike-rate", b.spikeRate);
      if (b.transitionStep.isNegative()
          || b.transitionStep.isZero()
          || b.transitionStep.compareTo(Duration.ofDays(1)) > 0) {
        throw new InvalidOptions("--transition-step must be between 1ms and 1d");
      }
      if (b.port < 0 || b.port > 65535) {
        throw new InvalidOptions("--port must be between 0 and 65535 (got " + b.port + ")");
      }
      if (b.instances < 0 || b.instances > MAX_INSTANCES) {
        throw new InvalidOptions(
            "--instances must be between 0 and " + MAX_INSTANCES + " (got " + b.instances + ")");
      }
      if (b.maxPageSize < 1 || b.maxPageSize > 1000) {
        throw new InvalidOptions(
            "--max-page-size must be between 1 and 1000 (got " + b.maxPageSize + ")");
      }
      if (b.data != null && !java.nio.file.Files.isRegularFile(b.data)) {
        throw new InvalidOptions(
            "--data "
                + b.data
                + (java.nio.file.Files.exists(b.data)
                    ? " is not a regular file"
                    : " does not exist"));
      }
      if (b.host != null && !isAddress(b.host)) {
        throw new InvalidOptions(
            "--bind " + b.host + " is not an address (give an IP address such as 127.0.0.1)");
      }
    }

    /** An IP literal, or localhost: --bind names an address of this machine, never a lookup. */
    private static boolean isAddress(String host) {
      if (host.equals("localhost")) {
        return true;
      }
      if (!host.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
        return false;
      }
      try {
        java.net.InetAddress.getByName(host); // a literal: no lookup
        return true;
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }

    private static void rate(String flag, double r) {
      if (!(r >= 0 && r <= 1)) {
        throw new InvalidOptions(flag + " must be between 0 and 1 (got " + r + ")");
      }
    }
  }

  /** An emulator setting out of its range; the message names the flag. */
  public static final class InvalidOptions extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidOptions(String message) {
      super(message);
    }
  }

  /** The largest generated fleet (the load benchmarks use 100,000). */
  public static final int MAX_INSTANCES = 1_000_000;

  public static final String DEMO_KEY_ID = "LTAIdemo0000emulator";
  public static final String DEMO_KEY_SECRET = "demo-secret-not-a-real-key";

  private final Options options;
  private final HttpServer server;
  private final Timelines timelines;
  private final ExecutorService pool;
  private final InstanceStore store;
  private final Map<String, InstanceStore> regionStores =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Keyring keys;
  private final SignatureVerifier verifier;
  private final Faults faults;
  private final MetricsRoute.Source metrics;
  private final StsRoute sts;

  private EmulatorServer(Options o, List<ObjectNode> fleet) throws IOException {
    this.options = o;
    this.metrics = o.metrics() == null ? null : MetricsRoute.load(o.metrics());
    this.store = new InstanceStore(fleet);
    if (!o.regions().isEmpty()) {
      regionStores.put(o.regions().get(0), store);
    }
    this.keys = new Keyring(o.accessKeyId(), o.accessKeySecret(), o.clock());
    this.sts = new StsRoute(keys, o.b.caller);
    this.verifier = new SignatureVerifier(keys, o.clock());
    this.timelines = new Timelines(o.clock(), o.transitionStep());
    this.faults =
        new Faults(
            new Faults.Rates(
                o.throttleRate(), o.faultRate(), o.truncateRate(), o.dropRate(), o.spikeRate()),
            o.faultSeed());
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

  public static EmulatorServer start(Options o) throws IOException {
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
   * The fleet of one region of {@link Options#regions()}: the main one for the first, else
   * generated on first use.
   */
  public InstanceStore store(String region) {
    if (!options.regions().contains(region)) {
      throw new InvalidOptions("the emulator does not answer for region " + region);
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
        internalError(ex, requestId);
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

  private int route(HttpExchange ex, String requestId) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    if (rawQuery != null && rawQuery.length() > MAX_QUERY_BYTES) {
      return send(
          ex,
          414,
          gatewayBody(requestId, ex, "InvalidParameter.TooLong", "The request query is too long."),
          requestId);
    }
    byte[] body = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return send(
          ex,
          413,
          gatewayBody(requestId, ex, "RequestEntityTooLarge", "The request body is too large."),
          requestId);
    }
    Map<String, String> query;
    try {
      query = decodeQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      return send(
          ex,
          400,
          gatewayBody(
              requestId, ex, "InvalidParameter.Format", "The query string is not well encoded."),
          requestId);
    }
    Call call = new Call(ex, requestId, rawQuery == null ? "" : rawQuery, query, body);
    String method = ex.getRequestMethod();
    InstanceStore fleet;
    if (method.equals("GET") && (fleet = fleetAt(path, PATH)) != null) {
      return listInstances(call, path, fleet);
    }
    if (method.equals("GET") && (fleet = fleetAt(path, EcsSpecsRoute.PATH)) != null) {
      return ecsSpecs(call, path, fleet);
    }
    java.util.regex.Matcher metric = MetricsRoute.match(path);
    if (metric != null
        && method.equals("GET")
        && (metric.group(1) == null || options.regions().contains(metric.group(1)))) {
      return instanceMetrics(
          call,
          path,
          metric.group(1) == null ? store : store(metric.group(1)),
          java.net.URLDecoder.decode(metric.group(2).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    if (method.equals("PUT") && (fleet = fleetAt(path, AutoShutdownPoliciesRoute.PATH)) != null) {
      return autoShutdownPolicies(call, path, fleet);
    }
    if (path.equals("/sts")
        || path.equals("/sts/")
        || (path.equals("/") && query.containsKey("Action"))) {
      return sts(ex, requestId, query, body);
    }
    if (path.startsWith("/latest/")) {
      return metadata(ex, requestId, path);
    }
    if (path.equals("/credentials")) {
      return send(ex, 200, temporaryCredentials(), requestId);
    }
    return send(
        ex,
        404,
        gatewayBody(
            requestId,
            ex,
            "InvalidApi.NotFound",
            "Specified api is not found, please check your url and method."),
        requestId);
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

  /**
   * One request as the router read it: the exchange, its request ID, its raw and decoded query and
   * its body.
   */
  private record Call(
      HttpExchange ex, String requestId, String rawQuery, Map<String, String> query, byte[] body) {}

  private int listInstances(Call call, String path, InstanceStore fleet) throws IOException {
    HttpExchange ex = call.ex();
    String requestId = call.requestId();
    String rawQuery = call.rawQuery();
    Map<String, String> query = call.query();
    byte[] body = call.body();
    Fault faulted = fault(call);
    if (faulted.status() != null) {
      return faulted.status();
    }
    Faults.Kind fault = faulted.kind();
    try {
      authenticate(ex, "GET", path, query, body, "ListInstances");
    } catch (GatewayError e) {
      return refuse(ex, requestId, e);
    }
    Selection selection;
    try {
      selection = new Selection(query, options.defaultWorkspace(), options.maxPageSize());
    } catch (ValidationError e) {
      return send(ex, 400, validationError(requestId, e), requestId);
    }
    List<ObjectNode> matches = matches(timelines.now(fleet.snapshot()), query, selection);
    long from = (long) (selection.pageNumber - 1) * selection.pageSize;
    // The same object ObjectMapper would write, with each instance serialised once and kept, and
    // the page put together in one array of its exact size: serving a 100,000-instance fleet page
    // by page then costs the emulator next to nothing beside the client it serves.
    byte[] head =
        ("{\"RequestId\":\""
                + requestId
                + "\",\"Success\":true,\"Code\":\"200\",\"Message\":\"\","
                + "\"HttpStatusCode\":200,\"TotalCount\":"
                + matches.size()
                + ",\"Instances\":[")
            .getBytes(StandardCharsets.UTF_8);
    int end = (int) Math.min(matches.size(), from + selection.pageSize);
    int first = (int) Math.min(from, end);
    byte[][] items = new byte[end - first][];
    int length = head.length + 2 + Math.max(0, items.length - 1);
    for (int i = 0; i < items.length; i++) {
      items[i] = serialized(matches.get(first + i));
      length += items[i].length;
    }
    byte[] bytes = new byte[length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    int at = head.length;
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        bytes[at++] = ',';
      }
      System.arraycopy(items[i], 0, bytes, at, items[i].length);
      at += items[i].length;
    }
    bytes[at++] = ']';
    bytes[at] = '}';
    ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    ex.getResponseHeaders().set("x-acs-request-id", requestId);
    ex.sendResponseHeaders(200, bytes.length);
    OutputStream out = ex.getResponseBody();
    if (fault == Faults.Kind.TRUNCATE) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      return -1; // closing now leaves the client with a body cut short
    }
    out.write(bytes);
    out.close();
    return 200;
  }

  /** A gateway error (signature, key, unknown API) answered in the gateway's shape. */
  private int refuse(HttpExchange ex, String requestId, GatewayError e) throws IOException {
    return send(ex, e.status, gatewayBody(requestId, ex, e.code, e.getMessage()), requestId);
  }

  /** A 500 InternalError in the gateway's shape. */
  private int internalError(HttpExchange ex, String requestId) throws IOException {
    return send(
        ex,
        500,
        gatewayBody(
            requestId,
            ex,
            "InternalError",
            "The request processing has failed due to some unknown error."),
        requestId);
  }

  /** The fault a request drew, and the status it was answered with (null: it goes on). */
  private record Fault(Faults.Kind kind, Integer status) {}

  /**
   * The latency and the fault every API route shares, drawn before authentication: throttling,
   * 500/503, a dropped connection or a spike; a truncated body is the route's to cut.
   */
  private Fault fault(Call call) throws IOException {
    HttpExchange ex = call.ex();
    String requestId = call.requestId();
    pause(options.latency());
    Faults.Kind fault = faults.decide(call.rawQuery());
    Integer status =
        switch (fault) {
          case THROTTLE -> {
            ex.getResponseHeaders().add("Retry-After", "1");
            yield send(
                ex,
                429,
                gatewayBody(
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
                  gatewayBody(
                      requestId,
                      ex,
                      "ServiceUnavailable",
                      "The request has failed due to a temporary failure of the server."),
                  requestId);
          case DROP -> -1; // the exchange closes with nothing sent: the client sees the end
          case SPIKE -> {
            pause(options.spike());
            yield null;
          }
          default -> null;
        };
    return new Fault(fault, status);
  }

  /**
   * GetInstanceMetrics: signed like ListInstances; faults and latency as for it (a truncated body
   * included); see the route for the answer.
   */
  private int instanceMetrics(Call call, String path, InstanceStore fleet, String id)
      throws IOException {
    HttpExchange ex = call.ex();
    Fault faulted = fault(call);
    if (faulted.status() != null) {
      return faulted.status();
    }
    try {
      authenticate(ex, "GET", path, call.query(), call.body(), "GetInstanceMetrics");
    } catch (GatewayError e) {
      return refuse(ex, call.requestId(), e);
    }
    ObjectNode answer;
    try {
      answer =
          MetricsRoute.answer(
              call.requestId(),
              id,
              call.query(),
              timelines.now(fleet.snapshot()),
              metrics,
              options.clock().instant());
    } catch (ValidationError e) {
      return send(ex, 400, validationError(call.requestId(), e), call.requestId());
    } catch (MetricsRoute.NotFound e) {
      ObjectNode err = Json.MAPPER.createObjectNode();
      err.put("RequestId", call.requestId());
      err.put("Success", false);
      err.put("Code", "InstanceNotFound");
      err.put("Message", e.getMessage());
      err.put("HttpStatusCode", 404);
      return send(ex, 404, err, call.requestId());
    }
    if (faulted.kind() == Faults.Kind.TRUNCATE) {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(answer);
      ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
      ex.sendResponseHeaders(200, bytes.length);
      ex.getResponseBody().write(bytes, 0, bytes.length / 2);
      ex.getResponseBody().flush();
      return -1;
    }
    return send(ex, 200, answer, call.requestId());
  }

  /** ListEcsSpecs: signed like ListInstances, faults and latency as for it; see the route. */
  private int ecsSpecs(Call call, String path, InstanceStore fleet) throws IOException {
    HttpExchange ex = call.ex();
    Fault faulted = fault(call);
    if (faulted.status() != null) {
      return faulted.status();
    }
    try {
      authenticate(ex, "GET", path, call.query(), call.body(), "ListEcsSpecs");
      return send(
          ex,
          200,
          EcsSpecsRoute.answer(call.requestId(), call.query(), timelines.now(fleet.snapshot())),
          call.requestId());
    } catch (GatewayError e) {
      return refuse(ex, call.requestId(), e);
    } catch (ValidationError e) {
      return send(ex, 400, validationError(call.requestId(), e), call.requestId());
    }
  }

  /** The DSW error envelope of a 400 ValidationError. */
  private static ObjectNode validationError(String requestId, ValidationError e) {
    ObjectNode err = Json.MAPPER.createObjectNode();
    err.put("RequestId", requestId);
    err.put("Success", false);
    err.put("Code", "ValidationError");
    err.put("Message", e.getMessage());
    err.put("HttpStatusCode", 400);
    return err;
  }

  /** The request's headers, names in lower case, the first value of each. */
  private static Map<String, String> headers(HttpExchange ex) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
    }
    return headers;
  }

  /**
   * The gateway's checks every API shares: the V3 signature (with the body's hash) and the action
   * and version the route serves; a GatewayError says which failed.
   */
  private void authenticate(
      HttpExchange ex,
      String method,
      String path,
      Map<String, String> query,
      byte[] body,
      String action)
      throws GatewayError {
    Map<String, String> headers = headers(ex);
    verifier.verify(method, path, query, headers, body);
    if (!action.equals(headers.get("x-acs-action"))
        || !"2022-01-01".equals(headers.get("x-acs-version"))) {
      throw new GatewayError(
          404,
          "InvalidApi.NotFound",
          "Specified api is not found, please check your url and method.");
    }
  }

  /** QueryAutoShutdownPolicies: signed like ListInstances, with the body's hash; see the route. */
  private int autoShutdownPolicies(Call call, String path, InstanceStore fleet) throws IOException {
    HttpExchange ex = call.ex();
    pause(options.latency());
    try {
      authenticate(ex, "PUT", path, call.query(), call.body(), "QueryAutoShutdownPolicies");
    } catch (GatewayError e) {
      return refuse(ex, call.requestId(), e);
    }
    try {
      return send(
          ex,
          200,
          AutoShutdownPoliciesRoute.answer(call.requestId(), call.body(), fleet.snapshot()),
          call.requestId());
    } catch (ValidationError e) {
      return send(ex, 400, validationError(call.requestId(), e), call.requestId());
    }
  }

  /**
   * Instances as JSON bytes, by identity: a fleet's nodes are never changed in place (updates
   * replace them).
   */
  private final Map<ObjectNode, byte[]> serialized =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private byte[] serialized(ObjectNode instance) {
    byte[] b = serialized.get(instance);
    if (b == null) {
      try {
        b = Json.MAPPER.writeValueAsBytes(Timelines.served(instance));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      serialized.put(instance, b);
    }
    return b;
  }

  /**
   * A selection and the fleet list it was made from (compared by identity: updates replace the
   * list).
   */
  private record Selected(List<ObjectNode> fleet, List<ObjectNode> matches) {}

  /**
   * The last selections, by fleet and filters (not paging): paging a big fleet filters and sorts it
   * once.
   */
  private final Map<String, Selected> selections =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Selected> eldest) {
          return size() > 16;
        }
      };

  private List<ObjectNode> matches(
      List<ObjectNode> fleet, Map<String, String> query, Selection selection) {
    Map<String, String> filters = new java.util.TreeMap<>(query);
    filters.remove("PageNumber");
    filters.remove("PageSize");
    String key = System.identityHashCode(fleet) + "/" + filters; // one entry per region's fleet
    synchronized (selections) {
      Selected cached = selections.get(key);
      if (cached != null && cached.fleet() == fleet) {
        return cached.matches();
      }
    }
    List<ObjectNode> fresh = selection.select(fleet);
    synchronized (selections) {
      selections.put(key, new Selected(fleet, fresh));
    }
    return fresh;
  }

  /**
   * STS (AssumeRole, GetCallerIdentity) at / and /sts, GET or POST: the query's parameters and a
   * form body's; see StsRoute.
   */
  private int sts(HttpExchange ex, String requestId, Map<String, String> query, byte[] body)
      throws IOException {
    Map<String, String> params = new LinkedHashMap<>(query);
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (body.length > 0 && type != null && type.startsWith("application/x-www-form-urlencoded")) {
      try {
        params.putAll(decodeQuery(new String(body, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        return send(
            ex,
            400,
            gatewayBody(requestId, ex, "InvalidParameter.Format", "The body is not well encoded."),
            requestId);
      }
    }
    try {
      return send(
          ex,
          200,
          sts.answer(ex.getRequestMethod(), params, requestId, EmulatorServer::credentialsJson),
          requestId);
    } catch (GatewayError e) {
      return refuse(ex, requestId, e);
    }
  }

  private int metadata(HttpExchange ex, String requestId, String path) throws IOException {
    if (path.equals("/latest/api/token") && ex.getRequestMethod().equals("PUT")) {
      return sendText(ex, 200, "emulator-imds-token-" + UUID.randomUUID());
    }
    String prefix = "/latest/meta-data/ram/security-credentials/";
    if (path.equals(prefix)) {
      return sendText(ex, 200, ROLE);
    }
    if (path.equals(prefix + ROLE)) {
      return send(ex, 200, temporaryCredentials(), requestId);
    }
    return sendText(ex, 404, "Not Found");
  }

  private ObjectNode temporaryCredentials() {
    ObjectNode c = credentialsJson(keys.issue(Duration.ofHours(6)));
    c.put("Code", "Success");
    c.put("LastUpdated", options.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return c;
  }

  private static ObjectNode credentialsJson(Keyring.Key k) {
    ObjectNode c = Json.MAPPER.createObjectNode();
    c.put("AccessKeyId", k.id());
    c.put("AccessKeySecret", k.secret());
    c.put("SecurityToken", k.token());
    c.put("Expiration", k.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
    return c;
  }

  private static ObjectNode gatewayBody(
      String requestId, HttpExchange ex, String code, String message) {
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

  private static int send(HttpExchange ex, int status, ObjectNode body, String requestId)
      throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", "application/json;charset=utf-8");
    h.set("x-acs-request-id", requestId);
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
    return status;
  }

  private static int sendText(HttpExchange ex, int status, String text) throws IOException {
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

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
