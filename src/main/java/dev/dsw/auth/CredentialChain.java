package dev.dsw.auth;

import dev.dsw.config.CliConfig;
import dev.dsw.config.ConfigException;
import dev.dsw.config.IniFile;
import dev.dsw.config.Profile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds credentials where Alibaba Cloud users already keep them, in this order (credentials.md
 * §4.3): an explicit --profile; the environment; ~/.aliyun/config.json (ALIBABA_CLOUD_PROFILE, else
 * its current profile); the INI credentials file; the ECS metadata service (only when a role is
 * named); a credentials URI. Secrets are never taken from the command line.
 */
public final class CredentialChain {
  static final String[] ID_VARS = {
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABACLOUD_ACCESS_KEY_ID",
    "ALICLOUD_ACCESS_KEY_ID",
    "ALICLOUD_ACCESS_KEY"
  };
  static final String[] SECRET_VARS = {
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABACLOUD_ACCESS_KEY_SECRET",
    "ALICLOUD_ACCESS_KEY_SECRET",
    "ALICLOUD_SECRET_KEY"
  };
  static final String[] TOKEN_VARS = {
    "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABACLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"
  };
  public static final String[] PROFILE_VARS = {
    "ALIBABACLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"
  };

  /** Overrides the ECS metadata base URL; tests point it at the emulator. */
  public static final String METADATA_VAR = "DSW_ECS_METADATA_ENDPOINT";

  /** The most profiles one ChainableRamRoleArn chain may pass through. */
  static final int MAX_CHAIN = 10;

  private final Map<String, String> env;
  private final Path home;
  private final Optional<CliConfig> config;
  private final String profileFlag;
  private final Clock clock;
  private TokenServices tokens;
  private java.util.function.Consumer<String> warn = w -> {};

  /** A chain that reads ~/.aliyun/config.json itself. */
  public CredentialChain(Map<String, String> env, Path home, String profileFlag, Clock clock) {
    this(env, home, CliConfig.read(CliConfig.defaultPath(home)), profileFlag, clock);
  }

  /**
   * A chain over an already read config.json (empty when there is none), so a run reads it once.
   */
  public CredentialChain(
      Map<String, String> env,
      Path home,
      Optional<CliConfig> config,
      String profileFlag,
      Clock clock) {
    this.env = env;
    this.home = home;
    this.config = config;
    this.profileFlag = profileFlag;
    this.clock = clock;
    this.tokens = new TokenServices(clock, TokenHttp.NONE);
  }

  /**
   * The HTTP stack the credential services are reached through (STS, ECS metadata, a credentials
   * URI); without it, a source that must fetch is refused.
   */
  public CredentialChain http(TokenHttp stack) {
    this.tokens = new TokenServices(clock, stack);
    return this;
  }

  /**
   * Whether the environment holds both an AccessKey ID and its secret (the chain's first source).
   */
  public static boolean environmentHasKeys(Map<String, String> env) {
    return firstSet(env, ID_VARS) != null && firstSet(env, SECRET_VARS) != null;
  }

  private static String firstSet(Map<String, String> env, String[] names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isEmpty()) {
        return n;
      }
    }
    return null;
  }

  /** Where to report credential files that other users can read. */
  public CredentialChain warnings(java.util.function.Consumer<String> sink) {
    this.warn = sink;
    return this;
  }

  /**
   * Returns the provider of the first source that has credentials; throws CredentialsException
   * listing all tried.
   */
  public CredentialProvider resolve() {
    List<String> tried = new ArrayList<>();
    Path configPath = CliConfig.defaultPath(home);

    if (profileFlag != null) {
      return named(configPath);
    }
    Optional<CredentialProvider> fromEnv = fromEnvironment();
    if (fromEnv.isPresent()) {
      return fromEnv.get();
    }
    tried.add("environment (ALIBABA_CLOUD_ACCESS_KEY_ID: not set)");

    String envProfile = value(PROFILE_VARS);
    if (config.isPresent()) {
      CliConfig cfg = config.get();
      String name = cfg.selectedName(null, envProfile);
      Optional<Profile> p = cfg.profile(name);
      if (p.isPresent()) {
        return fromProfile(cfg, p.get(), new HashSet<>());
      }
      tried.add(configPath + " (no profile '" + name + "')");
    } else {
      tried.add(configPath + " (not found)");
    }

    Optional<CredentialProvider> ini = fromIni(envProfile == null ? "default" : envProfile, tried);
    if (ini.isPresent()) {
      return ini.get();
    }

    String role = env.get("ALIBABA_CLOUD_ECS_METADATA");
    if (role != null
        && !role.isEmpty()
        && !"true".equalsIgnoreCase(env.get("ALIBABA_CLOUD_ECS_METADATA_DISABLED"))) {
      return ecsRole(role);
    }
    tried.add("ECS metadata (ALIBABA_CLOUD_ECS_METADATA: not set)");

    String uri = env.get("ALIBABA_CLOUD_CREDENTIALS_URI");
    if (uri != null && !uri.isEmpty()) {
      return new RefreshingProvider(
          () -> tokens.uri(uri, "credentials URI"),
          clock,
          "credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)");
    }
    tried.add("credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI: not set)");
    throw new CredentialsException("no credentials found", tried);
  }

  /** The profile --profile names, which must exist. */
  private CredentialProvider named(Path configPath) {
    CliConfig cfg =
        config.orElseThrow(
            () ->
                new ConfigException(
                    "--profile " + profileFlag + " given, but " + configPath + " does not exist"));
    Profile p =
        cfg.profile(profileFlag)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "no profile '"
                            + profileFlag
                            + "' in "
                            + configPath
                            + " (profiles: "
                            + String.join(", ", cfg.profileNames())
                            + ")"));
    return fromProfile(cfg, p, new HashSet<>());
  }

  /**
   * Keys from the environment variables, when both are set; one without the other is an error
   * naming the one that is set.
   */
  private Optional<CredentialProvider> fromEnvironment() {
    String idVar = firstSet(ID_VARS);
    String secretVar = firstSet(SECRET_VARS);
    if (idVar != null && secretVar != null) {
      String tokenVar = firstSet(TOKEN_VARS);
      // each value is checked under its own variable's name, so the message says which to fix
      Credentials.sendable("AccessKey ID", env.get(idVar), idVar);
      Credentials.sendable("AccessKey secret", env.get(secretVar), secretVar);
      if (tokenVar != null) {
        Credentials.sendable("security token", env.get(tokenVar), tokenVar);
      }
      return Optional.of(
          fixed(
              Credentials.of(
                  env.get(idVar),
                  env.get(secretVar),
                  value(TOKEN_VARS),
                  "environment (" + idVar + ")")));
    }
    if (idVar != null || secretVar != null) {
      throw new CredentialsException(
          (idVar != null
              ? idVar + " is set but no AccessKey secret variable is"
              : secretVar + " is set but no AccessKey ID variable is"),
          List.of());
    }
    return Optional.empty();
  }

  /** Who these credentials belong to (STS GetCallerIdentity at this URL), for --mine. */
  public CallerIdentity identity(Credentials credentials, String stsUrl) {
    return tokens.callerIdentity(stsUrl, credentials);
  }

  /**
   * Where STS is for the credentials {@link #resolve} picks: the profile's sts_endpoint or
   * sts_region when a profile gives them, else ALIBABA_CLOUD_STS_ENDPOINT or
   * ALIBABA_CLOUD_STS_REGION, else sts.aliyuncs.com. {@code otherwise} (when not null) stands in
   * for sts.aliyuncs.com when neither the profile nor the environment names an STS endpoint or
   * region.
   */
  public String stsUrl(String otherwise) {
    Profile p = null;
    if (config.isPresent() && (profileFlag != null || !environmentHasKeys(env))) {
      String name =
          profileFlag != null ? profileFlag : config.get().selectedName(null, value(PROFILE_VARS));
      p = config.get().profile(name).orElse(null);
    }
    String region = p == null ? null : p.stsRegion();
    String endpoint = p == null ? null : p.stsEndpoint();
    boolean named =
        region != null
            || endpoint != null
            || !env.getOrDefault("ALIBABA_CLOUD_STS_ENDPOINT", "").isEmpty()
            || !env.getOrDefault("ALIBABA_CLOUD_STS_REGION", "").isEmpty();
    return !named && otherwise != null ? otherwise : stsUrl(region, endpoint);
  }

  private Optional<CredentialProvider> fromIni(String section, List<String> tried) {
    List<Path> paths = new ArrayList<>();
    String override = env.get("ALIBABA_CLOUD_CREDENTIALS_FILE");
    if (override != null && !override.isEmpty()) {
      paths.add(Path.of(override));
    }
    paths.add(home.resolve(".alibabacloud").resolve("credentials"));
    paths.add(home.resolve(".alibabacloud").resolve("credentials.ini"));
    for (Path path : paths) {
      Optional<IniFile> ini = IniFile.read(path);
      if (ini.isEmpty()) {
        tried.add(path + " (not found)");
        continue;
      }
      dev.dsw.config.FileModes.exposure(path).ifPresent(warn);
      Map<String, String> s = ini.get().sections().get(section);
      if (s == null || !Boolean.parseBoolean(s.getOrDefault("enable", "false"))) {
        tried.add(path + " (no enabled [" + section + "] section)");
        continue;
      }
      String where = path + " [" + section + "]";
      String type = s.getOrDefault("type", "");
      return Optional.of(
          switch (type) {
            case "access_key" ->
                fixed(
                    Credentials.of(
                        require(s, "access_key_id", where),
                        require(s, "access_key_secret", where),
                        null,
                        where));
            case "ecs_ram_role" -> ecsRole(s.get("role_name"));
            case "ram_role_arn" ->
                assumeRole(
                    fixed(
                        Credentials.of(
                            require(s, "access_key_id", where),
                            require(s, "access_key_secret", where),
                            null,
                            where)),
                    new TokenServices.Role(
                        require(s, "role_arn", where), s.get("role_session_name"), null, 3600),
                    stsUrl(s.get("region_id"), null),
                    where);
            default ->
                throw new ConfigException(
                    where
                        + ": type '"
                        + type
                        + "' is not supported by dsw "
                        + "(supported: access_key, ecs_ram_role, ram_role_arn)");
          });
    }
    return Optional.empty();
  }

  private CredentialProvider fromProfile(CliConfig cfg, Profile p, Set<String> visiting) {
    String where = "profile '" + p.name() + "' in " + cfg.file();
    if (!visiting.add(p.name())) {
      throw new ConfigException(where + ": source_profile chain loops back to itself");
    }
    if (visiting.size() > MAX_CHAIN) {
      throw new dev.dsw.config.ConfigLimitException(
          where
              + ": source_profile chain is longer than "
              + MAX_CHAIN
              + " profiles; each link is one AssumeRole call at every start");
    }
    String mode = p.mode() == null ? "" : p.mode();
    return switch (mode) {
      case "AK" ->
          fixed(
              Credentials.of(
                  need(p.accessKeyId(), "access_key_id", where),
                  need(p.accessKeySecret(), "access_key_secret", where),
                  null,
                  where));
      case "StsToken" ->
          fixed(
              Credentials.of(
                  need(p.accessKeyId(), "access_key_id", where),
                  need(p.accessKeySecret(), "access_key_secret", where),
                  need(p.stsToken(), "sts_token", where),
                  where));
      case "RamRoleArn" ->
          assumeRole(
              fixed(
                  Credentials.of(
                      need(p.accessKeyId(), "access_key_id", where),
                      need(p.accessKeySecret(), "access_key_secret", where),
                      p.stsToken(),
                      where)),
              role(p, where),
              stsUrl(p.stsRegion(), p.stsEndpoint()),
              where);
      case "ChainableRamRoleArn" -> {
        String sourceName = need(p.sourceProfile(), "source_profile", where);
        Profile source =
            cfg.profile(sourceName)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            where + ": source_profile '" + sourceName + "' does not exist"));
        yield assumeRole(
            fromProfile(cfg, source, visiting),
            role(p, where),
            stsUrl(p.stsRegion(), p.stsEndpoint()),
            where);
      }
      case "EcsRamRole" -> ecsRole(p.ramRoleName());
      case "CredentialsURI" -> {
        String uri =
            p.credentialsUri() != null
                ? p.credentialsUri()
                : env.get("ALIBABA_CLOUD_CREDENTIALS_URI");
        String u = need(uri, "credentials_uri", where);
        yield new RefreshingProvider(
            () -> tokens.uri(u, where), clock, where + " (CredentialsURI)");
      }
      default ->
          throw new ConfigException(
              where
                  + ": mode '"
                  + mode
                  + "' is not supported by dsw (supported: AK, StsToken, RamRoleArn,"
                  + " ChainableRamRoleArn, EcsRamRole, CredentialsURI)");
    };
  }

  private static TokenServices.Role role(Profile p, String where) {
    return new TokenServices.Role(
        need(p.ramRoleArn(), "ram_role_arn", where),
        p.ramSessionName(),
        p.externalId(),
        duration(p));
  }

  private CredentialProvider assumeRole(
      CredentialProvider base, TokenServices.Role role, String stsUrl, String where) {
    return new RefreshingProvider(
        () -> tokens.assumeRole(stsUrl, base.get(), role, where + " (RamRoleArn)"),
        clock,
        where + " (AssumeRole " + role.arn() + " via " + stsUrl + ")");
  }

  private CredentialProvider ecsRole(String roleName) {
    String base = env.getOrDefault(METADATA_VAR, "http://100.100.100.200");
    String where = "ECS metadata role " + (roleName == null ? "(discovered)" : roleName);
    return new RefreshingProvider(() -> tokens.ecsRole(base, roleName, where), clock, where);
  }

  private String stsUrl(String region, String endpoint) {
    String e = endpoint != null ? endpoint : env.get("ALIBABA_CLOUD_STS_ENDPOINT");
    if (e != null && !e.isEmpty()) {
      return e.contains("://") ? e : "https://" + e.replaceAll("/+$", "");
    }
    String r = region != null ? region : env.get("ALIBABA_CLOUD_STS_REGION");
    return r == null || r.isEmpty()
        ? "https://sts.aliyuncs.com"
        : "https://sts." + r + ".aliyuncs.com";
  }

  private static int duration(Profile p) {
    return p.expiredSeconds() == null || p.expiredSeconds() < 900 ? 3600 : p.expiredSeconds();
  }

  private static CredentialProvider fixed(Credentials c) {
    return CredentialProvider.of(c);
  }

  private static String need(String value, String key, String where) {
    if (value == null || value.isEmpty()) {
      throw new ConfigException(where + " has no " + key);
    }
    return value;
  }

  private static String require(Map<String, String> section, String key, String where) {
    return need(section.get(key), key, where);
  }

  /** Returns the first of the names whose variable is set and non-empty, or null. */
  private String firstSet(String[] names) {
    return firstSet(env, names);
  }

  private String value(String[] names) {
    String name = firstSet(names);
    return name == null ? null : env.get(name);
  }
}
