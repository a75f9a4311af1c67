package dev.dsw.cli.options;

import dev.dsw.cli.completion.Regions;
import dev.dsw.emulator.EmulatorConfig;
import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags of dsw emulator; {@link #builder} turns them into the emulator's options, whose builder
 * checks the bounds.
 */
public final class EmulatorOptions {
  @Option(
      names = "--port",
      paramLabel = "<n>",
      description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "<address>",
      description =
          "Address to listen on. Default: ${DEFAULT-VALUE}; anything else is reachable from other"
              + " hosts.")
  String bind = "127.0.0.1";

  @Option(
      names = "--data",
      paramLabel = "<file>",
      description =
          "Serve these instances: a JSON array (e.g. saved 'dsw list -o json') or an object with"
              + " Instances.")
  Path data;

  @Option(
      names = "--metrics",
      paramLabel = "<file>",
      description =
          "Serve GetInstanceMetrics from this file: a JSON object InstanceId → MetricType →"
              + " [{\"Time\": epoch seconds, \"Value\": n}]. Default: each instance's usage profile"
              + " (docs/emulator.md).")
  Path metrics;

  @Option(
      names = "--instances",
      paramLabel = "<n>",
      description = "Size of the generated fleet. Default: ${DEFAULT-VALUE}.")
  int instances = 200;

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      description = "Seed for the generated fleet and faults. Default: ${DEFAULT-VALUE}.")
  long seed = 42;

  @Option(
      names = "--anchor",
      paramLabel = "<instant>",
      converter = TimeConverter.class,
      description = "Generated creation times end here (ISO-8601). Default: today 00:00 UTC.")
  Instant anchor;

  @Option(
      names = "--default-workspace",
      paramLabel = "<id>",
      description = "Workspace used when WorkspaceId is absent. Default: ${DEFAULT-VALUE}.")
  String defaultWorkspace = "40823";

  @Option(
      names = "--access-key-id",
      paramLabel = "<id>",
      description = "AccessKey ID to accept. Default: ${DEFAULT-VALUE}.")
  String accessKeyId = EmulatorServer.DEMO_KEY_ID;

  @Option(
      names = "--caller",
      paramLabel = "<kind>",
      description =
          "Who STS GetCallerIdentity says the accepted key is: account, ram-user or assumed-role"
              + " (keys from AssumeRole are always their role). Default: ${DEFAULT-VALUE}.")
  String caller = "ram-user";

  @Option(
      names = "--caller-id",
      paramLabel = "<uid>",
      description =
          "Its UserId, or RoleId for assumed-role (account: the account ID). Default:"
              + " ${DEFAULT-VALUE} (alice, who owns some of every generated fleet).")
  String callerId = "203400000000001";

  @Option(
      names = "--caller-name",
      paramLabel = "<name>",
      description = "Its user or role name, in the Arn. Default: ${DEFAULT-VALUE}.")
  String callerName = "alice";

  @Option(
      names = "--account-id",
      paramLabel = "<id>",
      description = "The account of every identity. Default: ${DEFAULT-VALUE}.")
  String accountId = "1234567890123456";

  @Option(
      names = "--max-page-size",
      paramLabel = "<n>",
      description = "Largest PageSize accepted. Default: ${DEFAULT-VALUE}.")
  int maxPageSize = 100;

  @Option(
      names = "--latency",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Delay added to every API request, e.g. 50ms.")
  Duration latency = Duration.ZERO;

  @Option(
      names = "--transition-step",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description =
          "How long each step of an instance's EmulatorTimeline lasts (the demo's starting and"
              + " failing instances), e.g. 2s. Default: 20s.")
  Duration transitionStep = Duration.ofSeconds(20);

  @Option(
      names = "--fault-rate",
      paramLabel = "<0..1>",
      description = "Share of requests answered 500/503. Default: 0.")
  double faultRate;

  @Option(
      names = "--throttle-rate",
      paramLabel = "<0..1>",
      description = "Share answered 429 Throttling.User with Retry-After. Default: 0.")
  double throttleRate;

  @Option(
      names = "--truncate-rate",
      paramLabel = "<0..1>",
      description = "Share whose body is cut off half way. Default: 0.")
  double truncateRate;

  @Option(
      names = "--drop-rate",
      paramLabel = "<0..1>",
      description = "Share whose connection is closed before any answer. Default: 0.")
  double dropRate;

  @Option(
      names = "--spike-rate",
      paramLabel = "<0..1>",
      description = "Share answered only after --spike. Default: 0.")
  double spikeRate;

  @Option(
      names = "--spike",
      paramLabel = "<duration>",
      converter = DurationConverter.class,
      description = "Extra delay of a latency spike. Default: 300ms.")
  Duration spike = Duration.ofMillis(300);

  @Option(
      names = "--regions",
      split = ",",
      paramLabel = "<id>",
      completionCandidates = Regions.class,
      description =
          "Also answer for these regions at /REGION/api/v2/instances, each with its own fleet "
              + "(use dsw --endpoint 'URL/{region}' --region a,b).")
  java.util.List<String> regions = new java.util.ArrayList<>();

  /**
   * The secret to accept comes from the environment, never from the command line (where ps would
   * show it).
   */
  public static final String SECRET_VARIABLE = "DSW_EMULATOR_ACCESS_KEY_SECRET";

  /**
   * The options these flags give, on this clock (--anchor defaults to today 00:00 UTC), with the
   * secret of {@link #SECRET_VARIABLE} in {@code env} (default: the demo secret); the caller adds
   * the log.
   */
  public EmulatorConfig.Builder builder(Clock clock, Map<String, String> env) {
    String secret = env.getOrDefault(SECRET_VARIABLE, "");
    return EmulatorConfig.builder()
        .clock(clock)
        .accessKeySecret(secret.isEmpty() ? EmulatorServer.DEMO_KEY_SECRET : secret)
        .anchor(anchor != null ? anchor : clock.instant().truncatedTo(ChronoUnit.DAYS))
        .host(bind)
        .port(port)
        .data(data)
        .metrics(metrics)
        .caller(caller, accountId, callerId, callerName)
        .instances(instances)
        .seed(seed)
        .defaultWorkspace(defaultWorkspace)
        .accessKeyId(accessKeyId)
        .maxPageSize(maxPageSize)
        .latency(latency)
        .transitionStep(transitionStep)
        .faultRate(faultRate)
        .throttleRate(throttleRate)
        .truncateRate(truncateRate)
        .dropRate(dropRate)
        .spikeRate(spikeRate)
        .spike(spike)
        .faultSeed(seed)
        .regions(regions);
  }

  /** Whether the address is reachable only from this host. */
  public boolean loopback() {
    return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1");
  }
}
