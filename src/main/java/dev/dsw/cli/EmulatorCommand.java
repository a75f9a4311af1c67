package dev.dsw.cli;

import dev.dsw.emulator.EmulatorServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** dsw emulator: a local PAI-DSW API for trying dsw and testing scripts offline. */
@Command(name = "emulator", sortOptions = false,
    description = {
      "Serve a local PAI-DSW ListInstances API (signature checks, paging, faults) until Ctrl-C.",
      "The first line on stdout is the base URL; one line per request goes to stderr.",
      "The AccessKey secret it accepts is DSW_EMULATOR_ACCESS_KEY_SECRET (default: the demo secret)."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  url=$(dsw emulator --port 0 | head -1) &",
      "  ALIBABA_CLOUD_ACCESS_KEY_ID=" + EmulatorServer.DEMO_KEY_ID + " ALIBABA_CLOUD_ACCESS_KEY_SECRET="
          + EmulatorServer.DEMO_KEY_SECRET + " dsw list --endpoint $url"
    })
final class EmulatorCommand implements Callable<Integer> {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions global;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", paramLabel = "<n>", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port = 8080;

  @Option(names = "--bind", paramLabel = "<address>",
      description = "Address to listen on. Default: ${DEFAULT-VALUE}; anything else is reachable from other hosts.")
  String bind = "127.0.0.1";

  @Option(names = "--data", paramLabel = "<file>",
      description = "Serve these instances: a JSON array (e.g. saved 'dsw list -o json') or an object with Instances.")
  Path data;

  @Option(names = "--instances", paramLabel = "<n>", description = "Size of the generated fleet. Default: ${DEFAULT-VALUE}.")
  int instances = 200;

  @Option(names = "--seed", paramLabel = "<n>", description = "Seed for the generated fleet and faults. Default: ${DEFAULT-VALUE}.")
  long seed = 42;

  @Option(names = "--anchor", paramLabel = "<instant>",
      description = "Generated creation times end here (ISO-8601). Default: today 00:00 UTC.")
  Instant anchor;

  @Option(names = "--default-workspace", paramLabel = "<id>", description = "Workspace used when WorkspaceId is absent. Default: ${DEFAULT-VALUE}.")
  String defaultWorkspace = "40823";

  @Option(names = "--access-key-id", paramLabel = "<id>", description = "AccessKey ID to accept. Default: ${DEFAULT-VALUE}.")
  String accessKeyId = EmulatorServer.DEMO_KEY_ID;

  /** The secret to accept comes from the environment, never from the command line (where ps would show it). */
  static final String SECRET_VARIABLE = "DSW_EMULATOR_ACCESS_KEY_SECRET";

  @Option(names = "--max-page-size", paramLabel = "<n>", description = "Largest PageSize accepted. Default: ${DEFAULT-VALUE}.")
  int maxPageSize = 100;

  @Option(names = "--latency", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Delay added to every ListInstances request, e.g. 50ms.")
  Duration latency = Duration.ZERO;

  @Option(names = "--fault-rate", paramLabel = "<0..1>", description = "Share of requests answered 500/503. Default: 0.")
  double faultRate;

  @Option(names = "--throttle-rate", paramLabel = "<0..1>", description = "Share answered 429 Throttling.User with Retry-After. Default: 0.")
  double throttleRate;

  @Option(names = "--truncate-rate", paramLabel = "<0..1>", description = "Share whose body is cut off half way. Default: 0.")
  double truncateRate;

  @Option(names = "--drop-rate", paramLabel = "<0..1>", description = "Share whose connection is closed before any answer. Default: 0.")
  double dropRate;

  @Option(names = "--spike-rate", paramLabel = "<0..1>", description = "Share answered only after --spike. Default: 0.")
  double spikeRate;

  @Option(names = "--spike", paramLabel = "<duration>", converter = DurationConverter.class,
      description = "Extra delay of a latency spike. Default: 300ms.")
  Duration spike = Duration.ofMillis(300);

  @Option(names = "--regions", split = ",", paramLabel = "<id>", completionCandidates = Regions.class,
      description = "Also answer for these regions at /REGION/api/v2/instances, each with its own fleet "
          + "(use dsw --endpoint 'URL/{region}' --region a,b).")
  java.util.List<String> regions = new java.util.ArrayList<>();

  private final Services services;

  EmulatorCommand(Services services) {
    this.services = services;
  }

  private String secret() {
    String s = services.env().variables().get(SECRET_VARIABLE);
    return s == null || s.isEmpty() ? EmulatorServer.DEMO_KEY_SECRET : s;
  }

  @Override
  public Integer call() throws Exception {
    for (double rate : new double[] {faultRate, throttleRate, truncateRate, dropRate, spikeRate}) {
      if (rate < 0 || rate > 1) {
        throw new ParameterException(spec.commandLine(), "fault, throttle, truncate, drop and spike rates must be between 0 and 1");
      }
    }
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
    }
    Console console = services.console();
    if (!bind.equals("127.0.0.1") && !bind.equals("localhost") && !bind.equals("::1")) {
      console.warn("listening on " + bind + ": other hosts can reach this emulator");
    }
    Clock clock = services.clock();
    EmulatorServer.Options o = new EmulatorServer.Options(bind, port, data, instances, seed,
        anchor != null ? anchor : clock.instant().truncatedTo(ChronoUnit.DAYS), defaultWorkspace, accessKeyId,
        secret(), maxPageSize, latency, faultRate, throttleRate, truncateRate, clock,
        line -> {
          if (!console.quiet()) {
            console.err().println(line);
          }
        }, seed, regions, dropRate, spikeRate, spike);
    CountDownLatch stop = new CountDownLatch(1);
    try (EmulatorServer server = EmulatorServer.start(o)) {
      console.out().println(server.baseUrl());
      console.out().flush();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stop.countDown();
      }));
      stop.await();
    }
    return ExitCodes.OK;
  }
}
