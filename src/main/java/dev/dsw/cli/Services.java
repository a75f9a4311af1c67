package dev.dsw.cli;

import dev.dsw.api.DswClient;
import dev.dsw.api.Endpoints;
import dev.dsw.api.HttpDswClient;
import dev.dsw.api.InvalidQueryException;
import dev.dsw.auth.CredentialChain;
import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import dev.dsw.config.CliConfig;
import dev.dsw.config.FileModes;
import dev.dsw.config.Profile;
import dev.dsw.emulator.EmulatorServer;
import dev.dsw.http.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What commands use, built lazily and once: the console, and (only when a command talks to the
 * API) the endpoint, credentials, transport and client. --help and completion build none of it.
 */
public final class Services implements AutoCloseable {
  static final String[] REGION_VARS = {
    "ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION"
  };
  private final Environment env;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private GlobalOptions global = new GlobalOptions();
  private Console console;
  private DswClient client;
  private final java.util.Map<String, DswClient> regionClients = new java.util.concurrent.ConcurrentHashMap<>();
  private EmulatorServer demoServer;
  private Optional<CliConfig> cliConfig;

  public Services(Environment env) {
    this.env = env;
  }

  void configure(GlobalOptions g) {
    this.global = g;
    this.console = new Console(env, g.colorMode(), g.isDebug(), g.isQuiet());
  }

  public Environment env() {
    return env;
  }

  GlobalOptions global() {
    return global;
  }

  Clock clock() {
    return env.clock();
  }

  Console console() {
    if (console == null) {
      console = new Console(env, ColorMode.auto, false, false);
    }
    return console;
  }

  /** The client for the endpoint and credentials in force (the built-in emulator with --demo). */
  DswClient client() {
    if (client == null) {
      client = global.isDemo() ? demoClient(global.region) : new HttpDswClient(transport(credentials()), endpoint());
      closeables.add(client);
    }
    return client;
  }

  /**
   * With --dry-run, prints the first request a command would send (signed, redacted; to the first
   * region when several are asked) and returns true: the command then stops. Without it, false.
   */
  boolean dryRun(dev.dsw.api.ListInstancesQuery first) {
    if (!global.isDryRun()) {
      return false;
    }
    List<String> several = regions();
    console().out().print((several.isEmpty() ? client() : client(several.get(0))).dryRun(first));
    console().out().flush();
    return true;
  }

  /** The client for one of several regions queried at once; {@link #regions()} decides which. */
  synchronized DswClient client(String region) {
    return regionClients.computeIfAbsent(region, r -> {
      DswClient c = global.isDemo() ? demoClient(r) : new HttpDswClient(transport(sharedCredentials()), endpoint(r));
      closeables.add(c);
      return c;
    });
  }

  private CredentialProvider shared;

  private CredentialProvider sharedCredentials() {
    if (shared == null) {
      shared = credentials();
    }
    return shared;
  }

  /**
   * The regions of --region a,b,c or --all-regions, each checked; empty for the usual single region
   * (resolved by {@link #region()}, which also reads the environment and the profile).
   */
  List<String> regions() {
    if (global.isAllRegions()) {
      if (global.region != null) {
        throw new UsageException("--all-regions and --region cannot be combined", "drop one of them");
      }
      return Endpoints.KNOWN_REGIONS;
    }
    if (global.region == null || global.region.indexOf(',') < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String r : global.region.split(",", -1)) {
      String id = r.trim();
      if (!Endpoints.isValidRegion(id)) {
        throw new UsageException("--region " + global.region + ": '" + id + "' is not a region ID",
            "separate region IDs with commas, e.g. --region cn-hangzhou,cn-shanghai");
      }
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /** Whether several regions are asked for (each instance then carries its RegionId). */
  boolean multiRegion() {
    return !regions().isEmpty();
  }

  private DswClient demoClient(String region) {
    if (demoServer == null) {
      try {
        demoServer = EmulatorServer.start(EmulatorServer.Options.defaults().withFleet(200, 42, demoAnchor())
            .withRegions(DEMO_REGIONS).withClock(clock()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      closeables.add(demoServer);
    }
    if (region != null) {
      requireRegion(region);
    }
    Credentials demo = Credentials.of(EmulatorServer.DEMO_KEY_ID, EmulatorServer.DEMO_KEY_SECRET, null, "--demo keys");
    return new HttpDswClient(transport(CredentialProvider.of(demo)),
        demoServer.baseUrl() + (region == null ? "" : "/" + region));
  }

  /**
   * The demo emulator answers for every documented region; the first is the default. (A plain
   * loop: a sorting stream here made every start, even --help, spin a lambda class.)
   */
  static final List<String> DEMO_REGIONS = demoRegions();

  private static List<String> demoRegions() {
    List<String> regions = new java.util.ArrayList<>(List.of("cn-hangzhou"));
    for (String r : Endpoints.KNOWN_REGIONS) {
      if (!r.equals("cn-hangzhou")) {
        regions.add(r);
      }
    }
    return List.copyOf(regions);
  }

  private java.time.Instant demoAnchor() {
    return clock().instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
  }

  CredentialProvider credentials() {
    return new CredentialChain(env.variables(), env.home(), cliConfig(), global.profile, clock())
        .warnings(console()::warn).resolve();
  }

  private Transport transport(CredentialProvider credentials) {
    Duration connect = Optional.ofNullable(global.connectTimeout).orElse(Duration.ofSeconds(10));
    Duration read = Optional.ofNullable(global.readTimeout).orElse(Duration.ofSeconds(30));
    Duration call = Optional.ofNullable(global.timeout).orElse(Duration.ofSeconds(60));
    int retries = Optional.ofNullable(global.retries).orElse(4);
    if (retries < 0 || retries > 20) {
      throw new UsageException("--retries must be between 0 and 20 (got " + retries + ")", null);
    }
    Console c = console();
    return new Transport(new Transport.Settings(connect, read, call, retries, 32, userAgent(), env.variables(),
        c.debug() ? c::debugLine : null, clock()), credentials);
  }

  static String userAgent() {
    return "dsw/" + VersionProvider.version().split(" ")[0] + " (Java " + System.getProperty("java.version") + "; "
        + System.getProperty("os.name") + ")";
  }

  /** The API base URL: --endpoint, else built from the region. */
  String endpoint() {
    if (global.region != null) {
      requireRegion(global.region); // checked even when a fixed --endpoint makes it unused
    }
    if (global.endpoint != null && !global.endpoint.contains("{region}")) {
      return checkedEndpoint(global.endpoint);
    }
    return endpoint(region());
  }

  /** The base URL for one region: --endpoint with {region} replaced, else pai-dsw[-vpc].REGION.aliyuncs.com. */
  String endpoint(String region) {
    if (global.endpoint != null) {
      if (!global.endpoint.contains("{region}")) {
        throw new UsageException("--endpoint " + global.endpoint + " names one endpoint, but several regions were asked for",
            "put {region} in the URL where the region goes, e.g. --endpoint 'http://127.0.0.1:8080/{region}'");
      }
      return checkedEndpoint(global.endpoint.replace("{region}", region));
    }
    requireRegion(region);
    boolean vpc = global.isVpc() || "vpc".equalsIgnoreCase(selectedProfile().map(Profile::endpointType).orElse(null));
    return Endpoints.forRegion(region, vpc);
  }

  private static void requireRegion(String id) {
    if (!Endpoints.isValidRegion(id)) {
      throw new UsageException("'" + id + "' is not a region ID", "e.g. --region cn-hangzhou");
    }
  }

  private static String checkedEndpoint(String url) {
    try {
      Endpoints.checkOverride(url);
    } catch (InvalidQueryException e) {
      throw new UsageException(e.getMessage(), "e.g. --endpoint https://pai-dsw.cn-hangzhou.aliyuncs.com");
    }
    return url;
  }

  /** The region: --region, then the environment, then the selected profile's region_id; else a usage error naming each place. */
  String region() {
    if (global.region != null) {
      return global.region;
    }
    if (global.isDemo()) {
      return DEMO_REGIONS.get(0);
    }
    String fromEnv = env.firstVariable(REGION_VARS);
    if (fromEnv != null) {
      return fromEnv;
    }
    Optional<Profile> p = selectedProfile();
    if (p.isPresent() && p.get().regionId() != null) {
      return p.get().regionId();
    }
    throw new UsageException("no region: --region not given, ALIBABA_CLOUD_REGION_ID not set, and "
        + (p.isPresent() ? "profile '" + p.get().name() + "' has no region_id"
            : CliConfig.defaultPath(env.home()) + " has no matching profile"),
        "pass --region, e.g. --region cn-hangzhou (regions: " + String.join(", ", Endpoints.KNOWN_REGIONS) + ")");
  }

  /** ~/.aliyun/config.json, read once per run (empty when it does not exist). */
  private Optional<CliConfig> cliConfig() {
    if (cliConfig == null) {
      Path file = CliConfig.defaultPath(env.home());
      cliConfig = CliConfig.read(file);
      if (cliConfig.isPresent()) {
        FileModes.exposure(file).ifPresent(console()::warn);
      }
    }
    return cliConfig;
  }

  /** The profile of ~/.aliyun/config.json in force: --profile, ALIBABA_CLOUD_PROFILE, else current. */
  Optional<Profile> selectedProfile() {
    return cliConfig().flatMap(c -> c.selected(global.profile, env.firstVariable(CredentialChain.PROFILE_VARS)));
  }

  @Override
  public void close() {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // closing at exit: nothing useful to do with a failure
      }
    }
    env.out().flush();
  }
}
