package dev.dsw.cli.run;

import dev.dsw.api.DswClient;
import dev.dsw.api.Endpoints;
import dev.dsw.api.HttpDswClient;
import dev.dsw.api.InvalidQueryException;
import dev.dsw.api.Target;
import dev.dsw.auth.CredentialChain;
import dev.dsw.auth.CredentialProvider;
import dev.dsw.auth.Credentials;
import dev.dsw.cli.terminal.ColorMode;
import dev.dsw.cli.terminal.Console;
import dev.dsw.cli.terminal.Environment;
import dev.dsw.config.CliConfig;
import dev.dsw.config.ConfigException;
import dev.dsw.config.FileModes;
import dev.dsw.config.Profile;
import dev.dsw.http.Transport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What commands use, built lazily and once: the console, and (only when a command talks to the API)
 * the endpoint, credentials, transport and client. --help and completion build none of it.
 */
public final class Services implements AutoCloseable, dev.dsw.listing.Session {
  static final String[] REGION_VARS = {
    "ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID", "ALICLOUD_REGION"
  };
  private final Environment env;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Globals global = Globals.NONE;
  private Console console;
  private DswClient client;
  private final java.util.Map<String, DswClient> regionClients =
      new java.util.concurrent.ConcurrentHashMap<>();
  private Demo demo;
  private Optional<CliConfig> cliConfig;
  private Target target;

  public Services(Environment env) {
    this.env = env;
  }

  public void configure(Globals g) {
    this.global = g;
    this.console = new Console(env, g.colorMode(), g.isDebug(), g.isQuiet());
  }

  public Environment env() {
    return env;
  }

  public Globals global() {
    return global;
  }

  public Clock clock() {
    return env.clock();
  }

  @Override
  public dev.dsw.listing.Narrowing narrow(dev.dsw.listing.Request r) {
    return Choices.of(r, this);
  }

  @Override
  public dev.dsw.listing.Terminal terminal() {
    return new ConsoleTerminal(console(), env, this::completionContext);
  }

  public Console console() {
    if (console == null) {
      console = new Console(env, ColorMode.auto, false, false);
    }
    return console;
  }

  /**
   * Where requests go: the region or regions and their endpoints, as the flags, environment and
   * profile say.
   */
  public Target target() {
    if (target == null) {
      target =
          new Target(
              new Target.Flags(
                  global.region(), global.isAllRegions(), global.endpoint(), global.isVpc()),
              new Target.Fallbacks(
                  global.isDemo() ? Demo.REGIONS.get(0) : null,
                  env.firstVariable(REGION_VARS),
                  this::selectedProfile,
                  CliConfig.defaultPath(env.home())));
    }
    return target;
  }

  /** The client for the endpoint and credentials in force (the built-in emulator with --demo). */
  @Override
  public DswClient client() {
    if (client == null) {
      // the endpoint first: a bad --endpoint or --region is a usage error (2), whatever the
      // credentials
      client =
          global.isDemo()
              ? demoClient(global.region())
              : httpClient(endpointOrNoAccount(), this::credentials);
      closeables.add(client);
    }
    return client;
  }

  /**
   * The endpoint; with no region anywhere and no credentials either, the missing account is the
   * error (exit 4, with how to try dsw without one), not the region (issue #33).
   */
  private String endpointOrNoAccount() {
    try {
      return target().endpoint();
    } catch (InvalidQueryException.MissingRegion noRegion) {
      settings(); // usage errors first, as always
      credentials(); // throws when there are none
      throw noRegion;
    }
  }

  /**
   * With --dry-run, prints the first request a command would send (signed, redacted; to the first
   * region when several are asked) and returns true: the command then stops. Without it, false.
   */
  public boolean dryRun(dev.dsw.api.ListInstancesQuery first) {
    if (!global.isDryRun()) {
      return false;
    }
    List<String> several = scopes();
    console().out().print((several.isEmpty() ? client() : client(several.get(0))).dryRun(first));
    console().out().flush();
    return true;
  }

  private List<String> profiles;

  /**
   * The profiles of --profile a,b or --all-profiles, each checked to exist; empty for the usual
   * single profile. --all-profiles with no profile configured, with --profile, or several profiles
   * with --demo, is a usage error.
   */
  public synchronized List<String> profiles() {
    if (profiles == null) {
      String given = global.profile();
      boolean several = given != null && given.contains(",");
      if (global.isAllProfiles() && given != null) {
        throw new UsageException("--all-profiles and --profile cannot be combined", "drop one");
      }
      if (global.isAllProfiles()) {
        List<String> names = knownProfiles();
        if (names.isEmpty()) {
          throw new UsageException(
              "--all-profiles: no profile in " + configFile(),
              "configure one with 'aliyun configure', or name them with --profile a,b");
        }
        profiles = List.copyOf(names);
      } else if (several) {
        List<String> names = new ArrayList<>();
        List<String> known = knownProfiles();
        for (String p : given.split(",", -1)) {
          String name = p.strip();
          if (!known.contains(name)) {
            throw new UsageException(
                "--profile "
                    + dev.dsw.model.Inert.printableShort(given)
                    + ": no profile '"
                    + dev.dsw.model.Inert.printableShort(name)
                    + "' in "
                    + (global.isDemo() ? "the demo" : configFile().toString())
                    + dev.dsw.model.Spelling.nearest(name, known)
                        .map(n -> "; did you mean " + n + "?")
                        .orElse(""),
                known.isEmpty() ? null : "profiles: " + String.join(", ", known));
          }
          if (!names.contains(name)) {
            names.add(name);
          }
        }
        profiles = List.copyOf(names);
      } else {
        profiles = List.of();
      }
    }
    return profiles;
  }

  /**
   * What a listing reads, besides the one region of the one profile: one scope per region of
   * --region a,b (the region's name), or, with several profiles, per profile and region
   * ("PROFILE@REGION": each profile's own region unless --region names some). Empty for one.
   */
  public List<String> scopes() {
    List<String> regions = target().regions();
    if (profiles().isEmpty()) {
      return regions;
    }
    List<String> out = new ArrayList<>();
    for (String p : profiles()) {
      for (String r : regions.isEmpty() ? List.of(regionOf(p)) : regions) {
        out.add(p + "@" + r);
      }
    }
    return out;
  }

  /**
   * The scope an instance was listed in, whose client reaches it again: "PROFILE@REGION" with
   * several profiles, the region with several regions, "" for the one region.
   */
  public String scopeOf(dev.dsw.model.Instance i) {
    if (!i.text("Profile").isEmpty()) {
      return i.text("Profile") + "@" + i.text("RegionId");
    }
    return target().multiRegion() ? i.text("RegionId") : "";
  }

  /** A scope as messages name it: "region R", or "profile P (R)". */
  public static String describe(String scope) {
    int at = scope.indexOf('@');
    return at < 0
        ? "region " + scope
        : "profile " + scope.substring(0, at) + " (" + scope.substring(at + 1) + ")";
  }

  /** Whether the instances of a listing come from several scopes (regions or profiles). */
  public boolean multiScope() {
    return !scopes().isEmpty();
  }

  private List<String> knownProfiles() {
    if (global.isDemo()) {
      return List.of("dev", "prod", "research"); // Demo.PROFILES, in this order
    }
    return cliConfig().map(CliConfig::profileNames).orElse(List.of());
  }

  /**
   * A profile's region: --region, else the environment's, else its region_id; with one --endpoint
   * for every profile, the region named, or none.
   */
  private String regionOf(String profile) {
    if (global.isDemo()) {
      return global.region() != null ? global.region() : Demo.PROFILES.get(profile);
    }
    String r = global.region() != null ? global.region() : env.firstVariable(REGION_VARS);
    if (fixedEndpoint()) {
      return r == null ? "" : r; // one --endpoint for every profile: one place, whatever region_id
    }
    if (r == null || r.isEmpty()) {
      r = cliConfig().flatMap(c -> c.profile(profile)).map(Profile::regionId).orElse(null);
    }
    if (r == null || r.isEmpty() || !Endpoints.isValidRegion(r)) {
      throw new UsageException(
          "profile " + profile + " has no region (region_id)",
          "name one with --region, or set region_id in " + configFile());
    }
    return r;
  }

  /** Whether --endpoint names one URL for every region (no {region} in it). */
  private boolean fixedEndpoint() {
    return global.endpoint() != null && !global.endpoint().contains("{region}");
  }

  private final java.util.Map<String, CredentialProvider> profileCredentials =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, Optional<String>> accounts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** One profile's credentials, resolved once; the keys are fetched at the first request. */
  private CredentialProvider credentialsOf(String profile) {
    return profileCredentials.computeIfAbsent(profile, p -> chainOf(p).resolve());
  }

  private CredentialChain chainOf(String profile) {
    return new CredentialChain(env.variables(), env.home(), cliConfig(), profile, clock())
        .http(new dev.dsw.http.TokenTransport(settings()))
        .warnings(console()::warn);
  }

  /**
   * Tags an instance with the scope it was listed in: its RegionId, and with several profiles its
   * Profile and AccountId (STS GetCallerIdentity of that profile, once, cached an hour; left out
   * when STS cannot say).
   */
  @Override
  public dev.dsw.model.Instance tag(String scope, dev.dsw.model.Instance i) {
    int at = scope.indexOf('@');
    if (at < 0) {
      return i.inRegion(scope);
    }
    String profile = scope.substring(0, at);
    if (at + 1 < scope.length()) {
      i.inRegion(scope.substring(at + 1));
    }
    i.raw().put("Profile", profile);
    accountOf(profile).ifPresent(a -> i.raw().put("AccountId", a));
    return i;
  }

  private volatile boolean lookUpAccounts = true;

  /** Whether tagging looks up each profile's account: not when the output does not show it. */
  @Override
  public void lookUpAccounts(boolean wanted) {
    lookUpAccounts = wanted;
  }

  private Optional<String> accountOf(String profile) {
    if (!lookUpAccounts) {
      return Optional.empty();
    }
    return accounts.computeIfAbsent(
        profile,
        p -> {
          try {
            if (global.isDemo()) {
              return Optional.of(identity().accountId());
            }
            return Optional.of(identityThrough(chainOf(p), credentialsOf(p).get()).accountId());
          } catch (RuntimeException e) {
            console().debugLine("profile " + p + ": no account (" + e.getMessage() + ")");
            return Optional.empty();
          }
        });
  }

  /** The client for one of several regions queried at once; {@link #regions()} decides which. */
  @Override
  public synchronized DswClient client(String region) {
    int at = region.indexOf('@');
    if (at >= 0 && global.isDemo()) {
      return client(region.substring(at + 1)); // every demo profile is the demo account
    }
    if (at >= 0) {
      String profile = region.substring(0, at);
      return regionClients.computeIfAbsent(
          region,
          r -> {
            DswClient c =
                httpClient(
                    fixedEndpoint() ? target().endpoint() : target().endpoint(r.substring(at + 1)),
                    () -> credentialsOf(profile));
            closeables.add(c);
            return c;
          });
    }
    return regionClients.computeIfAbsent(
        region,
        r -> {
          DswClient c =
              global.isDemo()
                  ? demoClient(r)
                  : httpClient(target().endpoint(r), this::sharedCredentials);
          closeables.add(c);
          return c;
        });
  }

  private DswClient httpClient(
      String endpoint, java.util.function.Supplier<CredentialProvider> credentials) {
    return new HttpDswClient(transport(credentials), endpoint);
  }

  private CredentialProvider shared;

  private CredentialProvider sharedCredentials() {
    if (shared == null) {
      shared = credentials();
    }
    return shared;
  }

  /** The demo, built on first use (not at every start): closed after the clients that call it. */
  private synchronized Demo demo() {
    if (demo == null) {
      demo = new Demo(clock());
      closeables.add(demo);
    }
    return demo;
  }

  private DswClient demoClient(String region) {
    String endpoint = demo().endpoint(region);
    return new HttpDswClient(transport(() -> CredentialProvider.of(Demo.KEYS)), endpoint);
  }

  public CredentialProvider credentials() {
    return chain().resolve();
  }

  private CredentialChain chain() {
    return new CredentialChain(env.variables(), env.home(), cliConfig(), global.profile(), clock())
        .http(new dev.dsw.http.TokenTransport(settings()))
        .warnings(console()::warn);
  }

  /**
   * A cache file of this endpoint context (the profile, region and endpoint, and the scopes of a
   * run over several): what an endpoint offers is kept per endpoint.
   */
  KeptFile kept(String kind, Duration ttl) {
    return new KeptFile(
        env.cacheDir(), kind, completionContext() + "." + String.join("_", scopes()), ttl, clock());
  }

  private dev.dsw.auth.CallerIdentity identity;

  /**
   * The scheme, host and port of an --endpoint on this machine (a dsw emulator, which answers STS
   * at its root), or null: there STS goes to the same place when nothing names an STS endpoint. A
   * remote --endpoint never receives STS calls.
   */
  private String loopbackEndpoint() {
    String e = global.endpoint();
    if (e == null || global.isDemo()) {
      return null;
    }
    try {
      java.net.URI u = java.net.URI.create(e.replace("{region}", "r"));
      String host = u.getHost();
      boolean loopback =
          host != null
              && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
      return loopback && u.getScheme() != null ? u.getScheme() + "://" + u.getRawAuthority() : null;
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  /** {@link #identity()} described in one line, or why it could not be had (dsw config show). */
  public String identityOrWhyNot() {
    try {
      dev.dsw.auth.CallerIdentity id = identity();
      return id.describe() + " from " + (global.isDemo() ? "the demo's STS" : "STS");
    } catch (RuntimeException e) {
      return "(unknown: " + Failure.describe(e).message() + ")";
    }
  }

  /**
   * Who the credentials in force belong to (--mine, dsw config show): STS GetCallerIdentity, sent
   * only to the STS endpoint of those credentials (the demo's own with --demo), and kept an hour in
   * the cache under a hash of the AccessKey ID and that endpoint, never the key itself.
   */
  public synchronized dev.dsw.auth.CallerIdentity identity() {
    if (identity == null) {
      CredentialChain chain;
      Credentials credentials;
      if (global.isDemo()) {
        client(); // checks the region and starts the emulator, as a listing does
        chain =
            new CredentialChain(
                    Map.of("ALIBABA_CLOUD_STS_ENDPOINT", demo().sts()),
                    env.home(),
                    Optional.empty(),
                    null,
                    clock())
                .http(new dev.dsw.http.TokenTransport(settings()));
        credentials = Demo.KEYS;
      } else {
        chain = chain();
        credentials = sharedCredentials().get();
      }
      identity = identityThrough(chain, credentials);
    }
    return identity;
  }

  /**
   * Who these credentials are: kept an hour ({@link IdentityCache}), else STS GetCallerIdentity at
   * the chain's STS endpoint (an emulator's own, for an --endpoint on this machine).
   */
  private dev.dsw.auth.CallerIdentity identityThrough(CredentialChain chain, Credentials c) {
    String sts = chain.stsUrl(loopbackEndpoint());
    IdentityCache cache = new IdentityCache(env.cacheDir(), c.accessKeyId(), sts, clock());
    dev.dsw.auth.CallerIdentity id = cache.read();
    if (id == null) {
      id = chain.identity(c, sts);
      cache.write(id);
    }
    console().debugLine("identity: " + id.describe() + " (" + sts + ")");
    return id;
  }

  private Transport.Settings settings;

  /**
   * How every outbound call behaves (the API's and the credential services'), decided once: the
   * timeouts, retries, --ca-bundle and the proxy variables are checked here, before credentials are
   * looked for, so a usage error is exit 2 whatever the credentials.
   */
  private Transport.Settings settings() {
    if (settings == null) {
      Integer retries = global.retries();
      if (retries != null && retries > 20) {
        throw new UsageException("--retries must be between 0 and 20 (got " + retries + ")", null);
      }
      Console c = console();
      Transport.Settings s = // what is not given keeps Transport's defaults (10s, 30s, 60s, 4)
          Transport.Settings.builder(userAgent(), env.variables(), clock())
              .timeouts(global.connectTimeout(), global.readTimeout(), global.timeout())
              .retries(retries)
              .caBundle(caBundle())
              .debug(c.debug() ? c::debugLine : null)
              .build();
      Transport.check(s);
      settings = s;
    }
    return settings;
  }

  private Transport transport(java.util.function.Supplier<CredentialProvider> credentials) {
    Transport.Settings s = settings(); // first: usage errors before credentials
    return new Transport(s, credentials.get());
  }

  /** --ca-bundle, else DSW_CA_BUNDLE, loaded; null for the runtime's own certificates. */
  private dev.dsw.http.CaBundle caBundle() {
    java.nio.file.Path file = global.caBundle();
    if (file == null) {
      String fromEnv = env.variables().get("DSW_CA_BUNDLE");
      if (fromEnv == null || fromEnv.isEmpty()) {
        return null;
      }
      file = java.nio.file.Path.of(fromEnv);
    }
    return dev.dsw.http.CaBundle.load(file);
  }

  public static String userAgent() {
    return "dsw/"
        + VersionProvider.version().split(" ")[0]
        + " (Java "
        + System.getProperty("java.version")
        + "; "
        + System.getProperty("os.name")
        + ")";
  }

  /** ~/.aliyun/config.json, read once per run (empty when it does not exist). */
  private Optional<CliConfig> cliConfig() {
    if (cliConfig == null) {
      Path file = CliConfig.defaultPath(env.home());
      try {
        cliConfig = CliConfig.read(file);
      } catch (dev.dsw.config.ConfigException e) {
        // The documented order puts the environment before the file: complete keys there need
        // no file, so a broken one is a warning, not the end of the run (unless --profile names
        // it).
        if (global.profile() != null || !CredentialChain.environmentHasKeys(env.variables())) {
          throw e;
        }
        console().warn(e.getMessage() + "; using the AccessKey in the environment");
        cliConfig = Optional.empty();
        return cliConfig;
      }
      if (cliConfig.isPresent()) {
        FileModes.exposure(file).ifPresent(console()::warn);
      }
    }
    return cliConfig;
  }

  /**
   * The name of the completion cache for this run: "demo" and the region with --demo, else the
   * --profile, --region and --endpoint given (or their environment variables); the completion
   * scripts name it the same way from the command line being completed.
   */
  public String completionContext() {
    String r = global.region() != null ? global.region() : env.firstVariable(REGION_VARS);
    String region = ".r-" + (r == null ? "" : r);
    if (global.isDemo()) {
      return ("demo" + region).replaceAll("[^A-Za-z0-9._-]", "_");
    }
    String p =
        global.profile() != null
            ? global.profile()
            : env.firstVariable(CredentialChain.PROFILE_VARS);
    String e = global.endpoint() != null ? global.endpoint() : "";
    String key = "p-" + (p == null ? "" : p) + region + ".e-" + e;
    return key.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** ~/.aliyun/config.json under the home in force ($HOME). */
  public java.nio.file.Path configFile() {
    return CliConfig.defaultPath(env.home());
  }

  public Optional<Profile> selectedProfile() {
    String explicit = global.profile();
    Optional<CliConfig> config = cliConfig();
    if (explicit != null && config.isPresent() && config.get().profile(explicit).isEmpty()) {
      throw new ConfigException(
          "no profile '"
              + explicit
              + "' in "
              + config.get().file()
              + " (profiles: "
              + String.join(", ", config.get().profileNames())
              + ")");
    }
    return config.flatMap(
        c -> c.selected(explicit, env.firstVariable(CredentialChain.PROFILE_VARS)));
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
