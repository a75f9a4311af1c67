package dev.dsw.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dsw.auth.RpcSigner;
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
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local PAI-DSW API: GET /api/v2/instances with V3 signature checks, the service's error
 * shapes, paging and seeded faults; plus STS AssumeRole (/sts), the ECS metadata service
 * (/latest) and a credentials URI (/credentials) for credential-chain tests. Loopback by default.
 */
public final class EmulatorServer implements AutoCloseable {
  static final String PATH = "/api/v2/instances";
  static final int MAX_QUERY_BYTES = 32 * 1024;
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final String ROLE = "EmulatorEcsRole";

  /**
   * How the emulator runs. {@code data} null means a generated fleet of {@code instances} from
   * {@code seed}; {@code faultSeed} drives the fault rolls, so faults can vary over the same fleet.
   */
  public record Options(String host, int port, Path data, int instances, long seed, Instant anchor,
      String defaultWorkspace, String accessKeyId, String accessKeySecret, int maxPageSize, Duration latency,
      double faultRate, double throttleRate, double truncateRate, Clock clock, Consumer<String> log, long faultSeed,
      List<String> regions, double dropRate, double spikeRate, Duration spike) {

    /** Loopback, ephemeral port, 200 generated instances, the demo keys, no faults, no log. */
    public static Options defaults() {
      return new Options("127.0.0.1", 0, null, 200, 42, Instant.now().truncatedTo(ChronoUnit.DAYS),
          FleetGenerator.DEFAULT_WORKSPACE, DEMO_KEY_ID, DEMO_KEY_SECRET, 100, Duration.ZERO, 0, 0, 0,
          Clock.systemUTC(), line -> {}, 42, List.of(), 0, 0, Duration.ofMillis(300));
    }

    public Options withFleet(int n, long s, Instant a) {
      return edit(b -> {
        b.instances = n;
        b.seed = s;
        b.anchor = a;
      });
    }

    public Options withFaults(Duration lat, double fault, double throttle, double truncate) {
      return edit(b -> {
        b.latency = lat;
        b.faultRate = fault;
        b.throttleRate = throttle;
        b.truncateRate = truncate;
      });
    }

    /** Connections closed before any response, and answers delayed by {@code delay}, at these rates. */
    public Options withDropsAndSpikes(double drop, double spikes, Duration delay) {
      return edit(b -> {
        b.dropRate = drop;
        b.spikeRate = spikes;
        b.spike = delay;
      });
    }

    public Options withKeys(String id, String secret) {
      return edit(b -> {
        b.accessKeyId = id;
        b.accessKeySecret = secret;
      });
    }

    public Options withClock(Clock c) {
      return edit(b -> b.clock = c);
    }

    public Options withFaultSeed(long s) {
      return edit(b -> b.faultSeed = s);
    }

    public Options withData(Path file) {
      return edit(b -> b.data = file);
    }

    /**
     * Answers for these regions too: /REGION/api/v2/instances serves a fleet of its own (the first
     * region's is the one at /api/v2/instances); other regions get 404, as a host without DSW would.
     */
    public Options withRegions(List<String> ids) {
      return edit(b -> b.regions = List.copyOf(ids));
    }

    public Options withLog(Consumer<String> l) {
      return edit(b -> b.log = l);
    }

    /** A copy with some components changed: the one place that lists them all. */
    private Options edit(Consumer<Copy> change) {
      Copy b = new Copy(this);
      change.accept(b);
      return new Options(b.host, b.port, b.data, b.instances, b.seed, b.anchor, b.defaultWorkspace, b.accessKeyId,
          b.accessKeySecret, b.maxPageSize, b.latency, b.faultRate, b.throttleRate, b.truncateRate, b.clock, b.log,
          b.faultSeed, b.regions, b.dropRate, b.spikeRate, b.spike);
    }

    /** The mutable components of a copy being edited. */
    private static final class Copy {
      String host;
      int port;
      Path data;
      int instances;
      long seed;
      Instant anchor;
      String defaultWorkspace;
      String accessKeyId;
      String accessKeySecret;
      int maxPageSize;
      Duration latency;
      double faultRate;
      double throttleRate;
      double truncateRate;
      Clock clock;
      Consumer<String> log;
      long faultSeed;
      List<String> regions;
      double dropRate;
      double spikeRate;
      Duration spike;

      Copy(Options o) {
        host = o.host;
        port = o.port;
        data = o.data;
        instances = o.instances;
        seed = o.seed;
        anchor = o.anchor;
        defaultWorkspace = o.defaultWorkspace;
        accessKeyId = o.accessKeyId;
        accessKeySecret = o.accessKeySecret;
        maxPageSize = o.maxPageSize;
        latency = o.latency;
        faultRate = o.faultRate;
        throttleRate = o.throttleRate;
        truncateRate = o.truncateRate;
        clock = o.clock;
        log = o.log;
        faultSeed = o.faultSeed;
        regions = o.regions;
        dropRate = o.dropRate;
        spikeRate = o.spikeRate;
        spike = o.spike;
      }
    }
  }

  public static final String DEMO_KEY_ID = "LTAIdemo0000emulator";
  public static final String DEMO_KEY_SECRET = "demo-secret-not-a-real-key";

  private final Options options;
  private final HttpServer server;
  private final ExecutorService pool;
  private final InstanceStore store;
  private final Map<String, InstanceStore> regionStores = new java.util.concurrent.ConcurrentHashMap<>();
  private final Keyring keys;
  private final SignatureVerifier verifier;
  private final Faults faults;

  private EmulatorServer(Options o, List<ObjectNode> fleet) throws IOException {
    this.options = o;
    this.store = new InstanceStore(fleet);
    if (!o.regions().isEmpty()) {
      regionStores.put(o.regions().get(0), store);
    }
    this.keys = new Keyring(o.accessKeyId(), o.accessKeySecret(), o.clock());
    this.verifier = new SignatureVerifier(keys, o.clock());
    this.faults = new Faults(new Faults.Rates(o.throttleRate(), o.faultRate(), o.truncateRate(), o.dropRate(),
        o.spikeRate()), o.faultSeed());
    this.server = HttpServer.create(new InetSocketAddress(o.host(), o.port()), 128);
    this.pool = Executors.newFixedThreadPool(64, r -> {
      Thread t = new Thread(r, "dsw-emulator");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", this::handle);
  }

  /** Starts an emulator; the fleet is generated or read from the data file. */
  public static EmulatorServer start(Options o) throws IOException {
    // Without TCP_NODELAY the JDK server's small responses wait out the peer's delayed ACK (~40 ms each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    List<ObjectNode> fleet = o.data() != null ? InstanceStore.load(o.data())
        : FleetGenerator.generate(o.instances(), o.seed(), o.anchor());
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

  /** The fleet of one region of {@link Options#regions()}: the main one for the first, else generated on first use. */
  public InstanceStore store(String region) {
    if (!options.regions().contains(region)) {
      throw new IllegalArgumentException("the emulator does not answer for region " + region);
    }
    return regionStores.computeIfAbsent(region, r -> new InstanceStore(
        FleetGenerator.generate(options.instances(), options.seed() * 31 + r.hashCode(), options.anchor())));
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
        send(ex, 500, gatewayBody(requestId, ex, "InternalError", "The request processing has failed due to some unknown error."), requestId);
      } catch (IOException ignored) {
        // the client went away
      }
    } finally {
      ex.close();
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    String q = ex.getRequestURI().getRawQuery();
    options.log().accept(ex.getRemoteAddress().getAddress().getHostAddress() + " " + ex.getRequestMethod() + " "
        + ex.getRequestURI().getRawPath() + (q == null ? "" : "?" + (q.length() > 200 ? q.substring(0, 200) + "…" : q))
        + " " + (status < 0 ? "aborted" : status) + " " + ms + "ms " + requestId);
  }

  private int route(HttpExchange ex, String requestId) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    if (rawQuery != null && rawQuery.length() > MAX_QUERY_BYTES) {
      return send(ex, 414, gatewayBody(requestId, ex, "InvalidParameter.TooLong", "The request query is too long."), requestId);
    }
    byte[] body = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      return send(ex, 413, gatewayBody(requestId, ex, "RequestEntityTooLarge", "The request body is too large."), requestId);
    }
    Map<String, String> query;
    try {
      query = decodeQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      return send(ex, 400, gatewayBody(requestId, ex, "InvalidParameter.Format", "The query string is not well encoded."), requestId);
    }
    if (path.equals(PATH) && ex.getRequestMethod().equals("GET")) {
      return listInstances(ex, requestId, rawQuery == null ? "" : rawQuery, query, body, PATH, store);
    }
    if (path.endsWith(PATH) && ex.getRequestMethod().equals("GET")
        && options.regions().contains(path.substring(1, path.length() - PATH.length()))) {
      String region = path.substring(1, path.length() - PATH.length());
      return listInstances(ex, requestId, rawQuery == null ? "" : rawQuery, query, body, path, store(region));
    }
    if (path.equals("/sts") || path.equals("/sts/")) {
      return assumeRole(ex, requestId, query);
    }
    if (path.startsWith("/latest/")) {
      return metadata(ex, requestId, path);
    }
    if (path.equals("/credentials")) {
      return send(ex, 200, temporaryCredentials(), requestId);
    }
    return send(ex, 404, gatewayBody(requestId, ex, "InvalidApi.NotFound",
        "Specified api is not found, please check your url and method."), requestId);
  }

  private int listInstances(HttpExchange ex, String requestId, String rawQuery, Map<String, String> query, byte[] body,
      String path, InstanceStore fleet) throws IOException {
    pause(options.latency());
    Faults.Kind fault = faults.decide(rawQuery);
    switch (fault) {
      case THROTTLE -> {
        ex.getResponseHeaders().add("Retry-After", "1");
        return send(ex, 429, gatewayBody(requestId, ex, "Throttling.User", "Request was denied due to user flow control."), requestId);
      }
      case ERROR_500 -> {
        return send(ex, 500, gatewayBody(requestId, ex, "InternalError", "The request processing has failed due to some unknown error."), requestId);
      }
      case ERROR_503 -> {
        return send(ex, 503, gatewayBody(requestId, ex, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."), requestId);
      }
      case DROP -> {
        return -1; // the exchange closes with nothing sent: the client sees the connection end
      }
      case SPIKE -> pause(options.spike());
      default -> {
        // no fault before authentication
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
      headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
    }
    try {
      verifier.verify("GET", path, query, headers, body);
      if (!"ListInstances".equals(headers.get("x-acs-action")) || !"2022-01-01".equals(headers.get("x-acs-version"))) {
        throw new GatewayError(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
      }
    } catch (GatewayError e) {
      return send(ex, e.status, gatewayBody(requestId, ex, e.code, e.getMessage()), requestId);
    }
    Selection selection;
    try {
      selection = new Selection(query, options.defaultWorkspace(), options.maxPageSize());
    } catch (ValidationError e) {
      ObjectNode err = Json.MAPPER.createObjectNode();
      err.put("RequestId", requestId);
      err.put("Success", false);
      err.put("Code", "ValidationError");
      err.put("Message", e.getMessage());
      err.put("HttpStatusCode", 400);
      return send(ex, 400, err, requestId);
    }
    List<ObjectNode> matches = matches(fleet.snapshot(), query, selection);
    long from = (long) (selection.pageNumber - 1) * selection.pageSize;
    // The same object ObjectMapper would write, with each instance serialised once and kept, and
    // the page put together in one array of its exact size: serving a 100,000-instance fleet page
    // by page then costs the emulator next to nothing beside the client it serves.
    byte[] head = ("{\"RequestId\":\"" + requestId + "\",\"Success\":true,\"Code\":\"200\",\"Message\":\"\","
        + "\"HttpStatusCode\":200,\"TotalCount\":" + matches.size() + ",\"Instances\":[").getBytes(StandardCharsets.UTF_8);
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

  /** Instances as JSON bytes, by identity: a fleet's nodes are never changed in place (updates replace them). */
  private final Map<ObjectNode, byte[]> serialized = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private byte[] serialized(ObjectNode instance) {
    byte[] b = serialized.get(instance);
    if (b == null) {
      try {
        b = Json.MAPPER.writeValueAsBytes(instance);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      serialized.put(instance, b);
    }
    return b;
  }

  /** A selection and the fleet list it was made from (compared by identity: updates replace the list). */
  private record Selected(List<ObjectNode> fleet, List<ObjectNode> matches) {}

  /** The last selections, by fleet and filters (not paging): paging a big fleet filters and sorts it once. */
  private final Map<String, Selected> selections = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Selected> eldest) {
      return size() > 16;
    }
  };

  private List<ObjectNode> matches(List<ObjectNode> fleet, Map<String, String> query, Selection selection) {
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

  private int assumeRole(HttpExchange ex, String requestId, Map<String, String> query) throws IOException {
    Map<String, String> params = new LinkedHashMap<>(query);
    String signature = params.remove("Signature");
    Keyring.Key key = keys.find(params.getOrDefault("AccessKeyId", ""));
    if (!"AssumeRole".equals(params.get("Action")) || params.get("RoleArn") == null) {
      return send(ex, 400, gatewayBody(requestId, ex, "MissingParameter", "Action=AssumeRole and RoleArn are required."), requestId);
    }
    if (key == null) {
      return send(ex, 404, gatewayBody(requestId, ex, "InvalidAccessKeyId.NotFound", "Specified access key is not found."), requestId);
    }
    if (signature == null || !signature.equals(RpcSigner.sign("GET", params, key.secret()))) {
      return send(ex, 400, gatewayBody(requestId, ex, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation."), requestId);
    }
    int seconds;
    try {
      seconds = Integer.parseInt(params.getOrDefault("DurationSeconds", "3600"));
    } catch (NumberFormatException e) {
      seconds = 3600;
    }
    Keyring.Key issued = keys.issue(Duration.ofSeconds(Math.max(900, seconds)));
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("RequestId", requestId);
    body.putObject("AssumedRoleUser").put("Arn", params.get("RoleArn") + "/" + params.getOrDefault("RoleSessionName", ""))
        .put("AssumedRoleId", "3" + Math.abs(params.get("RoleArn").hashCode()) + ":" + params.getOrDefault("RoleSessionName", ""));
    body.set("Credentials", credentialsJson(issued));
    return send(ex, 200, body, requestId);
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

  private static ObjectNode gatewayBody(String requestId, HttpExchange ex, String code, String message) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    String host = ex.getRequestHeaders().getFirst("Host");
    n.put("RequestId", requestId);
    n.put("HostId", host == null ? "" : host);
    n.put("Code", code);
    n.put("Message", message);
    n.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + code + "&product=pai-dsw&requestId=" + requestId);
    return n;
  }

  private static int send(HttpExchange ex, int status, ObjectNode body, String requestId) throws IOException {
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

  /** Decodes a query as the gateway does: percent-decoding with '+' as a space (the Java SDK sends form encoding). */
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
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
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
